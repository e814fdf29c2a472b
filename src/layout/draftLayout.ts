// Draft-quality force-directed positions for graphs that come without them (imported tables,
// other tools' exports). fcose's spectral phase only: about half a second per thousand
// institutions, run in a worker (layoutWorker.ts) so the page stays responsive.

import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Position } from '../model';
import { seededRandom } from './random';

cytoscape.use(fcose);

export interface LayoutRequest {
  nodes: string[];
  /** Pairs of positions in `nodes`. */
  edges: [number, number][];
  seed: number;
  /** fcose quality: 'draft' (spectral only, the default) or 'proof' (the build's layout). */
  quality?: 'draft' | 'proof';
}

/** Force-directed positions, in the order of `request.nodes`. */
export function draftLayout(request: LayoutRequest): Position[] {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: {
      nodes: request.nodes.map((_, i) => ({ data: { id: `n${i}` } })),
      edges: request.edges.map(([s, t], j) => ({
        data: { id: `e${j}`, source: `n${s}`, target: `n${t}` },
      })),
    },
    style: [{ selector: 'node', style: { width: 30, height: 30 } }],
  });
  const realRandom = Math.random;
  Math.random = seededRandom(request.seed);
  try {
    cy.layout({
      name: 'fcose',
      quality: request.quality ?? 'draft',
      randomize: true,
      animate: false,
      fit: false,
      nodeSeparation: 120,
      idealEdgeLength: () => 150,
      nodeRepulsion: () => 60000,
      packComponents: true,
    } as cytoscape.LayoutOptions).run();
  } finally {
    Math.random = realRandom;
  }
  const out = request.nodes.map((_, i) => {
    const p = cy.getElementById(`n${i}`).position();
    return { x: Math.round(p.x), y: Math.round(p.y) };
  });
  cy.destroy();
  // Only the spectral draft puts alike institutions on one point.
  return (request.quality ?? 'draft') === 'draft' ? spreadCoincident(out) : out;
}

/**
 * The spectral phase puts structurally alike institutions (several partners of one hub and of
 * nobody else) on the same point; those are spread on a small ring around it.
 */
export function spreadCoincident(points: Position[], radius = 45): Position[] {
  const at = new Map<string, number[]>();
  points.forEach((p, i) => {
    const key = `${p.x},${p.y}`;
    const list = at.get(key);
    if (list) list.push(i);
    else at.set(key, [i]);
  });
  const out = points.map((p) => ({ ...p }));
  for (const list of at.values()) {
    if (list.length < 2) continue;
    const r = radius * Math.max(1, list.length / 6);
    list.forEach((i, k) => {
      const p = points[i];
      if (!p) return;
      const angle = (2 * Math.PI * k) / list.length;
      out[i] = {
        x: Math.round(p.x + r * Math.cos(angle)),
        y: Math.round(p.y + r * Math.sin(angle)),
      };
    });
  }
  return out;
}
