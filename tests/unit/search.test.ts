// Search over names and aliases: exact, prefix, word-start, then substring; case and accents folded.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prepareSearch, searchInstitutions, type SearchHit } from '../../src/filters/search';
import type { GraphData } from '../../src/model';
import { miniGraph, shippedGraph, validOrThrow } from './helpers/miniGraph';

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

describe('search on data/graph.json', () => {
  it.each([
    { query: 'XJTU', id: 'xjtu', alias: 'XJTU' },
    { query: 'PolyU', id: 'polyu', alias: 'PolyU' },
    { query: 'UNESCO-ICHEI', id: 'unesco-ichei', alias: 'UNESCO-ICHEI' },
  ])('an exact alias ($query) is the first hit, naming the alias', ({ query, id, alias }) => {
    const [first] = searchInstitutions(shippedGraph(), query);
    expect(first).toEqual({ id, label: expect.any(String), matched: alias, score: 0 });
  });

  it('folds accents: "centralesupelec" matches the name CentraleSupélec itself', () => {
    const [first] = searchInstitutions(shippedGraph(), 'centralesupelec');
    expect(first).toMatchObject({ id: 'centralesupelec', label: 'CentraleSupélec', score: 0 });
    // The name matched (matched is null), not its unaccented alias.
    expect(first?.matched).toBeNull();
  });

  it('returns at most `limit` hits, 10 by default', () => {
    const g = shippedGraph();
    expect(searchInstitutions(g, 'a').length).toBe(10);
    expect(searchInstitutions(g, 'a', 3).length).toBe(3);
    expect(searchInstitutions(g, 'a', 100).length).toBeGreaterThan(10);
  });
});

describe('search on the mini graph', () => {
  it.each([
    { name: 'an exact alias', query: 'NBU', id: 'gb-uni', matched: 'NBU', score: 0 },
    { name: 'an exact name', query: 'Rhein Chemie AG', id: 'de-co', matched: null, score: 0 },
    { name: 'a prefix of the name', query: 'north', id: 'gb-uni', matched: null, score: 1 },
    { name: 'the start of a later word', query: 'jiao', id: 'cn-uni', matched: null, score: 2 },
    { name: 'a substring', query: 'bridge', id: 'gb-uni', matched: null, score: 3 },
    { name: 'upper-case query', query: 'NORTHBRIDGE', id: 'gb-uni', matched: null, score: 1 },
    {
      name: 'an accented name, plain query',
      query: 'universitat sudstadt',
      id: 'de-uni',
      matched: null,
      score: 2,
    },
    { name: 'accents in the query', query: 'SÜDSTADT', id: 'de-uni', matched: null, score: 2 },
  ])('$name: "$query" → $id', ({ query, id, matched, score }) => {
    const hits = searchInstitutions(miniGraph(), query);
    expect(hits[0]).toMatchObject({ id, matched, score });
  });

  it('ranks prefix, then word-start, then substring; ties by name', () => {
    const hits = searchInstitutions(miniGraph(), 'uni');
    expect(hits.map((h) => [h.id, h.score])).toEqual([
      ['hk-uni', 1], // University of Victoria Harbour
      ['cn-uni', 2], // Eastern Jiaotong University
      ['gb-uni', 2], // Northbridge University
      ['de-uni', 2], // Technische Universität Südstadt
      ['alliance', 3], // Global Community Alliance
    ]);
  });

  it.each(['', '   ', '\t'])('an empty query (%j) finds nothing', (query) => {
    expect(searchInstitutions(miniGraph(), query)).toEqual([]);
  });

  it('finds nothing for a query no name contains', () => {
    expect(searchInstitutions(miniGraph(), 'zzz')).toEqual([]);
  });

  it('limit cuts the ranked list, keeping the best', () => {
    expect(ids(searchInstitutions(miniGraph(), 'uni', 2))).toEqual(['hk-uni', 'cn-uni']);
    expect(searchInstitutions(miniGraph(), 'uni', 0)).toEqual([]);
  });
});

