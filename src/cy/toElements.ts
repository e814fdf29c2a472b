// GraphData → Cytoscape elements: lean render data only (id, short label, colour, size, tier).
// Evidence, descriptions and the rest stay in the model.

import type { ElementDefinition } from 'cytoscape';
import type { GraphData, Position } from '../model';
import { indexGraph, type ColorMode } from '../filters';
import { COOPERATION_STYLE, labelTiers, nodeColoring, nodeSize, shortLabel } from './encoding';

export function toElements(
  graph: GraphData,
  color: ColorMode,
  positions: Map<string, Position>,
): ElementDefinition[] {
  const { partners } = indexGraph(graph);
  const { colorOf } = nodeColoring(graph, color);
  const tiers = labelTiers(graph);
  const out: ElementDefinition[] = [];
  for (const n of graph.elements.nodes) {
    const id = n.data.id;
    out.push({
      group: 'nodes',
      data: {
        id,
        label: shortLabel(n.data),
        color: colorOf.get(id) ?? '#999999',
        size: nodeSize(partners.get(id) ?? 0),
        tier: tiers.get(id) ?? 0,
      },
      position: { ...(positions.get(id) ?? { x: 0, y: 0 }) },
    });
  }
  for (const e of graph.elements.edges) {
    const s = COOPERATION_STYLE[e.data.cooperation];
    out.push({
      group: 'edges',
      data: {
        id: e.data.id,
        source: e.data.source,
        target: e.data.target,
        color: s.color,
        line: s.line,
      },
    });
  }
  return out;
}
