// The graph as numbers: institution i and agreement j are positions in the graph's arrays, and
// countries, kinds, types and years are small integers in typed arrays. Filters and the grouped
// view loop over these instead of the element objects. Built element by element (ColumnsBuilder),
// so that a graph arriving in parts from a worker is turned into columns part by part, while the
// next part is still being checked, instead of all at once after the last one.

import type { EdgeElement, GraphData, NodeElement } from './graph';
import { COOPERATION_TYPES } from './vocabulary';

/** Where an id is in its column. */
export interface PositionLookup {
  get(id: string): number | undefined;
  has(id: string): boolean;
}

/**
 * Positions of ids, with the map filled in idle time after a load (`prepare`) or on the first
 * lookup. The agreements' map (300,000 ids at the largest, about 100 ms to fill) is then not
 * filled during a load at all: no filter and no drawn view needs it (they go by position), only
 * lookups of one agreement (details, the address) and exports.
 */
export class LazyPositions implements PositionLookup {
  private readonly map = new Map<string, number>();
  /** Ids entered into the map so far, in order. */
  private done = 0;
  constructor(private readonly ids: readonly string[]) {}
  /** Every id is in the map. */
  get ready(): boolean {
    return this.done >= this.ids.length;
  }

  /**
   * Fills the map a slice at a time while `more()` is true (e.g. while an idle period lasts);
   * true once it is full. A lookup finishes what is left itself.
   */
  prepare(more: () => boolean = () => true): boolean {
    const { ids, map } = this;
    while (this.done < ids.length) {
      const end = Math.min(ids.length, this.done + 4096);
      for (let i = this.done; i < end; i++) map.set(ids[i] as string, i);
      this.done = end;
      if (!more()) break;
    }
    return this.done >= ids.length;
  }
  private filled(): Map<string, number> {
    if (this.done < this.ids.length) this.prepare();
    return this.map;
  }
  get(id: string): number | undefined {
    return this.filled().get(id);
  }
  has(id: string): boolean {
    return this.filled().has(id);
  }
}

export interface GraphColumns {
  nodeIds: string[];
  nodePosition: PositionLookup;
  edgeIds: string[];
  edgePosition: PositionLookup;
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
 * What the graph's validator already knows of a run of agreements (see GraphValidator.next):
 * `ends` holds the places of each one's source and target in the graph's list of institutions
 * (2 numbers per agreement), `coop` its cooperation type's place in COOPERATION_TYPES. With
 * these the page builds the columns without looking up 600,000 ids again.
 */
export interface EdgeColumns {
  ends: Int32Array;
  coop: Uint8Array;
}

/** The columns with what one pass over the agreements also finds. */
export interface BuiltColumns {
  columns: GraphColumns;
  /** Smallest and largest year on any agreement, or null when no agreement is dated. */
  yearExtent: [number, number] | null;
  undatedCount: number;
}

/** Positions of distinct values, in order of first appearance. */
class Codes {
  readonly values: string[] = [];
  private readonly lookup = new Map<string, number>();
  of(v: string): number {
    let i = this.lookup.get(v);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(v);
      this.lookup.set(v, i);
    }
    return i;
  }
}

