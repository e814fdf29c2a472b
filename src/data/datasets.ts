// Datasets the user imported, kept in the browser's IndexedDB (database "partnership-atlas").
// Store "datasets" holds `{ id, name, createdAt, updatedAt, graph, origin }`; store "meta"
// mirrors everything but the graph, so listing never reads megabytes of graphs. Both are
// written in one transaction: a failed save or rename leaves every stored dataset as it was.
// Every function resolves to a result and never rejects; errors are sentences for the user.
// The import worker saves through this module too (IndexedDB works in workers), so a graph of
// 100,000 agreements is copied into storage off the page's thread; the page is then told.

import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { GraphData } from '../model';
import { validateGraph } from './validateGraph';
import type { Result } from './import/mergeGraphs';

export { mergeGraphs, type Result } from './import/mergeGraphs';

export const DB_NAME = 'partnership-atlas';
const DB_VERSION = 1;
const MAX_NAME_LENGTH = 200;

export interface DatasetMeta {
  id: string;
  name: string;
  /** Milliseconds since 1970, as Date.now(). */
  createdAt: number;
  updatedAt: number;
  /** Where the data came from, for people: "Imported from partners.csv". */
  origin: string;
  institutions: number;
  agreements: number;
}

export interface Dataset {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  graph: GraphData;
  origin: string;
}

interface AtlasDb extends DBSchema {
  datasets: { key: string; value: Dataset };
  meta: { key: string; value: DatasetMeta };
}

// ── Errors ─────────────────────────────────────────────────────────────────────────────────

const UNAVAILABLE =
  'This browser does not let the page keep data (a private window, or site data blocked in its settings). Imported data can be viewed now but is not kept.';

function errorName(e: unknown): string {
  return e instanceof DOMException || e instanceof Error ? e.name : '';
}

/** Turns what IndexedDB throws into a sentence that says what to do. */
export function describeStorageError(e: unknown, action: string): string {
  const name = errorName(e);
  const message = e instanceof Error || e instanceof DOMException ? e.message : String(e);
  if (/quota/i.test(name) || /quota/i.test(message)) {
    return `Browser storage is full: ${action} failed. Delete datasets you no longer need, or free space in the browser's site data, and try again.`;
  }
  if (name === 'DataCloneError') return `${action} failed: the data cannot be stored.`;
  if (name === 'SecurityError' || name === 'InvalidStateError') return UNAVAILABLE;
  if (name === 'VersionError') {
    return `${action} failed: the stored data comes from a newer version of this page. Reload the page.`;
  }
  return `${action} failed: ${message || 'the browser storage did not answer'}.`;
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(error: string): Result<T> => ({ ok: false, error });
const notFound = <T>(): Result<T> =>
  fail('The dataset was not found. It may have been deleted in another tab.');

// ── Connection ─────────────────────────────────────────────────────────────────────────────

/**
 * Opens the database for one operation and closes it after, so no connection stays open to
 * block another tab's upgrade, and tests can swap the IndexedDB implementation freely.
 */
async function withDb<T>(action: string, run: (db: IDBPDatabase<AtlasDb>) => Promise<T>) {
  if (typeof indexedDB === 'undefined') return fail<T>(UNAVAILABLE);
  let db: IDBPDatabase<AtlasDb>;
  try {
    db = await openDB<AtlasDb>(DB_NAME, DB_VERSION, {
      upgrade(database) {
        if (!database.objectStoreNames.contains('datasets')) {
          database.createObjectStore('datasets', { keyPath: 'id' });
        }
        if (!database.objectStoreNames.contains('meta')) {
          database.createObjectStore('meta', { keyPath: 'id' });
        }
      },
    });
  } catch (e) {
    const name = errorName(e);
    return fail<T>(name === 'VersionError' ? describeStorageError(e, action) : UNAVAILABLE);
  }
  try {
    return ok(await run(db));
  } catch (e) {
    if (e instanceof NotFound) return notFound<T>();
    return fail<T>(describeStorageError(e, action));
  } finally {
    db.close();
  }
}

class NotFound extends Error {}

function newId(): string {
  // crypto.randomUUID needs a secure context; getRandomValues works on any static host.
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `ds-${Date.now().toString(36)}-${hex}`;
}

function cleanName(name: string): Result<string> {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (clean === '') return fail('A dataset needs a name.');
  if (clean.length > MAX_NAME_LENGTH) {
    return fail(`A dataset name can be at most ${MAX_NAME_LENGTH} characters long.`);
  }
  return ok(clean);
}

function metaOf(d: Dataset): DatasetMeta {
  return {
    id: d.id,
    name: d.name,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    origin: d.origin,
    institutions: d.graph.elements.nodes.length,
    agreements: d.graph.elements.edges.length,
  };
}

// ── Listeners ──────────────────────────────────────────────────────────────────────────────

const listeners = new Set<() => void>();

/** Called after every successful save, rename or delete in this page; returns an unsubscribe. */
export function onDatasetsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function changed(): void {
  for (const l of listeners) l();
}

/** Tells this page's listeners about a change made elsewhere: a save in the import worker. */
export function announceDatasetsChanged(): void {
  changed();
}

// ── API ────────────────────────────────────────────────────────────────────────────────────

/** Stored datasets without their graphs, the most recently changed first. */
export async function listDatasets(): Promise<Result<DatasetMeta[]>> {
  return withDb('Listing the saved datasets', async (db) => {
    const all = await db.getAll('meta');
    return all.sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
  });
}

/** A stored dataset, its graph checked again by the validator (storage outlives versions). */
export async function loadDataset(id: string): Promise<Result<Dataset>> {
  const result = await withDb('Opening the dataset', async (db) => {
    const d = await db.get('datasets', id);
    if (!d) throw new NotFound();
    return d;
  });
  if (!result.ok) return result;
  const checked = validateGraph(result.value.graph, { file: result.value.name });
  if (!checked.graph) {
    return fail(
      `The saved dataset “${result.value.name}” is damaged and cannot be opened: ${checked.problems[0]?.message ?? 'unknown problem'}`,
    );
  }
  return ok({ ...result.value, graph: checked.graph });
}

type Tx = IDBPTransaction<AtlasDb, ('datasets' | 'meta')[], 'readwrite'>;

/**
 * Runs writes to both stores in one transaction. If anything fails, the transaction is aborted,
 * so either every write lands or none does; the requests it cut short are awaited quietly.
 */
async function inTransaction<T>(
  db: IDBPDatabase<AtlasDb>,
  run: (tx: Tx, track: <P>(request: Promise<P>) => Promise<P>) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(['datasets', 'meta'], 'readwrite');
  const pending: Promise<unknown>[] = [tx.done];
  // Marked handled at once; awaiting it below still sees a failure.
  tx.done.catch(() => undefined);
  const track = <P>(request: Promise<P>): Promise<P> => {
    request.catch(() => undefined);
    pending.push(request);
    return request;
  };
  try {
    const value = await run(tx, track);
    await tx.done;
    return value;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted: nothing was written, which is the point.
    }
    await Promise.allSettled(pending);
    // A request cut short reports only "AbortError"; when the browser aborted the transaction
    // itself, its own error says why (QuotaExceededError).
    const reason: unknown = tx.error;
    throw reason instanceof DOMException ? reason : e;
  }
}