describe('search ranking', () => {
  // Names in an order where alphabetical sorting would put every tier in the wrong place.
  const graph = validOrThrow({
    elements: {
      nodes: [
        ['biotech', 'Biotech Hub'],
        ['agri', 'Agri-Tech Centre'],
        ['institute', 'Institute of Tech Studies'],
        ['technology', 'Technology Park'],
        ['tech', 'Tech'],
        ['farm', 'Farm School'],
      ].map(([id, label]) => ({ data: { id, label, type: 'other' } })),
      edges: [],
    },
  });

  it('exact before prefix before word-start before substring', () => {
    const hits = searchInstitutions(graph, 'TECH');
    expect(hits.map((h) => [h.id, h.score])).toEqual([
      ['tech', 0],
      ['technology', 1],
      ['agri', 2], // after a hyphen
      ['institute', 2], // after a space
      ['biotech', 3],
    ]);
  });

  it('an institution appears once, with its best-matching name or alias', () => {
    const g = validOrThrow({
      elements: {
        nodes: [{ data: { id: 'x', label: 'Alpha Beta', aliases: ['AB', 'Beta'], type: 'other' } }],
        edges: [],
      },
    });
    expect(searchInstitutions(g, 'beta')).toEqual([
      { id: 'x', label: 'Alpha Beta', matched: 'Beta', score: 0 },
    ]);
  });
});

describe('search keeps the best hits as it goes', () => {
  const fold = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  /** Every hit scored, the whole list sorted, then cut: what the one pass must equal. */
  function everyHitSorted(g: GraphData, query: string, limit: number) {
    const q = fold(query.trim());
    if (!q) return [];
    const scoreOf = (t: string) =>
      t === q
        ? 0
        : t.startsWith(q)
          ? 1
          : t.includes(` ${q}`) || t.includes(`-${q}`)
            ? 2
            : t.includes(q)
              ? 3
              : -1;
    const all = g.elements.nodes.flatMap((n): SearchHit[] => {
      const texts = [n.data.label, ...n.data.aliases];
      const scored = texts
        .map((t, i) => ({ s: scoreOf(fold(t)), i }))
        .filter((x) => x.s >= 0)
        .sort((a, b) => a.s - b.s || a.i - b.i);
      const best = scored[0];
      if (!best) return [];
      const matched = best.i === 0 ? null : (texts[best.i] ?? null);
      return [{ id: n.data.id, label: n.data.label, matched, score: best.s }];
    });
    const key = (h: { label: string }) => fold(h.label);
    all.sort(
      (a, b) =>
        a.score - b.score ||
        (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) ||
        (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
    );
    return all.slice(0, limit);
  }

  it('equals sorting every hit, on generated names and queries', () => {
    const names = ['Uni', 'Über', 'Tech', 'Agri-Tech', 'École', 'ecole', 'Institute', 'Park'];
    const label = fc
      .array(fc.constantFrom(...names), { minLength: 1, maxLength: 3 })
      .map((w) => w.join(' '));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ label, alias: fc.option(label, { nil: undefined }) }), {
          minLength: 1,
          maxLength: 40,
          selector: (r) => r.label,
        }),
        fc.constantFrom('u', 'tech', 'ecole', 'ÉCOLE', 'park', 'i', 'x', 'uni uber'),
        fc.integer({ min: 1, max: 12 }),
        (rows, query, limit) => {
          const g = validOrThrow({
            elements: {
              nodes: rows.map((r, i) => ({
                data: {
                  id: `n${i}`,
                  label: r.label,
                  aliases: r.alias ? [r.alias] : [],
                  type: 'other',
                },
              })),
              edges: [],
            },
          });
          expect(searchInstitutions(g, query, limit)).toEqual(everyHitSorted(g, query, limit));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('prepareSearch folds a slice at a time and a search finishes the rest', () => {
    const g = validOrThrow({
      elements: {
        nodes: Array.from({ length: 1200 }, (_, i) => ({
          data: { id: `n${i}`, label: `Universität ${i}`, type: 'other' },
        })),
        edges: [],
      },
    });
    // One slice, then stop: not all prepared.
    expect(prepareSearch(g, () => false)).toBe(false);
    expect(searchInstitutions(g, 'universitat 1199')).toMatchObject([{ id: 'n1199', score: 0 }]);
    expect(prepareSearch(g, () => false)).toBe(true);
  });
});
