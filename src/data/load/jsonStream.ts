// Parsing a graph file while it downloads. A 90 MB file takes the browser about half a second to
// arrive and the worker about as long to decode and parse with JSON.parse once it has arrived.
// This reads the bytes as they come: it decodes each chunk, finds the institutions and
// agreements (the two long lists, `elements.nodes` and `elements.edges`) and parses them a
// batch at a time with JSON.parse, so that little is left to do when the last byte is in.
//
// The outcome is always what parsing the whole file would give (`parseGraphBytesJson`): the
// same value, or the same problem. Only a well-formed UTF-8 file of the usual shape is parsed
// in batches; for anything else (UTF-16, a byte that is not UTF-8, a JSON error, a list named
// twice) the stream keeps the bytes and parses them whole at the end, which also words the
// problem exactly as before.

import type { Problem } from '../../model';
import { isUtf16, parseGraphBytesJson } from '../loadGraph';

/** Text of complete list items parsed at once: big enough that JSON.parse runs at full speed. */
const BATCH_CHARS = 512 * 1024;

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

type ListName = 'nodes' | 'edges';

/** Where the scanner is inside one of the two lists. */
type ListState = 'first' | 'expect' | 'item';

/** Index of the quote that ends a string whose text goes on from `from`, or -1 if not in s. */
function stringEnd(s: string, from: number): number {
  for (let q = s.indexOf('"', from); q >= 0; q = s.indexOf('"', q + 1)) {
    let k = q - 1;
    while (s.charCodeAt(k) === BACKSLASH) k--;
    if ((q - 1 - k) % 2 === 0) return q;
  }
  return -1;
}

export type StreamOutcome = { json: unknown } | { problem: Problem };

export class GraphJsonStream {
  private readonly chunks: Uint8Array[] = [];
  private received = 0;
  /** Still parsing as the bytes come; false once the file needs the whole-file path. */
  private streaming = true;
  private decoder = new TextDecoder('utf-8', { fatal: true });
  private started = false;
  private firstText = true;

  /** Text not yet consumed, and the scanner's place in it. */
  private buf = '';
  private pos = 0;
  /** Text outside the two lists, with each list's content left out (`"nodes":[]`). */
  private readonly skeleton: string[] = [];
  private skeletonFrom = 0;

  // The scanner's state between chunks.
  private inString = false;
  private escaped = false;
  /** Containers open outside the lists: 'o' object, 'a' array. */
  private readonly stack: ('o' | 'a')[] = [];
  /** For each open object: is the next string a key? */
  private readonly wantKey: boolean[] = [];
  /** The current key at depths 1 (the file's object) and 2 (`elements`). */
  private readonly keys: (string | null)[] = [null, null, null];
  private keyStart = -1;
  private elementsSeen = 0;

  // Inside a list.
  private list: ListName | null = null;
  private listState: ListState = 'first';
  private depth = 0;
  private batchStart = -1;
  private batchEnd = -1;
  private itemStart = -1;
  private readonly lists: Record<ListName, unknown[] | null> = { nodes: null, edges: null };

  /** `file` names the file in problems. */
  constructor(readonly file: string) {}

  push(chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return;
    this.chunks.push(chunk);
    this.received += chunk.byteLength;
    if (!this.streaming) return;
    if (!this.started) {
      // UTF-16 is recognised from the first four bytes: gather them first.
      if (this.received < 4) return;
      this.started = true;
      if (isUtf16(this.joined())) {
        this.streaming = false;
        return;
      }
      // The first bytes, joined to look at them, are fed as one.
      for (const c of this.chunks) this.feed(c);
      return;
    }
    this.feed(chunk);
  }

  /** The file is complete: its JSON value, or the problem with it. */
  end(): StreamOutcome {
    if (this.streaming && !this.started) {
      // Fewer than four bytes: the whole-file path says what is wrong.
      this.streaming = false;
    }
    if (this.streaming) {
      try {
        this.take(this.decoder.decode());
      } catch {
        this.streaming = false;
      }
    }
    const json = this.streaming ? this.assemble() : undefined;
    if (json !== undefined) return { json: json.value };
    // The whole-file path: also the one that words every problem.
    const bytes = this.joined();
    this.chunks.length = 0;
    return parseGraphBytesJson(bytes, this.file);
  }

