// The page's way to read a CSV file: in a module worker when the browser has workers, on the
// current thread otherwise (tests, very old engines). Never rejects except when aborted.

import { LIMITS } from '../limits';
import { readCsvBlob, tooLargeTable, unreadableTable } from './readCsv';
import type { ParsedTable, ParseProgress, WorkerMessage, WorkerRequest } from './types';

export interface ParseFileOptions {
  /** Aborting stops the worker; the promise then rejects with an AbortError. */
  signal?: AbortSignal;
  /** `false` forces the same-thread path. */
  worker?: boolean;
}

/** Thrown inside this module when the worker cannot start, so the caller falls back. */
class WorkerUnavailable extends Error {}

function abortError(): DOMException {
  return new DOMException('The import was cancelled.', 'AbortError');
}

function parseWithWorker(
  file: File,
  onProgress: ((p: ParseProgress) => void) | undefined,
  signal: AbortSignal | undefined,
): Promise<ParsedTable> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./csvWorker.ts', import.meta.url), { type: 'module' });
    } catch {
      reject(new WorkerUnavailable());
      return;
    }
    let started = false;
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      started = true;
      const message = event.data;
      if (message.type === 'progress') {
        onProgress?.({ phase: message.phase, bytes: message.bytes, total: message.total });
      } else if (message.type === 'result') {
        finish();
        resolve(message.table);
      } else {
        finish();
        resolve(unreadableTable(file.name, `The file could not be read: ${message.message}`));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
      // Before the first message the worker script itself failed to load (a strict content
      // security policy, an old browser): the same-thread path still works.
      if (!started) reject(new WorkerUnavailable());
      else resolve(unreadableTable(file.name, 'The file could not be read.'));
    };
    const request: WorkerRequest = { file, name: file.name };
    worker.postMessage(request);
  });
}

/**
 * Reads a CSV file into a header and rows. Files over LIMITS.maxFileBytes are refused before
 * they are read. Problems (ragged rows, broken quotes, an unreadable file) come back in the
 * table; `fatal` says nothing usable was read.
 */
export async function parseCsvFile(
  file: File,
  onProgress?: (progress: ParseProgress) => void,
  options: ParseFileOptions = {},
): Promise<ParsedTable> {
  if (file.size > LIMITS.maxFileBytes) return tooLargeTable(file.name, file.size);
  if (options.signal?.aborted) throw abortError();
  if (options.worker !== false && typeof Worker !== 'undefined') {
    try {
      return await parseWithWorker(file, onProgress, options.signal);
    } catch (e) {
      if (!(e instanceof WorkerUnavailable)) throw e;
    }
  }
  const table = await readCsvBlob(file, file.name, onProgress);
  if (options.signal?.aborted) throw abortError();
  return table;
}