/** Grows an Int32Array to hold at least `n` values (doubling), keeping what it holds. */
function room(a: Int32Array, n: number): Int32Array {
  if (n <= a.length) return a;
  const b = new Int32Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Columns built from institutions and agreements added in the graph's order: every institution
 * before the first agreement, as graphs are stored and sent. `expected` sizes the arrays; more
 * may be added.
 */
export class ColumnsBuilder {
  private readonly nodeIds: string[] = [];
  private readonly nodePosition = new Map<string, number>();
  private readonly edgeIds: string[] = [];
  private readonly countries = new Codes();
  private readonly kinds = new Codes();
  private readonly types = new Codes();
  private nodeCountry: Int32Array;
  private nodeKind: Int32Array;
  private edgeSource: Int32Array;
  private edgeTarget: Int32Array;
  private edgeYear: Int32Array;
  private edgeType: Int32Array;
  /** Code in `types` of each COOPERATION_TYPES entry, -1 until seen. */
  private readonly typeOfVocabulary = new Int32Array(COOPERATION_TYPES.length).fill(-1);
  private min = Infinity;
  private max = -Infinity;
  private undated = 0;

  constructor(expected: { nodes: number; edges: number } = { nodes: 0, edges: 0 }) {
    this.nodeCountry = new Int32Array(expected.nodes);
    this.nodeKind = new Int32Array(expected.nodes);
    this.edgeSource = new Int32Array(expected.edges);
    this.edgeTarget = new Int32Array(expected.edges);
    this.edgeYear = new Int32Array(expected.edges);
    this.edgeType = new Int32Array(expected.edges);
  }

  addNodes(nodes: readonly NodeElement[]): void {
    const start = this.nodeIds.length;
    const end = start + nodes.length;
    this.nodeCountry = room(this.nodeCountry, end);
    this.nodeKind = room(this.nodeKind, end);
    const { nodeIds, nodePosition, nodeCountry, nodeKind, countries, kinds } = this;
    for (let k = 0; k < nodes.length; k++) {
      const d = (nodes[k] as NodeElement).data;
      const i = start + k;
      nodeIds.push(d.id);
      nodePosition.set(d.id, i);
      nodeCountry[i] = d.country === null ? -1 : countries.of(d.country);
      nodeKind[i] = kinds.of(d.type);
    }
  }

  /** Adds agreements; `known` (from the validator) spares the id lookups. */
  addEdges(edges: readonly EdgeElement[], known?: EdgeColumns): void {
    const start = this.edgeIds.length;
    const end = start + edges.length;
    this.edgeSource = room(this.edgeSource, end);
    this.edgeTarget = room(this.edgeTarget, end);
    this.edgeYear = room(this.edgeYear, end);
    this.edgeType = room(this.edgeType, end);
    const { edgeIds, nodePosition, edgeSource, edgeTarget, edgeYear, edgeType } = this;
    for (let k = 0; k < edges.length; k++) {
      const d = (edges[k] as EdgeElement).data;
      const j = start + k;
      edgeIds.push(d.id);
      if (known) {
        edgeSource[j] = known.ends[2 * k] as number;
        edgeTarget[j] = known.ends[2 * k + 1] as number;
      } else {
        edgeSource[j] = nodePosition.get(d.source) ?? -1;
        edgeTarget[j] = nodePosition.get(d.target) ?? -1;
      }
      const year = d.year;
      if (year === null) {
        edgeYear[j] = 0;
        this.undated++;
      } else {
        edgeYear[j] = year;
        if (year < this.min) this.min = year;
        if (year > this.max) this.max = year;
      }
      edgeType[j] = known ? this.typeCode(known.coop[k] as number) : this.types.of(d.cooperation);
    }
  }

  private typeCode(v: number): number {
    let code = this.typeOfVocabulary[v] as number;
    if (code < 0) {
      code = this.types.of(COOPERATION_TYPES[v] as string);
      this.typeOfVocabulary[v] = code;
    }
    return code;
  }

  /** The columns of everything added; the builder is not to be used afterwards. */
  finish(): BuiltColumns {
    const N = this.nodeIds.length;
    const M = this.edgeIds.length;
    const edgeSource = this.edgeSource.subarray(0, M);
    const edgeTarget = this.edgeTarget.subarray(0, M);
    // Agreements per institution, built when first read: a load's filters and grouped view do
    // not need them (~15 ms at 300,000 agreements); details, neighbourhoods and open groups do.
    let csr: Incidence | null = null;
    const incidence = (): Incidence => {
      if (!csr) {
        csr = incidenceOf(N, edgeSource, edgeTarget);
        withIncidence.add(columns);
      }
      return csr;
    };
    const columns: GraphColumns = {
      nodeIds: this.nodeIds,
      nodePosition: this.nodePosition,
      edgeIds: this.edgeIds,
      edgePosition: new LazyPositions(this.edgeIds),
      nodeCountry: this.nodeCountry.subarray(0, N),
      countryCodes: this.countries.values,
      nodeKind: this.nodeKind.subarray(0, N),
      kindNames: this.kinds.values,
      edgeSource,
      edgeTarget,
      edgeYear: this.edgeYear.subarray(0, M),
      edgeType: this.edgeType.subarray(0, M),
      typeNames: this.types.values,
      get incidenceStart() {
        return incidence().incidenceStart;
      },
      get incidence() {
        return incidence().incidence;
      },
    };
    return {
      columns,
      yearExtent: this.min <= this.max ? [this.min, this.max] : null,
      undatedCount: this.undated,
    };
  }
}

const withIncidence = new WeakSet<GraphColumns>();

/** Whether the agreements per institution have been built (they are on first read). */
export function hasIncidence(columns: GraphColumns): boolean {
  return withIncidence.has(columns);
}

interface Incidence {
  incidenceStart: Int32Array;
  incidence: Int32Array;
}

/** Agreements per institution, as offsets into one array (compressed sparse rows). */
function incidenceOf(N: number, edgeSource: Int32Array, edgeTarget: Int32Array): Incidence {
  const M = edgeSource.length;
  const incidenceStart = new Int32Array(N + 1);
  for (let j = 0; j < M; j++) {
    const s = edgeSource[j] as number;
    const t = edgeTarget[j] as number;
    if (s >= 0) incidenceStart[s + 1] = (incidenceStart[s + 1] as number) + 1;
    if (t >= 0 && t !== s) incidenceStart[t + 1] = (incidenceStart[t + 1] as number) + 1;
  }
  for (let i = 0; i < N; i++) {
    incidenceStart[i + 1] = (incidenceStart[i + 1] as number) + (incidenceStart[i] as number);
  }
  const incidence = new Int32Array(incidenceStart[N] as number);
  const fill = incidenceStart.slice(0, N);
  for (let j = 0; j < M; j++) {
    const s = edgeSource[j] as number;
    const t = edgeTarget[j] as number;
    if (s >= 0) incidence[(fill[s] = (fill[s] as number) + 1) - 1] = j;
    if (t >= 0 && t !== s) incidence[(fill[t] = (fill[t] as number) + 1) - 1] = j;
  }
  return { incidenceStart, incidence };
}

/** The columns of a whole graph. */
export function columnsOf(graph: GraphData): BuiltColumns {
  const { nodes, edges } = graph.elements;
  const builder = new ColumnsBuilder({ nodes: nodes.length, edges: edges.length });
  builder.addNodes(nodes);
  builder.addEdges(edges);
  return builder.finish();
}

// Columns built while a graph was received, kept for the graph index (filters/graphIndex.ts),
// which takes them instead of building its own.
const built = new WeakMap<GraphData, BuiltColumns>();

/** Keeps columns built for `graph`, for the graph index to take. */
export function keepColumns(graph: GraphData, columns: BuiltColumns): void {
  built.set(graph, columns);
}

/** The columns kept for `graph` (once: they are then the index's), or null. */
export function takeColumns(graph: GraphData): BuiltColumns | null {
  const hit = built.get(graph);
  if (!hit) return null;
  built.delete(graph);
  return hit;
}
