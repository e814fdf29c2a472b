// The import benchmark: a generated agreements table (100,000 rows; 2,000 with --quick) taken
// through the built app's import dialog in headless Chromium as a user would — Data ▸ Import
// data…, the file set on the file input, the mapping step, "Check rows", "Import N valid rows"
// as a new dataset — until the explorer shows the dataset. Measured inside the page:
//
//   (a) file chosen → dataset saved and handed to the explorer (the dialog's mark
//       "atlas:import-done"), with its phases, and when the dataset was stored;
//   (b) file chosen → the explorer shows it (status line and canvas, two frames later);
//   (c) main-thread tasks during (a), from a buffered PerformanceObserver('longtask') started
//       before the file is chosen: the longest, how many over 200 ms, and the longest gap
//       between two frames.
//
// The dialog's buttons are clicked from inside the page the frame they become usable, so the
// figures hold no round trips to Node. Options (scripts/bench.ts passes them through):
//   --import-rows=N    rows of the generated table (0: no import measurement)
//   --import-only      only this measurement (no graph sizes); results to bench-results/tmp/import

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from '@playwright/test';
import { COOPERATION_INFO, INSTITUTION_INFO, countryName } from '../../src/model';
import { generateGraph } from './generate';
import { VIEWPORT, type Figure } from './measure';

// ── Options ────────────────────────────────────────────────────────────────────────────────

export const IMPORT_FLAGS = ['import-rows', 'import-only'] as const;

export interface ImportOptions {
  /** Rows of the generated agreements table; 0 leaves the measurement out. */
  rows: number;
  /** Measure the import only, not the graph sizes. */
  only: boolean;
}

export function importOptions(argv: readonly string[], quick: boolean): ImportOptions {
  const raw = argv.find((a) => a.startsWith('--import-rows='))?.slice('--import-rows='.length);
  const rows = raw === undefined ? (quick ? 2_000 : 100_000) : Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(rows) || rows < 0) {
    throw new Error('--import-rows needs a whole number (0 leaves the import out).');
  }
  return { rows, only: argv.includes('--import-only') };
}

// ── The table ──────────────────────────────────────────────────────────────────────────────

const COLUMNS = [
  'Institution',
  'Institution country',
  'Institution type',
  'Partner',
  'Partner country',
  'Partner type',
  'Cooperation type',
  'Date',
  'Description',
  'Quote',
];

/**
 * An agreements table as people keep them, from the synthetic graph of scripts/bench/
 * generate.ts (a third as many institutions as rows): parties by name, countries as ISO codes
 * or English names, institution and cooperation types as vocabulary labels or ids, dates as
 * YYYY, YYYY-MM or YYYY-MM-DD or none, a description on some rows, a quote on every row.
 */
export function agreementsCsv(rows: number, seed: number): string {
  const graph = generateGraph(Math.max(2, Math.ceil(rows / 3)), seed);
  const byId = new Map(graph.elements.nodes.map((n) => [n.data.id, n.data]));
  const country = (code: string | null, k: number) =>
    code === null ? '' : k % 2 === 0 ? code : countryName(code);
  const table: string[][] = [COLUMNS];
  graph.elements.edges.slice(0, rows).forEach((e, i) => {
    const a = byId.get(e.data.source);
    const b = byId.get(e.data.target);
    if (!a || !b) return;
    table.push([
      a.label,
      country(a.country, i),
      i % 2 === 0 ? INSTITUTION_INFO[a.type].label : a.type,
      b.label,
      country(b.country, i + 1),
      i % 2 === 1 ? INSTITUTION_INFO[b.type].label : b.type,
      i % 3 === 0 ? e.data.cooperation : COOPERATION_INFO[e.data.cooperation].label,
      e.data.date ?? '',
      e.data.description,
      e.data.evidence[0]?.quote ?? '',
    ]);
  });
  return `${Papa.unparse(table)}\r\n`;
}

// ── The measurement ────────────────────────────────────────────────────────────────────────

export interface ImportFigures {
  /** (a) File chosen → dataset saved and handed to the explorer. */
  importMs: Figure;
  /** File chosen → mapping step usable (reading and parsing in the worker). */
  readMs: Figure;
  /** "Check rows" → result shown (row check, graph built and validated). */
  checkMs: Figure;
  /** "Import N valid rows" → handed to the explorer (save, graph brought to the page). */
  commitMs: Figure;
  /** File chosen → the dataset is stored in IndexedDB. */
  savedMs: Figure;
  /** (b) File chosen → the explorer shows the dataset. */
  shownMs: Figure;
  /** (c) Longest main-thread task during (a), and how many took over 200 ms. */
  longestTaskMs: Figure;
  tasksOver200: Figure;
  /** Tasks over 50 ms during (a) and their time over 50 ms (total blocking time). */
  longTasks: Figure;
  blockingMs: Figure;
  /** Longest time between two drawn frames during (a). */
  longestFrameGapMs: Figure;
  /** Longest task between (a) and (b): the explorer taking the graph, outside the import. */
  longestTaskShowingMs: Figure;
}

