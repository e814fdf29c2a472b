// The one owner of the Cytoscape instance. Components call these plain functions; the store
// never sees `cy` or its elements. Cytoscape events become store actions here.

import cytoscape, { type Core, type ElementDefinition, type EventObject } from 'cytoscape';
import type { GraphData } from '../model';
import {
  DRAW_LIMIT,
  groupKeyOfDrawn,
  isSynthetic,
  type ColorMode,
  type DrawnView,
  type LayoutName,
  type Visible,
} from '../filters';
import type { Basemap } from './basemap';
import type { ImageOptions } from './image';
import { ANNOTATION_PX, cachedLayout, type Annotation } from './layouts';
import { frameItems, type FrameArea, type FrameItem, type Viewport } from './frame';
import {
  estimateLabelHeight,
  estimateLabelWidth,
  labelZooms,
  lineHeight,
  textWidth,
  type LabelItem,
} from './labels';
import { patchStyleCache } from './stylePatch';
import { installDirectFrames, type DirectFrames } from './directFrames';
import { GROUP_LABEL_PX, LABEL_CLASS, LABEL_PX, labelSizes, stylesheet } from './style';
import { chooseRenderer, type RendererChoice } from './renderer';
import { drawnElement, encodingsFor, toElements, type Encodings } from './toElements';

interface DrawnGroupInfo {
  id: string;
  key: string;
  kind: string;
  institutions: number;
  inside: number;
}

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
  /** Grouped view: open or close a country group ("none": institutions without a country). */
  expandGroup(key: string): void;
  collapseGroup(key: string): void;
  /** Grouped view: show one country only (the "more" node of an open group). */
  showGroupOnly(key: string): void;
}

let cy: Core | null = null;
let current: GraphData | null = null;
let annotationSet = new Set<string>();
let events: BridgeEvents | null = null;
let labelZoom = new Map<string, number>();
let labelFrame = 0;
let labelTimer = 0;
let labelScale = 0;
/** The scale of dashed and dotted lines in the current stylesheet. */
let dashScale = 1;
/** Times Cytoscape was told its container changed size (for tests: none at load). */
let resizes = 0;
/** Above this many institutions, labels use Cytoscape's zoom threshold instead of collisions. */
const BIG_GRAPH = 2000;
let big = false;
let highlightActive = false;
let basemapCanvas: HTMLCanvasElement | null = null;
let basemap: Basemap | null = null;
/**
 * Big graphs (more elements than DRAW_LIMIT): Cytoscape holds only what is drawn, and each
 * change is applied as a difference. Small graphs hold every element and toggle classes.
 */
let lean = false;
let encodings: Encodings | null = null;
let colorMode: ColorMode = 'region';
let drawnView: DrawnView | null = null;
let drawnLayout: LayoutName | null = null;
let renderer: RendererChoice = { name: 'canvas', reason: 'not mounted' };
let expandTimer = 0;
/** Straight drawing of new elements on the canvas renderer (null on WebGL). */
let direct: DirectFrames | null = null;

/** The layout the basemap should follow: it is drawn under the map layout only. */
let basemapWanted = false;
/** Whether the mounted graph has been drawn; what waits for that (afterFirstFrame). */
let drawnOnce = false;
let afterDrawn: (() => void)[] = [];

