// The part of the graph the user is looking at, as a graph file of its own: the same Cytoscape
// JSON as data/graph.json, so it loads back into the app and opens in Cytoscape desktop.

import type { Visible } from '../filters';
import type { EdgeElement, GraphData, NodeElement, Source } from '../model';

/**
 * Keeps the visible institutions and agreements (positions and evidence included) and the sources
 * they need: those cited by a kept agreement or about a kept institution, full text included.
 * The result passes `validateGraph`.
 */
export function filteredSubgraph(graph: GraphData, visible: Visible): GraphData {
  const nodes: NodeElement[] = graph.elements.nodes.filter((n) => visible.nodes.has(n.data.id));
  const kept = new Set(nodes.map((n) => n.data.id));
  // An agreement whose other party is not exported would dangle and fail validation, so it goes
  // too; applyFilters never produces one, but callers may pass hand-made or stale sets.
  const edges: EdgeElement[] = graph.elements.edges.filter(
    (e) => visible.edges.has(e.data.id) && kept.has(e.data.source) && kept.has(e.data.target),
  );
  const cited = new Set<string>();
  for (const e of edges) {
    for (const ev of e.data.evidence) if (ev.source !== undefined) cited.add(ev.source);
  }
  const sources: Source[] = graph.data.sources
    .filter((s) => cited.has(s.id) || kept.has(s.about))
    // A source may back an exported agreement while being about an institution left out; naming
    // that institution would make the file invalid, so the reference is cleared, not the source.
    .map((s) => (s.about === '' || kept.has(s.about) ? s : { ...s, about: '' }));
  const data: GraphData['data'] = {
    title: graph.data.title,
    description: graph.data.description,
    sources,
  };
  if (graph.data.view !== undefined) data.view = graph.data.view;
  return { data, elements: { nodes, edges } };
}
