// The page's side of loading a graph. The page fetches (or reads) the file's bytes, which costs it
// nothing while it waits; decoding, JSON parsing and validating a large file would freeze it for
// seconds, so past PAGE_PARSE_BYTES that runs in a worker, which sends the checked graph back in
// parts. Small files (the bundled graph) are parsed here: quicker than starting a worker. Saved
// datasets are opened in the worker too (read from IndexedDB and validated there). Where no
// worker can start (a CSP that refuses it, unit tests), everything runs here: the same code.

import type { Dataset } from '../datasets';
import type { Result } from '../import/mergeGraphs';
import { fetchGraphBytes, readGraphFile, type GraphBytes, type LoadResult } from '../fetchGraph';
import type { GraphAssembler } from '../import/graphParts';
import type { GraphData, Problem } from '../../model';
import type { DatasetFields, GraphLoadReply, GraphLoadRequest } from './protocol';

/** The graph shipped beside index.html, shown when the address names no other. */
export const BUNDLED_GRAPH = './graph.json';

/** Files up to this size are parsed on the page; larger ones in a worker. */
export const PAGE_PARSE_BYTES = 1024 * 1024;

export type LoadPhase = 'reading' | 'checking';

/** Where a load has got to; `fraction` is null when the total is not known. */
export interface LoadProgress {
  phase: LoadPhase;
  fraction: number | null;
}

export type OnLoadProgress = (progress: LoadProgress) => void;

/** How the last graph was parsed, for the benchmark and the browser tests. */
export interface LoadInfo {
  parsedIn: 'page' | 'worker';
  bytes: number | null;
}

function record(info: LoadInfo): void {
  if (typeof window === 'undefined') return;
  (window as unknown as { __atlasLoad?: LoadInfo }).__atlasLoad = info;
}

async function parseOnPage(read: GraphBytes): Promise<LoadResult> {
  const { parseGraphBytes } = await import('../loadGraph');
  record({ parsedIn: 'page', bytes: read.bytes.byteLength });
  return parseGraphBytes(read.bytes, read.name);
}

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
 */
async function startWorker(): Promise<ReadyWorker | null> {
  const assembler = import('../import/graphParts').then(
    (m) => m.GraphAssembler,
    () => null,
  );
  const worker = await workerReady();
  const Assembler = await assembler;
  if (!worker || !Assembler) {
    worker?.terminate();
    return null;
  }
  return { worker, Assembler };
}

function workerReady(): Promise<Worker | null> {
  let worker: Worker;
  if (typeof Worker === 'undefined') return Promise.resolve(null);
  try {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<GraphLoadReply>) => {
      if (event.data.kind === 'ready') resolve(worker);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(null);
    };
  });
}

/** Sends one request to a ready worker and puts the graph it answers with together. */
function runInWorker(
  { worker, Assembler }: ReadyWorker,
  request: GraphLoadRequest,
  transfer: Transferable[],
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
    worker.postMessage(request, transfer);
  });
}

/** Parses bytes: on the page when small, else in a worker (on the page where none starts). */
export async function parseGraph(
  read: GraphBytes,
  onProgress: OnLoadProgress,
): Promise<LoadResult> {
  if (read.bytes.byteLength <= PAGE_PARSE_BYTES) return parseOnPage(read);
  onProgress({ phase: 'checking', fraction: null });
  performance.mark('atlas:bytes');
  const ready = await startWorker();
  if (!ready) return parseOnPage(read);
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

const reading =
  (onProgress: OnLoadProgress) =>
  (received: number, total: number | null): void =>
    onProgress({ phase: 'reading', fraction: total ? Math.min(1, received / total) : null });

/** Loads the graph file at `raw` (relative to `base`): fetch, then parseGraph. */
export async function loadGraphFromUrl(
  raw: string,
  base: string,
  onProgress: OnLoadProgress = () => undefined,
): Promise<LoadResult> {
  onProgress({ phase: 'reading', fraction: null });
  const onBytes = reading(onProgress);
  const fetching = fetchGraphBytes(raw, base, onBytes);
  // A small file is parsed here: fetch the parser's code meanwhile.
  import('../loadGraph').catch(() => undefined);
  const read = await fetching;
  return 'bytes' in read ? parseGraph(read, onProgress) : read;
}

/** Loads a graph file the user chose or dropped. */
export async function loadGraphFromFile(
  file: File,
  onProgress: OnLoadProgress = () => undefined,
): Promise<LoadResult> {
  onProgress({ phase: 'reading', fraction: null });
  const read = await readGraphFile(file);
  return 'bytes' in read ? parseGraph(read, onProgress) : read;
}

/** Opens a saved dataset: read and validated in a worker (on the page where none starts). */
export async function openSavedDataset(
  id: string,
  onProgress: OnLoadProgress = () => undefined,
): Promise<Result<Dataset>> {
  onProgress({ phase: 'checking', fraction: null });
  const ready = await startWorker();
  if (!ready) {
    const { loadDataset } = await import('../datasets');
    return loadDataset(id);
  }
  const outcome = await runInWorker(ready, { kind: 'dataset', id }, [], id, onProgress);
  if (!outcome.graph || !outcome.dataset) {
    return { ok: false, error: outcome.problems[0]?.message ?? 'The dataset could not be opened.' };
  }
  return { ok: true, value: { ...outcome.dataset, graph: outcome.graph } };
}
