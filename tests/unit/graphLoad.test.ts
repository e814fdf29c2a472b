// Loading graphs off the page: the worker's service (parse, validate, send in parts, one part per
// "next"), a saved dataset opened through it, and the page's loader where no worker can start.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../scripts/bench/generate';
import { saveDataset } from '../../src/data/datasets';
import { GraphAssembler } from '../../src/data/import/graphParts';
import { PAGE_PARSE_BYTES, parseGraph } from '../../src/data/load/graphLoader';
import type { GraphLoadReply } from '../../src/data/load/protocol';
import { GraphLoadService } from '../../src/data/load/service';
import { validateGraph } from '../../src/data/validateGraph';

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
    expect(replies[0]).toEqual({ kind: 'checked', total: 2000 + big.elements.edges.length });
    const parts = replies.filter((r) => r.kind === 'part');
    expect(parts.length).toBe(Math.ceil((2000 + big.elements.edges.length) / 5000));
    const assembler = new GraphAssembler();
    for (const p of parts) assembler.add(p.part);
    expect(assembler.graph()).toEqual(validateGraph(big).graph);
    expect(replies.at(-1)).toEqual({ kind: 'done', dataset: null });
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
    const r = await parseGraph(
      { bytes: new TextEncoder().encode('{"elements": 3}'), name: 'x.json' },
      () => undefined,
    );
    expect(r.graph).toBeNull();
    expect(r.problems[0]?.file).toBe('x.json');
  });
});
