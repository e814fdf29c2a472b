// Big graphs in the browser: past the drawing limit the view groups institutions by country;
// the status line still counts institutions and agreements, groups add up to it, and opening,
// closing, filtering and selecting keep each other.
import type { Page } from '@playwright/test';
import { generateGraph } from '../../scripts/bench/generate';
import { drawnLabels, expect, openOverTwoThousand, statusCounts, test } from './fixtures';

const LIMIT = 5000;
const body = JSON.stringify(generateGraph(4000, 11));

async function openBig(page: Page, query = '') {
  await page.route('**/big.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
  await page.goto(`./?graph=big.json${query}`);
  await expect(page.getByTestId('groups-summary')).toBeVisible();
}

function drawn(page: Page) {
  return page.evaluate(() => {
    const view = window.atlasView;
    if (!view) throw new Error('no view');
    return view.drawn();
  });
}

/** Institutions the drawn view stands for: groups, "more" nodes and single institutions. */
async function standsFor(page: Page) {
  const d = await drawn(page);
  const inGroups = d.groups
    .filter((g) => g.kind !== 'frame')
    .reduce((k, g) => k + g.institutions, 0);
  const single = await page.evaluate(() => window.atlasView?.visibleNodes().length ?? 0);
  return { institutions: inGroups + single, drawn: d.nodes + d.edges, d };
}

async function clickDrawn(page: Page, id: string) {
  const p = await page.evaluate((i) => window.atlasView?.renderedPosition(i) ?? null, id);
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!p || !box) throw new Error(`${JSON.stringify(id)} is not drawn`);
  await page.mouse.click(box.x + p.x, box.y + p.y);
}

test('a big graph is grouped by country; groups add up to the status line', async ({ page }) => {
  await openBig(page);
  const counts = await statusCounts(page);
  expect(counts.total).toBe(4000);
  expect(counts.shown + counts.shownEdges).toBeGreaterThan(LIMIT);
  const s = await standsFor(page);
  expect(s.drawn).toBeLessThanOrEqual(LIMIT);
  expect(s.institutions).toBe(counts.shown);
  expect(s.d.groups.every((g) => g.kind === 'group')).toBe(true);
  expect(s.d.groups.length).toBeGreaterThan(20);
  await expect(page.getByTestId('groups-summary')).toContainText(
    `${counts.shown.toLocaleString('en')} institutions`,
  );
  // Counts in the filters and the legend have thousands separators, like the status line.
  const graph = JSON.parse(body) as ReturnType<typeof generateGraph>;
  const undated = graph.elements.edges.filter((e) => e.data.year === null).length;
  expect(undated).toBeGreaterThan(999);
  await expect(page.getByText('Include undated agreements')).toHaveText(
    `Include undated agreements (${undated.toLocaleString('en')})`,
  );
  await expect(page.getByRole('region', { name: 'Legend' })).toContainText(/\d,\d{3}/);
  await page.screenshot({ path: 'test-results/grouped.png' });
});

test('a large open group ends in a "+N more" chip as wide as its label', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await openBig(page, '');
  const { d } = await standsFor(page);
  const biggest = [...d.groups].sort((a, b) => b.institutions - a.institutions)[0];
  if (!biggest) throw new Error('no group');
  await clickDrawn(page, biggest.id);
  await expect(page).toHaveURL(new RegExp(`expand=${biggest.key}`));
  const rest = (await drawn(page)).groups.find((g) => g.kind === 'rest');
  if (!rest) throw new Error('no "+N more" chip');
  const label = `+${rest.institutions.toLocaleString('en')} more`;
  // On screen (labels keep their screen size at any zoom): about 6 px a character.
  const width = await page.evaluate((id) => {
    const view = window.atlasView;
    return view ? view.size(id) * view.zoom() : 0;
  }, rest.id);
  expect(width).toBeGreaterThan(label.length * 4);
  expect(width).toBeLessThan(label.length * 10);
  // Cytoscape warns of `width: label` (deprecated) each time such a chip is styled.
  expect(warnings.filter((w) => /deprecated/.test(w))).toEqual([]);
});

