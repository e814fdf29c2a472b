// Visual encoding: which colour, size and line style each institution and agreement gets.
// Pure and shared by the canvas stylesheet and the legend, so the two always agree.

import {
  COOPERATION_INFO,
  COOPERATION_TYPES,
  INSTITUTION_INFO,
  INSTITUTION_TYPES,
  compareNames,
  countryName,
  countryRegion,
  type CooperationType,
  type GraphData,
  type InstitutionData,
} from '../model';
import type { ColorMode, Visible } from '../filters';
import { flagsOf, indexGraph } from '../filters';

/** Categorical palette (Tableau 10 with two additions), distinguishable and print-safe. */
export const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#17becf',
  '#8c564b',
  '#bcbd22',
] as const;
export const OTHER_COLOR = '#a0a0a0';

export type LineStyle = 'solid' | 'dashed' | 'dotted';

/**
 * Dash and gap lengths of each line style, in pixels on screen: the legend, the exported
 * images' legends and the canvas, which scales them so that they keep this size when the view
 * is zoomed out (src/cy/style.ts).
 */
export const DASH: Record<LineStyle, readonly number[]> = {
  solid: [],
  dashed: [6, 3],
  dotted: [2, 3],
};

/** Edges: signed agreements solid, memberships and structure dashed, visits and talks dotted. */
export const COOPERATION_STYLE: Record<CooperationType, { color: string; line: LineStyle }> = {
  'strategic-cooperation': { color: '#1f5fa6', line: 'solid' },
  mou: { color: '#2a9d8f', line: 'solid' },
  'cooperation-agreement': { color: '#3d7d3a', line: 'solid' },
  'joint-programme': { color: '#c0392b', line: 'solid' },
  'joint-school': { color: '#8e44ad', line: 'solid' },
  exchange: { color: '#d35400', line: 'solid' },
  research: { color: '#b8860b', line: 'solid' },
  'industry-partnership': { color: '#6d4c41', line: 'solid' },
  'alliance-membership': { color: '#7f8c8d', line: 'dashed' },
  affiliation: { color: '#34495e', line: 'dashed' },
  succession: { color: '#000000', line: 'dashed' },
  'shared-staff': { color: '#9b59b6', line: 'dotted' },
  visit: { color: '#e67e22', line: 'dotted' },
  'under-negotiation': { color: '#95a5a6', line: 'dotted' },
  other: { color: '#bdc3c7', line: 'dotted' },
};

export interface LegendEntry {
  key: string;
  label: string;
  color: string;
  count: number;
}

function categoryOf(n: InstitutionData, mode: ColorMode): string {
  if (mode === 'type') return n.type;
  if (mode === 'country') return n.country ?? '';
  return countryRegion(n.country);
}

function labelOf(key: string, mode: ColorMode): string {
  if (mode === 'type') return INSTITUTION_INFO[key as keyof typeof INSTITUTION_INFO]?.label ?? key;
  if (mode === 'country') return key === '' ? 'No country (international)' : countryName(key);
  return key;
}

export interface NodeColoring {
  /** An institution's colour, looked up when asked (a big graph draws few institutions). */
  colorOf: { get(id: string): string | undefined };
  legend: LegendEntry[];
}

const colouringCache = new WeakMap<GraphData, Map<ColorMode, NodeColoring>>();

/**
 * Colours by the chosen attribute. Categories are ranked by size; the largest get palette
 * colours, the rest share grey as "Other", so the legend stays readable on any data.
 */
export function nodeColoring(graph: GraphData, mode: ColorMode): NodeColoring {
  let perMode = colouringCache.get(graph);
  if (!perMode) colouringCache.set(graph, (perMode = new Map()));
  const hit = perMode.get(mode);
  if (hit) return hit;
  const counts = new Map<string, number>();
  for (const n of graph.elements.nodes) {
    const k = categoryOf(n.data, mode);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || compareNames(a[0], b[0]));
  if (mode === 'type') {
    ranked = INSTITUTION_TYPES.filter((t) => counts.has(t)).map((t) => [t, counts.get(t) ?? 0]);
  }
  const colorByKey = new Map<string, string>();
  const legend: LegendEntry[] = [];
  let other = 0;
  ranked.forEach(([key, count], i) => {
    const internationalGrey = key === '' || key === 'International';
    if (i < PALETTE.length - (ranked.length > PALETTE.length ? 1 : 0) || internationalGrey) {
      const color = internationalGrey ? '#5a5a5a' : (PALETTE[i % PALETTE.length] ?? OTHER_COLOR);
      colorByKey.set(key, color);
      legend.push({ key, label: labelOf(key, mode), color, count });
    } else {
      colorByKey.set(key, OTHER_COLOR);
      other += count;
    }
  });
  if (other > 0) legend.push({ key: '*', label: 'Other', color: OTHER_COLOR, count: other });
  const { nodes } = indexGraph(graph);
  const colorOf = {
    get(id: string): string | undefined {
      const n = nodes.get(id);
      return n && (colorByKey.get(categoryOf(n, mode)) ?? OTHER_COLOR);
    },
  };
  const result = { colorOf, legend };
  perMode.set(mode, result);
  return result;
}

