// What the page and the import worker say to each other. The worker keeps the tables it read and
// the graph it checked, so that megabytes of rows never cross to the page: the page holds
// summaries (columns, a preview, counts, the first problems) and refers to tables by id. Graphs
// that must cross (the graph to merge into, the finished import) travel in parts, each small
// enough to copy in a few milliseconds, and each only once the other side has taken the last:
// between two parts the page is idle and draws. Where workers are unavailable the same messages
// pass to an ImportService on the page's own thread (importSession.ts): both paths run one code.

import type { GraphData } from '../../model';
import type { EdgeColumns } from '../../model/columns';
import type { PackedEdges, PackedNodes } from './packing';
import type { TypeMap, ValueCount } from './checkRows';
import type { Mapping } from './mapping';
import type { Result } from './mergeGraphs';
import type { CheckProgress, ParseProgress, RowProblem } from './types';

/** A table read by the worker, named by a number the worker hands out. */
export type TableId = number;

/** What the page keeps of a table: enough for the mapping step, without the rows. */
export interface TableSummary {
  id: TableId;
  file: string;
  columns: string[];
  rowCount: number;
  /** The first rows, for the preview, and their spreadsheet row numbers. */
  preview: string[][];
  previewRowNumbers: number[];
  /** Problems found while reading: the first LIMITS.maxProblemsListed of `problemCount`. */
  problems: RowProblem[];
  problemCount: number;
  /** True when nothing could be read (too large, unreadable); `problems` says why. */
  fatal: boolean;
  delimiter: string;
  encoding: string;
}

export interface CheckOptions {
  agreements: TableId;
  institutions: TableId | null;
  mapping: Mapping;
  typeMap: TypeMap;
  importAnyway: boolean;
}

/** The row check as the page shows it; the checked graph stays in the worker until committed. */
export interface CheckSummary {
  /** Names the checked graph for CommitOptions.imported. */
  id: number;
  /** The first LIMITS.maxProblemsListed problems, in the order they are listed. */
  problems: RowProblem[];
  problemCount: number;
  errorCount: number;
  validRows: number;
  totalRows: number;
  repairableRows: number;
  institutionRows: { valid: number; total: number };
  /** Size of the graph that would be imported; null when nothing can be. */
  graph: { institutions: number; agreements: number } | null;
}

export type CommitPhase = 'merging' | 'saving' | 'opening';

export interface CommitProgress {
  phase: CommitPhase;
  done: number;
  total: number;
}

export type GraphSlot = 'imported' | 'base';

export interface CommitOptions {
  /** The graph to import: a check's (by CheckSummary.id), or the one uploaded as 'imported'. */
  imported: { check: number } | 'uploaded';
  /** Merge it into the graph uploaded as 'base'; the result keeps that graph's title. */
  merge: boolean;
  /** Title of the imported graph and name of the dataset. */
  name: string;
  /** "Imported from partners.csv", kept with the dataset. */
  origin: string;
  /** Keep the result in IndexedDB; otherwise it is only sent back. */
  save: boolean;
}

export interface CommitOutcome {
  datasetId: string | null;
  /** Why saving failed; the graph was still sent, so it can be opened without saving. */
  saveError: string | null;
}

/** A slice of a graph in transit. The first part carries the graph's data, the rest none. */
export interface GraphPart {
  data?: GraphData['data'];
  /** Institutions and agreements packed field by field (packing.ts). */
  nodes: PackedNodes;
  edges: PackedEdges;
  /** Elements in the whole graph, so the receiver can tell how far it is. */
  totalNodes: number;
  totalEdges: number;
  /** What the validator found of the agreements' columns, when it sent the part. */
  columns?: EdgeColumns;
}

/** Requests the worker answers, once each, by id. */
export type CallRequest =
  | { kind: 'read'; id: number; file: Blob; name: string }
  | { kind: 'values'; id: number; table: TableId; column: number }
  | { kind: 'check'; id: number; options: CheckOptions }
  /** One part of a graph for a later commit; answered when the worker has it. */
  | { kind: 'upload'; id: number; slot: GraphSlot; part: GraphPart }
  | { kind: 'commit'; id: number; options: CommitOptions };

/** The answer to each kind of call. */
export interface Answers {
  read: TableSummary;
  values: ValueCount[];
  check: CheckSummary;
  upload: null;
  commit: Result<CommitOutcome>;
}

/**
 * Notices the worker does not answer: a table to forget; the page has taken the last part of a
 * commit's graph and wants the next.
 */
export type NoticeRequest = { kind: 'drop'; table: TableId } | { kind: 'next'; id: number };

export type ImportRequest = CallRequest | NoticeRequest;

export type AnyProgress = ParseProgress | CheckProgress | CommitProgress;

/** Messages to the page. */
export type ImportReply =
  /** The worker's script has loaded: from now on its failures are not load failures. */
  | { kind: 'ready' }
  | { kind: 'progress'; id: number; progress: AnyProgress }
  /** A commit has stored its dataset. */
  | { kind: 'saved'; id: number; datasetId: string }
  /** A part of a commit's graph; the next follows the page's 'next'. */
  | { kind: 'part'; id: number; part: GraphPart }
  | { kind: 'answer'; id: number; value: Answers[keyof Answers] }
  | { kind: 'failed'; id: number; message: string };
