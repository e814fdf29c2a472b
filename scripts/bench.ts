// The benchmark: the built app against plain Cytoscape.js on synthetic partnership graphs of
// growing size, in headless Chromium. Writes bench-results/latest.{json,md}.
//
//   npm run bench                          sizes 1,000, 10,000, 30,000, 100,000, 300,000 and the seed graph, 3 runs
//   npm run bench -- --sizes=1000,10000 --runs=5
//   npm run bench -- --quick               smoke run: size 200, one run, under a minute
//   npm run bench -- --build               rebuild dist/ first (done anyway when it is missing)
//   npm run bench -- --profile[=SIZE]      also CPU-profile one app run (unminified build) at
//                                          SIZE (default: the largest); profiles in
//                                          bench-results/tmp/profiles/; with --runs=0 only that
//   npm run bench -- --no-seed             leave out data/graph.json
//   npm run bench -- --no-reference        the app only (quicker, for trying a change)
//   npm run bench -- --seed=N              the generator's seed (default 20240501)
//   npm run bench -- --out=bench-results/tmp/x   write x.json and x.md instead of latest.*
//   npm run bench -- --import-rows=N       import a generated table of N agreement rows through
//                                          the dialog (default 100,000; --quick 2,000; 0: none)
//   npm run bench -- --import-only         only that (results to bench-results/tmp/import.*)
//
// Each page load may take up to 180 s (--load-timeout=SECONDS), each later step 120 s
// (--step-timeout=SECONDS); a page that does not finish is recorded as "timeout" and the
// benchmark goes on with the next page. --quick writes bench-results/tmp/quick.* unless
// --out is given, so a smoke run never replaces the committed results.

import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { browserLaunch, browserMissing } from '../tests/e2e/browser';
import {
  buildProbe,
  buildReference,
  buildUnminifiedApp,
  initialDownload,
  PROJECT_ROOT,
  withScriptsBeforeFrame,
} from './bench/builds';
import { generateGraph } from './bench/generate';
import { LIMITS } from '../src/data/limits';
import type { LoadInfo } from './bench/pageApi';
import {
  IMPORT_FLAGS,
  importOptions,
  measureImport,
  type ImportBenchResult,
  type ImportOptions,
} from './bench/importBench';
import { FIGURE_KEYS, measurePage, type RunResult } from './bench/measure';
import { moduleMap, profiler, type PhaseProfile } from './bench/profile';
import {
  markdown,
  summariseRuns,
  type BenchReport,
  type GraphInfo,
  type SizeResults,
} from './bench/report';
import { serveStatic } from './serveStatic';

// ── Options ────────────────────────────────────────────────────────────────────────────────

interface Options {
  sizes: number[];
  runs: number;
  seed: number;
  build: boolean;
  /** Size to profile at, or null for no profile. */
  profile: string | null;
  out: string;
  withSeedGraph: boolean;
  withReference: boolean;
  quick: boolean;
  loadTimeoutMs: number;
  stepTimeoutMs: number;
  importRun: ImportOptions;
}

function parseOptions(argv: string[]): Options {
  const flag = (name: string) => argv.includes(`--${name}`);
  const value = (name: string) =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const known = [
    'quick',
    'build',
    'profile',
    'no-seed',
    'no-reference',
    'sizes',
    'runs',
    'seed',
    'load-timeout',
    'step-timeout',
    'out',
    ...IMPORT_FLAGS,
  ];
  for (const a of argv) {
    const name = a.replace(/^--/, '').split('=')[0] ?? '';
    if (!known.includes(name))
      throw new Error(`Unknown option ${a}; see the top of scripts/bench.ts.`);
  }
  const quick = flag('quick');
  const sizes = (value('sizes') ?? (quick ? '200' : '1000,10000,30000,100000,300000'))
    .split(',')
    .map((s) => Number(s.replace(/_/g, '')))
    .filter((n) => Number.isInteger(n) && n >= 2);
  const runs = Number(value('runs') ?? (quick ? 1 : 3));
  if (!sizes.length || !Number.isInteger(runs) || runs < 0) {
    throw new Error('--sizes needs whole numbers of at least 2, --runs a whole number from 0.');
  }
  const loadTimeoutS = Number(value('load-timeout') ?? (quick ? 60 : 180));
  const importRun = importOptions(argv, quick);
  return {
    sizes,
    runs,
    seed: Number(value('seed') ?? 20240501),
    build: flag('build'),
    profile: flag('profile') ? String(sizes[sizes.length - 1]) : (value('profile') ?? null),
    out: resolve(
      PROJECT_ROOT,
      value('out') ??
        (quick
          ? 'bench-results/tmp/quick'
          : importRun.only
            ? 'bench-results/tmp/import'
            : 'bench-results/latest'),
    ),
    withSeedGraph: !flag('no-seed'),
    withReference: !flag('no-reference'),
    quick,
    loadTimeoutMs: loadTimeoutS * 1000,
    stepTimeoutMs: Number(value('step-timeout') ?? (quick ? 30 : 120)) * 1000,
    importRun,
  };
}