test('clicking a group opens it; its ring or the bar closes it; filters stay', async ({ page }) => {
  await openBig(page, '&types=mou,exchange');
  const before = await statusCounts(page);
  const { d } = await standsFor(page);
  const biggest = [...d.groups].sort((a, b) => b.institutions - a.institutions)[0];
  if (!biggest) throw new Error('no group');
  await clickDrawn(page, biggest.id);
  await expect(page).toHaveURL(new RegExp(`expand=${biggest.key}`));
  const open = await standsFor(page);
  expect(open.drawn).toBeLessThanOrEqual(LIMIT);
  expect(open.institutions).toBe(before.shown);
  const single = await page.evaluate(() => window.atlasView?.visibleNodes().length ?? 0);
  expect(single).toBeGreaterThan(0);
  expect(await statusCounts(page)).toEqual(before);
  await expect(page).toHaveURL(/types=mou,exchange/);
  await expect(page.getByRole('list', { name: 'Open groups' })).toBeVisible();
  await page.screenshot({ path: 'test-results/grouped-open.png' });

  // A filter change regroups what it leaves, the open group still open.
  await page.getByRole('checkbox', { name: /^Exchange and mobility/ }).uncheck();
  await expect(page).toHaveURL(/types=mou(&|$)/);
  const filtered = await statusCounts(page);
  expect(filtered.shownEdges).toBeLessThan(before.shownEdges);
  const after = await standsFor(page);
  if (filtered.shown + filtered.shownEdges > LIMIT) {
    expect(after.institutions).toBe(filtered.shown);
    expect(after.d.groups.some((g) => g.kind === 'frame' && g.key === biggest.key)).toBe(true);
  }
  await page.getByRole('checkbox', { name: /^Exchange and mobility/ }).check();

  // Closing: a click on the ring of the open group, near its left edge.
  const frame = (await drawn(page)).groups.find((g) => g.kind === 'frame');
  if (!frame) throw new Error('no open group');
  const ring = await page.evaluate((id) => {
    const view = window.atlasView;
    const p = view?.renderedPosition(id);
    return p && view ? { x: p.x - (view.size(id) / 2) * view.zoom() + 4, y: p.y } : null;
  }, frame.id);
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!ring || !box) throw new Error('ring not found');
  await page.mouse.click(box.x + ring.x, box.y + ring.y);
  await expect(page).not.toHaveURL(/expand=/);
  expect((await drawn(page)).groups.every((g) => g.kind === 'group')).toBe(true);

  // And the bar's button.
  await clickDrawn(page, biggest.id);
  await expect(page).toHaveURL(new RegExp(`expand=${biggest.key}`));
  await page.getByRole('button', { name: new RegExp(`^Group .* again$`) }).click();
  await expect(page).not.toHaveURL(/expand=/);
});

test('an open group keeps its place and its name under its circle, its institutions spread over it', async ({
  page,
}) => {
  await openBig(page);
  const { d } = await standsFor(page);
  const biggest = [...d.groups].sort((a, b) => b.institutions - a.institutions)[0];
  if (!biggest) throw new Error('no group');
  const labelOf = async (id: string) =>
    (await drawnLabels(page)).labels.find((l) => l.id === id) ?? null;
  const closed = await labelOf(biggest.id);
  if (!closed) throw new Error('the biggest group has no name drawn');
  await clickDrawn(page, biggest.id);
  await expect(page).toHaveURL(new RegExp(`expand=${biggest.key}`));
  const frame = (await drawn(page)).groups.find((g) => g.kind === 'frame');
  const rest = (await drawn(page)).groups.find((g) => g.kind === 'rest');
  if (!frame || !rest) throw new Error('no open group with a "+N more" chip');
  await expect.poll(async () => (await labelOf(rest.id)) !== null).toBe(true);
  const name = await labelOf(frame.id);
  const chip = await labelOf(rest.id);
  const ring = await page.evaluate((id) => {
    const view = window.atlasView;
    const p = view?.renderedPosition(id);
    return view && p ? { ...p, r: (view.size(id) / 2) * view.zoom() } : null;
  }, frame.id);
  if (!name || !chip || !ring) throw new Error('open group not drawn');
  // Where the closed group's name was (the view did not move): under the circle, not above it
  // in the row above, where it read as another group's name.
  expect(Math.abs(name.y1 - closed.y1)).toBeLessThan(3);
  expect(Math.abs((name.x1 + name.x2) / 2 - (closed.x1 + closed.x2) / 2)).toBeLessThan(3);
  expect(name.y1).toBeGreaterThan(ring.y + ring.r - 1);
  // The chip inside the circle, below its middle, above the name.
  expect(chip.y1).toBeGreaterThan(ring.y);
  expect(chip.y2).toBeLessThanOrEqual(Math.min(name.y1, ring.y + ring.r));
  // The institutions drawn one by one (the open group's: nothing else is open or selected)
  // spread over the circle, not a knot at its centre.
  const reach = await page.evaluate((at) => {
    const view = window.atlasView;
    let far = 0;
    for (const id of view?.visibleNodes() ?? []) {
      const p = view?.renderedPosition(id);
      if (p) far = Math.max(far, Math.hypot(p.x - at.x, p.y - at.y));
    }
    return far;
  }, ring);
  expect(reach).toBeGreaterThan(ring.r / 2);
  expect(reach).toBeLessThan(ring.r);
});

