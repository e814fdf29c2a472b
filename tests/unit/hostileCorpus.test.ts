// The hostile-input corpus (tests/fixtures/hostile/corpus.ts) through the functions the app runs:
// graph files through loadGraphFromFile (Open…, dropped files, the import dialog) and
// loadGraphFromUrl (graph=), CSV tables through the importer's reading, column guess and row
// check. Each case gives exactly its problems, nothing throws, and no prototype changes.
import { readdirSync, statSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CSV_CASES,
  GRAPH_CASES,
  unusedFiles,
  type ExpectedProblem,
  type ExpectedRowProblem,
  type GraphCase,
} from '../fixtures/hostile/corpus';
import {
  LIMITS,
  findJsonSyntaxError,
  firstInvalidUtf8,
  loadGraphFromFile,
  loadGraphFromUrl,
  validateGraph,
  type LoadResult,
} from '../../src/data';
import { buildImportedGraph } from '../../src/data/import/checkRows';
import { guessMapping } from '../../src/data/import/mapping';
import { readCsvBlob } from '../../src/data/import/readCsv';
import type { RowProblem } from '../../src/data/import/types';
import type { Problem } from '../../src/model';

const DIR = 'tests/fixtures/hostile';

// ── Prototypes stay as they were ───────────────────────────────────────────────────────────────

const objectKeys = Object.getOwnPropertyNames(Object.prototype).sort();
const arrayKeys = Object.getOwnPropertyNames(Array.prototype).sort();

afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(objectKeys);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(arrayKeys);
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

/** Every object in a result is a plain object or array, without own `__proto__` keys. */
function expectPlain(root: unknown): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    const proto: unknown = Object.getPrototypeOf(v);
    expect(proto === Object.prototype || proto === Array.prototype).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(v, '__proto__')).toBe(false);
    stack.push(...Object.values(v));
  }
}

// ── Graph files ────────────────────────────────────────────────────────────────────────────────

function expectOutcome(c: GraphCase, r: LoadResult): void {
  expectPlain(r);
  if ('loads' in c.outcome) {
    expect(r.problems).toEqual([]);
    const g = r.graph;
    expect(g).not.toBeNull();
    if (!g) return;
    expect(g.elements.nodes).toHaveLength(c.outcome.loads.institutions);
    expect(g.elements.edges).toHaveLength(c.outcome.loads.agreements);
    const label = c.outcome.loads.label;
    if (label !== undefined) expect(g.elements.nodes.map((n) => n.data.label)).toContain(label);
    return;
  }
  expect(r.graph).toBeNull();
  expectProblems(r.problems, c.outcome.refused);
  for (const p of r.problems) expect(p.file).toBe(c.name);
}

function expectProblems(actual: Problem[], expected: ExpectedProblem[]): void {
  expect(actual.map((p) => p.path)).toEqual(expected.map((e) => e.path));
  expected.forEach((e, i) => {
    const message = actual[i]?.message;
    if (typeof e.message === 'string') expect(message).toBe(e.message);
    else expect(message).toMatch(e.message);
  });
}

describe('graph files through loadGraphFromFile (Open…, drop, import dialog)', () => {
  it.each(GRAPH_CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const r = await loadGraphFromFile(new File([c.bytes()], c.name));
    expectOutcome(c, r);
  });
});

describe('graph files through loadGraphFromUrl (graph=)', () => {
  const served = new Map<string, Uint8Array>();
  beforeAll(() => {
    vi.stubGlobal('fetch', (url: string) => {
      const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
      const bytes = served.get(name);
      // A stream in small chunks, as a network delivers it: characters split between chunks.
      const body =
        bytes &&
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < bytes.length; i += 65_537) {
              controller.enqueue(bytes.subarray(i, i + 65_537));
            }
            controller.close();
          },
        });
      return Promise.resolve(new Response(body ?? null, { status: body ? 200 : 404 }));
    });
  });
  afterAll(() => vi.unstubAllGlobals());

  const viaUrl = GRAPH_CASES.filter((c) => c.routes.includes('graph-url') || !c.big);
  it.each(viaUrl.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    served.set(c.name, c.bytes());
    const r = await loadGraphFromUrl(c.name, 'https://atlas.example/app/');
    expectOutcome(c, r);
  });
});

