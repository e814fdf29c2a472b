import { drawnLabels, expect, focusBySearch, statusCounts, test } from './fixtures';
import { expectedCounts, seedGraph } from './expected';
import type { Page } from '@playwright/test';
import { DEFAULT_FILTERS, facetCounts, neighbourhood } from '../../src/filters/applyFilters';
import { COOPERATION_TYPES, formatCount } from '../../src/model';

async function ready(page: Page, query = '') {
  await page.goto(`./${query}`);
  await expect(page.getByTestId('status-line')).toContainText('Showing');
}

const countryBox = (page: Page, name: string) =>
  page.getByRole('list', { name: 'Countries' }).getByLabel(name, { exact: false });
const typeBox = (page: Page, name: string) =>
  page.getByRole('list', { name: 'Cooperation type' }).getByLabel(name, { exact: false });

test('Q1: which German or British institutions does anyone partner with, and with whom', async ({
  page,
}) => {
  await ready(page);
  await countryBox(page, 'Germany').check();
  await countryBox(page, 'United Kingdom').check();
  const want = expectedCounts({ countries: ['DE', 'GB'] });
  expect(await statusCounts(page)).toMatchObject({
    shown: want.shown,
    shownEdges: want.shownEdges,
  });
  await expect(page).toHaveURL(/countries=DE,GB/);
  // The table lists exactly what the filters show, with both parties.
  await page.getByRole('button', { name: 'Table' }).click();
  const agreements = page.locator('table').filter({ hasText: 'Partner' });
  await expect(agreements.locator('tbody tr')).toHaveCount(want.shownEdges);
  await expect(agreements).toContainText('University of Warwick');
  await expect(agreements).toContainText('Eastern Institute of Technology, Ningbo');
  await expect(agreements).toContainText('TechProtect GmbH');
  await expect(agreements).toContainText('Shanghai Polytechnic University');
  await page.screenshot({ path: 'test-results/q1-countries-table.png' });
  await page.getByRole('button', { name: 'Network' }).click();
  await page.screenshot({ path: 'test-results/q1-countries.png' });
});

test('Q2: what was signed in 2015, and what has no known date', async ({ page }) => {
  await ready(page);
  const from = page.getByLabel('From', { exact: true });
  const to = page.getByLabel('To', { exact: true });
  await from.fill('2015');
  await to.fill('2015');
  await page.getByLabel(/Include undated agreements/).uncheck();
  const want = expectedCounts({ years: [2015, 2015], undated: false });
  expect(await statusCounts(page)).toMatchObject({
    shown: want.shown,
    shownEdges: want.shownEdges,
  });
  await expect(page).toHaveURL(/years=2015(&|$)/);
  await expect(page).toHaveURL(/undated=0/);
  await page.getByRole('button', { name: 'Table' }).click();
  // The table's code loads on first use: wait for it, not just for the click.
  const agreementsTable = page.locator('table').filter({ hasText: 'Partner' });
  await expect(agreementsTable).toBeVisible();
  const dates = await agreementsTable.locator('tbody tr td:nth-child(4)').allTextContents();
  expect(dates.length).toBe(want.shownEdges);
  expect(dates.every((d) => d.startsWith('2015'))).toBe(true);
  // What has no known date: only the undated agreements.
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.getByLabel('Only agreements without a known year').check();
  const undated = seedGraph().elements.edges.filter((e) => e.data.year === null).length;
  const want2 = expectedCounts({ onlyUndated: true });
  expect(want2.shownEdges).toBe(undated);
  expect(await statusCounts(page)).toMatchObject({ shown: want2.shown, shownEdges: undated });
  await expect(page).toHaveURL(/undated=only/);
  const undatedRows = await page
    .locator('table')
    .filter({ hasText: 'Partner' })
    .locator('tbody tr td:nth-child(4)')
    .allTextContents();
  expect(undatedRows.every((d) => d === 'undated')).toBe(true);
});

