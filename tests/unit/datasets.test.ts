import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  deleteDataset,
  describeStorageError,
  listDatasets,
  loadDataset,
  mergeGraphs,
  onDatasetsChanged,
  renameDataset,
  saveDataset,
} from '../../src/data/datasets';
import { validateGraph } from '../../src/data/validateGraph';
import type { GraphData, EdgeElement, NodeElement } from '../../src/model';
import { institution } from './helpers/miniGraph';

const node = institution;

function edge(
  id: string,
  source: string,
  target: string,
  extra: Partial<EdgeElement['data']> = {},
): EdgeElement {
  return {
    data: {
      id,
      source,
      target,
      cooperation: 'mou',
      year: 2019,
      date: '2019',
      description: '',
      agreement: id,
      evidence: [],
      ...extra,
    },
  };
}

function graph(nodes: NodeElement[], edges: EdgeElement[], title = 'Test'): GraphData {
  return { data: { title, description: '', sources: [] }, elements: { nodes, edges } };
}

const small = graph([node('a', 'Alpha'), node('b', 'Beta')], [edge('a-b', 'a', 'b')]);

function must<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('datasets in IndexedDB', () => {
  it('saves, lists without graphs, loads, renames and deletes', async () => {
    const changes = vi.fn();
    const stop = onDatasetsChanged(changes);
    const id = must(await saveDataset({ name: '  My   partners ', graph: small, origin: 'a.csv' }));
    const list = must(await listDatasets());
    expect(list).toEqual([
      expect.objectContaining({
        id,
        name: 'My partners',
        origin: 'a.csv',
        institutions: 2,
        agreements: 1,
      }),
    ]);
    expect(list[0]).not.toHaveProperty('graph');

    const loaded = must(await loadDataset(id));
    expect(loaded.graph).toEqual(small);
    expect(loaded.name).toBe('My partners');

    const renamed = must(await renameDataset(id, 'Renamed'));
    expect(renamed.name).toBe('Renamed');
    expect(must(await loadDataset(id)).name).toBe('Renamed');

    must(await deleteDataset(id));
    expect(must(await listDatasets())).toEqual([]);
    expect(changes).toHaveBeenCalledTimes(3);
    stop();
  });

  it('lists the most recently changed first', async () => {
    const first = must(await saveDataset({ name: 'First', graph: small, origin: '' }));
    await new Promise((r) => setTimeout(r, 5));
    must(await saveDataset({ name: 'Second', graph: small, origin: '' }));
    await new Promise((r) => setTimeout(r, 5));
    must(await renameDataset(first, 'First, renamed'));
    expect(must(await listDatasets()).map((d) => d.name)).toEqual(['First, renamed', 'Second']);
  });

  it('says clearly when a dataset is not found', async () => {
    for (const r of [
      await loadDataset('nope'),
      await renameDataset('nope', 'x'),
      await deleteDataset('nope'),
    ]) {
      expect(r).toEqual({ ok: false, error: expect.stringMatching(/^The dataset was not found/) });
    }
  });

  it('refuses empty and over-long names', async () => {
    expect(await saveDataset({ name: '   ', graph: small, origin: '' })).toEqual({
      ok: false,
      error: 'A dataset needs a name.',
    });
    const long = await saveDataset({ name: 'x'.repeat(201), graph: small, origin: '' });
    expect(long.ok).toBe(false);
  });

  it('reports a full storage and leaves the stored datasets untouched', async () => {
    const kept = must(await saveDataset({ name: 'Kept', graph: small, origin: '' }));
    // The first store of the transaction takes the record; the second hits the quota, so only
    // the single transaction keeps the first write from landing.
    const original = IDBObjectStore.prototype.add;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      if (this.name === 'meta') throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return original.call(this, value, key);
    });
    const r = await saveDataset({ name: 'Too big', graph: small, origin: '' });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^Browser storage is full: /) });
    vi.restoreAllMocks();
    const list = must(await listDatasets());
    expect(list.map((d) => d.id)).toEqual([kept]);
    // Nothing of the failed save reached the other store either.
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('partnership-atlas');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const count = await new Promise<number>((resolve) => {
      const req = db.transaction('datasets').objectStore('datasets').count();
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    expect(count).toBe(1);
  });

  it('names the quota when the browser aborts the transaction and the request says only "aborted"', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore) {
      // As a browser does on a full disk: the transaction carries the reason, the request not.
      Object.defineProperty(this.transaction, 'error', {
        value: new DOMException('Quota exceeded', 'QuotaExceededError'),
      });
      throw new DOMException('The transaction was aborted.', 'AbortError');
    });
    const r = await saveDataset({ name: 'Big', graph: small, origin: '' });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^Browser storage is full: /) });
  });

  it('explains an unavailable IndexedDB (private windows, blocked storage)', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error -- simulating a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
      const r = await listDatasets();
      expect(r).toEqual({ ok: false, error: expect.stringMatching(/private window/) });
    } finally {
      globalThis.indexedDB = saved;
    }
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(await saveDataset({ name: 'x', graph: small, origin: '' })).toEqual({
      ok: false,
      error: expect.stringMatching(/does not let the page keep data/),
    });
  });

  it('refuses to open a stored graph that no longer validates', async () => {
    const broken = graph([node('a', 'Alpha')], [edge('a-z', 'a', 'z')]);
    const id = must(await saveDataset({ name: 'Broken', graph: broken, origin: '' }));
    const r = await loadDataset(id);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/“Broken” is damaged/) });
  });

  it('describes storage errors by name', () => {
    expect(describeStorageError(new DOMException('x', 'QuotaExceededError'), 'Saving')).toMatch(
      /^Browser storage is full: Saving failed/,
    );
    expect(describeStorageError(new DOMException('x', 'InvalidStateError'), 'Saving')).toMatch(
      /private window/,
    );
    expect(describeStorageError(new Error('boom'), 'Saving')).toBe('Saving failed: boom.');
  });
});