function updateBasemap(layout: LayoutName): void {
  basemapWanted = layout === 'map' && cy !== null && basemapCanvas !== null;
  if (basemapWanted) {
    if (basemap) return;
    // The map's code (and its world outline) loads when the map layout is first chosen.
    void import('./basemap').then(({ attachBasemap }) => {
      if (basemapWanted && !basemap && cy && basemapCanvas) {
        basemap = attachBasemap(cy, basemapCanvas);
      }
    });
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
/** Screen space at the top covered by the view controls (taller when they wrap). */
let insetTop = 44;

export function setInsetTop(px: number): void {
  insetTop = px;
}
/** Screen space at the bottom covered by overlays (the grouped view's bar). */
let insetBottom = 0;

export function setInsetBottom(px: number): void {
  insetBottom = px;
}

/** The part of the canvas not covered by overlays, with a margin. */
function frameArea(): FrameArea | null {
  if (!cy) return null;
  const pad = 30;
  // The view controls float over the top of the canvas.
  const top = insetTop;
  return {
    left: pad,
    top: top + pad,
    width: Math.max(cy.width() - insetRight - 2 * pad, 100),
    height: Math.max(cy.height() - top - insetBottom - 2 * pad, 100),
    minZoom: cy.minZoom(),
    maxZoom: Math.min(cy.maxZoom(), 1.6),
  };
}

function setViewport(view: Viewport | null, animate: boolean): void {
  if (!cy || !view) return;
  if (animate) cy.animate(view, { duration: 250 });
  else cy.viewport(view);
}

/**
 * An institution's label on screen at zoom ≤ 1, in pixels: its tier's font size, bold for hubs
 * (as the stylesheet draws them), wrapped at the stylesheet's width.
 */
function institutionLabelSize(n: cytoscape.NodeSingular): { width: number; height: number } {
  const tier = (n.data('tier') as 0 | 1 | 2 | undefined) ?? 0;
  const label = String(n.data('label') ?? '');
  const bold = tier === 2;
  return {
    width: estimateLabelWidth(label, LABEL_PX[tier], bold),
    height: estimateLabelHeight(label, LABEL_PX[tier], bold),
  };
}

/** A drawn node as the framing sees it: its box and, unless hidden, its label's box. */
function frameItemOf(n: cytoscape.NodeSingular): FrameItem {
  const { x, y } = n.position();
  const label = String(n.data('label') ?? '');
  if (n.hasClass('annotation')) {
    const fs = n.data('fs') as number;
    return {
      x,
      y,
      size: 0,
      label: { w: textWidth(label, fs, true), h: fs * 1.25, place: 'centre', units: 'model' },
    };
  }
  const kind = n.data('kind') as string | undefined;
  const size = (n.data('size') as number | undefined) ?? 0;
  if (kind === 'rest') return { x, y, size: Math.max(n.data('w') as number, 18) + 8 };
  if (kind === 'group' || kind === 'frame') {
    // Group names keep their screen size while zoomed out (applyLabels scales them).
    const px = n.data('px') as number;
    const w = textWidth(label, px, true);
    return { x, y, size, label: { w, h: lineHeight(px), place: 'below', units: 'screen' } };
  }
  if (label === '') return { x, y, size };
  // Counted from the zoom the label pass draws it at, so that a fit counts the labels drawn at
  // the zoom it picks, not those of the zoom before it (at load, nearly all of them). The
  // selected institution's, its neighbours' and a hovered one's are drawn at any zoom.
  const always = n.hasClass('near') || n.hasClass('focus') || n.hasClass('hover');
  const from = always ? 0 : (labelZoom.get(n.id()) ?? 0);
  const { width, height } = institutionLabelSize(n);
  return {
    x,
    y,
    size,
    label: {
      w: width,
      h: height,
      place: 'below',
      units: 'screen',
      from,
    },
  };
}

/**
 * Fits the shown ones of `nodes` into the part of the canvas not covered by overlays, from
 * their positions, sizes and estimated label boxes (src/cy/frame.ts): no Cytoscape bounding
 * box, which would style every element before the frame that styles them anyway.
 */
function fitNodes(nodes: cytoscape.NodeCollection, animate: boolean): void {
  const area = frameArea();
  if (!area) return;
  const items: FrameItem[] = [];
  nodes.forEach((n) => {
    if (!isHidden(n)) items.push(frameItemOf(n));
  });
  // Everything filtered out: frame it all, so that the view is ready when filters loosen.
  if (items.length === 0) nodes.forEach((n) => void items.push(frameItemOf(n)));
  setViewport(frameItems(items, area), animate);
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
    /** "webgl" or "canvas" forces a renderer for big graphs; else chosen by measurement. */
    renderer?: string | null;
  },
): void {
  destroyGraph();
  resizes = 0;
  basemapCanvas = options.basemapCanvas ?? null;
  lean = graph.elements.nodes.length + graph.elements.edges.length > DRAW_LIMIT;
  big = !lean && graph.elements.nodes.length > BIG_GRAPH;
  highlightActive = false;
  current = graph;
  events = options.events;
  colorMode = options.color;
  encodings = encodingsFor(graph, options.color);
  drawnView = null;
  drawnLayout = null;
  // The stylesheet below is built for scale 1.
  labelScale = 1;
  dashScale = 1;
  // Small graphs always draw on a 2D canvas; big ones on WebGL only where it is faster.
  renderer = lean
    ? chooseRenderer(options.renderer ?? null)
    : { name: 'canvas', reason: 'small graph' };
  const layout = lean ? null : cachedLayout(graph, options.layout);
  cy = cytoscape({
    container,
    elements: layout ? toElements(graph, encodings, layout.positions) : [],
    style: stylesheet(big, lean),
    // Positions as given, and no fit: GraphCanvas fits once the filters are applied (preset
    // fits by default, which costs a full style pass for its bounding box).
    layout: { name: 'preset', fit: false },
    minZoom: lean ? 0.002 : 0.02,
    maxZoom: 6,
    boxSelectionEnabled: false,
    selectionType: 'single',
    autoungrabify: false,
    textureOnViewport: lean || graph.elements.nodes.length + graph.elements.edges.length > 3000,
    hideEdgesOnViewport: false,
    pixelRatio: 'auto',
    ...(renderer.name === 'webgl' ? { renderer: { name: 'canvas', webgl: true } } : {}),
  } as cytoscape.CytoscapeOptions);
  patchStyleCache(cy);
  drawnOnce = false;
  const mounted = cy;
  mounted.one('render', () => {
    // Cytoscape has drawn in this animation frame; the browser shows it before the next. One
    // more frame passes (the first often brings the labels' pass) before what waits starts.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        // Another graph mounted meanwhile waits for its own first frame.
        if (cy !== mounted) return;
        drawnOnce = true;
        runAfterDrawn();
      }),
    );
  });
  direct = renderer.name === 'canvas' ? installDirectFrames(cy) : null;
  direct?.drawStraight();
  if (layout) setAnnotations(layout.annotations);
  // No fit or label pass here: GraphCanvas applies the filters next and fits once, which also
  // places the labels (a fit at mount forced a second full style pass on large graphs).
  const c = cy;
  updateBasemap(options.layout);
  exposeView();
  c.on('zoom', scheduleLabels);
  c.on('viewport', scheduleExpandByZoom);
  c.on('tap', 'node', (e: EventObject) => {
    const id = e.target.id() as string;
    if (annotationSet.has(id)) return;
    if (!isSynthetic(id)) {
      events?.selectInstitution(id);
      return;
    }
    const key = groupKeyOfDrawn(id);
    if (key === null) return;
    const kind = e.target.data('kind') as string;
    if (kind === 'group') events?.expandGroup(key);
    else if (kind === 'frame') events?.collapseGroup(key);
    else if (kind === 'rest' && key !== 'none') events?.showGroupOnly(key);
  });
  c.on('tap', 'edge', (e: EventObject) => {
    const id = e.target.id() as string;
    if (!isSynthetic(id)) {
      events?.selectAgreement(id);
      return;
    }
    // A summary link opens the closed groups at its ends.
    for (const end of [e.target.source(), e.target.target()]) {
      if (end.data('kind') === 'group') events?.expandGroup(end.data('group') as string);
    }
  });
  c.on('tap', (e: EventObject) => {
    if (e.target === c) events?.selectInstitution(null);
  });
  c.on('mouseover', 'node, edge', (e: EventObject) => {
    const t = e.target;
    if (t.isNode() && annotationSet.has(t.id())) return;
    if (t.isNode() && t.data('kind') !== 'frame') t.addClass('hover');
    const p = e.renderedPosition ?? t.renderedPosition();
    events?.hover({ id: t.id(), kind: t.isNode() ? 'node' : 'edge', x: p.x, y: p.y });
  });
  c.on('mouseout', 'node, edge', (e: EventObject) => {
    e.target.removeClass('hover');
    events?.hover(null);
  });
  c.on('pan zoom', () => events?.hover(null));
}