test('Q3: joint programmes and joint schools, then only visits and talks', async ({ page }) => {
  await ready(page);
  // Unfiltered, the legend gives plain totals.
  const totals = await page
    .getByRole('region', { name: 'Legend' })
    .locator('.count')
    .allTextContents();
  expect(totals.length).toBeGreaterThan(5);
  expect(totals.filter((c) => c.includes('of'))).toEqual([]);
  await typeBox(page, 'Joint programme').check();
  await typeBox(page, 'Joint school').check();
  let want = expectedCounts({ types: ['joint-programme', 'joint-school'] });
  expect(await statusCounts(page)).toMatchObject({
    shown: want.shown,
    shownEdges: want.shownEdges,
  });
  await expect(page).toHaveURL(/types=joint-programme,joint-school/);
  // The legend says how many of each type are shown; a type the filter leaves out shows none.
  const legendItem = (label: RegExp) =>
    page.getByRole('region', { name: 'Legend' }).getByRole('listitem').filter({ hasText: label });
  const ofType = (t: string) =>
    formatCount(seedGraph().elements.edges.filter((e) => e.data.cooperation === t).length);
  await expect(legendItem(/^Joint programme/)).toContainText(
    `${ofType('joint-programme')} of ${ofType('joint-programme')}`,
  );
  await expect(legendItem(/^Visit/)).toContainText(`0 of ${ofType('visit')}`);
  await expect(legendItem(/^Visit/)).toHaveClass(/none-shown/);
  await expect(legendItem(/^Joint programme/)).not.toHaveClass(/none-shown/);
  await typeBox(page, 'Joint programme').uncheck();
  await typeBox(page, 'Joint school').uncheck();
  await typeBox(page, 'Visit').check();
  await typeBox(page, 'Talks and plans').check();
  want = expectedCounts({ types: ['visit', 'under-negotiation'] });
  expect(await statusCounts(page)).toMatchObject({
    shown: want.shown,
    shownEdges: want.shownEdges,
  });
});

test('Q4: who connects the XJTU network to the EIT network', async ({ page }) => {
  await ready(page);
  const details = await focusBySearch(page, 'XJTU', "Xi'an Jiaotong University");
  await expect(page).toHaveURL(/focus=xjtu/);
  const connect = details.getByRole('combobox', { name: 'Show the chain of agreements to' });
  await connect.fill('EIT');
  await connect.press('Enter');
  const result = page.getByTestId('path-result');
  await expect(result).toContainText('3 steps');
  await expect(result).toContainText('The Hong Kong Polytechnic University');
  await expect(page).toHaveURL(/path=eit/);
  await page.screenshot({ path: 'test-results/q4-path.png' });
});

