// Sending a graph between the page and the import worker in parts. postMessage copies its
// message in one piece on the sending and on the receiving thread: a graph of 100,000
// agreements takes a quarter of a second each way, a frozen page. In parts of a few thousand
// elements each copy takes milliseconds, and the page draws frames in between.

import type { EdgeElement, GraphData, NodeElement } from '../../model';
import type { GraphPart } from './protocol';

/** Elements (institutions or agreements) per part: about 10 ms to copy on a slow machine. */
export const PART_ELEMENTS = 5000;

/** The graph in parts: its data first, then institutions, then agreements. Never empty. */
export function* graphParts(graph: GraphData, size = PART_ELEMENTS): Generator<GraphPart> {
  const { nodes, edges } = graph.elements;
  const totalNodes = nodes.length;
  const totalEdges = edges.length;
  let n = 0;
  let e = 0;
  let first = true;
  do {
    const part: GraphPart = { nodes: nodes.slice(n, n + size), edges: [], totalNodes, totalEdges };
    n += part.nodes.length;
    const room = size - part.nodes.length;
    if (room > 0) {
      part.edges = edges.slice(e, e + room);
      e += part.edges.length;
    }
    if (first) {
      part.data = graph.data;
      first = false;
    }
    yield part;
  } while (n < totalNodes || e < totalEdges);
}

/** Puts a graph together again from its parts, in the order they were sent. */
export class GraphAssembler {
  private data: GraphData['data'] | null = null;
  private readonly nodes: NodeElement[] = [];
  private readonly edges: EdgeElement[] = [];
  private total = 0;

  add(part: GraphPart): void {
    if (part.data) this.data = part.data;
    // One at a time: spreading a long array into push() can overflow the stack.
    for (const n of part.nodes) this.nodes.push(n);
    for (const e of part.edges) this.edges.push(e);
    this.total = part.totalNodes + part.totalEdges;
  }

  /** Elements received so far, and of how many. */
  get received(): number {
    return this.nodes.length + this.edges.length;
  }

  get expected(): number {
    return this.total;
  }

  /** The whole graph, or null while parts are missing. */
  graph(): GraphData | null {
    if (this.data === null || this.received < this.total) return null;
    return { data: this.data, elements: { nodes: this.nodes, edges: this.edges } };
  }
}