export interface ImportBenchResult {
  rows: number;
  fileBytes: number;
  seed: number;
  /** The graph the dialog built, as its check summary and the status line say. */
  institutions: number | null;
  agreements: number | null;
  figures: ImportFigures;
  /** Long tasks during (a), from the file chosen, longest first (at most 20). */
  tasks: { startMs: number; durationMs: number }[];
  detail: Record<string, unknown>;
}

export interface ImportRunOptions {
  /** The built app's address (the bundled graph opens first). */
  url: string;
  /** Folder for the generated table. */
  dir: string;
  rows: number;
  seed: number;
  /** Limit for (a), and separately for (b). */
  importTimeoutMs: number;
  showTimeoutMs: number;
  log: (message: string) => void;
}

/** What the in-page watcher records; times are performance.now() of the page. */
interface Watch {
  chosen: number | null;
  mapping: number | null;
  checkClicked: number | null;
  checked: number | null;
  importClicked: number | null;
  shown: number | null;
  expectStatus: string | null;
  institutions: number | null;
  agreements: number | null;
  error: string | null;
  tasks: [number, number][];
  frames: number[];
}

/**
 * Installed in the page before the file is chosen: the long-task observer, the moment the
 * file is chosen, a per-frame watcher that clicks on through the dialog as soon as each
 * button is usable and notes when the explorer shows the result. A plain script, as the
 * page's CSP allows no eval and functions passed to evaluate() may carry bundler helpers.
 */