test('Q5: where a link comes from, down to the sentence in its source', async ({ page }) => {
  await ready(page, '?focus=njit');
  const details = page.getByRole('complementary', { name: 'Details' });
  await details
    .getByRole('button', { name: /Agreement with Northumbria University/ })
    .first()
    .click();
  await expect(details).toContainText('Joint programme');
  await expect(details).toContainText('2007');
  await expect(details.locator('blockquote')).toContainText('since 2007');
  await expect(details).toContainText('Untitled text (004_d67e10e2ad592313.txt)');
  await details.getByRole('button', { name: 'View source' }).click();
  const dialog = page.getByRole('dialog');
  const mark = dialog.locator('mark');
  await expect(mark).toContainText(
    'The collaborative undergraduate program in Electrical Engineering',
  );
  await expect(mark).toBeInViewport();
  await expect(dialog).toContainText('anjing Institute of Technology');
  await page.screenshot({ path: 'test-results/q5-source.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a selection dims all but its neighbourhood; another selection moves it; closing undims', async ({
  page,
}) => {
  const g = seedGraph();
  const all = expectedCounts({}).visible;
  const ids = [
    ...g.elements.nodes.map((n) => n.data.id),
    ...g.elements.edges.map((e) => e.data.id),
  ];
  /** Ids drawn faded, by Cytoscape's own style. */
  const faded = () =>
    page.evaluate((list) => {
      const view = window.atlasView;
      return list.filter((id) => (view?.opacity(id) ?? 1) < 0.5);
    }, ids);
  const beyond = (focus: string) => {
    const near = neighbourhood(g, all, focus, 1);
    return ids.filter((id) => !near.nodes.has(id) && !near.edges.has(id)).sort();
  };
  await ready(page, '?focus=eit&hops=1');
  await expect.poll(async () => (await faded()).sort()).toEqual(beyond('eit'));
  expect(beyond('eit').length).toBeGreaterThan(ids.length / 2);
  await focusBySearch(page, 'XJTU', "Xi'an Jiaotong University");
  await expect.poll(async () => (await faded()).sort()).toEqual(beyond('xjtu'));
  await page.getByRole('button', { name: 'Close details' }).click();
  await expect.poll(faded).toEqual([]);
});

test('selecting on the canvas highlights partners; layouts keep the selection', async ({
  page,
}) => {
  await ready(page, '?focus=eit&hops=1');
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(
    'Eastern Institute of Technology, Ningbo',
  );
  await page.getByLabel('Layout').selectOption('map');
  await expect(page).toHaveURL(/layout=map/);
  await expect(page).toHaveURL(/focus=eit/);
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(
    'Eastern Institute of Technology, Ningbo',
  );
  await page.waitForTimeout(900);
  await page.screenshot({ path: 'test-results/map-focus.png' });
});

test('back and forward step through view changes', async ({ page }) => {
  await ready(page);
  await countryBox(page, 'Finland').check();
  await expect(page).toHaveURL(/countries=FI/);
  await page.getByLabel('Colour by').selectOption('type');
  await expect(page).toHaveURL(/color=type/);
  await page.goBack();
  await expect(page).not.toHaveURL(/color=type/);
  await expect(page.getByLabel('Colour by')).toHaveValue('region');
  await page.goBack();
  await expect(page).not.toHaveURL(/countries=FI/);
  expect((await statusCounts(page)).shown).toBe(seedGraph().elements.nodes.length);
  await page.goForward();
  await expect(countryBox(page, 'Finland')).toBeChecked();
});

test('a copied link reproduces the view; invalid values are dropped with a notice', async ({
  page,
}) => {
  await ready(page, '?countries=GB,ZZ&years=1900-2015&types=visit,bogus&layout=circle&hops=2');
  await expect(page.getByTestId('notices')).toContainText('ZZ');
  await expect(page.getByTestId('notices')).toContainText('bogus');
  await expect(page.getByTestId('notices')).toContainText('layout=circle');
  // The address keeps what was used and drops the rest (the graph loads before React renders,
  // so this checks that the view's first address is still written).
  await expect(page).toHaveURL(/countries=GB(&|$)/);
  await expect(page).not.toHaveURL(/ZZ|bogus|circle/);
  await expect(countryBox(page, 'United Kingdom')).toBeChecked();
  await expect(typeBox(page, 'Visit')).toBeChecked();
  const want = expectedCounts({ countries: ['GB'], years: [2007, 2015], types: ['visit'] });
  expect(await statusCounts(page)).toMatchObject({
    shown: want.shown,
    shownEdges: want.shownEdges,
  });
});

test('an empty result says so and offers to clear the filters', async ({ page }) => {
  await ready(page, '?countries=AU&types=joint-school');
  await expect(page.getByText('No institution or agreement matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear all filters' }).click();
  expect((await statusCounts(page)).shown).toBe(seedGraph().elements.nodes.length);
});

test('filtering keeps positions: nothing is laid out again', async ({ page }) => {
  await ready(page);
  const before = await page.evaluate(() => window.atlasView?.positions() ?? null);
  await countryBox(page, 'China').check();
  const after = await page.evaluate(() => window.atlasView?.positions() ?? null);
  expect(before).not.toBeNull();
  expect(after).toEqual(before);
  const visible = await page.evaluate(() => window.atlasView?.visibleNodes() ?? []);
  expect(visible.sort()).toEqual([...expectedCounts({ countries: ['CN'] }).visible.nodes].sort());
});

test('a filter change draws the network first and counts the facets after it', async ({ page }) => {
  await ready(page);
  const typeCounts = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('ul[aria-label="Cooperation type"] .count')].map(
        (c) => c.textContent,
      ),
    );
  const before = await typeCounts();
  const legendBefore = await page.locator('section[aria-label="Legend"] .count').allTextContents();
  const china = countryBox(page, 'China');
  await china.evaluate((el) => {
    const read = () =>
      [...document.querySelectorAll('ul[aria-label="Cooperation type"] .count')].map(
        (c) => c.textContent,
      );
    const legend = () =>
      [...document.querySelectorAll('section[aria-label="Legend"] .count')].map(
        (c) => c.textContent,
      );
    (el as HTMLInputElement).click();
    // Right after the click's own task: the network is redrawn, the counts (the filter panel's
    // and the legend's) are not yet.
    Reflect.set(window, '__afterClick', {
      counts: read(),
      legend: legend(),
      drawn: window.atlasView?.visibleNodes().length ?? -1,
    });
  });
  const afterClick = (await page.evaluate(() => Reflect.get(window, '__afterClick'))) as {
    counts: string[];
    legend: string[];
    drawn: number;
  };
  const expected = expectedCounts({ countries: ['CN'] });
  expect(afterClick.drawn).toBe(expected.visible.nodes.size);
  expect(afterClick.counts).toEqual(before);
  expect(afterClick.legend).toEqual(legendBefore);
  // The legend's follow too: "shown of total".
  await expect
    .poll(() => page.locator('section[aria-label="Legend"] .count').allTextContents())
    .toContainEqual(expect.stringMatching(/^\d+ of \d+$/));
  // Then the counts follow, for the filters now applied.
  const counts = facetCounts(seedGraph(), { ...DEFAULT_FILTERS, countries: ['CN'] }).types;
  await expect
    .poll(typeCounts)
    .toEqual(COOPERATION_TYPES.map((t) => formatCount(counts.get(t) ?? 0)));
  await expect(china).toBeChecked();
});

test('search says so when its code cannot be fetched, and tries again', async ({ page }) => {
  // Search's code is a chunk of its own, fetched on first focus (or in idle time).
  let refuse = true;
  // Every address of it: a retry asks for it under another one (some browsers remember a
  // failed module and would fail it again without fetching).
  await page.route(/\/assets\/search-[\w-]+\.js(\?.*)?$/, (route) =>
    refuse ? route.abort('internetdisconnected') : route.continue(),
  );
  await page.goto('./');
  await expect(page.getByTestId('status-line')).toContainText('Showing');
  const search = page.getByRole('combobox', { name: 'Search institutions' });
  await search.fill('XJTU');
  await expect(page.getByRole('listbox')).toContainText('Search could not load');
  refuse = false;
  await search.press('End');
  await search.press('Backspace');
  await expect(page.getByRole('listbox').getByRole('option').first()).toContainText(
    "Xi'an Jiaotong University",
  );
});

test('the details open once the connection is back, after their code failed to load ahead', async ({
  page,
}) => {
  // The details' code is a chunk of its own, fetched ahead in idle time after the load. While
  // the connection is down every address of it fails.
  let refuse = true;
  await page.route(/\/assets\/Details-[\w-]+\.js(\?.*)?$/, (route) =>
    refuse ? route.abort('internetdisconnected') : route.continue(),
  );
  const failed = page.waitForEvent('requestfailed', (r) => /\/Details-/.test(r.url()));
  await page.goto('./');
  await failed;
  refuse = false;
  await focusBySearch(page, 'XJTU', "Xi'an Jiaotong University");
});

test('search works by keyboard: arrows, Enter, Escape', async ({ page }) => {
  await ready(page);
  const search = page.getByRole('combobox', { name: 'Search institutions' });
  await search.fill('poly');
  const listbox = page.getByRole('listbox');
  const options = listbox.getByRole('option');
  await expect(options.first()).toBeVisible();
  await search.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await search.press('Escape');
  await expect(listbox).toHaveCount(0);
  await search.fill('UNESCO-ICHEI');
  await search.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Details' })).toContainText(
    'International Centre for Higher Education Innovation under the auspices of UNESCO',
  );
});