describe('mergeGraphs', () => {
  it('merges institutions by id and by name, fills gaps and keeps both sets of agreements', () => {
    const base = graph(
      [
        {
          ...node('xjtu', "Xi'an Jiaotong University", {
            aliases: ['XJTU'],
            country: 'CN',
            type: 'university',
          }),
          position: { x: 0, y: 0 },
        },
        { ...node('polimi', 'Politecnico di Milano'), position: { x: 100, y: 0 } },
      ],
      [edge('xjtu-polimi', 'xjtu', 'polimi')],
    );
    const added = graph(
      [
        node('xi-an-jiaotong-university', "xi'an jiaotong  university"),
        node('polimi', 'Politecnico di Milano', { country: 'IT', type: 'university' }),
        node('tum', 'Technical University of Munich', { country: 'DE' }),
      ],
      [
        edge('xjtu-polimi', 'polimi', 'xi-an-jiaotong-university', { cooperation: 'exchange' }),
        edge('tum-xjtu', 'tum', 'xi-an-jiaotong-university'),
      ],
    );
    const merged = must(mergeGraphs(base, added));
    expect(merged.elements.nodes.map((n) => [n.data.id, n.data.country, n.data.type])).toEqual([
      ['xjtu', 'CN', 'university'],
      ['polimi', 'IT', 'university'],
      ['tum', 'DE', 'other'],
    ]);
    // The clashing agreement id is made unique; the rest point at the merged institutions.
    expect(merged.elements.edges.map((e) => [e.data.id, e.data.source, e.data.target])).toEqual([
      ['xjtu-polimi', 'xjtu', 'polimi'],
      ['xjtu-polimi-2', 'polimi', 'xjtu'],
      ['tum-xjtu', 'tum', 'xjtu'],
    ]);
    // The new institution is placed next to its partner, so the drawing needs no new layout.
    expect(merged.elements.nodes[2]?.position).toBeDefined();
    expect(validateGraph(merged).problems).toEqual([]);
    // Pure: neither input changed.
    expect(base.elements.nodes[1]?.data.country).toBeNull();
    expect(added.elements.edges[0]?.data.source).toBe('polimi');
  });

  it('treats the same agreement imported twice as one, with its evidence merged', () => {
    const a = graph(
      [node('a', 'A'), node('b', 'B')],
      [edge('e', 'a', 'b', { evidence: [{ quote: 'one' }] })],
    );
    const b = graph(
      [node('a', 'A'), node('b', 'B')],
      [edge('e', 'a', 'b', { evidence: [{ quote: 'one' }, { quote: 'two' }] })],
    );
    const merged = must(mergeGraphs(a, b));
    expect(merged.elements.edges).toHaveLength(1);
    expect(merged.elements.edges[0]?.data.evidence).toEqual([{ quote: 'one' }, { quote: 'two' }]);
  });

  it('renames an added institution whose id is an existing agreement id, and its sources', () => {
    const base = graph([node('a', 'A'), node('b', 'B')], [edge('x', 'a', 'b')]);
    base.data.sources = [
      { id: 's', file: '', title: 'Base source', publisher: '', date: '', about: '', note: '' },
    ];
    const added = graph(
      [node('x', 'X'), node('a', 'A')],
      [edge('x-a', 'x', 'a', { evidence: [{ source: 's', quote: 'q' }] })],
    );
    added.data.sources = [
      { id: 's', file: '', title: 'Other source', publisher: '', date: '', about: 'x', note: '' },
    ];
    const merged = must(mergeGraphs(base, added));
    expect(merged.elements.nodes.map((n) => n.data.id)).toEqual(['a', 'b', 'x-2']);
    expect(merged.elements.edges[1]?.data).toMatchObject({ source: 'x-2', target: 'a' });
    expect(merged.data.sources.map((s) => [s.id, s.about])).toEqual([
      ['s', ''],
      ['s-2', 'x-2'],
    ]);
    expect(merged.elements.edges[1]?.data.evidence).toEqual([{ source: 's-2', quote: 'q' }]);
  });

  it('returns an error rather than an invalid graph', () => {
    const many = graph([node('a', 'A')], []);
    many.data.sources = Array.from({ length: 1001 }, (_, i) => ({
      id: `s${i}`,
      file: '',
      title: '',
      publisher: '',
      date: '',
      about: '',
      note: '',
    }));
    const r = mergeGraphs(graph([node('b', 'B')], []), many);
    expect(r).toEqual({
      ok: false,
      error: expect.stringMatching(/^The merged graph is not valid/),
    });
  });
});
