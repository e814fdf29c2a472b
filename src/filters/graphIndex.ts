// Lookups derived once per graph and cached by identity: filters, facets and the UI share them.

import type { AgreementData, GraphData, InstitutionData } from '../model';

export interface GraphIndex {
  nodes: Map<string, InstitutionData>;
  edges: Map<string, AgreementData>;
  /** Edge ids per institution id. */
  incident: Map<string, string[]>;
  /** Number of distinct partners per institution id. */
  partners: Map<string, number>;
  /** Smallest and largest year on any agreement, or null when no agreement is dated. */
  yearExtent: [number, number] | null;
  undatedCount: number;
}

const cache = new WeakMap<GraphData, GraphIndex>();

export function indexGraph(graph: GraphData): GraphIndex {
  const hit = cache.get(graph);
  if (hit) return hit;
  const nodes = new Map<string, InstitutionData>();
  const incident = new Map<string, string[]>();
  for (const n of graph.elements.nodes) {
    nodes.set(n.data.id, n.data);
    incident.set(n.data.id, []);
  }
  const edges = new Map<string, AgreementData>();
  const neighbours = new Map<string, Set<string>>();
  let min = Infinity;
  let max = -Infinity;
  let undatedCount = 0;
  for (const e of graph.elements.edges) {
    const d = e.data;
    edges.set(d.id, d);
    incident.get(d.source)?.push(d.id);
    incident.get(d.target)?.push(d.id);
    for (const [a, b] of [
      [d.source, d.target],
      [d.target, d.source],
    ] as const) {
      let s = neighbours.get(a);
      if (!s) neighbours.set(a, (s = new Set()));
      s.add(b);
    }
    if (d.year === null) undatedCount++;
    else {
      if (d.year < min) min = d.year;
      if (d.year > max) max = d.year;
    }
  }
  const partners = new Map<string, number>();
  for (const id of nodes.keys()) partners.set(id, neighbours.get(id)?.size ?? 0);
  const index: GraphIndex = {
    nodes,
    edges,
    incident,
    partners,
    yearExtent: min <= max ? [min, max] : null,
    undatedCount,
  };
  cache.set(graph, index);
  return index;
}
