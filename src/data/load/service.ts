// The worker's side of loading a graph: decode, parse and validate a file's bytes, or open a
// saved dataset (read from IndexedDB and validated again), then send the graph in parts. A class
// with a `send` callback rather than worker globals, so unit tests drive it directly.

import { loadDataset } from '../datasets';
import { graphParts } from '../import/graphParts';
import { parseGraphBytes } from '../loadGraph';
import type { GraphData } from '../../model';
import type { DatasetFields, GraphLoadReply, GraphLoadRequest } from './protocol';

export class GraphLoadService {
  constructor(private readonly send: (reply: GraphLoadReply) => void) {}

  async handle(request: GraphLoadRequest): Promise<void> {
    switch (request.kind) {
      case 'parse': {
        const bytes = new Uint8Array(request.buffer, request.byteOffset, request.byteLength);
        const result = parseGraphBytes(bytes, request.name);
        if (!result.graph) {
          this.send({ kind: 'failed', problems: result.problems });
          return;
        }
        this.sendGraph(result.graph, null);
        return;
      }
      case 'dataset': {
        const result = await loadDataset(request.id);
        if (!result.ok) {
          this.send({ kind: 'failed', problems: [{ message: result.error }] });
          return;
        }
        const { graph, ...fields } = result.value;
        this.sendGraph(graph, fields);
        return;
      }
    }
  }

  private sendGraph(graph: GraphData, dataset: DatasetFields | null): void {
    const { nodes, edges } = graph.elements;
    this.send({ kind: 'checked', total: nodes.length + edges.length });
    // All parts at once: the page takes each as a task of its own (a few milliseconds), drawing
    // between two, while this thread copies the next. Waiting for the page's word after each
    // part made a 100,000-institution graph arrive 0.7 s later.
    for (const part of graphParts(graph)) this.send({ kind: 'part', part });
    this.send({ kind: 'done', dataset });
  }
}
