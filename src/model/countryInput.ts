// Reading a country as people write it in a table: a code, the common name or another name
// ("UK", "South Korea", "Deutschland"). The other names load with the importer only.

import { COUNTRIES, byCode } from './countries';
import table from './countryNames.data.json' with { type: 'json' };

const names = table.names as Record<string, string[] | undefined>;

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
      for (const n of [c.name, ...(names[c.code] ?? [])]) {
        const key = normaliseName(n);
        if (key && !byName.has(key)) byName.set(key, c.code);
      }
    }
  }
  return byName.get(normaliseName(trimmed));
}
