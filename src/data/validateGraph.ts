// The one validator: every graph that enters the app or leaves the build passes through it.
// It never throws on any input and never copies unknown keys, so `__proto__` and friends in the
// input cannot reach an object's prototype.

import {
  COOPERATION_TYPES,
  INSTITUTION_TYPES,
  cooperationCode,
  isCooperationType,
  isCountryCode,
  isInstitutionType,
  type AgreementData,
  type EdgeElement,
  type Evidence,
  type GraphData,
  type InstitutionData,
  type NodeElement,
  type Position,
  type Problem,
  type Source,
} from '../model';
import type { EdgeColumns } from '../model/columns';
import { LIMITS } from './limits';

export type Collection = 'nodes' | 'edges' | 'sources';

/** A problem with the element it belongs to, so table-based callers can name the row. */
export interface LocatedProblem extends Problem {
  element?: { collection: Collection; index: number };
}

export interface ValidationResult {
  graph: GraphData | null;
  problems: LocatedProblem[];
}

export interface ValidateOptions {
  /** File name or URL, repeated in every problem. */
  file?: string;
  /**
   * False when the caller takes the elements batch by batch from `next()` (the loading worker
   * sends each batch on): the validator then keeps no copy of them, and empties each raw
   * element's slot in the input's lists once it is checked, so that neither stays in memory
   * while the rest is checked. `finish()`'s graph then has empty lists. Fewer and shorter
   * collections of a smaller heap: the browser's check of 300,000 institutions about a tenth
   * quicker (100,000: no change beyond noise; a sixth quicker in Node).
   */
  keepElements?: boolean;
}

