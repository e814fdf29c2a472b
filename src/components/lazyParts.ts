// Parts of the page that are not needed for the first frame load as chunks of their own, so the
// page's first download stays small; once the graph is shown, idle time fetches them ahead.
// A part whose code is already here renders at once: React.lazy would suspend even then, and
// React holds a shown fallback for at least 300 ms, which the first click would wait out.

import { createElement, lazy, type ComponentType } from 'react';
import { retryingImport } from '../model';
import { prefetchViewCode } from '../store/viewCode';

interface LazyPart<P extends object> {
  Part: ComponentType<P>;
  preload(): Promise<unknown>;
}

/** `importer` loads the part's module; `name` is the component's export in it. */
function lazyPart<P extends object, K extends string>(
  importer: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyPart<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const load = retryingImport(importer);
  const preload = () =>
    (loading ??= load()
      .then((m) => m[name])
      .then(
        (component) => (loaded = component),
        (e: unknown) => {
          // A failed fetch may succeed later (the network came back): tried again next time,
          // under another address where the browser needs one (retryingImport).
          loading = null;
          throw e;
        },
      ));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Part(props: P) {
    return loaded ? createElement(loaded, props) : createElement(Lazy, props);
  }
  return { Part, preload };
}

const details = lazyPart(() => import('./Details'), 'Details');
const tooltip = lazyPart(() => import('./Tooltip'), 'Tooltip');
const exportPanel = lazyPart(() => import('./ExportPanel'), 'ExportPanel');
const share = lazyPart(() => import('./ShareDialog'), 'ShareDialog');
const table = lazyPart(() => import('./TableView'), 'TableView');
const datasets = lazyPart(() => import('./import/DatasetList'), 'DatasetList');
/** Only graphs without stored positions need it (not fetched ahead). */
const layoutProgress = lazyPart(() => import('./LayoutProgress'), 'LayoutProgress');

export const LazyDetails = details.Part;
export const LazyTooltip = tooltip.Part;
export const LazyExportPanel = exportPanel.Part;
export const LazyShareDialog = share.Part;
export const LazyTableView = table.Part;
export const LazyDatasetList = datasets.Part;
export const LazyLayoutProgress = layoutProgress.Part;

let prefetched = false;

/** Fetches the lazy parts when the browser is idle; once per page. */
export function prefetchLazyParts(): void {
  if (prefetched) return;
  prefetched = true;
  const idle =
    'requestIdleCallback' in window
      ? (fn: () => void) => window.requestIdleCallback(fn, { timeout: 3000 })
      : (fn: () => void) => window.setTimeout(fn, 500);
  idle(() => {
    for (const part of [details, tooltip, exportPanel, share, table, datasets]) {
      part.preload().catch(() => undefined);
    }
    // Layouts and the grouped view, so that choosing one applies at once.
    prefetchViewCode().catch(() => undefined);
  });
}
