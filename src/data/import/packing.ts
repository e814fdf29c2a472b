// Institutions and agreements packed field by field for postMessage. Copying an array of objects
// between threads writes and reads every key of every object, and every string on its own; here
// each text field of a part travels as one string with the lengths of its values, numbers and
// the two vocabularies as typed arrays. For 300,000 agreements the sending worker's copying took
// 320 ms with a list of strings per field and takes a fraction of that now, and the page slices
// the values out again. Unpacking gives back objects equal to those packed.

import {
  COOPERATION_TYPES,
  INSTITUTION_TYPES,
  cooperationCode,
  institutionTypeCode,
  type AgreementData,
  type CooperationType,
  type EdgeElement,
  type Evidence,
  type InstitutionData,
  type InstitutionType,
  type NodeElement,
} from '../../model';

/** The values of one text field, one after the other, and each value's length (-1: null). */
export interface PackedText {
  text: string;
  lengths: Int32Array;
}

export interface PackedNodes {
  id: PackedText;
  label: PackedText;
  country: PackedText;
  /** Place in INSTITUTION_TYPES. */
  type: Uint8Array;
  /** Aliases of all institutions one after the other; `aliasCount` says how many each has. */
  aliases: PackedText;
  aliasCount: Uint32Array;
  city: PackedText;
  /** Latitude and longitude; NaN for none (a valid one is finite). */
  lat: Float64Array;
  lon: Float64Array;
  /** null for no note. */
  note: PackedText;
  /** x and y of each institution; NaN for no position (a valid one is finite). */
  position: Float64Array;
}

export interface PackedEdges {
  id: PackedText;
  source: PackedText;
  target: PackedText;
  /** Place in COOPERATION_TYPES. */
  cooperation: Uint8Array;
  /** 0 for no year (valid years are 1000–2100). */
  year: Uint16Array;
  date: PackedText;
  description: PackedText;
  /** null where the agreement id is the edge's id. */
  agreement: PackedText;
  /** Evidence of all agreements one after the other; `evidenceCount` says how many each has. */
  quote: PackedText;
  /** null for evidence without a source. */
  quoteSource: PackedText;
  evidenceCount: Uint32Array;
}

function packText(values: readonly (string | null)[]): PackedText {
  const lengths = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    lengths[i] = typeof v === 'string' ? v.length : -1;
  }
  // join writes null as nothing, which its length of -1 tells apart from ''.
  return { text: values.join(''), lengths };
}

/** Reads a packed text field's values in order. */
class TextReader {
  private at = 0;
  private i = 0;
  constructor(private readonly packed: PackedText) {}

  next(): string | null {
    const n = this.packed.lengths[this.i++] as number;
    if (n < 0) return null;
    const value = this.packed.text.slice(this.at, this.at + n);
    this.at += n;
    return value;
  }

  /** The next value, which was packed from a string, not null. */
  text(): string {
    return this.next() ?? '';
  }

  /** Passes over the next value without making a string of it. */
  skip(): void {
    const n = this.packed.lengths[this.i++] as number;
    if (n > 0) this.at += n;
  }
}

export function packNodes(nodes: readonly NodeElement[]): PackedNodes {
  const n = nodes.length;
  const id = new Array<string>(n);
  const label = new Array<string>(n);
  const country = new Array<string | null>(n);
  const type = new Uint8Array(n);
  const aliases: string[] = [];
  const aliasCount = new Uint32Array(n);
  const city = new Array<string | null>(n);
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const note = new Array<string | null>(n);
  const position = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const node = nodes[i] as NodeElement;
    const d = node.data;
    id[i] = d.id;
    label[i] = d.label;
    country[i] = d.country;
    type[i] = institutionTypeCode(d.type);
    aliasCount[i] = d.aliases.length;
    for (const a of d.aliases) aliases.push(a);
    city[i] = d.city;
    lat[i] = d.lat ?? NaN;
    lon[i] = d.lon ?? NaN;
    note[i] = d.note ?? null;
    position[2 * i] = node.position ? node.position.x : NaN;
    position[2 * i + 1] = node.position ? node.position.y : NaN;
  }
  return {
    id: packText(id),
    label: packText(label),
    country: packText(country),
    type,
    aliases: packText(aliases),
    aliasCount,
    city: packText(city),
    lat,
    lon,
    note: packText(note),
    position,
  };
}

