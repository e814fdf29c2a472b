// The benchmark's pan/zoom frame statistics: percentiles over the gesture's time.
import { describe, expect, it } from 'vitest';
import { frameStats } from '../../scripts/bench/frames';

/** Timestamps from a start of 0 and the given intervals. */
function stamps(gaps: number[]): number[] {
  const out = [0];
  for (const g of gaps) out.push((out[out.length - 1] ?? 0) + g);
  return out;
}

describe('frameStats', () => {
  it("gives a slow page's long frames as its median, not the idle ticks between them", () => {
    const gaps = Array.from({ length: 20 }, (_, i) => (i % 2 ? 17 : 2000));
    const s = frameStats(stamps(gaps));
    expect(s.medianMs).toBe(2000);
    expect(s.p95Ms).toBe(2000);
    expect(s.maxMs).toBe(2000);
    expect(s.frames).toBe(20);
    expect(s.fps).toBeCloseTo((20 * 1000) / (10 * 2017), 10);
  });

  it('gives a steady page its frame interval', () => {
    const s = frameStats(stamps(Array.from({ length: 60 }, () => 16.7)));
    expect(s.medianMs).toBeCloseTo(16.7, 10);
    expect(s.p95Ms).toBeCloseTo(16.7, 10);
    expect(s.fps).toBeCloseTo(1000 / 16.7, 6);
  });

  it('takes the 95th percentile over time: one long frame among short ones shows only if it lasts', () => {
    // 100 frames of 10 ms (1,000 ms) and one of 30 ms: 3 % of the time.
    const short = frameStats(stamps([...Array.from({ length: 100 }, () => 10), 30]));
    expect(short.p95Ms).toBe(10);
    // One of 200 ms: 17 % of the time.
    const long = frameStats(stamps([...Array.from({ length: 100 }, () => 10), 200]));
    expect(long.p95Ms).toBe(200);
    expect(long.medianMs).toBe(10);
  });

  it('is empty for fewer than two frames', () => {
    expect(frameStats([]).medianMs).toBe(0);
    expect(frameStats([5])).toEqual({
      frames: 0,
      durationMs: 0,
      medianMs: 0,
      p95Ms: 0,
      maxMs: 0,
      fps: 0,
    });
  });
});
