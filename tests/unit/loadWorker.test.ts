// The graph-loading worker's entry (worker.ts): whatever goes wrong in it, the page hears an
// answer, never silence.
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  // The worker's module set its handler on the global scope.
  Reflect.deleteProperty(globalThis, 'onmessage');
});

describe('the graph-loading worker', () => {
  it('answers a request that fails inside it with a failure naming the file', async () => {
    const posted: unknown[] = [];
    vi.stubGlobal('postMessage', (message: unknown) => posted.push(message));
    await import('../../src/data/load/worker');
    expect(posted).toEqual([{ kind: 'ready' }]);
    const scope = globalThis as unknown as { onmessage: (event: { data: unknown }) => void };
    // Bytes said to lie past the end of their buffer: reading them throws in the service.
    scope.onmessage({
      data: {
        kind: 'parse',
        buffer: new ArrayBuffer(4),
        byteOffset: 8,
        byteLength: 4,
        name: 'x.json',
      },
    });
    await vi.waitFor(() => expect(posted).toHaveLength(2));
    expect(posted[1]).toMatchObject({
      kind: 'failed',
      problems: [
        { file: 'x.json', message: expect.stringMatching(/^The graph could not be read: \S/) },
      ],
    });
  });
});
