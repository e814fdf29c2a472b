// The graph file is fetched from the first moment: boot.ts, a small module that runs while the
// app's code is still arriving, starts the fetch (and the parser's download), and the app takes
// the bytes when it asks for the same file. Without it the fetch would start only once React
// had rendered, a network round trip after the code, on every page load.

import { fetchGraphBytes, type GraphBytes, type LoadResult } from '../fetchGraph';

/** The graph shipped beside index.html, shown when the address names no other. */
export const BUNDLED_GRAPH = './graph.json';

type OnBytes = (received: number, total: number | null) => void;

interface EarlyFetch {
  raw: string;
  base: string;
  result: Promise<GraphBytes | LoadResult>;
  listeners: Set<OnBytes>;
}

let early: EarlyFetch | null = null;

/** Starts fetching the graph the address asks for (none for a saved dataset). */
export function startEarlyLoad(href: string): void {
  const params = new URL(href).searchParams;
  if (params.get('dataset')) return;
  const raw = params.get('graph') ?? BUNDLED_GRAPH;
  const listeners = new Set<OnBytes>();
  const result = fetchGraphBytes(raw, href, (received, total) => {
    for (const listener of listeners) listener(received, total);
  });
  early = { raw, base: href, result, listeners };
  // The page parses small files itself: fetch its parser meanwhile.
  void import('../loadGraph').catch(() => undefined);
}

/** The early fetch of `raw` against `base`, if one was started; it is handed out once. */
export function takeEarlyLoad(
  raw: string,
  base: string,
  onBytes: OnBytes,
): Promise<GraphBytes | LoadResult> | null {
  if (!early || early.raw !== raw || early.base !== base) return null;
  const taken = early;
  early = null;
  taken.listeners.add(onBytes);
  return taken.result;
}
