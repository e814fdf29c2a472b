// One benchmark run of one page: a fresh browser context, navigation to the first drawn frame,
// then the interactions, each timed inside the page by the probe. A step that times out or
// fails is recorded as such and the run goes on where it can; nothing here throws for a slow
// page.

import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import type { FrameStats, LoadInfo, PageKind, Timed } from './pageApi';

export const VIEWPORT = { width: 1280, height: 800 };

/** A measured value, or why there is none ("timeout", "error: …", "crash", "n/a"). */
export type Figure = number | string;

export const FIGURE_KEYS = [
  'firstFrameMs',
  'idleMs',
  'graphFetchedMs',
  /** App, files over 1 MB (checked in a worker): the load's phases, from its marks. */
  'fileInMs',
  'parsedMs',
  /** App: the checked graph is on the page (any size). */
  'checkedMs',
  'longestTaskMs',
  'blockingMs',
  'heapMB',
  'frameMs',
  'frameP95Ms',
  'fps',
  'filterCountryMs',
  'filterUndatedMs',
  'filterTypeMs',
  /** App: the slowest of the three filters' undoing (back to the whole graph) → frame. */
  'filterRestoreMs',
  /** Reference only: half the elements hidden in one batch. */
  'filterMs',
  'searchMs',
  'focusMs',
  /** App, grouped view only: click on the largest country group → drawn open. */
  'expandMs',
  /** App: Export ▸ GraphML of the filtered graph → file downloaded, and the longest
   * main-thread task meanwhile. */
  'exportMs',
  'exportLongestTaskMs',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/**
 * Where the app's load got to when, from the marks it sets (src/data/load): the whole file read
 * and decompressed ("atlas:bytes"), parsed in the worker ("atlas:parsed"), checked and on the
 * page ("atlas:received"). Files up to 1 MB are parsed and checked on the page, in one step:
 * they have only the last. "n/a" for a phase without its mark; the first mark of each name
 * counts (later loads, such as Open…, set them again).
 */
export function loadPhases(
  marks: readonly { name: string; startMs: number }[],
): Record<'fileInMs' | 'parsedMs' | 'checkedMs', Figure> {
  const at = (name: string): Figure => marks.find((m) => m.name === name)?.startMs ?? 'n/a';
  return {
    fileInMs: at('atlas:bytes'),
    parsedMs: at('atlas:parsed'),
    checkedMs: at('atlas:received'),
  };
}

export interface RunResult {
  figures: Record<FigureKey, Figure>;
  renderer: string;
  /** Everything else worth keeping: raw probe answers, restore timings, page errors. */
  detail: Record<string, unknown>;
}

export interface RunOptions {
  url: string;
  /** Part of the graph file's URL, to find its resource timing. */
  graphPath: string;
  kind: PageKind;
  probeFile: string;
  loadTimeoutMs: number;
  /** Limit for each step after the load; a step past it ends the run as "timeout". */
  stepTimeoutMs: number;
  /** Wraps each phase, e.g. to record a CPU profile of it. */
  around?: <T>(phase: string, cdp: CDPSession, fn: () => Promise<T>) => Promise<T>;
}

const STATUS = '[data-testid="status-line"]';
const COUNTRY_BOX = 'ul[aria-label="Countries"] input[type=checkbox]';
const TYPE_BOX = 'ul[aria-label="Cooperation type"] input[type=checkbox]';
const UNDATED_BOX = 'label:has-text("Include undated agreements") input[type=checkbox]';
const SEARCH = 'input[role="combobox"]';
const OPTION = 'ul[role="listbox"] [role="option"]';
const DETAILS = 'aside[aria-label="Details"]';
/**
 * The keystroke typed into search: "u" begins "University of …", so it matches most synthetic
 * names and many real ones, the widest (slowest) first keystroke a user makes.
 */
const SEARCH_CHAR = 'u';
/** A filter that leaves the counts as they were is given this long to show a change. */
const UNCHANGED_MS = 15_000;
/** Longest wait for the page to go quiet before a measurement. */
const SETTLE_MS = 60_000;

class StepTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepTimeout(`${what}: no answer in ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** Calls `window.__probe.<method>(...args)` in the page; arguments travel as JSON. */
function probe<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate<T>(
    `window.__probe.${method}(${args.map((a) => JSON.stringify(a)).join(', ')})`,
  );
}

function figureOf(t: Timed): Figure {
  if (t.outcome === 'ok') return t.ms;
  return t.detail ? `${t.outcome}: ${t.detail.slice(0, 120)}` : t.outcome;
}

function emptyResult(): RunResult {
  const figures = Object.fromEntries(FIGURE_KEYS.map((k) => [k, 'n/a'])) as Record<
    FigureKey,
    Figure
  >;
  return { figures, renderer: 'n/a', detail: {} };
}

export async function measurePage(browser: Browser, opts: RunOptions): Promise<RunResult> {
  const result = emptyResult();
  const f = result.figures;
  const errors: string[] = [];
  let crashed = false;
  const context: BrowserContext = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript({ path: opts.probeFile });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message.slice(0, 300)));
    page.on('crash', () => {
      crashed = true;
    });
    const cdp = await context.newCDPSession(page);
    const around = opts.around ?? (<T>(_: string, __: CDPSession, fn: () => Promise<T>) => fn());
    const step = async <T>(phase: string, fn: () => Promise<T>, ms = opts.stepTimeoutMs) =>
      around(phase, cdp, () => withTimeout(fn(), ms, phase));
    const settled: Record<string, Timed> = {};
    result.detail.settle = settled;
    // Unprofiled and outside the figures: only lets the previous step's drawing finish.
    const settle = async (before: string) => {
      settled[before] = await withTimeout(
        probe<Timed>(page, 'settle', Math.min(SETTLE_MS, opts.stepTimeoutMs)),
        opts.stepTimeoutMs + 5_000,
        `settle before ${before}`,
      );
      return settled[before];
    };

    // ── Navigation → first drawn frame ──────────────────────────────────────────────────
    const first = await step(
      'load',
      async () => {
        await page.goto(opts.url, { waitUntil: 'commit', timeout: opts.loadTimeoutMs });
        return probe<Timed>(page, 'firstFrame', opts.kind, opts.loadTimeoutMs);
      },
      opts.loadTimeoutMs + 10_000,
    );
    f.firstFrameMs = figureOf(first);
    result.detail.firstFrame = first;
    if (first.outcome !== 'ok') return result;

    const info = await probe<LoadInfo>(page, 'loadInfo', opts.graphPath, first.ms);
    result.detail.load = info;
    f.graphFetchedMs = info.graphFetchedMs ?? 'n/a';
    Object.assign(f, loadPhases(info.marks));
    f.longestTaskMs = info.longTasks.maxMs;
    f.blockingMs = info.longTasks.blockingMs;
    result.renderer = opts.kind === 'app' ? info.renderer : 'canvas';
    // How long after the first frame the page keeps drawing (progressive caches, fit).
    f.idleMs = figureOf(await settle('heap'));

    // Heap after a full collection: what the loaded graph really retains, not garbage left
    // over from parsing.
    await withTimeout(cdp.send('HeapProfiler.collectGarbage'), opts.stepTimeoutMs, 'gc');
    const heap = await probe<number | null>(page, 'heapUsedBytes');
    f.heapMB = heap === null ? 'n/a' : heap / 1024 / 1024;
    result.detail.heapBeforeGcBytes = info.heapUsedBytes;

    // ── Search: one keystroke → suggestions. Early, as it is cheap and says something even
    // where the heavier steps below time out. The field is emptied again afterwards.
    if (opts.kind === 'app') {
      await page.focus(SEARCH);
      await settle('search');
      await probe<void>(page, 'armKey', OPTION, opts.stepTimeoutMs);
      const search = await step('search', async () => {
        await page.keyboard.type(SEARCH_CHAR);
        return probe<Timed>(page, 'keyResult');
      });
      f.searchMs = figureOf(search);
      result.detail.search = { char: SEARCH_CHAR, ...search };
      await step('search-clear', async () => {
        await page.fill(SEARCH, '');
        await page.locator(OPTION).first().waitFor({ state: 'detached' });
      });
      await page.locator(SEARCH).blur();
    }
    await settle('panzoom');

    // ── Pan/zoom: wheel events over the canvas while frames are timed ───────────────────
    const frames = await step('panzoom', () => panZoom(page, opts.kind));
    result.detail.frames = frames;
    f.frameMs = frames.medianMs;
    f.frameP95Ms = frames.p95Ms;
    f.fps = frames.fps;

    if (opts.kind === 'reference') {
      await settle('filter');
      const filter = await step('filter', () => probe<Timed>(page, 'referenceFilter'));
      f.filterMs = figureOf(filter);
      return result;
    }

    // ── Filters: tick, measure, untick (so each starts from the full graph) ─────────────
    const filters: [FigureKey, string, string][] = [
      ['filterCountryMs', 'filter-country', COUNTRY_BOX],
      ['filterUndatedMs', 'filter-undated', UNDATED_BOX],
      ['filterTypeMs', 'filter-type', TYPE_BOX],
    ];
    const restores: Figure[] = [];
    for (const [key, phase, selector] of filters) {
      const css = await page
        .locator(selector)
        .first()
        .evaluate((el) => {
          // A selector the probe can use with querySelectorAll (Playwright's :has-text is not CSS).
          el.setAttribute('data-bench-target', '1');
          return '[data-bench-target="1"]';
        });
      await settle(phase);
      const tick = await step(phase, () =>
        probe<Timed>(page, 'clickAndWait', css, 0, UNCHANGED_MS, opts.stepTimeoutMs),
      );
      f[key] = figureOf(tick);
      result.detail[phase] = { tick };
      const untick = await step(`${phase}-restore`, () =>
        probe<Timed>(page, 'clickAndWait', css, 0, UNCHANGED_MS, opts.stepTimeoutMs),
      );
      result.detail[phase] = { tick, untick };
      restores.push(figureOf(untick));
      await page.locator(css).evaluate((el) => el.removeAttribute('data-bench-target'));
    }
    // Undoing a filter is a filter change too: back to the whole (grouped) graph.
    f.filterRestoreMs = restores.every((r) => typeof r === 'number')
      ? Math.max(...restores)
      : (restores.find((r) => typeof r === 'string') ?? 'n/a');

    // ── Export: GraphML of the whole filtered graph → download, page responsive? ────────
    await settle('export');
    await page.evaluate(`
      window.__benchLong = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__benchLong.push(e.duration);
      }).observe({ type: 'longtask' });
    `);
    const exported = await step('export', async () => {
      const started = Date.now();
      await page.getByRole('button', { name: 'Export ▾' }).click();
      const download = page.waitForEvent('download', { timeout: opts.stepTimeoutMs });
      await page
        .getByRole('region', { name: 'Export' })
        .getByRole('button', { name: 'GraphML', exact: true })
        .click();
      const file = await download;
      const ms = Date.now() - started;
      await file.cancel().catch(() => undefined);
      await page.keyboard.press('Escape');
      return ms;
    });
    f.exportMs = exported;
    const longest = await page.evaluate<number>('Math.max(0, ...window.__benchLong)');
    f.exportLongestTaskMs = longest;
    result.detail.export = { format: 'graphml', ms: exported, longestTaskMs: longest };

    // ── Open a group: click the largest country group → its institutions drawn ──────────
    const target = await page.evaluate<{ key: string; x: number; y: number } | null>(`(() => {
      const view = window.atlasView;
      const groups = view ? view.drawn().groups.filter((g) => g.kind === 'group') : [];
      const biggest = groups.sort((a, b) => b.institutions - a.institutions)[0];
      const at = biggest && view ? view.renderedPosition(biggest.id) : null;
      return biggest && at ? { key: biggest.key, x: at.x, y: at.y } : null;
    })()`);
    if (!target) {
      f.expandMs = 'n/a: not grouped';
    } else {
      const box = await page.locator('[data-testid="graph-canvas"]').boundingBox();
      await settle('expand');
      // Timed from the pointer going down on the canvas to two frames after the group is drawn
      // open (its frame node present). A string, so no bundler helper leaks into the page.
      await page.evaluate(`
        window.__benchExpand = new Promise((resolve) => {
          let start = 0;
          addEventListener('pointerdown', () => { start = performance.now(); },
            { once: true, capture: true });
          const armed = performance.now();
          const check = () => {
            const open = window.atlasView?.drawn().groups.some((g) => g.kind === 'frame');
            if (start > 0 && open) {
              requestAnimationFrame(() => requestAnimationFrame(() =>
                resolve({ ms: performance.now() - start, outcome: 'ok' })));
            } else if (performance.now() - armed > ${opts.stepTimeoutMs}) {
              resolve({ ms: performance.now() - armed, outcome: 'timeout' });
            } else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        });
        undefined; // evaluate would otherwise wait for the promise it was given
      `);
      const expand = await step('expand', async () => {
        await page.mouse.click((box?.x ?? 0) + target.x, (box?.y ?? 0) + target.y);
        return page.evaluate<Timed>('window.__benchExpand');
      });
      f.expandMs = figureOf(expand);
      result.detail.expand = { group: target.key, ...expand };
      await step('expand-restore', async () => {
        await page
          .getByRole('button', { name: /^Group .* again$/ })
          .first()
          .click();
        await page.waitForFunction(
          `!window.atlasView?.drawn().groups.some((g) => g.kind === 'frame')`,
        );
      });
    }

    // ── Focus: Enter on the first suggestion → details panel ────────────────────────────
    await step('focus-prepare', async () => {
      await page.fill(SEARCH, SEARCH_CHAR);
      await page.locator(OPTION).first().waitFor();
    });
    await settle('focus');
    await probe<void>(page, 'armKey', DETAILS, opts.stepTimeoutMs);
    const focus = await step('focus', async () => {
      await page.keyboard.press('Enter');
      return probe<Timed>(page, 'keyResult');
    });
    f.focusMs = figureOf(focus);
    result.detail.focus = focus;
    result.detail.status = await page.locator(STATUS).textContent();
    return result;
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    const what = crashed ? 'crash' : e instanceof StepTimeout ? 'timeout' : 'error';
    result.detail.failure = `${what}: ${message}`;
    // The step that failed and every later one carry the reason.
    for (const key of FIGURE_KEYS) if (f[key] === 'n/a') f[key] = what;
    return result;
  } finally {
    result.detail.pageErrors = errors;
    await context.close().catch(() => undefined);
  }
}

async function panZoom(page: Page, kind: PageKind): Promise<FrameStats> {
  const canvas = kind === 'app' ? '[data-testid="graph-canvas"]' : '#cy';
  const box = await page.locator(canvas).boundingBox();
  const x = box ? box.x + box.width / 2 : VIEWPORT.width / 2;
  const y = box ? box.y + box.height / 2 : VIEWPORT.height / 2;
  await page.mouse.move(x, y);
  await probe<void>(page, 'startFrames');
  // A stream of small wheel steps, one per frame as a trackpad sends them: zoom in for
  // 750 ms, then as many steps back out, so the view ends where it began and the later steps
  // see the same picture. Each wheel call returns once the page has handled the event, so a
  // slow page gets fewer steps rather than a queue of them.
  let zoomIn = 0;
  const start = Date.now();
  while (Date.now() - start < 750) {
    await page.mouse.wheel(0, -40);
    zoomIn++;
    await new Promise((r) => setTimeout(r, 16));
  }
  for (let i = 0; i < zoomIn; i++) {
    await page.mouse.wheel(0, 40);
    await new Promise((r) => setTimeout(r, 16));
  }
  return probe<FrameStats>(page, 'stopFrames');
}
