// Loading a large graph file or a saved dataset in a worker (worker.ts), which decodes, parses
// and checks it and sends the graph back in parts. Loaded by graphLoader.ts only when a file is
// known to be large or a dataset is opened, so the page's first download does not carry it.

import type { Dataset } from '../datasets';
import type { Result } from '../import/mergeGraphs';
import type { GraphBytes, LoadResult } from '../fetchGraph';
import type { GraphAssembler } from '../import/graphParts';
import type { GraphData, Problem } from '../../model';
import { parseOnPage, record, startLoadWorker, type OnLoadProgress } from './graphLoader';
import type { DatasetFields, GraphLoadReply, GraphLoadRequest } from './protocol';

interface WorkerOutcome {
  graph: GraphData | null;
  problems: Problem[];
  dataset: DatasetFields | null;
}

interface ReadyWorker {
  worker: Worker;
  /** Puts the graph the worker sends in parts together (loaded with the worker: only worker
   * loads need it). */
  Assembler: typeof GraphAssembler;
}

/**
 * A worker started and ready for work, with the code that assembles its answer; null where no
 * worker can start (or that code cannot be loaded): the caller then does the work here.
 * `started`: a worker already on its way (startLoadWorker), else one starts now.
 */
async function startWorker(
  started: Promise<Worker | null> = startLoadWorker(),
): Promise<ReadyWorker | null> {
  const assembler = import('../import/graphParts').then(
    (m) => m.GraphAssembler,
    () => null,
  );
  const worker = await started;
  const Assembler = await assembler;
  if (!worker || !Assembler) {
    worker?.terminate();
    return null;
  }
  return { worker, Assembler };
}

/** Hears a ready worker's answer and puts the graph it sends together. */
function listen(
  { worker, Assembler }: ReadyWorker,
  name: string,
  onProgress: OnLoadProgress,
): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    const assembler = new Assembler({ columns: true });
    let total = 0;
    const finish = (outcome: WorkerOutcome) => {
      worker.terminate();
      resolve(outcome);
    };
    worker.onmessage = (event: MessageEvent<GraphLoadReply>) => {
      const reply = event.data;
      switch (reply.kind) {
        case 'checking':
          // Marks for profiling a load (DevTools, the benchmark's probes): bytes in, worker
          // started, file parsed, graph checked and received.
          performance.mark('atlas:parsed');
          total = reply.total;
          onProgress({ phase: 'checking', fraction: 0 });
          break;
        case 'part':
          assembler.add(reply.part);
          onProgress({ phase: 'checking', fraction: total ? assembler.received / total : 1 });
          break;
        case 'done':
          performance.mark('atlas:received');
          finish({ graph: assembler.graph(), problems: [], dataset: reply.dataset });
          break;
        case 'failed':
          finish({ graph: null, problems: reply.problems, dataset: null });
          break;
        case 'ready':
          break;
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({
        graph: null,
        problems: [
          {
            file: name,
            message:
              'The graph could not be read: the browser stopped the reading (too little memory for a file this large?).',
          },
        ],
        dataset: null,
      });
    };
  });
}

/** Sends one request to a ready worker and puts the graph it answers with together. */
function runInWorker(
  ready: ReadyWorker,
  request: GraphLoadRequest,
  transfer: Transferable[],
  name: string,
  onProgress: OnLoadProgress,
): Promise<WorkerOutcome> {
  const outcome = listen(ready, name, onProgress);
  ready.worker.postMessage(request, transfer);
  return outcome;
}

/** A download at least this fast is parsed whole once it is in (bytes per millisecond). */
const STREAM_BELOW_BYTES_PER_MS = 80_000;
/** How much of a download is timed before choosing. */
const DECIDE_BYTES = 4 * 1024 * 1024;

/**
 * Starts the worker for a large file while it downloads, and when the download is slow enough
 * that the worker would otherwise wait, sends it the chunks as they arrive, to be decoded and
 * parsed as they come (jsonStream.ts). Over a 400 Mbit/s line a 90 MB file's graph is then
 * ready about 0.6 s sooner. A file that arrives faster than the worker parses (from a disk
 * cache, or a server on the same machine) is sent whole once it is in: on a two-core machine,
 * parsing during such a download only slowed it down. Chunks are copied, not transferred: if no
 * worker can start, the page still has the whole file.
 */
