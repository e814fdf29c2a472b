// A graph file without positions: the page shows it at once in a provisional disc, lays it
// out in a worker with a progress bar, and then draws the computed positions.
import { readFileSync } from 'node:fs';
import { expect, statusCounts, test } from './fixtures';

const shipped = JSON.parse(readFileSync('data/graph.json', 'utf8')) as {
  elements: { nodes: { position?: unknown }[] };
};
for (const n of shipped.elements.nodes) delete n.position;
const body = JSON.stringify(shipped);

test('a graph without positions is laid out in a worker, with progress', async ({ page }) => {
  await page.route('**/no-positions.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
  // The worker's script arrives a second late, so the provisional view and the progress bar
  // can be seen (the seed graph's layout itself takes a fraction of a second).
  await page.route('**/layoutWorker*.js', async (route) => {
    await new Promise((r) => setTimeout(r, 1000));
    await route.continue();
  });
  await page.goto('./?graph=no-positions.json');
  const counts = await statusCounts(page);
  expect(counts.total).toBe(shipped.elements.nodes.length);
  const progress = page.getByTestId('layout-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(`Placing ${counts.total} institutions`);
  const provisional = await page.evaluate(() => window.atlasView?.positions() ?? {});
  await expect(progress).toBeHidden({ timeout: 30_000 });
  const placed = await page.evaluate(() => window.atlasView?.positions() ?? {});
  const ids = Object.keys(placed);
  expect(ids.length).toBe(counts.shown);
  // Every institution moved from the provisional disc, and no two share a place.
  const moved = ids.filter(
    (id) => placed[id]?.x !== provisional[id]?.x || placed[id]?.y !== provisional[id]?.y,
  );
  expect(moved.length).toBeGreaterThan(ids.length * 0.9);
  const spots = new Set(ids.map((id) => `${placed[id]?.x},${placed[id]?.y}`));
  expect(spots.size).toBe(ids.length);
  // The filters still work on the laid-out graph.
  await page.getByRole('checkbox', { name: 'United Kingdom' }).check();
  expect((await statusCounts(page)).shown).toBeLessThan(counts.shown);
  await page.screenshot({ path: 'test-results/layout-computed.png' });
});