describe('graph= when the server misbehaves', () => {
  afterEach(() => vi.unstubAllGlobals());
  const serve = (response: () => Response) =>
    vi.stubGlobal('fetch', () => Promise.resolve(response()));
  const load = () => loadGraphFromUrl('graph.json', 'https://atlas.example/');

  it('says so when the connection breaks in the middle of the file', async () => {
    serve(() => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"elements": {"nodes": ['));
          controller.error(new TypeError('network error'));
        },
      });
      return new Response(body);
    });
    expect((await load()).problems).toEqual([
      {
        file: 'graph.json',
        message: 'The connection to atlas.example broke while the file was being read.',
      },
    ]);
  });

  it('refuses a file whose Content-Length is over the limit without reading it', async () => {
    let pulled = false;
    serve(() => {
      // No queue: pull() runs only when the body is read.
      const body = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            pulled = true;
            controller.close();
          },
        },
        { highWaterMark: 0 },
      );
      return new Response(body, { headers: { 'content-length': String(200 * 1024 * 1024) } });
    });
    expect((await load()).problems.map((p) => p.message)).toEqual([
      'The file is 200.0 MB; the limit is 100.0 MB. A larger graph can be opened gzip-compressed (.json.gz), up to 300 MB of text.',
    ]);
    expect(pulled).toBe(false);
  });

  it('stops reading a file without Content-Length as soon as it passes the limit', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    let sent = 0;
    serve(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              sent++;
              controller.enqueue(chunk);
            },
          }),
        ),
    );
    expect((await load()).problems.map((p) => p.message)).toEqual([
      'The file is larger than 100 MB, the limit. A larger graph can be opened gzip-compressed (.json.gz), up to 300 MB of text.',
    ]);
    // An endless body: reading stopped a chunk or two after the limit.
    expect(sent).toBeLessThan(105);
  });
});

describe('the corpus itself', () => {
  it('uses every committed file, and commits no big one', () => {
    const names = readdirSync(DIR);
    expect(unusedFiles(names)).toEqual([]);
    for (const n of names) expect(statSync(`${DIR}/${n}`).size).toBeLessThan(100_000);
  });

  it('has a wrong-type case for every field kind, each naming its JSON path', () => {
    const wrong = GRAPH_CASES.filter((c) => c.name.startsWith('wrong-type-'));
    expect(wrong.length).toBeGreaterThan(150);
    for (const c of wrong) {
      expect('refused' in c.outcome && c.outcome.refused[0]?.path).toMatch(/^(data|elements)/);
    }
  });
});

