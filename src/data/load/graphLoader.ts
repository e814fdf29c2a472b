// The page's side of loading a graph. The page fetches (or reads) the file's bytes, which costs it
// nothing while it waits; decoding, JSON parsing and validating a large file would freeze it for
// seconds, so past PAGE_PARSE_BYTES that runs in a worker, which sends the checked graph back in
// parts. Small files (the bundled graph) are parsed here: quicker than starting a worker. Saved
// datasets are opened in the worker too (read from IndexedDB and validated there). Where no
// worker can start (a CSP that refuses it, unit tests), everything runs here: the same code.
// The page's side of the worker (workerLoad.ts) and the finder of JSON syntax errors
// (loadGraph.ts) are chunks of their own, fetched only by the loads that need them.

import type { Dataset } from '../datasets';
import type { Result } from '../import/mergeGraphs';
import {
  fail,
  fetchGraphBytes,
  readGraphFile,
  type GraphBytes,
  type LoadResult,
} from '../fetchGraph';
import type { GraphLoadReply } from './protocol';
import type { DownloadParse } from './workerLoad';

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
  /** Parsed chunk by chunk while it downloaded. */
  streamed?: boolean;
}

export function record(info: LoadInfo): void {
  if (typeof window === 'undefined') return;
  (window as unknown as { __atlasLoad?: LoadInfo }).__atlasLoad = info;
}

/**
 * Parses and checks bytes here; the code that says where a broken file breaks loads only for
 * one. If that code cannot be fetched (the connection dropped), the file's load fails with a
 * message saying so, instead of never ending.
 */
export async function parseOnPage(read: GraphBytes): Promise<LoadResult> {
  const { bytes, name } = read;
  try {
    const { parseWellFormed } = await import('../quickParse');
    record({ parsedIn: 'page', bytes: bytes.byteLength });
    const result =
      parseWellFormed(bytes, name) ?? (await import('../loadGraph')).parseGraphBytes(bytes, name);
    // As a worker's load marks its graph received (workerLoad.ts): parsed and checked here.
    if (result.graph) performance.mark('atlas:received');
    return result;
  } catch {
    return fail(
      name,
      'The code that reads graph files could not be fetched: is the connection down? Reload the page to try again.',
    );
  }
}

/**
 * Starts the graph-loading worker; resolves with it once its code has loaded and it says it is
 * ready, or null where no worker can start. Here rather than in workerLoad.ts, so that a large
 * download's worker starts while that code is still being fetched.
 */
export function startLoadWorker(): Promise<Worker | null> {
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

/** The worker's side of loading (workerLoad.ts); null if its code could not be fetched. */
const workerLoad = () => import('./workerLoad').catch(() => null);

/** Parses bytes: on the page when small, else in a worker (on the page where none starts). */
export async function parseGraph(
  read: GraphBytes,
  onProgress: OnLoadProgress,
): Promise<LoadResult> {
  if (read.bytes.byteLength <= PAGE_PARSE_BYTES) return parseOnPage(read);
  onProgress({ phase: 'checking', fraction: null });
  performance.mark('atlas:bytes');
  const large = await workerLoad();
  return large ? large.parseLarge(read, onProgress) : parseOnPage(read);
}

/**
 * Watches a download for a large file. Once it is known to be one (its length, or what has
 * arrived), the worker's side is fetched and a DownloadParse takes the chunks: those that came
 * meanwhile with the times they arrived, so that it judges the line's speed as if it had been
 * there from the start.
 */
class DownloadWatch {
  private parse: Promise<DownloadParse | null> | null = null;
  private taker: DownloadParse | null = null;
  private early: { bytes: Uint8Array; at: number }[] = [];
  private received = 0;

  constructor(
    private readonly name: string,
    private readonly onProgress: OnLoadProgress,
  ) {}

  chunk(bytes: Uint8Array, total: number | null): void {
    if (this.taker) {
      this.taker.chunk(bytes);
      return;
    }
    this.received += bytes.byteLength;
    this.early.push({ bytes, at: performance.now() });
    if (!this.parse && (total ?? this.received) > PAGE_PARSE_BYTES) {
      const started = startLoadWorker();
      this.parse = workerLoad().then((large) => {
        if (!large) {
          void started.then((worker) => worker?.terminate());
          return null;
        }
        const taker = new large.DownloadParse(this.name, this.onProgress, started);
        for (const c of this.early) taker.chunk(c.bytes, c.at);
        this.early = [];
        return (this.taker = taker);
      });
    }
  }

  /** The file is in: parsed by the worker (streamed or whole), or on the page when small. */
  async finish(read: GraphBytes): Promise<LoadResult> {
    this.early = [];
    const taker = await this.parse;
    return taker ? taker.finish(read) : parseGraph(read, this.onProgress);
  }

  /** The download failed: nothing to parse. */
  cancel(): void {
    this.early = [];
    void this.parse?.then((taker) => taker?.cancel());
  }
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
  const parse = new DownloadWatch(raw, onProgress);
  const fetching = fetchGraphBytes(raw, base, onBytes, (chunk, total) => parse.chunk(chunk, total));
  // A small file is parsed here: fetch the parser's code meanwhile.
  import('../quickParse').catch(() => undefined);
  const read = await fetching;
  if (!('bytes' in read)) {
    parse.cancel();
    return read;
  }
  return parse.finish(read);
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
  const opened = await (await workerLoad())?.openInWorker(id, onProgress);
  if (opened) return opened;
  const { loadDataset } = await import('../datasets');
  return loadDataset(id);
}
