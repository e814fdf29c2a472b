// Pure filtering: the graph and the filter inputs in, the visible id sets out. Nothing here
// knows about Cytoscape or React.

import type { CooperationType, GraphData, InstitutionType } from '../model';
import { IdSet, indexGraph, type GraphColumns, type IdLookup } from './graphIndex';

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

/** What the filters leave: institutions and agreements, by id. */
export interface Visible {
  nodes: IdLookup;
  edges: IdLookup;
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

/** How many filters differ from the defaults: each ticked box, and each year setting. */
export function activeFilterCount(f: Filters): number {
  return (
    f.countries.length +
    f.types.length +
    f.kinds.length +
    (f.years ? 1 : 0) +
    (f.onlyUndated === true || !f.undated ? 1 : 0) +
    (f.hideIsolated === DEFAULT_FILTERS.hideIsolated ? 0 : 1)
  );
}

/** Per-option flags for a facet (1 = picked) over the index's value list; null = all. */
function picked(chosen: readonly string[], names: readonly string[]): Uint8Array | null {
  if (chosen.length === 0) return null;
  const set = new Set(chosen);
  return Uint8Array.from(names, (n) => (set.has(n) ? 1 : 0));
}

/** 1 for each agreement whose type and year pass (the agreement-level filters). */
function agreementsPassing(c: GraphColumns, f: Filters, ignoreTypes = false): Uint8Array {
  const types = ignoreTypes ? null : picked(f.types, c.typeNames);
  const out = new Uint8Array(c.edgeIds.length);
  const [from, to] = f.years ?? [-Infinity, Infinity];
  for (let j = 0; j < out.length; j++) {
    if (types !== null && types[c.edgeType[j] ?? 0] !== 1) continue;
    const year = c.edgeYear[j] ?? 0;
    if (year === 0) {
      if (!f.undated) continue;
    } else if (f.onlyUndated || year < from || year > to) continue;
    out[j] = 1;
  }
  return out;
}

/** 1 for each institution the country and institution-type filters select. */
function institutionsSelected(c: GraphColumns, f: Filters): Uint8Array | null {
  const countries = picked(f.countries, c.countryCodes);
  const kinds = picked(f.kinds, c.kindNames);
  if (countries === null && kinds === null) return null;
  const out = new Uint8Array(c.nodeIds.length);
  for (let i = 0; i < out.length; i++) {
    const country = c.nodeCountry[i] ?? -1;
    if (countries !== null && (country < 0 || countries[country] !== 1)) continue;
    if (kinds !== null && kinds[c.nodeKind[i] ?? 0] !== 1) continue;
    out[i] = 1;
  }
  return out;
}

/**
 * Country and institution-type filters select institutions; an agreement is shown when at least
 * one of its parties is selected (both parties then appear), and when its type and year pass.
 * An institution is shown when it is a party to a shown agreement, or, unless isolated ones are
 * hidden, when it is selected itself. Runs over the index's number columns: a few
 * milliseconds per hundred thousand agreements.
 */
export function applyFilters(graph: GraphData, f: Filters): Visible {
  const c = indexGraph(graph).columns;
  if (!isDefaultFilters(f)) return filterColumns(c, f);
  // The whole graph, the view every load starts from and every "Clear all" and undone filter
  // goes back to: kept, so that going back goes over no agreement, and the same flags let the
  // grouped view find its counts for them again (kept per flags, grouped.ts).
  let all = unfiltered.get(c);
  if (!all) unfiltered.set(c, (all = filterColumns(c, f)));
  return all;
}

const unfiltered = new WeakMap<GraphColumns, Visible>();

function filterColumns(
  c: GraphColumns,
  f: Filters,
  ignoreTypes = false,
  edgeFlags = agreementsPassing(c, f, ignoreTypes),
): Visible {
  const selected = institutionsSelected(c, f);
  const nodeFlags = new Uint8Array(c.nodeIds.length);
  let edgeCount = 0;
  for (let j = 0; j < edgeFlags.length; j++) {
    if (edgeFlags[j] !== 1) continue;
    const s = c.edgeSource[j] ?? 0;
    const t = c.edgeTarget[j] ?? 0;
    if (selected !== null && selected[s] !== 1 && selected[t] !== 1) {
      edgeFlags[j] = 0;
      continue;
    }
    edgeCount++;
    nodeFlags[s] = 1;
    nodeFlags[t] = 1;
  }
  if (!f.hideIsolated) {
    for (let i = 0; i < nodeFlags.length; i++)
      if (selected === null || selected[i] === 1) nodeFlags[i] = 1;
  }
  return {
    nodes: new IdSet(c.nodeIds, c.nodePosition, nodeFlags),
    edges: new IdSet(c.edgeIds, c.edgePosition, edgeFlags, edgeCount),
  };
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
  if (!isDefaultFilters(f)) return facetCountsOf(indexGraph(graph).columns, f);
  // Unfiltered, picking one option of a facet alone shows that option's institutions (or
  // agreements) among those shown now: counted over the whole graph's flags, without the three
  // passes over every agreement below (34 ms of a 100,000-institution load's last task).
  const { columns: c } = indexGraph(graph);
  const all = applyFilters(graph, f);
  const nodeOn = (all.nodes as IdSet).flags;
  return {
    countries: countsByOption(c.nodeCountry, nodeOn, c.countryCodes),
    kinds: countsByOption(c.nodeKind, nodeOn, c.kindNames),
    types: countsByOption(c.edgeType, (all.edges as IdSet).flags, c.typeNames),
  };
}

/** How many of the flagged positions have each option of `key` (its index in `names`). */
function countsByOption(
  key: Int32Array,
  on: Uint8Array,
  names: readonly string[],
): Map<string, number> {
  const counts = new Int32Array(names.length);
  for (let i = 0; i < on.length; i++) {
    const k = key[i] ?? -1;
    if (on[i] === 1 && k >= 0) counts[k] = (counts[k] ?? 0) + 1;
  }
  const m = new Map<string, number>();
  names.forEach((name, k) => {
    if ((counts[k] ?? 0) > 0) m.set(name, counts[k] ?? 0);
  });
  return m;
}

/** facetCounts' general way, for any filters (exported for the test of its shortcut). */
export function facetCountsOf(c: GraphColumns, f: Filters): FacetCounts {
  const edgeOk = agreementsPassing(c, f);
  const countriesPicked = picked(f.countries, c.countryCodes);
  const kindsPicked = picked(f.kinds, c.kindNames);
  const countryOk = (i: number) => {
    const k = c.nodeCountry[i] ?? -1;
    return countriesPicked === null || (k >= 0 && countriesPicked[k] === 1);
  };
  const kindOk = (i: number) => kindsPicked === null || kindsPicked[c.nodeKind[i] ?? 0] === 1;

  // Picking option X of a facet shows an agreement when a party has X and passes the other
  // institution filter; then both parties show, and the other party counts for X if it has X too.
  const facet = (key: Int32Array, names: readonly string[], other: (i: number) => boolean) => {
    const seen = new Uint8Array(c.nodeIds.length);
    for (let j = 0; j < edgeOk.length; j++) {
      if (edgeOk[j] !== 1) continue;
      const s = c.edgeSource[j] ?? 0;
      const t = c.edgeTarget[j] ?? 0;
      const ks = key[s] ?? -1;
      const kt = key[t] ?? -1;
      if (ks >= 0 && other(s)) {
        seen[s] = 1;
        if (kt === ks) seen[t] = 1;
      }
      if (kt >= 0 && other(t)) {
        seen[t] = 1;
        if (ks === kt) seen[s] = 1;
      }
    }
    if (!f.hideIsolated) {
      for (let i = 0; i < seen.length; i++) if ((key[i] ?? -1) >= 0 && other(i)) seen[i] = 1;
    }
    return countsByOption(key, seen, names);
  };
  // Without a type filter the agreements passing are those found above (a copy: filtering
  // writes into it).
  const anyType = filterColumns(c, f, true, f.types.length === 0 ? edgeOk.slice() : undefined)
    .edges as IdSet;
  return {
    countries: facet(c.nodeCountry, c.countryCodes, kindOk),
    kinds: facet(c.nodeKind, c.kindNames, countryOk),
    types: countsByOption(c.edgeType, anyType.flags, c.typeNames),
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
