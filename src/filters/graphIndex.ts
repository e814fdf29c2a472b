// Lookups derived once per graph and cached by identity: filters, facets and the UI share them.

import type { AgreementData, GraphData, InstitutionData } from '../model';

/**
 * A read-only set of ids. Filters answer with IdSets backed by one byte per element (cheap to
 * build over hundreds of thousands of agreements); small derived sets are plain Sets.
 */
export interface IdLookup extends Iterable<string> {
  has(id: string): boolean;
  readonly size: number;
}

/** Element i of `ids` is in the set when `flags[i]` is 1. */
export class IdSet implements IdLookup {
  readonly size: number;
  constructor(
    readonly ids: readonly string[],
    private readonly position: Map<string, number>,
    readonly flags: Uint8Array,
    size?: number,
  ) {
    this.size = size ?? flags.reduce((k, f) => k + f, 0);
  }
  has(id: string): boolean {
    const i = this.position.get(id);
    return i !== undefined && this.flags[i] === 1;
  }
  *[Symbol.iterator](): Iterator<string> {
    const { ids, flags } = this;
    for (let i = 0; i < flags.length; i++) if (flags[i] === 1) yield ids[i] as string;
  }
}

/**
 * The graph as numbers, for the filters' and the grouped view's loops: institution i and
 * agreement j are positions in the graph's arrays.
 */
export interface GraphColumns {
  nodeIds: string[];
  nodePosition: Map<string, number>;
  edgeIds: string[];
  edgePosition: Map<string, number>;
  /** Country of each institution as a position in `countryCodes`, -1 for none. */
  nodeCountry: Int32Array;
  countryCodes: string[];
  /** Institution type of each institution, as a position in `kindNames`. */
  nodeKind: Int32Array;
  kindNames: string[];
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** Year of each agreement; 0 when unknown. */
  edgeYear: Int32Array;
  /** Cooperation type, as a position in `typeNames`. */
  edgeType: Int32Array;
  typeNames: string[];
  /** Agreements of institution i: incidence[incidenceStart[i] .. incidenceStart[i + 1]). */
  incidenceStart: Int32Array;
  incidence: Int32Array;
}

export interface GraphIndex {
  nodes: Map<string, InstitutionData>;
  edges: Map<string, AgreementData>;
  /** Edge ids per institution id. */
  incident: Map<string, string[]>;
  /** Number of distinct partners per institution id. */
  partners: Map<string, number>;
  /** Smallest and largest year on any agreement, or null when no agreement is dated. */
  yearExtent: [number, number] | null;
  undatedCount: number;
  columns: GraphColumns;
}

const cache = new WeakMap<GraphData, GraphIndex>();

export function indexGraph(graph: GraphData): GraphIndex {
  const hit = cache.get(graph);
  if (hit) return hit;
  const nodes = new Map<string, InstitutionData>();
  const incident = new Map<string, string[]>();
  for (const n of graph.elements.nodes) {
    nodes.set(n.data.id, n.data);
    incident.set(n.data.id, []);
  }
  const edges = new Map<string, AgreementData>();
  let min = Infinity;
  let max = -Infinity;
  let undatedCount = 0;
  for (const e of graph.elements.edges) {
    const d = e.data;
    edges.set(d.id, d);
    incident.get(d.source)?.push(d.id);
    incident.get(d.target)?.push(d.id);
    if (d.year === null) undatedCount++;
    else {
      if (d.year < min) min = d.year;
      if (d.year > max) max = d.year;
    }
  }
  const columns = columnsOf(graph);
  // Distinct partners, counted on the number columns: a stamp per institution visited.
  const partners = new Map<string, number>();
  const stamp = new Int32Array(columns.nodeIds.length).fill(-1);
  columns.nodeIds.forEach((id, i) => {
    let k = 0;
    const end = columns.incidenceStart[i + 1] ?? 0;
    for (let p = columns.incidenceStart[i] ?? 0; p < end; p++) {
      const j = columns.incidence[p] ?? 0;
      const s = columns.edgeSource[j] ?? 0;
      const other = s === i ? (columns.edgeTarget[j] ?? 0) : s;
      if (stamp[other] !== i) {
        stamp[other] = i;
        k++;
      }
    }
    partners.set(id, k);
  });
  const index: GraphIndex = {
    nodes,
    edges,
    incident,
    partners,
    yearExtent: min <= max ? [min, max] : null,
    undatedCount,
    columns,
  };
  cache.set(graph, index);
  return index;
}