test('the table view sorts by any column', async ({ page }) => {
  await ready(page, '?view=table');
  const table = page.locator('table').filter({ hasText: 'Agreements shown' });
  await table.getByRole('button', { name: /Agreements shown/ }).click();
  await table.getByRole('button', { name: /Agreements shown/ }).click();
  await expect(table.locator('th').nth(4)).toHaveAttribute('aria-sort', 'descending');
  await expect(table.locator('tbody tr').first()).toContainText("Xi'an Jiaotong University");
});

test('hovering an institution shows its name and counts', async ({ page }) => {
  await ready(page);
  const p = await page.evaluate(() => window.atlasView?.renderedPosition('xjtu') ?? null);
  expect(p).not.toBeNull();
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!p || !box) throw new Error('no position');
  await page.mouse.move(box.x + p.x, box.y + p.y);
  await expect(page.getByRole('tooltip')).toContainText("Xi'an Jiaotong University");
  await expect(page.getByRole('tooltip')).toContainText('partners');
});

/** Every shown institution's place on screen, relative to the page. */
async function shownOnScreen(page: Page) {
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  const points = await page.evaluate(() => {
    const v = window.atlasView;
    return (v?.visibleNodes() ?? []).map((id) => v?.renderedPosition(id) ?? null);
  });
  return { box, points: points.map((p) => (p ? { x: box.x + p.x, y: box.y + p.y } : null)) };
}

