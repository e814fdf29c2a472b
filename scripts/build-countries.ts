// Derives the compact country table the app ships (code, name, UN sub-region, centroid, other
// names) from the `world-countries` package, so the 770 KB library never reaches the browser.
// Usage: tsx scripts/build-countries.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildCountryTable, COUNTRY_TABLE_PATH } from './countryTable';

const target = fileURLToPath(new URL(`../${COUNTRY_TABLE_PATH}`, import.meta.url));
const fresh = buildCountryTable();
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== fresh) {
    console.error(`${COUNTRY_TABLE_PATH} is stale: run npm run build:countries`);
    process.exit(1);
  }
  console.log(`${COUNTRY_TABLE_PATH} is up to date`);
} else {
  writeFileSync(target, fresh);
  console.log(`wrote ${COUNTRY_TABLE_PATH}`);
}
