import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { cooperationLegend, legendShown, nodeColoring, setInsetRight } from '../cy';
import { formatCount } from '../model';
import { selectVisible, useAtlas } from '../store';
import { LineSwatch } from './LineSwatch';
import { useNarrow } from './useNarrow';
import { useSettled } from './useSettled';

const COLOR_TITLES = { region: 'World region', country: 'Country', type: 'Institution type' };

export function Legend({ compact = false }: { compact?: boolean }) {
  const graph = useAtlas((s) => s.graph);
  const color = useAtlas((s) => s.color);
  // Counted in idle time after a filter change, as the filter panel's counts are: the network
  // is drawn first (the counts cost a 100,000-institution filter change ~20 ms).
  const counted = useSettled(useAtlas(selectVisible), graph);
  // Collapsed while details are open (the canvas is narrower then), unless the user chose.
  const detailsOpen = useAtlas((s) => s.focus !== null || s.agreement !== null);
  const [choice, setChoice] = useState<boolean | null>(null);
  // Narrow screens start with it closed: open, it would cover much of the network.
  const narrow = useNarrow();
  const open = choice ?? (!detailsOpen && !compact && !narrow);
  const setOpen = (v: boolean) => setChoice(v);
  const box = useRef<HTMLElement>(null);
  // Fitting the network keeps clear of the legend.
  useLayoutEffect(() => {
    // Closed, it is a button in the top band that the view controls keep clear already. On a
    // narrow screen it opens over the network for a look, and the network keeps its room.
    setInsetRight(box.current && open && !narrow ? box.current.offsetWidth + 16 : 0);
    return () => setInsetRight(0);
  }, [open, color, graph, narrow]);
  // While filters hide some of the graph, each entry says how many of its own are shown.
  const shown = useMemo(() => {
    if (!graph || !open) return null;
    const filtered =
      counted.nodes.size < graph.elements.nodes.length ||
      counted.edges.size < graph.elements.edges.length;
    return filtered ? legendShown(graph, color, counted) : null;
  }, [graph, color, counted, open]);
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
              {legend.map((l, i) => (
                <li key={l.key} className={shown?.nodes[i] === 0 ? 'none-shown' : undefined}>
                  <span className="dot" style={{ background: l.color }} aria-hidden="true" />
                  <span className="legend-label">{l.label}</span>{' '}
                  <Count total={l.count} shown={shown?.nodes[i]} />
                </li>
              ))}
            </ul>
            <p className="hint">Node size: number of partners.</p>
          </div>
          <div>
            <h3>Line: cooperation type</h3>
            <ul>
              {edges.map((e, i) => (
                <li key={e.type} className={shown?.edges[i] === 0 ? 'none-shown' : undefined}>
                  <LineSwatch color={e.color} line={e.line} />
                  <span className="legend-label">{e.label}</span>{' '}
                  <Count total={e.count} shown={shown?.edges[i]} />
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </section>
  );
}

/** An entry's count: its total, or "shown of total" while filters hide part of the graph. */
function Count({ total, shown }: { total: number; shown: number | undefined }) {
  if (shown === undefined) return <span className="count">{formatCount(total)}</span>;
  return (
    <span className="count" title={`${formatCount(shown)} of ${formatCount(total)} shown`}>
      {formatCount(shown)} of {formatCount(total)}
    </span>
  );
}
