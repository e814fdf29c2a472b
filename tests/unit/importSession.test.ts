// The import worker's protocol, both ways it runs: through a worker (here a stand-in that
// copies every message with structuredClone and runs its own ImportService, with its own copy
// of the modules, as a real worker would) and on the page's thread when no worker can start.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDataset, onDatasetsChanged } from '../../src/data/datasets';
import { buildImportedGraph } from '../../src/data/import/checkRows';
import { GraphAssembler, graphParts, PART_ELEMENTS } from '../../src/data/import/graphParts';
import { ImportService } from '../../src/data/import/importService';
import { ImportSession } from '../../src/data/import/importSession';
import { guessMapping } from '../../src/data/import/mapping';
import type {
  CheckOptions,
  GraphPart,
  ImportReply,
  ImportRequest,
} from '../../src/data/import/protocol';
import { parseCsvText } from '../../src/data/import/parseCsvText';
import type { CheckProgress } from '../../src/data/import/types';
import { LIMITS } from '../../src/data/limits';
import type { GraphData } from '../../src/model';

// ── Data ───────────────────────────────────────────────────────────────────────────────────

const HEADER = 'Institution,Country,Partner,Partner country,Type,Year';

/** `rows` agreements among `rows / 2` universities, every row valid. */
function agreementsCsv(rows: number, bad = 0): string {
  const lines = [HEADER];
  const half = Math.max(2, Math.floor(rows / 2));
  for (let i = 0; i < rows; i++) {
    // Each pair twice, in different years: no row repeats another.
    const a = i % half;
    lines.push(`University ${a},FR,University ${a + 1},France,MoU,${2000 + Math.floor(i / half)}`);
  }
  // Rows without a partner: errors, each listed with its row.
  for (let i = 0; i < bad; i++) lines.push(`Lonely College ${i},FR,,,MoU,2001`);
  return `${lines.join('\n')}\n`;
}

const file = (text: string, name = 'agreements.csv') => new File([text], name);

async function checkOptions(session: ImportSession, text: string): Promise<CheckOptions> {
  const table = await session.readFile(file(text));
  return {
    agreements: table.id,
    institutions: null,
    mapping: guessMapping(table.columns),
    typeMap: {},
    importAnyway: false,
  };
}

/** What the same check gives on this thread, without any session. */
function direct(text: string): GraphData {
  const t = parseCsvText(text, 'agreements.csv');
  const r = buildImportedGraph({
    agreements: t,
    mapping: guessMapping(t.columns),
    fileNames: { agreements: 'agreements.csv' },
  });
  if (!r.graph) throw new Error('nothing imported');
  return r.graph;
}

// ── A worker stand-in ──────────────────────────────────────────────────────────────────────

/** The ImportService of a separate copy of the modules: its datasets module has no listeners. */
let WorkerService: typeof ImportService;

beforeAll(async () => {
  vi.resetModules();
  ({ ImportService: WorkerService } = await import('../../src/data/import/importService'));
});

type Behaviour = 'works' | 'fails-to-load' | 'crashes-later';

class FakeWorker {
  static behaviour: Behaviour = 'works';
  static instances: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<ImportReply>) => void) | null = null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
  readonly received: ImportRequest[] = [];
  terminated = false;
  private readonly service = new WorkerService((reply) => this.reply(reply));

  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.instances.push(this);
    const behaviour = FakeWorker.behaviour;
    setTimeout(() => {
      if (behaviour === 'fails-to-load') this.fail('Refused to load the script (CSP)');
      else this.reply({ kind: 'ready' });
    }, 0);
  }

  postMessage(request: ImportRequest): void {
    if (this.terminated || FakeWorker.behaviour === 'fails-to-load') return;
    const copy = structuredClone(request);
    this.received.push(copy);
    if (FakeWorker.behaviour === 'crashes-later' && copy.kind === 'check') {
      setTimeout(() => this.fail('out of memory'), 0);
      return;
    }
    setTimeout(() => {
      if (!this.terminated) void this.service.handle(copy);
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  private reply(reply: ImportReply): void {
    const copy = structuredClone(reply);
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: copy } as MessageEvent<ImportReply>);
    }, 0);
  }

  private fail(message: string): void {
    if (!this.terminated) this.onerror?.({ message, preventDefault: () => undefined });
  }
}