function positionsOf(values: string[], lookup: Map<string, number>): (v: string) => number {
  return (v) => {
    let i = lookup.get(v);
    if (i === undefined) {
      i = values.length;
      values.push(v);
      lookup.set(v, i);
    }
    return i;
  };
}

function columnsOf(graph: GraphData): GraphColumns {
  const nodes = graph.elements.nodes;
  const edges = graph.elements.edges;
  const nodeIds = nodes.map((n) => n.data.id);
  const nodePosition = new Map<string, number>();
  nodeIds.forEach((id, i) => nodePosition.set(id, i));
  const edgeIds = edges.map((e) => e.data.id);
  const edgePosition = new Map<string, number>();
  edgeIds.forEach((id, i) => edgePosition.set(id, i));
  const countryCodes: string[] = [];
  const countryOf = positionsOf(countryCodes, new Map());
  const kindNames: string[] = [];
  const kindOf = positionsOf(kindNames, new Map());
  const typeNames: string[] = [];
  const typeOf = positionsOf(typeNames, new Map());
  const nodeCountry = new Int32Array(nodes.length);
  const nodeKind = new Int32Array(nodes.length);
  nodes.forEach((n, i) => {
    nodeCountry[i] = n.data.country === null ? -1 : countryOf(n.data.country);
    nodeKind[i] = kindOf(n.data.type);
  });
  const edgeSource = new Int32Array(edges.length);
  const edgeTarget = new Int32Array(edges.length);
  const edgeYear = new Int32Array(edges.length);
  const edgeType = new Int32Array(edges.length);
  const degree = new Int32Array(nodes.length + 1);
  edges.forEach((e, j) => {
    const d = e.data;
    const s = nodePosition.get(d.source) ?? -1;
    const t = nodePosition.get(d.target) ?? -1;
    edgeSource[j] = s;
    edgeTarget[j] = t;
    edgeYear[j] = d.year ?? 0;
    edgeType[j] = typeOf(d.cooperation);
    if (s >= 0) degree[s + 1] = (degree[s + 1] ?? 0) + 1;
    if (t >= 0 && t !== s) degree[t + 1] = (degree[t + 1] ?? 0) + 1;
  });
  const incidenceStart = new Int32Array(nodes.length + 1);
  for (let i = 0; i < nodes.length; i++) {
    incidenceStart[i + 1] = (incidenceStart[i] ?? 0) + (degree[i + 1] ?? 0);
  }
  const incidence = new Int32Array(incidenceStart[nodes.length] ?? 0);
  const fill = incidenceStart.slice(0, nodes.length);
  for (let j = 0; j < edges.length; j++) {
    const s = edgeSource[j] ?? -1;
    const t = edgeTarget[j] ?? -1;
    if (s >= 0) incidence[(fill[s] = (fill[s] ?? 0) + 1) - 1] = j;
    if (t >= 0 && t !== s) incidence[(fill[t] = (fill[t] ?? 0) + 1) - 1] = j;
  }
  return {
    nodeIds,
    nodePosition,
    edgeIds,
    edgePosition,
    nodeCountry,
    countryCodes,
    nodeKind,
    kindNames,
    edgeSource,
    edgeTarget,
    edgeYear,
    edgeType,
    typeNames,
    incidenceStart,
    incidence,
  };
}
