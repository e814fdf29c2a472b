// The page's side of an import: one session per set of chosen files. The work runs in a module
// worker when the browser can start one, else in an ImportService on this thread (unit tests,
// a content security policy that refuses the worker, old engines) — the same messages either
// way, so both paths run the same code. Closing the session stops the worker.

import type { GraphData } from '../../model';
import { announceDatasetsChanged } from '../datasets';
import type { ValueCount } from './checkRows';
import { GraphAssembler, graphParts } from './graphParts';
import { ImportService } from './importService';
import type { Result } from './mergeGraphs';
import type {
  Answers,
  AnyProgress,
  CallRequest,
  CheckOptions,
  CheckSummary,
  CommitOptions,
  CommitOutcome,
  CommitProgress,
  GraphPart,
  GraphSlot,
  ImportReply,
  ImportRequest,
  NoticeRequest,
  TableId,
  TableSummary,
} from './protocol';
import type { CheckProgress, ParseProgress } from './types';

export interface SessionOptions {
  /** `false` runs the work on this thread even where workers are available. */
  worker?: boolean;
}

export interface CallOptions<P> {
  onProgress?: (progress: P) => void;
  /** Aborting rejects the call with an AbortError; its answer, if it comes, is ignored. */
  signal?: AbortSignal;
}

export interface CommitRequest extends Omit<CommitOptions, 'imported' | 'merge'> {
  /** A check's graph, kept by the worker, or a graph from the page (a graph file). */
  imported: { check: number } | { graph: GraphData };
  /** The graph to merge into, or null for a new dataset. */
  mergeInto: GraphData | null;
}

export interface CommitHooks extends CallOptions<CommitProgress> {
  /** The dataset is stored (told just before the commit resolves). */
  onSaved?: (datasetId: string) => void;
}

export type Committed = CommitOutcome & { graph: GraphData };

function abortError(): DOMException {
  return new DOMException('The import was cancelled.', 'AbortError');
}

// ── Transports ─────────────────────────────────────────────────────────────────────────────

interface Transport {
  readonly mode: 'worker' | 'page';
  send(request: ImportRequest): void;
  close(): void;
}

function pageTransport(receive: (reply: ImportReply) => void): Transport {
  let closed = false;
  const service = new ImportService((reply) => {
    if (!closed) receive(reply);
  });
  return {
    mode: 'page',
    send(request) {
      // Later, as in a worker: the caller finishes what it is doing first.
      setTimeout(() => {
        if (!closed) void service.handle(request);
      }, 0);
    },
    close() {
      closed = true;
    },
  };
}

/**
 * Starts the worker, or returns null when the browser refuses at once. If the script fails to
 * load (a CSP, an old engine), `unavailable` gets the requests sent so far to run elsewhere;
 * if the worker fails later, `lost` is told why.
 */
function workerTransport(
  receive: (reply: ImportReply) => void,
  unavailable: (unanswered: ImportRequest[]) => void,
  lost: (message: string) => void,
): Transport | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  let ready = false;
  // Sent before the worker said it was ready: it may never see them.
  let early: ImportRequest[] = [];
  worker.onmessage = (event: MessageEvent<ImportReply>) => {
    if (event.data.kind === 'ready') {
      ready = true;
      early = [];
      return;
    }
    receive(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    worker.terminate();
    if (!ready) unavailable(early);
    else lost(event.message || 'the import worker stopped');
  };
  return {
    mode: 'worker',
    send(request) {
      if (!ready) early.push(request);
      worker.postMessage(request);
    },
    close() {
      worker.terminate();
    },
  };
}

// ── The session ────────────────────────────────────────────────────────────────────────────

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: (progress: AnyProgress) => void;
  onSaved?: (datasetId: string) => void;
  onPart?: (part: GraphPart) => void;
}

type Body<K extends CallRequest['kind']> = Omit<Extract<CallRequest, { kind: K }>, 'kind' | 'id'>;

/** What each kind of call reports while it runs. */
interface Progresses {
  read: ParseProgress;
  values: never;
  check: CheckProgress;
  upload: never;
  commit: CommitProgress;
}

export class ImportSession {
  private transport: Transport;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;
  private readonly values = new Map<string, Promise<ValueCount[]>>();

  constructor(options: SessionOptions = {}) {
    const receive = (reply: ImportReply) => this.receive(reply);
    const useWorker = options.worker !== false && typeof Worker !== 'undefined';
    this.transport =
      (useWorker &&
        workerTransport(
          receive,
          (unanswered) => {
            this.transport = pageTransport(receive);
            for (const r of unanswered) this.transport.send(r);
          },
          (message) =>
            this.fail(
              new Error(`The import stopped unexpectedly (${message}). Choose the files again.`),
            ),
        )) ||
      pageTransport(receive);
  }

  /** Where the work runs now: in a worker, or on the page's thread. */
  get mode(): 'worker' | 'page' {
    return this.transport.mode;
  }