const MIN_YEAR = 1000;
const MAX_YEAR = 2100;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/** What a value is, for "must be X, not …" messages. */
function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the text ${quoted(v, 40)}`;
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (v === undefined) return 'nothing';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

/** ", not …" for a value that should have been an object; nothing when it is absent. */
function given(v: unknown): string {
  return v === undefined ? '' : `, not ${describe(v)}`;
}

/** A value from the input, cut when long, so a message stays a sentence. */
function cut(v: string, max = 80): string {
  return v.length > max ? `${v.slice(0, max)}…` : v;
}

function quoted(v: string, max = 80): string {
  return `"${cut(v, max)}"`;
}

/** The digit at `i` of `s`, or -1. */
function digitAt(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** Two digits at `i` of `s` as a number, or -1. */
function twoDigitsAt(s: string, i: number): number {
  const a = digitAt(s, i);
  const b = digitAt(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses an ISO date of the precision a source allows (YYYY, YYYY-MM or YYYY-MM-DD, a day that
 * exists in the Gregorian calendar); returns its year or null. By hand, not by a regular
 * expression and a Date: a large file has a date on most of its agreements.
 */
export function yearOfDate(date: string): number | null {
  const n = date.length;
  if (n !== 4 && n !== 7 && n !== 10) return null;
  const high = twoDigitsAt(date, 0);
  const low = twoDigitsAt(date, 2);
  if (high < 0 || low < 0) return null;
  const year = high * 100 + low;
  if (n === 4) return year;
  const month = date.charCodeAt(4) === 45 ? twoDigitsAt(date, 5) : -1;
  if (month < 1 || month > 12) return null;
  if (n === 7) return year;
  const day = date.charCodeAt(7) === 45 ? twoDigitsAt(date, 8) : -1;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  return day >= 1 && day <= days ? year : null;
}

class Collector {
  readonly problems: LocatedProblem[] = [];
  private extra = 0;
  constructor(private readonly file: string | undefined) {}

  add(message: string, path: string, field?: string, element?: LocatedProblem['element']): void {
    if (this.problems.length >= LIMITS.maxProblemsListed) {
      this.extra++;
      return;
    }
    const p: LocatedProblem = { message, path };
    if (this.file !== undefined) p.file = this.file;
    if (field !== undefined) p.field = field;
    // Copied: the validator moves one element object from element to element.
    if (element !== undefined) p.element = { collection: element.collection, index: element.index };
    this.problems.push(p);
  }

  finish(): LocatedProblem[] {
    if (this.extra > 0) {
      const p: LocatedProblem = { message: `…and ${this.extra} more problems not listed.` };
      if (this.file !== undefined) p.file = this.file;
      this.problems.push(p);
    }
    return this.problems;
  }
}

/**
 * Ids may not hold control characters: they are invisible, and the view's own elements (country
 * groups, summary links) use an id prefix of NUL that no graph id can then collide with.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function checkIdCharacters(
  id: string,
  data: PathLike,
  c: Collector,
  element: LocatedProblem['element'],
): void {
  const m = CONTROL.exec(id);
  if (m) {
    const code = (m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    c.add(
      `The id ${quoted(id)} holds the control character U+${code}; ids must be visible text.`,
      `${String(data)}.id`,
      'id',
      element,
    );
  }
}

/**
 * JSON paths, written out only when a message needs it: most elements have no problem, and
 * writing two paths for each of 400,000 elements was a noticeable part of checking a big file.
 * Those of the element being checked are one object per kind of place, moved from element to
 * element (`index`): messages write their path out at once, and making new ones for each
 * element was a tenth of the check's time, mostly in garbage collection.
 */
class KeyPath {
  constructor(
    private readonly parent: PathLike,
    private readonly key: string,
  ) {}
  toString(): string {
    return `${String(this.parent)}.${this.key}`;
  }
}

/** `list[index]`, then `rest` (such as `.data`). */
class ListPath {
  index = 0;
  constructor(
    private readonly list: PathLike,
    private readonly rest = '',
  ) {}
  toString(): string {
    return `${String(this.list)}[${this.index}]${this.rest}`;
  }
}

type PathLike = string | KeyPath | ListPath;

interface FieldOptions {
  required?: boolean;
  max?: number;
}
// Shared, not written at each call: a checked agreement reads four required fields.
const OPTIONAL: FieldOptions = {};
const REQUIRED: FieldOptions = { required: true };

/** Reads the fields of one object, reporting problems at `base.key`. */
class FieldReader {
  constructor(
    private obj: Record<string, unknown>,
    private base: PathLike,
    private readonly c: Collector,
    private element: LocatedProblem['element'],
  ) {}

  /**
   * The same reader on another object: one per kind of element serves a whole graph, instead
   * of one made per agreement and per piece of evidence.
   */
  on(obj: Record<string, unknown>, base: PathLike, element: LocatedProblem['element']): this {
    this.obj = obj;
    this.base = base;
    this.element = element;
    return this;
  }

  private at(key: string): string {
    return `${String(this.base)}.${key}`;
  }

  str(key: string, opts: FieldOptions = OPTIONAL): string {
    const v = own(this.obj, key);
    const max = opts.max ?? LIMITS.maxFieldLength;
    if (v === undefined || v === null || v === '') {
      if (opts.required)
        this.c.add(`"${key}" is missing or empty.`, this.at(key), key, this.element);
      return '';
    }
    if (typeof v !== 'string') {
      this.c.add(`"${key}" must be text, not ${describe(v)}.`, this.at(key), key, this.element);
      return '';
    }
    if (v.length > max) {
      this.c.add(
        `"${key}" is ${v.length.toLocaleString('en')} characters long; the limit is ${max.toLocaleString('en')}.`,
        this.at(key),
        key,
        this.element,
      );
      return '';
    }
    return v;
  }

  nullableStr(key: string): string | null {
    const s = this.str(key);
    return s === '' ? null : s;
  }

  num(key: string, min: number, max: number): number | null {
    const v = own(this.obj, key);
    if (v === undefined || v === null || v === '') return null;
    if (typeof v !== 'number' || Number.isNaN(v)) {
      this.c.add(`"${key}" must be a number, not ${describe(v)}.`, this.at(key), key, this.element);
      return null;
    }
    if (v < min || v > max) {
      this.c.add(
        `"${key}" is ${v}; it must lie between ${min} and ${max}.`,
        this.at(key),
        key,
        this.element,
      );
      return null;
    }
    return v;
  }
}

function reader(
  obj: Record<string, unknown>,
  base: PathLike,
  c: Collector,
  element: LocatedProblem['element'],
): FieldReader {
  return new FieldReader(obj, base, c, element);
}

function validateSources(raw: unknown, c: Collector): Source[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    c.add(`"sources" must be a list, not ${describe(raw)}.`, 'data.sources', 'sources');
    return [];
  }
  if (raw.length > LIMITS.maxSources) {
    c.add(
      `There are ${raw.length.toLocaleString('en')} sources; the limit is ${LIMITS.maxSources.toLocaleString('en')}.`,
      'data.sources',
      'sources',
    );
    return [];
  }
  const seen = new Set<string>();
  const out: Source[] = [];
  raw.forEach((item: unknown, index) => {
    const base = `data.sources[${index}]`;
    const element = { collection: 'sources' as const, index };
    if (!isRecord(item)) {
      c.add(`A source must be an object, not ${describe(item)}.`, base, undefined, element);
      return;
    }
    const r = reader(item, base, c, element);
    const id = r.str('id', REQUIRED);
    if (id && seen.has(id))
      c.add(`Duplicate source id ${quoted(id)}.`, `${base}.id`, 'id', element);
    seen.add(id);
    const date = r.str('date');
    if (date && yearOfDate(date) === null) {
      c.add(
        `"date" must be YYYY, YYYY-MM or YYYY-MM-DD, not ${quoted(date)}.`,
        `${base}.date`,
        'date',
        element,
      );
    }
    const source: Source = {
      id,
      file: r.str('file'),
      title: r.str('title'),
      publisher: r.str('publisher'),
      date,
      about: r.str('about'),
      note: r.str('note'),
    };
    const text = r.str('text', { max: LIMITS.maxSourceTextLength });
    if (text) source.text = text;
    const url = r.str('url');
    if (url) {
      if (/^https?:\/\//i.test(url)) source.url = url;
      else c.add(`"url" must start with http:// or https://.`, `${base}.url`, 'url', element);
    }
    out.push(source);
  });
  return out;
}