test('the network is framed at load and by Fit: inside the canvas, clear of the controls and legend, filling the space', async ({
  page,
}) => {
  await ready(page);
  await expect(page.getByRole('region', { name: 'Legend' })).toBeVisible();
  const check = async (count: number) => {
    const { box, points } = await shownOnScreen(page);
    expect(points).toHaveLength(count);
    const controls = await page.getByRole('group', { name: 'View controls' }).boundingBox();
    const legend = await page.getByRole('region', { name: 'Legend' }).boundingBox();
    if (!controls || !legend) throw new Error('no controls or legend');
    const xs: number[] = [];
    const ys: number[] = [];
    for (const p of points) {
      if (!p) throw new Error('an institution without a position');
      xs.push(p.x);
      ys.push(p.y);
      expect(p.x).toBeGreaterThan(box.x);
      expect(p.x).toBeLessThan(Math.min(box.x + box.width, legend.x));
      expect(p.y).toBeGreaterThan(controls.y + controls.height);
      expect(p.y).toBeLessThan(box.y + box.height);
    }
    // Not a small drawing in the middle: it spans most of the free width or height.
    const freeW = legend.x - box.x;
    const freeH = box.y + box.height - (controls.y + controls.height);
    const spanW = (Math.max(...xs) - Math.min(...xs)) / freeW;
    const spanH = (Math.max(...ys) - Math.min(...ys)) / freeH;
    expect(Math.max(spanW, spanH)).toBeGreaterThan(0.6);
  };
  await check(seedGraph().elements.nodes.length);
  // Narrowed to one country, Fit frames what is left.
  await countryBox(page, 'China').check();
  const want = expectedCounts({ countries: ['CN'] });
  await expect.poll(async () => (await shownOnScreen(page)).points.length).toBe(want.shown);
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  // The fit is animated (250 ms).
  await page.waitForTimeout(600);
  await check(want.shown);
});

test('institution labels are drawn where they fit, without overlapping', async ({ page }) => {
  await ready(page);
  const { labels, overlapping } = await drawnLabels(page);
  expect(overlapping).toEqual([]);
  const shown = await page.evaluate(() => window.atlasView?.visibleNodes().length ?? 0);
  expect(labels.length).toBeGreaterThan(5);
  expect(labels.length).toBeLessThan(shown);
});