  /** Reads and parses a CSV file; the rows stay with the session, the page gets a summary. */
  readFile(file: File, options: CallOptions<ParseProgress> = {}): Promise<TableSummary> {
    return this.call('read', { file, name: file.name }, options, (summary) => {
      // Read for nothing (the user chose again meanwhile): the session forgets the table.
      this.notice({ kind: 'drop', table: summary.id });
    });
  }

  /** Distinct values of a column, for mapping cooperation types; asked once per column. */
  cooperationValues(table: TableId, column: number): Promise<ValueCount[]> {
    const key = `${table}:${column}`;
    let values = this.values.get(key);
    if (!values) {
      values = this.call('values', { table, column }, {});
      // A failure is not kept: the next ask tries again.
      values.catch(() => this.values.delete(key));
      this.values.set(key, values);
    }
    return values;
  }

  /** Checks the rows and builds the graph of those that pass; the graph stays with the session. */
  check(options: CheckOptions, call: CallOptions<CheckProgress> = {}): Promise<CheckSummary> {
    return this.call('check', { options }, call);
  }

  /**
   * Merges (if asked), saves (if asked) and brings the finished graph to the page, in parts.
   * `onProgress` reports 'opening' as the parts arrive.
   */
  async commit(request: CommitRequest, hooks: CommitHooks = {}): Promise<Result<Committed>> {
    const { imported, mergeInto, ...rest } = request;
    if ('graph' in imported) await this.upload('imported', imported.graph, hooks.signal);
    if (mergeInto) await this.upload('base', mergeInto, hooks.signal);
    const assembler = new GraphAssembler({ columns: true });
    const answer = await this.call(
      'commit',
      {
        options: {
          ...rest,
          imported: 'graph' in imported ? 'uploaded' : imported,
          merge: mergeInto !== null,
        },
      },
      {
        signal: hooks.signal,
        onProgress: hooks.onProgress,
        onSaved: hooks.onSaved,
        onPart: (part) => {
          assembler.add(part);
          hooks.onProgress?.({
            phase: 'opening',
            done: assembler.received,
            total: assembler.expected,
          });
        },
      },
    );
    if (!answer.ok) return answer;
    const graph = assembler.graph();
    if (!graph) throw new Error('The imported graph did not arrive whole. Try again.');
    return { ok: true, value: { ...answer.value, graph } };
  }

  /** Lets go of a table the page no longer uses. */
  drop(table: TableId): void {
    this.notice({ kind: 'drop', table });
  }

  /** Stops the worker; calls under way reject with an AbortError. */
  close(): void {
    this.transport.close();
    this.fail(abortError());
  }

  // ── Messages ───────────────────────────────────────────────────────────────────────────

  private notice(request: NoticeRequest): void {
    if (!this.failure) this.transport.send(request);
  }

  /**
   * Sends a graph in parts, each once the worker has the last: copying a part takes the page a
   * few milliseconds, and it is idle (and draws) while the worker takes it.
   */
  private async upload(slot: GraphSlot, graph: GraphData, signal?: AbortSignal): Promise<void> {
    for (const part of graphParts(graph)) await this.call('upload', { slot, part }, { signal });
  }

  private call<K extends CallRequest['kind']>(
    kind: K,
    body: Body<K>,
    options: CallOptions<Progresses[K]> & Omit<Pending, 'resolve' | 'reject' | 'onProgress'>,
    abandoned?: (answer: Answers[K]) => void,
  ): Promise<Answers[K]> {
    if (this.failure) return Promise.reject(this.failure);
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError());
    const id = this.nextId++;
    return new Promise<Answers[K]>((resolve, reject) => {
      const settle = () => signal?.removeEventListener('abort', onAbort);
      const onAbort = () => {
        // The worker may still answer: then that answer goes to `abandoned`, or nowhere.
        this.pending.set(id, {
          resolve: (value) => abandoned?.(value as Answers[K]),
          reject: () => undefined,
        });
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: (value) => {
          settle();
          // The answer belongs to this call's kind: the worker answers each id once, in kind.
          resolve(value as Answers[K]);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
        // The worker reports, for each id, the progress of that call's kind.
        onProgress: options.onProgress as ((progress: AnyProgress) => void) | undefined,
        onSaved: options.onSaved,
        onPart: options.onPart,
      });
      this.transport.send({ kind, id, ...body } as Extract<CallRequest, { kind: K }>);
    });
  }

  private receive(reply: ImportReply): void {
    if (reply.kind === 'ready') return;
    // Other parts of the page list datasets; a save in the worker does not reach them itself.
    if (reply.kind === 'saved' && this.transport.mode === 'worker') announceDatasetsChanged();
    const p = this.pending.get(reply.id);
    if (!p) return;
    switch (reply.kind) {
      case 'progress':
        p.onProgress?.(reply.progress);
        return;
      case 'saved':
        p.onSaved?.(reply.datasetId);
        return;
      case 'part':
        p.onPart?.(reply.part);
        // Taken: the worker may send the next.
        this.notice({ kind: 'next', id: reply.id });
        return;
      case 'answer':
        this.pending.delete(reply.id);
        p.resolve(reply.value);
        return;
      case 'failed':
        this.pending.delete(reply.id);
        p.reject(new Error(reply.message));
        return;
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(error);
  }
}
