// The built site from a nested folder of a plain static server, embedded in another site's page;
// and graph=<url> with good, missing, non-JSON, invalid and cross-origin files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic, type StaticServer } from '../../scripts/serveStatic';
import { expect, statusCounts, test } from './fixtures';
import { expectedCounts, seedGraph } from './expected';

let site: StaticServer;
let host: StaticServer;
let files: StaticServer;
let noCors: StaticServer;
const hostDir = mkdtempSync(join(tmpdir(), 'atlas-host-'));
const filesDir = mkdtempSync(join(tmpdir(), 'atlas-files-'));

test.beforeAll(async () => {
  site = await serveStatic('dist', 0, '/a/b/c');
  const small = JSON.parse(
    readFileSync('tests/fixtures/graphs/minimal.valid.json', 'utf8'),
  ) as unknown;
  writeFileSync(join(filesDir, 'small.json'), JSON.stringify(small));
  files = await serveStatic(filesDir, 0, '', true);
  noCors = await serveStatic(filesDir, 0, '', false);
  writeFileSync(
    join(hostDir, 'index.html'),
    `<!doctype html><html><head><title>Host</title></head><body><h1>Our partners</h1>
<iframe id="atlas" src="${site.url}/?embed=1&countries=GB" width="700" height="450" style="border:0" title="Partnership Atlas"></iframe>
</body></html>`,
  );
  host = await serveStatic(hostDir, 0);
});

test.afterAll(async () => {
  await Promise.all([site.close(), host.close(), files.close(), noCors.close()]);
});

test('the built site works from a nested folder of a plain static server', async ({ page }) => {
  await page.goto(`${site.url}/`);
  const c = await statusCounts(page);
  expect(c.total).toBe(seedGraph().elements.nodes.length);
  await expect(page.locator('[data-testid="graph-canvas"] canvas').first()).toBeVisible();
});

test('the embed renders the network inside another site’s iframe, and follows its size', async ({
  page,
}) => {
  await page.goto(`${host.url}/`);
  const frame = page.frameLocator('#atlas');
  const want = expectedCounts({ countries: ['GB'] });
  await expect(frame.getByTestId('status-line')).toContainText(
    `Showing ${want.shown} of ${want.total} institutions`,
  );
  await expect(frame.locator('[data-testid="graph-canvas"] canvas').first()).toBeVisible();
  await expect(frame.getByRole('link', { name: /Open in Partnership Atlas/ })).toHaveAttribute(
    'href',
    /countries=GB/,
  );
  await expect(frame.getByRole('region', { name: 'Legend' })).toBeVisible();
  // No full-page chrome in the embed.
  await expect(frame.getByRole('complementary', { name: 'Filters' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/embed.png' });
  // The host makes the frame smaller: the canvas follows.
  await page.evaluate(() => {
    const f = document.getElementById('atlas');
    if (f) f.setAttribute('width', '420');
  });
  await expect
    .poll(async () => (await frame.getByTestId('graph-canvas').boundingBox())?.width ?? 0)
    .toBeLessThanOrEqual(420);
});

test('controls=1 adds a compact filter bar to the embed', async ({ page }) => {
  await page.goto(`${site.url}/?embed=1&controls=1`);
  const bar = page.getByRole('group', { name: 'Filters' });
  await bar.getByLabel('Country').selectOption('DE');
  const want = expectedCounts({ countries: ['DE'] });
  expect(await statusCounts(page)).toMatchObject({
    shown: want.shown,
    shownEdges: want.shownEdges,
  });
  await expect(page).toHaveURL(/embed=1/);
  await expect(page).toHaveURL(/countries=DE/);
});

test('graph= loads another graph file from another site that allows it', async ({ page }) => {
  await page.goto(`${site.url}/?graph=${encodeURIComponent(`${files.url}/small.json`)}`);
  const c = await statusCounts(page);
  expect(c.total).toBeGreaterThan(0);
  expect(c.total).not.toBe(seedGraph().elements.nodes.length);
});

const failures = [
  { name: 'a missing file', file: 'missing.json', body: null, expected: 'The server answered 404' },
  {
    name: 'a file that is not JSON',
    file: 'page.json',
    body: '<html>oops</html>',
    expected: 'Not valid JSON',
  },
  {
    name: 'a graph that is not valid',
    file: 'bad.json',
    body: JSON.stringify({
      elements: { nodes: [{ data: { id: 'a', label: 'A', type: 'castle' } }], edges: [] },
    }),
    expected: 'elements.nodes[0].data.type: Unknown institution type "castle"',
  },
];

for (const f of failures) {
  test(`graph= with ${f.name} says what went wrong`, async ({ page }) => {
    if (f.body !== null) writeFileSync(join(filesDir, f.file), f.body);
    await page.goto(`${site.url}/?graph=${encodeURIComponent(`${files.url}/${f.file}`)}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('could not be loaded');
    await expect(alert).toContainText(f.expected);
    // A way back: the bundled graph.
    await alert.getByRole('button', { name: 'Open the bundled graph instead' }).click();
    expect((await statusCounts(page)).total).toBe(seedGraph().elements.nodes.length);
  });
}

test('graph= on a server that does not allow cross-origin reads names CORS', async ({ page }) => {
  await page.goto(`${site.url}/?graph=${encodeURIComponent(`${noCors.url}/small.json`)}`);
  await expect(page.getByRole('alert')).toContainText('CORS');
});

test('graph= refuses other schemes', async ({ page }) => {
  await page.goto(`${site.url}/?graph=${encodeURIComponent('javascript:alert(1)')}`);
  await expect(page.getByRole('alert')).toContainText(
    'Only http and https addresses can be loaded',
  );
});
