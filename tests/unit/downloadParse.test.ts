// A large download judged slow is streamed to the worker; when the file is in before the worker
// has started, the worker must still get every byte (it once got an empty stream: "the file is
// empty").
import { describe, expect, it, vi } from 'vitest';
import { DownloadParse } from '../../src/data/load/workerLoad';
import type { GraphLoadRequest } from '../../src/data/load/protocol';

class FakeWorker {
  posted: GraphLoadRequest[] = [];
  postMessage(request: GraphLoadRequest): void {
    this.posted.push(request);
  }
  addEventListener(): void {}
  removeEventListener(): void {}
  terminate(): void {}
}

/** Bytes the worker was given: streamed chunks, or the whole file. */
function bytesGiven(posted: GraphLoadRequest[]): number {
  let n = 0;
  for (const r of posted) {
    if (r.kind === 'chunk') n += r.bytes.byteLength;
    if (r.kind === 'parse') n += r.byteLength;
  }
  return n;
}

const MB = 1024 * 1024;

function download(parse: DownloadParse, chunks: number): Uint8Array {
  const whole = new Uint8Array(chunks * MB).fill(32);
  // 1 MB every 100 ms: 10 kB/ms, slow enough to be streamed.
  for (let i = 0; i < chunks; i++) parse.chunk(whole.subarray(i * MB, (i + 1) * MB), i * 100);
  return whole;
}

describe('DownloadParse', () => {
  it('gives the worker every byte when the file is in before the worker has started', async () => {
    const worker = new FakeWorker();
    let start: (w: Worker) => void = () => undefined;
    const started = new Promise<Worker>((ok) => (start = ok));
    const parse = new DownloadParse('big.json', () => undefined, started);
    const whole = download(parse, 6);
    void parse.finish({ name: 'big.json', bytes: whole });
    start(worker as unknown as Worker);
    await vi.waitFor(() => expect(worker.posted.length).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 20));
    expect(bytesGiven(worker.posted)).toBe(whole.byteLength);
    expect(worker.posted.some((r) => r.kind === 'end' || r.kind === 'parse')).toBe(true);
  });

  it('streams a slow download to a worker that is ready, chunk by chunk', async () => {
    const worker = new FakeWorker();
    const parse = new DownloadParse('big.json', () => undefined, Promise.resolve(worker as never));
    await new Promise((r) => setTimeout(r, 20));
    const whole = download(parse, 6);
    void parse.finish({ name: 'big.json', bytes: whole });
    await vi.waitFor(() => expect(worker.posted.some((r) => r.kind === 'end')).toBe(true));
    expect(worker.posted[0]?.kind).toBe('stream');
    expect(bytesGiven(worker.posted)).toBe(whole.byteLength);
  });
});
