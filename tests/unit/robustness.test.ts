// Any input gives a graph or problems, never an exception; oversized files are refused unread.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, loadGraphFromFile, parseGraphText, validateGraph } from '../../src/data';
import { cleanState, decodeView, VIEW_KEYS } from '../../src/filters';
import { miniGraph } from './helpers/miniGraph';

describe('validateGraph on arbitrary input', () => {
  it('never throws, and returns a graph exactly when there are no problems', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const r = validateGraph(value);
        expect(r.graph === null).toBe(r.problems.length > 0);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on graph-shaped input with arbitrary fields', () => {
    const anyField = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.constant(null),
      fc.boolean(),
    );
    const element = fc.record({
      data: fc.dictionary(
        fc.constantFrom(
          'id',
          'label',
          'type',
          'country',
          'source',
          'target',
          'cooperation',
          'year',
          'date',
          'evidence',
          '__proto__',
          'constructor',
        ),
        anyField,
      ),
      position: fc.option(fc.record({ x: anyField, y: anyField })),
    });
    fc.assert(
      fc.property(
        fc.array(element, { maxLength: 8 }),
        fc.array(element, { maxLength: 8 }),
        (nodes, edges) => {
          const r = validateGraph({
            data: { title: 't', sources: [] },
            elements: { nodes, edges },
          });
          expect(Array.isArray(r.problems)).toBe(true);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: 400 },
    );
  });

  it('parses arbitrary text without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const r = parseGraphText(text, 'x.json');
        expect(r.graph === null || r.problems.length === 0).toBe(true);
      }),
    );
  });
});

describe('URL state on arbitrary input', () => {
  it('decodeView and cleanState never throw and keep values within their vocabularies', () => {
    const g = miniGraph();
    const key = fc.constantFrom(...VIEW_KEYS, 'zzz', '__proto__');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, fc.string({ maxLength: 40 })), { maxLength: 10 }),
        (pairs) => {
          const query = new URLSearchParams(pairs).toString();
          const { state } = decodeView(query);
          const cleaned = cleanState(state, g).state;
          expect([1, 2]).toContain(cleaned.hops);
          expect(['force', 'concentric', 'country', 'map']).toContain(cleaned.layout);
          if (cleaned.focus !== null)
            expect(g.elements.nodes.some((n) => n.data.id === cleaned.focus)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('size limits', () => {
  it('refuses a 200 MB file before reading it', async () => {
    let read = false;
    const huge = {
      name: 'huge.json',
      size: 200 * 1024 * 1024,
      text: () => {
        read = true;
        return Promise.resolve('{}');
      },
    } as unknown as File;
    const r = await loadGraphFromFile(huge);
    expect(read).toBe(false);
    expect(r.graph).toBeNull();
    expect(r.problems[0]?.message).toContain('the limit is 100.0 MB');
  });

  it('refuses a field longer than the documented limit, naming it', () => {
    const long = 'x'.repeat(LIMITS.maxFieldLength + 1);
    const r = validateGraph({
      elements: { nodes: [{ data: { id: 'a', label: long, type: 'university' } }], edges: [] },
    });
    expect(r.problems[0]?.path).toBe('elements.nodes[0].data.label');
    expect(r.problems[0]?.message).toContain('the limit is 10,000');
  });

  it('refuses more institutions than the limit without checking each', () => {
    const nodes = { length: LIMITS.maxNodes + 1 };
    const r = validateGraph({ elements: { nodes: Array.from(nodes, () => 0), edges: [] } });
    expect(r.problems[0]?.message).toContain('the limits are 300,000 and 900,000');
  });
});

describe('undated=only', () => {
  it('keeps exactly the agreements without a year, and round-trips through the URL', async () => {
    const { applyFilters, DEFAULT_FILTERS, encodeView, DEFAULT_VIEW } =
      await import('../../src/filters');
    const g = miniGraph();
    const { state } = decodeView('undated=only');
    expect(state.filters.onlyUndated).toBe(true);
    const v = applyFilters(g, state.filters);
    const undated = g.elements.edges.filter((e) => e.data.year === null).map((e) => e.data.id);
    expect([...v.edges].sort()).toEqual(undated.sort());
    expect(applyFilters(g, DEFAULT_FILTERS).edges.size).toBeGreaterThan(v.edges.size);
    expect(encodeView({ ...DEFAULT_VIEW, filters: state.filters })).toBe('undated=only');
  });
});
