// The worker's side of loading a graph: decode, parse and validate a file's bytes (whole, or
// chunk by chunk as they download: jsonStream.ts), or open a saved dataset (read from IndexedDB
// and validated again), then send the graph in parts. A class with a `send` callback rather than
// worker globals, so unit tests drive it directly.

import { loadDataset } from '../datasets';
import { graphParts, PART_ELEMENTS, partOf, partTransfer } from '../import/graphParts';
import { parseGraphBytesJson } from '../loadGraph';
import { GraphValidator } from '../validateGraph';
import { GraphJsonStream, type StreamOutcome } from './jsonStream';
import type { GraphData } from '../../model';
import type { DatasetFields, GraphLoadReply, GraphLoadRequest } from './protocol';

export class GraphLoadService {
  /** The file being streamed in, between 'stream' and 'end'. */
  private stream: GraphJsonStream | null = null;

  constructor(private readonly send: (reply: GraphLoadReply, transfer?: Transferable[]) => void) {}

  async handle(request: GraphLoadRequest): Promise<void> {
    switch (request.kind) {
      case 'stream':
        this.stream = new GraphJsonStream(request.name);
        return;
      case 'chunk':
        this.stream?.push(request.bytes);
        return;
      case 'end': {
        const stream = this.stream;
        this.stream = null;
        if (stream) this.checkParsed(stream.end(), stream.file);
        return;
      }
      case 'parse': {
        const bytes = new Uint8Array(request.buffer, request.byteOffset, request.byteLength);
        this.checkParsed(parseGraphBytesJson(bytes, request.name), request.name);
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

  /** A parsed file's problem sent back, or its graph checked and sent in parts. */
  private checkParsed(parsed: StreamOutcome, file: string): void {
    if ('problem' in parsed) this.send({ kind: 'failed', problems: [parsed.problem] });
    else this.checkAndSend(new GraphValidator(parsed.json, { file, keepElements: false }));
  }

  /**
   * Validates a parsed graph a part at a time and sends each part on as soon as it has passed,
   * while the page is free to copy it: for 100,000 institutions the page then has the graph
   * about half a second sooner than when the whole graph was checked first. After the first
   * problem nothing more is sent; the rest is still checked, for the list of problems, and the
   * page drops what it received.
   */
  private checkAndSend(validator: GraphValidator): void {
    if (!validator.framed) {
      this.send({ kind: 'failed', problems: validator.finish().problems });
      return;
    }
    const { totalNodes, totalEdges } = validator;
    this.send({ kind: 'checking', total: totalNodes + totalEdges });
    let first = true;
    for (let batch = validator.next(PART_ELEMENTS); batch; batch = validator.next(PART_ELEMENTS)) {
      if (!validator.clean) continue;
      const part = partOf(batch.nodes, batch.edges, { totalNodes, totalEdges });
      if (batch.edges.length > 0) part.columns = batch.columns;
      if (first) {
        part.data = validator.data;
        first = false;
      }
      this.send({ kind: 'part', part }, partTransfer(part));
    }
    const result = validator.finish();
    if (!result.graph) {
      this.send({ kind: 'failed', problems: result.problems });
      return;
    }
    // A graph without elements still sends its data, in one empty part.
    if (first)
      this.send({
        kind: 'part',
        part: { ...partOf([], [], { totalNodes, totalEdges }), data: validator.data },
      });
    this.send({ kind: 'done', dataset: null });
  }

  private sendGraph(graph: GraphData, dataset: DatasetFields | null): void {
    const { nodes, edges } = graph.elements;
    this.send({ kind: 'checking', total: nodes.length + edges.length });
    // All parts at once: the page takes each as a task of its own (a few milliseconds), drawing
    // between two, while this thread copies the next. Waiting for the page's word after each
    // part made a 100,000-institution graph arrive 0.7 s later.
    for (const part of graphParts(graph)) this.send({ kind: 'part', part }, partTransfer(part));
    this.send({ kind: 'done', dataset });
  }
}
