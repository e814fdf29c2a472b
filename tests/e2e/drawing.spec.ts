// How the network's frames are drawn: the frames right after new elements appear draw them
// straight onto the canvas (Cytoscape's texture caches would cost two to three times as much
// in that frame), and the caches are filled in one frame once drawing has been quiet. Both
// ways must show the same picture.
import type { Page } from '@playwright/test';
import { expect, openOverTwoThousand, test } from './fixtures';

type Frames = { straight: number; cached: number };

const frames = (page: Page) =>
  page.evaluate(() => window.atlasView?.frames() ?? { straight: 0, cached: 0 });

/**
 * Waits in the page, frame by frame, until `done(frames)` holds; then returns the ink of the
 * network's canvases: the alpha summed over blocks of 16 × 16 pixels, all layers together.
 */
async function inkWhen(page: Page, done: string): Promise<{ frames: Frames; ink: number[] }> {
  return page.evaluate(async (test) => {
    const holds = new Function('f', `return ${test};`) as (f: Frames) => boolean;
    const view = () => window.atlasView?.frames() ?? { straight: 0, cached: 0 };
    const t0 = performance.now();
    while (!holds(view())) {
      if (performance.now() - t0 > 10_000) throw new Error(`never: ${test}`);
      await new Promise((r) => requestAnimationFrame(r));
    }
    const f = view();
    const canvases = [
      ...document.querySelectorAll<HTMLCanvasElement>('[data-testid="graph-canvas"] canvas'),
    ];
    const first = canvases[0];
    if (!first) throw new Error('no canvas');
    const bw = Math.ceil(first.width / 16);
    const bh = Math.ceil(first.height / 16);
    const ink = new Array<number>(bw * bh).fill(0);
    for (const c of canvases) {
      const g = c.getContext('2d');
      if (!g || c.width !== first.width || c.height !== first.height) continue;
      const px = g.getImageData(0, 0, c.width, c.height).data;
      for (let y = 0; y < c.height; y++) {
        for (let x = 0; x < c.width; x++) {
          const b = Math.floor(y / 16) * bw + Math.floor(x / 16);
          ink[b] = (ink[b] ?? 0) + (px[(y * c.width + x) * 4 + 3] ?? 0);
        }
      }
    }
    return { frames: f, ink };
  }, done);
}

/** How far apart two pictures are: |a − b| over a + b, summed over blocks (0 = same ink). */
function apart(a: number[], b: number[]): number {
  let diff = 0;
  let sum = 0;
  a.forEach((v, i) => {
    const w = b[i] ?? 0;
    diff += Math.abs(v - w);
    sum += v + w;
  });
  return sum === 0 ? 0 : diff / sum;
}

test('the first frame is drawn straight; the caches fill once drawing is quiet, to the same picture', async ({
  page,
}) => {
  await page.goto('./');
  const first = await inkWhen(page, 'f.straight >= 1');
  // Nothing was drawn through the caches before it.
  expect(first.frames.cached).toBe(0);
  const filled = await inkWhen(page, 'f.cached >= 1');
  const ink = first.ink.reduce((k, v) => k + v, 0);
  expect(ink).toBeGreaterThan(0);
  expect(apart(first.ink, filled.ink)).toBeLessThan(0.08);
});

test('frames that keep coming after a change are drawn through the caches soon', async ({
  page,
}) => {
  await page.goto('./');
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  await inkWhen(page, 'f.straight >= 1');
  // Pan without pause for 1.5 s from an empty corner of the canvas: a frame each time.
  const x = box.x + 30;
  const y = box.y + box.height - 30;
  await page.mouse.move(x, y);
  await page.mouse.down();
  const started = Date.now();
  for (let i = 0; Date.now() - started < 1500; i++) {
    await page.mouse.move(x + 40 * Math.sin(i / 5), y - 20 - 20 * Math.cos(i / 5));
    await page.waitForTimeout(16);
  }
  const during = await frames(page);
  await page.mouse.up();
  expect(during.straight).toBeGreaterThan(1);
  // The caches were filled while the pan went on, and its later frames came from them.
  expect(during.cached).toBeGreaterThan(1);
});

