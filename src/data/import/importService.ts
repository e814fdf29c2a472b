// The heavy half of an import: reading and parsing files, checking rows, building, merging,
// validating and saving the graph. It runs in the import worker (importWorker.ts), or on the
// page's own thread where workers are unavailable (importSession.ts); either way it talks
// only through the messages of protocol.ts and keeps what it read until the page lets go.

import type { GraphData } from '../../model';
import { saveDataset } from '../datasets';
import { LIMITS } from '../limits';
import { buildImportedGraph, cooperationValues } from './checkRows';
import { GraphAssembler, graphParts } from './graphParts';
import { mergeGraphs, type Result } from './mergeGraphs';
import type {
  Answers,
  AnyProgress,
  CallRequest,
  CheckOptions,
  CheckSummary,
  CommitOptions,
  CommitOutcome,
  GraphSlot,
  ImportReply,
  ImportRequest,
  TableId,
  TableSummary,
} from './protocol';
import { readCsvBlob } from './readCsv';
import type { ParsedTable } from './types';

/** Rows of a table the page previews in the mapping step. */
export const PREVIEW_ROWS = 5;

/** Least time between two progress messages of one request, in milliseconds. */
const PROGRESS_INTERVAL_MS = 50;

function summarise(id: TableId, t: ParsedTable): TableSummary {
  return {
    id,
    file: t.file,
    columns: t.columns,
    rowCount: t.rows.length,
    preview: t.rows.slice(0, PREVIEW_ROWS),
    previewRowNumbers: t.rowNumbers.slice(0, PREVIEW_ROWS),
    problems: t.problems.slice(0, LIMITS.maxProblemsListed),
    problemCount: t.problems.length,
    fatal: t.fatal,
    delimiter: t.delimiter,
    encoding: t.encoding,
  };
}

const GONE = 'The table is no longer at hand. Choose the files again.';

export class ImportService {
  private readonly tables = new Map<TableId, ParsedTable>();
  private nextTable = 1;
  /** The graph of the latest check; earlier ones are let go. */
  private checked: { id: number; graph: GraphData } | null = null;
  private nextCheck = 1;
  private readonly uploads = new Map<GraphSlot, GraphAssembler>();
  /** Commits waiting for the page to take their last part, by request id. */
  private readonly waiting = new Map<number, () => void>();

  constructor(private readonly send: (reply: ImportReply) => void) {}

  /** Handles one request. Never rejects: a failure is answered as such. */
  async handle(request: ImportRequest): Promise<void> {
    if (request.kind === 'next') {
      const resume = this.waiting.get(request.id);
      this.waiting.delete(request.id);
      resume?.();
      return;
    }
    if (request.kind === 'drop') {
      this.tables.delete(request.table);
      return;
    }
    try {
      await this.answer(request);
    } catch (e) {
      this.send({
        kind: 'failed',
        id: request.id,
        message: e instanceof Error ? e.message : String(e),
      });
    }
  }

  private async answer(request: CallRequest): Promise<void> {
    const reply = <K extends keyof Answers>(value: Answers[K]) =>
      this.send({ kind: 'answer', id: request.id, value });
    switch (request.kind) {
      case 'read':
        reply<'read'>(await this.read(request.file, request.name, this.progress(request.id)));
        return;
      case 'values':
        reply<'values'>(cooperationValues(this.table(request.table), request.column));
        return;
      case 'check':
        reply<'check'>(this.check(request.options, this.progress(request.id)));
        return;
      case 'upload': {
        // A part with the graph's data starts a new graph in that slot.
        const current = this.uploads.get(request.slot);
        const assembler = request.part.data || !current ? new GraphAssembler() : current;
        assembler.add(request.part);
        this.uploads.set(request.slot, assembler);
        reply<'upload'>(null);
        return;
      }
      case 'commit':
        reply<'commit'>(await this.commit(request.id, request.options));
        return;
    }
  }

  /**
   * Reports the progress of one request: the start and end of each phase always, in between at
   * most every PROGRESS_INTERVAL_MS.
   */
  private progress(id: number): (progress: AnyProgress) => void {
    let phase = '';
    let last = -Infinity;
    return (progress) => {
      const now = performance.now();
      const done = 'done' in progress ? progress.done : progress.bytes;
      const edge = progress.phase !== phase || done >= progress.total;
      if (!edge && now - last < PROGRESS_INTERVAL_MS) return;
      phase = progress.phase;
      last = now;
      this.send({ kind: 'progress', id, progress });
    };
  }

