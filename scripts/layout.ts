// Force-directed positions, computed once at build time so the page's first frame needs no
// layout. fcose runs in headless Cytoscape with a seeded random source, so the same tables give
// the same picture on every machine.

import { draftLayout } from '../src/layout/draftLayout';
import type { GraphData, Position } from '../src/model';

/** The build's layout: fcose at proof quality, the same code the page's worker runs in draft. */
export function forceLayout(graph: GraphData, seed = 20261121): Map<string, Position> {
  const index = new Map(graph.elements.nodes.map((n, i) => [n.data.id, i]));
  const points = draftLayout({
    nodes: graph.elements.nodes.map((n) => n.data.id),
    edges: graph.elements.edges.map((e) => [
      index.get(e.data.source) ?? 0,
      index.get(e.data.target) ?? 0,
    ]),
    seed,
    quality: 'proof',
  });
  const out = new Map<string, Position>();
  graph.elements.nodes.forEach((n, i) => {
    const p = points[i];
    if (p) out.set(n.data.id, p);
  });
  return out;
}
