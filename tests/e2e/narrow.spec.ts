// The explorer on a phone's and a tablet's screen: nothing wider than the window, the filters
// in a drawer opened from the toolbar, details over the canvas, labels that do not overlap.
import { drawnLabels, expect, focusBySearch, statusCounts, test } from './fixtures';
import { expectedCounts } from './expected';
import type { Page } from '@playwright/test';

const PHONE = { width: 390, height: 844 };

async function ready(page: Page, query = '') {
  await page.goto(`./${query}`);
  await expect(page.getByTestId('status-line')).toContainText('Showing');
}

/** Whether anything makes the page wider than the window (a sideways scroll). */
const overflowX = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test('fits the window: toolbar, canvas and status line, without a sideways scroll', async ({
    page,
  }) => {
    await ready(page);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    const canvas = await page.getByTestId('graph-canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    // The canvas has the window's whole width (no filter column beside it) and most of its height.
    expect(canvas.width).toBeGreaterThanOrEqual(PHONE.width - 2);
    expect(canvas.height).toBeGreaterThan(PHONE.height * 0.55);
    const toolbar = page.getByRole('banner');
    for (const name of [
      /^Filters/,
      /^Network$/,
      /^Table$/,
      /^Data/,
      /^Open…$/,
      /^Export/,
      /^Share$/,
    ]) {
      const box = await toolbar.getByRole('button', { name }).boundingBox();
      if (!box) throw new Error(`no ${String(name)} button`);
      expect(box.x, String(name)).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, String(name)).toBeLessThanOrEqual(PHONE.width);
    }
    // The view controls keep their names for assistive technology, though not shown.
    for (const name of ['Layout', 'Colour by', 'Highlight']) {
      await expect(page.getByRole('combobox', { name })).toBeVisible();
    }
    // The legend starts closed, over the canvas's corner, and opens on demand.
    const legend = page.getByRole('region', { name: 'Legend' });
    await expect(legend.getByRole('button', { name: /Legend/ })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    const fitZoom = async () => {
      // The legend may lie over the Fit button: pressed without pointing at it.
      await page.getByRole('button', { name: 'Fit' }).dispatchEvent('click');
      await page.waitForTimeout(400);
      return page.evaluate(() => window.atlasView?.zoom() ?? 0);
    };
    const loadZoom = await page.evaluate(() => window.atlasView?.zoom() ?? 0);
    const closedZoom = await fitZoom();
    // The view framed at load is the one Fit frames: labels are counted from the zoom they are
    // drawn at, not all of them (which framed the phone's view at 0.17 instead of 0.24).
    expect(closedZoom).toBeCloseTo(loadZoom, 3);
    await legend.getByRole('button', { name: /Legend/ }).click();
    await expect(legend.getByRole('heading', { name: /Node colour/ })).toBeVisible();
    await page.screenshot({ path: 'test-results/narrow-legend.png' });
    // Open, it lies over the network for a look: fitting does not shrink the network for it.
    // Its button, above the view controls, closes it again.
    expect(await fitZoom()).toBeCloseTo(closedZoom, 3);
    await legend.getByRole('button', { name: /Legend/ }).click();
    await expect(legend.getByRole('heading', { name: /Node colour/ })).toBeHidden();
    // Labels never lie on each other, hubs' included, on this small canvas.
    expect((await drawnLabels(page)).overlapping).toEqual([]);
    await page.screenshot({ path: 'test-results/narrow-phone.png' });
  });

  test('filters open in a drawer from the toolbar, apply at once, and close', async ({ page }) => {
    await ready(page);
    const panel = page.getByRole('complementary', { name: 'Filters' });
    const toggle = page.getByRole('button', { name: /^Filters/ });
    await expect(panel).toBeHidden();
    await toggle.click();
    await expect(panel).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    // The drawer lies over the canvas, inside the window.
    const box = await panel.boundingBox();
    if (!box) throw new Error('no panel');
    expect(box.x).toBe(0);
    expect(box.width).toBeLessThanOrEqual(PHONE.width);
    await panel
      .getByRole('list', { name: 'Countries' })
      .getByLabel('China', { exact: false })
      .check();
    const want = expectedCounts({ countries: ['CN'] });
    expect(await statusCounts(page)).toMatchObject({
      shown: want.shown,
      shownEdges: want.shownEdges,
    });
    await expect(page).toHaveURL(/countries=CN/);
    await page.screenshot({ path: 'test-results/narrow-drawer.png' });
    // Done closes it; the toolbar button says how many filters are set.
    await panel.getByRole('button', { name: 'Done' }).click();
    await expect(panel).toBeHidden();
    await expect(toggle).toHaveAccessibleName('Filters, 1 set');
    await expect(toggle).toHaveText('Filters1');
    // Escape closes it too, and so does a tap beside it.
    await toggle.click();
    await expect(panel).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await toggle.click();
    await page.mouse.click(PHONE.width - 10, PHONE.height / 2);
    await expect(panel).toBeHidden();
  });

  test('details open over the canvas, inside the window, and close', async ({ page }) => {
    await ready(page);
    const details = await focusBySearch(page, 'XJTU', "Xi'an Jiaotong University");
    const box = await details.boundingBox();
    if (!box) throw new Error('no details');
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/narrow-details.png' });
    await details.getByRole('button', { name: /Close/ }).click();
    await expect(details).toBeHidden();
  });
});

test('on a wide screen the filters stay beside the canvas, with no drawer button', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await ready(page);
  await expect(page.getByRole('complementary', { name: 'Filters' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Filters', exact: true })).toHaveCount(0);
  // Narrowed to a tablet's width, the page switches to the drawer; widened again, back.
  await page.setViewportSize({ width: 800, height: 1000 });
  await expect(page.getByRole('complementary', { name: 'Filters' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Filters', exact: true })).toBeVisible();
  // Once the page has laid itself out for the new width (on a busy machine a frame or two
  // after the button shows).
  await expect.poll(() => overflowX(page)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole('complementary', { name: 'Filters' })).toBeVisible();
  // A drawer left open closes with the narrow layout: narrowed again, the canvas is in view.
  await page.setViewportSize({ width: 800, height: 1000 });
  await page.getByRole('button', { name: 'Filters', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Filters' })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole('button', { name: 'Filters', exact: true })).toHaveCount(0);
  await page.setViewportSize({ width: 800, height: 1000 });
  await expect(page.getByRole('button', { name: 'Filters', exact: true })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Filters' })).toBeHidden();
});
