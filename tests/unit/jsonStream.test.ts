// Parsing a graph file as it downloads (src/data/load/jsonStream.ts): however the bytes are cut
// into chunks, the outcome is the one the whole-file parse gives: the same value, or the same
// problem in the same words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../scripts/bench/generate';
import { GraphJsonStream } from '../../src/data/load/jsonStream';
import type { GraphLoadReply } from '../../src/data/load/protocol';
import { GraphLoadService } from '../../src/data/load/service';
import { parseGraphBytesJson } from '../../src/data/loadGraph';

const encode = (text: string) => new TextEncoder().encode(text);

/** Streams `bytes` cut at `cuts` (offsets, any order) and ends the stream. */
function streamed(bytes: Uint8Array, cuts: number[] = []) {
  const stream = new GraphJsonStream('g.json');
  const at = [...new Set(cuts.map((c) => Math.min(bytes.length, Math.max(0, c))))].sort(
    (a, b) => a - b,
  );
  let from = 0;
  for (const cut of [...at, bytes.length]) {
    stream.push(bytes.slice(from, cut));
    from = cut;
  }
  return stream.end();
}

/** Whether the stream parsed in batches (it had no need of the whole-file path). */
function parsedInBatches(bytes: Uint8Array, chunk: number): boolean {
  const stream = new GraphJsonStream('g.json');
  for (let i = 0; i < bytes.length; i += chunk) stream.push(bytes.slice(i, i + chunk));
  const open = stream as unknown as { streaming: boolean };
  const inBatches = open.streaming;
  stream.end();
  return inBatches;
}

const graph = generateGraph(300, 3);
const graphText = JSON.stringify(graph);

describe('GraphJsonStream', () => {
  it('gives the parsed graph, in batches, however the file is cut', () => {
    const bytes = encode(graphText);
    expect(parsedInBatches(bytes, 997)).toBe(true);
    for (const size of [1, 7, 4096, bytes.length]) {
      const cuts = Array.from({ length: Math.ceil(bytes.length / size) }, (_, k) => k * size);
      expect(streamed(bytes, cuts)).toEqual({ json: graph });
    }
  });

  it('equals the whole-file parse for indented files, escapes, odd keys and other values', () => {
    const item = fc.oneof(
      fc.record({ data: fc.dictionary(fc.string(), fc.jsonValue()) }),
      fc.jsonValue(),
    );
    const file = fc.record({
      data: fc.jsonValue(),
      elements: fc.oneof(
        fc.record({ nodes: fc.array(item), edges: fc.array(item) }),
        fc.record({ edges: fc.array(item), nodes: fc.array(item), 'no\\des': fc.jsonValue() }),
        fc.jsonValue(),
      ),
    });
    fc.assert(
      fc.property(
        file,
        fc.constantFrom(undefined, 2, '\t'),
        fc.array(fc.nat()),
        (value, indent, cuts) => {
          const bytes = encode(JSON.stringify(value, null, indent));
          const whole = parseGraphBytesJson(bytes, 'g.json');
          expect(
            streamed(
              bytes,
              cuts.map((c) => c % (bytes.length + 1)),
            ),
          ).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the whole-file problem, word for word, for a file broken anywhere', () => {
    const small = JSON.stringify(generateGraph(12, 4), null, 1);
    fc.assert(
      fc.property(
        fc.nat(small.length - 1),
        fc.constantFrom('', ',', ']', '}', '"', '\\', '{', 'x', '\u0001'),
        fc.array(fc.nat(small.length)),
        (at, insert, cuts) => {
          // A character dropped or replaced at `at`.
          const text = small.slice(0, at) + insert + small.slice(at + 1);
          const bytes = encode(text);
          expect(streamed(bytes, cuts)).toEqual(parseGraphBytesJson(bytes, 'g.json'));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('leaves lists named twice, UTF-16, bad UTF-8 and a byte-order mark to the whole-file rules', () => {
    const cases = [
      '{"elements":{"nodes":[{"a":1}],"nodes":[{"b":2}]}}',
      '{"elements":{"nodes":[1]},"elements":{"nodes":[2]}}',
      '{"elem\\u0065nts":{"nodes":[1,2]},"elements":{"edges":[3]}}',
      '{"elements":{"nodes":[1,]}}',
      '{"elements":{"nodes":[,1]}}',
      '{"elements":{"nodes":[1}]}}',
      '\ufeff{"elements":{"nodes":[{"x":"ü"}],"edges":[]}}',
      '[{"elements":{"nodes":[1]}}]',
      '',
      ' ',
    ];
    for (const text of cases) {
      for (const size of [1, 3, 64]) {
        const bytes = encode(text);
        const cuts = Array.from({ length: Math.ceil(bytes.length / size) }, (_, k) => k * size);
        expect(streamed(bytes, cuts), text).toEqual(parseGraphBytesJson(bytes, 'g.json'));
      }
    }
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(
        new Uint16Array([...'{"elements":{"nodes":[]}}'].map((c) => c.charCodeAt(0))).buffer,
      ),
    ]);
    expect(streamed(utf16, [1, 2, 3, 9])).toEqual(parseGraphBytesJson(utf16, 'g.json'));
    const badUtf8 = encode(graphText);
    badUtf8[5000] = 0xff;
    const problem = streamed(badUtf8, [4999, 5001]);
    expect(problem).toEqual(parseGraphBytesJson(badUtf8, 'g.json'));
    expect(JSON.stringify(problem)).toContain('not UTF-8');
    // A character cut between two chunks is decoded whole.
    const accents = encode('{"elements":{"nodes":[{"label":"Universität Zürich 東京"}]}}');
    const cuts = Array.from({ length: accents.length }, (_, k) => k);
    expect(streamed(accents, cuts)).toEqual({
      json: { elements: { nodes: [{ label: 'Universität Zürich 東京' }] } },
    });
  });
});

describe('GraphLoadService streaming', () => {
  it('sends the same parts for a streamed file as for the whole file', async () => {
    const bytes = encode(graphText);
    const run = async (requests: Parameters<GraphLoadService['handle']>[0][]) => {
      const replies: GraphLoadReply[] = [];
      const service = new GraphLoadService((r) => replies.push(r));
      for (const request of requests) await service.handle(request);
      return replies;
    };
    const whole = await run([
      {
        kind: 'parse',
        buffer: bytes.slice().buffer,
        byteOffset: 0,
        byteLength: bytes.length,
        name: 'g.json',
      },
    ]);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 5000) }, (_, k) => ({
      kind: 'chunk' as const,
      bytes: bytes.slice(k * 5000, (k + 1) * 5000),
    }));
    const stream = await run([{ kind: 'stream', name: 'g.json' }, ...chunks, { kind: 'end' }]);
    expect(stream).toEqual(whole);
    expect(stream.at(-1)).toEqual({ kind: 'done', dataset: null });
    // A broken streamed file fails with the whole file's words.
    const cut = bytes.slice(0, Math.floor(bytes.length / 2));
    const failed = await run([
      { kind: 'stream', name: 'cut.json' },
      { kind: 'chunk', bytes: cut },
      { kind: 'end' },
    ]);
    expect(failed).toEqual([
      {
        kind: 'failed',
        problems: [(parseGraphBytesJson(cut, 'cut.json') as { problem: unknown }).problem],
      },
    ]);
  });
});
