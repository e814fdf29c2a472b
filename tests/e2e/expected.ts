// Expected figures for browser tests, computed by the same pure code from data/graph.json, so
// tests check that the UI shows what the filters define.
import { readFileSync } from 'node:fs';
import { validateGraph } from '../../src/data/validateGraph';
import { applyFilters, DEFAULT_FILTERS, type Filters } from '../../src/filters/applyFilters';
import type { GraphData } from '../../src/model';

export function seedGraph(): GraphData {
  const { graph, problems } = validateGraph(JSON.parse(readFileSync('data/graph.json', 'utf8')));
  if (!graph) throw new Error(problems.map((p) => p.message).join('\n'));
  return graph;
}

export function expectedCounts(patch: Partial<Filters>) {
  const g = seedGraph();
  const v = applyFilters(g, { ...DEFAULT_FILTERS, ...patch });
  return {
    shown: v.nodes.size,
    total: g.elements.nodes.length,
    shownEdges: v.edges.size,
    totalEdges: g.elements.edges.length,
    visible: v,
  };
}
