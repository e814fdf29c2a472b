// Takes screenshots of the built site in headless Chromium, for looking at what we build.
// Usage: tsx scripts/screenshot.ts <query or path> <out.png> [width] [height]
// Serves dist/ itself (run `npm run build` first).
import { chromium } from '@playwright/test';
import { browserLaunch } from '../tests/e2e/browser';
import { serveStatic } from './serveStatic';

const [target = '', out = 'test-results/shot.png', w = '1280', h = '800'] = process.argv.slice(2);
const server = await serveStatic('dist', 0);
const browser = await chromium.launch(browserLaunch());
try {
  const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${server.url}/${target.replace(/^\//, '')}`);
  await page.waitForSelector('[data-testid="status-line"]');
  await page.waitForTimeout(1200);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
