// The one owner of the Cytoscape instance. Components call these plain functions; the store
// never sees `cy` or its elements. Cytoscape events become store actions here.

import cytoscape, { type Core, type EventObject } from 'cytoscape';
import type { GraphData } from '../model';
import type { ColorMode, LayoutName, Visible } from '../filters';
import { attachBasemap, type Basemap } from './basemap';
import type { ImageOptions } from './image';
import { nodeColoring } from './encoding';
import { ANNOTATION_PX, layoutPositions, type Annotation } from './layouts';
import { estimateLabelWidth, labelZooms, type LabelItem } from './labels';
import { LABEL_PX, stylesheet } from './style';
import { toElements } from './toElements';

export interface HoverInfo {
  id: string;
  kind: 'node' | 'edge';
  x: number;
  y: number;
}

export interface BridgeEvents {
  selectInstitution(id: string | null): void;
  selectAgreement(id: string): void;
  hover(info: HoverInfo | null): void;
}

let cy: Core | null = null;
let current: GraphData | null = null;
let annotationIds: string[] = [];
let events: BridgeEvents | null = null;
let labelZoom = new Map<string, number>();
let labelFrame = 0;
let labelScale = 0;
/** Above this many institutions, labels use Cytoscape's zoom threshold instead of collisions. */
const BIG_GRAPH = 2000;
let big = false;
let highlightActive = false;
let basemapCanvas: HTMLCanvasElement | null = null;
let basemap: Basemap | null = null;

function updateBasemap(layout: LayoutName): void {
  if (layout === 'map' && cy && basemapCanvas) {
    basemap ??= attachBasemap(cy, basemapCanvas);
  } else {
    basemap?.destroy();
    basemap = null;
  }
}
/** Screen space on the right covered by overlays (the legend), kept clear when fitting. */
let insetRight = 0;

export function setInsetRight(px: number): void {
  insetRight = px;
}

/** Fits elements into the part of the canvas not covered by overlays. */
function fitInto(eles: cytoscape.CollectionArgument, animate: boolean): void {
  if (!cy || eles.length === 0) return;
  const pad = 30;
  // The view controls float over the top of the canvas.
  const top = 44;
  const bb = eles.boundingBox({});
  const w = Math.max(cy.width() - insetRight - 2 * pad, 100);
  const h = Math.max(cy.height() - top - 2 * pad, 100);
  const zoom = Math.min(
    cy.maxZoom(),
    Math.max(cy.minZoom(), Math.min(w / Math.max(bb.w, 1), h / Math.max(bb.h, 1), 1.6)),
  );
  const pan = {
    x: pad + w / 2 - zoom * (bb.x1 + bb.w / 2),
    y: top + pad + h / 2 - zoom * (bb.y1 + bb.h / 2),
  };
  if (animate) cy.animate({ zoom, pan }, { duration: 250 });
  else cy.viewport({ zoom, pan });
}

export function isMounted(): boolean {
  return cy !== null;
}

export function mountGraph(
  container: HTMLElement,
  graph: GraphData,
  options: {
    layout: LayoutName;
    color: ColorMode;
    events: BridgeEvents;
    /** A canvas behind the graph, for the map's country outlines. */
    basemapCanvas?: HTMLCanvasElement | null;
  },
): void {
  destroyGraph();
  basemapCanvas = options.basemapCanvas ?? null;
  big = graph.elements.nodes.length > BIG_GRAPH;
  highlightActive = false;
  current = graph;
  events = options.events;
  const { positions, annotations } = layoutPositions(graph, options.layout);
  cy = cytoscape({
    container,
    elements: toElements(graph, options.color, positions),
    style: stylesheet(1, big),
    layout: { name: 'preset' },
    minZoom: 0.02,
    maxZoom: 6,
    boxSelectionEnabled: false,
    selectionType: 'single',
    autoungrabify: false,
    textureOnViewport: graph.elements.nodes.length + graph.elements.edges.length > 3000,
    hideEdgesOnViewport: graph.elements.edges.length > 5000,
    pixelRatio: 'auto',
  });
  setAnnotations(annotations);
  // No fit or label pass here: GraphCanvas applies the filters next and fits once, which also
  // places the labels (a fit at mount forced a second full style pass on large graphs).
  const c = cy;
  updateBasemap(options.layout);
  exposeView();
  if (!big) c.on('zoom', scheduleLabels);
  c.on('tap', 'node', (e: EventObject) => {
    const id = e.target.id() as string;
    if (!annotationIds.includes(id)) events?.selectInstitution(id);
  });
  c.on('tap', 'edge', (e: EventObject) => events?.selectAgreement(e.target.id() as string));
  c.on('tap', (e: EventObject) => {
    if (e.target === c) events?.selectInstitution(null);
  });
  c.on('mouseover', 'node, edge', (e: EventObject) => {
    const t = e.target;
    if (t.isNode() && annotationIds.includes(t.id())) return;
    if (t.isNode()) t.addClass('hover');
    const p = e.renderedPosition ?? t.renderedPosition();
    events?.hover({ id: t.id(), kind: t.isNode() ? 'node' : 'edge', x: p.x, y: p.y });
  });
  c.on('mouseout', 'node, edge', (e: EventObject) => {
    e.target.removeClass('hover');
    events?.hover(null);
  });
  c.on('pan zoom', () => events?.hover(null));
}

