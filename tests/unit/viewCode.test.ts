// The derived layouts and the grouped view load on first need. A change that needs them waits
// for that code, changes keep their order, and a failed load says so without losing the graph.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateGraph } from '../../scripts/bench/generate';
import { miniGraph } from './helpers/miniGraph';

/** Fresh store and view-code modules, with nothing loaded yet. */
async function freshStore() {
  vi.resetModules();
  const store = await import('../../src/store/store');
  const layouts = await import('../../src/cy/layouts');
  const filters = await import('../../src/filters');
  return { ...store, layouts, filters };
}

afterEach(() => {
  vi.doUnmock('../../src/filters/grouped');
  vi.resetModules();
});

describe('view code loaded on first need', () => {
  it('a small graph in the force layout is shown at once, with nothing more loaded', async () => {
    const { useAtlas, selectDrawn, layouts, filters } = await freshStore();
    const small = miniGraph();
    useAtlas.getState().loadSucceeded(small, 'mini.json');
    expect(useAtlas.getState().graph).toBe(small);
    expect(selectDrawn(useAtlas.getState())?.grouped).toBe(false);
    expect(layouts.layoutsLoaded()).toBe(false);
    expect(filters.groupingLoaded()).toBe(false);
  });

  it('a big graph waits for the grouped view; a layout chosen meanwhile applies after it', async () => {
    const { useAtlas, selectDrawn, layouts, filters } = await freshStore();
    const big = generateGraph(3000, 7);
    useAtlas.getState().startLoading('big.json');
    useAtlas.getState().loadSucceeded(big, 'big.json');
    useAtlas.getState().setLayout('map');
    // Nothing applied yet: the explorer still says it is loading.
    expect(useAtlas.getState().graph).toBeNull();
    expect(useAtlas.getState().status).toBe('loading');
    expect(useAtlas.getState().layout).toBe('force');
    await vi.waitFor(() => expect(useAtlas.getState().layout).toBe('map'));
    const s = useAtlas.getState();
    expect(s.graph).toBe(big);
    expect(s.status).toBe('ready');
    expect(layouts.layoutsLoaded()).toBe(true);
    expect(filters.groupingLoaded()).toBe(true);
    expect(selectDrawn(s)?.grouped).toBe(true);
  });

  it('changing to the map layout waits for its code; the layout before stays meanwhile', async () => {
    const { useAtlas, layouts } = await freshStore();
    const small = miniGraph();
    useAtlas.getState().loadSucceeded(small, 'mini.json');
    useAtlas.getState().setLayout('map');
    expect(useAtlas.getState().layout).toBe('force');
    expect(() => layouts.cachedLayout(small, 'map')).toThrow(/loadLayouts/);
    await vi.waitFor(() => expect(useAtlas.getState().layout).toBe('map'));
    expect(layouts.cachedLayout(small, 'map').positions.size).toBe(small.elements.nodes.length);
  });

  it('when the code cannot be loaded, the load fails with a message and the graph shown stays', async () => {
    vi.doMock('../../src/filters/grouped', () => {
      throw new Error('network down');
    });
    const { useAtlas } = await freshStore();
    const small = miniGraph();
    useAtlas.getState().loadSucceeded(small, 'mini.json');
    useAtlas.getState().startLoading('big.json');
    useAtlas.getState().loadSucceeded(generateGraph(3000, 7), 'big.json');
    await vi.waitFor(() => expect(useAtlas.getState().status).toBe('error'));
    const s = useAtlas.getState();
    expect(s.graph).toBe(small);
    // The cause (here as the test runner words it) in brackets, and what to do.
    expect(s.problems[0]?.message).toMatch(
      /^The code that draws this graph could not be loaded \(.+\)\. Reload the page to try again\.$/,
    );
  });
});
