// The page's first graph: its fetch starts when startInitialLoad is called (main.tsx calls it
// before the first render), for the address's graph= file or the bundled graph, once.
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

function stubPage(href: string) {
  const fetchMock = vi.fn((url: string) => {
    void url;
    return Promise.resolve(new Response('not json', { status: 200 }));
  });
  vi.stubGlobal('fetch', fetchMock);
  const url = new URL(href);
  vi.stubGlobal('window', { location: { href, search: url.search } });
  return fetchMock;
}

async function freshOpen() {
  vi.resetModules();
  return import('../../src/store/open');
}

describe('startInitialLoad', () => {
  it('fetches the bundled graph at once, without waiting for anything, and only once', async () => {
    const fetchMock = stubPage('https://atlas.example/app/');
    const { startInitialLoad } = await freshOpen();
    const first = startInitialLoad();
    expect(fetchMock).toHaveBeenCalledWith('https://atlas.example/app/graph.json', {
      credentials: 'omit',
    });
    expect(startInitialLoad()).toBe(first);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await first;
  });

  it('fetches the graph= file named by the address', async () => {
    const fetchMock = stubPage('https://atlas.example/?graph=https%3A%2F%2Fdata.example%2Fg.json');
    const { startInitialLoad } = await freshOpen();
    const done = startInitialLoad();
    expect(fetchMock).toHaveBeenCalledWith('https://data.example/g.json', { credentials: 'omit' });
    await done;
  });

  it('fetches no file for a saved dataset', async () => {
    const fetchMock = stubPage('https://atlas.example/?dataset=abc');
    const { startInitialLoad } = await freshOpen();
    void startInitialLoad().catch(() => undefined);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
