// Force-directed positions, computed once at build time so the page's first frame needs no
// layout. fcose runs in headless Cytoscape with a seeded random source, so the same tables give
// the same picture on every machine.

import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { GraphData, Position } from '../src/model';
import { seededRandom } from '../src/layout/random';

cytoscape.use(fcose);

export function forceLayout(graph: GraphData, seed = 20261121): Map<string, Position> {
  const degree = new Map<string, number>();
  for (const e of graph.elements.edges) {
    degree.set(e.data.source, (degree.get(e.data.source) ?? 0) + 1);
    degree.set(e.data.target, (degree.get(e.data.target) ?? 0) + 1);
  }
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: {
      nodes: graph.elements.nodes.map((n) => ({ data: { id: n.data.id } })),
      edges: graph.elements.edges.map((e) => ({
        data: { id: e.data.id, source: e.data.source, target: e.data.target },
      })),
    },
    style: [{ selector: 'node', style: { width: 30, height: 30 } }],
  });
  const realRandom = Math.random;
  Math.random = seededRandom(seed);
  try {
    cy.layout({
      name: 'fcose',
      quality: 'proof',
      randomize: true,
      animate: false,
      nodeSeparation: 120,
      idealEdgeLength: () => 150,
      nodeRepulsion: () => 60000,
      packComponents: true,
      fit: false,
    } as cytoscape.LayoutOptions).run();
  } finally {
    Math.random = realRandom;
  }
  const out = new Map<string, Position>();
  cy.nodes().forEach((n) => {
    const p = n.position();
    out.set(n.id(), { x: Math.round(p.x), y: Math.round(p.y) });
  });
  cy.destroy();
  return out;
}