export class DownloadParse {
  private readonly ready: Promise<ReadyWorker | null>;
  private worker: ReadyWorker | null = null;
  private outcome: Promise<WorkerOutcome> | null = null;
  private waiting: Uint8Array[] = [];
  private received = 0;
  private firstAt = 0;
  /** Whether the file goes to the worker as it arrives; null until the first DECIDE_BYTES. */
  private streamed: boolean | null = null;

  /** Made once a download is known to be a large file, with its worker already starting. */
  constructor(
    private readonly name: string,
    private readonly onProgress: OnLoadProgress,
    started: Promise<Worker | null>,
  ) {
    this.ready = startWorker(started).then((ready) => {
      this.worker = ready;
      this.beginStream();
      return ready;
    });
  }

  /** A chunk of the download, which arrived at `now` (it may be passed on late). */
  chunk(bytes: Uint8Array, now = performance.now()): void {
    if (this.received === 0) this.firstAt = now;
    this.received += bytes.byteLength;
    if (this.streamed === true && this.outcome) {
      this.post({ kind: 'chunk', bytes });
      return;
    }
    if (this.streamed !== false) this.waiting.push(bytes);
    if (this.streamed === null && this.received >= DECIDE_BYTES) {
      const rate = this.received / Math.max(1, now - this.firstAt);
      this.streamed = rate < STREAM_BELOW_BYTES_PER_MS;
      if (!this.streamed) this.waiting = [];
      this.beginStream();
    }
  }

  private post(request: GraphLoadRequest): void {
    this.worker?.worker.postMessage(request);
  }

  private beginStream(): void {
    if (this.streamed !== true || !this.worker || this.outcome) return;
    this.outcome = listen(this.worker, this.name, this.onProgress);
    this.post({ kind: 'stream', name: this.name });
    for (const bytes of this.waiting) this.post({ kind: 'chunk', bytes });
    this.waiting = [];
  }

  /** The file is in: parsed by the worker (streamed or whole), or on the page if none started. */
  async finish(read: GraphBytes): Promise<LoadResult> {
    // The whole file is in. A stream that has not begun (its worker still starting) is not
    // begun later with the chunks dropped here: the worker gets the file whole instead.
    if (!this.outcome) this.streamed = false;
    this.waiting = [];
    this.onProgress({ phase: 'checking', fraction: null });
    performance.mark('atlas:bytes');
    const ready = await this.ready;
    if (!ready) return parseOnPage(read);
    if (!this.outcome) return parseInWorker(ready, read, this.onProgress);
    performance.mark('atlas:worker');
    record({ parsedIn: 'worker', bytes: this.received, streamed: true });
    this.post({ kind: 'end' });
    const outcome = await this.outcome;
    return { graph: outcome.graph, problems: outcome.problems };
  }

  /** The download failed: the worker has nothing to do. */
  cancel(): void {
    this.waiting = [];
    void this.ready.then((ready) => ready?.worker.terminate());
  }
}

/** A large file's bytes parsed in a worker; on the page where none starts. */
export async function parseLarge(
  read: GraphBytes,
  onProgress: OnLoadProgress,
): Promise<LoadResult> {
  const ready = await startWorker();
  return ready ? parseInWorker(ready, read, onProgress) : parseOnPage(read);
}

/** A whole file's bytes parsed by a ready worker. */
async function parseInWorker(
  ready: ReadyWorker,
  read: GraphBytes,
  onProgress: OnLoadProgress,
): Promise<LoadResult> {
  performance.mark('atlas:worker');
  record({ parsedIn: 'worker', bytes: read.bytes.byteLength });
  const { buffer, byteOffset, byteLength } = read.bytes;
  const outcome = await runInWorker(
    ready,
    { kind: 'parse', buffer: buffer as ArrayBuffer, byteOffset, byteLength, name: read.name },
    [buffer],
    read.name,
    onProgress,
  );
  return { graph: outcome.graph, problems: outcome.problems };
}

/** Opens a saved dataset in a worker (read and validated there); null where none starts. */
export async function openInWorker(
  id: string,
  onProgress: OnLoadProgress,
): Promise<Result<Dataset> | null> {
  const ready = await startWorker();
  if (!ready) return null;
  const outcome = await runInWorker(ready, { kind: 'dataset', id }, [], id, onProgress);
  if (!outcome.graph || !outcome.dataset) {
    return { ok: false, error: outcome.problems[0]?.message ?? 'The dataset could not be opened.' };
  }
  return { ok: true, value: { ...outcome.dataset, graph: outcome.graph } };
}
