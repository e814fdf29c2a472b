import { Suspense, useCallback, useEffect, useState } from 'react';
import { afterFirstFrame } from '../cy';
import { BUNDLED_GRAPH } from '../data/load/graphLoader';
import { openDataset, openGraph, startInitialLoad, startUrlSync, useAtlas } from '../store';
import { DetailsPanel } from './DetailsPanel';
import { EmptyState } from './EmptyState';
import { openGraphFile } from './OpenGraphButton';
import { FilterPanel, FiltersToggle } from './FilterPanel';
import { useNarrow } from './useNarrow';
import { GraphCanvas } from './GraphCanvas';
import { GroupsBar } from './GroupsBar';
import { Legend } from './Legend';
import { LoadError } from './LoadError';
import { LoadingMessage } from './LoadingMessage';
import { Notices } from './Notices';
import { StatusBar } from './StatusBar';
import { CanvasControls, Toolbar } from './Toolbar';
import { DataMenu } from './DataMenu';
import {
  LazyEmbedView,
  LazyImportDialog,
  LazyLayoutProgress,
  LazyTableView,
  prefetchLazyParts,
} from './lazyParts';
import { missingPositions } from '../layout/positions';
import { DEFAULT_VIEW, loadSearch, prepareIndex, searchCode, type SearchCode } from '../filters';
import type { GraphData } from '../model';

/** Keeps `dataset=<id>` in the address bar in step with the graph shown. */
function setDatasetParam(id: string | null): void {
  const url = new URL(window.location.href);
  if (id) url.searchParams.set('dataset', id);
  else url.searchParams.delete('dataset');
  url.searchParams.delete('graph');
  window.history.replaceState(null, '', url.toString().replace(/%2C/g, ','));
}

/**
 * Prepares a graph in idle periods: search's code and the graph's names for it, so that the
 * first keystroke finds them ready (folding 100,000 names takes a few hundred milliseconds),
 * then the index's agreement id map, so that the first details do not wait for it. Returns a
 * cancel function.
 */
function prepareWhenIdle(graph: GraphData): () => void {
  if (typeof window.requestIdleCallback !== 'function') return () => undefined;
  let handle = 0;
  let cancelled = false;
  const idle = (fn: IdleRequestCallback) => {
    if (!cancelled) handle = window.requestIdleCallback(fn);
  };
  const step = (search: SearchCode | null) => (deadline: IdleDeadline) => {
    const more = () => deadline.timeRemaining() > 3;
    const searchReady = search ? search.prepareSearch(graph, more) : true;
    if (!searchReady || !prepareIndex(graph, more)) idle(step(search));
  };
  // Search's code first; if it cannot be fetched, the index alone.
  idle(() => {
    loadSearch().then(
      () => idle(step(searchCode())),
      () => idle(step(null)),
    );
  });
  return () => {
    cancelled = true;
    window.cancelIdleCallback(handle);
  };
}

/** The layout progress bar, whose code loads only for graphs without stored positions. */
function LayoutProgressSlot() {
  const needed = useAtlas((s) => s.graph !== null && missingPositions(s.graph) > 0);
  return needed ? (
    <Suspense fallback={null}>
      <LazyLayoutProgress />
    </Suspense>
  ) : null;
}

function isEmbed(): boolean {
  return new URLSearchParams(window.location.search).get('embed') === '1';
}