/** The places of the element being checked, moved from one element to the next. */
interface Places<C extends Collection> {
  base: ListPath;
  data: ListPath;
  element: { collection: C; index: number };
  reader: FieldReader;
}

function places<C extends Collection>(collection: C, c: Collector): Places<C> {
  const list = `elements.${collection}`;
  return {
    base: new ListPath(list),
    data: new ListPath(list, '.data'),
    element: { collection, index: 0 },
    reader: reader({}, '', c, undefined),
  };
}

/** Moves the places to element `index`. */
function moveTo<C extends Collection>(at: Places<C>, index: number): void {
  at.base.index = index;
  at.data.index = index;
  at.element.index = index;
}

interface NodePlaces extends Places<'nodes'> {
  position: KeyPath;
}

function validateNode(
  item: unknown,
  index: number,
  c: Collector,
  ids: Map<string, number>,
  at: NodePlaces,
): NodeElement | null {
  moveTo(at, index);
  const { base, element } = at;
  if (!isRecord(item)) {
    c.add(`A node must be an object, not ${describe(item)}.`, String(base), undefined, element);
    return null;
  }
  const rawData = own(item, 'data');
  if (!isRecord(rawData)) {
    c.add(`A node needs a "data" object${given(rawData)}.`, `${base}.data`, 'data', element);
    return null;
  }
  const d = at.data;
  const r = at.reader.on(rawData, d, element);
  const id = r.str('id', REQUIRED);
  if (id) {
    if (ids.has(id)) c.add(`Duplicate id ${quoted(id)}.`, `${d}.id`, 'id', element);
    checkIdCharacters(id, d, c, element);
    if (!ids.has(id)) ids.set(id, index);
  }
  const label = r.str('label', REQUIRED);
  let country = r.nullableStr('country');
  if (country !== null && !isCountryCode(country)) {
    c.add(
      `Unknown country code ${quoted(country)}: use an ISO 3166-1 alpha-2 code such as GB or CN, or leave it empty.`,
      `${d}.country`,
      'country',
      element,
    );
    country = null;
  }
  const typeRaw = r.str('type', REQUIRED);
  if (typeRaw && !isInstitutionType(typeRaw)) {
    c.add(
      `Unknown institution type ${quoted(typeRaw)}; expected one of ${INSTITUTION_TYPES.join(', ')}.`,
      `${d}.type`,
      'type',
      element,
    );
  }
  const aliasesRaw = own(rawData, 'aliases');
  const aliases: string[] = [];
  if (aliasesRaw !== undefined && aliasesRaw !== null) {
    if (!Array.isArray(aliasesRaw)) {
      c.add(
        `"aliases" must be a list of names, not ${describe(aliasesRaw)}.`,
        `${d}.aliases`,
        'aliases',
        element,
      );
    } else {
      aliasesRaw.forEach((a: unknown, i) => {
        const at = `${d}.aliases[${i}]`;
        if (typeof a !== 'string') {
          c.add(`Each alias must be text, not ${describe(a)}.`, at, 'aliases', element);
        } else if (a.length > LIMITS.maxFieldLength) {
          c.add(
            `The alias is ${a.length.toLocaleString('en')} characters long; the limit is ${LIMITS.maxFieldLength.toLocaleString('en')}.`,
            at,
            'aliases',
            element,
          );
        } else aliases.push(a);
      });
    }
  }
  const data: InstitutionData = {
    id,
    label,
    country,
    type: isInstitutionType(typeRaw) ? typeRaw : 'other',
    aliases,
    city: r.nullableStr('city'),
    lat: r.num('lat', -90, 90),
    lon: r.num('lon', -180, 180),
  };
  const note = r.str('note');
  if (note) data.note = note;
  const node: NodeElement = { data };
  const pos = own(item, 'position');
  if (pos !== undefined && pos !== null) {
    const position = validatePosition(pos, at.position, c, element);
    if (position) node.position = position;
  }
  return node;
}

