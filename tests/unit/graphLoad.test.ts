// Loading graphs off the page: the worker's service (parse, validate, send in parts, one part per
// "next"), a saved dataset opened through it, and the page's loader where no worker can start.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../scripts/bench/generate';
import { saveDataset } from '../../src/data/datasets';
import { GraphAssembler, partOf } from '../../src/data/import/graphParts';
import type { GraphPart } from '../../src/data/import/protocol';
import { PAGE_PARSE_BYTES, parseGraph } from '../../src/data/load/graphLoader';
import type { GraphLoadReply, GraphLoadRequest } from '../../src/data/load/protocol';
import { GraphLoadService } from '../../src/data/load/service';
import { GraphValidator, validateGraph } from '../../src/data/validateGraph';
import { columnsOf, takeColumns } from '../../src/model/columns';
import { indexGraph, prepareIndex } from '../../src/filters/graphIndex';
import { hasIncidence } from '../../src/model/columns';
import { defined } from './helpers/miniGraph';

/** A request to parse `value` written as a JSON file named `name`. */
function parseRequest(value: unknown, name: string): GraphLoadRequest {
  const buffer = new TextEncoder().encode(JSON.stringify(value)).buffer;
  return { kind: 'parse', buffer, byteOffset: 0, byteLength: buffer.byteLength, name };
}

const big = generateGraph(2000, 7);
const bigBytes = new TextEncoder().encode(JSON.stringify(big));

function harness() {
  const replies: GraphLoadReply[] = [];
  const service = new GraphLoadService((r) => replies.push(r));
  return { replies, service };
}

/** Runs one request to its end: the last reply is "done" or "failed". */
async function runToEnd(
  replies: GraphLoadReply[],
  started: Promise<void>,
): Promise<GraphLoadReply[]> {
  await started;
  return replies;
}

