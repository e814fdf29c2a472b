// What the canvas draws. Up to a threshold of visible elements, every visible institution and
// agreement; past it, institutions are grouped by country into summary nodes joined by summary
// edges that count the agreements between them. Expanded groups show their institutions, as
// many as the threshold allows, the rest standing in one "more" node. Pure: no Cytoscape.

import {
  countryName,
  lazyModule,
  type CooperationType,
  type GraphData,
  type Position,
} from '../model';
import type { Visible } from './applyFilters';
import { flagsOf, indexGraph } from './graphIndex';

/**
 * Most elements (nodes and edges) a view draws. Plain Cytoscape keeps a 15 fps pan/zoom on this
 * machine up to about this many (benchmark, README); past it the view groups.
 */
export const DRAW_LIMIT = 5000;
/**
 * Summary links drawn in the grouped view, at most (more only to give a drawn node its
 * strongest link). At 100,000 institutions sixty country groups have 1,800 links between them.
 */
export const SUMMARY_LINKS = 500;

/** Ids of drawn elements that are not institutions or agreements begin with NUL, which no
 * graph id may contain, so they never collide with the data's ids. */
export const SYNTHETIC = '\u0000';
const GROUP = `${SYNTHETIC}group:`;
const FRAME = `${SYNTHETIC}frame:`;
const REST = `${SYNTHETIC}rest:`;
const LINK = `${SYNTHETIC}link:`;

/** Group key of an institution: its country code, or "none" for institutions without one. */
export function groupKeyOf(country: string | null): string {
  return country ?? 'none';
}

export function groupLabel(key: string): string {
  return key === 'none' ? 'No country' : countryName(key);
}

export const groupId = (key: string) => GROUP + key;
export const frameId = (key: string) => FRAME + key;
export const restId = (key: string) => REST + key;

export function isSynthetic(id: string): boolean {
  return id.startsWith(SYNTHETIC);
}

/** The group key of a group, frame or "more" node id; null for anything else. */
export function groupKeyOfDrawn(id: string): string | null {
  for (const prefix of [GROUP, FRAME, REST])
    if (id.startsWith(prefix)) return id.slice(prefix.length);
  return null;
}

export type DrawnNodeKind = 'institution' | 'group' | 'frame' | 'rest';

export interface DrawnNode {
  id: string;
  kind: DrawnNodeKind;
  /** Group key (country code or "none"). */
  group: string;
  x: number;
  y: number;
  /** Group, frame, rest: diameter in model units. Institutions are sized by the renderer. */
  size: number;
  /** Group and frame: visible institutions in the group; rest: those not drawn; else 1. */
  institutions: number;
  /** Agreements with both ends inside this node (group, rest); 0 for institutions. */
  inside: number;
}

export interface DrawnEdge {
  id: string;
  kind: 'agreement' | 'link';
  source: string;
  target: string;
  /** Agreements this edge stands for: 1 for an agreement, the sum for a summary link. */
  agreements: number;
  /** An agreement's type, so drawing it needs no lookup by id. */
  cooperation?: CooperationType;
}

export interface GroupSummary {
  key: string;
  label: string;
  /** Visible institutions and agreements touching them (inside or across). */
  institutions: number;
  agreements: number;
  expanded: boolean;
  /** Institutions drawn one by one (0 when collapsed). */
  drawn: number;
}

export interface DrawnView {
  grouped: boolean;
  nodes: DrawnNode[];
  edges: DrawnEdge[];
  /** Every group with visible institutions, largest first; empty when not grouped. */
  groups: GroupSummary[];
  /** Drawn node standing for each visible institution (itself, its group or its "more" node). */
  ownerOf(id: string): string | undefined;
  /** The drawn edge standing for a visible agreement, if drawn (undefined if inside a node). */
  edgeOf(id: string): string | undefined;
  /** Summary links left out to stay within the limit, and the agreements they stood for. */
  omitted: { links: number; agreements: number };
}