test('the selection stays drawn and selected through opening and closing', async ({ page }) => {
  await openBig(page);
  // Pick the first suggestion for "University" from search.
  const search = page.getByRole('combobox').first();
  await search.fill('University');
  await page.getByRole('listbox').getByRole('option').first().click();
  await expect(page).toHaveURL(/focus=/);
  const focus = new URL(page.url()).searchParams.get('focus') ?? '';
  const isDrawn = () =>
    page.evaluate((id) => window.atlasView?.visibleNodes().includes(id) ?? false, focus);
  expect(await isDrawn()).toBe(true);
  const { d } = await standsFor(page);
  const group = d.groups.find((g) => g.kind === 'group');
  if (!group) throw new Error('no group');
  await clickDrawn(page, group.id);
  await expect(page).toHaveURL(/expand=/);
  expect(new URL(page.url()).searchParams.get('focus')).toBe(focus);
  expect(await isDrawn()).toBe(true);
  await expect(page.getByRole('complementary', { name: 'Details' })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(`^Group .* again$`) }).click();
  await expect(page).not.toHaveURL(/expand=/);
  expect(new URL(page.url()).searchParams.get('focus')).toBe(focus);
  expect(await isDrawn()).toBe(true);
});

/** Drawn nodes whose centre lies outside the canvas or under the view controls. */
async function offScreen(page: Page, ids: string[]) {
  const box = await page.getByTestId('graph-canvas').boundingBox();
  const bar = await page.getByRole('group', { name: 'View controls' }).boundingBox();
  if (!box || !bar) throw new Error('no canvas');
  const points = await page.evaluate(
    (list) => list.map((id) => window.atlasView?.renderedPosition(id) ?? null),
    ids,
  );
  const top = bar.y + bar.height - box.y;
  return ids.filter((_, i) => {
    const p = points[i];
    return !p || p.x < 0 || p.x > box.width || p.y < top || p.y > box.height;
  });
}

test('narrowing the filters below the limit draws every institution again', async ({ page }) => {
  await openBig(page);
  await page.getByRole('checkbox', { name: 'Chile' }).check();
  const counts = await statusCounts(page);
  expect(counts.shown + counts.shownEdges).toBeLessThanOrEqual(LIMIT);
  await expect(page.getByTestId('groups-summary')).toBeHidden();
  const nodes = (await page.evaluate(() => window.atlasView?.visibleNodes())) ?? [];
  expect(nodes.length).toBe(counts.shown);
  // The institutions sit at their own places, not where the groups were: the view frames them.
  expect(await offScreen(page, nodes)).toEqual([]);
  // And back: the groups are framed again once the filter is cleared.
  await page.getByRole('checkbox', { name: 'Chile' }).uncheck();
  await expect(page.getByTestId('groups-summary')).toBeVisible();
  const groups = (await standsFor(page)).d.groups.map((g) => g.id);
  expect(await offScreen(page, groups)).toEqual([]);
});

