import { defineConfig } from '@playwright/test';
import { browserLaunch } from './tests/e2e/browser';

// Browser tests run against the built site (vite preview), in Debian's Chromium by default.
// PLAYWRIGHT_CHROMIUM points to another Chromium; PLAYWRIGHT_BUNDLED=1 uses Playwright's own.
const port = Number(process.env.ATLAS_TEST_PORT ?? 4873);

export default defineConfig({
  testDir: 'tests/e2e',
  // Screenshots taken by tests go to test-results/; Playwright's own artefacts to a subfolder it may wipe.
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 800 },
    launchOptions: browserLaunch(),
    acceptDownloads: true,
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