/** Stores a graph as a new dataset; resolves to its id. */
export async function saveDataset(input: {
  name: string;
  graph: GraphData;
  origin: string;
}): Promise<Result<string>> {
  const name = cleanName(input.name);
  if (!name.ok) return name;
  const now = Date.now();
  const record: Dataset = {
    id: newId(),
    name: name.value,
    createdAt: now,
    updatedAt: now,
    graph: input.graph,
    origin: input.origin,
  };
  const result = await withDb(`Saving “${name.value}”`, (db) =>
    inTransaction(db, async (tx, track) => {
      await Promise.all([
        track(tx.objectStore('datasets').add(record)),
        track(tx.objectStore('meta').add(metaOf(record))),
      ]);
      return record.id;
    }),
  );
  if (result.ok) changed();
  return result;
}

export async function renameDataset(id: string, name: string): Promise<Result<DatasetMeta>> {
  const clean = cleanName(name);
  if (!clean.ok) return clean;
  const result = await withDb(`Renaming to “${clean.value}”`, (db) =>
    inTransaction(db, async (tx, track) => {
      const d = await track(tx.objectStore('datasets').get(id));
      if (!d) throw new NotFound();
      const renamed: Dataset = { ...d, name: clean.value, updatedAt: Date.now() };
      const meta = metaOf(renamed);
      await Promise.all([
        track(tx.objectStore('datasets').put(renamed)),
        track(tx.objectStore('meta').put(meta)),
      ]);
      return meta;
    }),
  );
  if (result.ok) changed();
  return result;
}

export async function deleteDataset(id: string): Promise<Result<void>> {
  const result = await withDb('Deleting the dataset', (db) =>
    inTransaction(db, async (tx, track) => {
      const key = await track(tx.objectStore('meta').getKey(id));
      if (key === undefined) throw new NotFound();
      await Promise.all([
        track(tx.objectStore('datasets').delete(id)),
        track(tx.objectStore('meta').delete(id)),
      ]);
    }),
  );
  if (result.ok) changed();
  return result;
}
