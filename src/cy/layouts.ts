// Positions for each layout, computed as plain data (no Cytoscape), so they can be tested and
// animated to. The force layout is read from the graph file; the others derive from facts.

import { countryName, countryRegion, type GraphData, type Position } from '../model';
import { indexGraph, type LayoutName } from '../filters';
import { nodeSize } from './encoding';

export interface Annotation {
  id: string;
  label: string;
  x: number;
  y: number;
  /** Text size in model units; ANNOTATION_PX when absent. */
  size?: number;
}

export interface LayoutResult {
  positions: Map<string, Position>;
  /** Text drawn on the canvas with the layout (country names, map notes). */
  annotations: Annotation[];
}

const SPACING = 46;
/** Annotation text size in model units: it scales with the drawing, like geography. */
export const ANNOTATION_PX = 20;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Points of a filled disc (a sunflower pattern), `spacing` apart, the first at the centre. */
function disc(count: number, spacing: number): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < count; i++) {
    const r = spacing * 0.75 * Math.sqrt(i);
    out.push({ x: r * Math.cos(i * GOLDEN_ANGLE), y: r * Math.sin(i * GOLDEN_ANGLE) });
  }
  return out;
}

function discRadius(count: number, spacing: number): number {
  return spacing * 0.75 * Math.sqrt(Math.max(count - 1, 0)) + spacing / 2;
}

function byPartners(graph: GraphData): string[] {
  const { partners } = indexGraph(graph);
  return graph.elements.nodes
    .map((n) => n.data.id)
    .sort((a, b) => (partners.get(b) ?? 0) - (partners.get(a) ?? 0) || a.localeCompare(b));
}

export function forcePositions(graph: GraphData): LayoutResult {
  const positions = new Map<string, Position>();
  const missing: string[] = [];
  for (const n of graph.elements.nodes) {
    if (n.position) positions.set(n.data.id, n.position);
    else missing.push(n.data.id);
  }
  // Graphs without stored positions: a disc until a computed layout replaces it.
  disc(missing.length, SPACING).forEach((p, i) => {
    const id = missing[i];
    if (id !== undefined) positions.set(id, p);
  });
  return { positions, annotations: [] };
}

/** Rings by number of partners: the best-connected institutions in the centre. */
export function concentricPositions(graph: GraphData): LayoutResult {
  const { partners } = indexGraph(graph);
  const ids = byPartners(graph);
  const size = (id: string | undefined) => (id === undefined ? 0 : nodeSize(partners.get(id) ?? 0));
  const positions = new Map<string, Position>();
  let radius = 0;
  let previousSize = 0;
  let ring = 0;
  let i = 0;
  while (i < ids.length) {
    // Sorted by partners, so a ring's first member is its largest: rings never overlap.
    const biggest = size(ids[i]);
    if (ring > 0) radius += previousSize / 2 + biggest / 2 + 34;
    const capacity =
      ring === 0 ? 1 : Math.max(6, Math.floor((2 * Math.PI * radius) / (biggest + 34)));
    const members = ids.slice(i, i + capacity);
    members.forEach((id, k) => {
      const angle = (2 * Math.PI * k) / members.length - Math.PI / 2 + ring * 0.35;
      positions.set(id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    });
    previousSize = biggest;
    i += members.length;
    ring++;
  }
  return { positions, annotations: [] };
}

/** One cluster per country, clusters ordered by world region then size, packed in rows. */
export function countryPositions(graph: GraphData): LayoutResult {
  const groups = new Map<string, string[]>();
  const ordered = byPartners(graph);
  const { nodes } = indexGraph(graph);
  for (const id of ordered) {
    const key = nodes.get(id)?.country ?? '';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(id);
  }
  const { partners } = indexGraph(graph);
  const spacingOf = (members: string[]) =>
    Math.max(SPACING, nodeSize(partners.get(members[0] ?? '') ?? 0) + 24);
  const keys = [...groups.keys()].sort(
    (a, b) =>
      countryRegion(a || null).localeCompare(countryRegion(b || null)) ||
      (groups.get(b)?.length ?? 0) - (groups.get(a)?.length ?? 0) ||
      a.localeCompare(b),
  );
  const labelOf = (key: string, n: number) => `${key ? countryName(key) : 'International'} (${n})`;
  const widthOf = (key: string, members: string[]) =>
    Math.max(
      2 * discRadius(members.length, spacingOf(members)) + 70,
      labelOf(key, members.length).length * ANNOTATION_PX * 0.62 + 30,
    );
  const totalArea = keys.reduce((sum, k) => sum + widthOf(k, groups.get(k) ?? []) ** 2, 0);
  const rowWidth = Math.max(600, Math.sqrt(totalArea) * 1.4);
  const positions = new Map<string, Position>();
  const annotations: Annotation[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const key of keys) {
    const members = groups.get(key) ?? [];
    const spacing = spacingOf(members);
    const r = discRadius(members.length, spacing);
    const w = widthOf(key, members);
    if (x > 0 && x + w > rowWidth) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const cx = x + w / 2;
    const cy = y + r + 40;
    disc(members.length, spacing).forEach((p, i) => {
      const id = members[i];
      if (id !== undefined) positions.set(id, { x: cx + p.x, y: cy + p.y });
    });
    annotations.push({
      id: `country:${key}`,
      label: labelOf(key, members.length),
      x: cx,
      y: y + 6,
    });
    x += w;
    rowHeight = Math.max(rowHeight, 2 * r + 80);
  }
  return { positions, annotations };
}

/** Map units per degree of longitude/latitude (equirectangular projection). */
export const MAP_SCALE = 14;

/**
 * Places institutions at their city's (else their country's) coordinates; several in one place
 * spread in a small disc. Those without coordinates line up under the map, labelled.
 */
export function mapPositions(graph: GraphData): LayoutResult {
  const spots = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const id of byPartners(graph)) {
    const n = indexGraph(graph).nodes.get(id);
    if (!n || n.lat === null || n.lon === null) {
      unplaced.push(id);
      continue;
    }
    const key = `${n.lat.toFixed(2)},${n.lon.toFixed(2)}`;
    let s = spots.get(key);
    if (!s) spots.set(key, (s = []));
    s.push(id);
  }
  const positions = new Map<string, Position>();
  for (const [key, ids] of spots) {
    const [lat = 0, lon = 0] = key.split(',').map(Number);
    disc(ids.length, 26).forEach((p, i) => {
      const id = ids[i];
      if (id !== undefined) {
        positions.set(id, { x: lon * MAP_SCALE + p.x, y: -lat * MAP_SCALE + p.y });
      }
    });
  }
  const annotations: Annotation[] = [];
  if (unplaced.length > 0) {
    const top = 62 * MAP_SCALE;
    const perRow = 12;
    const gap = 150;
    unplaced.forEach((id, i) => {
      const col = i % perRow;
      const row = Math.floor(i / perRow);
      positions.set(id, {
        x: -((Math.min(unplaced.length, perRow) - 1) * gap) / 2 + col * gap,
        y: top + 70 + row * 70,
      });
    });
    annotations.push({
      id: 'map:unplaced',
      label: 'Institutions with no known place',
      x: 0,
      y: top,
      size: 36,
    });
  }
  return { positions, annotations };
}

export function layoutPositions(graph: GraphData, name: LayoutName): LayoutResult {
  switch (name) {
    case 'concentric':
      return concentricPositions(graph);
    case 'country':
      return countryPositions(graph);
    case 'map':
      return mapPositions(graph);
    default:
      return forcePositions(graph);
  }
}
