// Runs draftLayout off the page's thread. Created by computeLayout.ts as a module worker.
import { draftLayout, type LayoutRequest } from './draftLayout';

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  try {
    const positions = draftLayout(event.data);
    const flat = new Float64Array(positions.length * 2);
    positions.forEach((p, i) => {
      flat[2 * i] = p.x;
      flat[2 * i + 1] = p.y;
    });
    self.postMessage({ type: 'done', flat }, { transfer: [flat.buffer] });
  } catch (e) {
    self.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
