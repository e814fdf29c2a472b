import { Suspense, useId, useLayoutEffect, useRef, useState } from 'react';
import { COLOR_MODES, DEFAULT_VIEW, LAYOUTS, type ColorMode, type LayoutName } from '../filters';
import { fit, setInsetTop, zoomBy } from '../cy';
import { useAtlas } from '../store';
import { ExportMenu } from './ExportMenu';
import { OpenGraphButton } from './OpenGraphButton';
import { SearchBox } from './SearchBox';
import { LazyShareDialog } from './lazyParts';

const LAYOUT_LABELS: Record<LayoutName, string> = {
  force: 'Force',
  concentric: 'Concentric',
  country: 'By country',
  map: 'Map',
};
const COLOR_LABELS: Record<ColorMode, string> = {
  region: 'Region',
  country: 'Country',
  type: 'Type',
};

/**
 * The top bar. `filters`: the button that opens the filters' drawer on narrow screens (none on
 * wide ones, where the filters are always beside the canvas).
 */
export function Toolbar({ data, filters }: { data: React.ReactNode; filters?: React.ReactNode }) {
  const panel = useAtlas((s) => s.panel);
  const setPanel = useAtlas((s) => s.setPanel);
  const [sharing, setSharing] = useState(false);

  return (
    <header className="toolbar">
      {filters}
      <h1 className="brand">Partnership Atlas</h1>
      <SearchBox />
      <div className="tool-group" role="group" aria-label="View">
        <button type="button" aria-pressed={panel === 'graph'} onClick={() => setPanel('graph')}>
          Network
        </button>
        <button type="button" aria-pressed={panel === 'table'} onClick={() => setPanel('table')}>
          Table
        </button>
      </div>
      {/* Kept together, at the right, when the bar wraps on a narrow screen. */}
      <div className="toolbar-actions">
        {data}
        <OpenGraphButton />
        <ExportMenu />
        <button type="button" className="toolbar-button" onClick={() => setSharing(true)}>
          Share
        </button>
      </div>
      {sharing ? (
        <Suspense fallback={null}>
          <LazyShareDialog onClose={() => setSharing(false)} />
        </Suspense>
      ) : null}
    </header>
  );
}

/** Layout, colour, highlight depth and zoom, floating over the canvas. */
export function CanvasControls() {
  const layout = useAtlas((s) => s.layout);
  const color = useAtlas((s) => s.color);
  const hops = useAtlas((s) => s.hops);
  const setLayout = useAtlas((s) => s.setLayout);
  const setColor = useAtlas((s) => s.setColor);
  const setHops = useAtlas((s) => s.setHops);
  const layoutId = useId();
  const colorId = useId();
  const hopsId = useId();
  const box = useRef<HTMLDivElement>(null);
  // Fitting keeps the network below the controls, which wrap onto more lines on narrow screens.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const update = () => setInsetTop(el.offsetTop + el.offsetHeight);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} className="canvas-controls" role="group" aria-label="View controls">
      <div className="tool">
        <label htmlFor={layoutId}>Layout</label>
        <select
          id={layoutId}
          aria-label="Layout"
          title="Layout"
          value={layout}
          onChange={(e) => setLayout(e.target.value as LayoutName)}
        >
          {LAYOUTS.map((l) => (
            <option key={l} value={l}>
              {LAYOUT_LABELS[l]}
            </option>
          ))}
        </select>
      </div>
      <div className="tool">
        <label htmlFor={colorId}>Colour by</label>
        <select
          id={colorId}
          aria-label="Colour by"
          title="Colour by"
          value={color}
          onChange={(e) => setColor(e.target.value as ColorMode)}
        >
          {COLOR_MODES.map((c) => (
            <option key={c} value={c}>
              {COLOR_LABELS[c]}
            </option>
          ))}
        </select>
      </div>
      <div className="tool">
        <label htmlFor={hopsId}>Highlight</label>
        <select
          id={hopsId}
          aria-label="Highlight"
          title="Highlight"
          value={hops}
          onChange={(e) => setHops(e.target.value === '2' ? 2 : 1)}
        >
          <option value="1">1 hop</option>
          <option value="2">2 hops</option>
        </select>
      </div>
      <div className="tool-group" role="group" aria-label="Zoom">
        <button type="button" onClick={() => zoomBy(1.3)} aria-label="Zoom in" title="Zoom in">
          +
        </button>
        <button
          type="button"
          onClick={() => zoomBy(1 / 1.3)}
          aria-label="Zoom out"
          title="Zoom out"
        >
          −
        </button>
        <button type="button" onClick={fit} title="Fit the shown network in the view">
          Fit
        </button>
        <button
          type="button"
          onClick={() => {
            useAtlas.getState().applyView(DEFAULT_VIEW);
            requestAnimationFrame(() => fit());
          }}
          title="Clear filters and selection, back to the force layout, and fit"
        >
          Reset
        </button>
      </div>
    </div>
  );
}
