import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  COOPERATION_INFO,
  COOPERATION_TYPES,
  INSTITUTION_INFO,
  INSTITUTION_TYPES,
  compareNames,
  countryName,
  formatCount,
  type CooperationType,
  type InstitutionType,
} from '../model';
import { activeFilterCount, indexGraph, isDefaultFilters } from '../filters';
import { COOPERATION_STYLE } from '../cy';
import { facetsFor, useAtlas } from '../store';
import { LineSwatch } from './LineSwatch';
import { useSettled } from './useSettled';

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** On narrow screens the panel is a drawer over the canvas, opened from the toolbar. */
export interface FilterDrawer {
  open: boolean;
  onClose(): void;
}

/**
 * The toolbar's button for the drawer, with the number of filters set. A component of its own:
 * the page's root does not render again at every filter change for it.
 */
export function FiltersToggle({ open, onToggle }: { open: boolean; onToggle(): void }) {
  const active = useAtlas((s) => activeFilterCount(s.filters));
  return (
    <button
      type="button"
      className="toolbar-button filters-toggle"
      aria-expanded={open}
      aria-controls="filters-panel"
      aria-label={active > 0 ? `Filters, ${active} set` : 'Filters'}
      onClick={onToggle}
    >
      Filters
      {active > 0 ? <span className="badge">{active}</span> : null}
    </button>
  );
}

export function FilterPanel({ drawer }: { drawer?: FilterDrawer }) {
  const graph = useAtlas((s) => s.graph);
  const filters = useAtlas((s) => s.filters);
  // The counts follow a moment after a change: the network is drawn first, then they are
  // counted again in idle time (over every institution and agreement: 30 ms at 100,000
  // institutions, 90 at 300,000).
  const counted = useSettled(filters, graph);
  const facets = graph ? facetsFor(graph, counted) : null;
  const setFilters = useAtlas((s) => s.setFilters);
  const clearFilters = useAtlas((s) => s.clearFilters);
  // An opened drawer takes the focus, so that the keyboard is in it (Escape closes it).
  const done = useRef<HTMLButtonElement>(null);
  const drawerOpen = drawer?.open === true;
  useEffect(() => {
    if (drawerOpen) done.current?.focus({ preventScroll: true });
  }, [drawerOpen]);
  if (!graph || !facets) return null;
  const index = indexGraph(graph);

  return (
    <aside
      id="filters-panel"
      className={drawer ? `filters drawer${drawer.open ? ' open' : ' closed'}` : 'filters'}
      aria-label="Filters"
      onKeyDown={(e) => {
        if (drawer && e.key === 'Escape') drawer.onClose();
      }}
    >
      <div className="filters-head">
        <h2>Filters</h2>
        <button
          type="button"
          className="link-button"
          onClick={clearFilters}
          disabled={isDefaultFilters(filters)}
        >
          Clear all
        </button>
        {drawer ? (
          <button
            type="button"
            className="toolbar-button drawer-done"
            onClick={drawer.onClose}
            ref={done}
          >
            Done
          </button>
        ) : null}
      </div>
      <CountryFilter
        counts={facets.countries}
        selected={filters.countries}
        onToggle={(code) => setFilters({ countries: toggle(filters.countries, code) })}
        onClear={() => setFilters({ countries: [] })}
      />
      <fieldset className="filter-group">
        <legend>Year</legend>
        {index.yearExtent ? (
          <YearRange
            extent={index.yearExtent}
            value={filters.years ?? index.yearExtent}
            onChange={(years) =>
              setFilters({
                years:
                  years[0] === index.yearExtent?.[0] && years[1] === index.yearExtent[1]
                    ? null
                    : years,
              })
            }
          />
        ) : (
          <p className="hint">No agreement in this graph has a year.</p>
        )}
        <label className="check">
          <input
            type="checkbox"
            checked={filters.undated}
            onChange={(e) => setFilters({ undated: e.target.checked })}
          />
          Include undated agreements ({formatCount(index.undatedCount)})
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={filters.onlyUndated === true}
            onChange={(e) =>
              setFilters(
                e.target.checked ? { onlyUndated: true, undated: true } : { onlyUndated: false },
              )
            }
          />
          Only agreements without a known year
        </label>
      </fieldset>
      <CheckList<CooperationType>
        title="Cooperation type"
        options={COOPERATION_TYPES}
        label={(t) => COOPERATION_INFO[t].label}
        hint={(t) => COOPERATION_INFO[t].definition}
        swatch={(t) => <LineSwatch {...COOPERATION_STYLE[t]} />}
        counts={facets.types}
        selected={filters.types}
        onToggle={(t) => setFilters({ types: toggle(filters.types, t) })}
        onClear={() => setFilters({ types: [] })}
      />
      <CheckList<InstitutionType>
        title="Institution type"
        options={INSTITUTION_TYPES}
        label={(t) => INSTITUTION_INFO[t].label}
        hint={(t) => INSTITUTION_INFO[t].definition}
        counts={facets.kinds}
        selected={filters.kinds}
        onToggle={(t) => setFilters({ kinds: toggle(filters.kinds, t) })}
        onClear={() => setFilters({ kinds: [] })}
      />
      <label className="check standalone">
        <input
          type="checkbox"
          checked={filters.hideIsolated}
          onChange={(e) => setFilters({ hideIsolated: e.target.checked })}
        />
        Hide institutions without a shown agreement
      </label>
    </aside>
  );
}

