// The cheaper dirtyStyleCache: it clears the same caches as Cytoscape's own, without building a
// collection of connected edges for every style property applied.
import cytoscape, { type Core } from 'cytoscape';
import { afterEach, describe, expect, it } from 'vitest';
import { patchStyleCache } from '../../src/cy/stylePatch';
import { stylesheet } from '../../src/cy/style';

type Raw = { _private: { styleCache: unknown } };
const raw = (ele: unknown) => (ele as { [0]: Raw })[0]._private;

// The explorer's own stylesheet (labels on every node, as on big graphs).
const STYLE = stylesheet(true);

function star(spokes: number): Core {
  const text = { lfs: 11, lm: 3, lw: 130 };
  const nodes = [{ data: { id: 'hub', color: '#123456', size: 20, label: 'Hub', ...text } }];
  const edges = [];
  for (let i = 0; i < spokes; i++) {
    nodes.push({ data: { id: `n${i}`, color: '#654321', size: 10, label: `N ${i}`, ...text } });
    edges.push({ data: { id: `e${i}`, source: 'hub', target: `n${i}` } });
  }
  return cytoscape({
    headless: true,
    styleEnabled: true,
    style: STYLE,
    elements: { nodes, edges },
  });
}

// Cytoscape's own version, kept before any test installs the patch (it goes on the prototype).
const cytoscapes = (
  Object.getPrototypeOf(cytoscape({ headless: true }).collection()) as {
    dirtyStyleCache: (this: unknown) => unknown;
  }
).dirtyStyleCache;

/** Calls the element's dirtyStyleCache (Cytoscape's types leave it out). */
const dirty = (eles: unknown) => (eles as { dirtyStyleCache(): unknown }).dirtyStyleCache();

/** Ids whose cached style values `dirty` clears when called on `id`. */
function cleared(cy: Core, id: string, dirty: (this: unknown) => unknown): string[] {
  cy.elements().forEach((e) => void e.visible());
  for (const e of cy.elements()) raw(e).styleCache = { filled: true };
  dirty.call(cy.$id(id));
  return cy
    .elements()
    .filter((e) => raw(e).styleCache === null)
    .map((e) => e.id())
    .sort();
}

describe('patchStyleCache', () => {
  const made: Core[] = [];
  const make = (spokes: number) => {
    const cy = star(spokes);
    made.push(cy);
    return cy;
  };
  afterEach(() => made.splice(0).forEach((cy) => cy.destroy()));

  it("clears exactly the caches Cytoscape's own version clears, for every element", () => {
    const cy = make(6);
    cy.add([
      { data: { id: 'loop', source: 'n1', target: 'n1' } },
      { data: { id: 'twin', source: 'hub', target: 'n0' } },
      { data: { id: 'lone', color: '#000000', size: 4, label: 'Lone' } },
    ]);
    patchStyleCache(cy);
    const patched = (
      Object.getPrototypeOf(cy.collection()) as { dirtyStyleCache: (this: unknown) => unknown }
    ).dirtyStyleCache;
    expect(patched).not.toBe(cytoscapes);
    for (const ele of cy.elements()) {
      expect(cleared(cy, ele.id(), patched)).toEqual(cleared(cy, ele.id(), cytoscapes));
    }
    // A whole collection at once, as Cytoscape calls it in batches.
    const all = cy.elements();
    for (const e of all) raw(e).styleCache = { filled: true };
    patched.call(cy.nodes());
    expect(all.filter((e) => raw(e).styleCache !== null).length).toBe(0);
  });

  it("clears a node's cached style values and its edges', as Cytoscape's own does", () => {
    const cy = make(3);
    patchStyleCache(cy);
    const hub = cy.$id('hub');
    const spoke = cy.$id('n0');
    // Fill the caches.
    cy.elements().forEach((e) => void e.visible());
    for (const e of cy.elements()) raw(e).styleCache = { filled: true };
    dirty(hub);
    expect(raw(hub).styleCache).toBeNull();
    for (const id of ['e0', 'e1', 'e2']) expect(raw(cy.$id(id)).styleCache).toBeNull();
    expect(raw(spoke).styleCache).toEqual({ filled: true });
    // An edge's own call clears only itself.
    raw(hub).styleCache = { filled: true };
    dirty(cy.$id('e1'));
    expect(raw(cy.$id('e1')).styleCache).toBeNull();
    expect(raw(hub).styleCache).toEqual({ filled: true });
  });

  it("leaves compound graphs to Cytoscape's own version", () => {
    const cy = make(2);
    patchStyleCache(cy);
    cy.add([
      { data: { id: 'box' } },
      { data: { id: 'inner', parent: 'box', color: '#000000', size: 5, label: 'In' } },
      { data: { id: 'e-in', source: 'inner', target: 'hub' } },
    ]);
    cy.elements().forEach((e) => void e.visible());
    raw(cy.$id('e-in')).styleCache = { filled: true };
    // The parent's call reaches its child's edges only in Cytoscape's compound-aware version.
    dirty(cy.$id('box'));
    expect(raw(cy.$id('e-in')).styleCache).toBeNull();
    cy.$id('box').style('display', 'none');
    expect(cy.$id('e-in').visible()).toBe(false);
  });

  it('installs once, and says so again', () => {
    const cy = make(1);
    expect(patchStyleCache(cy)).toBe(true);
    const proto = Object.getPrototypeOf(cy.collection()) as { dirtyStyleCache: unknown };
    const installed = proto.dirtyStyleCache;
    expect(patchStyleCache(make(1))).toBe(true);
    expect(proto.dirtyStyleCache).toBe(installed);
  });
});
