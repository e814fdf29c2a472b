// One Zustand store in slices: data (the loaded graph), view (filters, selection, layout, colour,
// search, panel) and notices. It holds inputs only; visible sets, facets and details are derived
// by selectors.

import { create } from 'zustand';
import type { GraphData, Position, Problem } from '../model';
import type { LoadProgress } from '../data/load/graphLoader';
import { withPositions } from '../layout/positions';
import {
  DEFAULT_FILTERS,
  DEFAULT_VIEW,
  applyFilters,
  cleanState,
  aggregate,
  facetCounts,
  neighbourhood,
  shortestPath,
  type FacetCounts,
  type Filters,
  type ViewState,
  type DrawnView,
  type Visible,
  type LayoutName,
} from '../filters';
import { cachedLayout, groupGeometry } from '../cy/layouts';
import { prefetchViewCode, viewCodeFor } from './viewCode';

export type LoadStatus = 'loading' | 'ready' | 'error';

export interface DataSlice {
  graph: GraphData | null;
  /** Where the graph came from, for messages and file names. */
  graphSource: string;
  status: LoadStatus;
  problems: Problem[];
  /** How far the load under way has got, while loading. */
  loadProgress: LoadProgress | null;
}

export interface NoticeSlice {
  notices: string[];
}

export interface Actions {
  startLoading(source: string): void;
  setLoadProgress(progress: LoadProgress): void;
  loadSucceeded(graph: GraphData, source: string, view?: ViewState): void;
  loadFailed(source: string, problems: Problem[]): void;
  setFilters(patch: Partial<Filters>): void;
  clearFilters(): void;
  selectInstitution(id: string | null): void;
  selectAgreement(id: string | null): void;
  setHops(hops: 1 | 2): void;
  setPath(id: string | null): void;
  setLayout(layout: ViewState['layout']): void;
  setColor(color: ViewState['color']): void;
  setSearch(search: string): void;
  setPanel(panel: ViewState['panel']): void;
  /** Opens a country group of the grouped view (kept last, so it keeps its room longest). */
  expandGroup(key: string): void;
  collapseGroup(key: string): void;
  collapseGroups(): void;
  /** Replaces the whole view (URL navigation); values are cleaned against the graph. */
  applyView(view: ViewState): void;
  /** A layout computed for `graph` (which had no positions) arrived: use it, if still shown. */
  positionsComputed(graph: GraphData, positions: Map<string, Position>): void;
  addNotices(notices: string[]): void;
  dismissNotices(): void;
}

export type AtlasState = DataSlice & NoticeSlice & ViewState & Actions;

/** Changes waiting for view code to load, applied in the order they were made. */
let waiting: Promise<void> | null = null;

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Runs `apply` at once when nothing is waiting and showing `graph` in `layout` needs no code that
 * is still to load (see viewCode.ts); else once it is loaded, after the changes queued before.
 * `failed` runs instead when the code cannot be loaded (e.g. the site was updated meanwhile).
 */
function whenViewCode(
  graph: GraphData | null,
  layout: LayoutName,
  apply: () => void,
  failed: (message: string) => void,
): void {
  const code = viewCodeFor(graph, layout);
  if (!code && !waiting) {
    apply();
    return;
  }
  const mine: Promise<void> = (waiting ?? Promise.resolve())
    .then(() => code)
    .then(apply, (e: unknown) => failed(messageOf(e)))
    .finally(() => {
      if (waiting === mine) waiting = null;
    });
  waiting = mine;
}

