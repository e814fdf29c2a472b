// Sending a graph between the page and the import worker in parts. postMessage copies its
// message in one piece on the sending and on the receiving thread: a graph of 100,000
// agreements takes a quarter of a second each way, a frozen page. In parts of a few thousand
// elements each copy takes milliseconds, and the page draws frames in between.

import type { EdgeElement, GraphData, NodeElement } from '../../model';
import { ColumnsBuilder, keepColumns } from '../../model/columns';
import { packEdges, packedBuffers, packNodes, unpackEdges, unpackNodes } from './packing';
import type { GraphPart } from './protocol';

/** A part holding these institutions and agreements (packed), of a graph of the given size. */
export function partOf(
  nodes: readonly NodeElement[],
  edges: readonly EdgeElement[],
  totals: { totalNodes: number; totalEdges: number },
): GraphPart {
  return { nodes: packNodes(nodes), edges: packEdges(edges), ...totals };
}

/** What to transfer, not copy, when posting a part: its typed arrays. */
export function partTransfer(part: GraphPart): ArrayBuffer[] {
  const out = packedBuffers(part.nodes, part.edges);
  if (part.columns)
    out.push(part.columns.ends.buffer as ArrayBuffer, part.columns.coop.buffer as ArrayBuffer);
  return out;
}

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
    const partNodes = nodes.slice(n, n + size);
    n += partNodes.length;
    const room = size - partNodes.length;
    const partEdges = room > 0 ? edges.slice(e, e + room) : [];
    e += partEdges.length;
    const part = partOf(partNodes, partEdges, { totalNodes, totalEdges });
    if (first) {
      part.data = graph.data;
      first = false;
    }
    yield part;
  } while (n < totalNodes || e < totalEdges);
}

/**
 * Puts a graph together again from its parts, in the order they were sent. On the page it also
 * turns each part into the graph index's columns as it comes (`columns`), so the index is ready
 * when the last part is: that work then overlaps the sender's checking of the next part.
 */
export class GraphAssembler {
  private data: GraphData['data'] | null = null;
  private readonly nodes: NodeElement[] = [];
  private readonly edges: EdgeElement[] = [];
  private total = 0;
  private totalNodes = 0;
  private builder: ColumnsBuilder | null = null;
  private buildColumns: boolean;

  constructor(options: { columns?: boolean } = {}) {
    this.buildColumns = options.columns ?? false;
  }

  add(part: GraphPart): void {
    if (part.data) this.data = part.data;
    const nodes = unpackNodes(part.nodes);
    for (const n of nodes) this.nodes.push(n);
    // With all institutions in, the validator's places of the ends share their id strings.
    const known =
      part.columns && this.nodes.length === part.totalNodes
        ? { ends: part.columns.ends, nodes: this.nodes }
        : undefined;
    const edges = unpackEdges(part.edges, known);
    if (this.buildColumns && !this.builder) {
      this.builder = new ColumnsBuilder({ nodes: part.totalNodes, edges: part.totalEdges });
    }
    // One at a time (above): spreading a long array into push() can overflow the stack.
    if (edges.length > 0 && this.nodes.length < part.totalNodes) {
      // Agreements before all their institutions: the columns would be wrong; the index
      // builds its own from the whole graph.
      this.builder = null;
      this.buildColumns = false;
    }
    for (const e of edges) this.edges.push(e);
    this.builder?.addNodes(nodes);
    this.builder?.addEdges(edges, part.columns);
    this.total = part.totalNodes + part.totalEdges;
    this.totalNodes = part.totalNodes;
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
    const graph: GraphData = {
      data: this.data,
      elements: { nodes: this.nodes, edges: this.edges },
    };
    if (this.builder && this.nodes.length === this.totalNodes) {
      keepColumns(graph, this.builder.finish());
      this.builder = null;
    }
    return graph;
  }
}
