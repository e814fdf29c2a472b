// Shared test setup: skips (or, under CI, fails) when no browser is found, and fails any test
// whose page throws an uncaught error or opens a dialog.
import { test as base, expect, type Page } from '@playwright/test';
import { generateGraph } from '../../scripts/bench/generate';
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

/**
 * Types `query` into the search box and picks the first suggestion, `name`, with Enter; returns
 * the details panel once it shows that institution. (Search's code loads on first use: Enter
 * waits for the suggestion to be shown.)
 */
export async function focusBySearch(page: Page, query: string, name: string) {
  const search = page.getByRole('combobox', { name: 'Search institutions' });
  await search.fill(query);
  await expect(page.getByRole('listbox').getByRole('option').first()).toContainText(name);
  await search.press('Enter');
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(name);
  return details;
}

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

type Box = { id: string; x1: number; y1: number; x2: number; y2: number };

/** The labels drawn now, and the pairs of them that overlap by more than `slack` pixels. */
export async function drawnLabels(page: Page, slack = 2) {
  const labels = await page.evaluate(() => window.atlasView?.labels() ?? []);
  const overlapping: [string, string][] = [];
  const over = (a: Box, b: Box) =>
    Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > slack &&
    Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > slack;
  labels.forEach((a, i) => {
    for (const b of labels.slice(i + 1)) if (over(a, b)) overlapping.push([a.id, b.id]);
  });
  return { labels, overlapping };
}

/**
 * Opens a generated graph of 2,200 institutions and 2,700 agreements: under the drawing limit,
 * so every institution is drawn, but past the 2,000 whose labels are placed one by one.
 */
export async function openOverTwoThousand(page: Page) {
  const graph = generateGraph(2200, 5);
  graph.elements.edges = graph.elements.edges.slice(0, 2700);
  await page.route('**/many.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(graph) }),
  );
  await page.goto('./?graph=many.json');
}
