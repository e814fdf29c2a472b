// The import worker: an ImportService answering the page's messages, so that reading, checking,
// building, merging, validating and saving never hold up the page. Created by importSession.ts
// as a module worker (Vite bundles it as a file of its own, which the page's CSP allows).

import { ImportService } from './importService';
import type { ImportReply, ImportRequest } from './protocol';

// The project's type library is the DOM's; these are the only worker globals used.
interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportReply): void;
}

const scope = globalThis as unknown as WorkerScope;
const service = new ImportService((reply) => scope.postMessage(reply));

// Assigned, not added: PapaParse, imported above, sees a worker global and installs its own
// onmessage for its worker mode; this replaces it.
scope.onmessage = (event) => {
  void service.handle(event.data);
};

// Everything above has loaded: a failure from now on is not a failure to start.
scope.postMessage({ kind: 'ready' });
