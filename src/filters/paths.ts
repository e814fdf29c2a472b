// Who connects two institutions: the shortest chain of shown agreements between them.

import type { GraphData } from '../model';
import type { Visible } from './applyFilters';
import { indexGraph } from './graphIndex';

export interface PathResult {
  /** Institution ids from `from` to `to`, both included. */
  nodes: string[];
  /** One agreement id per step. */
  edges: string[];
}

/** Breadth-first search over visible agreements; null when no chain exists. */
export function shortestPath(
  graph: GraphData,
  visible: Visible,
  from: string,
  to: string,
): PathResult | null {
  if (!visible.nodes.has(from) || !visible.nodes.has(to)) return null;
  if (from === to) return { nodes: [from], edges: [] };
  const index = indexGraph(graph);
  const via = new Map<string, { node: string; edge: string }>();
  const seen = new Set([from]);
  let frontier = [from];
  while (frontier.length > 0 && !seen.has(to)) {
    const next: string[] = [];
    for (const id of frontier) {
      // Sorted so that equal-length paths are chosen the same way on every run.
      const incident = [...(index.incident.get(id) ?? [])].sort();
      for (const eid of incident) {
        if (!visible.edges.has(eid)) continue;
        const e = index.edges.get(eid);
        if (!e) continue;
        const other = e.source === id ? e.target : e.source;
        if (seen.has(other)) continue;
        seen.add(other);
        via.set(other, { node: id, edge: eid });
        next.push(other);
      }
    }
    frontier = next;
  }
  if (!seen.has(to)) return null;
  const nodes = [to];
  const edges: string[] = [];
  let cur = to;
  while (cur !== from) {
    const step = via.get(cur);
    if (!step) return null;
    edges.unshift(step.edge);
    nodes.unshift(step.node);
    cur = step.node;
  }
  return { nodes, edges };
}