function installWorker(behaviour: Behaviour = 'works'): void {
  FakeWorker.behaviour = behaviour;
  FakeWorker.instances = [];
  vi.stubGlobal('Worker', FakeWorker);
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

// ── Tests ──────────────────────────────────────────────────────────────────────────────────

describe('graph parts', () => {
  it('splits a graph into parts of at most PART_ELEMENTS and puts it together again', () => {
    const graph = direct(agreementsCsv(7000));
    const parts = [...graphParts(graph)];
    const total = graph.elements.nodes.length + graph.elements.edges.length;
    expect(parts).toHaveLength(Math.ceil(total / PART_ELEMENTS));
    expect(parts.filter((p) => p.data !== undefined)).toHaveLength(1);
    expect(
      parts.every((p) => p.nodes.id.lengths.length + p.edges.id.lengths.length <= PART_ELEMENTS),
    ).toBe(true);
    const assembler = new GraphAssembler();
    for (const [i, part] of parts.entries()) {
      expect(assembler.graph()).toBeNull();
      assembler.add(structuredClone(part));
      expect(assembler.received).toBe(Math.min(total, (i + 1) * PART_ELEMENTS));
    }
    expect(assembler.graph()).toEqual(graph);
  });

  it('sends an empty graph as one part', () => {
    const empty: GraphData = {
      data: { title: 'E', description: '', sources: [] },
      elements: { nodes: [], edges: [] },
    };
    const parts = [...graphParts(empty)];
    expect(parts).toHaveLength(1);
    const a = new GraphAssembler();
    a.add(parts[0] as GraphPart);
    expect(a.graph()).toEqual(empty);
  });
});

describe('ImportService', () => {
  it('sends a commit’s graph one part at a time, each after the page took the last', async () => {
    const replies: ImportReply[] = [];
    const service = new ImportService((r) => replies.push(r));
    const text = agreementsCsv(6000);
    await service.handle({ kind: 'read', id: 1, file: file(text), name: 'agreements.csv' });
    const read = replies.find((r) => r.kind === 'answer' && r.id === 1);
    if (read?.kind !== 'answer' || !read.value || !('columns' in read.value)) throw new Error();
    await service.handle({
      kind: 'check',
      id: 2,
      options: {
        agreements: read.value.id,
        institutions: null,
        mapping: guessMapping(read.value.columns),
        typeMap: {},
        importAnyway: false,
      },
    });
    const checked = replies.find((r) => r.kind === 'answer' && r.id === 2);
    if (checked?.kind !== 'answer' || !checked.value || !('errorCount' in checked.value)) {
      throw new Error();
    }
    const commit = service.handle({
      kind: 'commit',
      id: 3,
      options: {
        imported: { check: checked.value.id },
        merge: false,
        name: 'Parts',
        origin: '',
        save: false,
      },
    });
    const parts = () => replies.filter((r) => r.kind === 'part');
    await new Promise((r) => setTimeout(r, 10));
    expect(parts()).toHaveLength(1);
    const expected = Math.ceil((3000 + 6000) / PART_ELEMENTS);
    for (let n = 2; n <= expected; n++) {
      await service.handle({ kind: 'next', id: 3 });
      expect(parts()).toHaveLength(n);
    }
    await commit;
    expect(replies.at(-1)).toEqual({
      kind: 'answer',
      id: 3,
      value: { ok: true, value: { datasetId: null, saveError: null } },
    });
  });

  it('answers a request for a table it no longer has with a failure, not silence', async () => {
    const replies: ImportReply[] = [];
    const service = new ImportService((r) => replies.push(r));
    await service.handle({ kind: 'values', id: 7, table: 42, column: 0 });
    expect(replies).toEqual([
      { kind: 'failed', id: 7, message: expect.stringMatching(/no longer at hand/) },
    ]);
  });
});

describe.each(['page', 'worker'] as const)('ImportSession (%s)', (mode) => {
  beforeEach(() => {
    if (mode === 'worker') installWorker();
  });

  it('reads a file into a summary: columns, preview, row count, the first problems', async () => {
    const session = new ImportSession();
    const ragged = `${HEADER}\n${Array.from({ length: 300 }, (_, i) => `A${i},FR,B${i}`).join('\n')}\n`;
    const seen: string[] = [];
    const t = await session.readFile(file(ragged), { onProgress: (p) => seen.push(p.phase) });
    expect(session.mode).toBe(mode);
    expect(t).toMatchObject({
      file: 'agreements.csv',
      columns: HEADER.split(','),
      rowCount: 300,
      previewRowNumbers: [2, 3, 4, 5, 6],
      problemCount: 300,
      fatal: false,
    });
    expect(t.preview).toHaveLength(5);
    expect(t.preview[0]).toEqual(['A0', 'FR', 'B0', '', '', '']);
    expect(t.problems).toHaveLength(LIMITS.maxProblemsListed);
    expect(seen).toContain('parsing');
    session.close();
  });

  it('checks rows with progress, keeps the graph, and commits it saved, with its title', async () => {
    const session = new ImportSession();
    const text = agreementsCsv(4000, 250);
    const progress: CheckProgress[] = [];
    const summary = await session.check(await checkOptions(session, text), {
      onProgress: (p) => progress.push(p),
    });
    expect(summary).toMatchObject({
      validRows: 4000,
      totalRows: 4250,
      errorCount: 250,
      problemCount: 250,
      graph: { institutions: 2001, agreements: 4000 },
    });
    expect(summary.problems).toHaveLength(LIMITS.maxProblemsListed);
    expect(summary.problems[0]?.row).toBe(4002);
    expect(progress[0]?.phase).toBe('checking');
    expect(progress.map((p) => p.phase)).toContain('validating');

    const changes = vi.fn();
    const stop = onDatasetsChanged(changes);
    const saved = vi.fn();
    const opening: number[] = [];
    const committed = await session.commit(
      {
        imported: { check: summary.id },
        mergeInto: null,
        name: 'Four thousand',
        origin: 'Imported from agreements.csv',
        save: true,
      },
      {
        onSaved: saved,
        onProgress: (p) => {
          if (p.phase === 'opening') opening.push(p.done);
        },
      },
    );
    stop();
    if (!committed.ok) throw new Error(committed.error);
    const { graph, datasetId, saveError } = committed.value;
    expect(saveError).toBeNull();
    expect(saved).toHaveBeenCalledWith(datasetId);
    const expected = direct(text.split('\n').slice(0, 4001).join('\n'));
    expect(graph).toEqual({ ...expected, data: { ...expected.data, title: 'Four thousand' } });
    expect(opening.at(-1)).toBe(6001);
    // Told once: by the save itself on this thread, by the session after a worker's save.
    expect(changes).toHaveBeenCalledTimes(1);
    const stored = await loadDataset(datasetId ?? '');
    expect(stored.ok && stored.value.graph).toEqual(graph);
    session.close();
  });

  it('merges into a graph sent from the page, and lists cooperation values by column', async () => {
    const session = new ImportSession();
    const base = direct('Institution,Partner\nUniversity 0,Old Partner\n');
    const options = await checkOptions(session, agreementsCsv(10));
    const values = await session.cooperationValues(options.agreements, 4);
    expect(values).toEqual([{ value: 'MoU', key: 'mou', count: 10, match: 'mou' }]);
    const summary = await session.check(options);
    const committed = await session.commit({
      imported: { check: summary.id },
      mergeInto: base,
      name: 'Merged',
      origin: '',
      save: false,
    });
    if (!committed.ok) throw new Error(committed.error);
    const g = committed.value.graph;
    expect(g.data.title).toBe(base.data.title);
    expect(g.elements.nodes.map((n) => n.data.label)).toEqual(
      expect.arrayContaining(['University 0', 'Old Partner', 'University 5']),
    );
    expect(g.elements.nodes.filter((n) => n.data.label === 'University 0')).toHaveLength(1);
    expect(g.elements.edges).toHaveLength(11);
    expect(committed.value.datasetId).toBeNull();
    session.close();
  });

  it('commits a graph the page sends (a graph file), in parts', async () => {
    const session = new ImportSession();
    const graph = direct(agreementsCsv(6000));
    const committed = await session.commit({
      imported: { graph },
      mergeInto: null,
      name: 'From a file',
      origin: '',
      save: false,
    });
    if (!committed.ok) throw new Error(committed.error);
    expect(committed.value.graph).toEqual({
      ...graph,
      data: { ...graph.data, title: 'From a file' },
    });
    session.close();
  });

  it('rejects calls under way with an AbortError when closed', async () => {
    const session = new ImportSession();
    const reading = session.readFile(file(agreementsCsv(50)));
    session.close();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    await expect(session.readFile(file('a,b\n'))).rejects.toMatchObject({ name: 'AbortError' });
    if (mode === 'worker') expect(FakeWorker.instances[0]?.terminated).toBe(true);
  });

  it('rejects an aborted read and forgets its table when the answer comes after all', async () => {
    const session = new ImportSession();
    const controller = new AbortController();
    const reading = session.readFile(file(agreementsCsv(50)), { signal: controller.signal });
    controller.abort();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    const other = await session.readFile(file(agreementsCsv(5)));
    // The abandoned table (id 1) was dropped: asking about it fails.
    expect(other.id).toBe(2);
    await expect(session.cooperationValues(1, 4)).rejects.toThrow(/no longer at hand/);
    if (mode === 'worker') {
      expect(FakeWorker.instances[0]?.received).toContainEqual({ kind: 'drop', table: 1 });
    }
    session.close();
  });
});

describe('ImportSession: where it runs', () => {
  it('starts a module worker from importWorker.ts', async () => {
    installWorker();
    const session = new ImportSession();
    await session.readFile(file(agreementsCsv(3)));
    const worker = FakeWorker.instances[0];
    expect(String(worker?.url)).toMatch(/importWorker\.ts$/);
    expect(worker?.options).toEqual({ type: 'module' });
    session.close();
  });

  it('runs on this thread when told to, or when there is no Worker', async () => {
    installWorker();
    const told = new ImportSession({ worker: false });
    expect(told.mode).toBe('page');
    expect(FakeWorker.instances).toHaveLength(0);
    told.close();
    vi.unstubAllGlobals();
    expect(typeof Worker).toBe('undefined');
    const none = new ImportSession();
    expect(none.mode).toBe('page');
    expect((await none.readFile(file(agreementsCsv(3)))).rowCount).toBe(3);
    none.close();
  });

  it('falls back to this thread when the browser refuses to create the worker', async () => {
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new DOMException('blocked', 'SecurityError');
        }
      },
    );
    const session = new ImportSession();
    expect(session.mode).toBe('page');
    expect((await session.readFile(file(agreementsCsv(3)))).rowCount).toBe(3);
    session.close();
  });

  it('falls back to this thread, with the requests sent so far, when the script fails to load', async () => {
    installWorker('fails-to-load');
    const session = new ImportSession();
    expect(session.mode).toBe('worker');
    // Sent before the failure is known: answered all the same, on this thread.
    const t = await session.readFile(file(agreementsCsv(3)));
    expect(t.rowCount).toBe(3);
    expect(session.mode).toBe('page');
    expect(FakeWorker.instances[0]?.terminated).toBe(true);
    const summary = await session.check({
      agreements: t.id,
      institutions: null,
      mapping: guessMapping(t.columns),
      typeMap: {},
      importAnyway: false,
    });
    expect(summary.validRows).toBe(3);
    session.close();
  });

  it('fails the calls under way, and later ones, when the worker dies', async () => {
    installWorker('crashes-later');
    const session = new ImportSession();
    const options = await checkOptions(session, agreementsCsv(3));
    await expect(session.check(options)).rejects.toThrow(/stopped unexpectedly \(out of memory\)/);
    await expect(session.readFile(file('a,b\n'))).rejects.toThrow(/stopped unexpectedly/);
    session.close();
  });
});
