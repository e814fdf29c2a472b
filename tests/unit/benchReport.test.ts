// The benchmark's targets table: each target of issue #7 judged from the medians, in the right
// direction (fps at least, times at most), and "not measured" where a figure is missing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialDownload, withScriptsBeforeFrame } from '../../scripts/bench/builds';
import { FIGURE_KEYS, loadPhases, type Figure, type FigureKey } from '../../scripts/bench/measure';
import {
  markdown,
  targetChecks,
  type BenchReport,
  type SizeResults,
} from '../../scripts/bench/report';

function size(
  institutions: number,
  app: Partial<Record<FigureKey, Figure>>,
  ref = {},
): SizeResults {
  const page = (median: Partial<Record<FigureKey, Figure>>) => ({
    runs: [],
    // A run records every figure, "n/a" where it has none.
    median: {
      ...Object.fromEntries(FIGURE_KEYS.map((k) => [k, 'n/a'])),
      ...median,
    } as Record<FigureKey, Figure>,
    renderer: 'canvas',
  });
  return {
    graph: {
      name: String(institutions),
      file: 'g.json',
      institutions,
      agreements: institutions * 3,
      bytes: 0,
      gzipBytes: 0,
    },
    app: page(app),
    reference: page(ref),
  };
}

function report(results: SizeResults[], jsBytes = 200 * 1024): BenchReport {
  const download = { files: [], jsGzipBytes: jsBytes, cssGzipBytes: 0 };
  return {
    generatedAt: '',
    command: '',
    environment: {},
    options: { runs: 1, sizes: [], seed: 1 },
    initialDownload: { app: download, reference: download },
    results,
  };
}

const find = (r: BenchReport, target: string, graph: string) =>
  targetChecks(r).find((c) => c.target.startsWith(target) && c.size === graph);

describe('targetChecks', () => {
  it('judges each target at its size, fps as a floor and times as ceilings', () => {
    const r = report([
      size(
        100_000,
        {
          firstFrameMs: 2900,
          filterCountryMs: 120,
          filterUndatedMs: 310,
          filterTypeMs: 90,
          filterRestoreMs: 200,
          expandMs: 480,
          fps: 14,
          heapMB: 180,
        },
        {},
      ),
    ]);
    expect(find(r, 'first frame ≤ 3 s', '100,000')?.met).toBe(true);
    expect(find(r, 'slowest filter', '100,000')).toMatchObject({ met: false, figure: '310 ms' });
    expect(find(r, 'opening a group', '100,000')?.met).toBe(true);
    // Undoing a filter counts as a filter change.
    const undo = report([
      size(300_000, {
        filterCountryMs: 90,
        filterUndatedMs: 210,
        filterTypeMs: 130,
        filterRestoreMs: 335,
      }),
    ]);
    expect(find(undo, 'slowest filter', '300,000')).toMatchObject({ met: false, figure: '335 ms' });
    expect(find(r, 'pan/zoom', '100,000')).toMatchObject({ met: false, figure: '14 fps' });
    expect(find(r, 'JS heap', '100,000')?.met).toBe(true);
  });

  it('compares with the reference page at 10,000 and says when a figure is missing', () => {
    const r = report(
      [size(10_000, { firstFrameMs: 900, fps: 60, searchMs: 'n/a' }, { firstFrameMs: 1000 })],
      240 * 1024,
    );
    expect(find(r, 'first frame ≤ 1.0', '10,000')).toMatchObject({ met: true, figure: '×0.90' });
    expect(find(r, 'search', '10,000')?.met).toBeNull();
    expect(find(r, 'slowest filter', '10,000')?.met).toBeNull();
    expect(find(r, 'pan/zoom', '10,000')?.met).toBe(true);
    expect(find(r, 'initial JS', 'seed')).toMatchObject({ met: false, figure: '240.0 KB' });
  });
});

