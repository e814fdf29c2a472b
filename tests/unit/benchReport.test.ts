// The benchmark's targets table: each target of issue #7 judged from the medians, in the right
// direction (fps at least, times at most), and "not measured" where a figure is missing.
import { describe, expect, it } from 'vitest';
import type { Figure, FigureKey } from '../../scripts/bench/measure';
import { targetChecks, type BenchReport, type SizeResults } from '../../scripts/bench/report';

function size(
  institutions: number,
  app: Partial<Record<FigureKey, Figure>>,
  ref = {},
): SizeResults {
  const page = (median: Partial<Record<FigureKey, Figure>>) => ({
    runs: [],
    median: median as Record<FigureKey, Figure>,
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
