// Frame statistics of a pan/zoom gesture, from the animation-frame timestamps taken in the page.

import type { FrameStats } from './pageApi';

/**
 * Median and 95th percentile are taken over time, not over frames: the frame interval that was
 * in progress at the middle (or 95 %) of the gesture. A slow page's few long frames are then
 * what it shows, where a count would pick the idle ticks between them (a page drawing 10
 * frames of 2 s and 10 idle ticks of 17 ms has a median frame of 2 s, not 17 ms).
 */
export function frameStats(stamps: readonly number[]): FrameStats {
  const gaps = stamps.slice(1).map((t, i) => t - (stamps[i] ?? t));
  const sorted = [...gaps].sort((a, b) => a - b);
  const total = sorted.reduce((sum, g) => sum + g, 0);
  const at = (q: number): number => {
    let sum = 0;
    for (const g of sorted) {
      sum += g;
      if (sum >= q * total) return g;
    }
    return sorted[sorted.length - 1] ?? 0;
  };
  const durationMs = (stamps[stamps.length - 1] ?? 0) - (stamps[0] ?? 0);
  return {
    frames: gaps.length,
    durationMs,
    medianMs: at(0.5),
    p95Ms: at(0.95),
    maxMs: sorted[sorted.length - 1] ?? 0,
    fps: durationMs > 0 ? (gaps.length * 1000) / durationMs : 0,
  };
}