function runAfterDrawn(): void {
  const waiting = afterDrawn;
  afterDrawn = [];
  for (const fn of waiting) fn();
}

/**
 * Runs `fn` once the network's first frame is on screen (soon, if it already is, or no graph is
 * mounted). For work that idle time does ahead, such as fetching code for later: started before
 * that frame, it competed with it. Returns a function that cancels the call.
 */
export function afterFirstFrame(fn: () => void): () => void {
  if (drawnOnce || !cy) {
    const timer = window.setTimeout(fn, 0);
    return () => window.clearTimeout(timer);
  }
  afterDrawn.push(fn);
  return () => {
    afterDrawn = afterDrawn.filter((f) => f !== fn);
  };
}

export function destroyGraph(): void {
  cancelAnimationFrame(labelFrame);
  clearTimeout(expandTimer);
  clearTimeout(labelTimer);
  direct?.stop();
  direct = null;
  basemapWanted = false;
  basemap?.destroy();
  basemap = null;
  cy?.destroy();
  cy = null;
  current = null;
  drawnView = null;
  annotationSet = new Set();
}

function setAnnotations(annotations: Annotation[]): void {
  if (!cy) return;
  const c = cy;
  c.batch(() => {
    for (const id of annotationSet) c.getElementById(id).remove();
    annotationSet = new Set(annotations.map((a) => a.id));
    c.add(
      annotations.map((a) => ({
        group: 'nodes' as const,
        // The fields the rules for every node read (colour, size, label sizes), though the
        // annotation's own rule draws it otherwise: a rule's data mapping on an element without
        // the field logs a warning for each element and each property.
        data: {
          id: a.id,
          label: a.label,
          fs: a.size ?? ANNOTATION_PX,
          color: '#000000',
          size: 1,
          lfs: a.size ?? ANNOTATION_PX,
          lm: 0,
          lw: 1000,
        },
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
  if (!cy) return;
  const items: (LabelItem & { size: number })[] = [];
  cy.nodes().forEach((n) => {
    // Dimmed by a highlight, a node's name is not drawn (text-opacity 0) and takes no room.
    if (n.hasClass('annotation') || isHidden(n) || dimmed.has(n)) return;
    // In a highlight the focus is named first, then its neighbours, before the rest.
    const rank = n.hasClass('focus') ? 1e12 : n.hasClass('near') ? 1e10 : 0;
    const kind = n.data('kind') as string | undefined;
    if (kind === 'frame' || kind === 'rest') return;
    if (kind === 'group') {
      // Country groups come first, labelled under their circle.
      const size = n.data('size') as number;
      items.push({
        id: n.id(),
        x: n.position('x'),
        y: n.position('y') + size / 2,
        // One line, not wrapped (text-wrap none), however long the country's name.
        width: textWidth(n.data('label') as string, GROUP_LABEL_PX, true) + 4,
        height: lineHeight(GROUP_LABEL_PX),
        size: rank + 1e9 + size,
      });
      return;
    }
    if (big) return;
    const size = n.data('size') as number;
    items.push({
      id: n.id(),
      x: n.position('x'),
      y: n.position('y') + size / 2,
      ...institutionLabelSize(n),
      size: rank + size,
    });
  });
  items.sort((a, b) => b.size - a.size);
  // Only the most important label is shown whatever the zoom: even hubs' names wait until
  // they no longer lie on a bigger hub's (on a phone's canvas they did at the fitted zoom).
  labelZoom = labelZooms(items, 1);
  applyLabels();
}

function scheduleLabels(): void {
  cancelAnimationFrame(labelFrame);
  clearTimeout(labelTimer);
  // Graphs of more than a few thousand elements: once the zoom settles, so frames during a
  // gesture are drawn from Cytoscape's texture instead of after a restyle each.
  if (lean || (cy?.elements().length ?? 0) > 2000) labelTimer = window.setTimeout(applyLabels, 150);
  else labelFrame = requestAnimationFrame(applyLabels);
}

/** Replaces the stylesheet (which restyles every element): dashes at scale `dash`. */
function setStylesheet(c: Core, dash: number): void {
  dashScale = dash;
  c.style(stylesheet(big, lean, dash));
}

/** Whether the dashes' scale is more than twice or less than half `k`. */
function dashesDrifted(k: number): boolean {
  return Math.abs(Math.log2(k / dashScale)) > 1;
}

/** The text scale of institutions' labels: `k`, or 1 on big drawings (drawing units). */
function textScale(k: number): number {
  return big ? 1 : k;
}

/**
 * Sets the institutions' label sizes for text scale `k` (in a batch): one call per tier, for
 * all its institutions at once (one call per institution cost a fifth more than the new
 * stylesheet it replaces, in events and bookkeeping).
 */
function resizeInstitutionLabels(c: Core, k: number): void {
  for (const tier of [0, 1, 2] as const) c.nodes(`[tier = ${tier}]`).data(labelSizes(tier, k));
}

/** The text scale at zoom `z`: labels keep their screen size below zoom 1. */
function labelScaleAt(z: number): number {
  return 1 / Math.min(z, 1);
}

/** Whether the stylesheet's text scale is unset or more than 4 % away from `k`. */
function labelScaleMoved(k: number): boolean {
  return labelScale === 0 || Math.abs(k / labelScale - 1) > 0.04;
}

function applyLabels(): void {
  if (!cy) return;
  const c = cy;
  const z = c.zoom();
  // Below zoom 1 labels keep their screen size; above it they grow with the drawing. The
  // stylesheet is only rebuilt when the scale moves by more than 4 %; on big drawings only
  // the few group labels are resized.
  const k = labelScaleAt(z);
  // What changes is worked out first, and only that is applied: Cytoscape restyles an element
  // given a class it already has (or told to drop one it lacks) and redraws the drawing for it.
  // This pass runs after every zoom, and used to restyle every institution each time.
  // Institutions' label sizes follow the scale when it has moved (big drawings keep their text
  // in drawing units). A new stylesheet restyles every element: only for dashes that would be
  // more than twice or less than half their length on screen.
  let text: number | null = null;
  if (labelScaleMoved(k)) {
    labelScale = k;
    if (!big) text = k;
  }
  const sheet = dashesDrifted(k) ? k : null;
  const resized: { n: cytoscape.NodeSingular; fs: number; w: number }[] = [];
  const widths = new Map<string, number>();
  if (lean) {
    // Group labels, including those of groups just drawn, at the current scale.
    const scale = labelScale;
    c.nodes('.group, .frame, .rest').forEach((n) => {
      const fs = (n.data('px') as number) * scale;
      if (n.data('fs') !== fs) {
        const w = textWidth(n.data('label') as string, fs);
        resized.push({ n, fs, w });
        widths.set(n.id(), w);
      }
    });
  }
  const show: cytoscape.NodeSingular[] = [];
  const hide: cytoscape.NodeSingular[] = [];
  const want = (n: cytoscape.NodeSingular, shown: boolean) => {
    if (shown !== n.hasClass(LABEL_CLASS)) (shown ? show : hide).push(n);
  };
  // Open groups' names come first, the biggest group's first, then their "+N more" chips:
  // each is drawn unless it would lie on one already placed. An open group's frame may reach
  // over its neighbours: a country's or institution's name that would lie under one of these
  // waits until the zoom separates them. Checked at this zoom (such a pair can overlap over a
  // middle range of zooms only, which a threshold per label cannot say).
  const blockers: ScreenBox[] = [];
  if (lean) {
    const first = c.nodes('.frame').sort((a, b) => b.data('size') - a.data('size'));
    for (const n of [...first, ...c.nodes('.rest')]) {
      const box = labelBox(n, z, widths.get(n.id()));
      const free = !blockers.some((b) => boxesOverlap(b, box));
      want(n, free);
      if (free) blockers.push(box);
    }
  }
  c.nodes().forEach((n) => {
    // A dimmed node's text is not drawn (text-opacity 0): its label class is left as it
    // is, which spares restyling it (the next pass after the highlight sets it again).
    if (dimmed.has(n)) return;
    const need = labelZoom.get(n.id());
    if (need === undefined) return;
    let shown = need <= z * 1.0001;
    if (shown && blockers.length > 0) {
      const box = labelBox(n, z, widths.get(n.id()));
      shown = !blockers.some((b) => boxesOverlap(b, box));
    }
    want(n, shown);
  });
  if (
    sheet === null &&
    text === null &&
    resized.length === 0 &&
    show.length === 0 &&
    hide.length === 0
  )
    return;
  c.batch(() => {
    if (sheet !== null) setStylesheet(c, sheet);
    if (text !== null) resizeInstitutionLabels(c, text);
    for (const { n, fs, w } of resized) n.data({ fs, w });
    for (const n of show) n.addClass(LABEL_CLASS);
    for (const n of hide) n.removeClass(LABEL_CLASS);
  });
}

type ScreenBox = { x1: number; y1: number; x2: number; y2: number };

/**
 * Where a node's label (an institution's, a country group's or open group's name, a "+N more"
 * chip) lies on screen at zoom `z`: model units times the zoom, pan left out. Labels keep their
 * screen size below zoom 1 and grow with the drawing above it; margins are in model units.
 * `width`: a chip's label width about to be set (its `w` still holds the old one).
 */
function labelBox(n: cytoscape.NodeSingular, z: number, width?: number): ScreenBox {
  const { x, y } = n.position();
  const size = n.data('size') as number;
  const s = Math.max(z, 1);
  const kind = n.data('kind') as string | undefined;
  const label = n.data('label') as string;
  if (kind === 'rest') {
    // One line, which keeps its screen size like the names; its width is in drawing units.
    // Its text alone: it sits inside its group's circle, just above the group's name.
    const w = ((width ?? (n.data('w') as number)) + 8) * z;
    const h = ((n.data('px') as number) * 1.25 * s) / 2;
    return { x1: x * z - w / 2, x2: x * z + w / 2, y1: y * z - h, y2: y * z + h };
  }
  if (kind === undefined) {
    // An institution: wrapped text under its circle, 3 px below it.
    const { width, height } = institutionLabelSize(n);
    const w = width * s;
    const top = (y + size / 2) * z + 3 * s;
    return { x1: x * z - w / 2, x2: x * z + w / 2, y1: top, y2: top + height * s };
  }
  const px = n.data('px') as number;
  // Group and frame names are bold.
  const w = (textWidth(label, px, true) + 4) * s;
  const h = lineHeight(px) * s;
  const gap = n.data('gap') as number;
  const x1 = x * z - w / 2;
  const top = (y + size / 2 + gap) * z;
  return { x1, x2: x1 + w, y1: top, y2: top + h };
}

function boxesOverlap(a: ScreenBox, b: ScreenBox): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/**
 * Draws a view: on small graphs by toggling classes (every element is in Cytoscape), on big
 * ones by adding, updating and removing the difference. One batch either way.
 */
export function draw(view: DrawnView, visible: Visible, layout: LayoutName): void {
  if (!cy) return;
  if (!lean) {
    showOnly(visible);
    return;
  }
  const c = cy;
  const enc = encodings;
  if (!enc) return;
  const layoutChanged = drawnLayout !== null && drawnLayout !== layout;
  // Grouped and ungrouped drawings have their own geometry: the country groups sit close
  // together, the institutions at their places. Switching between them frames the new one,
  // or a filter down to one country would leave its institutions off screen.
  const regrouped = drawnView !== null && drawnView.grouped !== view.grouped;
  const area = regrouped && !layoutChanged ? frameArea() : null;
  const framed = area ? frameItems(view.nodes, area) : null;
  drawnView = view;
  drawnLayout = layout;
  const wanted = new Set<string>();
  for (const n of view.nodes) wanted.add(n.id);
  for (const e of view.edges) wanted.add(e.id);
  const institutions = view.nodes.reduce((k, n) => k + (n.kind === 'institution' ? 1 : 0), 0);
  const nextBig = institutions > BIG_GRAPH;
  let addedCount = 0;
  c.batch(() => {
    const gone = c.collection();
    c.elements().forEach((el) => {
      const id = el.id();
      if (!wanted.has(id) && !annotationSet.has(id)) gone.merge(el);
    });
    c.remove(gone);
    // A new stylesheet (other label rules, or text scaled for the zoom the view is framed at)
    // clears and restyles every element in Cytoscape: set it before the new ones are added,
    // which are then styled once, at the end of the batch, and not cleared first.
    const k = labelScaleAt(framed ? framed.zoom : c.zoom());
    if (nextBig !== big || dashesDrifted(k)) {
      big = nextBig;
      setStylesheet(c, k);
    }
    // Elements drawn below (new or updated) get their label sizes for this scale.
    if (labelScaleMoved(k)) labelScale = k;
    const scale = textScale(labelScale);
    const added: ElementDefinition[] = [];
    for (const item of [...view.nodes, ...view.edges]) {
      const def = drawnElement(item, enc, scale);
      const el = c.getElementById(item.id);
      if (el.empty()) {
        added.push(def);
        continue;
      }
      // Same id, maybe new numbers (a group's count, label sizes for a new text scale) or
      // place (another layout): the changed fields in one call, so one restyle and one event.
      const changed: Record<string, unknown> = {};
      let any = false;
      for (const [k, v] of Object.entries(def.data)) {
        if (k !== 'fs' && el.data(k) !== v) {
          changed[k] = v;
          any = true;
        }
      }
      if (any) el.data(changed);
      const p = def.position;
      if (p && el.isNode()) {
        const q = el.position();
        if (q.x !== p.x || q.y !== p.y) el.position({ ...p });
      }
    }
    c.add(added);
    addedCount = added.length;
  });
  if (addedCount > 0) direct?.drawStraight();
  if (view.grouped) setAnnotations([]);
  else if (layoutChanged || annotationSet.size === 0) {
    setAnnotations(current ? cachedLayout(current, layout).annotations : []);
  }
  if (layoutChanged) fitNodes(c.nodes(), false);
  else if (framed) setViewport(framed, false);
  // New group nodes get their label size for the current zoom.
  computeLabelZooms();
}

type CyElement = cytoscape.SingularElementArgument;

/**
 * Elements given a style bypass of a few properties, and which they are. Filters' hiding and a
 * highlight's dimming are bypasses, not classes: Cytoscape restyles an element whose classes
 * change from scratch (every rule's selector matched again, every property applied), but
 * applies a bypass as its properties alone. The set is the bridge's own record: reading the
 * style back would have Cytoscape style an element not yet styled.
 */
class Bypass {
  private readonly on = new WeakSet<CyElement>();
  constructor(private readonly style: Record<string, string | number>) {}

  has(el: CyElement): boolean {
    return this.on.has(el);
  }

  /** Gives the bypass to `add` and takes it from `remove` (elements whose state changes). */
  apply(add: cytoscape.Collection, remove: cytoscape.Collection): void {
    add.forEach((el) => void this.on.add(el));
    remove.forEach((el) => void this.on.delete(el));
    if (add.nonempty()) add.style(this.style);
    if (remove.nonempty()) remove.removeStyle(Object.keys(this.style).join(' '));
  }
}

/** Elements a filter hides (small graphs, where every element stays in Cytoscape). */
const hidden = new Bypass({ display: 'none' });
/** Elements a highlight dims. */
const dimmed = new Bypass({ opacity: 0.12, 'text-opacity': 0 });

function isHidden(el: CyElement): boolean {
  return hidden.has(el);
}

/**
 * Shows exactly the visible ids; one batch, positions untouched. Only elements whose state
 * changes are touched: Cytoscape restyles and redraws what it is told of.
 */
function showOnly(visible: Visible): void {
  if (!cy) return;
  const c = cy;
  const show = c.collection();
  const hide = c.collection();
  const want = (el: CyElement, shown: boolean) => {
    if (shown === hidden.has(el)) (shown ? show : hide).merge(el);
  };
  c.nodes().forEach((n) => {
    if (!n.hasClass('annotation')) want(n, visible.nodes.has(n.id()));
  });
  c.edges().forEach((e) => want(e, visible.edges.has(e.id())));
  if (show.length > 0 || hide.length > 0) {
    c.batch(() => hidden.apply(hide, show));
  }
  // Elements coming back may have no cached textures (their style changed, and hidden ones
  // are not drawn): the next frames draw straight.
  if (show.length > 0) direct?.drawStraight();
  computeLabelZooms();
}

function scheduleExpandByZoom(): void {
  clearTimeout(expandTimer);
  if (!lean || !drawnView?.grouped) return;
  expandTimer = window.setTimeout(() => {
    if (!cy || !drawnView?.grouped) return;
    const c = cy;
    const w = c.width();
    const h = c.height();
    const need = 0.45 * Math.min(w, h);
    let best: { key: string; d: number } | null = null;
    c.nodes('.group').forEach((n) => {
      const d = (n.data('size') as number) * c.zoom();
      const p = n.renderedPosition();
      if (d < need || p.x < 0 || p.y < 0 || p.x > w || p.y > h) return;
      if (!best || d > best.d) best = { key: n.data('group') as string, d };
    });
    const found = best as { key: string; d: number } | null;
    if (found) events?.expandGroup(found.key);
  }, 300);
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
  // In the grouped view an institution inside a group is stood for by its group.
  const nodeOf = (id: string) => (lean && drawnView ? drawnView.ownerOf(id) : id);
  const edgeOf = (id: string) => (lean && drawnView ? drawnView.edgeOf(id) : id);
  const nearIds = new Set<string>();
  if (near) {
    for (const id of near.nodes) {
      const d = nodeOf(id);
      if (d !== undefined) nearIds.add(d);
    }
    for (const id of near.edges) {
      const d = edgeOf(id);
      if (d !== undefined) nearIds.add(d);
    }
  }
  const picked = pickedEdge === null ? undefined : edgeOf(pickedEdge);
  const pickedEl = picked === undefined ? null : c.getElementById(picked);
  const pickedEnds = new Set(pickedEl?.connectedNodes().map((n) => n.id()) ?? []);
  // Only what changes is touched: an element given or relieved of a class is restyled from
  // scratch, and every element used to be (all classes removed, then the new ones added).
  const dim = c.collection();
  const undim = c.collection();
  const setClass = (el: CyElement, name: string, on: boolean) => {
    if (el.hasClass(name) === on) return;
    if (on) el.addClass(name);
    else el.removeClass(name);
  };
  c.batch(() => {
    c.elements().forEach((el) => {
      const id = el.id();
      const exempt = el.isNode() && (el.hasClass('annotation') || el.data('kind') === 'frame');
      const isPicked = id === picked;
      const isEnd = pickedEnds.has(id);
      const isNear = isEnd || (near !== null && !exempt && nearIds.has(id));
      const isDim = near !== null && !exempt && !isNear && !isPicked;
      setClass(el, 'near', isNear);
      setClass(el, 'focus', id === focus);
      setClass(el, 'picked', isPicked);
      if (isDim !== dimmed.has(el)) (isDim ? dim : undim).merge(el);
    });
    dimmed.apply(dim, undim);
  });
  // Who is named follows the highlight: its nodes first, the dimmed ones not at all.
  computeLabelZooms();
}

export function setColorMode(graph: GraphData, mode: ColorMode): void {
  if (!cy || current !== graph || mode === colorMode) return;
  colorMode = mode;
  const enc = (encodings = encodingsFor(graph, mode));
  const c = cy;
  c.batch(() => {
    c.nodes().forEach((n) => {
      const id = n.id();
      const color = isSynthetic(id)
        ? enc.groupColor(n.data('group') as string)
        : enc.colorOf.get(id);
      if (color) n.data('color', color);
    });
  });
}

export function runLayout(graph: GraphData, name: LayoutName, animate = true): Promise<void> {
  if (!cy || current !== graph) return Promise.resolve();
  const c = cy;
  // Big graphs: the drawn view carries the positions; `draw` moves the elements.
  if (lean) {
    updateBasemap(name);
    return Promise.resolve();
  }
  const { positions, annotations } = cachedLayout(graph, name);
  setAnnotations([]);
  updateBasemap(name);
  const done = () => {
    setAnnotations(annotations);
    fitNodes(c.nodes(), false);
    computeLabelZooms();
  };
  if (!animate || graph.elements.nodes.length > BIG_GRAPH) {
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
  fitNodes(cy.nodes(), false);
  // Big drawings are not restyled as the zoom changes: their dashes get this first view's scale.
  const k = labelScaleAt(cy.zoom());
  if (big && Math.abs(k / dashScale - 1) > 0.04) setStylesheet(cy, k);
  // The zooms from which labels show do not depend on the zoom: draw() has worked them out.
  applyLabels();
}

export function fit(): void {
  if (cy) fitNodes(cy.nodes(), true);
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
  const nodes = c.collection();
  for (const id of ids) nodes.merge(c.getElementById(id));
  if (nodes.nonempty()) fitNodes(nodes.nodes(), true);
}

export function centreOn(id: string): void {
  if (!cy) return;
  const n = cy.getElementById(id);
  if (n.empty()) return;
  const level = Math.max(cy.zoom(), 1.1);
  cy.animate({ center: { eles: n }, zoom: level }, { duration: 300 });
}

/**
 * The container's content box is now `width` × `height`. A ResizeObserver also reports the
 * size it starts with; telling Cytoscape of a size it already has would restyle and redraw
 * every element once more right after the first frame (a third of a second at 1,000
 * institutions).
 */
export function resize(width: number, height: number): void {
  // Cytoscape keeps whole pixels (clientWidth); the observer reports fractions.
  if (!cy || (Math.abs(width - cy.width()) < 1 && Math.abs(height - cy.height()) < 1)) return;
  resizes++;
  cy.resize();
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
  const institutions = () =>
    cy?.nodes().filter((n) => !n.hasClass('annotation') && !isSynthetic(n.id())) ??
    cy?.collection();
  Reflect.set(window, '__atlasRenderer', `${renderer.name} (${renderer.reason})`);
  window.atlasView = {
    renderer: renderer.name,
    positions() {
      // No prototype: an institution may be called "__proto__".
      const out = Object.create(null) as Record<string, { x: number; y: number }>;
      institutions()?.forEach((n) => {
        out[n.id()] = { ...n.position() };
      });
      return out;
    },
    visibleNodes: () =>
      institutions()
        // Cytoscape's own word (display and visibility as styled), not the bridge's record.
        ?.filter((n) => n.visible())
        .map((n) => n.id()) ?? [],
    visibleEdges: () =>
      cy
        ?.edges()
        .filter((e) => e.visible() && !isSynthetic(e.id()))
        .map((e) => e.id()) ?? [],
    renderedPosition(id) {
      const n = cy?.getElementById(id);
      return n && n.nonempty() ? { ...n.renderedPosition() } : null;
    },
    zoom: () => cy?.zoom() ?? 1,
    resizes: () => resizes,
    frames: () => direct?.counts() ?? { straight: 0, cached: 0 },
    countRestyles() {
      const counts = { nodes: 0, edges: 0 };
      const c = cy;
      const count = (e: EventObject) => {
        if (e.target.isNode()) counts.nodes++;
        else counts.edges++;
      };
      c?.on('style', count);
      return () => {
        c?.off('style', count);
        return counts;
      };
    },
    labels() {
      const c = cy;
      if (!c) return [];
      const z = c.zoom();
      return c
        .nodes()
        .filter((n) => {
          if (n.hasClass('annotation') || !n.visible()) return false;
          if (String(n.style('label') ?? '') === '') return false;
          // Dimmed by a highlight: the text is there, but not drawn.
          if (n.numericStyle('text-opacity') === 0) return false;
          return n.numericStyle('font-size') * z >= n.numericStyle('min-zoomed-font-size');
        })
        .map((n) => {
          const b = n.renderedBoundingBox({
            includeNodes: false,
            includeEdges: false,
            includeLabels: true,
            includeOverlays: false,
          });
          return { id: n.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
        });
    },
    opacity(id) {
      const el = cy?.getElementById(id);
      return el && el.nonempty() ? (el.numericStyle('opacity') as number) : null;
    },
    size(id) {
      const n = cy?.getElementById(id);
      return n && n.nonempty() ? n.width() : 0;
    },
    drawn() {
      const out = { nodes: 0, edges: 0, groups: [] as DrawnGroupInfo[], links: 0 };
      cy?.nodes().forEach((n) => {
        if (n.hasClass('annotation') || isHidden(n)) return;
        out.nodes++;
        const kind = n.data('kind') as string | undefined;
        if (kind === 'group' || kind === 'frame' || kind === 'rest') {
          out.groups.push({
            id: n.id(),
            key: n.data('group') as string,
            kind,
            institutions: n.data('institutions') as number,
            inside: n.data('inside') as number,
          });
        }
      });
      cy?.edges().forEach((e) => {
        if (isHidden(e)) return;
        out.edges++;
        if (e.hasClass('link')) out.links += e.data('agreements') as number;
      });
      return out;
    },
  };
}
