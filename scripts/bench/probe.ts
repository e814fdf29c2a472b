// Runs inside the benchmarked page (the app and the reference), injected before any page script
// as an init script, built to one IIFE by builds.ts. Every timing is taken here, in the page,
// with performance.now(): round trips to Node would add milliseconds of noise to each figure.
// It exposes `window.__probe`; the benchmark calls it with string expressions.

import type {
  FrameStats,
  LoadInfo,
  LongTaskSummary,
  PageKind,
  ReferenceApi,
  Timed,
} from './pageApi';
import { frameStats } from './frames';

const STATUS = '[data-testid="status-line"]';
const CANVAS = '[data-testid="graph-canvas"] canvas';

const longTasks: { start: number; duration: number }[] = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // Long-task timing is Chromium-only; without it the summary stays empty.
}

const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

/** Two frames: the first runs before paint, so the second proves the change was painted. */
async function twoFrames(): Promise<void> {
  await frame();
  await frame();
}

function statusText(): string {
  return document.querySelector(STATUS)?.textContent ?? '';
}

function referenceApi(): ReferenceApi | null {
  const api: unknown = Reflect.get(window, '__ref');
  return typeof api === 'object' && api !== null && 'rendered' in api
    ? (api as ReferenceApi)
    : null;
}

/** Why the app gave up, if it shows its load-error alert. */
function appError(): string | null {
  for (const el of document.querySelectorAll('[role="alert"]')) {
    const text = el.textContent ?? '';
    if (/could not be loaded|problem/i.test(text)) return text.slice(0, 300);
  }
  return null;
}

function isReady(kind: PageKind): boolean {
  if (kind === 'reference') return referenceApi()?.rendered === true;
  return statusText().startsWith('Showing') && document.querySelector(CANVAS) !== null;
}

function summarise(tasks: { start: number; duration: number }[]): LongTaskSummary {
  let totalMs = 0;
  let maxMs = 0;
  let blockingMs = 0;
  for (const t of tasks) {
    totalMs += t.duration;
    maxMs = Math.max(maxMs, t.duration);
    blockingMs += Math.max(0, t.duration - 50);
  }
  return { count: tasks.length, totalMs, maxMs, blockingMs };
}

/** Polls every frame until `done()` or `capMs` after `t0`; then two frames. */
async function until(done: () => boolean, t0: number, capMs: number): Promise<Timed> {
  while (!done()) {
    if (performance.now() - t0 > capMs) return { ms: performance.now() - t0, outcome: 'timeout' };
    await frame();
  }
  await twoFrames();
  return { ms: performance.now() - t0, outcome: 'ok' };
}

let keyResult: Promise<Timed> | null = null;
let frameLoop: { stop: boolean; done: Promise<number[]> } | null = null;

