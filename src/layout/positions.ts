// Stored and computed positions of a graph's institutions (the layout itself is in
// computeLayout.ts, loaded only for graphs that need it).

import type { GraphData, Position } from '../model';

const missingCache = new WeakMap<GraphData, number>();

/** Institutions without a stored position. */
export function missingPositions(graph: GraphData): number {
  let k = missingCache.get(graph);
  if (k === undefined) {
    k = 0;
    for (const n of graph.elements.nodes) if (!n.position) k++;
    missingCache.set(graph, k);
  }
  return k;
}

/** A copy of the graph with computed positions for the institutions that had none. */
export function withPositions(graph: GraphData, positions: Map<string, Position>): GraphData {
  return {
    ...graph,
    elements: {
      ...graph.elements,
      nodes: graph.elements.nodes.map((n) => {
        const p = n.position ?? positions.get(n.data.id);
        return p ? { ...n, position: p } : n;
      }),
    },
  };
}
