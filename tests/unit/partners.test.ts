// The index's partner counts: distinct institutions an institution has an agreement with,
// counted when first asked for, in whatever order they are asked, parallel agreements counted
// once. And the agreements per institution they are counted from, built on first read, once.
import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../scripts/bench/generate';
import { validateGraph } from '../../src/data/validateGraph';
import { indexGraph } from '../../src/filters/graphIndex';

describe('partner counts', () => {
  it('equal a count of distinct partners for every institution, asked in any order', () => {
    const graph = validateGraph(generateGraph(600, 11)).graph;
    if (!graph) throw new Error('invalid');
    // Parallel agreements: the first 50 again, under new ids.
    graph.elements.edges.push(
      ...graph.elements.edges
        .slice(0, 50)
        .map((e, k) => ({ data: { ...e.data, id: `again-${k}`, agreement: `again-${k}` } })),
    );
    const expected = new Map<string, Set<string>>();
    for (const n of graph.elements.nodes) expected.set(n.data.id, new Set());
    for (const { data } of graph.elements.edges) {
      expected.get(data.source)?.add(data.target);
      expected.get(data.target)?.add(data.source);
    }
    const { partners } = indexGraph(graph);
    const ids = [...expected.keys()];
    // Reversed, then every third again: counted lazily, each must still be right.
    for (const id of [...ids].reverse()) expect(partners.get(id)).toBe(expected.get(id)?.size);
    for (const id of ids.filter((_, i) => i % 3 === 0))
      expect(partners.get(id)).toBe(expected.get(id)?.size);
    expect(Math.max(...ids.map((id) => partners.get(id) ?? 0))).toBeGreaterThan(5);
    expect(partners.get('nobody')).toBeUndefined();
  });

  it('builds the agreements per institution once, on first read, and lists each agreement at both ends', () => {
    const graph = validateGraph(generateGraph(300, 4)).graph;
    if (!graph) throw new Error('invalid');
    const { columns } = indexGraph(graph);
    const { incidenceStart, incidence } = columns;
    expect(columns.incidence).toBe(incidence);
    expect(columns.incidenceStart).toBe(incidenceStart);
    expect(incidence.length).toBe(2 * graph.elements.edges.length);
    const first = graph.elements.nodes[0]?.data.id ?? '';
    const i = columns.nodePosition.get(first) ?? -1;
    const listed = [...incidence.subarray(incidenceStart[i], incidenceStart[i + 1])].map(
      (j) => graph.elements.edges[j]?.data.id,
    );
    expect(listed).toEqual(
      graph.elements.edges
        .filter((e) => e.data.source === first || e.data.target === first)
        .map((e) => e.data.id),
    );
  });
});