function validatePosition(
  pos: unknown,
  p: PathLike,
  c: Collector,
  element: LocatedProblem['element'],
): Position | null {
  if (!isRecord(pos)) {
    c.add(
      `"position" must be an object with numbers x and y, not ${describe(pos)}.`,
      String(p),
      'position',
      element,
    );
    return null;
  }
  const x = own(pos, 'x');
  const y = own(pos, 'y');
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (finite(x) && finite(y)) return { x, y };
  for (const [key, v] of [
    ['x', x],
    ['y', y],
  ] as const) {
    if (!finite(v)) {
      c.add(
        `"position" needs numbers x and y; ${key} is ${v === undefined ? 'missing' : describe(v)}.`,
        `${String(p)}.${key}`,
        'position',
        element,
      );
    }
  }
  return null;
}

interface EdgeContext {
  /** Institution ids and their places in the list. */
  nodeIds: Map<string, number>;
  /** Places of the last agreement's institutions (-1 for none): what the graph index's columns
   * need, found by the same lookup that checks the ends. */
  ends: [number, number];
  edgeIds: Set<string>;
  sources: Map<string, Source>;
  quoteCache: Map<string, boolean>;
  /** The agreement being checked, and its evidence's paths and reader. */
  at: Places<'edges'>;
  evidencePath: ListPath;
  evidenceReader: FieldReader;
}

