// Shared test setup: skips (or, under CI, fails) when no browser is found, and fails any test
// whose page throws an uncaught error or opens a dialog.
import { test as base, expect, type Page } from '@playwright/test';
import { browserMissing } from './browser';

const missing = browserMissing();
if (missing) console.warn(`\n[browser tests skipped] ${missing}\n`);

export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // The built page runs under a strict Content-Security-Policy: any violation fails the test.
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy/i.test(m.text()))
          errors.push(m.text());
      });
      page.on('dialog', (d) => {
        errors.push(`unexpected dialog: ${d.message()}`);
        void d.dismiss();
      });
      await use(errors);
      expect(errors, 'uncaught errors or dialogs on the page').toEqual([]);
    },
    { auto: true },
  ],
});

test.skip(missing !== null, missing ?? '');

export { expect };

/** Reads the status line's four numbers. */
export async function statusCounts(page: Page) {
  await expect(page.getByTestId('status-line')).toContainText('Showing');
  const text = (await page.getByTestId('status-line').textContent()) ?? '';
  const m = /Showing ([\d,]+) of ([\d,]+) institutions · ([\d,]+) of ([\d,]+) agreements/.exec(
    text,
  );
  if (!m) throw new Error(`status line not understood: ${text}`);
  const n = (i: number) => Number((m[i] ?? '').replace(/,/g, ''));
  return { shown: n(1), total: n(2), shownEdges: n(3), totalEdges: n(4) };
}
