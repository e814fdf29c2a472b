// The graph file format itself, cut to what is visible.

import type { Visible } from '../filters';
import type { GraphData } from '../model';
import { filteredSubgraph } from './subgraph';

/**
 * Longest compact JSON that is still written indented. Indenting adds about half again: a
 * 300,000-institution export was 406 MB indented and decompresses past the limit on a graph's
 * text (LIMITS.maxJsonBytes), 280 MB compact.
 */
export const INDENT_UP_TO = 10 * 1024 * 1024;

/**
 * Indented like data/graph.json, so an exported file diffs cleanly against the original; compact
 * past INDENT_UP_TO characters, so a large one stays small enough to load back.
 */
export function toJson(graph: GraphData, visible: Visible, indentUpTo = INDENT_UP_TO): string {
  const subgraph = filteredSubgraph(graph, visible);
  const compact = JSON.stringify(subgraph);
  return `${compact.length > indentUpTo ? compact : JSON.stringify(subgraph, null, 1)}\n`;
}
