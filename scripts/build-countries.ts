// Derives the compact country tables the app ships (code, name, UN sub-region, centroid; and
// other names, for imports) from the `world-countries` package, so the 770 KB library never reaches the browser.
// Usage: tsx scripts/build-countries.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildCountryFiles } from './countryTable';

const check = process.argv.includes('--check');
let stale = false;
for (const [path, fresh] of Object.entries(buildCountryFiles())) {
  const target = fileURLToPath(new URL(`../${path}`, import.meta.url));
  if (check) {
    if (readFileSync(target, 'utf8') !== fresh) {
      console.error(`${path} is stale: run npm run build:countries`);
      stale = true;
    } else console.log(`${path} is up to date`);
  } else {
    writeFileSync(target, fresh);
    console.log(`wrote ${path}`);
  }
}
if (stale) process.exit(1);