test('a filter change that changes nothing on screen draws no frame', async ({ page }) => {
  await page.goto('./');
  await inkWhen(page, 'f.cached >= 1');
  await page.waitForTimeout(800);
  const status = page.getByTestId('status-line');
  const before = await frames(page);
  const shownBefore = await status.textContent();
  // Every institution in the seed graph has an agreement: hiding those without one or not
  // shows the same institutions.
  const url = page.url();
  await page.getByRole('checkbox', { name: 'Hide institutions without a shown agreement' }).click();
  await expect(page).not.toHaveURL(url);
  await page.waitForTimeout(800);
  expect(await status.textContent()).toBe(shownBefore);
  // Neither the institutions (all shown as before) nor their labels (the same zoom) were
  // restyled, so nothing asked for a frame.
  expect(await frames(page)).toEqual(before);
});

test('institutions that come back after a filter is undone are drawn straight again', async ({
  page,
}) => {
  await page.goto('./');
  const loaded = await inkWhen(page, 'f.cached >= 1');
  const china = page.getByRole('checkbox', { name: 'China' });
  await china.check();
  await expect(page.getByTestId('status-line')).not.toContainText('Showing 59 of 59');
  // Hiding institutions adds nothing new: drawn through the caches.
  const narrowed = await inkWhen(page, `f.cached > ${loaded.frames.cached}`);
  expect(narrowed.frames.straight).toBe(loaded.frames.straight);
  await china.uncheck();
  await expect(page.getByTestId('status-line')).toContainText('Showing 59 of 59');
  const back = await inkWhen(page, `f.straight > ${narrowed.frames.straight}`);
  const filled = await inkWhen(page, `f.cached > ${back.frames.cached}`);
  expect(apart(back.ink, filled.ink)).toBeLessThan(0.08);
});

test('drawn straight, a drawing of over 2,000 institutions leaves out the labels too small to read', async ({
  page,
}) => {
  // Cytoscape hides such a drawing's names below a minimum size on screen, and so must a
  // straight frame.
  await openOverTwoThousand(page);
  const first = await inkWhen(page, 'f.straight >= 1');
  const filled = await inkWhen(page, 'f.cached >= 1');
  expect(apart(first.ink, filled.ink)).toBeLessThan(0.08);
});

test('zooming restyles the institutions for their labels, not every element', async ({ page }) => {
  // The seed graph: every element is in Cytoscape, labels keep their screen size below zoom 1.
  await page.goto('./');
  await expect(page.getByTestId('status-line')).toContainText('Showing');
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const labelHeight = async () => {
    const labels = await page.evaluate(() => window.atlasView?.labels() ?? []);
    const hub = labels.find((l) => l.id === 'xjtu');
    if (!hub) throw new Error('no label for the hub');
    return hub.y2 - hub.y1;
  };
  const before = {
    zoom: await page.evaluate(() => window.atlasView?.zoom() ?? 0),
    label: await labelHeight(),
  };
  await page.evaluate(() => {
    const stop = window.atlasView?.countRestyles();
    Reflect.set(window, '__restyles', stop);
  });
  // Two wheel steps: about 9 % out.
  await page.mouse.wheel(0, 150);
  await page.waitForTimeout(50);
  await page.mouse.wheel(0, 150);
  // The label pass follows the zoom (at the next frame on a drawing this size).
  await expect
    .poll(async () => (await page.evaluate(() => window.atlasView?.zoom() ?? 0)) / before.zoom)
    .toBeLessThan(0.93);
  await page.waitForTimeout(400);
  const after = await page.evaluate(() => {
    const stop = Reflect.get(window, '__restyles') as () => { nodes: number; edges: number };
    return { zoom: window.atlasView?.zoom() ?? 0, restyled: stop() };
  });
  // Zoomed out less than twice: dashes keep their scale, and no agreement is restyled.
  expect(after.zoom / before.zoom).toBeGreaterThan(0.5);
  expect(after.restyled.nodes).toBeGreaterThan(0);
  expect(after.restyled.edges).toBe(0);
  // The hub's name keeps its size on screen.
  expect(Math.abs((await labelHeight()) - before.label)).toBeLessThan(1.5);
});

test('the layouts with titles draw them without a warning from Cytoscape', async ({ page }) => {
  // Titles (country names, map notes) are nodes of their own: every rule that matches them must
  // find the data it reads, or Cytoscape warns once per title and property.
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
  });
  for (const layout of ['country', 'map', 'concentric']) {
    await page.goto(`./?layout=${layout}`);
    await expect(page.getByTestId('status-line')).toContainText('Showing');
    await expect
      .poll(() => page.evaluate(() => window.atlasView?.drawn().nodes ?? 0))
      .toBeGreaterThan(0);
  }
  expect(warnings).toEqual([]);
});