const WATCHER = `(() => {
  const w = {
    chosen: null, mapping: null, checkClicked: null, checked: null, importClicked: null,
    shown: null, expectStatus: null, institutions: null, agreements: null, error: null,
    tasks: [], frames: [],
  };
  window.__importWatch = w;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('change', (e) => {
    const t = e.target;
    if (w.chosen === null && t instanceof HTMLInputElement && t.type === 'file') {
      w.chosen = performance.now();
    }
  }, true);
  const dialog = () => document.querySelector('dialog.import-dialog');
  const usable = (re) => {
    const d = dialog();
    if (!d) return null;
    for (const b of d.querySelectorAll('button')) {
      if (!b.disabled && re.test((b.textContent || '').trim())) return b;
    }
    return null;
  };
  const num = (s) => Number(s.replace(/,/g, ''));
  let calm = -1;
  const frame = (t) => {
    const now = performance.now();
    if (w.chosen !== null && w.shown === null) w.frames.push(now);
    if (w.chosen !== null && w.error === null) {
      const alert = dialog() && dialog().querySelector('[role="alert"]');
      if (alert) w.error = (alert.textContent || '').slice(0, 300);
    }
    if (w.chosen !== null && w.checkClicked === null) {
      const b = usable(/^Check rows$/);
      if (b) { w.mapping = now; w.checkClicked = performance.now(); b.click(); }
    } else if (w.checkClicked !== null && w.importClicked === null) {
      const b = usable(/^Import [\\d,]+ valid rows?$/);
      if (b) {
        w.checked = now;
        const summary = (dialog().querySelector('.import-summary') || {}).textContent || '';
        const rows = /^([\\d,]+) rows? of/.exec(summary);
        const inst = /They link ([\\d,]+) institution/.exec(summary);
        if (rows) w.agreements = num(rows[1]);
        if (inst) {
          w.institutions = num(inst[1]);
          w.expectStatus = ' of ' + inst[1] + ' institutions';
        }
        w.importClicked = performance.now();
        b.click();
      }
    } else if (w.expectStatus !== null && w.shown === null) {
      const status = document.querySelector('[data-testid="status-line"]');
      const shows = status && (status.textContent || '').includes(w.expectStatus) &&
        !dialog() && document.querySelector('[data-testid="graph-canvas"] canvas');
      // Two frames after the status line and canvas are there: the second proves a paint.
      if (shows) { calm += 1; if (calm >= 2) w.shown = now; } else calm = -1;
    }
    if (w.shown === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readWatch(page: Page): Promise<Watch> {
  return page.evaluate<Watch>('window.__importWatch');
}

async function markTime(page: Page, name: string): Promise<number | null> {
  return page.evaluate<number | null>(
    `(performance.getEntriesByName(${JSON.stringify(name)})[0] || { startTime: null }).startTime`,
  );
}

/** Polls the watcher until `done` or the time is up; returns the last state. */
async function waitFor(
  page: Page,
  done: (w: Watch) => boolean,
  ms: number,
): Promise<{ watch: Watch; timedOut: boolean }> {
  const until = Date.now() + ms;
  for (;;) {
    const watch = await readWatch(page);
    if (done(watch) || watch.error !== null) return { watch, timedOut: false };
    if (Date.now() > until) return { watch, timedOut: true };
    await sleep(100);
  }
}

function tasksBetween(tasks: [number, number][], from: number, to: number) {
  // A task counts when any part of it falls in the span: the one that dispatched the file
  // input's change event began a moment before the file was "chosen".
  return tasks
    .filter(([start, duration]) => start + duration > from && start < to)
    .map(([start, duration]) => ({ startMs: start - from, durationMs: duration }))
    .sort((a, b) => b.durationMs - a.durationMs);
}

function emptyFigures(reason: string): ImportFigures {
  return {
    importMs: reason,
    readMs: reason,
    checkMs: reason,
    commitMs: reason,
    savedMs: reason,
    shownMs: reason,
    longestTaskMs: reason,
    tasksOver200: reason,
    longTasks: reason,
    blockingMs: reason,
    longestFrameGapMs: reason,
    longestTaskShowingMs: reason,
  };
}

export async function measureImport(
  browser: Browser,
  opts: ImportRunOptions,
): Promise<ImportBenchResult> {
  const started = Date.now();
  const csv = agreementsCsv(opts.rows, opts.seed);
  const file = join(opts.dir, `agreements-${opts.rows}.csv`);
  writeFileSync(file, csv);
  const fileBytes = Buffer.byteLength(csv);
  opts.log(
    `import: generated ${opts.rows.toLocaleString('en')} agreement rows, ` +
      `${(fileBytes / 1024 / 1024).toFixed(1)} MB in ${Date.now() - started} ms`,
  );
  const result: ImportBenchResult = {
    rows: opts.rows,
    fileBytes,
    seed: opts.seed,
    institutions: null,
    agreements: null,
    figures: emptyFigures('n/a'),
    tasks: [],
    detail: {},
  };
  const pageErrors: string[] = [];
  result.detail.pageErrors = pageErrors;
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message.slice(0, 300)));
    await page.goto(opts.url);
    await page
      .getByTestId('status-line')
      .filter({ hasText: 'Showing' })
      .waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Data ▾' }).click();
    await page.getByRole('button', { name: 'Import data…' }).click();
    const input = page.getByRole('dialog').locator('input[type=file]');
    await input.waitFor({ state: 'attached', timeout: 30_000 });
    await page.evaluate(WATCHER);
    await input.setInputFiles(file);

    const imported = await waitFor(
      page,
      (w) => w.importClicked !== null && w.expectStatus !== null,
      opts.importTimeoutMs,
    );
    let done: number | null = null;
    const importUntil = Date.now() + opts.importTimeoutMs;
    while (!imported.timedOut && imported.watch.error === null && Date.now() < importUntil) {
      done = await markTime(page, 'atlas:import-done');
      if (done !== null) break;
      const w = await readWatch(page);
      if (w.error !== null) break;
      await sleep(100);
    }
    const { watch: afterShow, timedOut: showTimedOut } =
      done === null
        ? { watch: await readWatch(page), timedOut: false }
        : await waitFor(page, (w) => w.shown !== null, opts.showTimeoutMs);
    const w = afterShow;
    const saved = await markTime(page, 'atlas:import-saved');
    result.institutions = w.institutions;
    result.agreements = w.agreements;
    result.detail.watch = { ...w, tasks: w.tasks.length, frames: w.frames.length };
    result.detail.phases = {
      mapping: w.mapping,
      checked: w.checked,
      saved,
      done: await markTime(page, 'atlas:import-done'),
      shown: w.shown,
    };
    if (w.chosen === null) throw new Error('the file input reported no change');
    const chosen = w.chosen;
    const since = (t: number | null, why = 'timeout'): Figure =>
      t === null ? (w.error ? `error: ${w.error}` : why) : t - chosen;
    const f = result.figures;
    f.readMs = since(w.mapping);
    f.checkMs =
      w.checked !== null && w.checkClicked !== null ? w.checked - w.checkClicked : since(null);
    f.commitMs = done !== null && w.importClicked !== null ? done - w.importClicked : since(null);
    f.importMs = since(done);
    f.savedMs = since(saved);
    f.shownMs = since(w.shown, showTimedOut ? 'timeout' : 'n/a');
    if (done !== null) {
      const during = tasksBetween(w.tasks, chosen, done);
      result.tasks = during.slice(0, 20);
      f.longestTaskMs = during[0]?.durationMs ?? 0;
      f.tasksOver200 = during.filter((t) => t.durationMs > 200).length;
      f.longTasks = during.length;
      f.blockingMs = during.reduce((s, t) => s + Math.max(0, t.durationMs - 50), 0);
      const frames = [chosen, ...w.frames.filter((t) => t > chosen && t <= done), done];
      const gaps = frames
        .slice(1)
        .map((t, i) => ({ atMs: (frames[i] ?? t) - chosen, gapMs: t - (frames[i] ?? t) }));
      f.longestFrameGapMs = Math.max(...gaps.map((g) => g.gapMs));
      result.detail.frameGaps = gaps
        .filter((g) => g.gapMs > 50)
        .sort((a, b) => b.gapMs - a.gapMs)
        .slice(0, 20);
      const showing = tasksBetween(w.tasks, done, w.shown ?? Number.POSITIVE_INFINITY);
      f.longestTaskShowingMs = showing[0]?.durationMs ?? 0;
      result.detail.showingTasks = showing.length;
    }
    result.detail.status = await page.getByTestId('status-line').textContent();
    result.detail.url = page.url();
  } catch (e) {
    const message = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
    result.detail.failure = `error: ${message}`;
    for (const [k, v] of Object.entries(result.figures)) {
      if (v === 'n/a') result.figures[k as keyof ImportFigures] = 'error';
    }
  } finally {
    await context.close().catch(() => undefined);
  }
  return result;
}

// ── Report ─────────────────────────────────────────────────────────────────────────────────

function ms(v: Figure): string {
  if (typeof v === 'string') return v.split(':')[0] ?? v;
  return `${Math.round(v).toLocaleString('en')} ms`;
}

function count(v: Figure): string {
  return typeof v === 'number' ? v.toLocaleString('en') : (v.split(':')[0] ?? v);
}

/** The "Import" section of the Markdown report. */
export function importMarkdown(r: ImportBenchResult): string[] {
  const f = r.figures;
  const made =
    r.institutions !== null && r.agreements !== null
      ? ` → ${r.institutions.toLocaleString('en')} institutions, ${r.agreements.toLocaleString('en')} agreements`
      : '';
  const out = [
    '',
    `## Import (${r.rows.toLocaleString('en')} agreement rows through the import dialog)`,
    '',
    'A generated agreements table (scripts/bench/importBench.ts) chosen in Data ▸ Import data…, ' +
      'checked, and imported as a new dataset. Times from the moment the file is chosen; long ' +
      'tasks from a PerformanceObserver started before.',
    '',
    '| measure | value |',
    '| --- | ---: |',
    `| CSV file | ${r.rows.toLocaleString('en')} rows, ${(r.fileBytes / 1024 / 1024).toFixed(1)} MB${made} |`,
    `| (a) File chosen → dataset saved and handed to the explorer | ${ms(f.importMs)} |`,
    `| · reading and parsing (to the mapping step) | ${ms(f.readMs)} |`,
    `| · checking the rows (Check rows → result) | ${ms(f.checkMs)} |`,
    `| · saving and opening (Import → handed over) | ${ms(f.commitMs)} |`,
    `| · dataset stored in IndexedDB (from file chosen) | ${ms(f.savedMs)} |`,
    `| (c) Longest main-thread task during (a) | ${ms(f.longestTaskMs)} |`,
    `| · tasks over 200 ms during (a) | ${count(f.tasksOver200)} |`,
    `| · tasks over 50 ms / blocking time during (a) | ${count(f.longTasks)} / ${ms(f.blockingMs)} |`,
    `| · longest gap between frames during (a) | ${ms(f.longestFrameGapMs)} |`,
    `| (b) File chosen → explorer shows the dataset | ${ms(f.shownMs)} |`,
    `| · longest task while the explorer takes the graph | ${ms(f.longestTaskShowingMs)} |`,
  ];
  if (typeof r.detail.failure === 'string') out.push('', `Import failure: ${r.detail.failure}`);
  return out;
}

/** The whole report of a run with --import-only. */
export function importOnlyMarkdown(
  report: { generatedAt: string; command: string; environment: Record<string, string | number> },
  r: ImportBenchResult,
): string {
  const env = report.environment;
  return `${[
    '# Partnership Atlas benchmark: import',
    '',
    `${report.generatedAt} · \`${report.command}\` · ${env.chromium} · ${env.cpu} ×${env.cpus}`,
    ...importMarkdown(r),
    '',
    'Generated by `npm run bench -- --import-only` (scripts/bench.ts, scripts/bench/importBench.ts).',
  ].join('\n')}\n`;
}
