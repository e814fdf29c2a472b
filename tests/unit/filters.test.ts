// applyFilters, facetCounts and neighbourhood on the mini graph (see helpers/miniGraph.ts for the
// table of institutions and agreements every expectation below refers to).
import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  applyFilters,
  DEFAULT_FILTERS,
  facetCounts,
  facetCountsOf,
  indexGraph,
  isDefaultFilters,
  neighbourhood,
  type Filters,
} from '../../src/filters';
import {
  COOPERATION_TYPES,
  INSTITUTION_TYPES,
  type GraphData,
  type InstitutionType,
} from '../../src/model';
import { miniGraph, shippedGraph, sorted } from './helpers/miniGraph';
import { generateGraph } from '../../scripts/bench/generate';

const ALL_NODES = ['alliance', 'cn-co', 'cn-uni', 'de-co', 'de-uni', 'gb-co', 'gb-uni', 'hk-uni'];
const ALL_EDGES = [
  'exch-cnuni-hkuni',
  'ind-cnco-hkuni',
  'ind-deco-cnuni',
  'ind-gbco-deco',
  'mem-alliance-cnuni',
  'mem-alliance-gbuni',
  'mem-hkuni-alliance',
  'mou-gbuni-deuni',
  'prog-gbuni-cnuni',
  'res-cnco-cnuni',
  'res-deuni-cnuni',
];
const UNDATED = ['ind-cnco-hkuni', 'mem-alliance-cnuni', 'mem-alliance-gbuni'];

function filters(patch: Partial<Filters>): Filters {
  return { ...DEFAULT_FILTERS, ...patch };
}

function shown(patch: Partial<Filters>, graph: GraphData = miniGraph()) {
  const v = applyFilters(graph, filters(patch));
  return { nodes: sorted(v.nodes), edges: sorted(v.edges) };
}

describe('applyFilters: defaults', () => {
  it('shows every agreement and every institution under the default filters', () => {
    expect(shown({})).toEqual({ nodes: ALL_NODES, edges: ALL_EDGES });
  });

  it('shows every agreement of the shipped graph under the default filters', () => {
    const g = shippedGraph();
    const v = applyFilters(g, DEFAULT_FILTERS);
    expect(v.edges.size).toBe(g.elements.edges.length);
    const parties = new Set(g.elements.edges.flatMap((e) => [e.data.source, e.data.target]));
    expect(sorted(v.nodes)).toEqual(sorted(parties));
  });
});

describe('applyFilters: countries', () => {
  it.each([
    {
      rule: 'an agreement is shown when one party is from the country; both parties appear',
      countries: ['HK'],
      edges: ['exch-cnuni-hkuni', 'ind-cnco-hkuni', 'mem-hkuni-alliance'],
      nodes: ['alliance', 'cn-co', 'cn-uni', 'hk-uni'],
    },
    {
      rule: 'agreements within the country and with partners abroad are both shown',
      countries: ['DE'],
      edges: ['ind-deco-cnuni', 'ind-gbco-deco', 'mou-gbuni-deuni', 'res-deuni-cnuni'],
      nodes: ['cn-uni', 'de-co', 'de-uni', 'gb-co', 'gb-uni'],
    },
    {
      rule: 'several countries are OR-ed: an agreement with a party from any of them is shown',
      countries: ['GB', 'HK'],
      edges: [
        'exch-cnuni-hkuni',
        'ind-cnco-hkuni',
        'ind-gbco-deco',
        'mem-alliance-gbuni',
        'mem-hkuni-alliance',
        'mou-gbuni-deuni',
        'prog-gbuni-cnuni',
      ],
      nodes: ['alliance', 'cn-co', 'cn-uni', 'de-co', 'de-uni', 'gb-co', 'gb-uni', 'hk-uni'],
    },
  ])('$rule ($countries)', ({ countries, edges, nodes }) => {
    expect(shown({ countries })).toEqual({ nodes, edges });
  });

  it('hides an agreement between two other countries', () => {
    const { edges } = shown({ countries: ['HK'] });
    expect(edges).not.toContain('mou-gbuni-deuni'); // GB–DE
    expect(edges).not.toContain('res-cnco-cnuni'); // CN–CN
  });

  it('OR-ing countries gives the union of each country alone', () => {
    const gb = shown({ countries: ['GB'] });
    const hk = shown({ countries: ['HK'] });
    const both = shown({ countries: ['GB', 'HK'] });
    expect(both.edges).toEqual(sorted(new Set([...gb.edges, ...hk.edges])));
    expect(both.nodes).toEqual(sorted(new Set([...gb.nodes, ...hk.nodes])));
  });

  it('an institution without a country appears as a partner of a chosen country', () => {
    const { nodes, edges } = shown({ countries: ['HK'] });
    expect(nodes).toContain('alliance');
    expect(edges).toContain('mem-hkuni-alliance');
  });

  it('an institution without a country never matches a country filter itself', () => {
    // alliance–cn-uni: neither party is from HK; a null country is no wildcard.
    expect(shown({ countries: ['HK'] }).edges).not.toContain('mem-alliance-cnuni');
    // Every country chosen, isolated institutions kept, alliance's agreements all filtered out
    // by year: it would show only if its null country matched.
    const v = shown({
      countries: ['GB', 'DE', 'CN', 'HK'],
      years: [2010, 2020],
      undated: false,
      hideIsolated: false,
    });
    expect(v.nodes).not.toContain('alliance');
    expect(shown({ years: [2010, 2020], undated: false, hideIsolated: false }).nodes).toContain(
      'alliance',
    );
  });
});

