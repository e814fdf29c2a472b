// Medians over runs and the Markdown report: one row per measure, one column per graph size,
// each cell "app (×ref)" where the reference page has the same figure.

import type { InitialDownload } from './builds';
import { importMarkdown, importOnlyMarkdown, type ImportBenchResult } from './importBench';
import type { Figure, FigureKey, RunResult } from './measure';
import type { PhaseProfile } from './profile';

export interface GraphInfo {
  /** Column name: "seed" or the institution count. */
  name: string;
  file: string;
  institutions: number;
  agreements: number;
  bytes: number;
  gzipBytes: number;
  /** Served gzip-compressed (.json.gz): larger than the app reads uncompressed. */
  compressed?: boolean;
}

export interface PageResults {
  runs: RunResult[];
  median: Record<FigureKey, Figure>;
  renderer: string;
}

export interface SizeResults {
  graph: GraphInfo;
  app: PageResults;
  reference: PageResults;
}

export interface BenchReport {
  generatedAt: string;
  command: string;
  environment: Record<string, string | number>;
  options: { runs: number; sizes: string[]; seed: number };
  initialDownload: { app: InitialDownload; reference: InitialDownload };
  results: SizeResults[];
  profile?: PhaseProfile[];
  /** The import through the dialog (scripts/bench/importBench.ts). */
  import?: ImportBenchResult;
}

interface Row {
  label: string;
  key: FigureKey;
  /** The reference figure the app's is divided by. */
  ref?: FigureKey;
  unit: 'ms' | 'MB' | 'fps';
}

const ROWS: Row[] = [
  { label: 'Load → first frame', key: 'firstFrameMs', ref: 'firstFrameMs', unit: 'ms' },
  { label: '· page idle again (10 frames < 25 ms)', key: 'idleMs', ref: 'idleMs', unit: 'ms' },
  { label: '· graph file received', key: 'graphFetchedMs', ref: 'graphFetchedMs', unit: 'ms' },
  { label: '· file read whole (decompressed if .gz)', key: 'fileInMs', unit: 'ms' },
  { label: '· file parsed (worker)', key: 'parsedMs', unit: 'ms' },
  { label: '· graph checked and on the page', key: 'checkedMs', unit: 'ms' },
  { label: '· longest task during load', key: 'longestTaskMs', ref: 'longestTaskMs', unit: 'ms' },
  { label: '· blocking time during load', key: 'blockingMs', ref: 'blockingMs', unit: 'ms' },
  { label: 'Filter: country → frame', key: 'filterCountryMs', ref: 'filterMs', unit: 'ms' },
  { label: 'Filter: undated → frame', key: 'filterUndatedMs', ref: 'filterMs', unit: 'ms' },
  { label: 'Filter: cooperation type → frame', key: 'filterTypeMs', ref: 'filterMs', unit: 'ms' },
  {
    label: 'Filter: undoing one (slowest of the three) → frame',
    key: 'filterRestoreMs',
    ref: 'filterMs',
    unit: 'ms',
  },
  { label: 'Search keystroke → suggestions', key: 'searchMs', unit: 'ms' },
  { label: 'Focus (Enter on suggestion) → details', key: 'focusMs', unit: 'ms' },
  { label: 'Open a country group (click) → frame', key: 'expandMs', unit: 'ms' },
  { label: 'Export GraphML (filtered graph) → file', key: 'exportMs', unit: 'ms' },
  { label: '· longest main-thread task meanwhile', key: 'exportLongestTaskMs', unit: 'ms' },
  { label: 'Pan/zoom: median frame (over time)', key: 'frameMs', ref: 'frameMs', unit: 'ms' },
  {
    label: 'Pan/zoom: 95th percentile frame (over time)',
    key: 'frameP95Ms',
    ref: 'frameP95Ms',
    unit: 'ms',
  },
  { label: 'Pan/zoom: frame rate', key: 'fps', ref: 'fps', unit: 'fps' },
  { label: 'JS heap after load (after GC)', key: 'heapMB', ref: 'heapMB', unit: 'MB' },
];