export function cooperationLegend(
  graph: GraphData,
): { type: CooperationType; label: string; color: string; line: LineStyle; count: number }[] {
  // Counted on the index's type column: one pass over numbers, not over 300,000 objects.
  const { edgeType, typeNames } = indexGraph(graph).columns;
  const perCode = new Int32Array(typeNames.length);
  for (let j = 0; j < edgeType.length; j++) {
    const code = edgeType[j] ?? 0;
    perCode[code] = (perCode[code] ?? 0) + 1;
  }
  const counts = new Map<string, number>();
  typeNames.forEach((name, code) => {
    if ((perCode[code] ?? 0) > 0) counts.set(name, perCode[code] ?? 0);
  });
  return COOPERATION_TYPES.filter((t) => counts.has(t)).map((t) => ({
    type: t,
    label: COOPERATION_INFO[t].label,
    ...COOPERATION_STYLE[t],
    count: counts.get(t) ?? 0,
  }));
}

/** Node diameter in model units, by number of partners (square-root scale). */
export function nodeSize(partners: number): number {
  return Math.round(14 + 7 * Math.sqrt(partners));
}

/**
 * The label drawn on the canvas: long names with a short alias (an acronym) use it; the full
 * name is in the tooltip and details.
 */
export function shortLabel(n: InstitutionData): string {
  if (n.label.length <= 28) return n.label;
  const acronym = n.aliases.find((a) => a.length <= 14 && /^[A-Z][A-Za-z.\-&]*[A-Z]/.test(a));
  return acronym ?? `${n.label.slice(0, 26)}…`;
}

/** Importance tier for labels: 2 hubs (always labelled), 1 labelled from mid zoom, 0 when close. */
export function labelTiers(graph: GraphData): (id: string) => 0 | 1 | 2 {
  const { partners } = indexGraph(graph);
  const sorted = Int32Array.from(partners.values()).sort().reverse();
  const hub = Math.max(3, sorted[Math.floor(sorted.length * 0.05)] ?? 0);
  const mid = Math.max(2, sorted[Math.floor(sorted.length * 0.25)] ?? 0);
  return (id) => {
    const p = partners.get(id) ?? 0;
    return p >= hub ? 2 : p >= mid ? 1 : 0;
  };
}

/**
 * How many institutions of each legend entry, and agreements of each cooperation type, the
 * filters leave shown: `nodes[i]` counts `nodeColoring(graph, mode).legend[i]`, `edges[i]`
 * counts `cooperationLegend(graph)[i]`. One pass over the index's number columns.
 */
export function legendShown(
  graph: GraphData,
  mode: ColorMode,
  visible: Visible,
): { nodes: number[]; edges: number[] } {
  const { legend } = nodeColoring(graph, mode);
  const { columns } = indexGraph(graph);
  const { nodeIds, nodePosition, nodeCountry, countryCodes, nodeKind, kindNames } = columns;
  const entryOf = new Map(legend.map((e, i) => [e.key, i]));
  const other = entryOf.get('*') ?? -1;
  const entry = (key: string) => entryOf.get(key) ?? other;
  // Each institution's legend entry through its country's or type's code (-1: no country).
  const byCountry = countryCodes.map((c) => entry(mode === 'country' ? c : countryRegion(c)));
  const noCountry = entry(mode === 'country' ? '' : countryRegion(null));
  const byKind = kindNames.map(entry);
  const nodes = legend.map(() => 0);
  const flags = flagsOf(visible.nodes, nodeIds.length, nodePosition);
  for (let i = 0; i < flags.length; i++) {
    if (flags[i] !== 1) continue;
    const e =
      mode === 'type'
        ? (byKind[nodeKind[i] ?? 0] ?? other)
        : (byCountry[nodeCountry[i] ?? -1] ?? noCountry);
    if (e >= 0) nodes[e] = (nodes[e] ?? 0) + 1;
  }
  const { edgeIds, edgePosition, edgeType, typeNames } = columns;
  const perCode = new Int32Array(typeNames.length);
  const edgeFlags = flagsOf(visible.edges, edgeIds.length, edgePosition);
  for (let j = 0; j < edgeFlags.length; j++) {
    if (edgeFlags[j] === 1) {
      const code = edgeType[j] ?? 0;
      perCode[code] = (perCode[code] ?? 0) + 1;
    }
  }
  const edges = cooperationLegend(graph).map((e) => perCode[typeNames.indexOf(e.type)] ?? 0);
  return { nodes, edges };
}
