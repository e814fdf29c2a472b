// Country names, world regions and centroids, from the `world-countries` package (see
// scripts/build-countries.ts). ISO 3166-1 alpha-2 codes, Hong Kong, Macao and Taiwan included.

import table from './countries.data.json' with { type: 'json' };

export interface Country {
  code: string;
  name: string;
  /** UN geoscheme sub-region, e.g. "Eastern Asia", "Western Europe". */
  region: string;
  lat: number;
  lon: number;
  otherNames: readonly string[];
}

type Row = [string, string, string, number, number, string[]];

export const COUNTRIES: readonly Country[] = (table.countries as Row[]).map(
  ([code, name, region, lat, lon, otherNames]) => ({ code, name, region, lat, lon, otherNames }),
);

const byCode = new Map(COUNTRIES.map((c) => [c.code, c]));

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

function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

let byName: Map<string, string> | undefined;

/** Maps a country code or name in any common English form ("UK", "South Korea") to its code. */
export function countryCodeFromInput(input: string): string | undefined {
  const trimmed = input.trim();
  if (trimmed === '') return undefined;
  const upper = trimmed.toUpperCase();
  if (byCode.has(upper)) return upper;
  if (!byName) {
    byName = new Map();
    for (const c of COUNTRIES) {
      for (const n of [c.name, ...c.otherNames]) {
        const key = normaliseName(n);
        if (key && !byName.has(key)) byName.set(key, c.code);
      }
    }
  }
  return byName.get(normaliseName(trimmed));
}