const REFERENCE_ROWS: { label: string; key: FigureKey; unit: Row['unit'] }[] = [
  { label: 'Load → first frame', key: 'firstFrameMs', unit: 'ms' },
  { label: '· page idle again (10 frames < 25 ms)', key: 'idleMs', unit: 'ms' },
  { label: 'Hide 50 % in one batch → frame', key: 'filterMs', unit: 'ms' },
  { label: 'Pan/zoom: median frame (over time)', key: 'frameMs', unit: 'ms' },
  { label: 'Pan/zoom: 95th percentile frame (over time)', key: 'frameP95Ms', unit: 'ms' },
  { label: 'Pan/zoom: frame rate', key: 'fps', unit: 'fps' },
  { label: 'JS heap after load (after GC)', key: 'heapMB', unit: 'MB' },
];

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const hi = s[mid] ?? 0;
  return s.length % 2 === 1 ? hi : ((s[mid - 1] ?? hi) + hi) / 2;
}

/** Median of the runs that produced a number; otherwise the first run's reason. */
export function summariseRuns(runs: RunResult[], keys: readonly FigureKey[]): PageResults {
  const m = {} as Record<FigureKey, Figure>;
  for (const k of keys) {
    const nums = runs.map((r) => r.figures[k]).filter((v): v is number => typeof v === 'number');
    m[k] = median(nums) ?? runs[0]?.figures[k] ?? 'n/a';
  }
  return { runs, median: m, renderer: runs.find((r) => r.renderer !== 'n/a')?.renderer ?? 'n/a' };
}

function fmt(v: Figure, unit: Row['unit']): string {
  if (typeof v === 'string') return v.split(':')[0] ?? v;
  if (unit === 'ms') return `${Math.round(v).toLocaleString('en')} ms`;
  if (unit === 'MB') return `${v.toFixed(v < 10 ? 1 : 0)} MB`;
  return `${v.toFixed(v < 10 ? 1 : 0)} fps`;
}

