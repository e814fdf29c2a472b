// The graph file format itself, cut to what is visible.

import type { Visible } from '../filters';
import type { GraphData } from '../model';
import { filteredSubgraph } from './subgraph';

/** Indented like data/graph.json, so an exported file diffs cleanly against the original. */
export function toJson(graph: GraphData, visible: Visible): string {
  return `${JSON.stringify(filteredSubgraph(graph, visible), null, 1)}\n`;
}
