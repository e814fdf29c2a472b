import { createRequire } from 'node:module';

export const COUNTRY_TABLE_PATH = 'src/model/countries.data.json';
/** Where each country lies (its centroid), for placing institutions when tables are read or
 * imported: kept out of the page's first load. */
export const COUNTRY_PLACES_PATH = 'src/model/countryPlaces.data.json';
/** Other names of countries, for reading imported tables only: kept out of the page's first load. */
export const COUNTRY_NAMES_PATH = 'src/model/countryNames.data.json';

interface WorldCountry {
  cca2: string;
  status: string;
  name: { common: string; official: string };
  altSpellings: string[];
  region: string;
  subregion: string;
  latlng: [number, number];
}

/** Row: [alpha-2 code, common name, world region, latitude, longitude, other names]. */
export type CountryRow = [string, string, string, number, number, string[]];

/** The generated files: the country table, the countries' places and other names, by path. */
export function buildCountryFiles(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const world = require('world-countries/countries.json') as WorldCountry[];
  const pkg = require('world-countries/package.json') as { version: string };
  const rows: CountryRow[] = world
    .filter((c) => c.status === 'officially-assigned')
    .map((c): CountryRow => {
      const others = [c.name.official, ...c.altSpellings].filter(
        (n, i, all) => n !== c.name.common && n !== c.cca2 && n.length > 0 && all.indexOf(n) === i,
      );
      return [c.cca2, c.name.common, c.subregion || c.region, c.latlng[0], c.latlng[1], others];
    })
    .sort((a, b) => a[0].localeCompare(b[0]));
  const source = `world-countries ${pkg.version}`;
  const table = rows.map(([code, name, region]) => [code, name, region]);
  const places = Object.fromEntries(rows.map(([code, , , lat, lon]) => [code, [lat, lon]]));
  const names = Object.fromEntries(rows.filter((r) => r[5].length > 0).map((r) => [r[0], r[5]]));
  return {
    [COUNTRY_TABLE_PATH]: `${JSON.stringify({ source, countries: table })}\n`,
    [COUNTRY_PLACES_PATH]: `${JSON.stringify({ source, places })}\n`,
    [COUNTRY_NAMES_PATH]: `${JSON.stringify({ source, names })}\n`,
  };
}
