import { useEffect } from 'react';
import { COOPERATION_INFO, COOPERATION_TYPES, compareNames, countryName } from '../model';
import { indexGraph } from '../filters';
import { fit } from '../cy';
import { useAtlas } from '../store';
import { DetailsPanel } from './DetailsPanel';
import { EmptyState } from './EmptyState';
import { GraphCanvas } from './GraphCanvas';
import { GroupsBar } from './GroupsBar';
import { Legend } from './Legend';
import { LoadError } from './LoadError';
import { LoadingMessage } from './LoadingMessage';
import { StatusBar } from './StatusBar';

/** The link back to the full explorer: the same view without the embed keys. */
function fullViewUrl(): string {
  const url = new URL(window.location.href);
  url.searchParams.delete('embed');
  url.searchParams.delete('controls');
  return url.toString().replace(/%2C/g, ',');
}

/** `embed=1`: the network alone, a compact legend, an optional filter bar (`controls=1`). */
export function EmbedView({ onRetryDefault }: { onRetryDefault(): void }) {
  const graph = useAtlas((s) => s.graph);
  const status = useAtlas((s) => s.status);
  const controls = new URLSearchParams(window.location.search).get('controls') === '1';
  // The frame may be resized by the host page: fit the network to it.
  useEffect(() => {
    const onResize = () => fit();
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return (
    <div className="app embed">
      {controls && graph ? <CompactFilters /> : null}
      <main className="main">
        <LoadError onRetryDefault={onRetryDefault} />
        {status === 'loading' && !graph ? <LoadingMessage /> : null}
        {graph ? (
          <div className="view-pane">
            <GraphCanvas />
            <Legend compact />
            <GroupsBar compact />
            <EmptyState />
            <a className="open-full" href={fullViewUrl()} target="_blank" rel="noopener noreferrer">
              Open in Partnership Atlas ↗
            </a>
          </div>
        ) : null}
      </main>
      <DetailsPanel />
      <StatusBar />
    </div>
  );
}

function CompactFilters() {
  const graph = useAtlas((s) => s.graph);
  const filters = useAtlas((s) => s.filters);
  const setFilters = useAtlas((s) => s.setFilters);
  if (!graph) return null;
  const index = indexGraph(graph);
  const codes = [
    ...new Set(graph.elements.nodes.map((n) => n.data.country).filter((c) => c !== null)),
  ]
    .map((c) => ({ code: c, name: countryName(c) }))
    .sort((a, b) => compareNames(a.name, b.name));
  const ext = index.yearExtent;
  const years: number[] = [];
  if (ext) for (let y = ext[0]; y <= ext[1]; y++) years.push(y);
  return (
    <div className="compact-filters" role="group" aria-label="Filters">
      <label>
        Country{' '}
        <select
          value={filters.countries[0] ?? ''}
          onChange={(e) => setFilters({ countries: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">All</option>
          {codes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Type{' '}
        <select
          value={filters.types[0] ?? ''}
          onChange={(e) => {
            const v = COOPERATION_TYPES.find((t) => t === e.target.value);
            setFilters({ types: v ? [v] : [] });
          }}
        >
          <option value="">All</option>
          {COOPERATION_TYPES.map((t) => (
            <option key={t} value={t}>
              {COOPERATION_INFO[t].label}
            </option>
          ))}
        </select>
      </label>
      {ext ? (
        <label>
          Year{' '}
          <select
            value={
              filters.years && filters.years[0] === filters.years[1] ? String(filters.years[0]) : ''
            }
            onChange={(e) => {
              const y = Number(e.target.value);
              setFilters({ years: e.target.value ? [y, y] : null });
            }}
          >
            <option value="">All</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}
