// Parsing a graph file: bytes decoded (UTF-8, or UTF-16), JSON syntax errors located by line,
// column and JSON path, then the one validator. Never throws; failures come back as problems.
// Runs in the graph-loading worker; on the page (load/graphLoader.ts), a small file comes here
// only when quickParse.ts found it was not well-formed UTF-8 JSON.

import type { Problem } from '../model';
import type { LoadResult } from './fetchGraph';
import { quickGraphJson } from './quickParse';
import { validateGraph } from './validateGraph';

export { checkGraphUrl, type LoadResult } from './fetchGraph';

// ── Bytes to text ──────────────────────────────────────────────────────────────────────────
// JSON is UTF-8 (RFC 8259). Editors on Windows also save UTF-16, with a byte-order mark or
// recognisable by the zero bytes of its first characters (JSON starts with ASCII): that is read
// losslessly. Anything else that is not UTF-8 is refused with the place of the first bad byte,
// never silently turned into replacement characters.

/** Line and column (both from 1) of a character offset in text. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte: how many continuation bytes follow, and the range of the first of them
    // (narrower after E0, ED, F0 and F4, which excludes overlong forms and surrogates).
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

type Utf16 = 'utf-16le' | 'utf-16be';

/** Whether a file's first bytes show UTF-16 (a byte-order mark, or the zeros of ASCII). */
export function isUtf16(bytes: Uint8Array): boolean {
  return utf16Of(bytes) !== null;
}

function utf16Of(bytes: Uint8Array): Utf16 | null {
  const [b0, b1] = bytes;
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  if (bytes.length < 4) return null;
  // RFC 4627's rule: the first two characters are ASCII, so their zero bytes tell the order.
  const zero = [0, 1, 2, 3].map((k) => bytes[k] === 0);
  if (!zero[0] && zero[1] && !zero[2] && zero[3]) return 'utf-16le';
  if (zero[0] && !zero[1] && zero[2] && !zero[3]) return 'utf-16be';
  return null;
}

/** A graph file's bytes as text, or why they are not text. A byte-order mark is dropped. */
export function decodeGraphBytes(bytes: Uint8Array): { text: string } | { error: string } {
  const utf16 = utf16Of(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes) };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes));
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
    const { line, column } = lineAndColumn(before, before.length);
    const hex = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return {
      error: `The file is not UTF-8 text: byte ${(at + 1).toLocaleString('en')} (line ${line}, column ${column}) is 0x${hex}, which cannot occur there in UTF-8. Is it a graph file? If so, save it as UTF-8.`,
    };
  }
}

// ── Where JSON breaks ──────────────────────────────────────────────────────────────────────
// JSON.parse says little about where it failed, and says it differently in every engine (V8
// names a position for some errors and quotes a snippet for others). When it fails, this
// scanner walks the text again to find the first error, its line and column, and the JSON path
// of the value it is in. It keeps its own stack, so no nesting depth can overflow the call stack.

export interface JsonSyntaxError {
  /** Character offset of the error. */
  offset: number;
  line: number;
  column: number;
  /** JSON path of the value being read, such as `elements.nodes[3].data`; '' at the top. */
  path: string;
  reason: string;
}

type Frame = { kind: 'object'; key: string | null } | { kind: 'array'; index: number };
/** What the scanner expects next; `item` is a value after a comma in a list. */
type Want =
  'value' | 'item' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

/** Deeper than any graph file goes; past it the scanner stops rather than grow without end. */
const MAX_SCAN_DEPTH = 1000;

