// The graph-loading worker: a GraphLoadService answering the page (see graphLoader.ts), so
// that decoding, JSON parsing and validating a large graph never hold up the page.

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
  void service.handle(event.data);
};
scope.postMessage({ kind: 'ready' });
