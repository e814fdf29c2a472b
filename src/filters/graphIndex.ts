// Lookups derived once per graph and cached by identity: filters, facets and the UI share them.

import type { AgreementData, EdgeElement, GraphData, InstitutionData, NodeElement } from '../model';

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

/**
 * A read-only map from ids to values kept at the ids' positions. It reads the columns' position
 * maps and the graph's arrays: no map of its own to fill, which for 100,000 institutions and
 * 300,000 agreements saved most of a second at every load.
 */
export class PositionMap<V> implements Iterable<[string, V]> {
  constructor(
    private readonly ids: readonly string[],
    private readonly position: ReadonlyMap<string, number>,
    private readonly at: (i: number) => V,
  ) {}
  get size(): number {
    return this.ids.length;
  }
  get(id: string): V | undefined {
    const i = this.position.get(id);
    return i === undefined ? undefined : this.at(i);
  }
  has(id: string): boolean {
    return this.position.has(id);
  }
  *keys(): Generator<string> {
    yield* this.ids;
  }
  *values(): Generator<V> {
    for (let i = 0; i < this.ids.length; i++) yield this.at(i);
  }
  *[Symbol.iterator](): Generator<[string, V]> {
    for (let i = 0; i < this.ids.length; i++) yield [this.ids[i] as string, this.at(i)];
  }
}

export interface GraphIndex {
  nodes: PositionMap<InstitutionData>;
  edges: PositionMap<AgreementData>;
  /** Edge ids per institution id, in the graph's order. */
  incident: PositionMap<string[]>;
  /** Number of distinct partners per institution id. */
  partners: PositionMap<number>;
  /** Smallest and largest year on any agreement, or null when no agreement is dated. */
  yearExtent: [number, number] | null;
  undatedCount: number;
  columns: GraphColumns;
}

const cache = new WeakMap<GraphData, GraphIndex>();

export function indexGraph(graph: GraphData): GraphIndex {
  const hit = cache.get(graph);
  if (hit) return hit;
  const { nodes: nodeList, edges: edgeList } = graph.elements;
  let min = Infinity;
  let max = -Infinity;
  let undatedCount = 0;
  for (const e of edgeList) {
    const year = e.data.year;
    if (year === null) undatedCount++;
    else {
      if (year < min) min = year;
      if (year > max) max = year;
    }
  }
  const columns = columnsOf(graph);
  const { nodeIds, nodePosition, edgeIds, edgePosition, incidenceStart, incidence } = columns;
  // Distinct partners, counted on the number columns: a stamp per institution visited.
  const partnerCount = new Int32Array(nodeIds.length);
  const stamp = new Int32Array(nodeIds.length).fill(-1);
  for (let i = 0; i < nodeIds.length; i++) {
    let k = 0;
    const end = incidenceStart[i + 1] ?? 0;
    for (let p = incidenceStart[i] ?? 0; p < end; p++) {
      const j = incidence[p] ?? 0;
      const s = columns.edgeSource[j] ?? 0;
      const other = s === i ? (columns.edgeTarget[j] ?? 0) : s;
      if (stamp[other] !== i) {
        stamp[other] = i;
        k++;
      }
    }
    partnerCount[i] = k;
  }
  const incidentAt = (i: number): string[] => {
    const out: string[] = [];
    const end = incidenceStart[i + 1] ?? 0;
    for (let p = incidenceStart[i] ?? 0; p < end; p++) out.push(edgeIds[incidence[p] ?? 0] ?? '');
    return out;
  };
  const index: GraphIndex = {
    nodes: new PositionMap(nodeIds, nodePosition, (i) => (nodeList[i] as NodeElement).data),
    edges: new PositionMap(edgeIds, edgePosition, (j) => (edgeList[j] as EdgeElement).data),
    incident: new PositionMap(nodeIds, nodePosition, incidentAt),
    partners: new PositionMap(nodeIds, nodePosition, (i) => partnerCount[i] ?? 0),
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
