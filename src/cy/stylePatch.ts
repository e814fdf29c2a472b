// A cheaper `dirtyStyleCache` for Cytoscape's elements.
//
// Cytoscape calls `ele.dirtyStyleCache()` once for every style property it applies to an
// element: it clears the element's cached style values and those of its connected edges. On a
// graph without compound nodes it finds those edges with `ele.connectedEdges()`, which builds a
// new collection each time: an institution given 17 properties builds 17. This version clears
// the same caches by reading the node's edge list directly. With compound nodes (which the
// explorer never draws) Cytoscape's own version runs.

import type { Core } from 'cytoscape';

interface RawEle {
  _private: { styleCache: unknown; edges?: RawEle[] };
  isNode(): boolean;
}

interface RawCollection {
  length: number;
  [i: number]: RawEle;
  cy(): { hasCompoundNodes(): boolean };
  dirtyStyleCache(): RawCollection;
}

const PATCHED = Symbol('atlas.dirtyStyleCache');

/**
 * Installs the faster `dirtyStyleCache` on the prototype of `cy`'s collections (shared by
 * every Cytoscape instance); returns whether it is in place. Installing twice is harmless.
 */
export function patchStyleCache(cy: Core): boolean {
  const proto = Object.getPrototypeOf(cy.collection()) as Record<PropertyKey, unknown> | null;
  if (!proto) return false;
  if (proto[PATCHED]) return true;
  const original = proto.dirtyStyleCache;
  if (typeof original !== 'function') return false;
  const cytoscapes = original as (this: RawCollection) => RawCollection;
  function dirtyStyleCache(this: RawCollection): RawCollection {
    if (this.length === 0) return this;
    if (this.cy().hasCompoundNodes()) return cytoscapes.call(this);
    for (let i = 0; i < this.length; i++) {
      const ele = this[i];
      if (!ele) continue;
      ele._private.styleCache = null;
      const edges = ele.isNode() ? ele._private.edges : undefined;
      if (edges) for (const edge of edges) edge._private.styleCache = null;
    }
    return this;
  }
  proto.dirtyStyleCache = dirtyStyleCache;
  proto[PATCHED] = true;
  return true;
}
