// Pure filtering: the graph and the filter inputs in, the visible id sets out. Nothing here
// knows about Cytoscape or React.

import type {
  AgreementData,
  CooperationType,
  GraphData,
  InstitutionData,
  InstitutionType,
} from '../model';
import { indexGraph } from './graphIndex';

export interface Filters {
  /** ISO alpha-2 codes; empty means every country. */
  countries: string[];
  /** Inclusive year range; null means no restriction by year. */
  years: [number, number] | null;
  /** Whether agreements without a known year are shown. */
  undated: boolean;
  /** Show only agreements without a known year (`undated=only`). */
  onlyUndated?: boolean;
  /** Cooperation types; empty means every type. */
  types: CooperationType[];
  /** Institution types; empty means every type. */
  kinds: InstitutionType[];
  /** Hide institutions left without any visible agreement. */
  hideIsolated: boolean;
}

export const DEFAULT_FILTERS: Filters = {
  countries: [],
  years: null,
  undated: true,
  types: [],
  kinds: [],
  hideIsolated: true,
};

export interface Visible {
  nodes: Set<string>;
  edges: Set<string>;
}

export function isDefaultFilters(f: Filters): boolean {
  return (
    f.countries.length === 0 &&
    f.years === null &&
    f.undated &&
    !f.onlyUndated &&
    f.types.length === 0 &&
    f.kinds.length === 0 &&
    f.hideIsolated === DEFAULT_FILTERS.hideIsolated
  );
}

/**
 * Country and institution-type filters select institutions; an agreement is shown when at least
 * one of its parties is selected (both parties then appear), and when its type and year pass.
 * An institution is shown when it is a party to a shown agreement, or, unless isolated ones are
 * hidden, when it is selected itself.
 */
export function applyFilters(graph: GraphData, f: Filters): Visible {
  const index = indexGraph(graph);
  const countries = f.countries.length > 0 ? new Set(f.countries) : null;
  const kinds = f.kinds.length > 0 ? new Set<string>(f.kinds) : null;
  const types = f.types.length > 0 ? new Set<string>(f.types) : null;
  const selected = (n: InstitutionData | undefined): boolean =>
    n !== undefined &&
    (countries === null || (n.country !== null && countries.has(n.country))) &&
    (kinds === null || kinds.has(n.type));

  const nodeFilterActive = countries !== null || kinds !== null;
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const e of graph.elements.edges) {
    const d = e.data;
    if (types !== null && !types.has(d.cooperation)) continue;
    if (d.year === null) {
      if (!f.undated) continue;
    } else if (f.onlyUndated) continue;
    else if (f.years !== null && (d.year < f.years[0] || d.year > f.years[1])) continue;
    if (
      nodeFilterActive &&
      !selected(index.nodes.get(d.source)) &&
      !selected(index.nodes.get(d.target))
    ) {
      continue;
    }
    edges.add(d.id);
    nodes.add(d.source);
    nodes.add(d.target);
  }
  if (!f.hideIsolated) {
    for (const n of graph.elements.nodes) {
      if (selected(n.data)) nodes.add(n.data.id);
    }
  }
  return { nodes, edges };
}

export interface FacetCounts {
  countries: Map<string, number>;
  kinds: Map<string, number>;
  types: Map<string, number>;
}

/**
 * For each option of a facet, how many institutions (countries, kinds) or agreements (types) of
 * that option the user sees by picking it alone, the other filters unchanged. One pass over the
 * agreements per facet, so counts stay cheap on large graphs.
 */
export function facetCounts(graph: GraphData, f: Filters): FacetCounts {
  const index = indexGraph(graph);
  const countries = f.countries.length > 0 ? new Set(f.countries) : null;
  const kinds = f.kinds.length > 0 ? new Set<string>(f.kinds) : null;
  const countryOk = (n: InstitutionData) =>
    countries === null || (n.country !== null && countries.has(n.country));
  const kindOk = (n: InstitutionData) => kinds === null || kinds.has(n.type);
  const edgeOk = (d: AgreementData) =>
    (f.types.length === 0 || f.types.includes(d.cooperation)) &&
    (d.year === null
      ? f.undated
      : !f.onlyUndated && (f.years === null || (d.year >= f.years[0] && d.year <= f.years[1])));

  // Picking option X of a facet shows an agreement when a party has X and passes the other
  // institution filter; then both parties show, and the other party counts for X if it has X too.
  const facet = (
    key: (n: InstitutionData) => string | null,
    other: (n: InstitutionData) => boolean,
  ) => {
    const seen = new Set<string>();
    for (const e of graph.elements.edges) {
      const d = e.data;
      if (!edgeOk(d)) continue;
      const s = index.nodes.get(d.source);
      const t = index.nodes.get(d.target);
      if (!s || !t) continue;
      const ks = key(s);
      const kt = key(t);
      if (ks !== null && other(s)) {
        seen.add(s.id);
        if (kt === ks) seen.add(t.id);
      }
      if (kt !== null && other(t)) {
        seen.add(t.id);
        if (ks === kt) seen.add(s.id);
      }
    }
    if (!f.hideIsolated) {
      for (const n of index.nodes.values()) if (key(n) !== null && other(n)) seen.add(n.id);
    }
    const m = new Map<string, number>();
    for (const id of seen) {
      const n = index.nodes.get(id);
      const k = n ? key(n) : null;
      if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const types = new Map<string, number>();
  for (const id of applyFilters(graph, { ...f, types: [] }).edges) {
    const t = index.edges.get(id)?.cooperation;
    if (t) types.set(t, (types.get(t) ?? 0) + 1);
  }
  return {
    countries: facet((n) => n.country, kindOk),
    kinds: facet((n) => n.type, countryOk),
    types,
  };
}

/** Ids within `hops` steps of `focus` along visible agreements, the focus included. */
export function neighbourhood(
  graph: GraphData,
  visible: Visible,
  focus: string,
  hops: number,
): Visible {
  const index = indexGraph(graph);
  const nodes = new Set<string>();
  const edges = new Set<string>();
  if (!visible.nodes.has(focus)) return { nodes, edges };
  nodes.add(focus);
  let frontier = [focus];
  for (let step = 0; step < hops; step++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const eid of index.incident.get(id) ?? []) {
        if (!visible.edges.has(eid)) continue;
        const e = index.edges.get(eid);
        if (!e) continue;
        edges.add(eid);
        const other = e.source === id ? e.target : e.source;
        if (!nodes.has(other)) {
          nodes.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  // Agreements among the reached institutions belong to the neighbourhood too.
  for (const id of nodes) {
    for (const eid of index.incident.get(id) ?? []) {
      const e = index.edges.get(eid);
      if (e && visible.edges.has(eid) && nodes.has(e.source) && nodes.has(e.target)) {
        edges.add(eid);
      }
    }
  }
  return { nodes, edges };
}