/**
 * Records, from now on, the dash patterns the canvas strokes lines with, in screen pixels:
 * each pattern times the canvas's scale. Solid lines (an empty pattern) are left out.
 */
async function recordDashes(page: Page) {
  await page.evaluate(() => {
    const seen: number[][] = [];
    Reflect.set(window, '__dashes', seen);
    const proto = CanvasRenderingContext2D.prototype;
    const original = proto.setLineDash;
    proto.setLineDash = function (segments: number[]) {
      const t = this.getTransform();
      const scale = Math.hypot(t.a, t.b) / window.devicePixelRatio;
      if (segments.length > 0) seen.push(segments.map((v) => Math.round(v * scale * 10) / 10));
      original.call(this, segments);
    };
  });
}

async function dashesDrawn(page: Page): Promise<string[]> {
  const seen = await page.evaluate(() => Reflect.get(window, '__dashes') as number[][]);
  return [...new Set(seen.map((d) => d.join(' ')))].sort();
}

test('dashed and dotted agreements keep their dash length on screen when zoomed out', async ({
  page,
}) => {
  await openBig(page);
  await recordDashes(page);
  // A country's institutions, framed far out: at drawing scale their dots would be specks.
  await page.getByRole('checkbox', { name: 'Chile' }).check();
  await expect(page.getByTestId('groups-summary')).toBeHidden();
  await page.waitForTimeout(300);
  const zoom = await page.evaluate(() => window.atlasView?.zoom() ?? 1);
  expect(zoom).toBeLessThan(0.5);
  // The legend's patterns: dashes of 6 px with gaps of 3, dots of 2 with gaps of 3.
  expect(await dashesDrawn(page)).toEqual(['2 3', '6 3']);
});

test('a drawing of over 2,000 institutions keeps its dashes near their length as it is zoomed', async ({
  page,
}) => {
  // The stylesheet is not rebuilt at each zoom for such a drawing.
  await openOverTwoThousand(page);
  await expect(page.getByTestId('status-line')).toContainText('Showing 2,200 of 2,200');
  await expect(page.getByTestId('groups-summary')).toBeHidden();
  await recordDashes(page);
  const zoom = () => page.evaluate(() => window.atlasView?.zoom() ?? 1);
  const before = await zoom();
  for (let i = 0; i < 6; i++) {
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForTimeout(250);
  }
  await expect.poll(zoom).toBeGreaterThan(before * 4);
  // The label pass runs once the zoom has settled; the last frame drawn shows its outcome.
  await page.waitForTimeout(600);
  const seen = await page.evaluate(() => Reflect.get(window, '__dashes') as number[][]);
  const dashes = seen.slice(-20);
  expect(dashes.length).toBe(20);
  for (const [dash, gap] of dashes) {
    // 6/3 or 2/3 pixels, at most twice or half that.
    expect(dash).toBeGreaterThanOrEqual(1);
    expect(dash).toBeLessThanOrEqual(12);
    expect(gap).toBeGreaterThanOrEqual(1.5);
    expect(gap).toBeLessThanOrEqual(6);
  }
});

test('zooming into a country group opens it', async ({ page }) => {
  await openBig(page);
  const { d } = await standsFor(page);
  const biggest = [...d.groups].sort((a, b) => b.institutions - a.institutions)[0];
  if (!biggest) throw new Error('no group');
  const at = await page.evaluate(
    (id) => window.atlasView?.renderedPosition(id) ?? null,
    biggest.id,
  );
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!at || !box) throw new Error('group not drawn');
  await page.mouse.move(box.x + at.x, box.y + at.y);
  // Wheel in over the group until it fills much of the canvas; it opens once the zoom settles.
  for (let i = 0; i < 40 && !new URL(page.url()).searchParams.get('expand'); i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(60);
    if (i % 5 === 4) await page.waitForTimeout(500);
  }
  await expect(page).toHaveURL(new RegExp(`expand=${biggest.key}`));
  const open = await drawn(page);
  expect(open.groups.some((g) => g.kind === 'frame' && g.key === biggest.key)).toBe(true);
  expect(open.nodes + open.edges).toBeLessThanOrEqual(LIMIT);
});

