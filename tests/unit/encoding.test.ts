// The legend's counts and the label tiers, read from the graph index's number columns.
import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../scripts/bench/generate';
import { cooperationLegend, labelTiers, legendShown, nodeColoring } from '../../src/cy/encoding';
import { countryRegion } from '../../src/model/countries';
import { validateGraph } from '../../src/data/validateGraph';
import { COOPERATION_TYPES } from '../../src/model';
import { DEFAULT_FILTERS, applyFilters, indexGraph } from '../../src/filters';
import { seedGraph } from '../e2e/expected';

const graphs = { seed: seedGraph(), generated: generateGraph(3_000, 7) };

describe('cooperationLegend', () => {
  for (const [name, graph] of Object.entries(graphs)) {
    it(`counts the ${name} graph's agreements by type, in the vocabulary's order`, () => {
      const naive = new Map<string, number>();
      for (const e of graph.elements.edges) {
        naive.set(e.data.cooperation, (naive.get(e.data.cooperation) ?? 0) + 1);
      }
      const legend = cooperationLegend(graph);
      expect(legend.map((l) => l.type)).toEqual(COOPERATION_TYPES.filter((t) => naive.has(t)));
      for (const l of legend) expect(l.count).toBe(naive.get(l.type));
      expect(legend.reduce((s, l) => s + l.count, 0)).toBe(graph.elements.edges.length);
    });
  }
});

describe('labelTiers', () => {
  it('makes the best-connected twentieth hubs and the next fifth middle tier', () => {
    const graph = graphs.generated;
    const { partners } = indexGraph(graph);
    const counts = [...partners.values()].sort((a, b) => b - a);
    const hub = Math.max(3, counts[Math.floor(counts.length * 0.05)] ?? 0);
    const mid = Math.max(2, counts[Math.floor(counts.length * 0.25)] ?? 0);
    const tierOf = labelTiers(graph);
    const seen = new Set<number>();
    for (const [id, p] of partners) {
      const t = tierOf(id);
      seen.add(t);
      expect(t).toBe(p >= hub ? 2 : p >= mid ? 1 : 0);
    }
    expect([...seen].sort()).toEqual([0, 1, 2]);
    expect(tierOf('no such id')).toBe(0);
  });
});

describe('nodeColoring', () => {
  it("gives each institution its category's legend colour, and counts the legend's entries", () => {
    const graph = validateGraph(generateGraph(2000, 9)).graph;
    if (!graph) throw new Error('invalid');
    for (const mode of ['region', 'country', 'type'] as const) {
      const { colorOf, legend } = nodeColoring(graph, mode);
      const byKey = new Map(legend.map((l) => [l.key, l.color]));
      const other = legend.find((l) => l.key === '*')?.color;
      const counted = new Map<string, number>();
      for (const { data } of graph.elements.nodes) {
        const key =
          mode === 'type'
            ? data.type
            : mode === 'country'
              ? (data.country ?? '')
              : countryRegion(data.country);
        const colour = byKey.get(key) ?? other;
        expect(colorOf.get(data.id)).toBe(colour);
        const entry = byKey.has(key) ? key : '*';
        counted.set(entry, (counted.get(entry) ?? 0) + 1);
      }
      expect(legend.map((l) => [l.key, l.count])).toEqual(
        legend.map((l) => [l.key, counted.get(l.key)]),
      );
      expect(colorOf.get('not-an-institution')).toBeUndefined();
    }
  });
});

describe('legendShown', () => {
  const graph = validateGraph(generateGraph(2000, 11)).graph;
  if (!graph) throw new Error('invalid');
  const keyOf = (mode: 'region' | 'country' | 'type', id: string): string => {
    const data = graph.elements.nodes.find((n) => n.data.id === id)?.data;
    if (!data) throw new Error(id);
    return mode === 'type'
      ? data.type
      : mode === 'country'
        ? (data.country ?? '')
        : countryRegion(data.country);
  };
  const someCountries = [
    ...new Set(graph.elements.nodes.map((n) => n.data.country).filter((c) => c !== null)),
  ].slice(0, 3) as string[];
  const cases = {
    unfiltered: DEFAULT_FILTERS,
    countries: { ...DEFAULT_FILTERS, countries: someCountries },
    years: { ...DEFAULT_FILTERS, years: [2012, 2016] as [number, number], undated: false },
  };
  for (const [name, filters] of Object.entries(cases)) {
    it(`counts what the filters leave shown, by legend entry and type (${name})`, () => {
      const visible = applyFilters(graph, filters);
      for (const mode of ['region', 'country', 'type'] as const) {
        const { legend } = nodeColoring(graph, mode);
        const shown = legendShown(graph, mode, visible);
        const listed = new Set(legend.map((l) => l.key));
        const expected = new Map<string, number>();
        for (const id of visible.nodes) {
          const key = keyOf(mode, id);
          const entry = listed.has(key) ? key : '*';
          expected.set(entry, (expected.get(entry) ?? 0) + 1);
        }
        expect(shown.nodes).toEqual(legend.map((l) => expected.get(l.key) ?? 0));
        expect(shown.nodes.reduce((a, b) => a + b, 0)).toBe(visible.nodes.size);
        shown.nodes.forEach((n, i) => expect(n).toBeLessThanOrEqual(legend[i]?.count ?? 0));
      }
      const types = cooperationLegend(graph);
      const byType = new Map<string, number>();
      for (const e of graph.elements.edges) {
        if (visible.edges.has(e.data.id)) {
          byType.set(e.data.cooperation, (byType.get(e.data.cooperation) ?? 0) + 1);
        }
      }
      const shown = legendShown(graph, 'region', visible);
      expect(shown.edges).toEqual(types.map((t) => byType.get(t.type) ?? 0));
      if (name === 'unfiltered') expect(shown.edges).toEqual(types.map((t) => t.count));
      else expect(shown.edges.reduce((a, b) => a + b, 0)).toBeLessThan(graph.elements.edges.length);
    });
  }
});