export function unpackNodes(p: PackedNodes): NodeElement[] {
  const n = p.type.length;
  const out = new Array<NodeElement>(n);
  const id = new TextReader(p.id);
  const label = new TextReader(p.label);
  const country = new TextReader(p.country);
  const aliases = new TextReader(p.aliases);
  const city = new TextReader(p.city);
  const note = new TextReader(p.note);
  for (let i = 0; i < n; i++) {
    const count = p.aliasCount[i] as number;
    const names = new Array<string>(count);
    for (let k = 0; k < count; k++) names[k] = aliases.text();
    const lat = p.lat[i] as number;
    const lon = p.lon[i] as number;
    const data: InstitutionData = {
      id: id.text(),
      label: label.text(),
      country: country.next(),
      type: INSTITUTION_TYPES[p.type[i] as number] as InstitutionType,
      aliases: names,
      city: city.next(),
      lat: Number.isNaN(lat) ? null : lat,
      lon: Number.isNaN(lon) ? null : lon,
    };
    const text = note.next();
    if (text !== null) data.note = text;
    const x = p.position[2 * i] as number;
    const node: NodeElement = { data };
    if (!Number.isNaN(x)) node.position = { x, y: p.position[2 * i + 1] as number };
    out[i] = node;
  }
  return out;
}

export function packEdges(edges: readonly EdgeElement[]): PackedEdges {
  const m = edges.length;
  const id = new Array<string>(m);
  const source = new Array<string>(m);
  const target = new Array<string>(m);
  const cooperation = new Uint8Array(m);
  const year = new Uint16Array(m);
  const date = new Array<string | null>(m);
  const description = new Array<string>(m);
  const agreement = new Array<string | null>(m);
  const quote: string[] = [];
  const quoteSource: (string | null)[] = [];
  const evidenceCount = new Uint32Array(m);
  for (let j = 0; j < m; j++) {
    const d = (edges[j] as EdgeElement).data;
    id[j] = d.id;
    source[j] = d.source;
    target[j] = d.target;
    cooperation[j] = cooperationCode(d.cooperation);
    year[j] = d.year ?? 0;
    date[j] = d.date;
    description[j] = d.description;
    agreement[j] = d.agreement === d.id ? null : d.agreement;
    evidenceCount[j] = d.evidence.length;
    for (const ev of d.evidence) {
      quote.push(ev.quote);
      quoteSource.push(ev.source ?? null);
    }
  }
  return {
    id: packText(id),
    source: packText(source),
    target: packText(target),
    cooperation,
    year,
    date: packText(date),
    description: packText(description),
    agreement: packText(agreement),
    quote: packText(quote),
    quoteSource: packText(quoteSource),
    evidenceCount,
  };
}

/**
 * The ends of agreements as places in the graph's list of institutions (2 per agreement, as the
 * validator sends them), with that list: an agreement's source and target are then the
 * institutions' own id strings, not copies. At 300,000 institutions that is 1.8 million strings
 * fewer on the page, for the garbage collector to walk at every full collection.
 */
export interface KnownEnds {
  ends: Int32Array;
  nodes: readonly NodeElement[];
}

export function unpackEdges(p: PackedEdges, known?: KnownEnds): EdgeElement[] {
  const m = p.year.length;
  const out = new Array<EdgeElement>(m);
  const ids = new TextReader(p.id);
  const source = new TextReader(p.source);
  const target = new TextReader(p.target);
  const date = new TextReader(p.date);
  const description = new TextReader(p.description);
  const agreement = new TextReader(p.agreement);
  const quote = new TextReader(p.quote);
  const quoteSource = new TextReader(p.quoteSource);
  for (let j = 0; j < m; j++) {
    const count = p.evidenceCount[j] as number;
    const evidence = new Array<Evidence>(count);
    for (let k = 0; k < count; k++) {
      const item: Evidence = { quote: quote.text() };
      const from = quoteSource.next();
      if (from !== null) item.source = from;
      evidence[k] = item;
    }
    const id = ids.text();
    const year = p.year[j] as number;
    let from = known?.nodes[known.ends[2 * j] ?? -1]?.data.id;
    let to = known?.nodes[known.ends[2 * j + 1] ?? -1]?.data.id;
    if (from === undefined || to === undefined) {
      from = source.text();
      to = target.text();
    } else {
      source.skip();
      target.skip();
    }
    const data: AgreementData = {
      id,
      source: from,
      target: to,
      cooperation: COOPERATION_TYPES[p.cooperation[j] as number] as CooperationType,
      year: year === 0 ? null : year,
      date: date.next(),
      description: description.text(),
      agreement: agreement.next() ?? id,
      evidence,
    };
    out[j] = { data };
  }
  return out;
}

/** The typed arrays' buffers of packed elements, to transfer rather than copy. */
export function packedBuffers(nodes: PackedNodes, edges: PackedEdges): ArrayBuffer[] {
  const texts = [
    nodes.id,
    nodes.label,
    nodes.country,
    nodes.aliases,
    nodes.city,
    nodes.note,
    edges.id,
    edges.source,
    edges.target,
    edges.date,
    edges.description,
    edges.agreement,
    edges.quote,
    edges.quoteSource,
  ];
  return [
    nodes.type,
    nodes.aliasCount,
    nodes.lat,
    nodes.lon,
    nodes.position,
    edges.cooperation,
    edges.year,
    edges.evidenceCount,
    ...texts.map((t) => t.lengths),
  ].map((a) => a.buffer as ArrayBuffer);
}
