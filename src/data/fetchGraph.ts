// Getting a graph file's bytes, from a URL (graph=) or a File the user chose: the address
// checked, the size checked before and while reading. No parsing here, so the page can fetch
// while the parser loads, and hand the bytes to a worker (graphLoader.ts).

import type { GraphData, Problem } from '../model';
import { LIMITS } from './limits';

export interface LoadResult {
  graph: GraphData | null;
  problems: Problem[];
}

/** Bytes ready to parse, named as problems will name the file. */
export interface GraphBytes {
  bytes: Uint8Array;
  name: string;
}

export const fail = (file: string, message: string): LoadResult => ({
  graph: null,
  problems: [{ file, message }],
});

/** Accepts relative URLs and absolute http(s) URLs; every other scheme is refused. */
export function checkGraphUrl(raw: string, base: string): { url: URL } | { error: string } {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return { error: `"${raw.slice(0, 100)}" is not a valid URL.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      error: `Only http and https addresses can be loaded, not "${url.protocol.replace(':', '')}:".`,
    };
  }
  return { url };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

const whole = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** How a graph larger than the file limit can still be opened. */
const COMPRESS_HINT = `A larger graph can be opened gzip-compressed (.json.gz), up to ${whole(LIMITS.maxJsonBytes)} of text.`;

function tooBig(bytes: number): string {
  return `The file is ${mb(bytes)}; the limit is ${mb(LIMITS.maxFileBytes)}. ${COMPRESS_HINT}`;
}

const LARGER_THAN_LIMIT = `The file is larger than ${whole(LIMITS.maxFileBytes)}, the limit. ${COMPRESS_HINT}`;
const DECOMPRESSES_PAST_LIMIT = `The file decompresses to more than ${whole(LIMITS.maxJsonBytes)}, the limit for a graph's text.`;
const DAMAGED_GZIP =
  'The file is gzip-compressed, but it could not be decompressed: it is damaged or cut short.';
const NO_GZIP =
  'The file is gzip-compressed, and this browser cannot decompress it. Decompress it first (gunzip), or open it in a current browser.';

/** Whether bytes start as every gzip file does (1F 8B). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Why reading stopped before the end, worded for the user by the caller. */
class ReadStop extends Error {
  constructor(readonly reason: 'connection' | 'file-limit' | 'text-limit' | 'gzip' | 'no-gzip') {
    super(reason);
  }
}

/**
 * Fetches a graph file. `onBytes` hears how much has arrived (and of how much, when the server
 * said). Never throws: an unreachable server, an error status, a broken connection or a file
 * over the limit come back as a problem naming `raw`.
 *
 * A gzip-compressed file (graph.json.gz, known by its first two bytes) is decompressed as it
 * arrives: `onChunk` and the result are the graph's text. Its size limit is then the limit on
 * text (LIMITS.maxJsonBytes), counted as it decompresses; the file as sent stays under
 * LIMITS.maxFileBytes. A response the server compressed itself (Content-Encoding) is the same
 * case, decompressed by the browser.
 */
export async function fetchGraphBytes(
  raw: string,
  base: string,
  onBytes?: (received: number, total: number | null) => void,
  onChunk?: (chunk: Uint8Array, total: number | null) => void,
): Promise<GraphBytes | LoadResult> {
  const checked = checkGraphUrl(raw, base);
  if ('error' in checked) return fail(raw, checked.error);
  const { url } = checked;
  const name = raw;
  let response: Response;
  try {
    response = await fetch(url.href, { credentials: 'omit' });
  } catch {
    return fail(
      name,
      `Could not fetch ${url.href}: the server did not answer, or it does not allow this page to read the file (CORS).`,
    );
  }
  if (!response.ok) {
    return fail(
      name,
      `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${response.status === 404 ? ': no file at this address' : ''}.`,
    );
  }
  const length = Number(response.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(length) && length > LIMITS.maxFileBytes) return fail(name, tooBig(length));
  // A compressed response's length counts compressed bytes: not the size of what is read.
  const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
  const declared = Number.isFinite(length) ? length : null;
  try {
    const bytes = await readBody(response, encoded, declared, onBytes, onChunk);
    return { bytes, name };
  } catch (e) {
    const reason = e instanceof ReadStop ? e.reason : 'connection';
    return fail(name, readStopMessage(reason, url.host));
  }
}

function readStopMessage(reason: ReadStop['reason'], host: string): string {
  switch (reason) {
    case 'connection':
      return `The connection to ${host} broke while the file was being read.`;
    case 'file-limit':
      return LARGER_THAN_LIMIT;
    case 'text-limit':
      return DECOMPRESSES_PAST_LIMIT;
    case 'gzip':
      return DAMAGED_GZIP;
    case 'no-gzip':
      return NO_GZIP;
  }
}

/** A response's body as the graph's text: read as it comes, decompressed if it is gzip. */
async function readBody(
  response: Response,
  encoded: boolean,
  declared: number | null,
  onBytes?: (received: number, total: number | null) => void,
  onChunk?: (chunk: Uint8Array, total: number | null) => void,
): Promise<Uint8Array> {
  const textLimit = encoded ? LIMITS.maxJsonBytes : LIMITS.maxFileBytes;
  if (!response.body) {
    const all = new Uint8Array(await response.arrayBuffer());
    if (all.byteLength > LIMITS.maxFileBytes) throw new ReadStop('file-limit');
    const text = isGzip(all) ? await readAll(gunzip(bytesStream(all)), null) : all;
    onChunk?.(text, null);
    return text;
  }
  // What the server sent, counted: a compressed response's body is already decompressed.
  const sent = countSent(response.body, textLimit, (n) => onBytes?.(n, encoded ? null : declared));
  const head = await peek(sent, 2);
  if (!isGzip(head.first)) {
    // Read as sent; with a declared size, each chunk copied into place as it arrives.
    const total = encoded ? null : declared;
    return readAll(head.stream, total, textLimit, (chunk) => onChunk?.(chunk, total));
  }
  return readAll(gunzip(head.stream), null, LIMITS.maxJsonBytes, (chunk) => onChunk?.(chunk, null));
}

/**
 * The bytes of `body` as they come, counted (`onCount` hears the running total); past `limit`
 * the stream fails. A failure of `body` itself is the connection's.
 */
function countSent(
  body: ReadableStream<Uint8Array>,
  limit: number,
  onCount: (received: number) => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let received = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch {
        throw new ReadStop('connection');
      }
      if (next.done) {
        controller.close();
        return;
      }
      received += next.value.byteLength;
      if (received > limit) {
        await reader.cancel().catch(() => undefined);
        throw new ReadStop(limit === LIMITS.maxFileBytes ? 'file-limit' : 'text-limit');
      }
      onCount(received);
      controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/** The first `n` bytes of a stream (fewer if it is shorter), and the whole stream again. */
async function peek(
  stream: ReadableStream<Uint8Array>,
  n: number,
): Promise<{ first: Uint8Array; stream: ReadableStream<Uint8Array> }> {
  const reader = stream.getReader();
  const early: Uint8Array[] = [];
  let got = 0;
  let done = false;
  while (got < n) {
    const next = await reader.read();
    if (next.done) {
      done = true;
      break;
    }
    early.push(next.value);
    got += next.value.byteLength;
  }
  const first = new Uint8Array(Math.min(n, got));
  let at = 0;
  for (const chunk of early) {
    if (at >= first.length) break;
    const part = chunk.subarray(0, first.length - at);
    first.set(part, at);
    at += part.length;
  }
  const replay = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const chunk = early.shift();
      if (chunk) {
        controller.enqueue(chunk);
        return;
      }
      if (done) {
        controller.close();
        return;
      }
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { first, stream: replay };
}

/** Bytes already in memory as a stream of one chunk. */
function bytesStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** A gzip stream decompressed; a damaged one fails as 'gzip', a missing decompressor too. */
function gunzip(stream: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  if (typeof DecompressionStream === 'undefined') {
    void stream.cancel().catch(() => undefined);
    throw new ReadStop('no-gzip');
  }
  return stream.pipeThrough(
    new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>,
  );
}

/**
 * Reads a stream whole, stopping as soon as it passes `limit`. When the size is known
 * (`declared`), each chunk is copied into place as it arrives, while the page waits for the
 * next: the file is then whole the moment its last chunk is in, instead of being put together
 * after it (a 90 MB file: ~50 ms of copying on the page, between the download and its parse).
 * An error that is not a ReadStop (the decompressor's) is a damaged gzip file.
 */
async function readAll(
  stream: ReadableStream<Uint8Array>,
  declared: number | null,
  limit: number = LIMITS.maxJsonBytes,
  onChunk: (chunk: Uint8Array) => void = () => undefined,
): Promise<Uint8Array> {
  const reader = stream.getReader();
  // Until a chunk does not fit the declared size: then in a list, put together at the end.
  let placed: Uint8Array | null =
    declared !== null && declared > 0 && declared <= limit ? new Uint8Array(declared) : null;
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch (e) {
      throw e instanceof ReadStop ? e : new ReadStop('gzip');
    }
    if (next.done) break;
    const value = next.value;
    if (total + value.byteLength > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ReadStop(limit === LIMITS.maxFileBytes ? 'file-limit' : 'text-limit');
    }
    if (placed && total + value.byteLength <= placed.byteLength) {
      placed.set(value, total);
    } else {
      if (placed) {
        chunks.push(placed.subarray(0, total));
        placed = null;
      }
      chunks.push(value);
    }
    total += value.byteLength;
    onChunk(value);
  }
  if (placed) return total === placed.byteLength ? placed : placed.subarray(0, total);
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** A table compressed as name.csv.gz (or .tsv.gz, .txt.gz): only graph files may be. */
export const isCompressedTable = (name: string): boolean => /\.(csv|tsv|txt)\.gz$/i.test(name);

/**
 * Reads a chosen file, refusing one over the limit before reading it. A gzip-compressed file
 * is decompressed, up to the limit on a graph's text. A compressed table is refused by name:
 * read as a graph it would only be "not valid JSON".
 */
export async function readGraphFile(file: File): Promise<GraphBytes | LoadResult> {
  if (isCompressedTable(file.name)) {
    return fail(
      file.name,
      `This is a compressed table. Tables are read uncompressed: unzip it, then import ${file.name.slice(0, -3)} (Data ▸ Import data…).`,
    );
  }
  if (file.size > LIMITS.maxFileBytes) return fail(file.name, tooBig(file.size));
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return fail(file.name, 'The file could not be read.');
  }
  if (!isGzip(bytes)) return { bytes, name: file.name };
  try {
    return { bytes: await readAll(gunzip(bytesStream(bytes)), null), name: file.name };
  } catch (e) {
    return fail(file.name, readStopMessage(e instanceof ReadStop ? e.reason : 'gzip', ''));
  }
}