test('the embedded view groups a big graph too, with a compact bar', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 420 });
  await openBig(page, '&embed=1');
  const s = await standsFor(page);
  expect(s.drawn).toBeLessThanOrEqual(LIMIT);
  expect(s.institutions).toBe((await statusCounts(page)).shown);
  await page.screenshot({ path: 'test-results/grouped-embed.png' });
});

test('a PNG of a whole big graph is scaled to fit, and the page keeps answering', async ({
  page,
}) => {
  await openBig(page);
  await page.evaluate(`
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push(e.duration);
    }).observe({ type: 'longtask' });
    undefined;
  `);
  await page.getByRole('button', { name: 'Export ▾' }).click();
  const menu = page.getByRole('region', { name: 'Export' });
  await menu.getByLabel('Scale').selectOption('4');
  const waiting = page.waitForEvent('download', { timeout: 60_000 });
  await menu.getByRole('button', { name: 'PNG', exact: true }).click();
  await expect(menu.getByRole('status')).toContainText('Drawing the PNG');
  const file = await waiting;
  const chunks: Buffer[] = [];
  for await (const c of await file.createReadStream()) chunks.push(c as Buffer);
  const png = Buffer.concat(chunks);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  // The drawing at 4× its own size would be tens of thousands of pixels wide.
  // At most 1,600 px at 1× for the drawing, plus the legend drawn beside it.
  expect(Math.max(width, height)).toBeLessThanOrEqual(4 * (1600 + 260));
  expect(Math.min(width, height)).toBeGreaterThan(500);
  await expect(menu.getByText(/could not be made/)).toHaveCount(0);
  const longest = await page.evaluate<number>('Math.max(0, ...window.__long)');
  console.log(`PNG ${width}×${height}, longest main-thread task ${Math.round(longest)} ms`);
});

test('country groups whose names would collide go unlabelled; the names drawn do not overlap', async ({
  page,
}) => {
  await openBig(page);
  const groups = (await drawn(page)).groups.length;
  const { labels, overlapping } = await drawnLabels(page);
  expect(overlapping).toEqual([]);
  expect(labels.length).toBeGreaterThan(5);
  expect(labels.length).toBeLessThan(groups);
  // Zoomed in, there is room for more names, still without overlaps.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect
    .poll(async () => (await drawnLabels(page)).labels.length)
    .toBeGreaterThan(labels.length);
  expect((await drawnLabels(page)).overlapping).toEqual([]);
});

test("open groups' names and chips, groups' and institutions' names never overlap, at any zoom", async ({
  page,
}) => {
  await openBig(page);
  const { d } = await standsFor(page);
  const keys = [...d.groups]
    .sort((a, b) => b.institutions - a.institutions)
    .slice(0, 3)
    .map((g) => g.key);
  await openBig(page, `&expand=${keys.join(',')}`);
  await expect
    .poll(async () => (await drawn(page)).groups.filter((g) => g.kind === 'frame').length)
    .toBe(3);
  const openParts = new Set(
    (await drawn(page)).groups.filter((g) => g.kind !== 'group').map((g) => g.id),
  );
  const checkLabels = async () => {
    const { labels, overlapping } = await drawnLabels(page);
    expect(overlapping).toEqual([]);
    return labels.map((l) => l.id);
  };
  const shown = await checkLabels();
  // The frames' names and the chips are among the labels checked.
  expect(shown.filter((id) => openParts.has(id)).length).toBeGreaterThanOrEqual(3);
  for (const button of ['Zoom out', 'Zoom in', 'Zoom in', 'Zoom in', 'Zoom in']) {
    const before = await page.evaluate(() => window.atlasView?.zoom() ?? 0);
    await page.getByRole('button', { name: button }).click();
    await expect.poll(() => page.evaluate(() => window.atlasView?.zoom() ?? 0)).not.toBe(before);
    // Labels are placed once the zoom settles.
    await page.waitForTimeout(400);
    await checkLabels();
  }
});