describe('applyFilters: years', () => {
  it.each([
    {
      years: [2015, 2020] as [number, number],
      edges: ['exch-cnuni-hkuni', 'ind-deco-cnuni', 'prog-gbuni-cnuni', 'res-deuni-cnuni'],
    },
    { years: [2010, 2010] as [number, number], edges: ['mou-gbuni-deuni'] },
    { years: [2024, 2024] as [number, number], edges: ['res-cnco-cnuni'] },
    { years: [2016, 2017] as [number, number], edges: [] },
    {
      years: [2011, 2014] as [number, number],
      edges: ['ind-gbco-deco'],
    },
  ])('the range $years is inclusive at both ends', ({ years, edges }) => {
    expect(shown({ years, undated: false }).edges).toEqual(edges);
  });

  it('includes undated agreements when undated is true, whatever the range', () => {
    const { edges } = shown({ years: [2016, 2017], undated: true });
    expect(edges).toEqual(UNDATED);
  });

  it('excludes undated agreements when undated is false, even with no range', () => {
    const { edges } = shown({ undated: false });
    expect(edges).toEqual(ALL_EDGES.filter((e) => !UNDATED.includes(e)));
  });
});

describe('applyFilters: cooperation types', () => {
  it.each([
    { types: ['research' as const], edges: ['res-cnco-cnuni', 'res-deuni-cnuni'] },
    {
      types: ['mou' as const, 'exchange' as const],
      edges: ['exch-cnuni-hkuni', 'mou-gbuni-deuni'],
    },
    { types: ['visit' as const], edges: [] },
  ])('shows only agreements of the types $types', ({ types, edges }) => {
    expect(shown({ types }).edges).toEqual(edges);
  });
});

describe('applyFilters: institution kinds', () => {
  it.each([
    {
      kinds: ['company'] as InstitutionType[],
      edges: ['ind-cnco-hkuni', 'ind-deco-cnuni', 'ind-gbco-deco', 'res-cnco-cnuni'],
      nodes: ['cn-co', 'cn-uni', 'de-co', 'gb-co', 'hk-uni'],
    },
    {
      kinds: ['alliance'] as InstitutionType[],
      edges: ['mem-alliance-cnuni', 'mem-alliance-gbuni', 'mem-hkuni-alliance'],
      nodes: ['alliance', 'cn-uni', 'gb-uni', 'hk-uni'],
    },
  ])(
    'an agreement is shown when at least one party is of a chosen kind ($kinds)',
    ({ kinds, edges, nodes }) => {
      expect(shown({ kinds })).toEqual({ nodes, edges });
    },
  );

  it('a single party must satisfy both the country and the kind filter', () => {
    // de-co is a company but German, cn-uni is Chinese but a university: neither alone is a
    // Chinese company, so their agreement is hidden.
    expect(shown({ countries: ['CN'], kinds: ['company'] })).toEqual({
      edges: ['ind-cnco-hkuni', 'res-cnco-cnuni'],
      nodes: ['cn-co', 'cn-uni', 'hk-uni'],
    });
  });
});

