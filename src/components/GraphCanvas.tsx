import { Suspense, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  draw,
  fitTo,
  fitVisibleNow,
  highlight,
  mountGraph,
  resize,
  runLayout,
  setColorMode,
  type HoverInfo,
} from '../cy';
import { selectDrawn, selectNeighbourhood, selectVisible, useAtlas } from '../store';
import { LazyTooltip } from './lazyParts';

/** The only component that mounts the Cytoscape bridge. */
export function GraphCanvas() {
  const container = useRef<HTMLDivElement>(null);
  const basemap = useRef<HTMLCanvasElement>(null);
  const graph = useAtlas((s) => s.graph);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const { layout, color } = useAtlas(useShallow((s) => ({ layout: s.layout, color: s.color })));
  const visible = useAtlas(selectVisible);
  const drawn = useAtlas(selectDrawn);
  const near = useAtlas(selectNeighbourhood);
  const focus = useAtlas((s) => s.focus);
  const agreement = useAtlas((s) => s.agreement);
  const mountedLayout = useRef(layout);

  // Mount once per graph; layout and colour at mount come from the store's current values.
  useEffect(() => {
    const el = container.current;
    if (!el || !graph) return;
    const s = useAtlas.getState();
    mountedLayout.current = s.layout;
    mountGraph(el, graph, {
      layout: s.layout,
      color: s.color,
      basemapCanvas: basemap.current,
      renderer: new URLSearchParams(window.location.search).get('renderer'),
      events: {
        selectInstitution: (id) => useAtlas.getState().selectInstitution(id),
        selectAgreement: (id) => useAtlas.getState().selectAgreement(id),
        hover: setHover,
        expandGroup: (key) => useAtlas.getState().expandGroup(key),
        collapseGroup: (key) => useAtlas.getState().collapseGroup(key),
        showGroupOnly: (key) => useAtlas.getState().setFilters({ countries: [key] }),
      },
    });
    const observer = new ResizeObserver(([entry]) => {
      if (entry) resize(entry.contentRect.width, entry.contentRect.height);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [graph]);

  // The first time a graph's filters are applied, the view fits what they show.
  const fittedFor = useRef<unknown>(null);
  useEffect(() => {
    if (!graph || !drawn) return;
    draw(drawn, visible, layout);
    if (fittedFor.current !== graph) {
      fittedFor.current = graph;
      fitVisibleNow();
    }
  }, [graph, visible, drawn, layout]);

  useEffect(() => {
    if (graph) highlight(near, focus, agreement);
  }, [graph, near, focus, agreement, visible, drawn]);

  useEffect(() => {
    if (graph) setColorMode(graph, color);
  }, [graph, color]);

  // A chosen connection is brought into view whole.
  const path = useAtlas((s) => s.path);
  useEffect(() => {
    if (graph && path && near) fitTo([...near.nodes]);
    // Only when the chain's end changes, not on every filter change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph, path]);

  useEffect(() => {
    if (!graph || mountedLayout.current === layout) return;
    mountedLayout.current = layout;
    void runLayout(graph, layout);
  }, [graph, layout]);

  return (
    <div className="canvas-wrap">
      <canvas ref={basemap} className="basemap" aria-hidden="true" />
      <div
        ref={container}
        className="graph-canvas"
        data-testid="graph-canvas"
        role="img"
        aria-label="Network of institutions and agreements. Use the table view for a text version."
      />
      {hover && graph ? (
        <Suspense fallback={null}>
          <LazyTooltip graph={graph} hover={hover} />
        </Suspense>
      ) : null}
    </div>
  );
}
