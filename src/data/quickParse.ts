// The short way from a well-formed graph file's bytes to a checked graph: strict UTF-8, then
// JSON.parse, then the one validator. It only tells whether the bytes were UTF-8 JSON; when they
// were not, loadGraph.ts works out what is wrong and where (the bad byte, a syntax error's line,
// column and JSON path), code the page then loads for that broken file alone.

import type { LoadResult } from './fetchGraph';
import { validateGraph } from './validateGraph';

/** A file's bytes as JSON when they are well-formed UTF-8 JSON (a byte-order mark allowed); else null. */
export function quickGraphJson(bytes: Uint8Array): { json: unknown } | null {
  try {
    // The decoder drops a UTF-8 byte-order mark; UTF-16 (its mark, or its zero bytes) never
    // passes both steps, and is read by loadGraph.ts.
    return { json: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown };
  } catch {
    return null;
  }
}

/** A well-formed file checked by the validator; null when it is not UTF-8 JSON. */
export function parseWellFormed(bytes: Uint8Array, file: string): LoadResult | null {
  const parsed = quickGraphJson(bytes);
  return parsed ? validateGraph(parsed.json, { file }) : null;
}