// ── Setup: builds, graphs, server ──────────────────────────────────────────────────────────

const RESULTS = join(PROJECT_ROOT, 'bench-results');
const TMP = join(RESULTS, 'tmp');
/** This invocation's own folder, so that two benchmarks running at once cannot collide. */
const RUN = join(TMP, `run-${process.pid}`);
const SITE = join(RUN, 'site');
const DIST = join(PROJECT_ROOT, 'dist');

function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

function git(args: string[]): string {
  const r = spawnSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'unknown';
}

/**
 * Writes a graph for the pages to load. One larger than the app's file limit (300,000
 * institutions: 272 MB) is written gzip-compressed, as its users would have to publish it; the
 * reference page, which reads plain JSON only, is not run on it.
 */
function writeGraph(
  name: string,
  json: string,
  institutions: number,
  agreements: number,
): GraphInfo {
  const bytes = Buffer.byteLength(json);
  const packed = gzipSync(json);
  const compressed = bytes > LIMITS.maxFileBytes;
  const file = `graphs/${name}.json${compressed ? '.gz' : ''}`;
  writeFileSync(join(SITE, file), compressed ? packed : json);
  return { name, file, institutions, agreements, bytes, gzipBytes: packed.length, compressed };
}

function prepareGraphs(opts: Options): GraphInfo[] {
  mkdirSync(join(SITE, 'graphs'), { recursive: true });
  const out: GraphInfo[] = [];
  if (opts.withSeedGraph) {
    const json = readFileSync(join(PROJECT_ROOT, 'data/graph.json'), 'utf8');
    const parsed = JSON.parse(json) as { elements: { nodes: unknown[]; edges: unknown[] } };
    out.push(writeGraph('seed', json, parsed.elements.nodes.length, parsed.elements.edges.length));
  }
  for (const n of opts.sizes) {
    const started = Date.now();
    const graph = generateGraph(n, opts.seed);
    const info = writeGraph(String(n), JSON.stringify(graph), n, graph.elements.edges.length);
    log(
      `generated ${n.toLocaleString('en')} institutions, ${info.agreements.toLocaleString('en')} agreements, ` +
        `${(info.bytes / 1e6).toFixed(1)} MB in ${Date.now() - started} ms`,
    );
    out.push(info);
  }
  return out;
}

async function launch(): Promise<Browser> {
  // Exactly the e2e tests' launch, plus precise heap figures (otherwise rounded and delayed).
  const base = browserLaunch();
  return chromium.launch({ ...base, args: [...(base.args ?? []), '--enable-precise-memory-info'] });
}