function CountryFilter(props: {
  counts: Map<string, number>;
  selected: string[];
  onToggle(code: string): void;
  onClear(): void;
}) {
  const graph = useAtlas((s) => s.graph);
  const [query, setQuery] = useState('');
  const inputId = useId();
  const all = useMemo(() => {
    if (!graph) return [];
    const codes = new Set<string>();
    for (const n of graph.elements.nodes) if (n.data.country) codes.add(n.data.country);
    return [...codes]
      .map((code) => ({ code, name: countryName(code) }))
      .sort((a, b) => compareNames(a.name, b.name));
  }, [graph]);
  const q = query.trim().toLowerCase();
  const shown = all.filter(
    (c) =>
      props.selected.includes(c.code) ||
      q === '' ||
      c.name.toLowerCase().includes(q) ||
      c.code.toLowerCase() === q,
  );
  return (
    <fieldset className="filter-group">
      <legend>
        Country{' '}
        {props.selected.length > 0 ? (
          <button type="button" className="link-button" onClick={props.onClear}>
            clear
          </button>
        ) : null}
      </legend>
      <label htmlFor={inputId} className="visually-hidden">
        Find a country
      </label>
      <input
        id={inputId}
        type="search"
        className="list-search"
        placeholder={`Find among ${all.length} countries`}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ul className="check-list countries" aria-label="Countries">
        {shown.map((c) => (
          <li key={c.code}>
            <label className="check">
              <input
                type="checkbox"
                checked={props.selected.includes(c.code)}
                onChange={() => props.onToggle(c.code)}
              />
              <span className="option-label">{c.name}</span>
              <span className="count">{formatCount(props.counts.get(c.code) ?? 0)}</span>
            </label>
          </li>
        ))}
      </ul>
      <p className="hint">
        {props.selected.length === 0
          ? 'None ticked: all countries.'
          : 'Agreements with at least one party from a ticked country, with both parties.'}
      </p>
    </fieldset>
  );
}

function YearRange(props: {
  extent: [number, number];
  value: [number, number];
  onChange(v: [number, number]): void;
}) {
  const [min, max] = props.extent;
  const [from, to] = props.value;
  const fromId = useId();
  const toId = useId();
  return (
    <div className="year-range">
      <label htmlFor={fromId}>From</label>
      <input
        id={fromId}
        type="range"
        min={min}
        max={max}
        value={from}
        onChange={(e) => {
          const v = Number(e.target.value);
          props.onChange([v, Math.max(v, to)]);
        }}
      />
      <output htmlFor={fromId}>{from}</output>
      <label htmlFor={toId}>To</label>
      <input
        id={toId}
        type="range"
        min={min}
        max={max}
        value={to}
        onChange={(e) => {
          const v = Number(e.target.value);
          props.onChange([Math.min(from, v), v]);
        }}
      />
      <output htmlFor={toId}>{to}</output>
    </div>
  );
}

function CheckList<T extends string>(props: {
  title: string;
  options: readonly T[];
  label(v: T): string;
  hint(v: T): string;
  swatch?(v: T): React.ReactNode;
  counts: Map<string, number>;
  selected: T[];
  onToggle(v: T): void;
  onClear(): void;
}) {
  return (
    <fieldset className="filter-group">
      <legend>
        {props.title}{' '}
        {props.selected.length > 0 ? (
          <button type="button" className="link-button" onClick={props.onClear}>
            clear
          </button>
        ) : null}
      </legend>
      <ul className="check-list" aria-label={props.title}>
        {props.options.map((o) => {
          const count = props.counts.get(o) ?? 0;
          return (
            <li key={o} className={count === 0 ? 'zero' : undefined} title={props.hint(o)}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={props.selected.includes(o)}
                  onChange={() => props.onToggle(o)}
                />
                {props.swatch ? props.swatch(o) : null}
                <span className="option-label">{props.label(o)}</span>
                <span className="count">{formatCount(count)}</span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