  private joined(): Uint8Array {
    if (this.chunks.length === 1 && this.chunks[0]) return this.chunks[0];
    const out = new Uint8Array(this.received);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    this.chunks.splice(0, this.chunks.length, out);
    return out;
  }

  private feed(chunk: Uint8Array): void {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      this.giveUp();
      return;
    }
    this.take(text);
  }

  private giveUp(): void {
    this.streaming = false;
    this.buf = '';
    this.skeleton.length = 0;
    this.lists.nodes = null;
    this.lists.edges = null;
  }

  /** Scans newly decoded text, parses the complete batches, and drops what is done with. */
  private take(text: string): void {
    if (!this.streaming || text === '') return;
    if (this.firstText) {
      // A byte-order mark is not part of the JSON.
      this.firstText = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.buf += text;
    if (!this.scan()) {
      this.giveUp();
      return;
    }
    // Keep only what is still needed: an item not yet complete, or a key being read.
    let keep = this.pos;
    if (this.list !== null) {
      if (!this.flushBatch()) {
        this.giveUp();
        return;
      }
      if (this.batchStart >= 0) keep = this.batchStart;
    } else {
      this.skeleton.push(this.buf.slice(this.skeletonFrom, this.pos));
      this.skeletonFrom = this.pos;
      if (this.keyStart >= 0) keep = this.keyStart;
    }
    if (keep > 0) {
      this.buf = this.buf.slice(keep);
      this.pos -= keep;
      this.skeletonFrom -= keep;
      if (this.keyStart >= 0) this.keyStart -= keep;
      if (this.batchStart >= 0) this.batchStart -= keep;
      if (this.batchEnd >= 0) this.batchEnd -= keep;
      if (this.itemStart >= 0) this.itemStart -= keep;
    }
  }

  /** Parses the list items gathered since batchStart up to batchEnd. False when they fail. */
  private flushBatch(): boolean {
    if (this.batchStart < 0 || this.batchEnd < 0) return true;
    let items: unknown;
    try {
      items = JSON.parse(`[${this.buf.slice(this.batchStart, this.batchEnd)}]`);
    } catch {
      return false;
    }
    const target = this.lists[this.list as ListName] as unknown[];
    for (const item of items as unknown[]) target.push(item);
    // An item begun after the batch's last one starts the next batch.
    this.batchStart = this.listState === 'item' ? this.itemStart : -1;
    this.batchEnd = -1;
    return true;
  }

  /** Scans buf from pos to its end. False when the file cannot be parsed in batches. */
  private scan(): boolean {
    const s = this.buf;
    const n = s.length;
    let i = this.pos;
    while (i < n) {
      if (this.list !== null) {
        // Inside one of the two lists: find where each item ends.
        if (this.listState === 'item') {
          i = this.scanItem(s, i);
          if (i < 0) return false;
          continue;
        }
        const c = s.charCodeAt(i);
        if (c === 32 || c === 10 || c === 13 || c === 9) {
          i++;
          continue;
        }
        if (c === CLOSE_BRACKET && this.listState === 'first') {
          this.closeList(i);
          i++;
          continue;
        }
        // A comma or a bracket where an item should be: left to the whole-file parse.
        if (c === COMMA || c === CLOSE_BRACKET) return false;
        this.listState = 'item';
        this.depth = 0;
        this.itemStart = i;
        if (this.batchStart < 0) this.batchStart = i;
        continue;
      }
      if (this.inString) {
        // Inside a string: only its end and escapes matter.
        for (; i < n; i++) {
          const c = s.charCodeAt(i);
          if (this.escaped) this.escaped = false;
          else if (c === BACKSLASH) this.escaped = true;
          else if (c === QUOTE) break;
        }
        if (i >= n) break;
        this.inString = false;
        if (this.keyStart >= 0) {
          if (!this.keyRead(s.slice(this.keyStart + 1, i))) return false;
          this.keyStart = -1;
        }
        i++;
        continue;
      }
      const c = s.charCodeAt(i);
      // Outside the lists: follow containers and keys, down to `elements`.
      const top = this.stack.length - 1;
      if (c === QUOTE) {
        this.inString = true;
        if (top >= 0 && this.stack[top] === 'o' && this.wantKey[top] && top <= 1) {
          this.keyStart = i;
        }
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        const list = c === OPEN_BRACKET ? this.listAt(top) : null;
        if (list) {
          if (this.lists[list] !== null) return false;
          this.lists[list] = [];
          this.list = list;
          this.listState = 'first';
          this.skeleton.push(s.slice(this.skeletonFrom, i + 1));
          this.skeletonFrom = i + 1;
        } else {
          this.stack.push(c === OPEN_BRACE ? 'o' : 'a');
          this.wantKey.push(true);
          if (c === OPEN_BRACE && this.stack.length === 2 && this.keys[1] === 'elements') {
            this.elementsSeen++;
            if (this.elementsSeen > 1) return false;
          }
        }
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.stack.pop();
        this.wantKey.pop();
        if (this.stack.length < 2) this.keys[2] = null;
      } else if (c === COMMA) {
        if (top >= 0) this.wantKey[top] = true;
      } else if (c === COLON) {
        if (top >= 0) this.wantKey[top] = false;
      }
      i++;
    }
    this.pos = i;
    return true;
  }

  /**
   * Scans one list item from i: to just past the comma or bracket that ends it (then handled),
   * or to the end of the text. -1 when the item cannot be right. The hot loop of the stream,
   * so strings are skipped with indexOf: the item is kept whole in buf until it ends, so the
   * backslashes before a quote can always be counted.
   */
  private scanItem(s: string, from: number): number {
    const n = s.length;
    let i = from;
    let depth = this.depth;
    if (this.inString) {
      const end = stringEnd(s, i);
      if (end < 0) return n;
      this.inString = false;
      i = end + 1;
    }
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === QUOTE) {
        const end = stringEnd(s, i + 1);
        if (end < 0) {
          this.inString = true;
          this.depth = depth;
          return n;
        }
        i = end + 1;
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (depth === 0 && c === CLOSE_BRACKET) {
          this.batchEnd = i;
          this.listState = 'expect';
          if (!this.flushBatch()) return -1;
          this.closeList(i);
          return i + 1;
        }
        // A brace that closes nothing: left to the whole-file parse.
        if (--depth < 0) return -1;
      } else if (c === COMMA && depth === 0) {
        this.batchEnd = i;
        this.listState = 'expect';
        if (i - this.batchStart >= BATCH_CHARS && !this.flushBatch()) return -1;
        return i + 1;
      }
      i++;
    }
    this.depth = depth;
    return n;
  }

  /** The list a `[` at this place opens, if it is elements.nodes or elements.edges. */
  private listAt(top: number): ListName | null {
    if (top !== 1 || this.stack[0] !== 'o' || this.stack[1] !== 'o') return null;
    if (this.keys[1] !== 'elements' || this.wantKey[1]) return null;
    const key = this.keys[2];
    return key === 'nodes' || key === 'edges' ? key : null;
  }

  private keyRead(raw: string): boolean {
    let key = raw;
    if (raw.includes('\\')) {
      try {
        key = JSON.parse(`"${raw}"`) as string;
      } catch {
        return false;
      }
    }
    const depth = this.stack.length;
    this.keys[depth] = key;
    // A second `elements` key: JSON keeps the last one; left to the whole-file parse.
    if (depth === 1 && key === 'elements' && this.elementsSeen > 0) return false;
    return true;
  }

  private closeList(at: number): void {
    this.list = null;
    this.batchStart = -1;
    this.batchEnd = -1;
    this.itemStart = -1;
    this.skeletonFrom = at;
    this.wantKey[this.stack.length - 1] = false;
  }

  /** The parsed file: the skeleton parsed, the two lists put in. Undefined when it fails. */
  private assemble(): { value: unknown } | undefined {
    if (this.inString || this.list !== null || this.stack.length > 0) return undefined;
    this.skeleton.push(this.buf.slice(this.skeletonFrom));
    let value: unknown;
    try {
      value = JSON.parse(this.skeleton.join(''));
    } catch {
      return undefined;
    }
    if (this.lists.nodes === null && this.lists.edges === null) return { value };
    const elements = (value as { elements?: Record<string, unknown> }).elements;
    for (const name of ['nodes', 'edges'] as const) {
      const list = this.lists[name];
      if (list === null) continue;
      const placeholder = elements?.[name];
      if (!elements || !Array.isArray(placeholder) || placeholder.length > 0) return undefined;
      elements[name] = list;
    }
    return { value };
  }
}
