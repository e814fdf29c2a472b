// Positions for each layout, computed as plain data (no Cytoscape), so they can be tested and
// animated to. The force layout is read from the graph file; the others derive from facts.

import { lazyModule, type GraphData, type Position } from '../model';
import { sunflower, type GroupGeometry, type LayoutName } from '../filters';

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

/** Distance between neighbouring institutions in the derived layouts, in model units. */
export const SPACING = 46;
/** Annotation text size in model units: it scales with the drawing, like geography. */
export const ANNOTATION_PX = 20;

export function forcePositions(graph: GraphData): LayoutResult {
  const positions = new Map<string, Position>();
  const missing: string[] = [];
  for (const n of graph.elements.nodes) {
    if (n.position) positions.set(n.data.id, n.position);
    else missing.push(n.data.id);
  }
  // Graphs without stored positions: a disc until a computed layout replaces it.
  sunflower(missing.length, SPACING).forEach((p, i) => {
    const id = missing[i];
    if (id !== undefined) positions.set(id, p);
  });
  return { positions, annotations: [] };
}

/** Map units per degree of longitude/latitude (equirectangular projection). */
export const MAP_SCALE = 14;

const more = lazyModule(() => import('./moreLayouts'), 'loadLayouts');

/**
 * Loads the code of the derived layouts (concentric, by country, map) and of the grouped
 * view's geometry, a chunk of its own: the force layout needs none of it.
 */
export const loadLayouts = (): Promise<void> => more.load();

export const layoutsLoaded = (): boolean => more.get() !== null;

/** Positions for a layout; any but "force" needs loadLayouts() first. */
export function layoutPositions(graph: GraphData, name: LayoutName): LayoutResult {
  return name === 'force'
    ? forcePositions(graph)
    : more.need(`The ${name} layout`).layoutPositions(graph, name);
}

const layoutCache = new WeakMap<GraphData, Map<LayoutName, LayoutResult>>();

/** `layoutPositions`, computed once per graph and layout. */
export function cachedLayout(graph: GraphData, name: LayoutName): LayoutResult {
  let perGraph = layoutCache.get(graph);
  if (!perGraph) layoutCache.set(graph, (perGraph = new Map()));
  let hit = perGraph.get(name);
  if (!hit) perGraph.set(name, (hit = layoutPositions(graph, name)));
  return hit;
}

/**
 * Where the grouped view of a big graph puts countries (needs loadLayouts() first): see
 * moreLayouts.ts.
 */
export function groupGeometry(graph: GraphData, layout: LayoutName): GroupGeometry {
  return more.need('The grouped view').groupGeometry(graph, layout);
}
