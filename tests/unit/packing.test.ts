// Packing institutions and agreements field by field for postMessage: what is unpacked (after a
// structured clone, as between threads) equals what was packed, field for field, including the
// optional ones (note, position, an agreement id of its own, evidence without a source).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../scripts/bench/generate';
import {
  packEdges,
  packedBuffers,
  packNodes,
  unpackEdges,
  unpackNodes,
} from '../../src/data/import/packing';
import { validateGraph } from '../../src/data/validateGraph';
import { institution } from './helpers/miniGraph';
import {
  COOPERATION_TYPES,
  INSTITUTION_TYPES,
  type EdgeElement,
  type NodeElement,
} from '../../src/model';

// Any UTF-16 code units, astral characters and lone surrogates included: the values of a text
// field travel joined, and are cut apart again by their lengths.
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ maxLength: 12, unit: 'binary' }),
  fc.constantFrom('西安交通大学', 'Łódź 🎓', '\u0000', ''),
);
const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });

const node: fc.Arbitrary<NodeElement> = fc.record(
  {
    data: fc.record(
      {
        id: text,
        label: text,
        country: fc.option(fc.constantFrom('CN', 'GB', 'DE')),
        type: fc.constantFrom(...INSTITUTION_TYPES),
        aliases: fc.array(text, { maxLength: 3 }),
        city: fc.option(text),
        lat: fc.option(fc.double({ noNaN: true, min: -90, max: 90 })),
        lon: fc.option(fc.double({ noNaN: true, min: -180, max: 180 })),
        note: fc.string({ minLength: 1, maxLength: 8 }),
      },
      { requiredKeys: ['id', 'label', 'country', 'type', 'aliases', 'city', 'lat', 'lon'] },
    ),
    position: fc.record({ x: finite, y: finite }),
  },
  { requiredKeys: ['data'] },
);

const edge: fc.Arbitrary<EdgeElement> = fc.record({
  data: fc.record({
    id: text,
    source: text,
    target: text,
    cooperation: fc.constantFrom(...COOPERATION_TYPES),
    year: fc.option(fc.integer({ min: 1000, max: 2100 })),
    date: fc.option(text),
    description: text,
    agreement: text,
    evidence: fc.array(fc.record({ quote: text, source: text }, { requiredKeys: ['quote'] }), {
      maxLength: 3,
    }),
  }),
});

describe('packing elements for postMessage', () => {
  it('gives back equal institutions and agreements after a structured clone (property)', () => {
    fc.assert(
      fc.property(
        fc.array(node, { maxLength: 20 }),
        fc.array(edge, { maxLength: 20 }),
        (ns, es) => {
          const nodes = structuredClone(packNodes(ns));
          const edges = structuredClone(packEdges(es));
          expect(unpackNodes(nodes)).toEqual(ns);
          expect(unpackEdges(edges)).toEqual(es);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps absent optional fields absent, not undefined', () => {
    const n = institution('a', 'A');
    const [back] = unpackNodes(packNodes([n]));
    expect(Object.keys(back ?? {})).toEqual(['data']);
    expect(Object.keys(back?.data ?? {})).not.toContain('note');
    const e: EdgeElement = {
      data: {
        id: 'e',
        source: 'a',
        target: 'b',
        cooperation: 'mou',
        year: null,
        date: null,
        description: '',
        agreement: 'e',
        evidence: [{ quote: 'q' }],
      },
    };
    const [eb] = unpackEdges(packEdges([e]));
    expect(eb).toEqual(e);
    expect(Object.keys(eb?.data.evidence[0] ?? {})).toEqual(['quote']);
  });

  it('round-trips a generated graph, and its numbers travel as transferable buffers', () => {
    const graph = validateGraph(generateGraph(300, 5)).graph;
    if (!graph) throw new Error('invalid');
    const nodes = packNodes(graph.elements.nodes);
    const edges = packEdges(graph.elements.edges);
    expect(unpackNodes(nodes)).toEqual(graph.elements.nodes);
    expect(unpackEdges(edges)).toEqual(graph.elements.edges);
    const buffers = packedBuffers(nodes, edges);
    expect(buffers.every((b) => b instanceof ArrayBuffer)).toBe(true);
    expect(new Set(buffers).size).toBe(buffers.length);
  });

  it('sends each text field as one string, however many elements (a clone copies few strings)', () => {
    const graph = validateGraph(generateGraph(400, 5)).graph;
    if (!graph) throw new Error('invalid');
    const strings = (value: unknown): number =>
      typeof value === 'string'
        ? 1
        : typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)
          ? Object.values(value).reduce((k: number, v) => k + strings(v), 0)
          : 0;
    const nodes = packNodes(graph.elements.nodes);
    const edges = packEdges(graph.elements.edges);
    expect(graph.elements.edges.length).toBeGreaterThan(1000);
    // One per text field: 6 for institutions, 8 for agreements.
    expect(strings(nodes)).toBe(6);
    expect(strings(edges)).toBe(8);
    const back = structuredClone(edges, { transfer: packedBuffers(packNodes([]), edges) });
    expect(unpackEdges(back)).toEqual(graph.elements.edges);
  });

  it('refuses a value outside the vocabulary (a bug upstream) instead of packing a wrong code', () => {
    const e = {
      data: {
        id: 'e',
        source: 'a',
        target: 'b',
        cooperation: 'bogus',
        year: null,
        date: null,
        description: '',
        agreement: 'e',
        evidence: [],
      },
    } as unknown as EdgeElement;
    expect(() => packEdges([e])).toThrow('"bogus" is not a cooperation type of the vocabulary.');
  });
});