// ── Main ───────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const started = Date.now();
  if (opts.build || !existsSync(join(DIST, 'index.html'))) {
    log('npm run build');
    const r = spawnSync('npm', ['run', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm run build failed');
  }

  const distBuiltAt = statSync(join(DIST, 'index.html')).mtime.toISOString();
  rmSync(RUN, { recursive: true, force: true });
  // A copy, so a concurrent `npm run build` cannot change the site under a running benchmark.
  cpSync(DIST, SITE, { recursive: true });
  log('building the reference page and the probe');
  await buildReference(join(SITE, 'reference'));
  const probeFile = await buildProbe(join(RUN, 'probe'));
  if (opts.profile !== null) {
    log('building an unminified app for profiling');
    await buildUnminifiedApp(join(SITE, 'profile-app'));
  }
  const download = {
    app: initialDownload(SITE),
    reference: initialDownload(join(SITE, 'reference')),
  };
  const graphs = opts.importRun.only ? [] : prepareGraphs(opts);
  const server = await serveStatic(SITE, 0);
  let browser = await launch();
  const environment = {
    chromium: `Chromium ${browser.version()}`,
    node: process.version,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cpus: cpus().length,
    memoryGB: Math.round(totalmem() / 1024 ** 3),
    platform: `${process.platform} ${process.arch}`,
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommittedChanges: git(['status', '--porcelain', '--', 'src']).split('\n').filter(Boolean)
      .length,
    distBuiltAt,
  };

  const results: SizeResults[] = [];
  let profile: PhaseProfile[] | undefined;
  let imported: ImportBenchResult | undefined;
  try {
    for (const graph of graphs) {
      const runs: { app: RunResult[]; reference: RunResult[] } = { app: [], reference: [] };
      const skip = { app: false, reference: !opts.withReference || graph.compressed };
      for (let i = 0; i < opts.runs; i++) {
        // App and reference alternate, so drift in the machine's speed touches both alike.
        for (const kind of ['app', 'reference'] as const) {
          if (skip[kind]) continue;
          if (!browser.isConnected()) browser = await launch();
          const url =
            kind === 'app'
              ? `${server.url}/?graph=${graph.file}`
              : `${server.url}/reference/?graph=../${graph.file}`;
          const r = await measurePage(browser, {
            url,
            graphPath: graph.file,
            kind,
            probeFile,
            loadTimeoutMs: opts.loadTimeoutMs,
            stepTimeoutMs: opts.stepTimeoutMs,
          });
          runs[kind].push(r);
          log(
            `${graph.name} ${kind} run ${i + 1}/${opts.runs}: first frame ${describe(r.figures.firstFrameMs)}` +
              (typeof r.detail.failure === 'string' ? ` (${r.detail.failure})` : ''),
          );
          // A page that cannot load once will not load on the next try either.
          if (typeof r.figures.firstFrameMs !== 'number') skip[kind] = true;
        }
      }
      if (graph.name === 'seed') {
        // What the first frame really needed: index.html's files and the chunks fetched at once.
        const load = runs.app.find((r) => r.detail.load)?.detail.load as LoadInfo | undefined;
        if (load)
          download.app = withScriptsBeforeFrame(SITE, download.app, load.scriptsBeforeFrame);
      }
      results.push({
        graph,
        app: summariseRuns(runs.app, FIGURE_KEYS),
        reference: summariseRuns(runs.reference, FIGURE_KEYS),
      });
    }

    if (opts.profile !== null) {
      const graph = graphs.find((g) => g.name === opts.profile);
      if (!graph)
        log(
          `--profile=${opts.profile}: no such size among ${graphs.map((g) => g.name).join(', ')}`,
        );
      else {
        log(`profiling one app run at ${graph.name}`);
        profile = [];
        mkdirSync(join(TMP, 'profiles'), { recursive: true });
        if (!browser.isConnected()) browser = await launch();
        await measurePage(browser, {
          url: `${server.url}/profile-app/?graph=../${graph.file}`,
          graphPath: graph.file,
          kind: 'app',
          probeFile,
          loadTimeoutMs: opts.loadTimeoutMs,
          stepTimeoutMs: opts.stepTimeoutMs,
          around: profiler(
            join(TMP, 'profiles'),
            `profile-${graph.name}`,
            profile,
            moduleMap(join(SITE, 'profile-app', 'assets')),
          ),
        });
      }
    }

    if (opts.importRun.rows > 0) {
      if (!browser.isConnected()) browser = await launch();
      imported = await measureImport(browser, {
        url: `${server.url}/`,
        dir: RUN,
        rows: opts.importRun.rows,
        seed: opts.seed,
        importTimeoutMs: opts.loadTimeoutMs,
        // Showing a large graph is slow today; the import's own figures are the point here.
        showTimeoutMs: 3 * opts.loadTimeoutMs,
        log,
      });
      log(
        `import of ${opts.importRun.rows.toLocaleString('en')} rows: ${describe(imported.figures.importMs)}`,
      );
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
    // The generated graphs are large (90 MB at 100,000); keep only the results.
    rmSync(RUN, { recursive: true, force: true });
  }

  const report: BenchReport = {
    generatedAt: new Date().toISOString(),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim().replace(/ --$/, ''),
    environment,
    options: {
      runs: opts.runs,
      sizes: graphs.map((g) => g.name),
      seed: opts.seed,
    },
    initialDownload: download,
    results,
    ...(profile ? { profile } : {}),
    ...(imported ? { import: imported } : {}),
  };
  const base = opts.out;
  mkdirSync(dirname(base), { recursive: true });
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  const md = markdown(report);
  writeFileSync(`${base}.md`, md);
  console.log(`\n${md}`);
  log(`wrote ${base}.json and .md in ${Math.round((Date.now() - started) / 1000)} s`);
}

function describe(v: number | string): string {
  return typeof v === 'number' ? `${Math.round(v).toLocaleString('en')} ms` : v;
}

// Like the browser tests: without a browser the smoke run says so and passes, except under CI.
const missing = browserMissing();
if (missing) {
  console.warn(`[bench skipped] ${missing}`);
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
