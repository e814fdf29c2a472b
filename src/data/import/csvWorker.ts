// The CSV worker: reads and parses one file off the main thread, reporting progress, so a large
// table never freezes the page. Created by parseInWorker.ts as a module worker (Vite bundles it).

import { readCsvBlob } from './readCsv';
import type { WorkerMessage, WorkerRequest } from './types';

// The project's type library is the DOM's; these are the only worker globals used.
interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerMessage): void;
}

const scope = globalThis as unknown as WorkerScope;

async function handle(request: WorkerRequest): Promise<void> {
  try {
    const table = await readCsvBlob(request.file, request.name, (p) =>
      scope.postMessage({ type: 'progress', ...p }),
    );
    scope.postMessage({ type: 'result', table });
  } catch (e) {
    scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

// Assigned, not added: PapaParse, imported above, sees a worker global and installs its own
// onmessage for its worker mode; this replaces it.
scope.onmessage = (event) => {
  void handle(event.data);
};
