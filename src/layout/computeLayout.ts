// Positions for a graph that has none: a draft force layout in a worker, with an estimate of
// progress (fcose reports none), cancellable. Without workers it runs here, after a frame.

import type { GraphData, Position } from '../model';
import type { LayoutRequest } from './draftLayout';

/** Measured on this project's benchmark machine: about 1 ms per institution. */
export function estimateMs(nodes: number): number {
  return 300 + nodes * 1.0;
}

function request(graph: GraphData): LayoutRequest {
  const position = new Map<string, number>();
  const nodes = graph.elements.nodes.map((n, i) => {
    position.set(n.data.id, i);
    return n.data.id;
  });
  const edges: [number, number][] = [];
  for (const e of graph.elements.edges) {
    const s = position.get(e.data.source);
    const t = position.get(e.data.target);
    if (s !== undefined && t !== undefined) edges.push([s, t]);
  }
  return { nodes, edges, seed: 20261121 };
}

function startWorker(): Worker | null {
  try {
    return new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

export function computeLayout(
  graph: GraphData,
  signal: AbortSignal,
): Promise<Map<string, Position>> {
  const req = request(graph);
  const toMap = (flat: ArrayLike<number>) => {
    const out = new Map<string, Position>();
    req.nodes.forEach((id, i) => out.set(id, { x: flat[2 * i] ?? 0, y: flat[2 * i + 1] ?? 0 }));
    return out;
  };
  return new Promise((resolve, reject) => {
    const abort = () => reject(new DOMException('Layout cancelled.', 'AbortError'));
    if (signal.aborted) return abort();
    const worker = startWorker();
    if (!worker) {
      // No workers (tests, old engines): the same code here, after the page has drawn.
      setTimeout(() => {
        if (signal.aborted) return abort();
        void import('./draftLayout')
          .then(({ draftLayout }) => {
            const flat = draftLayout(req).flatMap((p) => [p.x, p.y]);
            resolve(toMap(flat));
          })
          .catch(reject);
      }, 0);
      return;
    }
    const w = worker;
    signal.addEventListener('abort', () => {
      w.terminate();
      abort();
    });
    w.onmessage = (
      event: MessageEvent<{ type: string; flat?: Float64Array; message?: string }>,
    ) => {
      w.terminate();
      if (event.data.type === 'done' && event.data.flat) resolve(toMap(event.data.flat));
      else reject(new Error(event.data.message ?? 'The layout failed.'));
    };
    w.onerror = (event) => {
      event.preventDefault();
      w.terminate();
      reject(new Error('The layout worker could not run.'));
    };
    w.postMessage(req);
  });
}
