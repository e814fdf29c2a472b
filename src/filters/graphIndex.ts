// Lookups derived once per graph and cached by identity: filters, facets and the UI share them.

import type { AgreementData, EdgeElement, GraphData, InstitutionData, NodeElement } from '../model';
import {
  LazyPositions,
  columnsOf,
  hasIncidence,
  takeColumns,
  type GraphColumns,
  type PositionLookup,
} from '../model/columns';

export type { GraphColumns } from '../model/columns';

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
    private readonly position: PositionLookup,
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
 * One flag per position (1: in `ids`). An IdSet over the same columns gives its own flags, so
 * no id is looked up: the agreements' id map is filled in idle time after a load or on a first
 * lookup, and a filter or a group opening never waits for it.
 */
export function flagsOf(ids: IdLookup, length: number, position: PositionLookup): Uint8Array {
  if (ids instanceof IdSet && ids.flags.length === length) return ids.flags;
  const flags = new Uint8Array(length);
  for (const id of ids) {
    const i = position.get(id);
    if (i !== undefined) flags[i] = 1;
  }
  return flags;
}

/**
 * A read-only map from ids to values kept at the ids' positions. It reads the columns' position
 * maps and the graph's arrays: no map of its own to fill, which for 100,000 institutions and
 * 300,000 agreements saved most of a second at every load.
 */
export class PositionMap<V> implements Iterable<[string, V]> {
  constructor(
    private readonly ids: readonly string[],
    private readonly position: PositionLookup,
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
  /** Number of distinct partners per institution id (counted when first asked for). */
  partners: PositionMap<number>;
  /** Counts every institution's partners ahead: a slice, then more while `more()` is true;
   * true once all are counted (at once, doing nothing, when they are). */
  preparePartners(more: () => boolean): boolean;
  /** Every institution's partners are counted. */
  readonly partnersReady: boolean;
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
  const { columns, yearExtent, undatedCount } = takeColumns(graph) ?? columnsOf(graph);
  const { nodeIds, nodePosition, edgeIds, edgePosition } = columns;
  // Distinct partners, counted on the number columns when first asked for an institution (a
  // stamp per partner visited): a load does not wait to count them all (~20 ms at 100,000
  // institutions), and most are never asked for.
  const partnerCount = new Int32Array(nodeIds.length).fill(-1);
  const stamp = new Int32Array(nodeIds.length).fill(-1);
  let counted = 0;
  const partnersAt = (i: number): number => {
    const known = partnerCount[i] ?? 0;
    if (known >= 0) return known;
    let k = 0;
    const { incidenceStart, incidence } = columns;
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
    return k;
  };
  const incidentAt = (i: number): string[] => {
    const out: string[] = [];
    const { incidenceStart, incidence } = columns;
    const end = incidenceStart[i + 1] ?? 0;
    for (let p = incidenceStart[i] ?? 0; p < end; p++) out.push(edgeIds[incidence[p] ?? 0] ?? '');
    return out;
  };
  const index: GraphIndex = {
    nodes: new PositionMap(nodeIds, nodePosition, (i) => (nodeList[i] as NodeElement).data),
    edges: new PositionMap(edgeIds, edgePosition, (j) => (edgeList[j] as EdgeElement).data),
    incident: new PositionMap(nodeIds, nodePosition, incidentAt),
    partners: new PositionMap(nodeIds, nodePosition, partnersAt),
    preparePartners: (more) => {
      while (counted < nodeIds.length) {
        const end = Math.min(nodeIds.length, counted + 8192);
        for (; counted < end; counted++) partnersAt(counted);
        if (!more()) break;
      }
      return counted >= nodeIds.length;
    },
    get partnersReady() {
      return counted >= nodeIds.length;
    },
    yearExtent,
    undatedCount,
    columns,
  };
  cache.set(graph, index);
  return index;
}

/**
 * Builds what the index leaves for first use (the agreements' id map) a slice at a time while
 * `more()` is true; true once done. For idle time after a load, so that opening an
 * institution's details does not wait for it.
 */
export function prepareIndex(graph: GraphData, more: () => boolean = () => true): boolean {
  const index = indexGraph(graph);
  const { columns } = index;
  const { edgePosition } = columns;
  // Each call makes one step at least, and goes on to the next while there is time: the id
  // map a slice at a time; the agreements per institution (~15 ms at 300,000 agreements); then
  // every institution's partners (~20 ms at 100,000), which the first view that draws
  // institutions ranks for its label tiers.
  let worked = false;
  if (edgePosition instanceof LazyPositions && !edgePosition.ready) {
    worked = true;
    if (!edgePosition.prepare(more)) return false;
  }
  if (!hasIncidence(columns)) {
    if (worked && !more()) return false;
    worked = true;
    void columns.incidence;
  }
  if (index.partnersReady) return true;
  if (worked && !more()) return false;
  return index.preparePartners(more);
}