function validateEvidence(
  raw: unknown,
  d: PathLike,
  c: Collector,
  element: LocatedProblem['element'],
  ctx: EdgeContext,
  date: string | null,
): Evidence[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    c.add(`"evidence" must be a list, not ${describe(raw)}.`, `${d}.evidence`, 'evidence', element);
    return [];
  }
  const out: Evidence[] = [];
  const p = ctx.evidencePath;
  raw.forEach((ev: unknown, i) => {
    p.index = i;
    if (!isRecord(ev)) {
      c.add(
        `Evidence must be an object with "quote", not ${describe(ev)}.`,
        String(p),
        'evidence',
        element,
      );
      return;
    }
    const r = ctx.evidenceReader.on(ev, p, element);
    const quote = r.str('quote', REQUIRED);
    const sourceId = r.str('source');
    const item: Evidence = { quote };
    if (sourceId) {
      item.source = sourceId;
      const source = ctx.sources.get(sourceId);
      if (!source) {
        c.add(
          `Evidence cites unknown source ${quoted(sourceId)}.`,
          `${p}.source`,
          'source',
          element,
        );
      } else {
        if (source.text !== undefined && quote) {
          const key = `${sourceId}\u0000${quote}`;
          let found = ctx.quoteCache.get(key);
          if (found === undefined) {
            found = source.text.includes(quote);
            ctx.quoteCache.set(key, found);
          }
          if (!found) {
            c.add(
              `The quote does not occur verbatim in source ${quoted(sourceId)} (${source.file ? cut(source.file) : 'no file'}).`,
              `${p}.quote`,
              'quote',
              element,
            );
          }
        }
        if (date !== null && source.date && date.slice(0, source.date.length) > source.date) {
          c.add(
            `Date ${date} is later than its source ${quoted(sourceId)}, dated ${source.date}.`,
            `${d}.date`,
            'date',
            element,
          );
        }
      }
    }
    out.push(item);
  });
  return out;
}

function checkEnd(
  key: 'source' | 'target',
  end: string,
  d: PathLike,
  c: Collector,
  element: LocatedProblem['element'],
  ctx: EdgeContext,
): number {
  const at = ctx.nodeIds.get(end);
  if (end && at === undefined) {
    c.add(
      `The ${key} ${quoted(end)} is not an institution in this graph.`,
      `${String(d)}.${key}`,
      key,
      element,
    );
  }
  return at ?? -1;
}

function validateEdge(
  item: unknown,
  index: number,
  c: Collector,
  ctx: EdgeContext,
): EdgeElement | null {
  const at = ctx.at;
  moveTo(at, index);
  const { base, element } = at;
  if (!isRecord(item)) {
    c.add(`An edge must be an object, not ${describe(item)}.`, String(base), undefined, element);
    return null;
  }
  const rawData = own(item, 'data');
  if (!isRecord(rawData)) {
    c.add(`An edge needs a "data" object${given(rawData)}.`, `${base}.data`, 'data', element);
    return null;
  }
  const d = at.data;
  const r = at.reader.on(rawData, d, element);
  const id = r.str('id', REQUIRED);
  if (id) {
    if (ctx.edgeIds.has(id) || ctx.nodeIds.has(id)) {
      c.add(`Duplicate id ${quoted(id)}.`, `${d}.id`, 'id', element);
    }
    checkIdCharacters(id, d, c, element);
    ctx.edgeIds.add(id);
  }
  const source = r.str('source', REQUIRED);
  const target = r.str('target', REQUIRED);
  ctx.ends[0] = checkEnd('source', source, d, c, element, ctx);
  ctx.ends[1] = checkEnd('target', target, d, c, element, ctx);
  if (source && source === target) {
    c.add(`An agreement links ${quoted(source)} to itself.`, `${d}.target`, 'target', element);
  }
  const coopRaw = r.str('cooperation', REQUIRED);
  if (coopRaw && !isCooperationType(coopRaw)) {
    c.add(
      `Unknown cooperation type ${quoted(coopRaw)}; expected one of ${COOPERATION_TYPES.join(', ')}.`,
      `${d}.cooperation`,
      'cooperation',
      element,
    );
  }
  const date = r.nullableStr('date');
  let year = r.num('year', MIN_YEAR, MAX_YEAR);
  if (year !== null && !Number.isInteger(year)) {
    c.add(`"year" must be a whole number, not ${year}.`, `${d}.year`, 'year', element);
    year = null;
  }
  if (date !== null) {
    const dy = yearOfDate(date);
    if (dy === null) {
      c.add(
        `"date" must be YYYY, YYYY-MM or YYYY-MM-DD, not ${quoted(date)}.`,
        `${d}.date`,
        'date',
        element,
      );
    } else if (year === null) {
      year = dy;
    } else if (dy !== year) {
      c.add(`"year" ${year} does not match "date" ${date}.`, `${d}.year`, 'year', element);
    }
  }
  // A year alone is checked against its source's date as the year's first day would be.
  const evidence = validateEvidence(
    own(rawData, 'evidence'),
    d,
    c,
    element,
    ctx,
    date ?? (year !== null ? String(year) : null),
  );
  const data: AgreementData = {
    id,
    source,
    target,
    cooperation: isCooperationType(coopRaw) ? coopRaw : 'other',
    year,
    date,
    description: r.str('description'),
    agreement: r.str('agreement') || id,
    evidence,
  };
  return { data };
}

