// What the page and the graph-loading worker say to each other. The page sends a graph file's
// bytes (transferred, not copied; or chunk by chunk while it downloads) or a saved dataset's id; the worker decodes, parses and
// validates, and sends the graph back in parts of 5,000 elements as each passes, so that the page copies each
// in a task of its own and draws frames between two (see import/graphParts.ts).

import type { Problem } from '../../model';
import type { DatasetMeta } from '../datasets';
import type { GraphPart } from '../import/protocol';

export type GraphLoadRequest =
  | { kind: 'parse'; buffer: ArrayBuffer; byteOffset: number; byteLength: number; name: string }
  | { kind: 'dataset'; id: string }
  /** A file that is still downloading: its chunks follow as they arrive, then 'end'. */
  | { kind: 'stream'; name: string }
  | { kind: 'chunk'; bytes: Uint8Array }
  | { kind: 'end' };

/** A saved dataset's fields besides its graph. */
export type DatasetFields = Omit<DatasetMeta, 'institutions' | 'agreements'>;

export type GraphLoadReply =
  /** The worker's code has loaded; it can take bytes. */
  | { kind: 'ready' }
  /** The file is parsed; its `total` elements are being checked and follow in parts as they
   * pass. A 'failed' may still come instead of 'done': the parts received are then dropped. */
  | { kind: 'checking'; total: number }
  | { kind: 'part'; part: GraphPart }
  /** The last part was sent; for a dataset, its fields. */
  | { kind: 'done'; dataset: DatasetFields | null }
  | { kind: 'failed'; problems: Problem[] };
