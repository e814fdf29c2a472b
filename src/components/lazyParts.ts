// Parts of the page that are not needed for the first frame load as chunks of their own, so the
// page's first download stays small; once the graph is shown, idle time fetches them ahead.
// A part whose code is already here renders at once: React.lazy would suspend even then, and
// React holds a shown fallback for at least 300 ms, which the first click would wait out.

import { createElement, lazy, type ComponentType } from 'react';
import { retryingImport } from '../model';
import { prefetchViewCode } from '../store/viewCode';
import { PartBoundary, PartLoadError } from './PartBoundary';

interface LazyPart<P extends object> {
  Part: ComponentType<P>;
  preload(): Promise<unknown>;
}

/**
 * `importer` loads the part's module; `name` is the component's export in it; `what` names the
 * part in the message shown where it could not be fetched (null: nothing is shown there).
 */
function lazyPart<P extends object, K extends string>(
  importer: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
  what: string | null,
): LazyPart<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const load = retryingImport(importer);
  const makeLazy = () => lazy(() => preload().then((component) => ({ default: component })));
  let Lazy = makeLazy();
  const loader = () => Lazy;
  const renew = () => {
    Lazy = makeLazy();
  };
  const preload = (): Promise<ComponentType<P>> =>
    (loading ??= load()
      .then((m) => m[name])
      .then(
        (component) => (loaded = component),
        (e: unknown) => {
          // A failed fetch may succeed later (the network came back): tried again next time,
          // under another address where the browser needs one (retryingImport).
          loading = null;
          throw new PartLoadError(e instanceof Error ? e.message : String(e));
        },
      ));
  function Part(props: P) {
    if (loaded) return createElement(loaded, props);
    return createElement(PartBoundary<P>, { what, loader, renew, props });
  }
  return { Part, preload };
}

const details = lazyPart(() => import('./Details'), 'Details', 'the details');
// A tooltip that cannot load is left out; the next hover tries again.
const tooltip = lazyPart(() => import('./Tooltip'), 'Tooltip', null);
const exportPanel = lazyPart(() => import('./ExportPanel'), 'ExportPanel', 'the export menu');
const share = lazyPart(() => import('./ShareDialog'), 'ShareDialog', 'sharing');
const table = lazyPart(() => import('./TableView'), 'TableView', 'the table');
const datasets = lazyPart(() => import('./import/DatasetList'), 'DatasetList', 'saved datasets');
/** Only graphs without stored positions need it (not fetched ahead). */
const layoutProgress = lazyPart(() => import('./LayoutProgress'), 'LayoutProgress', null);
/** Fetched when first opened; not ahead. */
const importer = lazyPart(() => import('./import/ImportDialog'), 'ImportDialog', 'the importer');
/** The embedded view (embed=1), a page of its own. */
const embed = lazyPart(() => import('./EmbedView'), 'EmbedView', 'the embedded network');

export const LazyDetails = details.Part;
export const LazyTooltip = tooltip.Part;
export const LazyExportPanel = exportPanel.Part;
export const LazyShareDialog = share.Part;
export const LazyTableView = table.Part;
export const LazyDatasetList = datasets.Part;
export const LazyLayoutProgress = layoutProgress.Part;
export const LazyImportDialog = importer.Part;
export const LazyEmbedView = embed.Part;

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