describe('size limits refuse before the work', () => {
  it('refuses 1,000,000 nodes on their count without reading one of them', () => {
    let read = 0;
    const nodes = new Proxy(new Array<unknown>(1_000_000).fill({}), {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) read++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const r = validateGraph({ elements: { nodes, edges: [] } });
    expect(r.problems.map((p) => p.message)).toEqual([
      `The graph has 1,000,000 institutions and 0 agreements; the limits are ${LIMITS.maxNodes.toLocaleString('en')} and ${LIMITS.maxEdges.toLocaleString('en')}.`,
    ]);
    expect(read).toBe(0);
  });

  it('refuses a file of 1,000,000 tiny nodes within seconds', async () => {
    const c = GRAPH_CASES.find((g) => g.name === 'million-nodes.invalid.json');
    if (!c) throw new Error('case missing');
    const file = new File([c.bytes()], c.name);
    const start = performance.now();
    const r = await loadGraphFromFile(file);
    expect(r.graph).toBeNull();
    // Decoding and parsing 26 MB take about half a second here; the count refuses at once.
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});

// ── Where JSON breaks, and where UTF-8 does ────────────────────────────────────────────────────

/** Text near JSON: what JSON.parse sees in files that went wrong. */
const jsonish = fc.string({
  unit: fc.constantFrom(...'{}[]:,"\\ \n\t0123456789-.eEtrufalsn\'x\u0000'.split('')),
  maxLength: 40,
});

describe('findJsonSyntaxError', () => {
  it('finds an error exactly when JSON.parse refuses, at a place inside the text', () => {
    fc.assert(
      fc.property(jsonish, (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        const found = findJsonSyntaxError(text);
        expect(found === null).toBe(parses);
        if (found) {
          expect(found.offset).toBeGreaterThanOrEqual(0);
          expect(found.offset).toBeLessThanOrEqual(text.length);
          expect(found.line).toBe(text.slice(0, found.offset).split('\n').length);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts any JSON, and names the end of any cut-off JSON', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), fc.nat(), (json, cut) => {
        expect(findJsonSyntaxError(json)).toBeNull();
        const prefix = json.slice(0, cut % (json.length + 1));
        let parses = true;
        try {
          JSON.parse(prefix);
        } catch {
          parses = false;
        }
        if (parses) return;
        const found = findJsonSyntaxError(prefix);
        // A cut either ends the text early or leaves a word or number half written.
        expect(found?.reason).toMatch(/ends|is not a JSON value|not written the way|empty/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('firstInvalidUtf8', () => {
  it('agrees with a strict UTF-8 decoder, and all before the byte it names is UTF-8', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const valid = (b: Uint8Array) => {
      try {
        strict.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 12 }),
      fc.string({ unit: 'grapheme' }).map((s) => new TextEncoder().encode(s)),
      fc
        .tuple(fc.string({ unit: 'grapheme' }), fc.uint8Array({ minLength: 1, maxLength: 3 }))
        .map(([s, tail]) => new Uint8Array([...new TextEncoder().encode(s), ...tail])),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        const at = firstInvalidUtf8(b);
        expect(at === -1).toBe(valid(b));
        if (at !== -1) expect(valid(b.subarray(0, at))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

// ── CSV tables ─────────────────────────────────────────────────────────────────────────────────

function expectRowProblems(file: string, actual: RowProblem[], expected: ExpectedRowProblem[]) {
  expect(
    actual.map((p) => ({
      file: p.file,
      row: p.row,
      field: p.field,
      level: p.level,
      repair: p.repair,
    })),
  ).toEqual(
    expected.map((e) => ({
      file,
      row: e.row,
      field: e.column ?? '',
      level: e.level,
      repair: e.repair,
    })),
  );
  expected.forEach((e, i) => {
    const message = actual[i]?.message;
    if (typeof e.message === 'string') expect(message).toBe(e.message);
    else expect(message).toMatch(e.message);
  });
}

describe('CSV tables through the importer: read, guess the columns, check the rows', () => {
  it.each(CSV_CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const table = await readCsvBlob(new Blob([c.bytes()]), c.file);
    expectPlain(table);
    if ('unreadable' in c.outcome) {
      expect(table.fatal).toBe(true);
      expectRowProblems(c.file, table.problems, c.outcome.unreadable);
      return;
    }
    expect(table.fatal).toBe(false);
    const mapping = guessMapping(table.columns);
    for (const [role, header] of Object.entries(c.mapping ?? {}) as [
      keyof typeof mapping.agreements,
      string,
    ][]) {
      const column = table.columns.indexOf(header);
      expect(column, `column ${header}`).toBeGreaterThanOrEqual(0);
      mapping.agreements[role] = column;
    }
    const result = buildImportedGraph({
      agreements: table,
      mapping,
      fileNames: { agreements: c.file },
    });
    expectPlain(result);
    const want = c.outcome.checked;
    expectRowProblems(c.file, result.problems, want.problems);
    expect([result.validRows, result.totalRows]).toEqual([want.validRows, want.totalRows]);
    expect(result.graph === null).toBe(want.validRows === 0);
    if (want.institutions) {
      expect(result.graph?.elements.nodes.map((n) => n.data.label)).toEqual(want.institutions);
    }
    // What the check lets through is a graph the one validator accepts as it stands.
    if (result.graph) expect(validateGraph(result.graph).problems).toEqual([]);
  });
});

// Known gap in the importer (src/data/import/decode.ts, not to be edited here while it is being
// rewritten): a UTF-8 table with one stray non-UTF-8 byte is re-read whole as Windows-1252, so
// every correctly encoded "é" before and after it becomes "Ã©", and the note names row 1 rather
// than the row of the byte. Unskip when the importer keeps the UTF-8 and locates the bad byte.
describe.skip('known importer gap: one stray byte in a UTF-8 table', () => {
  it('keeps the UTF-8 text and names the row of the byte', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(
        'Institution,Partner\nUniversité de Lyon,Universität Wien\nAlpha,B',
      ),
      0xfc,
      ...new TextEncoder().encode('ta\n'),
    ]);
    const table = await readCsvBlob(new Blob([bytes]), 'mixed.csv');
    expect(table.rows[0]).toEqual(['Université de Lyon', 'Universität Wien']);
    expect(table.problems.map((p) => [p.row, p.field, p.level])).toEqual([
      [3, 'Partner', 'warning'],
    ]);
  });
});
