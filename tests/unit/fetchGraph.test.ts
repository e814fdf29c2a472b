// Reading a graph file's download: the bytes come back exactly as sent, whether the server said
// the size or not, said it wrongly (more or fewer bytes than declared), or compressed the file.
// With a declared size each chunk is copied into place as it arrives; the others are put
// together at the end.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchGraphBytes } from '../../src/data/fetchGraph';

/** A body in chunks of `size` bytes (the last one shorter), with the given headers. */
function respond(bytes: Uint8Array, size: number, headers: Record<string, string>): void {
  vi.stubGlobal('fetch', () =>
    Promise.resolve(
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < bytes.length; i += size)
              controller.enqueue(bytes.slice(i, i + size));
            controller.close();
          },
        }),
        { headers },
      ),
    ),
  );
}

const file = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) % 251);

async function read(): Promise<{ bytes: Uint8Array; received: number[]; chunks: number }> {
  const received: number[] = [];
  let chunks = 0;
  const r = await fetchGraphBytes(
    'graph.json',
    'https://atlas.example/',
    (n) => received.push(n),
    () => chunks++,
  );
  if (!('bytes' in r)) throw new Error(JSON.stringify(r.problems));
  return { bytes: r.bytes, received, chunks };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchGraphBytes', () => {
  it('places the chunks of a file of declared size, and hears of each', async () => {
    respond(file, 4096, { 'content-length': String(file.length) });
    const { bytes, received, chunks } = await read();
    expect(bytes).toEqual(file);
    expect(bytes.byteLength).toBe(file.length);
    expect(chunks).toBe(Math.ceil(file.length / 4096));
    expect(received.at(-1)).toBe(file.length);
  });

  it('gives the bytes that came when fewer came than declared', async () => {
    respond(file, 4096, { 'content-length': String(file.length + 500) });
    const { bytes } = await read();
    expect(bytes).toEqual(file);
    // They were copied into the buffer made for the declared size as they came.
    expect(bytes.buffer.byteLength).toBe(file.length + 500);
  });

  it('keeps every byte when more come than declared', async () => {
    respond(file, 4096, { 'content-length': String(file.length - 5000) });
    expect((await read()).bytes).toEqual(file);
    respond(file, 4096, { 'content-length': '1' });
    expect((await read()).bytes).toEqual(file);
  });

  it('puts together a file of unknown size, or a compressed one (its length is not the size)', async () => {
    respond(file, 3000, {});
    expect((await read()).bytes).toEqual(file);
    respond(file, 3000, { 'content-length': '2000', 'content-encoding': 'gzip' });
    expect((await read()).bytes).toEqual(file);
  });

  it('reads an empty file as empty', async () => {
    respond(new Uint8Array(0), 10, { 'content-length': '0' });
    expect((await read()).bytes.byteLength).toBe(0);
  });
});