describe('GraphLoadService (the graph-loading worker)', () => {
  it('parses and validates bytes, then sends the graph in parts of 5,000 elements', async () => {
    const { replies, service } = harness();
    const buffer = bigBytes.slice().buffer;
    const started = service.handle({
      kind: 'parse',
      buffer,
      byteOffset: 0,
      byteLength: buffer.byteLength,
      name: 'big.json',
    });
    await runToEnd(replies, started);
    expect(replies[0]).toEqual({ kind: 'checking', total: 2000 + big.elements.edges.length });
    const parts = replies.filter((r) => r.kind === 'part');
    expect(parts.length).toBe(Math.ceil((2000 + big.elements.edges.length) / 5000));
    const assembler = new GraphAssembler({ columns: true });
    for (const p of parts) assembler.add(p.part);
    const graph = assembler.graph();
    const whole = validateGraph(big).graph;
    expect(graph).toEqual(whole);
    expect(replies.at(-1)).toEqual({ kind: 'done', dataset: null });
    // The columns built from what the validator sent along equal those of the whole graph.
    expect(parts.some((p) => p.part.columns !== undefined)).toBe(true);
    if (!graph || !whole) return;
    expect(takeColumns(graph)).toEqual(columnsOf(whole));
  });

  it('sends parts while it checks, stops at the first problem and then fails with it', async () => {
    const graph = structuredClone(big);
    const last = graph.elements.edges.length - 1;
    // A problem in the last agreement: the parts before it have gone out already.
    (graph.elements.edges[last] as { data: { source: string } }).data.source = 'nobody';
    const { replies, service } = harness();
    await service.handle(parseRequest(graph, 'late.json'));
    const kinds = replies.map((r) => r.kind);
    expect(kinds[0]).toBe('checking');
    expect(kinds.filter((k) => k === 'part').length).toBe(Math.floor((2000 + last) / 5000));
    expect(kinds.at(-1)).toBe('failed');
    expect(kinds).not.toContain('done');
    const failed = replies.at(-1);
    if (failed?.kind !== 'failed') return;
    expect(failed.problems).toHaveLength(1);
    expect(failed.problems[0]?.path).toBe(`elements.edges[${last}].data.source`);
  });

  it('sends nothing after a problem in the first part, and lists every problem', async () => {
    const graph = structuredClone(big);
    (graph.elements.nodes[0] as { data: { country: string } }).data.country = 'XX';
    (graph.elements.edges[5000] as { data: { year: number } }).data.year = 99;
    const { replies, service } = harness();
    await service.handle(parseRequest(graph, 'g.json'));
    expect(replies.map((r) => r.kind)).toEqual(['checking', 'failed']);
    const failed = replies[1];
    if (failed?.kind !== 'failed') return;
    expect(failed.problems.map((p) => p.path)).toEqual([
      'elements.nodes[0].data.country',
      'elements.edges[5000].data.year',
    ]);
  });

  it('sends the data of a graph without elements in one empty part', async () => {
    const { replies, service } = harness();
    const empty = { data: { title: 'Nothing yet' }, elements: { nodes: [], edges: [] } };
    await service.handle(parseRequest(empty, 'e.json'));
    expect(replies.map((r) => r.kind)).toEqual(['checking', 'part', 'done']);
    const assembler = new GraphAssembler();
    const part = replies[1];
    if (part?.kind === 'part') assembler.add(part.part);
    expect(assembler.graph()).toEqual(validateGraph(empty).graph);
  });

  it('answers a broken file with located problems and no parts', async () => {
    const { replies, service } = harness();
    const text = '{"data": {"title": "x"},\n "elements": {"nodes": [}\n}';
    const buffer = new TextEncoder().encode(text).buffer;
    await service.handle({
      kind: 'parse',
      buffer,
      byteOffset: 0,
      byteLength: buffer.byteLength,
      name: 'broken.json',
    });
    expect(replies).toHaveLength(1);
    const [reply] = replies;
    expect(reply?.kind).toBe('failed');
    if (reply?.kind !== 'failed') return;
    expect(reply.problems[0]?.file).toBe('broken.json');
    expect(reply.problems[0]?.message).toMatch(/^Not valid JSON at line 2, column \d+/);
  });

  it('reads only the bytes it is told, from a larger buffer', async () => {
    const { replies, service } = harness();
    const seed = new TextEncoder().encode(JSON.stringify(generateGraph(20, 3)));
    const padded = new Uint8Array(seed.length + 20).fill(0x20);
    padded.set(seed, 10);
    const started = service.handle({
      kind: 'parse',
      buffer: padded.buffer,
      byteOffset: 10,
      byteLength: seed.length,
      name: 'seed.json',
    });
    await runToEnd(replies, started);
    expect(replies.at(-1)?.kind).toBe('done');
  });

  it('opens a saved dataset: its fields, and its graph in parts', async () => {
    const saved = await saveDataset({ name: 'Register', graph: big, origin: 'test' });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const { replies, service } = harness();
    await runToEnd(replies, service.handle({ kind: 'dataset', id: saved.value }));
    const done = replies.at(-1);
    expect(done?.kind).toBe('done');
    if (done?.kind !== 'done') return;
    expect(done.dataset).toMatchObject({ id: saved.value, name: 'Register', origin: 'test' });
    const assembler = new GraphAssembler();
    for (const r of replies) if (r.kind === 'part') assembler.add(r.part);
    expect(assembler.graph()?.elements.nodes).toHaveLength(2000);
  });

  it('says which dataset is missing', async () => {
    const { replies, service } = harness();
    await service.handle({ kind: 'dataset', id: 'no-such-id' });
    expect(replies[0]?.kind).toBe('failed');
  });
});

describe('parseGraph on the page (no worker can start here)', () => {
  it('parses a large file on this thread instead, with the same result', async () => {
    expect(bigBytes.byteLength).toBeGreaterThan(PAGE_PARSE_BYTES);
    const phases: string[] = [];
    const r = await parseGraph({ bytes: bigBytes, name: 'big.json' }, (p) => phases.push(p.phase));
    expect(r.problems).toEqual([]);
    expect(r.graph).toEqual(validateGraph(big).graph);
    expect(phases).toContain('checking');
  });

  it('reports problems of a small broken file', async () => {
    performance.clearMarks('atlas:received');
    const r = await parseGraph(
      { bytes: new TextEncoder().encode('{"elements": 3}'), name: 'x.json' },
      () => undefined,
    );
    expect(r.graph).toBeNull();
    expect(r.problems[0]?.file).toBe('x.json');
    // Only a graph that passed is marked as received (the benchmark's load phases).
    expect(performance.getEntriesByName('atlas:received')).toHaveLength(0);
  });

  it('marks a small graph parsed and checked on the page (the benchmark reads the mark)', async () => {
    performance.clearMarks('atlas:received');
    const small = new TextEncoder().encode(JSON.stringify(generateGraph(20, 3)));
    expect(small.byteLength).toBeLessThanOrEqual(PAGE_PARSE_BYTES);
    const r = await parseGraph({ bytes: small, name: 'small.json' }, () => undefined);
    expect(r.graph?.elements.nodes).toHaveLength(20);
    expect(performance.getEntriesByName('atlas:received')).toHaveLength(1);
  });
});

