import { readFileSync } from 'node:fs';
import { expect, statusCounts, test } from './fixtures';

const graph = JSON.parse(readFileSync('data/graph.json', 'utf8')) as {
  elements: { nodes: unknown[]; edges: unknown[] };
};

test('the page loads graph.json and the status line counts all of it', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('status-line')).toContainText('Showing');
  const c = await statusCounts(page);
  expect(c.total).toBe(graph.elements.nodes.length);
  expect(c.totalEdges).toBe(graph.elements.edges.length);
  expect(c.shown).toBe(c.total);
  expect(c.shownEdges).toBe(c.totalEdges);
  // The network is drawn: Cytoscape's canvases are in the page.
  await expect(page.locator('[data-testid="graph-canvas"] canvas').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/default-view.png' });
});

test('a graph file that is not valid shows what is wrong instead of a blank page', async ({
  page,
}) => {
  await page.route('**/broken.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: '{"elements": {"nodes": [{"data": {"id": "a"}}]}}',
    }),
  );
  await page.goto('./?graph=broken.json');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not be loaded');
  await expect(alert).toContainText('elements.nodes[0].data.label');
  await expect(alert).toContainText('"label" is missing');
  await expect(page.getByTestId('status-line')).toContainText('No graph loaded');
});