export const useAtlas = create<AtlasState>()((set, get) => ({
  graph: null,
  graphSource: '',
  status: 'loading',
  problems: [],
  loadProgress: null,
  notices: [],
  ...DEFAULT_VIEW,

  startLoading: (source) =>
    set({ status: 'loading', graphSource: source, problems: [], loadProgress: null }),
  setLoadProgress: (loadProgress) => {
    const { status, loadProgress: last } = get();
    if (status !== 'loading') return;
    // A step of a whole percent or a new phase; fetches report every few kilobytes.
    const pct = (p: LoadProgress | null) =>
      p?.fraction == null ? -1 : Math.floor(p.fraction * 100);
    if (last && last.phase === loadProgress.phase && pct(last) === pct(loadProgress)) return;
    // Files large enough to be checked in a worker are most likely drawn grouped: fetch that
    // code meanwhile.
    if (loadProgress.phase === 'checking' && last?.phase !== 'checking') {
      prefetchViewCode().catch(() => undefined);
    }
    set({ loadProgress });
  },
  loadSucceeded: (graph, source, view) => {
    whenViewCode(
      graph,
      (view ?? get()).layout,
      () => {
        const { state, notices } = cleanState(view ?? pickView(get()), graph);
        set({
          graph,
          graphSource: source,
          status: 'ready',
          problems: [],
          loadProgress: null,
          ...state,
          notices: [...get().notices, ...notices],
        });
      },
      (message) =>
        get().loadFailed(source, [
          {
            message: `The code that draws this graph could not be loaded (${message}). Reload the page to try again.`,
          },
        ]),
    );
  },
  // A failed load keeps the graph already shown, if any: nothing is lost.
  loadFailed: (source, problems) =>
    set({ status: 'error', graphSource: source, problems, loadProgress: null }),

  setFilters: (patch) => set({ filters: { ...get().filters, ...patch } }),
  clearFilters: () => set({ filters: { ...DEFAULT_FILTERS } }),
  selectInstitution: (id) => set({ focus: id, agreement: null, path: null }),
  selectAgreement: (id) => set({ agreement: id }),
  setHops: (hops) => set({ hops }),
  setPath: (path) => set({ path }),
  setLayout: (layout) =>
    whenViewCode(
      get().graph,
      layout,
      () => set({ layout }),
      (message) =>
        get().addNotices([
          `The ${layout} layout could not be loaded (${message}). Reload the page to try again.`,
        ]),
    ),
  setColor: (color) => set({ color }),
  setSearch: (search) => set({ search }),
  setPanel: (panel) => set({ panel }),
  expandGroup: (key) => set({ expanded: [...get().expanded.filter((k) => k !== key), key] }),
  collapseGroup: (key) => set({ expanded: get().expanded.filter((k) => k !== key) }),
  collapseGroups: () => set({ expanded: [] }),
  applyView: (view) =>
    whenViewCode(
      get().graph,
      view.layout,
      () => {
        const graph = get().graph;
        if (!graph) {
          set({ ...view });
          return;
        }
        const { state, notices } = cleanState(view, graph);
        set({ ...state, notices: notices.length ? [...get().notices, ...notices] : get().notices });
      },
      (message) =>
        get().addNotices([
          `This view could not be shown: its code could not be loaded (${message}). Reload the page to try again.`,
        ]),
    ),
  positionsComputed: (graph, positions) => {
    if (get().graph === graph) set({ graph: withPositions(graph, positions) });
  },
  addNotices: (notices) => set({ notices: [...get().notices, ...notices] }),
  dismissNotices: () => set({ notices: [] }),
}));

export function pickView(s: ViewState): ViewState {
  return {
    filters: s.filters,
    focus: s.focus,
    agreement: s.agreement,
    path: s.path,
    hops: s.hops,
    layout: s.layout,
    color: s.color,
    search: s.search,
    panel: s.panel,
    expanded: s.expanded,
  };
}

// ── Derived selectors, memoised on input identity ────────────────────────────────────────────

function memo2<A extends object, B extends object, R>(fn: (a: A, b: B) => R): (a: A, b: B) => R {
  let lastA: A | undefined;
  let lastB: B | undefined;
  let last: R | undefined;
  return (a, b) => {
    if (a !== lastA || b !== lastB || last === undefined) {
      last = fn(a, b);
      lastA = a;
      lastB = b;
    }
    return last;
  };
}

const EMPTY: Visible = { nodes: new Set(), edges: new Set() };
const visibleOf = memo2(applyFilters);

export function selectVisible(s: AtlasState): Visible {
  return s.graph ? visibleOf(s.graph, s.filters) : EMPTY;
}

/**
 * The facet counts of `graph` under `filters`, memoised on both. Not a store selector: the
 * filter panel counts under a deferred copy of the filters.
 */
export const facetsFor: (graph: GraphData, filters: Filters) => FacetCounts = memo2(facetCounts);

let nearKey: unknown[] = [];
let nearValue: Visible | null = null;
/**
 * What is highlighted: the chain from the selected institution to `path` when one is chosen,
 * else the selected institution's neighbourhood; null when nothing is selected.
 */
export function selectNeighbourhood(s: AtlasState): Visible | null {
  if (!s.graph || !s.focus) return null;
  const visible = selectVisible(s);
  const key = [s.graph, visible, s.focus, s.hops, s.path];
  if (key.some((k, i) => k !== nearKey[i])) {
    nearKey = key;
    if (s.path) {
      const found = shortestPath(s.graph, visible, s.focus, s.path);
      nearValue = found
        ? { nodes: new Set(found.nodes), edges: new Set(found.edges) }
        : { nodes: new Set([s.focus, s.path]), edges: new Set() };
    } else {
      nearValue = neighbourhood(s.graph, visible, s.focus, s.hops);
    }
  }
  return nearValue;
}

let drawnKey: unknown[] = [];
let drawnValue: DrawnView | null = null;
const NO_PINS: string[] = [];
/**
 * What the canvas draws: the visible elements, or, past DRAW_LIMIT, their country groups with
 * the opened ones expanded. The selection and a chain's end are always drawn one by one.
 */
export function selectDrawn(s: AtlasState): DrawnView | null {
  if (!s.graph) return null;
  const visible = selectVisible(s);
  const key = [s.graph, visible, s.expanded, s.layout, s.focus, s.path];
  if (drawnValue && key.every((k, i) => k === drawnKey[i])) return drawnValue;
  const graph = s.graph;
  const layout = s.layout;
  const pinned = s.focus ? (s.path ? [s.focus, s.path] : [s.focus]) : NO_PINS;
  drawnKey = key;
  drawnValue = aggregate({
    graph: s.graph,
    visible,
    positions: cachedLayout(s.graph, s.layout).positions,
    geometry: () => groupGeometry(graph, layout),
    expanded: s.expanded,
    pinned,
  });
  return drawnValue;
}
