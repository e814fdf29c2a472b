// A read-only window into the drawn view, for browser tests and the benchmark.
interface AtlasView {
  positions(): Record<string, { x: number; y: number }>;
  visibleNodes(): string[];
  visibleEdges(): string[];
  renderedPosition(id: string): { x: number; y: number } | null;
  zoom(): number;
  /** Times Cytoscape was told its container changed size since the graph was mounted. */
  resizes(): number;
  /** Diameter of a drawn node, in model units (0 when not drawn). */
  size(id: string): number;
  /** Opacity of a drawn element as Cytoscape styles it (a highlight dims what it leaves out);
   * null when not drawn. */
  opacity(id: string): number | null;
  /**
   * The labels Cytoscape draws for institutions, country groups, open groups' frames and
   * "+N more" chips at this zoom, each with its box on the canvas (pixels).
   */
  labels(): { id: string; x1: number; y1: number; x2: number; y2: number }[];
  /**
   * Frames Cytoscape's canvas renderer drew since the graph was mounted: straight (new
   * elements, no texture caches) and through its caches. Both 0 on WebGL.
   */
  frames(): { straight: number; cached: number };
  /**
   * Starts counting the elements Cytoscape restyles; the function returned stops and gives the
   * counts (an element restyled twice counts twice).
   */
  countRestyles(): () => { nodes: number; edges: number };
  /** "canvas" or "webgl". */
  renderer: string;
  /**
   * Counts of drawn elements (nodes and edges, synthetic included), the group, frame and
   * "more" nodes with the institutions each stands for, and the agreements summary links sum.
   */
  drawn(): {
    nodes: number;
    edges: number;
    links: number;
    groups: { id: string; key: string; kind: string; institutions: number; inside: number }[];
  };
}

interface Window {
  atlasView?: AtlasView;
}
