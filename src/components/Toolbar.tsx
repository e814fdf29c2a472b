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

const HOPS = ['1', '2'] as const;

/**
 * One of the view controls: a select with its name shown beside it (hidden on phones, where
 * the select keeps it as its aria-label and title).
 */
function ToolSelect<T extends string>(props: {
  name: string;
  value: T;
  options: readonly T[];
  label(option: T): string;
  onChange(value: T): void;
}) {
  const id = useId();
  const { name, value, options, label, onChange } = props;
  return (
    <div className="tool">
      <label htmlFor={id}>{name}</label>
      <select
        id={id}
        aria-label={name}
        title={name}
        value={value}
        onChange={(e) => {
          const picked = options.find((o) => o === e.target.value);
          if (picked !== undefined) onChange(picked);
        }}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {label(o)}
          </option>
        ))}
      </select>
    </div>
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
      <ToolSelect
        name="Layout"
        value={layout}
        options={LAYOUTS}
        label={(l) => LAYOUT_LABELS[l]}
        onChange={setLayout}
      />
      <ToolSelect
        name="Colour by"
        value={color}
        options={COLOR_MODES}
        label={(c) => COLOR_LABELS[c]}
        onChange={setColor}
      />
      <ToolSelect
        name="Highlight"
        value={hops === 2 ? '2' : '1'}
        options={HOPS}
        label={(h) => (h === '2' ? '2 hops' : '1 hop')}
        onChange={(h) => setHops(h === '2' ? 2 : 1)}
      />
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
