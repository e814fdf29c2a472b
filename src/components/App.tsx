import { useCallback, useEffect, useState } from 'react';
import { loadGraphFromUrl } from '../data';
import { decodeView } from '../filters';
import { startUrlSync, useAtlas } from '../store';
import { DetailsPanel } from './DetailsPanel';
import { EmbedView } from './EmbedView';
import { EmptyState } from './EmptyState';
import { openGraphFile } from './OpenGraphButton';
import { FilterPanel } from './FilterPanel';
import { GraphCanvas } from './GraphCanvas';
import { Legend } from './Legend';
import { LoadError } from './LoadError';
import { Notices } from './Notices';
import { StatusBar } from './StatusBar';
import { TableView } from './TableView';
import { CanvasControls, Toolbar } from './Toolbar';

export const BUNDLED_GRAPH = './graph.json';

async function openGraph(url: string, withUrlView: boolean): Promise<void> {
  const store = useAtlas.getState();
  store.startLoading(url);
  const result = await loadGraphFromUrl(url, window.location.href);
  if (!result.graph) {
    useAtlas.getState().loadFailed(url, result.problems);
    return;
  }
  if (withUrlView) {
    const { state, notices } = decodeView(window.location.search);
    useAtlas.getState().addNotices(notices);
    useAtlas.getState().loadSucceeded(result.graph, url, state);
  } else {
    useAtlas.getState().loadSucceeded(result.graph, url);
  }
}

function isEmbed(): boolean {
  return new URLSearchParams(window.location.search).get('embed') === '1';
}

export function App() {
  const status = useAtlas((s) => s.status);
  const [embed] = useState(isEmbed);
  const [dragging, setDragging] = useState(false);
  const hasGraph = useAtlas((s) => s.graph !== null);
  const panel = useAtlas((s) => s.panel);

  useEffect(() => {
    const graphParam = new URLSearchParams(window.location.search).get('graph');
    void openGraph(graphParam ?? BUNDLED_GRAPH, true);
    return startUrlSync();
  }, []);

  const openBundled = useCallback(() => {
    const url = new URL(window.location.href);
    url.searchParams.delete('graph');
    window.history.replaceState(null, '', url);
    void openGraph(BUNDLED_GRAPH, true);
  }, []);

  if (embed) return <EmbedView onRetryDefault={openBundled} />;

  return (
    <div
      className={dragging ? 'app dragging' : 'app'}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file) void openGraphFile(file);
      }}
    >
      <Toolbar />
      <div className="workspace">
        {hasGraph ? <FilterPanel /> : <aside className="filters" aria-label="Filters" />}
        <main className="main">
          <Notices />
          <LoadError onRetryDefault={openBundled} />
          {status === 'loading' && !hasGraph ? (
            <div className="loading" role="status">
              Loading the partnership graph…
            </div>
          ) : null}
          {hasGraph ? (
            <>
              <div className={panel === 'graph' ? 'view-pane' : 'view-pane hidden-pane'}>
                <GraphCanvas />
                <CanvasControls />
                <Legend />
                <EmptyState />
              </div>
              {panel === 'table' ? <TableView /> : null}
            </>
          ) : null}
        </main>
        <DetailsPanel />
      </div>
      <StatusBar />
    </div>
  );
}
