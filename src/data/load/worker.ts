// The graph-loading worker: a GraphLoadService answering the page (see graphLoader.ts), so
// that decoding, JSON parsing and validating a large graph never hold up the page.

import type { Problem } from '../../model';
import type { GraphLoadReply, GraphLoadRequest } from './protocol';
import { GraphLoadService } from './service';

// The project's type library is the DOM's; these are the only worker globals used.
interface WorkerScope {
  onmessage: ((event: MessageEvent<GraphLoadRequest>) => void) | null;
  postMessage(message: GraphLoadReply, transfer?: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
const service = new GraphLoadService((reply, transfer) => scope.postMessage(reply, transfer ?? []));
scope.onmessage = (event) => {
  const request = event.data;
  // A fault must still end the page's wait: a rejected promise reaches no error handler there.
  service.handle(request).catch((e: unknown) => {
    const problem: Problem = {
      message: `The graph could not be read: ${e instanceof Error ? e.message : String(e)}`,
    };
    if ('name' in request) problem.file = request.name;
    scope.postMessage({ kind: 'failed', problems: [problem] });
  });
};
scope.postMessage({ kind: 'ready' });