  private table(id: TableId): ParsedTable {
    const t = this.tables.get(id);
    if (!t) throw new Error(GONE);
    return t;
  }

  private async read(
    file: Blob,
    name: string,
    onProgress: (progress: AnyProgress) => void,
  ): Promise<TableSummary> {
    const table = await readCsvBlob(file, name, onProgress);
    const id = this.nextTable++;
    // A table that could not be read is only reported, never used.
    if (!table.fatal) this.tables.set(id, table);
    return summarise(id, table);
  }

  private check(options: CheckOptions, onProgress: (p: AnyProgress) => void): CheckSummary {
    const agreements = this.table(options.agreements);
    const institutions = options.institutions === null ? null : this.table(options.institutions);
    // The previous graph is let go first: two graphs of 100,000 agreements are a lot of memory.
    this.checked = null;
    const result = buildImportedGraph({
      agreements,
      institutions: institutions ?? undefined,
      mapping: options.mapping,
      typeMap: options.typeMap,
      importAnyway: options.importAnyway,
      fileNames: { agreements: agreements.file, institutions: institutions?.file },
      onProgress,
    });
    const id = this.nextCheck++;
    if (result.graph) this.checked = { id, graph: result.graph };
    let errorCount = 0;
    for (const p of result.problems) if (p.level === 'error') errorCount++;
    return {
      id,
      problems: result.problems.slice(0, LIMITS.maxProblemsListed),
      problemCount: result.problems.length,
      errorCount,
      validRows: result.validRows,
      totalRows: result.totalRows,
      repairableRows: result.repairableRows,
      institutionRows: result.institutionRows,
      graph: result.graph
        ? {
            institutions: result.graph.elements.nodes.length,
            agreements: result.graph.elements.edges.length,
          }
        : null,
    };
  }

  private uploaded(slot: GraphSlot): GraphData | null {
    const graph = this.uploads.get(slot)?.graph() ?? null;
    this.uploads.delete(slot);
    return graph;
  }

  /**
   * Titles the graph, merges it if asked, saves it if asked, and sends it to the page in parts.
   * A failed save still sends the graph, so the page can open it without saving.
   */
  private async commit(id: number, options: CommitOptions): Promise<Result<CommitOutcome>> {
    const onProgress = this.progress(id);
    const imported =
      options.imported === 'uploaded'
        ? this.uploaded('imported')
        : this.checked?.id === options.imported.check
          ? this.checked.graph
          : null;
    if (!imported) {
      return { ok: false, error: 'The checked rows are no longer at hand. Check them again.' };
    }
    let graph: GraphData = { ...imported, data: { ...imported.data, title: options.name } };
    if (options.merge) {
      const base = this.uploaded('base');
      if (!base) return { ok: false, error: 'The current graph could not be read for merging.' };
      onProgress({ phase: 'merging', done: 0, total: 1 });
      const merged = mergeGraphs(base, graph);
      if (!merged.ok) return merged;
      graph = merged.value;
    }
    const outcome: CommitOutcome = { datasetId: null, saveError: null };
    if (options.save) onProgress({ phase: 'saving', done: 0, total: 1 });
    const saving = options.save
      ? saveDataset({ name: options.name, graph, origin: options.origin })
      : null;
    // The page takes the parts while storage writes the dataset to disk; one part at a time,
    // so that the page draws between two.
    let first = true;
    for (const part of graphParts(graph)) {
      if (!first) await new Promise<void>((resume) => this.waiting.set(id, resume));
      first = false;
      this.send({ kind: 'part', id, part });
    }
    // The page has the graph and shows it arriving; what is left is the write to disk.
    if (saving)
      this.send({ kind: 'progress', id, progress: { phase: 'saving', done: 0, total: 1 } });
    const saved = await saving;
    if (saved?.ok) {
      outcome.datasetId = saved.value;
      this.send({ kind: 'saved', id, datasetId: saved.value });
    } else if (saved) {
      outcome.saveError = saved.error;
    }
    return { ok: true, value: outcome };
  }
}