function ratio(app: Figure, ref: Figure): string {
  if (typeof app !== 'number' || typeof ref !== 'number' || ref <= 0) return '';
  const r = app / ref;
  return ` (×${r < 0.1 ? r.toPrecision(1) : r < 10 ? r.toFixed(1) : Math.round(r)})`;
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

function column(s: SizeResults): string {
  return s.graph.name === 'seed'
    ? `seed (${s.graph.institutions})`
    : s.graph.institutions.toLocaleString('en');
}

export function markdown(report: BenchReport): string {
  if (report.results.length === 0 && report.import)
    return importOnlyMarkdown(report, report.import);
  const out: string[] = [];
  const cols = report.results;
  const header = (first: string) => [
    `| ${first} | ${cols.map(column).join(' | ')} |`,
    `| --- | ${cols.map(() => '---:').join(' | ')} |`,
  ];
  out.push('# Partnership Atlas benchmark', '');
  out.push(
    `${report.generatedAt} · \`${report.command}\` · median of ${report.options.runs} run(s) · ` +
      `${report.environment.chromium} · ${report.environment.cpu} ×${report.environment.cpus}`,
    '',
  );
  out.push(
    'Cells: the app’s figure, and in brackets the app’s figure divided by the reference page’s ' +
      '(plain Cytoscape.js, same elements and positions, minimal style). Lower is better except fps.',
    '',
  );
  out.push(...header('measure (app, ×ref)'));
  out.push(
    `| Graph: institutions / agreements | ${cols
      .map(
        (s) =>
          `${s.graph.institutions.toLocaleString('en')} / ${s.graph.agreements.toLocaleString('en')}`,
      )
      .join(' | ')} |`,
  );
  out.push(
    `| Graph file (gzip) | ${cols.map((s) => `${mb(s.graph.bytes)} (${mb(s.graph.gzipBytes)})${s.graph.compressed ? ', served as .json.gz' : ''}`).join(' | ')} |`,
  );
  for (const row of ROWS) {
    const cells = cols.map((s) => {
      const app = s.app.median[row.key];
      const ref = row.ref ? s.reference.median[row.ref] : undefined;
      return fmt(app, row.unit) + (ref === undefined ? '' : ratio(app, ref));
    });
    out.push(`| ${row.label} | ${cells.join(' | ')} |`);
  }
  out.push(`| Renderer | ${cols.map((s) => s.app.renderer).join(' | ')} |`);
  out.push('', '## Reference page (plain Cytoscape.js)', '');
  out.push(...header('measure'));
  for (const row of REFERENCE_ROWS) {
    out.push(
      `| ${row.label} | ${cols.map((s) => fmt(s.reference.median[row.key], row.unit)).join(' | ')} |`,
    );
  }
  out.push(...targetsMarkdown(report));
  const { app, reference } = report.initialDownload;
  out.push('', '## Initial download (files index.html references, gzip -9)', '');
  out.push('| page | JS | CSS |', '| --- | ---: | ---: |');
  out.push(
    `| app | ${kb(app.jsGzipBytes)}${ratio(app.jsGzipBytes, reference.jsGzipBytes)} | ${kb(app.cssGzipBytes)} |`,
  );
  out.push(`| reference | ${kb(reference.jsGzipBytes)} | ${kb(reference.cssGzipBytes)} |`);
  if (app.beforeFirstFrame) {
    const { files, jsGzipBytes } = app.beforeFirstFrame;
    out.push(
      '',
      `JS the seed graph's first frame needed (index.html's files and the chunks fetched before that frame): ` +
        `${kb(jsGzipBytes)} in ${files.length} file(s): ` +
        files.map((f) => `${f.file.split('/').pop() ?? f.file} ${kb(f.gzipBytes)}`).join(', ') +
        '.',
    );
  }
  const failures = cols.flatMap((s) =>
    (['app', 'reference'] as const).flatMap((kind) =>
      s[kind].runs
        .map((r, i) => ({ r, i }))
        .filter(({ r }) => typeof r.detail.failure === 'string')
        .map(({ r, i }) => `- ${column(s)}, ${kind}, run ${i + 1}: ${String(r.detail.failure)}`),
    ),
  );
  if (failures.length) out.push('', '## Failures', '', ...failures);
  if (report.profile?.length) {
    const list = (items: { name: string; ms: number }[], n: number) =>
      items
        .slice(0, n)
        .map((i) => `${i.name.replace(/\|/g, '/')} ${Math.round(i.ms).toLocaleString('en')}`)
        .join(' · ');
    out.push('', '## Where the time goes (CPU profile of one app run, unminified build)', '');
    out.push(
      'Sampled milliseconds per phase: self time by package or app file, and the app’s own ' +
        'functions by inclusive time (callees included). Profiles (open in DevTools): bench-results/tmp/profiles/.',
      '',
    );
    out.push('| phase | sampled | self time by module | app functions (inclusive) |');
    out.push('| --- | ---: | --- | --- |');
    for (const p of report.profile) {
      out.push(
        `| ${p.phase} | ${Math.round(p.totalMs).toLocaleString('en')} ms | ${list(p.modules, 5)} | ${list(p.app, 6)} |`,
      );
    }
  }
  if (report.import) out.push(...importMarkdown(report.import));
  out.push(
    '',
    'Generated by `npm run bench` (scripts/bench.ts). Synthetic graphs: scripts/bench/generate.ts.',
  );
  return `${out.join('\n')}\n`;
}

// ── Targets (issue #7) ─────────────────────────────────────────────────────────────────────

interface TargetCheck {
  target: string;
  size: string;
  figure: string;
  met: boolean | null;
}

const num = (v: Figure | undefined): number | null => (typeof v === 'number' ? v : null);

/** Each target of the scale issue against this run's medians: met, missed, or not measured. */
export function targetChecks(report: BenchReport): TargetCheck[] {
  const checks: TargetCheck[] = [];
  /** A target `value ≤ limit` (or `≥ limit` with `atLeast`). */
  const add = (
    target: string,
    size: string,
    value: number | null,
    limit: number,
    show: string,
    atLeast = false,
  ) =>
    checks.push({
      target,
      size,
      figure: value === null ? 'n/a' : show,
      met: value === null ? null : atLeast ? value >= limit : value <= limit,
    });
  const KB = 1024;
  // The JS the seed's first frame needed when measured (index.html's files and the chunks fetched
  // before that frame), else index.html's files alone.
  const app = report.initialDownload.app;
  const js = app.beforeFirstFrame?.jsGzipBytes ?? app.jsGzipBytes;
  add('initial JS ≤ 230 KB gzip', 'seed', js, 230 * KB, kb(js));
  for (const s of report.results) {
    const a = s.app.median;
    const r = s.reference.median;
    const n = s.graph.institutions;
    const size = column(s);
    const firstRatio =
      num(a.firstFrameMs) !== null && num(r.firstFrameMs)
        ? (num(a.firstFrameMs) ?? 0) / (num(r.firstFrameMs) ?? 1)
        : null;
    const filters = [a.filterCountryMs, a.filterUndatedMs, a.filterTypeMs, a.filterRestoreMs].map(
      num,
    );
    const worstFilter = filters.every((f) => f !== null)
      ? Math.max(...(filters as number[]))
      : null;
    const fps = num(a.fps);
    if (s.graph.name === 'seed') {
      add('first frame ≤ 1.3 × reference', size, firstRatio, 1.3, `×${firstRatio?.toFixed(2)}`);
    } else if (n >= 10_000 && n <= 30_000) {
      add('first frame ≤ 1.0 × reference', size, firstRatio, 1.0, `×${firstRatio?.toFixed(2)}`);
      const refToggle = num(r.filterMs);
      const filterRatio = worstFilter !== null && refToggle ? worstFilter / refToggle : null;
      add(
        'slowest filter change ≤ 0.5 × reference class toggle',
        size,
        filterRatio,
        0.5,
        `×${filterRatio?.toFixed(2)} (${Math.round(worstFilter ?? 0)} ms)`,
      );
      add('search ≤ 50 ms', size, num(a.searchMs), 50, `${Math.round(num(a.searchMs) ?? 0)} ms`);
    } else if (n >= 100_000) {
      add(
        'first frame ≤ 3 s',
        size,
        num(a.firstFrameMs),
        3000,
        `${Math.round(num(a.firstFrameMs) ?? 0).toLocaleString('en')} ms`,
      );
      add(
        'slowest filter change ≤ 300 ms',
        size,
        worstFilter,
        300,
        `${Math.round(worstFilter ?? 0)} ms`,
      );
      add(
        'opening a group ≤ 500 ms',
        size,
        num(a.expandMs),
        500,
        `${Math.round(num(a.expandMs) ?? 0)} ms`,
      );
      add('JS heap ≤ 500 MB', size, num(a.heapMB), 500, `${Math.round(num(a.heapMB) ?? 0)} MB`);
    }
    if (n >= 10_000) add('pan/zoom ≥ 15 fps', size, fps, 15, `${Math.round(fps ?? 0)} fps`, true);
  }
  return checks;
}

function targetsMarkdown(report: BenchReport): string[] {
  const checks = targetChecks(report);
  if (checks.length === 0) return [];
  const out = [
    '',
    '## Targets (issue #7)',
    '',
    '| target | graph | figure | |',
    '| --- | --- | ---: | --- |',
  ];
  for (const c of checks) {
    out.push(
      `| ${c.target} | ${c.size} | ${c.figure} | ${c.met === null ? 'not measured' : c.met ? 'met' : 'missed'} |`,
    );
  }
  return out;
}
