// Parts of the page that are not needed for the first frame load as chunks of their own, so the
// page's first download stays small; once the graph is shown, idle time fetches them ahead, so
// the first click on them does not wait for the network.

import { lazy } from 'react';

const loaders = {
  details: () => import('./Details'),
  tooltip: () => import('./Tooltip'),
  exportPanel: () => import('./ExportPanel'),
  share: () => import('./ShareDialog'),
  table: () => import('./TableView'),
  datasets: () => import('./import/DatasetList'),
};

export const LazyDetails = lazy(() => loaders.details().then((m) => ({ default: m.Details })));
export const LazyTooltip = lazy(() => loaders.tooltip().then((m) => ({ default: m.Tooltip })));
export const LazyExportPanel = lazy(() =>
  loaders.exportPanel().then((m) => ({ default: m.ExportPanel })),
);
export const LazyShareDialog = lazy(() =>
  loaders.share().then((m) => ({ default: m.ShareDialog })),
);
export const LazyTableView = lazy(() => loaders.table().then((m) => ({ default: m.TableView })));
export const LazyDatasetList = lazy(() =>
  loaders.datasets().then((m) => ({ default: m.DatasetList })),
);

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
    for (const load of Object.values(loaders)) void load().catch(() => undefined);
  });
}
