// Country names and world regions, from the `world-countries` package (see
// scripts/build-countries.ts); other names, for imports, in countryInput.ts; centroids, for
// placing institutions when tables are read, in countryPlaces.ts. ISO 3166-1 alpha-2 codes, Hong Kong, Macao and Taiwan included.

import table from './countries.data.json' with { type: 'json' };

export interface Country {
  code: string;
  name: string;
  /** UN geoscheme sub-region, e.g. "Eastern Asia", "Western Europe". */
  region: string;
}

type Row = [string, string, string];

export const COUNTRIES: readonly Country[] = (table.countries as Row[]).map(
  ([code, name, region]) => ({ code, name, region }),
);

export const byCode: ReadonlyMap<string, Country> = new Map(COUNTRIES.map((c) => [c.code, c]));

/** Region label for institutions with no country (alliances, international bodies). */
export const NO_COUNTRY_REGION = 'International';

export function getCountry(code: string | null | undefined): Country | undefined {
  return code ? byCode.get(code) : undefined;
}

export function isCountryCode(code: string): boolean {
  return byCode.has(code);
}

export function countryName(code: string | null): string {
  if (code === null) return 'No country (international)';
  return byCode.get(code)?.name ?? code;
}

export function countryRegion(code: string | null): string {
  if (code === null) return NO_COUNTRY_REGION;
  return byCode.get(code)?.region ?? NO_COUNTRY_REGION;
}
