import { useLayoutEffect, useRef } from 'react';
import { setInsetBottom } from '../cy';
import { DRAW_LIMIT } from '../filters';
import { selectDrawn, selectVisible, useAtlas } from '../store';

const count = (n: number) => n.toLocaleString('en');

/**
 * Shown while a big graph is drawn grouped by country: why, how to open a group, which groups
 * are open (each closable), and what was left out to stay within the drawing limit.
 */
export function GroupsBar({ compact = false }: { compact?: boolean }) {
  const drawn = useAtlas(selectDrawn);
  const visible = useAtlas(selectVisible);
  const collapseGroup = useAtlas((s) => s.collapseGroup);
  const collapseGroups = useAtlas((s) => s.collapseGroups);
  const bar = useRef<HTMLElement>(null);
  const grouped = drawn?.grouped ?? false;
  // Fitting keeps the drawing clear of the bar.
  useLayoutEffect(() => {
    const el = bar.current;
    if (!grouped || !el) {
      setInsetBottom(0);
      return;
    }
    const update = () => setInsetBottom(el.offsetHeight + 10);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => {
      observer.disconnect();
      setInsetBottom(0);
    };
  }, [grouped]);
  if (!drawn?.grouped) return null;
  const open = drawn.groups.filter((g) => g.expanded);
  const shown = visible.nodes.size + visible.edges.size;
  return (
    <section
      ref={bar}
      className={compact ? 'groups-bar compact' : 'groups-bar'}
      aria-label="Grouped view"
    >
      <p data-testid="groups-summary">
        <strong>Grouped by country</strong>: {count(drawn.groups.length)} groups stand for{' '}
        {count(visible.nodes.size)} institutions and {count(visible.edges.size)} agreements (
        {count(shown)} elements; up to {count(DRAW_LIMIT)} are drawn one by one).
        {compact ? null : ' Click or zoom into a group to open it; narrow the filters to see more.'}
      </p>
      {drawn.omitted.links > 0 ? (
        <p className="groups-omitted">
          {count(drawn.omitted.links)} weakest links between groups (
          {count(drawn.omitted.agreements)} agreements) are not drawn.
        </p>
      ) : null}
      {open.length > 0 ? (
        <ul className="groups-open" aria-label="Open groups">
          {open.map((g) => (
            <li key={g.key}>
              <span>
                {g.label}: {count(g.drawn)} of {count(g.institutions)} drawn
              </span>
              <button
                type="button"
                aria-label={`Group ${g.label} again`}
                title="Group again"
                onClick={() => collapseGroup(g.key)}
              >
                ×
              </button>
            </li>
          ))}
          {open.length > 1 ? (
            <li>
              <button type="button" className="link-button" onClick={collapseGroups}>
                Group all again
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
    </section>
  );
}
