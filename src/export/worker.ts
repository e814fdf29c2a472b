// Writes data exports off the main thread, so a large graph never freezes the page.

import type { GraphData } from '../model';
import { toCsvTables } from './csv';
import { gexfParts } from './gexf';
import { graphMLParts } from './graphml';
import { LIMITS } from '../data/limits';
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
  | { type: 'done'; files: { suffix: string; ext: string; mime: string; parts: string[] }[] }
  | { type: 'error'; message: string };

type WrittenFile = Extract<ExportAnswer, { type: 'done' }>['files'][number];

/**
 * The written files as Blobs. A JSON file larger than the explorer opens uncompressed
 * (LIMITS.maxFileBytes) is gzip-compressed (.json.gz), so that it loads back: 300,000
 * institutions are 272 MB of JSON and 38 MB compressed. Smaller ones stay plain JSON, which
 * Cytoscape desktop and any text editor open.
 */
export async function filesOf(
  files: { suffix: string; ext: string; mime: string; parts: string[] }[],
  compressOver: number = LIMITS.maxFileBytes,
): Promise<WrittenFile[]> {
  const out: WrittenFile[] = [];
  for (const f of files) {
    const blob = new Blob(f.parts, { type: f.mime });
    if (f.ext !== 'json' || blob.size <= compressOver || typeof CompressionStream === 'undefined') {
      out.push({ suffix: f.suffix, ext: f.ext, mime: f.mime, blob });
      continue;
    }
    const packed = blob
      .stream()
      .pipeThrough(
        new CompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>,
      );
    out.push({
      suffix: f.suffix,
      ext: 'json.gz',
      mime: 'application/gzip',
      blob: await new Response(packed, { headers: { 'content-type': 'application/gzip' } }).blob(),
    });
  }
  return out;
}

/** A written file as one string (tests, small files); large files stay in parts. */
export function fileText(file: { parts: string[] }): string {
  return file.parts.join('');
}

export function writeExport(req: ExportRequest): ExportReply {
  const visible = { nodes: new Set(req.nodes), edges: new Set(req.edges) };
  switch (req.format) {
    case 'json': {
      const graph: GraphData = { ...req.graph, data: { ...req.graph.data, view: req.view } };
      return {
        type: 'done',
        files: [
          { suffix: '', ext: 'json', mime: 'application/json', parts: [toJson(graph, visible)] },
        ],
      };
    }
    case 'csv': {
      const t = toCsvTables(req.graph, visible);
      return {
        type: 'done',
        files: [
          { suffix: 'institutions', ext: 'csv', mime: 'text/csv', parts: [t.nodes] },
          { suffix: 'agreements', ext: 'csv', mime: 'text/csv', parts: [t.edges] },
        ],
      };
    }
    case 'gexf':
      return {
        type: 'done',
        files: [
          {
            suffix: '',
            ext: 'gexf',
            mime: 'application/xml',
            parts: gexfParts(req.graph, visible),
          },
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
            parts: graphMLParts(req.graph, visible),
          },
        ],
      };
  }
}

/**
 * The page sends a graph in parts, so no single message (a structured clone on the page's
 * thread) takes long: `begin`, then `nodes` and `edges` parts, then `end` with one byte per
 * element saying whether the filters show it.
 */
export type ExportMessage =
  | { type: 'begin'; format: DataFormat; data: GraphData['data']; view: string }
  | { type: 'nodes'; items: GraphData['elements']['nodes'] }
  | { type: 'edges'; items: GraphData['elements']['edges'] }
  | { type: 'end'; nodeFlags: Uint8Array; edgeFlags: Uint8Array };

/** What the worker sends back: files as Blobs, which cross threads without a copy. */
export type ExportAnswer =
  | { type: 'done'; files: { suffix: string; ext: string; mime: string; blob: Blob }[] }
  | { type: 'error'; message: string };

/** Assembles the parts into a request; null until `end` arrives. */
export function assembler(): (m: ExportMessage) => ExportRequest | null {
  let begin: Extract<ExportMessage, { type: 'begin' }> | null = null;
  const nodes: GraphData['elements']['nodes'] = [];
  const edges: GraphData['elements']['edges'] = [];
  return (m) => {
    if (m.type === 'begin') {
      begin = m;
      nodes.length = 0;
      edges.length = 0;
      return null;
    }
    if (m.type === 'nodes') {
      for (const n of m.items) nodes.push(n);
      return null;
    }
    if (m.type === 'edges') {
      for (const e of m.items) edges.push(e);
      return null;
    }
    if (!begin) throw new Error('The export began without its first part.');
    return {
      format: begin.format,
      view: begin.view,
      graph: { data: begin.data, elements: { nodes, edges } },
      nodes: nodes.filter((_, i) => m.nodeFlags[i] === 1).map((n) => n.data.id),
      edges: edges.filter((_, i) => m.edgeFlags[i] === 1).map((e) => e.data.id),
    };
  };
}

// Running as a worker: assemble the parts, then write the files.
const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent<ExportMessage>) => void) | null;
  postMessage(m: ExportAnswer): void;
  document?: unknown;
};
if (typeof scope.document === 'undefined' && typeof window === 'undefined') {
  const take = assembler();
  scope.onmessage = async (e) => {
    try {
      const request = take(e.data);
      if (!request) return;
      const reply = writeExport(request);
      if (reply.type === 'error') {
        scope.postMessage(reply);
        return;
      }
      scope.postMessage({ type: 'done', files: await filesOf(reply.files) });
    } catch (err) {
      scope.postMessage({
        type: 'error',
        message: err instanceof Error ? err.message : String(err),
      });
    }
  };
}
