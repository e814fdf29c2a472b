// Writes data exports off the main thread, so a large graph never freezes the page.

import type { GraphData } from '../model';
import { toCsvTables } from './csv';
import { toGexf } from './gexf';
import { toGraphML } from './graphml';
import { toJson } from './json';
import type { DataFormat } from './index';

export interface ExportRequest {
  format: DataFormat;
  graph: GraphData;
  nodes: string[];
  edges: string[];
  /** The view as a query string, stored in JSON exports so loading one restores the filters. */
  view: string;
}

export type ExportReply =
  | { type: 'done'; files: { suffix: string; ext: string; mime: string; text: string }[] }
  | { type: 'error'; message: string };

export function writeExport(req: ExportRequest): ExportReply {
  const visible = { nodes: new Set(req.nodes), edges: new Set(req.edges) };
  switch (req.format) {
    case 'json': {
      const graph: GraphData = { ...req.graph, data: { ...req.graph.data, view: req.view } };
      return {
        type: 'done',
        files: [
          { suffix: '', ext: 'json', mime: 'application/json', text: toJson(graph, visible) },
        ],
      };
    }
    case 'csv': {
      const t = toCsvTables(req.graph, visible);
      return {
        type: 'done',
        files: [
          { suffix: 'institutions', ext: 'csv', mime: 'text/csv', text: t.nodes },
          { suffix: 'agreements', ext: 'csv', mime: 'text/csv', text: t.edges },
        ],
      };
    }
    case 'gexf':
      return {
        type: 'done',
        files: [
          { suffix: '', ext: 'gexf', mime: 'application/xml', text: toGexf(req.graph, visible) },
        ],
      };
    case 'graphml':
      return {
        type: 'done',
        files: [
          {
            suffix: '',
            ext: 'graphml',
            mime: 'application/xml',
            text: toGraphML(req.graph, visible),
          },
        ],
      };
  }
}

// Running as a worker: answer each request.
const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent<ExportRequest>) => void) | null;
  postMessage(m: ExportReply): void;
  document?: unknown;
};
if (typeof scope.document === 'undefined' && typeof window === 'undefined') {
  scope.onmessage = (e) => {
    try {
      scope.postMessage(writeExport(e.data));
    } catch (err) {
      scope.postMessage({
        type: 'error',
        message: err instanceof Error ? err.message : String(err),
      });
    }
  };
}