const probe = {
  /** Navigation start (time origin) → two frames after the network is first drawn. */
  async firstFrame(kind: PageKind, capMs: number): Promise<Timed> {
    while (!isReady(kind)) {
      const error = kind === 'app' ? appError() : (referenceApi()?.error ?? null);
      if (error) return { ms: performance.now(), outcome: 'error', detail: error };
      if (performance.now() > capMs) return { ms: performance.now(), outcome: 'timeout' };
      await frame();
    }
    await twoFrames();
    return { ms: performance.now(), outcome: 'ok' };
  },

  loadInfo(graphPath: string, untilMs: number): LoadInfo {
    const graph = performance
      .getEntriesByType('resource')
      .find(
        (e): e is PerformanceResourceTiming =>
          e instanceof PerformanceResourceTiming && e.name.includes(graphPath),
      );
    const nav = performance
      .getEntriesByType('navigation')
      .find((e): e is PerformanceNavigationTiming => e instanceof PerformanceNavigationTiming);
    const renderer: unknown = Reflect.get(window, '__atlasRenderer');
    return {
      graphFetchedMs: graph ? graph.responseEnd : null,
      domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : null,
      longTasks: summarise(longTasks.filter((t) => t.start < untilMs)),
      marks: performance
        .getEntriesByType('mark')
        .filter((m) => m.startTime < untilMs)
        .map((m) => ({ name: m.name, startMs: m.startTime })),
      heapUsedBytes: probe.heapUsedBytes(),
      renderer: typeof renderer === 'string' ? renderer : 'canvas',
      statusText: statusText(),
      scriptsBeforeFrame: performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime < untilMs)
        .map((e) => new URL(e.name).pathname)
        .filter((path) => path.endsWith('.js')),
    };
  },

  /**
   * Waits until the page has drawn `calm` frames in a row of under 25 ms each, i.e. rendering
   * work left over from the last step (texture caches, animations) has finished, so that it is
   * not charged to the next measurement. Returns performance.now() at that point, or a
   * timeout after `capMs`.
   */
  async settle(capMs: number, calm = 10): Promise<Timed> {
    const t0 = performance.now();
    let last = await frame();
    let run = 0;
    while (run < calm) {
      if (performance.now() - t0 > capMs) return { ms: performance.now(), outcome: 'timeout' };
      const t = await frame();
      run = t - last < 25 ? run + 1 : 0;
      last = t;
    }
    return { ms: performance.now(), outcome: 'ok' };
  },

  heapUsedBytes(): number | null {
    const memory: unknown = Reflect.get(performance, 'memory');
    const heap =
      typeof memory === 'object' && memory !== null ? Reflect.get(memory, 'usedJSHeapSize') : null;
    return typeof heap === 'number' ? heap : null;
  },

  /**
   * Clicks the `index`-th match of `selector` from script (the clock starts just before the
   * click) and waits for the status line to change, then two frames. When the filter leaves
   * the counts as they were, the outcome is "unchanged" after `unchangedMs` of frames.
   */
  async clickAndWait(
    selector: string,
    index: number,
    unchangedMs: number,
    capMs: number,
  ): Promise<Timed> {
    const el = document.querySelectorAll<HTMLElement>(selector)[index];
    if (!el) return { ms: 0, outcome: 'error', detail: `nothing matches ${selector} [${index}]` };
    const before = statusText();
    const t0 = performance.now();
    el.click();
    while (statusText() === before) {
      const elapsed = performance.now() - t0;
      if (elapsed > unchangedMs) return { ms: elapsed, outcome: 'unchanged' };
      if (elapsed > capMs) return { ms: elapsed, outcome: 'timeout' };
      await frame();
    }
    await twoFrames();
    return { ms: performance.now() - t0, outcome: 'ok' };
  },

  /** The reference's filter: half of all elements hidden by a class in one batch. */
  async referenceFilter(): Promise<Timed> {
    const api = referenceApi();
    if (!api) return { ms: 0, outcome: 'error', detail: 'no window.__ref' };
    const t0 = performance.now();
    api.hideHalf();
    await twoFrames();
    const ms = performance.now() - t0;
    api.showAll();
    await twoFrames();
    return { ms, outcome: 'ok' };
  },

  /**
   * Starts the clock at the next keydown (capture phase on window, so before React's own
   * listener) and stops it two frames after `selector` matches.
   */
  armKey(selector: string, capMs: number): void {
    keyResult = new Promise((resolve) => {
      const onKey = (): void => {
        window.removeEventListener('keydown', onKey, true);
        const t0 = performance.now();
        void until(() => document.querySelector(selector) !== null, t0, capMs).then(resolve);
      };
      window.addEventListener('keydown', onKey, true);
    });
  },

  keyResult(): Promise<Timed> {
    return keyResult ?? Promise.resolve({ ms: 0, outcome: 'error', detail: 'armKey not called' });
  },

  /** Records animation-frame timestamps until stopFrames(). */
  startFrames(): void {
    const state = { stop: false, done: Promise.resolve<number[]>([]) };
    state.done = new Promise((resolve) => {
      const stamps: number[] = [];
      const tick = (t: number): void => {
        stamps.push(t);
        if (state.stop) resolve(stamps);
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    frameLoop = state;
  },

  async stopFrames(): Promise<FrameStats> {
    const loop = frameLoop;
    if (!loop) return { frames: 0, durationMs: 0, medianMs: 0, p95Ms: 0, maxMs: 0, fps: 0 };
    loop.stop = true;
    return frameStats(await loop.done);
  },
};

export type Probe = typeof probe;

Object.defineProperty(window, '__probe', { value: probe, configurable: true });