/** Elements checked so far that passed: institutions first, then agreements. */
export interface CheckedElements {
  nodes: NodeElement[];
  edges: EdgeElement[];
  /** For the graph index, per agreement: the places of its two institutions in the graph's
   * list, and its cooperation type's place in COOPERATION_TYPES. */
  columns: EdgeColumns;
}

/**
 * The validator, step by step: the graph's frame (an object with "data" and "elements" lists
 * within the limits) when made, then its elements a batch at a time, institutions first, then the
 * checks that need every institution. A loader can send each checked batch on while the next is
 * checked, as long as no problem has turned up (`clean`).
 */
export class GraphValidator {
  private readonly c: Collector;
  private readonly rawNodes: unknown[] = [];
  private readonly rawEdges: unknown[] = [];
  private readonly nodes: NodeElement[] = [];
  private readonly edges: EdgeElement[] = [];
  private readonly nodeIds = new Map<string, number>();
  private readonly ctx: EdgeContext;
  private readonly nodePlaces: NodePlaces;
  private readonly sources: Source[] = [];
  /** The graph's own data (title, description, sources, view), already checked. */
  readonly data: GraphData['data'];
  /** False when the frame is wrong: no element is checked, finish() has the problems. */
  readonly framed: boolean = false;
  private n = 0;
  private e = 0;
  private readonly keep: boolean;

  constructor(input: unknown, options: ValidateOptions = {}) {
    const c = (this.c = new Collector(options.file));
    this.keep = options.keepElements ?? true;
    const edgePlaces = places('edges', c);
    this.data = { title: '', description: '', sources: [] };
    this.ctx = {
      nodeIds: this.nodeIds,
      ends: [-1, -1],
      edgeIds: new Set(),
      sources: new Map(),
      quoteCache: new Map(),
      at: edgePlaces,
      evidencePath: new ListPath(new KeyPath(edgePlaces.data, 'evidence')),
      evidenceReader: reader({}, '', c, undefined),
    };
    const nodePlaces = places('nodes', c);
    this.nodePlaces = { ...nodePlaces, position: new KeyPath(nodePlaces.base, 'position') };
    if (!isRecord(input)) {
      c.add(`A graph file must hold a JSON object, not ${describe(input)}.`, '$');
      return;
    }
    const meta = own(input, 'data');
    const metaRec = isRecord(meta) ? meta : {};
    if (meta !== undefined && !isRecord(meta)) {
      c.add(`"data" must be an object, not ${describe(meta)}.`, 'data', 'data');
    }
    const mr = reader(metaRec, 'data', c, undefined);
    const title = mr.str('title');
    const description = mr.str('description');
    this.sources = validateSources(own(metaRec, 'sources'), c);
    const view = mr.str('view', { max: 4_000 });
    this.data = { title, description, sources: this.sources };
    if (view) this.data.view = view;
    this.ctx.sources = new Map(this.sources.map((s) => [s.id, s]));

    const elements = own(input, 'elements');
    if (!isRecord(elements)) {
      c.add(
        Array.isArray(elements)
          ? `"elements" must be an object with "nodes" and "edges" lists (Cytoscape JSON), not a flat list.`
          : elements === undefined
            ? `"elements" is missing: a graph file needs "elements" with "nodes" and "edges".`
            : `"elements" must be an object with "nodes" and "edges" lists, not ${describe(elements)}.`,
        'elements',
        'elements',
      );
      return;
    }
    const rawNodes = own(elements, 'nodes') ?? [];
    const rawEdges = own(elements, 'edges') ?? [];
    if (!Array.isArray(rawNodes)) {
      c.add(`"nodes" must be a list, not ${describe(rawNodes)}.`, 'elements.nodes', 'nodes');
    }
    if (!Array.isArray(rawEdges)) {
      c.add(`"edges" must be a list, not ${describe(rawEdges)}.`, 'elements.edges', 'edges');
    }
    if (!Array.isArray(rawNodes) || !Array.isArray(rawEdges)) return;
    if (rawNodes.length > LIMITS.maxNodes || rawEdges.length > LIMITS.maxEdges) {
      c.add(
        `The graph has ${rawNodes.length.toLocaleString('en')} institutions and ${rawEdges.length.toLocaleString('en')} agreements; the limits are ${LIMITS.maxNodes.toLocaleString('en')} and ${LIMITS.maxEdges.toLocaleString('en')}.`,
        'elements',
        'elements',
      );
      return;
    }
    this.rawNodes = rawNodes;
    this.rawEdges = rawEdges;
    this.framed = true;
  }

