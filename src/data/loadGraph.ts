// Loading a graph file from a URL or a File: size checked before reading, JSON parse errors
// located, then the one validator. Never throws; failures come back as problems.

import type { GraphData, Problem } from '../model';
import { LIMITS } from './limits';
import { validateGraph } from './validateGraph';

export interface LoadResult {
  graph: GraphData | null;
  problems: Problem[];
}

const fail = (file: string, message: string): LoadResult => ({
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

function tooBig(bytes: number): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `The file is ${mb(bytes)}; the limit is ${mb(LIMITS.maxFileBytes)}.`;
}

export function parseGraphText(text: string, file: string): LoadResult {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(clean);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const trimmed = clean.trimStart();
    const hint = trimmed.startsWith('<')
      ? ' It looks like HTML, not a graph file: is the address right?'
      : clean.length === 0
        ? ' The file is empty.'
        : '';
    return fail(file, `Not valid JSON: ${detail}.${hint}`);
  }
  return validateGraph(json, { file });
}

export async function loadGraphFromUrl(raw: string, base: string): Promise<LoadResult> {
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
  const text = await readLimited(response);
  if (text === null)
    return fail(
      name,
      `The file is larger than ${LIMITS.maxFileBytes / 1024 / 1024} MB, the limit.`,
    );
  return parseGraphText(text, name);
}

/** Reads a response body, stopping as soon as it passes the size limit. */
async function readLimited(response: Response): Promise<string | null> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let total = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > LIMITS.maxFileBytes) {
      await reader.cancel();
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

export async function loadGraphFromFile(file: File): Promise<LoadResult> {
  if (file.size > LIMITS.maxFileBytes) return fail(file.name, tooBig(file.size));
  try {
    return parseGraphText(await file.text(), file.name);
  } catch {
    return fail(file.name, 'The file could not be read.');
  }
}
