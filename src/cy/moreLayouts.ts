// The derived layouts (concentric, by country, map) and the grouped view's geometry, computed
// as plain data. Loaded on first need (loadLayouts in layouts.ts): the force layout, read from
// the graph file, needs none of this.

import { countryName, countryRegion, type GraphData, type Position } from '../model';
import { indexGraph, sunflower, type GroupGeometry, type LayoutName } from '../filters';
import { nodeSize } from './encoding';
import {
  ANNOTATION_PX,
  MAP_SCALE,
  SPACING,
  cachedLayout,
  forcePositions,
  type Annotation,
  type LayoutResult,
} from './layouts';

function discRadius(count: number, spacing: number): number {
  return spacing * 0.75 * Math.sqrt(Math.max(count - 1, 0)) + spacing / 2;
}

function byPartners(graph: GraphData): string[] {
  const { partners } = indexGraph(graph);
  return graph.elements.nodes
    .map((n) => n.data.id)
    .sort((a, b) => (partners.get(b) ?? 0) - (partners.get(a) ?? 0) || a.localeCompare(b));
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
    sunflower(members.length, spacing).forEach((p, i) => {
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
    sunflower(ids.length, 26).forEach((p, i) => {
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

const geometryCache = new WeakMap<GraphData, Map<string, GroupGeometry>>();

/** Group diameter for the packed (non-map) grouped view: area proportional to the count. */
const packedSize = (count: number) => Math.max(36, 1.5 * SPACING * Math.sqrt(count));

/**
 * Where the grouped view of a big graph puts countries. On the map: at the mean place of their
 * institutions. Otherwise packed in rows by world region then size, each group given room
 * for its circle at full count and its label, so groups never overlap whatever the filters.
 */
export function groupGeometry(graph: GraphData, layout: LayoutName): GroupGeometry {
  const mode = layout === 'map' ? 'map' : 'packed';
  let perGraph = geometryCache.get(graph);
  if (!perGraph) geometryCache.set(graph, (perGraph = new Map()));
  const hit = perGraph.get(mode);
  if (hit) return hit;
  const totals = new Map<string, number>();
  for (const n of graph.elements.nodes) {
    const key = n.data.country ?? 'none';
    totals.set(key, (totals.get(key) ?? 0) + 1);
  }
  const places = new Map<string, Position>();
  let geometry: GroupGeometry;
  if (mode === 'map') {
    const positions = cachedLayout(graph, 'map').positions;
    const sums = new Map<string, { x: number; y: number; n: number }>();
    for (const n of graph.elements.nodes) {
      const p = positions.get(n.data.id);
      if (!p || n.data.lat === null) continue;
      const key = n.data.country ?? 'none';
      let sum = sums.get(key);
      if (!sum) sums.set(key, (sum = { x: 0, y: 0, n: 0 }));
      sum.x += p.x;
      sum.y += p.y;
      sum.n++;
    }
    // Groups with no known place line up under the map, as institutions do.
    let unplaced = 0;
    for (const key of totals.keys()) {
      const sum = sums.get(key);
      if (sum) places.set(key, { x: sum.x / sum.n, y: sum.y / sum.n });
      else places.set(key, { x: -600 + 300 * unplaced++, y: 62 * MAP_SCALE + 200 });
    }
    geometry = {
      places,
      size: (count) => Math.min(420, 30 + 9 * Math.sqrt(count)),
      memberSpacing: 26,
    };
  } else {
    const keys = [...totals.keys()].sort(
      (a, b) =>
        countryRegion(a === 'none' ? null : a).localeCompare(
          countryRegion(b === 'none' ? null : b),
        ) ||
        (totals.get(b) ?? 0) - (totals.get(a) ?? 0) ||
        a.localeCompare(b),
    );
    const cell = (key: string) => packedSize(totals.get(key) ?? 0) + 260;
    const area = keys.reduce((sum, k) => sum + cell(k) ** 2, 0);
    const rowWidth = Math.max(1200, Math.sqrt(area) * 1.3);
    // Rows left to right; each group centred in its row's height.
    const rows: { key: string; x: number; w: number }[][] = [[]];
    let x = 0;
    for (const key of keys) {
      const w = cell(key);
      if (x > 0 && x + w > rowWidth) {
        rows.push([]);
        x = 0;
      }
      rows[rows.length - 1]?.push({ key, x, w });
      x += w;
    }
    let y = 0;
    for (const row of rows) {
      const h = Math.max(0, ...row.map((c) => c.w));
      for (const c of row) places.set(c.key, { x: c.x + c.w / 2, y: y + h / 2 });
      y += h;
    }
    geometry = { places, size: packedSize, memberSpacing: SPACING };
  }
  perGraph.set(mode, geometry);
  return geometry;
}