describe('GraphValidator (the validator a batch at a time)', () => {
  it('checks in batches exactly what validateGraph checks at once', () => {
    const v = new GraphValidator(big);
    const nodes = [];
    const edges = [];
    for (let b = v.next(777); b; b = v.next(777)) {
      expect(b.nodes.length + b.edges.length).toBeLessThanOrEqual(777);
      nodes.push(...b.nodes);
      edges.push(...b.edges);
    }
    const whole = validateGraph(big).graph;
    expect({ data: v.data, elements: { nodes, edges } }).toEqual(whole);
    expect(v.finish().graph).toEqual(whole);
  });

  it("checks a source's institution only at the end, when every institution is known", () => {
    const graph = structuredClone(big);
    graph.data.sources = [
      { id: 's1', file: 's1.txt', title: 'T', publisher: '', date: '', about: 'nobody', note: '' },
    ];
    const v = new GraphValidator(graph);
    while (v.next(5000));
    expect(v.clean).toBe(true);
    const result = v.finish();
    expect(result.graph).toBeNull();
    expect(result.problems[0]?.path).toBe('data.sources[0].about');
  });

  it('hands the elements over without keeping them, and lets go of each raw one', () => {
    const input = structuredClone(big);
    const v = new GraphValidator(input, { keepElements: false });
    const nodes = [];
    const edges = [];
    for (let b = v.next(777); b; b = v.next(777)) {
      nodes.push(...b.nodes);
      edges.push(...b.edges);
    }
    const whole = validateGraph(big).graph;
    expect({ data: v.data, elements: { nodes, edges } }).toEqual(whole);
    // Passed, with nothing kept: the caller has the elements.
    expect(v.finish().graph).toEqual({ data: whole?.data, elements: { nodes: [], edges: [] } });
    // Each raw element's slot was emptied once it was checked.
    expect(input.elements.nodes.every((n: unknown) => n === null)).toBe(true);
    expect(input.elements.edges.every((e: unknown) => e === null)).toBe(true);
  });

  it('finds the same problems whether it keeps the elements or not', () => {
    const broken = structuredClone(big);
    const { nodes, edges } = broken.elements;
    defined(edges[5], 'edge 5').data.target = 'nobody';
    defined(edges[900], 'edge 900').data.id = defined(edges[3], 'edge 3').data.id;
    defined(nodes[40], 'node 40').data.country = 'XX';
    const kept = validateGraph(structuredClone(broken));
    const v = new GraphValidator(broken, { keepElements: false });
    while (v.next(500));
    const handed = v.finish();
    expect(handed.graph).toBeNull();
    expect(handed.problems).toEqual(kept.problems);
    expect(kept.problems.map((p) => p.path)).toEqual([
      'elements.nodes[40].data.country',
      'elements.edges[5].data.target',
      'elements.edges[900].data.id',
    ]);
  });

  it('refuses a wrong frame when made, and checks no element', () => {
    const v = new GraphValidator({ elements: [] });
    expect(v.framed).toBe(false);
    expect(v.next()).toBeNull();
    expect(v.finish().problems[0]?.message).toMatch(/not a flat list/);
  });
});