const WS = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** What a writer may have meant as a number: compared with NUMBER to find a malformed one. */
const NUMBERISH = /-?[\d.eE+-]*/y;
const WORD = /[A-Za-z_$][\w$]*/y;
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in text: this finds them.
const PLAIN_TEXT = /[^"\\\u0000-\u001f]*/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;
/** The start of an escape, cut off by the end of the text. */
const CUT_ESCAPE = /^\\(?:u[0-9a-fA-F]{0,3})?$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function pathOf(stack: readonly Frame[]): string {
  let path = '';
  for (const f of stack) {
    if (f.kind === 'array') path += `[${f.index}]`;
    else if (f.key !== null) {
      path += IDENTIFIER.test(f.key) ? `${path ? '.' : ''}${f.key}` : `[${JSON.stringify(f.key)}]`;
    }
  }
  // Nesting can be deep in hostile files; the start of the path is what locates it.
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

function showChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xfeff) {
    return `the invisible character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `"${ch}"`;
}

/** The first syntax error in text, or null when the text is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const stack: Frame[] = [];
  let want: Want = 'value';
  let i = 0;
  const broken = (offset: number, reason: string): JsonSyntaxError => ({
    offset,
    ...lineAndColumn(text, offset),
    path: pathOf(stack),
    reason,
  });
  const at = (re: RegExp, from: number): number => {
    re.lastIndex = from;
    return re.test(text) ? re.lastIndex : -1;
  };
  /** End of the string starting at `from` (a quote), or the error in it. */
  const scanString = (from: number): number | JsonSyntaxError => {
    let j = from + 1;
    for (;;) {
      j = at(PLAIN_TEXT, j);
      if (j >= text.length) return broken(j, 'the file ends inside a text value: was it cut off?');
      const ch = text[j] ?? '';
      if (ch === '"') return j + 1;
      if (ch === '\\') {
        const end = at(ESCAPE, j);
        if (end === -1 && CUT_ESCAPE.test(text.slice(j))) {
          return broken(text.length, 'the file ends inside a text value: was it cut off?');
        }
        if (end === -1) {
          return broken(
            j,
            `${text.slice(j, j + 2)} is not an escape JSON knows (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`,
          );
        }
        j = end;
        continue;
      }
      const what = ch === '\n' ? 'a line break' : ch === '\t' ? 'a tab' : showChar(ch);
      return broken(j, `${what} inside a text value must be written as an escape such as \\n`);
    }
  };
  /** What may follow a complete value. */
  const afterValue = (): Want => (stack.length === 0 ? 'end' : 'comma-or-close');

  for (;;) {
    i = at(WS, i);
    if (i >= text.length) {
      if (want === 'end') return null;
      return broken(
        i,
        text.trim() === ''
          ? 'the file is empty'
          : 'the file ends before the JSON is complete: was it cut off?',
      );
    }
    const ch = text[i] ?? '';
    const top = stack[stack.length - 1];
    if (want === 'end') return broken(i, `${showChar(ch)} follows the end of the JSON value`);
    if (want === 'colon') {
      if (ch !== ':') return broken(i, `expected ":" after the key, found ${showChar(ch)}`);
      i++;
      want = 'value';
      continue;
    }
    if (want === 'comma-or-close') {
      const close = top?.kind === 'object' ? '}' : ']';
      if (ch === ',') {
        i++;
        if (top?.kind === 'array') {
          top.index++;
          want = 'item';
        } else {
          // Between entries the error is in the object, not in the entry before.
          if (top) top.key = null;
          want = 'key';
        }
        continue;
      }
      if (ch === close) {
        stack.pop();
        i++;
        want = afterValue();
        continue;
      }
      return broken(i, `expected "," or "${close}", found ${showChar(ch)}`);
    }
    if (want === 'key' || want === 'key-or-close') {
      if (ch === '}' && want === 'key-or-close') {
        stack.pop();
        i++;
        want = afterValue();
        continue;
      }
      if (ch === '"') {
        const end = scanString(i);
        if (typeof end !== 'number') return end;
        if (top?.kind === 'object') top.key = JSON.parse(text.slice(i, end)) as string;
        i = end;
        want = 'colon';
        continue;
      }
      if (ch === '}') return broken(i, 'a comma before "}": JSON allows none after the last entry');
      return broken(
        i,
        ch === "'"
          ? 'keys must be in double quotes, not single quotes'
          : `expected a key in double quotes, found ${showChar(ch)}`,
      );
    }
    // want is 'value', 'item' or 'value-or-close'
    if (ch === ']' && want === 'value-or-close') {
      stack.pop();
      i++;
      want = afterValue();
      continue;
    }
    if (ch === '{' || ch === '[') {
      if (stack.length >= MAX_SCAN_DEPTH) {
        return broken(i, `the JSON is nested more than ${MAX_SCAN_DEPTH} levels deep here`);
      }
      stack.push(ch === '{' ? { kind: 'object', key: null } : { kind: 'array', index: 0 });
      want = ch === '{' ? 'key-or-close' : 'value-or-close';
      i++;
      continue;
    }
    if (ch === '"') {
      const end = scanString(i);
      if (typeof end !== 'number') return end;
      i = end;
      want = afterValue();
      continue;
    }
    if (ch === '-' || (ch >= '0' && ch <= '9')) {
      const end = at(NUMBER, i);
      const loose = at(NUMBERISH, i);
      if (end === -1 || loose > end) {
        return broken(
          i,
          `the number ${quotedWord(text.slice(i, Math.max(end, loose)))} is not written the way JSON allows`,
        );
      }
      i = end;
      want = afterValue();
      continue;
    }
    const word = at(WORD, i);
    if (word !== -1) {
      const w = text.slice(i, word);
      if (w === 'true' || w === 'false' || w === 'null') {
        i = word;
        want = afterValue();
        continue;
      }
      return broken(
        i,
        `${quotedWord(w)} is not a JSON value: text must be in double quotes, and only true, false and null are allowed bare`,
      );
    }
    if (ch === ']' && want === 'item') {
      return broken(i, 'a comma before "]": JSON allows none after the last item');
    }
    if (ch === "'") return broken(i, 'text must be in double quotes, not single quotes');
    return broken(i, `expected a value, found ${showChar(ch)}`);
  }
}

function quotedWord(w: string): string {
  return `"${w.length > 40 ? `${w.slice(0, 40)}…` : w}"`;
}

/** A graph file's text as JSON, or the syntax problem. */
export function parseGraphJson(
  text: string,
  file: string,
): { json: unknown } | { problem: Problem } {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { json: JSON.parse(clean) as unknown };
  } catch (e) {
    return { problem: jsonProblem(clean, file, e) };
  }
}

export function parseGraphText(text: string, file: string): LoadResult {
  const parsed = parseGraphJson(text, file);
  if ('problem' in parsed) return { graph: null, problems: [parsed.problem] };
  return validateGraph(parsed.json, { file });
}

function jsonProblem(text: string, file: string, e: unknown): Problem {
  if (text.trim() === '') return { file, message: 'Not valid JSON: the file is empty.' };
  if (text.trimStart().startsWith('<')) {
    return {
      file,
      message:
        'Not valid JSON: it looks like HTML, not a graph file. Is the address or the file right?',
    };
  }
  const found = findJsonSyntaxError(text);
  if (!found) {
    // The scanner accepts what JSON.parse refused: a limit of the engine, such as string length.
    const detail = e instanceof Error ? e.message : String(e);
    return { file, message: `Not valid JSON: ${detail.slice(0, 200)}.` };
  }
  const p: Problem = {
    file,
    message: `Not valid JSON at line ${found.line}, column ${found.column}: ${found.reason}${/[.?]$/.test(found.reason) ? '' : '.'}`,
  };
  if (found.path) p.path = found.path;
  return p;
}

/** A graph file's bytes decoded and parsed as JSON (not yet validated), or the problem. */
export function parseGraphBytesJson(
  bytes: Uint8Array,
  file: string,
): { json: unknown } | { problem: Problem } {
  const quick = quickGraphJson(bytes);
  if (quick) return quick;
  const decoded = decodeGraphBytes(bytes);
  if ('error' in decoded) return { problem: { file, message: decoded.error } };
  return parseGraphJson(decoded.text, file);
}

/** Parses a graph file's bytes: decoding, JSON syntax, then the validator. */
export function parseGraphBytes(bytes: Uint8Array, file: string): LoadResult {
  const parsed = parseGraphBytesJson(bytes, file);
  if ('problem' in parsed) return { graph: null, problems: [parsed.problem] };
  return validateGraph(parsed.json, { file });
}