export function destroyGraph(): void {
  cancelAnimationFrame(labelFrame);
  basemap?.destroy();
  basemap = null;
  cy?.destroy();
  cy = null;
  current = null;
  annotationIds = [];
}

function setAnnotations(annotations: Annotation[]): void {
  if (!cy) return;
  const c = cy;
  c.batch(() => {
    for (const id of annotationIds) c.getElementById(id).remove();
    annotationIds = annotations.map((a) => a.id);
    c.add(
      annotations.map((a) => ({
        group: 'nodes' as const,
        data: { id: a.id, label: a.label, fs: a.size ?? ANNOTATION_PX },
        position: { x: a.x, y: a.y },
        classes: 'annotation',
        selectable: false,
        grabbable: false,
      })),
    );
  });
}

// ── Labels: constant screen size, shown from the zoom where they stop colliding ────────────

function computeLabelZooms(): void {
  if (!cy || big) return;
  const items: (LabelItem & { size: number })[] = [];
  let hubs = 0;
  cy.nodes().forEach((n) => {
    if (n.hasClass('annotation') || n.hasClass('hidden')) return;
    const tier = n.data('tier') as 0 | 1 | 2;
    if (tier === 2) hubs++;
    items.push({
      id: n.id(),
      x: n.position('x'),
      y: n.position('y'),
      width: estimateLabelWidth(n.data('label') as string, LABEL_PX[tier]),
      size: n.data('size') as number,
    });
  });
  items.sort((a, b) => b.size - a.size);
  labelZoom = labelZooms(items, Math.min(hubs, 8));
  labelScale = 0;
  applyLabels();
}

function scheduleLabels(): void {
  cancelAnimationFrame(labelFrame);
  labelFrame = requestAnimationFrame(applyLabels);
}

function applyLabels(): void {
  if (!cy) return;
  const c = cy;
  const z = c.zoom();
  // Below zoom 1 labels keep their screen size; above it they grow with the drawing. The
  // stylesheet is only rebuilt when the scale moves by more than 4 %.
  const k = 1 / Math.min(z, 1);
  c.batch(() => {
    if (labelScale === 0 || Math.abs(k / labelScale - 1) > 0.04) {
      labelScale = k;
      c.style(stylesheet(k));
    }
    c.nodes().forEach((n) => {
      const need = labelZoom.get(n.id());
      if (need === undefined) return;
      if (need <= z * 1.0001) n.removeClass('nolabel');
      else n.addClass('nolabel');
    });
  });
}

/** Shows exactly the visible ids; one batch, positions untouched. */
export function showOnly(visible: Visible): void {
  if (!cy) return;
  const c = cy;
  c.batch(() => {
    c.nodes().forEach((n) => {
      if (n.hasClass('annotation')) return;
      if (visible.nodes.has(n.id())) n.removeClass('hidden');
      else n.addClass('hidden');
    });
    c.edges().forEach((e) => {
      if (visible.edges.has(e.id())) e.removeClass('hidden');
      else e.addClass('hidden');
    });
  });
  computeLabelZooms();
}

/** Emphasises a neighbourhood and dims the rest; null clears. */
export function highlight(
  near: Visible | null,
  focus: string | null,
  pickedEdge: string | null,
): void {
  if (!cy) return;
  const c = cy;
  const active = near !== null || focus !== null || pickedEdge !== null;
  // Nothing highlighted before or now: no pass over every element on each filter change.
  if (!active && !highlightActive) return;
  highlightActive = active;
  c.batch(() => {
    c.elements().removeClass('dim near focus picked');
    if (near) {
      c.nodes().forEach((n) => {
        if (n.hasClass('annotation')) return;
        n.addClass(near.nodes.has(n.id()) ? 'near' : 'dim');
      });
      c.edges().forEach((e) => {
        e.addClass(near.edges.has(e.id()) ? 'near' : 'dim');
      });
    }
    if (focus) c.getElementById(focus).addClass('focus');
    if (pickedEdge) {
      const e = c.getElementById(pickedEdge);
      e.addClass('picked').removeClass('dim');
      e.connectedNodes().removeClass('dim').addClass('near');
    }
  });
}