  get totalNodes(): number {
    return this.rawNodes.length;
  }

  get totalEdges(): number {
    return this.rawEdges.length;
  }

  /** No problem found so far. */
  get clean(): boolean {
    return this.c.problems.length === 0;
  }

  /**
   * Checks up to `count` more elements (institutions, then agreements) and returns those that
   * passed; null once every element has been checked.
   */
  next(count = Infinity): CheckedElements | null {
    const { rawNodes, rawEdges, c } = this;
    if (this.n >= rawNodes.length && this.e >= rawEdges.length) return null;
    const edgeCount = Math.max(
      0,
      Math.min(count - (rawNodes.length - this.n), rawEdges.length - this.e),
    );
    const ends = new Int32Array(2 * edgeCount);
    const coop = new Uint8Array(edgeCount);
    const out: CheckedElements = { nodes: [], edges: [], columns: { ends, coop } };
    let room = count;
    for (; room > 0 && this.n < rawNodes.length; room--, this.n++) {
      const node = validateNode(rawNodes[this.n], this.n, c, this.nodeIds, this.nodePlaces);
      if (!this.keep) rawNodes[this.n] = null;
      if (node) {
        if (this.keep) this.nodes.push(node);
        out.nodes.push(node);
      }
    }
    for (; room > 0 && this.e < rawEdges.length; room--, this.e++) {
      const edge = validateEdge(rawEdges[this.e], this.e, c, this.ctx);
      if (!this.keep) rawEdges[this.e] = null;
      if (edge) {
        const k = out.edges.length;
        ends[2 * k] = this.ctx.ends[0];
        ends[2 * k + 1] = this.ctx.ends[1];
        coop[k] = cooperationCode(edge.data.cooperation);
        if (this.keep) this.edges.push(edge);
        out.edges.push(edge);
      }
    }
    return out;
  }

  /** Checks what is left, then the sources' institutions; the typed copy, or the problems. */
  finish(): ValidationResult {
    const { c } = this;
    if (this.framed) {
      while (this.next() !== null);
      this.sources.forEach((s, index) => {
        if (s.about && !this.nodeIds.has(s.about)) {
          c.add(
            `Source ${quoted(s.id)} is about ${quoted(s.about)}, which is not an institution in this graph.`,
            `data.sources[${index}].about`,
            'about',
            { collection: 'sources', index },
          );
        }
      });
    }
    const problems = c.finish();
    if (!this.framed || problems.length > 0) return { graph: null, problems };
    return {
      graph: { data: this.data, elements: { nodes: this.nodes, edges: this.edges } },
      problems,
    };
  }
}

/** Checks any parsed JSON value against the graph format; returns a typed copy or problems. */
export function validateGraph(input: unknown, options: ValidateOptions = {}): ValidationResult {
  return new GraphValidator(input, options).finish();
}
