// Opening a graph into the store: a graph file by address, or a saved dataset. The page's first
// graph (the one the address names) starts loading from boot.ts, which main.tsx imports before
// React, Cytoscape and the components are evaluated: the fetch waits for neither them nor a
// render, and a small graph is in the store for the first one.

import { BUNDLED_GRAPH, loadGraphFromUrl, openSavedDataset } from '../data/load/graphLoader';
import { decodeView } from '../filters';
import { useAtlas } from './store';

/** Opens saved dataset `id`, with the view in the address or the one saved with it. */
export async function openDataset(id: string, withUrlView: boolean): Promise<boolean> {
  const store = useAtlas.getState();
  store.startLoading(`dataset ${id}`);
  const r = await openSavedDataset(id, store.setLoadProgress);
  if (!r.ok) {
    useAtlas.getState().loadFailed(`dataset ${id}`, [{ message: r.error }]);
    return false;
  }
  const view = withUrlView
    ? decodeView(window.location.search)
    : decodeView(r.value.graph.data.view ?? '');
  useAtlas.getState().addNotices(view.notices);
  useAtlas.getState().loadSucceeded(r.value.graph, r.value.name, view.state);
  return true;
}

/** Opens the graph file at `url`, with the view in the address or the default one. */
export async function openGraph(url: string, withUrlView: boolean): Promise<void> {
  const store = useAtlas.getState();
  store.startLoading(url);
  const result = await loadGraphFromUrl(url, window.location.href, store.setLoadProgress);
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

let initial: Promise<void> | null = null;

/** Opens what the address names (a dataset, a graph file, else the bundled graph), once. */
export function startInitialLoad(): Promise<void> {
  if (!initial) {
    const params = new URLSearchParams(window.location.search);
    const dataset = params.get('dataset');
    initial = dataset
      ? openDataset(dataset, true).then(() => undefined)
      : openGraph(params.get('graph') ?? BUNDLED_GRAPH, true);
  }
  return initial;
}