describe('initial JS', () => {
  it('counts the chunks the seed fetched before its first frame, not only index.html files', () => {
    const site = mkdtempSync(join(tmpdir(), 'atlas-site-'));
    try {
      mkdirSync(join(site, 'assets'));
      // Text that does not compress away, so that sizes add up visibly.
      const noise = (n: number) =>
        Array.from({ length: n }, (_, i) => `${(i * 7919) % 10007}`).join(',');
      writeFileSync(
        join(site, 'index.html'),
        '<script type="module" src="/assets/index.js"></script><link rel="stylesheet" href="/assets/a.css">',
      );
      writeFileSync(join(site, 'assets/index.js'), `var a=[${noise(40000)}]`);
      writeFileSync(join(site, 'assets/check.js'), `var b=[${noise(20000)}]`);
      writeFileSync(join(site, 'assets/later.js'), `var c=[${noise(20000)}]`);
      writeFileSync(join(site, 'assets/a.css'), 'a{}');
      const initial = initialDownload(site);
      expect(initial.files.map((f) => f.file)).toEqual(['/assets/index.js', '/assets/a.css']);
      const seen = withScriptsBeforeFrame(site, initial, [
        '/assets/index.js',
        '/assets/check.js',
        '/assets/check.js',
        '/assets/missing.js',
      ]);
      const before = seen.beforeFirstFrame;
      expect(before?.files.map((f) => f.file)).toEqual(['/assets/index.js', '/assets/check.js']);
      expect(before?.jsGzipBytes).toBe(
        (initial.files[0]?.gzipBytes ?? 0) + (before?.files[1]?.gzipBytes ?? 0),
      );
      expect(before?.jsGzipBytes).toBeGreaterThan(initial.jsGzipBytes);
      // The target is judged on what the first frame needed.
      const r = report([], initial.jsGzipBytes);
      r.initialDownload.app = seen;
      const check = find(r, 'initial JS', 'seed');
      expect(check?.figure).toBe(`${((before?.jsGzipBytes ?? 0) / 1024).toFixed(1)} KB`);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});

describe('load phases', () => {
  it("reads the app's first mark of each phase, and n/a where a phase has none", () => {
    const marks = [
      { name: 'atlas:render', startMs: 120 },
      { name: 'atlas:bytes', startMs: 610.4 },
      { name: 'atlas:worker', startMs: 611 },
      { name: 'atlas:parsed', startMs: 1254 },
      { name: 'atlas:received', startMs: 2692 },
      // A later load (Open…) marks its phases again.
      { name: 'atlas:received', startMs: 9000 },
    ];
    expect(loadPhases(marks)).toEqual({ fileInMs: 610.4, parsedMs: 1254, checkedMs: 2692 });
    // A small file is parsed and checked on the page: one phase.
    expect(loadPhases([{ name: 'atlas:received', startMs: 190 }])).toEqual({
      fileInMs: 'n/a',
      parsedMs: 'n/a',
      checkedMs: 190,
    });
    expect(loadPhases([])).toEqual({ fileInMs: 'n/a', parsedMs: 'n/a', checkedMs: 'n/a' });
  });

  it('shows them under the first frame, without a ratio (the reference page has no phases)', () => {
    const md = markdown(
      report([
        size(100_000, { firstFrameMs: 3100, fileInMs: 610, parsedMs: 1254, checkedMs: 2692 }),
        size(1_000, { firstFrameMs: 900, fileInMs: 'n/a', parsedMs: 'n/a', checkedMs: 190 }),
      ]),
    );
    const row = (label: string) => md.split('\n').find((line) => line.startsWith(`| ${label} |`));
    expect(row('· file read whole (decompressed if .gz)')).toBe(
      '| · file read whole (decompressed if .gz) | 610 ms | n/a |',
    );
    expect(row('· file parsed (worker)')).toBe('| · file parsed (worker) | 1,254 ms | n/a |');
    expect(row('· graph checked and on the page')).toBe(
      '| · graph checked and on the page | 2,692 ms | 190 ms |',
    );
    const lines = md.split('\n');
    expect(lines.indexOf(row('· file parsed (worker)') ?? '')).toBeGreaterThan(
      lines.indexOf(row('Load → first frame') ?? ''),
    );
  });
});