export function App() {
  const status = useAtlas((s) => s.status);
  const [embed] = useState(isEmbed);
  const [dragging, setDragging] = useState(false);
  const graph = useAtlas((s) => s.graph);
  const hasGraph = graph !== null;
  const panel = useAtlas((s) => s.panel);

  const [datasetId, setDatasetId] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).get('dataset'),
  );
  const [importOpen, setImportOpen] = useState(false);
  // Narrow screens: the filters are a drawer, opened from the toolbar.
  const narrow = useNarrow();
  const [filtersOpen, setFiltersOpen] = useState(false);
  // A drawer left open does not open again by itself when a widened window narrows again
  // (a tablet turned twice): leaving the narrow layout closes it.
  const [wasNarrow, setWasNarrow] = useState(narrow);
  if (narrow !== wasNarrow) {
    setWasNarrow(narrow);
    if (!narrow) setFiltersOpen(false);
  }
  const drawer = narrow ? { open: filtersOpen, onClose: () => setFiltersOpen(false) } : undefined;
  const [importFiles, setImportFiles] = useState<File[] | undefined>(undefined);

  useEffect(() => {
    // Usually started already, before the first render (main.tsx).
    void startInitialLoad();
    return startUrlSync();
  }, []);

  const chooseDataset = useCallback((id: string | null) => {
    if (id === null) {
      setDatasetId(null);
      setDatasetParam(null);
      void openGraph(BUNDLED_GRAPH, false);
      return;
    }
    void openDataset(id, false).then((ok) => {
      if (ok) {
        setDatasetId(id);
        setDatasetParam(id);
      }
    });
  }, []);

  const openBundled = useCallback(() => {
    const url = new URL(window.location.href);
    url.searchParams.delete('graph');
    url.searchParams.delete('dataset');
    window.history.replaceState(null, '', url);
    setDatasetId(null);
    void openGraph(BUNDLED_GRAPH, true);
  }, []);

  // Idle work starts once the network is on screen: before, it competed with the first frame.
  useEffect(
    () => (hasGraph && !embed ? afterFirstFrame(prefetchLazyParts) : undefined),
    [hasGraph, embed],
  );

  useEffect(() => {
    if (!graph || embed) return undefined;
    let cancel: () => void = () => undefined;
    const waiting = afterFirstFrame(() => {
      cancel = prepareWhenIdle(graph);
    });
    return () => {
      waiting();
      cancel();
    };
  }, [graph, embed]);

  if (embed)
    return (
      <Suspense fallback={<LoadingMessage />}>
        <LazyEmbedView onRetryDefault={openBundled} />
      </Suspense>
    );

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
        const dropped = [...e.dataTransfer.files];
        const tables = dropped.filter((f) => /\.(csv|tsv|txt)$/i.test(f.name));
        if (tables.length > 0) {
          setImportFiles(tables);
          setImportOpen(true);
          return;
        }
        const file = dropped[0];
        if (file) void openGraphFile(file);
      }}
    >
      <Toolbar
        filters={
          narrow && hasGraph ? (
            <FiltersToggle open={filtersOpen} onToggle={() => setFiltersOpen(!filtersOpen)} />
          ) : undefined
        }
        data={
          <DataMenu
            datasetId={datasetId}
            onOpenDataset={chooseDataset}
            onDeleted={(id) => {
              if (id === datasetId) chooseDataset(null);
            }}
            onImport={() => setImportOpen(true)}
          />
        }
      />
      {importOpen ? (
        <Suspense
          fallback={
            <div className="loading" role="status">
              Opening the importer…
            </div>
          }
        >
          <LazyImportDialog
            open={importOpen}
            initialFiles={importFiles}
            currentGraph={graph}
            onClose={() => {
              setImportOpen(false);
              setImportFiles(undefined);
            }}
            onImported={({ graph, name, mode, datasetId: saved }) => {
              useAtlas
                .getState()
                .loadSucceeded(graph, name, mode === 'new' ? DEFAULT_VIEW : undefined);
              setDatasetId(saved);
              setDatasetParam(saved);
              setImportOpen(false);
              setImportFiles(undefined);
            }}
          />
        </Suspense>
      ) : null}
      <div className="workspace">
        {hasGraph ? (
          <FilterPanel drawer={drawer} />
        ) : narrow ? null : (
          <aside className="filters" aria-label="Filters" />
        )}
        {drawer?.open && hasGraph ? (
          <div className="drawer-backdrop" aria-hidden="true" onClick={drawer.onClose} />
        ) : null}
        <main className="main">
          <Notices />
          <LoadError onRetryDefault={openBundled} />
          {status === 'loading' && !hasGraph ? <LoadingMessage /> : null}
          {hasGraph ? (
            <>
              <div className={panel === 'graph' ? 'view-pane' : 'view-pane hidden-pane'}>
                <GraphCanvas />
                <CanvasControls />
                <Legend />
                <GroupsBar />
                <LayoutProgressSlot />
                <EmptyState />
              </div>
              {panel === 'table' ? (
                <Suspense
                  fallback={
                    <div className="loading" role="status">
                      Opening the table…
                    </div>
                  }
                >
                  <LazyTableView />
                </Suspense>
              ) : null}
            </>
          ) : null}
        </main>
        <DetailsPanel />
      </div>
      <StatusBar />
    </div>
  );
}
