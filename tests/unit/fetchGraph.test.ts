// Reading a graph file's download: the bytes come back exactly as sent, whether the server said
// the size or not, said it wrongly (more or fewer bytes than declared), or compressed the file.
// With a declared size each chunk is copied into place as it arrives; the others are put
// together at the end.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchGraphBytes, readGraphFile } from '../../src/data/fetchGraph';
import { LIMITS } from '../../src/data/limits';

/** Every fetch answered with a body made by `source`, with the given headers. */
function serve(source: UnderlyingDefaultSource<Uint8Array>, headers: Record<string, string> = {}) {
  vi.stubGlobal('fetch', () =>
    Promise.resolve(new Response(new ReadableStream<Uint8Array>(source), { headers })),
  );
}

/** A body in chunks of `size` bytes (the last one shorter), with the given headers. */
function respond(bytes: Uint8Array, size: number, headers: Record<string, string>): void {
  serve(
    {
      start(controller) {
        for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
        controller.close();
      },
    },
    headers,
  );
}

const file = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) % 251);

async function read(
  name = 'graph.json',
): Promise<{ bytes: Uint8Array; received: number[]; chunks: number }> {
  const received: number[] = [];
  let chunks = 0;
  const r = await fetchGraphBytes(
    name,
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

// A graph too large for the file limit can be sent gzip-compressed (graph.json.gz): known by its
// first two bytes, decompressed as it arrives, limited by the size of its text.
describe('fetchGraphBytes, gzip-compressed files', () => {
  const text = new TextEncoder().encode(
    JSON.stringify({ elements: { nodes: Array.from({ length: 3000 }, (_, i) => ({ i })) } }),
  );
  const packed = new Uint8Array(gzipSync(text));

  async function problems(): Promise<string[]> {
    const r = await fetchGraphBytes('graph.json.gz', 'https://atlas.example/');
    return 'bytes' in r ? [] : r.problems.map((p) => p.message);
  }

  it('decompresses as it arrives: the chunks and the result are the text', async () => {
    respond(packed, 1000, { 'content-length': String(packed.length) });
    const received: [number, number | null][] = [];
    const chunks: Uint8Array[] = [];
    const r = await fetchGraphBytes(
      'graph.json.gz',
      'https://atlas.example/',
      (n, total) => received.push([n, total]),
      (chunk) => chunks.push(chunk),
    );
    if (!('bytes' in r)) throw new Error(JSON.stringify(r.problems));
    expect(r.bytes).toEqual(text);
    expect(Buffer.concat(chunks)).toEqual(Buffer.from(text));
    // Progress counts what was sent, of the size the server declared.
    expect(received.at(-1)).toEqual([packed.length, packed.length]);
  });

  it('knows a gzip file whose first chunk is a single byte', async () => {
    respond(packed, 1, {});
    expect((await read()).bytes).toEqual(text);
  });

  it('refuses a damaged or cut-short file, saying so', async () => {
    respond(packed.subarray(0, packed.length >> 1), 4096, {});
    expect(await problems()).toEqual([
      'The file is gzip-compressed, but it could not be decompressed: it is damaged or cut short.',
    ]);
    const garbled = packed.slice();
    garbled.fill(0x55, 20, 60);
    respond(garbled, 4096, {});
    expect(await problems()).toEqual([
      'The file is gzip-compressed, but it could not be decompressed: it is damaged or cut short.',
    ]);
  });

  it('stops a file that decompresses past the limit on text (a gzip bomb)', async () => {
    // 1 MB of zeros, compressed to about a kilobyte; sent again and again for ever.
    const bomb = new Uint8Array(gzipSync(new Uint8Array(1024 * 1024)));
    let sent = 0;
    serve({
      start(controller) {
        // Gzip members one after another form one valid gzip stream.
        controller.enqueue(bomb);
      },
      pull(controller) {
        sent++;
        controller.enqueue(bomb);
      },
    });
    expect(await problems()).toEqual([
      `The file decompresses to more than ${LIMITS.maxJsonBytes / 1024 / 1024} MB, the limit for a graph's text.`,
    ]);
    // Reading stopped: the endless body is pulled no more.
    const stopped = sent;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sent).toBe(stopped);
  }, 30_000);

  it('reads a response the server compressed up to the limit on text, not on files', async () => {
    // The browser has decompressed it already: 120 MB of text, over the 100 MB file limit.
    const mb = new Uint8Array(1024 * 1024).fill(0x20);
    let left = 120;
    serve(
      {
        pull(controller) {
          if (left-- > 0) controller.enqueue(mb);
          else controller.close();
        },
      },
      { 'content-encoding': 'gzip', 'content-length': '50000' },
    );
    const r = await fetchGraphBytes('graph.json', 'https://atlas.example/');
    expect('bytes' in r && r.bytes.byteLength).toBe(120 * 1024 * 1024);
  });
});

describe('readGraphFile, gzip-compressed files', () => {
  const text = new TextEncoder().encode('{"elements":{"nodes":[],"edges":[]}}');
  const packed = new Uint8Array(gzipSync(text));

  it('decompresses a chosen .json.gz file', async () => {
    const r = await readGraphFile(new File([packed], 'graph.json.gz'));
    expect('bytes' in r && r.bytes).toEqual(text);
  });

  it('refuses a damaged one, naming the file', async () => {
    const r = await readGraphFile(new File([packed.subarray(0, 12)], 'graph.json.gz'));
    expect('problems' in r && r.problems).toEqual([
      {
        file: 'graph.json.gz',
        message:
          'The file is gzip-compressed, but it could not be decompressed: it is damaged or cut short.',
      },
    ]);
  });

  it('reads a file that is not gzip as it is', async () => {
    const r = await readGraphFile(new File([text], 'graph.json.gz'));
    expect('bytes' in r && r.bytes).toEqual(text);
  });

  it('refuses a compressed table by name, saying what to do instead', async () => {
    const table = new Uint8Array(gzipSync('source,target\nA,B\n'));
    for (const name of ['agreements.csv.gz', 'AGREEMENTS.TSV.GZ', 'list.txt.gz']) {
      const r = await readGraphFile(new File([table], name));
      expect('problems' in r && r.problems).toEqual([
        {
          file: name,
          message: `This is a compressed table. Tables are read uncompressed: unzip it, then import ${name.slice(0, -3)} (Data ▸ Import data…).`,
        },
      ]);
    }
    // Any other name is read as a graph, compressed or not.
    const r = await readGraphFile(new File([packed], 'graph.gz'));
    expect('bytes' in r && r.bytes).toEqual(text);
  });
});
