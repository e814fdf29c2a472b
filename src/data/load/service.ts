// The worker's side of loading a graph: decode, parse and validate a file's bytes, or open a
// saved dataset (read from IndexedDB and validated again), then send the graph in parts. A class
// with a `send` callback rather than worker globals, so unit tests drive it directly.

import { loadDataset } from '../datasets';
import { graphParts } from '../import/graphParts';
import { parseGraphBytes } from '../loadGraph';
import type { GraphData } from '../../model';
import type { DatasetFields, GraphLoadReply, GraphLoadRequest } from './protocol';

export class GraphLoadService {
  private resume: (() => void) | null = null;

  constructor(private readonly send: (reply: GraphLoadReply) => void) {}

  async handle(request: GraphLoadRequest): Promise<void> {
    switch (request.kind) {
      case 'next': {
        const resume = this.resume;
        this.resume = null;
        resume?.();
        return;
      }
      case 'parse': {
        const bytes = new Uint8Array(request.buffer, request.byteOffset, request.byteLength);
        const result = parseGraphBytes(bytes, request.name);
        if (!result.graph) {
          this.send({ kind: 'failed', problems: result.problems });
          return;
        }
        await this.sendGraph(result.graph, null);
        return;
      }
      case 'dataset': {
        const result = await loadDataset(request.id);
        if (!result.ok) {
          this.send({ kind: 'failed', problems: [{ message: result.error }] });
          return;
        }
        const { graph, ...fields } = result.value;
        await this.sendGraph(graph, fields);
        return;
      }
    }
  }

  private async sendGraph(graph: GraphData, dataset: DatasetFields | null): Promise<void> {
    const { nodes, edges } = graph.elements;
    this.send({ kind: 'checked', total: nodes.length + edges.length });
    let first = true;
    for (const part of graphParts(graph)) {
      if (!first) await new Promise<void>((resume) => (this.resume = resume));
      first = false;
      this.send({ kind: 'part', part });
    }
    this.send({ kind: 'done', dataset });
  }
}