export interface GroupGeometry {
  /** Centre of every country group ("none" for institutions without a country). */
  places: Map<string, Position>;
  /** Diameter of a group node standing for `count` institutions, in model units. */
  size(count: number): number;
  /** Distance between the institutions of an open group (a sunflower disc). */
  memberSpacing: number;
}

export interface AggregateInput {
  graph: GraphData;
  visible: Visible;
  /** Positions when every visible institution is drawn (the chosen layout). */
  positions: Map<string, Position>;
  /** Where the groups go; asked only when the view is grouped. */
  geometry(): GroupGeometry;
  /** Group keys the user expanded, oldest first. */
  expanded: readonly string[];
  /** Institutions always drawn one by one when visible (the selection, a chain's end). */
  pinned: readonly string[];
  limit?: number;
  /** Most summary links drawn (SUMMARY_LINKS unless given). */
  summaryLinks?: number;
}

/** Points of a filled disc (a sunflower pattern), `spacing` apart, the first at the centre. */
export function sunflower(count: number, spacing: number): Position[] {
  const golden = Math.PI * (3 - Math.sqrt(5));
  const out: Position[] = [];
  for (let i = 0; i < count; i++) {
    const r = spacing * 0.75 * Math.sqrt(i);
    out.push({ x: r * Math.cos(i * golden), y: r * Math.sin(i * golden) });
  }
  return out;
}

export function linkId(a: string, b: string): string {
  return a < b ? `${LINK}${a}\u0000${b}` : `${LINK}${b}\u0000${a}`;
}

/** Every visible element, drawn as it is. */
function ungrouped(input: AggregateInput): DrawnView {
  const { graph, visible, positions } = input;
  const c = indexGraph(graph).columns;
  const { nodes, edges } = graph.elements;
  const nodeOn = flagsOf(visible.nodes, nodes.length, c.nodePosition);
  const drawnNodes: DrawnNode[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]?.data;
    if (nodeOn[i] !== 1 || !n) continue;
    const p = positions.get(n.id) ?? { x: 0, y: 0 };
    drawnNodes.push({
      id: n.id,
      kind: 'institution',
      group: groupKeyOf(n.country),
      x: p.x,
      y: p.y,
      size: 0,
      institutions: 1,
      inside: 0,
    });
  }
  // By position, not by id: the agreements' id map may not be built yet (idle time after a load).
  const edgeOn = flagsOf(visible.edges, edges.length, c.edgePosition);
  const drawnEdges: DrawnEdge[] = [];
  for (let j = 0; j < edges.length; j++) {
    const e = edges[j]?.data;
    if (edgeOn[j] !== 1 || !e) continue;
    const { id, source, target, cooperation } = e;
    drawnEdges.push({ id, kind: 'agreement', source, target, agreements: 1, cooperation });
  }
  return {
    grouped: false,
    nodes: drawnNodes,
    edges: drawnEdges,
    groups: [],
    ownerOf: (id) => (visible.nodes.has(id) ? id : undefined),
    edgeOf: (id) => (visible.edges.has(id) ? id : undefined),
    omitted: { links: 0, agreements: 0 },
  };
}

const grouping = lazyModule(() => import('./grouped'), 'loadGrouping');

/** Loads the grouped view's code (a chunk of its own: most graphs never need it). */
export const loadGrouping = (): Promise<void> => grouping.load();

export const groupingLoaded = (): boolean => grouping.get() !== null;

/** Whether `visible` is too much to draw one by one. */
export function needsGrouping(nodes: number, edges: number, limit = DRAW_LIMIT): boolean {
  return nodes + edges > limit;
}

/**
 * The drawn view for the visible part of a graph. Never more than `limit` elements: when the
 * visible institutions and agreements exceed it, they are grouped by country (which needs
 * loadGrouping() first).
 */
export function aggregate(input: AggregateInput): DrawnView {
  const { visible } = input;
  if (!needsGrouping(visible.nodes.size, visible.edges.size, input.limit)) return ungrouped(input);
  return grouping.need('The grouped view').groupedView(input);
}
