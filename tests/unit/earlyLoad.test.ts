// The early fetch: started once from the address, handed to the first load of the same file.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEarlyLoad, takeEarlyLoad } from '../../src/data/load/early';

afterEach(() => vi.unstubAllGlobals());

function stubFetch() {
  const fetchMock = vi.fn((url: string) => {
    void url;
    return Promise.resolve(new Response('{"x":1}', { status: 200 }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('early graph fetch', () => {
  it('fetches the bundled graph and hands it out once, to the same address only', async () => {
    const fetchMock = stubFetch();
    const href = 'https://atlas.example/app/';
    startEarlyLoad(href);
    expect(fetchMock).toHaveBeenCalledWith('https://atlas.example/app/graph.json', {
      credentials: 'omit',
    });
    expect(takeEarlyLoad('./other.json', href, () => undefined)).toBeNull();
    const early = takeEarlyLoad('./graph.json', href, () => undefined);
    expect(early).not.toBeNull();
    const read = await early;
    expect(read && 'bytes' in read && new TextDecoder().decode(read.bytes)).toBe('{"x":1}');
    expect(takeEarlyLoad('./graph.json', href, () => undefined)).toBeNull();
  });

  it('fetches the graph= file, and nothing for a saved dataset', () => {
    const fetchMock = stubFetch();
    startEarlyLoad('https://atlas.example/?graph=https%3A%2F%2Fdata.example%2Fg.json');
    expect(fetchMock).toHaveBeenLastCalledWith('https://data.example/g.json', {
      credentials: 'omit',
    });
    startEarlyLoad('https://atlas.example/?dataset=abc');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(
      takeEarlyLoad('./graph.json', 'https://atlas.example/?dataset=abc', () => undefined),
    ).toBeNull();
  });
});
