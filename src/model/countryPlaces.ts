// Where each country lies (its centroid, from the `world-countries` package; see
// scripts/build-countries.ts), for institutions whose city is not known. Only reading and
// importing tables need it, so it stays out of the page's first load.

import table from './countryPlaces.data.json' with { type: 'json' };

const places: Record<string, number[] | undefined> = table.places;

/** The centroid of the country with ISO alpha-2 `code`, or undefined for an unknown code. */
export function countryCentroid(code: string | null): { lat: number; lon: number } | undefined {
  const p = code && Object.hasOwn(places, code) ? places[code] : undefined;
  const [lat, lon] = p ?? [];
  return lat !== undefined && lon !== undefined ? { lat, lon } : undefined;
}