describe('applyFilters: combined filters and isolated institutions', () => {
  it('combines country, years, undated and types (all must pass)', () => {
    const v = shown({
      countries: ['CN'],
      years: [2015, 2020],
      undated: false,
      types: ['research', 'exchange'],
    });
    expect(v).toEqual({
      edges: ['exch-cnuni-hkuni', 'res-deuni-cnuni'],
      nodes: ['cn-uni', 'de-uni', 'hk-uni'],
    });
  });

  // Germany in 2015: only de-uni has an agreement; de-co (German, selected) has none that year.
  const germany2015 = {
    countries: ['DE'],
    years: [2015, 2015] as [number, number],
    undated: false,
  };

  it('hideIsolated true: a selected institution without a shown agreement is hidden', () => {
    expect(shown({ ...germany2015, hideIsolated: true })).toEqual({
      edges: ['res-deuni-cnuni'],
      nodes: ['cn-uni', 'de-uni'],
    });
  });

  it('hideIsolated false: a selected institution without a shown agreement appears', () => {
    expect(shown({ ...germany2015, hideIsolated: false })).toEqual({
      edges: ['res-deuni-cnuni'],
      nodes: ['cn-uni', 'de-co', 'de-uni'],
    });
  });

  it('hideIsolated false never adds institutions that are not selected', () => {
    // gb-co is British: not selected by countries=DE, and its one 2012 agreement is filtered out.
    expect(shown({ ...germany2015, hideIsolated: false }).nodes).not.toContain('gb-co');
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

describe('filters are pure', () => {
  it('never mutate the graph or the filters', () => {
    const graph = miniGraph();
    const before = structuredClone(graph);
    deepFreeze(graph);
    const cases: Filters[] = [
      DEFAULT_FILTERS,
      filters({ countries: ['GB', 'HK'], kinds: ['company'], hideIsolated: false }),
      filters({ years: [2015, 2020], undated: false, types: ['research'] }),
    ];
    for (const f of cases) {
      const copy = structuredClone(f);
      deepFreeze(f);
      const v = applyFilters(graph, f);
      facetCounts(graph, f);
      neighbourhood(graph, v, 'cn-uni', 2);
      expect(f).toEqual(copy);
    }
    expect(graph).toEqual(before);
  });
});

describe('isDefaultFilters', () => {
  it.each<{ name: string; patch: Partial<Filters>; expected: boolean }>([
    { name: 'the defaults', patch: {}, expected: true },
    { name: 'a country', patch: { countries: ['GB'] }, expected: false },
    { name: 'a year range', patch: { years: [2010, 2020] }, expected: false },
    { name: 'undated hidden', patch: { undated: false }, expected: false },
    { name: 'a cooperation type', patch: { types: ['mou'] }, expected: false },
    { name: 'an institution kind', patch: { kinds: ['company'] }, expected: false },
    {
      name: 'isolated institutions shown',
      patch: { hideIsolated: !DEFAULT_FILTERS.hideIsolated },
      expected: false,
    },
  ])('$name → $expected', ({ patch, expected }) => {
    expect(isDefaultFilters(filters(patch))).toBe(expected);
  });
});

// ── facetCounts ────────────────────────────────────────────────────────────────────────────────
// The count next to an option is what the user gets by picking that option alone, the other
// filters unchanged: institutions of that country or kind, agreements of that type.

interface FacetCase {
  name: string;
  patch: Partial<Filters>;
}

function expectedCounts(graph: GraphData, base: Filters) {
  const byId = new Map(graph.elements.nodes.map((n) => [n.data.id, n.data]));
  const countries = sorted(
    new Set(graph.elements.nodes.flatMap((n) => (n.data.country ? [n.data.country] : []))),
  );
  const countOf = (ids: Iterable<string>, keep: (id: string) => boolean) =>
    [...ids].filter(keep).length;
  return {
    countries: countries.map((c) => [
      c,
      countOf(
        applyFilters(graph, { ...base, countries: [c] }).nodes,
        (id) => byId.get(id)?.country === c,
      ),
    ]),
    kinds: INSTITUTION_TYPES.map((k) => [
      k,
      countOf(applyFilters(graph, { ...base, kinds: [k] }).nodes, (id) => byId.get(id)?.type === k),
    ]),
    types: COOPERATION_TYPES.map((t) => [
      t,
      applyFilters(graph, { ...base, types: [t] }).edges.size,
    ]),
  };
}

function actualCounts(graph: GraphData, base: Filters) {
  const expected = expectedCounts(graph, base);
  const got = facetCounts(graph, base);
  return {
    countries: expected.countries.map(([c]) => [c, got.countries.get(String(c)) ?? 0]),
    kinds: expected.kinds.map(([k]) => [k, got.kinds.get(String(k)) ?? 0]),
    types: expected.types.map(([t]) => [t, got.types.get(String(t)) ?? 0]),
  };
}

const MINI_FACET_CASES: FacetCase[] = [
  { name: 'default filters', patch: {} },
  { name: 'a year range without undated', patch: { years: [2015, 2020], undated: false } },
  { name: 'cooperation types chosen', patch: { types: ['research', 'industry-partnership'] } },
  {
    name: 'isolated institutions kept, a year',
    patch: { years: [2015, 2015], hideIsolated: false },
  },
];

// Country and kind both select parties, and one party must pass both: removing one of them is
// not the same as picking one of its options. These cases show the difference.
const MINI_FACET_CROSS_CASES: FacetCase[] = [
  { name: 'a kind chosen (country counts)', patch: { kinds: ['company'] } },
  { name: 'a country chosen (kind counts)', patch: { countries: ['CN'] } },
];

describe('facetCounts on the mini graph', () => {
  it.each(MINI_FACET_CASES)('equal the result of picking each option alone: $name', ({ patch }) => {
    const g = miniGraph();
    const f = filters(patch);
    expect(actualCounts(g, f)).toEqual(expectedCounts(g, f));
  });

  // Country and kind together: a party must match both, so partners of another kind or country
  // do not count (with kinds=company, HK counts 0: there is no Hong Kong company).
  it.each(MINI_FACET_CROSS_CASES)(
    'equal the result of picking each option alone: $name',
    ({ patch }) => {
      const g = miniGraph();
      const f = filters(patch);
      expect(actualCounts(g, f)).toEqual(expectedCounts(g, f));
    },
  );

  it('counts by hand under the default filters', () => {
    const c = facetCounts(miniGraph(), DEFAULT_FILTERS);
    expect(Object.fromEntries(c.countries)).toEqual({ GB: 2, DE: 2, CN: 2, HK: 1 });
    expect(Object.fromEntries(c.kinds)).toEqual({ university: 4, company: 3, alliance: 1 });
    expect(Object.fromEntries(c.types)).toEqual({
      mou: 1,
      'industry-partnership': 3,
      'joint-programme': 1,
      research: 2,
      exchange: 1,
      'alliance-membership': 3,
    });
  });
});

describe('facetCounts on data/graph.json', () => {
  const SHIPPED_CASES: FacetCase[] = [
    { name: 'default filters', patch: {} },
    { name: 'years 2015-2022 without undated', patch: { years: [2015, 2022], undated: false } },
    { name: 'strategic cooperation only', patch: { types: ['strategic-cooperation'] } },
    { name: 'isolated kept, one year', patch: { years: [2015, 2015], hideIsolated: false } },
  ];
  it.each(SHIPPED_CASES)('equal the result of picking each option alone: $name', ({ patch }) => {
    const g = shippedGraph();
    const f = filters(patch);
    expect(actualCounts(g, f)).toEqual(expectedCounts(g, f));
  });

  it.each([
    { name: 'universities (country counts)', patch: { kinds: ['university'] } },
    { name: 'China (kind counts)', patch: { countries: ['CN'] } },
  ] as FacetCase[])('equal the result of picking each option alone: $name', ({ patch }) => {
    const g = shippedGraph();
    const f = filters(patch);
    expect(actualCounts(g, f)).toEqual(expectedCounts(g, f));
  });
});

describe('the unfiltered graph', () => {
  const graphs = () => [miniGraph(), shippedGraph(), generateGraph(3000, 7)];

  it('is filtered once per graph: going back to it goes over no agreement', () => {
    for (const g of graphs()) {
      const first = applyFilters(g, filters({}));
      // Another filter in between, then the defaults again (a new object, as the store makes).
      applyFilters(g, filters({ countries: ['CN'] }));
      expect(applyFilters(g, { ...DEFAULT_FILTERS })).toBe(first);
      expect(sorted(first.nodes)).toEqual(
        sorted(g.elements.nodes.map((n) => n.data.id).filter((id) => degree(g, id) > 0)),
      );
      expect(first.edges.size).toBe(g.elements.edges.length);
    }
  });

  it('has the facet counts of picking each option alone, counted from its own flags', () => {
    for (const g of graphs()) {
      expect(facetCounts(g, filters({}))).toEqual(
        facetCountsOf(indexGraph(g).columns, filters({})),
      );
    }
    // The shortcut is for the defaults only: isolated institutions kept count too (a third of
    // the agreements left out, so that some institutions have none).
    const g = generateGraph(3000, 7);
    g.elements.edges = g.elements.edges.slice(0, 1000);
    const keep = filters({ hideIsolated: false });
    expect(facetCounts(g, keep)).toEqual(facetCountsOf(indexGraph(g).columns, keep));
    expect(sum(facetCounts(g, keep).countries)).toBeGreaterThan(
      sum(facetCounts(g, filters({})).countries),
    );
  });
});

function degree(g: GraphData, id: string): number {
  return g.elements.edges.filter((e) => e.data.source === id || e.data.target === id).length;
}

function sum(m: Map<string, number>): number {
  return [...m.values()].reduce((a, b) => a + b, 0);
}

// ── neighbourhood ──────────────────────────────────────────────────────────────────────────────

describe('neighbourhood', () => {
  const all = (g: GraphData) => applyFilters(g, DEFAULT_FILTERS);

  it('1 hop: the focus, its partners, and the agreements among them', () => {
    const g = miniGraph();
    const n = neighbourhood(g, all(g), 'hk-uni', 1);
    expect(sorted(n.nodes)).toEqual(['alliance', 'cn-co', 'cn-uni', 'hk-uni']);
    expect(sorted(n.edges)).toEqual([
      'exch-cnuni-hkuni',
      'ind-cnco-hkuni',
      'mem-alliance-cnuni', // between two partners of the focus
      'mem-hkuni-alliance',
      'res-cnco-cnuni', // between two partners of the focus
    ]);
  });

  it('2 hops: partners of partners too', () => {
    const g = miniGraph();
    const n = neighbourhood(g, all(g), 'hk-uni', 2);
    expect(sorted(n.nodes)).toEqual([
      'alliance',
      'cn-co',
      'cn-uni',
      'de-co',
      'de-uni',
      'gb-uni',
      'hk-uni',
    ]);
    // Every agreement except gb-co's: gb-co is three steps away.
    expect(sorted(n.edges)).toEqual(ALL_EDGES.filter((e) => e !== 'ind-gbco-deco'));
  });

  it('walks and collects only visible agreements', () => {
    const g = miniGraph();
    const visible = applyFilters(g, filters({ undated: false }));
    const n = neighbourhood(g, visible, 'hk-uni', 1);
    // cn-co is reached only through an undated agreement; alliance–cn-uni is undated.
    expect(sorted(n.nodes)).toEqual(['alliance', 'cn-uni', 'hk-uni']);
    expect(sorted(n.edges)).toEqual(['exch-cnuni-hkuni', 'mem-hkuni-alliance']);
  });

  it('a focus that is not visible gives empty sets', () => {
    const g = miniGraph();
    const visible = applyFilters(g, filters({ countries: ['GB'] }));
    expect(visible.nodes.has('hk-uni')).toBe(false);
    const n = neighbourhood(g, visible, 'hk-uni', 2);
    expect(n.nodes.size).toBe(0);
    expect(n.edges.size).toBe(0);
  });
});

describe('activeFilterCount', () => {
  const cases: [Partial<Filters>, number][] = [
    [{}, 0],
    [{ countries: ['CN', 'DE'] }, 2],
    [{ years: [2010, 2015] }, 1],
    [{ undated: false }, 1],
    [{ onlyUndated: true }, 1],
    [{ types: ['visit'], kinds: ['company'] }, 2],
    [{ hideIsolated: !DEFAULT_FILTERS.hideIsolated }, 1],
    [{ countries: ['CN'], years: [2010, 2015], undated: false, types: ['mou'] }, 4],
  ];
  for (const [patch, count] of cases) {
    it(`counts ${count} for ${JSON.stringify(patch)}, none exactly when the filters are the defaults`, () => {
      const f = { ...DEFAULT_FILTERS, ...patch };
      expect(activeFilterCount(f)).toBe(count);
      expect(activeFilterCount(f) === 0).toBe(isDefaultFilters(f));
    });
  }
});
