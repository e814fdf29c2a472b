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

function tooBig(bytes: number): string {
  return `The file is ${mb(bytes)}; the limit is ${mb(LIMITS.maxFileBytes)}.`;
}

/**
 * Fetches a graph file. `onBytes` hears how much has arrived (and of how much, when the server
 * said). Never throws: an unreachable server, an error status, a broken connection or a file
 * over the limit come back as a problem naming `raw`.
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
  let bytes: Uint8Array | null;
  try {
    // A compressed response's length counts compressed bytes: no total to show then.
    const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
    const total = Number.isFinite(length) && !encoded ? length : null;
    bytes = await readLimited(
      response,
      (n) => onBytes?.(n, total),
      (chunk) => onChunk?.(chunk, total),
      total,
    );
  } catch {
    return fail(name, `The connection to ${url.host} broke while the file was being read.`);
  }
  if (bytes === null)
    return fail(
      name,
      `The file is larger than ${LIMITS.maxFileBytes / 1024 / 1024} MB, the limit.`,
    );
  return { bytes, name };
}

/**
 * Reads a response body, stopping as soon as it passes the size limit. When the server said the
 * size (`declared`), each chunk is copied into place as it arrives, while the page waits for the
 * next: the file is then whole the moment its last chunk is in, instead of being put together
 * after it (a 90 MB file: ~50 ms of copying on the page, between the download and its parse).
 */
async function readLimited(
  response: Response,
  onBytes: (received: number) => void,
  onChunk: (chunk: Uint8Array) => void,
  declared: number | null = null,
): Promise<Uint8Array | null> {
  if (!response.body) {
    const whole = new Uint8Array(await response.arrayBuffer());
    if (whole.byteLength > LIMITS.maxFileBytes) return null;
    onChunk(whole);
    return whole;
  }
  const reader = response.body.getReader();
  // Until a chunk does not fit the declared size: then in a list, put together at the end.
  let placed: Uint8Array | null =
    declared !== null && declared > 0 && declared <= LIMITS.maxFileBytes
      ? new Uint8Array(declared)
      : null;
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.byteLength > LIMITS.maxFileBytes) {
      await reader.cancel();
      return null;
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
    onBytes(total);
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

/** Reads a chosen file, refusing one over the limit before reading it. */
export async function readGraphFile(file: File): Promise<GraphBytes | LoadResult> {
  if (file.size > LIMITS.maxFileBytes) return fail(file.name, tooBig(file.size));
  try {
    return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
  } catch {
    return fail(file.name, 'The file could not be read.');
  }
}