describe('GraphAssembler with columns (built part by part on the page)', () => {
  it('builds the same columns as the whole graph gives', () => {
    const graph = validateGraph(big).graph;
    if (!graph) throw new Error('generated graph invalid');
    const assembler = new GraphAssembler({ columns: true });
    const { nodes, edges } = graph.elements;
    const totals = { totalNodes: nodes.length, totalEdges: edges.length };
    const parts: GraphPart[] = [{ ...partOf([], [], totals), data: graph.data }];
    for (let i = 0; i < nodes.length; i += 700)
      parts.push(partOf(nodes.slice(i, i + 700), [], totals));
    for (let j = 0; j < edges.length; j += 1300)
      parts.push(partOf([], edges.slice(j, j + 1300), totals));
    for (const p of parts) assembler.add(structuredClone(p));
    const assembled = assembler.graph();
    if (!assembled) throw new Error('incomplete');
    expect(assembled).toEqual(graph);
    const kept = takeColumns(assembled);
    expect(kept).toEqual(columnsOf(graph));
    expect(takeColumns(assembled)).toBeNull();
  });

  it("takes each agreement's ends from the validator's places: the institutions' own ids", async () => {
    const { replies, service } = harness();
    const buffer = bigBytes.slice().buffer;
    await service.handle({
      kind: 'parse',
      buffer,
      byteOffset: 0,
      byteLength: buffer.byteLength,
      name: 'big.json',
    });
    const parts = replies.flatMap((r) => (r.kind === 'part' ? [r.part] : []));
    const withEnds = parts.filter((p) => p.columns);
    expect(withEnds.length).toBeGreaterThan(0);
    // Blank the packed ends' text: the places alone must give them.
    for (const p of withEnds) {
      for (const end of [p.edges.source, p.edges.target]) end.text = '?'.repeat(end.text.length);
    }
    const assembler = new GraphAssembler({ columns: true });
    for (const p of parts) assembler.add(p);
    expect(assembler.graph()).toEqual(validateGraph(big).graph);
  });

  it('keeps no columns when agreements come before all their institutions', () => {
    const graph = validateGraph(big).graph;
    if (!graph) throw new Error('generated graph invalid');
    const { nodes, edges } = graph.elements;
    const totals = { totalNodes: nodes.length, totalEdges: edges.length };
    const assembler = new GraphAssembler({ columns: true });
    assembler.add({ ...partOf(nodes.slice(0, 10), edges.slice(0, 5), totals), data: graph.data });
    assembler.add(partOf(nodes.slice(10), edges.slice(5), totals));
    const assembled = assembler.graph();
    if (!assembled) throw new Error('incomplete');
    expect(assembled).toEqual(graph);
    expect(takeColumns(assembled)).toBeNull();
  });
});

describe("the agreements' id map, built in idle time", () => {
  const fresh = () => {
    const graph = validateGraph(generateGraph(3000, 5)).graph;
    if (!graph) throw new Error('generated graph invalid');
    return graph;
  };

  it('fills a slice per call while there is time, then answers every id', () => {
    const graph = fresh();
    const { edges } = graph.elements;
    let slices = 1;
    while (!prepareIndex(graph, () => false)) slices++;
    // 9,000 agreements in slices of 4,096: the map is never filled in one go; then the
    // agreements per institution, then the 3,000 institutions' partners, a step each.
    expect(edges.length).toBe(9000);
    expect(slices).toBe(5);
    expect(hasIncidence(indexGraph(graph).columns)).toBe(true);
    expect(indexGraph(graph).partnersReady).toBe(true);
    const index = indexGraph(graph);
    edges.forEach((e, j) => expect(index.columns.edgePosition.get(e.data.id)).toBe(j));
    expect(index.edges.get('no such agreement')).toBeUndefined();
  });

  it('a lookup before it is done finishes it', () => {
    const graph = fresh();
    expect(prepareIndex(graph, () => false)).toBe(false);
    const last = graph.elements.edges.at(-1)?.data;
    expect(indexGraph(graph).edges.get(last?.id ?? '')).toEqual(last);
    expect(hasIncidence(indexGraph(graph).columns)).toBe(false);
    expect(prepareIndex(graph, () => false)).toBe(false);
    expect(hasIncidence(indexGraph(graph).columns)).toBe(true);
    expect(indexGraph(graph).partnersReady).toBe(false);
    expect(prepareIndex(graph, () => false)).toBe(true);
    expect(indexGraph(graph).partnersReady).toBe(true);
  });

  it('with time to spare, prepares everything in one call', () => {
    const graph = fresh();
    expect(prepareIndex(graph)).toBe(true);
    expect(hasIncidence(indexGraph(graph).columns)).toBe(true);
    expect(indexGraph(graph).partnersReady).toBe(true);
  });
});