test('a highlighted neighbourhood names its institutions where they fit, more as one zooms in', async ({
  page,
}) => {
  // Two hops from XJTU: some forty institutions in the network's densest part.
  await ready(page, '?focus=xjtu&hops=2');
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('heading', { level: 2 })).toHaveText("Xi'an Jiaotong University");
  await page.waitForTimeout(300);
  const first = await drawnLabels(page);
  expect(first.overlapping).toEqual([]);
  const ids = first.labels.map((l) => l.id);
  expect(ids).toContain('xjtu');
  expect(ids.length).toBeGreaterThan(5);
  // Zoomed in, more of the neighbours are named, still without overlaps.
  for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect
    .poll(async () => (await drawnLabels(page)).labels.length)
    .toBeGreaterThan(ids.length);
  expect((await drawnLabels(page)).overlapping).toEqual([]);
});

test('the canvas follows the window, and is not redrawn for its own size at load', async ({
  page,
}) => {
  await ready(page);
  await page.waitForTimeout(300);
  // The resize observer's first report is the size Cytoscape already has.
  expect(await page.evaluate(() => window.atlasView?.resizes())).toBe(0);
  const canvas = page.getByTestId('graph-canvas');
  const before = await canvas.boundingBox();
  await page.setViewportSize({ width: 1100, height: 700 });
  await expect.poll(() => page.evaluate(() => window.atlasView?.resizes())).toBeGreaterThan(0);
  const after = await canvas.boundingBox();
  expect(after?.width).toBeLessThan(before?.width ?? 0);
  // Cytoscape's own canvases took the new size.
  const drawn = await page.evaluate(() => {
    const c = document.querySelector('[data-testid="graph-canvas"] canvas');
    return c ? c.getBoundingClientRect().width : 0;
  });
  expect(Math.abs(drawn - (after?.width ?? 0))).toBeLessThan(2);
});

/**
 * Opens the explorer while every address of the chunk `name` fails, as with the connection
 * down; `back()` brings the connection back.
 */
async function openWithChunkRefused(page: Page, name: string) {
  let refuse = true;
  await page.route(new RegExp(`/assets/${name}-[\\w-]+\\.js(\\?.*)?$`), (route) =>
    refuse ? route.abort('internetdisconnected') : route.continue(),
  );
  await page.goto('./');
  await expect(page.getByTestId('status-line')).toContainText('Showing');
  return {
    back: () => {
      refuse = false;
    },
  };
}

test('a menu whose code cannot be fetched says so in its place, and opens once the connection is back', async ({
  page,
}) => {
  // Every address of the export menu's chunk fails while the connection is "down": the idle
  // fetch ahead, the fetch when the menu opens, and the retry under another address.
  const connection = await openWithChunkRefused(page, 'ExportPanel');
  await page.getByRole('button', { name: 'Export ▾' }).click();
  const menu = page.getByRole('region', { name: 'Export' });
  await expect(menu.getByRole('alert')).toContainText(
    'The code for the export menu could not be fetched: is the connection down?',
  );
  // The rest of the page goes on: no error screen, the network still shown.
  await expect(page.getByText('Something went wrong')).toHaveCount(0);
  await expect(page.getByTestId('status-line')).toContainText('Showing');
  connection.back();
  await menu.getByRole('button', { name: 'Try again' }).click();
  await expect(menu.getByRole('button', { name: 'GraphML', exact: true })).toBeVisible();
});

test('the importer says so when its code cannot be fetched, and opens when tried again', async ({
  page,
}) => {
  const connection = await openWithChunkRefused(page, 'ImportDialog');
  await page.getByRole('button', { name: 'Data ▾' }).click();
  await page.getByRole('button', { name: 'Import data…' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'the importer' });
  await expect(alert).toContainText(
    'The code for the importer could not be fetched: is the connection down?',
  );
  await expect(page.getByTestId('status-line')).toContainText('Showing');
  // Closed, and opened again: it says so again, without a dialog.
  await alert.getByRole('button', { name: 'Close' }).click();
  await expect(alert).toHaveCount(0);
  await page.getByRole('button', { name: 'Data ▾' }).click();
  await page.getByRole('button', { name: 'Import data…' }).click();
  await expect(alert).toBeVisible();
  connection.back();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(alert).toHaveCount(0);
});
