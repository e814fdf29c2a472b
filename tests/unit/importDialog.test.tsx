// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DatasetList, ImportDialog, type ImportedResult } from '../../src/components/import';
import { listDatasets, saveDataset } from '../../src/data/datasets';
import { ImportService } from '../../src/data/import/importService';
import type { ImportReply, ImportRequest } from '../../src/data/import/protocol';
import type { GraphData } from '../../src/model';
import { institution } from './helpers/miniGraph';

const csv = (text: string, name: string) => new File([text], name, { type: 'text/csv' });

function upload(...files: File[]) {
  const input = screen.getByLabelText(/drop files here/i, { selector: 'input' });
  fireEvent.change(input, { target: { files } });
}

/** The dialog open on an empty explorer, its outcome ignored. */
function openDialog(props: { save?: boolean } = {}) {
  render(
    <ImportDialog
      open
      onClose={() => undefined}
      currentGraph={null}
      onImported={() => undefined}
      {...props}
    />,
  );
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  cleanup();
});

describe('ImportDialog', () => {
  it('previews an uploaded CSV, lists its problems by row and column, and imports the valid rows', async () => {
    const onImported = vi.fn<(r: ImportedResult) => void>();
    render(
      <ImportDialog open onClose={() => undefined} currentGraph={null} onImported={onImported} />,
    );
    expect(screen.getByRole('heading', { name: /choose files/i })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download template' }).getAttribute('href')).toBe(
      './template-agreements.csv',
    );

    upload(
      new File([readFileSync('tests/fixtures/import/missing-party.csv')], 'missing-party.csv'),
    );
    const preview = await screen.findByRole('table', {
      name: /first 4 rows of missing-party\.csv/i,
    });
    expect(within(preview).getByText('Gamma College')).toBeTruthy();
    expect(within(preview).getAllByText('Partner').length).toBeGreaterThan(0);
    expect((screen.getByLabelText('Partner') as HTMLSelectElement).value).toBe('1');

    fireEvent.click(screen.getByRole('button', { name: 'Check rows' }));
    const problems = await screen.findByTestId('import-problems');
    expect(problems.textContent).toContain('missing-party.csv, row 4, column “Institution”');
    expect(screen.getByRole('status').textContent).toMatch(/3 rows of 4 can be imported/);

    fireEvent.change(screen.getByLabelText('Named'), { target: { value: 'My partners' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import 3 valid rows' }));
    await waitFor(() => expect(onImported).toHaveBeenCalledTimes(1));
    const result = onImported.mock.calls[0]?.[0];
    expect(result).toMatchObject({ name: 'My partners', mode: 'new' });
    expect(result?.graph.elements.edges).toHaveLength(3);
    expect(result?.datasetId).toEqual(expect.any(String));
    const stored = await listDatasets();
    expect(stored.ok && stored.value.map((d) => d.name)).toEqual(['My partners']);
  });

  it('renders cell text as text, never as markup', async () => {
    openDialog();
    upload(csv('Institution,Partner\n<img src=x onerror=alert(1)>,<b>Beta</b>\n', 'x.csv'));
    const preview = await screen.findByRole('table', { name: /first 1 rows/i });
    expect(within(preview).getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('img, b')).toBeNull();
  });

  it('says a table with a header and no rows has nothing to import', async () => {
    openDialog();
    upload(csv('Institution,Partner,Type\n', 'header-only.csv'));
    fireEvent.click(await screen.findByRole('button', { name: 'Check rows' }));
    expect(
      await screen.findByText('The table has a header but no rows: there is nothing to import.'),
    ).toBeTruthy();
    expect(screen.queryByText('Every row passed the checks.')).toBeNull();
  });

  it('lets the user map an unknown cooperation type to the vocabulary', async () => {
    openDialog();
    upload(csv('Institution,Partner,Type\nA,B,Sister city\nA,C,MoU\n', 'types.csv'));
    const select = await screen.findByLabelText('Cooperation type for “Sister city”');
    fireEvent.click(screen.getByRole('button', { name: 'Check rows' }));
    expect(await screen.findByText(/Unknown cooperation type “Sister city”/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back to fix the mapping' }));
    fireEvent.change(await screen.findByLabelText('Cooperation type for “Sister city”'), {
      target: { value: 'affiliation' },
    });
    expect(select).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Check rows' }));
    expect(await screen.findByText('Every row passed the checks.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import 2 valid rows' })).toBeTruthy();
  });

  it('takes a graph file straight through the validator and can merge it', async () => {
    const current: GraphData = {
      data: { title: 'Current', description: '', sources: [] },
      elements: {
        nodes: [institution('a', 'Alpha')],
        edges: [],
      },
    };
    const added: GraphData = {
      data: { title: 'Added', description: '', sources: [] },
      elements: {
        nodes: [
          institution('alpha', 'alpha'),
          institution('b', 'Beta', { country: 'FR', type: 'university' }),
        ],
        edges: [
          {
            data: {
              id: 'e',
              source: 'alpha',
              target: 'b',
              cooperation: 'mou',
              year: null,
              date: null,
              description: '',
              agreement: 'e',
              evidence: [],
            },
          },
        ],
      },
    };
    const onImported = vi.fn<(r: ImportedResult) => void>();
    render(
      <ImportDialog
        open
        onClose={() => undefined}
        currentGraph={current}
        onImported={onImported}
        save={false}
      />,
    );
    upload(new File([JSON.stringify(added)], 'added.json', { type: 'application/json' }));
    expect(
      await screen.findByText(/added\.json is a valid graph with 2 institutions and 1 agreement/),
    ).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/merge into the current graph/i));
    fireEvent.click(screen.getByRole('button', { name: 'Import the graph' }));
    await waitFor(() => expect(onImported).toHaveBeenCalledTimes(1));
    const r = onImported.mock.calls[0]?.[0];
    expect(r?.mode).toBe('merge');
    expect(r?.datasetId).toBeNull();
    expect(r?.graph.elements.nodes.map((n) => n.data.id)).toEqual(['a', 'b']);
    expect(r?.graph.elements.edges[0]?.data).toMatchObject({ source: 'a', target: 'b' });
  });

  it('takes a gzip-compressed graph file (.json.gz), named after the file without its endings', async () => {
    const graph: GraphData = {
      data: { title: '', description: '', sources: [] },
      elements: { nodes: [institution('a', 'Alpha'), institution('b', 'Beta')], edges: [] },
    };
    openDialog({ save: false });
    const packed = gzipSync(JSON.stringify(graph));
    upload(new File([packed], 'register-2026.json.gz', { type: 'application/gzip' }));
    expect(
      await screen.findByText(/register-2026\.json\.gz is a valid graph with 2 institutions/),
    ).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Named').value).toBe('register-2026');
  });

  it('says a compressed table must be unzipped first, whatever type the browser gives it', async () => {
    for (const type of ['application/gzip', 'application/x-gzip', '']) {
      openDialog();
      upload(new File([gzipSync('source,target\nA,B\n')], 'agreements.csv.gz', { type }));
      expect((await screen.findByRole('alert')).textContent).toMatch(
        /compressed table\. Tables are read uncompressed: unzip it, then choose agreements\.csv here\./,
      );
      expect(screen.getByRole('heading', { name: /choose files/i })).toBeTruthy();
      cleanup();
    }
  });

  it('shows why a file cannot be read and stays on the first step', async () => {
    openDialog();
    upload(new File(['{"elements": []}'], 'bad.json', { type: 'application/json' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/flat list/);
    expect(screen.getByRole('heading', { name: /choose files/i })).toBeTruthy();
  });

  it('shows a progress bar while the rows are checked, and the result after', async () => {
    openDialog();
    const rows = Array.from({ length: 3000 }, (_, i) => `University ${i},Partner ${i},MoU`);
    upload(csv(`Institution,Partner,Type\n${rows.join('\n')}\n`, 'many.csv'));
    fireEvent.click(await screen.findByRole('button', { name: 'Check rows' }));
    expect(screen.getByRole('progressbar', { name: 'Checking the rows' })).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Checking the rows…' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    expect(await screen.findByRole('button', { name: 'Import 3,000 valid rows' })).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('status').textContent).toMatch(
      /3,000 rows of 3,000 can be imported\. They link 6,000 institutions\./,
    );
  });

  it('counts every problem while listing the first 200', async () => {
    openDialog();
    const bad = Array.from({ length: 250 }, (_, i) => `University ${i},`);
    upload(csv(`Institution,Partner\nA,B\n${bad.join('\n')}\n`, 'gaps.csv'));
    fireEvent.click(await screen.findByRole('button', { name: 'Check rows' }));
    expect(await screen.findByRole('heading', { name: '250 problems' })).toBeTruthy();
    const list = screen.getByTestId('import-problems');
    expect(list.querySelectorAll('li')).toHaveLength(201);
    expect(list.textContent).toContain('…and 50 more not listed.');
    expect(list.textContent).toContain('gaps.csv, row 3, column “Partner”');
  });

  it('closes on Cancel', () => {
    const onClose = vi.fn();
    render(
      <ImportDialog open onClose={onClose} currentGraph={null} onImported={() => undefined} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalled();
  });
});

describe('DatasetList', () => {
  const graph: GraphData = {
    data: { title: 'T', description: '', sources: [] },
    elements: { nodes: [], edges: [] },
  };

  it('lists the bundled graph and stored datasets; renames inline and deletes after a confirmation', async () => {
    const saved = await saveDataset({ name: 'Mine', graph, origin: 'Imported from a.csv' });
    if (!saved.ok) throw new Error(saved.error);
    const onOpen = vi.fn();
    render(<DatasetList currentId={null} onOpen={onOpen} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open “Mine”' }));
    expect(onOpen).toHaveBeenCalledWith(saved.value);
    fireEvent.click(screen.getByRole('button', { name: 'Open the bundled graph' }));
    expect(onOpen).toHaveBeenCalledWith(null);

    fireEvent.click(screen.getByRole('button', { name: 'Rename “Mine”' }));
    fireEvent.change(screen.getByLabelText('New name for “Mine”'), { target: { value: 'Ours' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    expect(await screen.findByRole('button', { name: 'Open “Ours”' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Delete “Ours”' }));
    const confirm = screen.getByRole('group', { name: 'Confirm deleting “Ours”' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(screen.getByRole('button', { name: 'Open “Ours”' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete “Ours”' }));
    fireEvent.click(
      within(screen.getByRole('group', { name: 'Confirm deleting “Ours”' })).getByRole('button', {
        name: 'Delete',
      }),
    );
    expect(await screen.findByText(/No datasets kept yet/)).toBeTruthy();
  });

  it('shows a storage error instead of the list', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error -- simulating a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
      render(<DatasetList currentId={null} onOpen={() => undefined} />);
      expect((await screen.findByRole('alert')).textContent).toMatch(/private window/);
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});

describe('ImportDialog inside a page that opens dropped files', () => {
  it('keeps files dropped on the dialog away from the page', async () => {
    const pageDrop = vi.fn();
    render(
      <div onDrop={pageDrop}>
        <ImportDialog
          open
          onClose={() => undefined}
          currentGraph={null}
          onImported={() => undefined}
        />
      </div>,
    );
    const file = csv('Institution,Partner\nA,B\n', 'dropped.csv');
    fireEvent.drop(screen.getByText(/drop files here/i), { dataTransfer: { files: [file] } });
    expect(await screen.findByRole('table', { name: /rows of dropped\.csv/ })).toBeTruthy();
    fireEvent.drop(screen.getByRole('heading', { name: /match the columns/i }), {
      dataTransfer: { files: [file] },
    });
    expect(pageDrop).not.toHaveBeenCalled();
  });
});

describe('ImportDialog with files given by the page', () => {
  it('reads initial files at once, also under StrictMode', async () => {
    const file = csv('Institution,Partner\nA,B\n', 'given.csv');
    render(
      <StrictMode>
        <ImportDialog
          open
          onClose={() => undefined}
          currentGraph={null}
          onImported={() => undefined}
          initialFiles={[file]}
        />
      </StrictMode>,
    );
    expect(await screen.findByRole('table', { name: /rows of given\.csv/ })).toBeTruthy();
  });
});

describe('ImportDialog with a worker', () => {
  /** A worker stand-in: an ImportService answering later, as a worker would. */
  class InlineWorker {
    static last: InlineWorker | null = null;
    onmessage: ((event: { data: ImportReply }) => void) | null = null;
    onerror: (() => void) | null = null;
    terminated = false;
    private readonly service = new ImportService((data) =>
      this.later(() => this.onmessage?.({ data })),
    );
    constructor() {
      InlineWorker.last = this;
      this.later(() => this.onmessage?.({ data: { kind: 'ready' } }));
    }
    postMessage(request: ImportRequest) {
      this.later(() => void this.service.handle(request));
    }
    terminate() {
      this.terminated = true;
    }
    private later(fn: () => void) {
      setTimeout(() => {
        if (!this.terminated) fn();
      }, 0);
    }
  }

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads through the worker, and stops it when the dialog closes', async () => {
    vi.stubGlobal('Worker', InlineWorker);
    const view = render(
      <ImportDialog
        open
        onClose={() => undefined}
        currentGraph={null}
        onImported={() => undefined}
      />,
    );
    upload(csv('Institution,Partner\nA,B\n', 'w.csv'));
    expect(await screen.findByRole('table', { name: /rows of w\.csv/ })).toBeTruthy();
    const worker = InlineWorker.last;
    expect(worker?.terminated).toBe(false);
    view.rerender(
      <ImportDialog
        open={false}
        onClose={() => undefined}
        currentGraph={null}
        onImported={() => undefined}
      />,
    );
    expect(worker?.terminated).toBe(true);
  });

  it('stops the worker of files chosen before when other files are chosen', async () => {
    vi.stubGlobal('Worker', InlineWorker);
    openDialog();
    upload(csv('Institution,Partner\nA,B\n', 'first.csv'));
    expect(await screen.findByRole('table', { name: /rows of first\.csv/ })).toBeTruthy();
    const first = InlineWorker.last;
    fireEvent.click(screen.getByRole('button', { name: 'Choose other files' }));
    upload(csv('Institution,Partner\nC,D\n', 'second.csv'));
    expect(await screen.findByRole('table', { name: /rows of second\.csv/ })).toBeTruthy();
    expect(first?.terminated).toBe(true);
    expect(InlineWorker.last).not.toBe(first);
    expect(InlineWorker.last?.terminated).toBe(false);
  });
});