export function setColorMode(graph: GraphData, mode: ColorMode): void {
  if (!cy || current !== graph) return;
  const { colorOf } = nodeColoring(graph, mode);
  const c = cy;
  c.batch(() => {
    c.nodes().forEach((n) => {
      const color = colorOf.get(n.id());
      if (color) n.data('color', color);
    });
  });
}

export function runLayout(graph: GraphData, name: LayoutName, animate = true): Promise<void> {
  if (!cy || current !== graph) return Promise.resolve();
  const c = cy;
  const { positions, annotations } = layoutPositions(graph, name);
  setAnnotations([]);
  updateBasemap(name);
  const done = () => {
    setAnnotations(annotations);
    fitInto(c.elements().not('.hidden'), false);
    computeLabelZooms();
  };
  const big = graph.elements.nodes.length > 2000;
  if (!animate || big) {
    c.batch(() => {
      c.nodes().forEach((n) => {
        const p = positions.get(n.id());
        if (p) n.position({ ...p });
      });
    });
    done();
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const layout = c.layout({
      name: 'preset',
      positions: (n: cytoscape.NodeSingular) => positions.get(n.id()) ?? n.position(),
      animate: true,
      animationDuration: 600,
      animationEasing: 'ease-in-out-cubic',
      fit: false,
    } as cytoscape.LayoutOptions);
    layout.one('layoutstop', () => {
      done();
      resolve();
    });
    layout.run();
  });
}

/** Fits what is shown without animation: the first frame after a graph and its filters load. */
export function fitVisibleNow(): void {
  if (!cy) return;
  const visible = cy.elements().not('.hidden');
  fitInto(visible.length ? visible : cy.elements(), false);
  computeLabelZooms();
}

export function fit(): void {
  if (!cy) return;
  const visible = cy.elements().not('.hidden');
  fitInto(visible.length ? visible : cy.elements(), true);
}

export function zoomBy(factor: number): void {
  if (!cy) return;
  const c = cy;
  const level = Math.min(c.maxZoom(), Math.max(c.minZoom(), c.zoom() * factor));
  c.animate(
    { zoom: { level, renderedPosition: { x: c.width() / 2, y: c.height() / 2 } } },
    { duration: 150 },
  );
}

/** Fits the view to the given institutions (a found chain, a selection). */
export function fitTo(ids: string[]): void {
  if (!cy) return;
  const c = cy;
  const eles = c.collection();
  for (const id of ids) eles.merge(c.getElementById(id));
  if (eles.nonempty()) fitInto(eles, true);
}

export function centreOn(id: string): void {
  if (!cy) return;
  const n = cy.getElementById(id);
  if (n.empty()) return;
  const level = Math.max(cy.zoom(), 1.1);
  cy.animate({ center: { eles: n }, zoom: level }, { duration: 300 });
}

export function resize(): void {
  cy?.resize();
}

/** Image snapshot of the drawn graph; the image code loads on first use. */
export async function exportImage(
  format: 'png' | 'svg',
  options: ImageOptions,
): Promise<Blob | null> {
  if (!cy) return null;
  const c = cy;
  const image = await import('./image');
  // Annotations and the hover ring are view aids, not part of the picture.
  c.nodes('.hover').removeClass('hover');
  if (format === 'png') return image.toPng(c, options);
  return new Blob([image.toSvg(c, options)], { type: 'image/svg+xml' });
}

/** Exposes a read-only view of what is drawn, for browser tests and the benchmark. */
function exposeView(): void {
  window.atlasView = {
    renderer: 'canvas',
    positions() {
      const out: Record<string, { x: number; y: number }> = {};
      cy?.nodes().forEach((n) => {
        if (!n.hasClass('annotation')) out[n.id()] = { ...n.position() };
      });
      return out;
    },
    visibleNodes: () =>
      cy
        ?.nodes()
        .filter((n) => !n.hasClass('annotation') && !n.hasClass('hidden'))
        .map((n) => n.id()) ?? [],
    visibleEdges: () =>
      cy
        ?.edges()
        .filter((e) => !e.hasClass('hidden'))
        .map((e) => e.id()) ?? [],
    renderedPosition(id) {
      const n = cy?.getElementById(id);
      return n && n.nonempty() ? { ...n.renderedPosition() } : null;
    },
    zoom: () => cy?.zoom() ?? 1,
  };
}
