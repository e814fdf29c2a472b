// GraphData → Cytoscape elements: lean render data only (id, short label, colour, size, tier).
// Evidence, descriptions and the rest stay in the model.

import type { ElementDefinition } from 'cytoscape';
import { formatCount, type GraphData, type Position } from '../model';
import {
  groupKeyOf,
  groupLabel,
  indexGraph,
  type ColorMode,
  type DrawnEdge,
  type DrawnNode,
  type GraphIndex,
} from '../filters';
import {
  COOPERATION_STYLE,
  labelTiers,
  nodeColoring,
  nodeSize,
  shortLabel,
  type NodeColoring,
} from './encoding';
import { textWidth } from './labels';
import { GROUP_LABEL_PX, LABEL_PX, labelSizes } from './style';

/** Everything an element's render data is made of, computed once per graph and colour mode. */
export interface Encodings {
  index: GraphIndex;
  colorOf: NodeColoring['colorOf'];
  /** Label tier by partners: hubs 2, the next fifth 1, the rest 0. */
  tierOf(id: string): 0 | 1 | 2;
  /** Colour of a country group: its institutions' colour when they share one. */
  groupColor(key: string): string;
}

const GROUP_NEUTRAL = '#6b7785';
const tierCache = new WeakMap<GraphData, (id: string) => 0 | 1 | 2>();

export function encodingsFor(graph: GraphData, color: ColorMode): Encodings {
  const index = indexGraph(graph);
  const { colorOf } = nodeColoring(graph, color);
  const groupColors = new Map<string, string>();
  if (color !== 'type') {
    // Region and country colours are the same for every institution of a country.
    for (const n of graph.elements.nodes) {
      const key = groupKeyOf(n.data.country);
      if (!groupColors.has(key)) groupColors.set(key, colorOf.get(n.data.id) ?? GROUP_NEUTRAL);
    }
  }
  return {
    index,
    colorOf,
    // On first use: a grouped view of a big graph draws no institution at load.
    tierOf(id) {
      let tierOf = tierCache.get(graph);
      if (!tierOf) tierCache.set(graph, (tierOf = labelTiers(graph)));
      return tierOf(id);
    },
    groupColor: (key) => groupColors.get(key) ?? GROUP_NEUTRAL,
  };
}

/** An institution's render data; its label sizes at text scale `scale` (labelSizes). */
function institutionData(id: string, enc: Encodings, scale: number) {
  const n = enc.index.nodes.get(id);
  const tier = enc.tierOf(id);
  return {
    id,
    label: n ? shortLabel(n) : id,
    color: enc.colorOf.get(id) ?? '#999999',
    size: nodeSize(enc.index.partners.get(id) ?? 0),
    tier,
    ...labelSizes(tier, scale),
  };
}

export function toElements(
  graph: GraphData,
  enc: Encodings,
  positions: Map<string, Position>,
): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  for (const n of graph.elements.nodes) {
    const id = n.data.id;
    out.push({
      group: 'nodes',
      data: institutionData(id, enc, 1),
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

const count = formatCount;

/** One element of a drawn view (grouped or not) as Cytoscape reads it. */
export function drawnElement(
  item: DrawnNode | DrawnEdge,
  enc: Encodings,
  scale: number,
): ElementDefinition {
  if ('source' in item) {
    if (item.kind === 'agreement') {
      const type = item.cooperation ?? enc.index.edges.get(item.id)?.cooperation;
      const s = type ? COOPERATION_STYLE[type] : { color: '#999999', line: 'solid' };
      return {
        group: 'edges',
        data: { id: item.id, source: item.source, target: item.target, ...s },
      };
    }
    return {
      group: 'edges',
      data: {
        id: item.id,
        source: item.source,
        target: item.target,
        kind: 'link',
        agreements: item.agreements,
        width: Math.min(14, 1 + 1.6 * Math.log2(item.agreements)),
      },
      classes: 'link',
    };
  }
  const position = { x: item.x, y: item.y };
  if (item.kind === 'institution') {
    return { group: 'nodes', data: institutionData(item.id, enc, scale), position };
  }
  const name = groupLabel(item.group);
  const label =
    item.kind === 'group'
      ? `${name} · ${count(item.institutions)}`
      : item.kind === 'frame'
        ? `${name} (open)`
        : `+${count(item.institutions)} more`;
  const px = item.kind === 'rest' ? LABEL_PX[0] : GROUP_LABEL_PX;
  return {
    group: 'nodes',
    data: {
      id: item.id,
      kind: item.kind,
      group: item.group,
      label,
      color: enc.groupColor(item.group),
      size: item.size,
      px,
      // Set for the current zoom by the bridge; a start value until then.
      fs: px,
      w: textWidth(label, px),
      gap: item.kind === 'rest' ? 0 : 3,
      institutions: item.institutions,
      inside: item.inside,
    },
    position,
    classes: item.kind,
  };
}
