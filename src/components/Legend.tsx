import { useLayoutEffect, useRef, useState } from 'react';
import { cooperationLegend, nodeColoring, setInsetRight } from '../cy';
import { formatCount } from '../model';
import { useAtlas } from '../store';
import { LineSwatch } from './LineSwatch';

const COLOR_TITLES = { region: 'World region', country: 'Country', type: 'Institution type' };

export function Legend({ compact = false }: { compact?: boolean }) {
  const graph = useAtlas((s) => s.graph);
  const color = useAtlas((s) => s.color);
  // Collapsed while details are open (the canvas is narrower then), unless the user chose.
  const detailsOpen = useAtlas((s) => s.focus !== null || s.agreement !== null);
  const [choice, setChoice] = useState<boolean | null>(null);
  const open = choice ?? (!detailsOpen && !compact);
  const setOpen = (v: boolean) => setChoice(v);
  const box = useRef<HTMLElement>(null);
  // Fitting the network keeps clear of the legend.
  useLayoutEffect(() => {
    setInsetRight(box.current ? box.current.offsetWidth + 16 : 0);
    return () => setInsetRight(0);
  }, [open, color, graph]);
  if (!graph) return null;
  const { legend } = nodeColoring(graph, color);
  const edges = cooperationLegend(graph);
  return (
    <section
      ref={box}
      className={`legend${open ? '' : ' closed'}${compact ? ' compact' : ''}`}
      aria-label="Legend"
    >
      <button
        type="button"
        className="legend-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Legend {open ? '▾' : '▸'}
      </button>
      {open ? (
        <div className="legend-body">
          <div>
            <h3>Node colour: {COLOR_TITLES[color]}</h3>
            <ul>
              {legend.map((l) => (
                <li key={l.key}>
                  <span className="dot" style={{ background: l.color }} aria-hidden="true" />
                  {l.label} <span className="count">{formatCount(l.count)}</span>
                </li>
              ))}
            </ul>
            <p className="hint">Node size: number of partners.</p>
          </div>
          <div>
            <h3>Line: cooperation type</h3>
            <ul>
              {edges.map((e) => (
                <li key={e.type}>
                  <LineSwatch color={e.color} line={e.line} />
                  {e.label} <span className="count">{formatCount(e.count)}</span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </section>
  );
}
