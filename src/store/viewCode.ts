// Code the explorer loads only when a view needs it: the derived layouts (concentric, by country,
// map) and the grouped view of big graphs. The store applies a change that needs such code once
// it is loaded (a few milliseconds from the same site, usually fetched ahead at idle time), so
// no selector ever finds it missing.

import type { GraphData } from '../model';
import { DRAW_LIMIT, groupingLoaded, loadGrouping, type LayoutName } from '../filters';
import { layoutsLoaded, loadLayouts } from '../cy/layouts';

/** Whether showing `graph` in `layout` may need code that is not loaded yet. */
function loads(graph: GraphData | null, layout: LayoutName): Promise<void>[] {
  const out: Promise<void>[] = [];
  const big =
    graph !== null && graph.elements.nodes.length + graph.elements.edges.length > DRAW_LIMIT;
  // The grouped view places its groups with the layouts' geometry.
  if ((layout !== 'force' || big) && !layoutsLoaded()) out.push(loadLayouts());
  if (big && !groupingLoaded()) out.push(loadGrouping());
  return out;
}

/** Null when everything `graph` in `layout` needs is loaded; else a promise of it. */
export function viewCodeFor(graph: GraphData | null, layout: LayoutName): Promise<void> | null {
  const pending = loads(graph, layout);
  return pending.length ? Promise.all(pending).then(() => undefined) : null;
}

/** Fetches all of it, e.g. when the page is idle, so that later changes apply at once. */
export function prefetchViewCode(): Promise<void> {
  return Promise.all([loadLayouts(), loadGrouping()]).then(() => undefined);
}
