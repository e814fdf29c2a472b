// What the in-page probe (probe.ts) hands back to the benchmark. Plain JSON values only: they
// cross from the page to Node through Playwright's evaluate.

/** How a timed interaction ended. */
export type Outcome = 'ok' | 'timeout' | 'unchanged' | 'error';

export interface Timed {
  /** Milliseconds from the trigger to two animation frames after the effect was seen. */
  ms: number;
  outcome: Outcome;
  detail?: string;
}

export interface LongTaskSummary {
  count: number;
  totalMs: number;
  maxMs: number;
  /** Sum of the part of each long task above 50 ms (total blocking time). */
  blockingMs: number;
}

export interface LoadInfo {
  /** When the graph file's last byte arrived, from navigation start; null if not seen. */
  graphFetchedMs: number | null;
  domContentLoadedMs: number | null;
  /** Main-thread tasks over 50 ms between navigation and the first drawn frame. */
  longTasks: LongTaskSummary;
  /** User-timing marks the page set before the first drawn frame (the app's load phases,
   * "atlas:bytes", "atlas:parsed", "atlas:received"), from navigation start. */
  marks: { name: string; startMs: number }[];
  heapUsedBytes: number | null;
  /** `window.__atlasRenderer` when the app exposes it; "canvas" otherwise. */
  renderer: string;
  statusText: string;
  /** Paths of the scripts whose download started before the first drawn frame. */
  scriptsBeforeFrame: string[];
}

export interface FrameStats {
  frames: number;
  durationMs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  fps: number;
}

/** Where a page is judged ready: the app's status line and canvas, or the reference's flag. */
export type PageKind = 'app' | 'reference';

/** What the reference page exposes as `window.__ref`. */
export interface ReferenceApi {
  rendered: boolean;
  error: string | null;
  hideHalf(): void;
  showAll(): void;
}
