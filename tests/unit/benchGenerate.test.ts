// The benchmark's synthetic graphs: valid for the app's own validator, reproducible, and shaped
// like partnership data (heavy-tailed degrees, skewed countries), or the timings mean little.
import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../scripts/bench/generate';
import { validateGraph } from '../../src/data';
import { COOPERATION_TYPES, INSTITUTION_TYPES } from '../../src/model';

const SEED = 20240501;
const graph = generateGraph(1000, SEED);
const nodes = graph.elements.nodes;
const edges = graph.elements.edges;

function degrees(): number[] {
  const deg = new Map<string, number>();
  for (const e of edges) {
    deg.set(e.data.source, (deg.get(e.data.source) ?? 0) + 1);
    deg.set(e.data.target, (deg.get(e.data.target) ?? 0) + 1);
  }
  return nodes.map((n) => deg.get(n.data.id) ?? 0).sort((a, b) => a - b);
}

describe('generateGraph(1000)', () => {
  it('passes validateGraph, as JSON, exactly as the app would load it', () => {
    const { graph: valid, problems } = validateGraph(JSON.parse(JSON.stringify(graph)));
    expect(problems).toEqual([]);
    expect(valid?.elements.nodes.length).toBe(1000);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(generateGraph(1000, SEED))).toBe(JSON.stringify(graph));
    expect(JSON.stringify(generateGraph(1000, SEED + 1))).not.toBe(JSON.stringify(graph));
  });

  it('has three agreements per institution', () => {
    expect(nodes.length).toBe(1000);
    expect(edges.length).toBe(3000);
  });

  it('uses every cooperation type, and mostly universities', () => {
    const types = new Set(edges.map((e) => e.data.cooperation));
    expect([...types].sort()).toEqual([...COOPERATION_TYPES].sort());
    const kinds = new Set(nodes.map((n) => n.data.type));
    for (const k of kinds) expect(INSTITUTION_TYPES).toContain(k);
    const universities = nodes.filter((n) => n.data.type === 'university').length;
    expect(universities / nodes.length).toBeGreaterThan(0.5);
  });

  it('has heavy-tailed degrees: the top hub has more than 20× the median partners', () => {
    const d = degrees();
    const median = d[Math.floor(d.length / 2)] ?? 0;
    const max = d[d.length - 1] ?? 0;
    expect(median).toBeGreaterThan(0);
    expect(max).toBeGreaterThan(20 * median);
  });

  it('puts most institutions in a few of about sixty countries', () => {
    const count = new Map<string, number>();
    for (const n of nodes) {
      if (n.data.country) count.set(n.data.country, (count.get(n.data.country) ?? 0) + 1);
    }
    expect(count.size).toBeGreaterThanOrEqual(45);
    expect(count.size).toBeLessThanOrEqual(60);
    const top5 = [...count.values()].sort((a, b) => b - a).slice(0, 5);
    expect(top5.reduce((s, c) => s + c, 0) / nodes.length).toBeGreaterThan(0.5);
  });

  it('dates about 70 % of agreements between 1995 and 2025', () => {
    const years = edges.map((e) => e.data.year);
    const undated = years.filter((y) => y === null).length / years.length;
    expect(undated).toBeGreaterThan(0.25);
    expect(undated).toBeLessThan(0.35);
    for (const y of years) if (y !== null) expect(y >= 1995 && y <= 2025).toBe(true);
  });

  it('gives every institution a position, a label and an alias, and quotes for every link', () => {
    for (const n of nodes) {
      expect(n.position).toBeDefined();
      expect(n.data.label).not.toBe('');
      expect(n.data.aliases.length).toBe(1);
    }
    for (const e of edges) expect(e.data.evidence[0]?.quote).toMatch(/\.$/);
    expect(new Set(nodes.map((n) => n.data.label)).size).toBe(nodes.length);
  });
});
