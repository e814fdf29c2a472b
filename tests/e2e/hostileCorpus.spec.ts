// The hostile-input corpus (tests/fixtures/hostile/corpus.ts) in the page: every graph file
// through graph=, Open… and the import dialog, every CSV table through the import dialog. Each
// shows its message, runs nothing (the shared fixture also fails on dialogs, page errors and
// CSP violations), changes no prototype, and leaves a page that still works.
import type { Locator, Page } from '@playwright/test';
import {
  CSV_CASES,
  GRAPH_CASES,
  PAYLOAD_GLOBAL,
  type CsvCase,
  type ExpectedProblem,
  type ExpectedRowProblem,
  type GraphCase,
} from '../fixtures/hostile/corpus';
import { parseGraphBytes } from '../../src/data/loadGraph';
import { applyFilters, DEFAULT_FILTERS } from '../../src/filters/applyFilters';
import { countryName, type GraphData } from '../../src/model';
import { expect, statusCounts, test } from './fixtures';
import { seedGraph } from './expected';

/** Same-origin path the corpus is served from by page.route: nothing is added to the build. */
const SERVED = 'hostile-corpus/';
const byName = new Map(GRAPH_CASES.map((c) => [c.name, c]));
const bundled = seedGraph();
const BUNDLED = {
  total: bundled.elements.nodes.length,
  totalEdges: bundled.elements.edges.length,
};

async function serveCorpus(page: Page): Promise<void> {
  await page.route(`**/${SERVED}**`, (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop() ?? '');
    const c = byName.get(name);
    if (!c) return route.fulfill({ status: 404, body: 'not in the corpus' });
    return route.fulfill({ contentType: 'application/json', body: Buffer.from(c.bytes()) });
  });
}

// ── What the page must show ────────────────────────────────────────────────────────────────────

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const source = (m: string | RegExp) => (typeof m === 'string' ? escape(m) : m.source);

/** A problem as ProblemList shows it: "file, field "f", path: message". */
function problemLine(file: string, p: ExpectedProblem): RegExp {
  const where =
    p.path === undefined ? escape(file) : `${escape(file)}(, field "[^"]*")?, ${escape(p.path)}`;
  return new RegExp(`^${where}: ${source(p.message)}$`);
}

async function expectLines(items: Locator, lines: RegExp[]): Promise<void> {
  await expect(items).toHaveCount(lines.length);
  const texts = await items.allTextContents();
  lines.forEach((line, i) => expect(texts[i]).toMatch(line));
}

/** No payload ran, no prototype changed, no markup from the data became elements. */
async function expectNothingRan(page: Page): Promise<void> {
  const state = await page.evaluate((flag) => {
    const probe = {} as Record<string, unknown>;
    return {
      flag: typeof (window as unknown as Record<string, unknown>)[flag],
      polluted: typeof probe.polluted,
      proto: Object.getPrototypeOf(probe) === Object.prototype,
      protoKeys: Object.getOwnPropertyNames(Object.prototype).filter((k) => k === 'polluted'),
      arrayPolluted: typeof ([] as unknown as Record<string, unknown>).polluted,
    };
  }, PAYLOAD_GLOBAL);
  expect(state).toEqual({
    flag: 'undefined',
    polluted: 'undefined',
    proto: true,
    protoKeys: [],
    arrayPolluted: 'undefined',
  });
  await expect(page.locator('img[src="x"], svg[onload], [onerror], script:not([src])')).toHaveCount(
    0,
  );
}

/**
 * The page still works: checking a country filters the graph to exactly what applyFilters
 * defines for it (ids such as `__proto__` included), and unchecking shows everything again.
 */
async function expectFiltersWork(page: Page, graph: GraphData): Promise<void> {
  const before = await statusCounts(page);
  const code = graph.elements.nodes.find((n) => n.data.country !== null)?.data.country;
  if (!code) throw new Error('the graph has no country to filter by');
  const want = applyFilters(graph, { ...DEFAULT_FILTERS, countries: [code] });
  const box = page.getByRole('list', { name: 'Countries' }).getByLabel(countryName(code));
  await box.check();
  await expect
    .poll(async () => {
      const n = await statusCounts(page);
      return [n.shown, n.shownEdges];
    })
    .toEqual([want.nodes.size, want.edges.size]);
  await box.uncheck();
  expect(await statusCounts(page)).toEqual(before);
}

/** The graph a loading case holds, as the validator returns it. */
function graphOf(c: GraphCase): GraphData {
  const { graph } = parseGraphBytes(c.bytes(), c.name);
  if (!graph) throw new Error(`${c.name} does not load`);
  return graph;
}

async function expectLoaded(page: Page, c: GraphCase): Promise<void> {
  if (!('loads' in c.outcome)) throw new Error(`${c.name} is refused`);
  const want = c.outcome.loads;
  await expect
    .poll(async () => {
      const n = await statusCounts(page);
      return [n.total, n.totalEdges];
    })
    .toEqual([want.institutions, want.agreements]);
  if (want.label !== undefined) {
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await expect(page.locator('table').first().getByText(want.label, { exact: true })).toHaveCount(
      1,
    );
    await page.getByRole('button', { name: 'Network', exact: true }).click();
  }
}

const routed = (route: GraphCase['routes'][number]) =>
  GRAPH_CASES.filter((c) => c.routes.includes(route));

// ── graph= ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Loads a case through graph= and checks what it must show; after a refusal, takes the way back
 * to the bundled graph. Returns the graph then shown, for a filter check.
 */
async function throughGraphUrl(page: Page, c: GraphCase): Promise<GraphData> {
  const file = `${SERVED}${c.name}`;
  const start = Date.now();
  await page.goto(`./?graph=${encodeURIComponent(file)}`);
  if ('loads' in c.outcome) {
    await expectLoaded(page, c);
    await expectNothingRan(page);
    return graphOf(c);
  }
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText(`The graph “${file}” could not be loaded`);
  await expectLines(
    alert.locator('li'),
    c.outcome.refused.map((p) => problemLine(file, p)),
  );
  if (c.big) {
    const ms = Date.now() - start;
    test.info().annotations.push({ type: 'time to message', description: `${ms} ms` });
    console.log(`[hostile corpus] graph=${c.name}: message after ${ms} ms`);
    expect(ms).toBeLessThan(8_000);
  }
  await expect(page.getByTestId('status-line')).toContainText('No graph loaded');
  await expectNothingRan(page);
  // The way back: the bundled graph, counted in full.
  await alert.getByRole('button', { name: 'Open the bundled graph instead' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await statusCounts(page)).toMatchObject(BUNDLED);
  await expect(page).not.toHaveURL(/graph=/);
  return bundled;
}

const isWrongType = (c: GraphCase) => c.name.startsWith('wrong-type-');

test.describe('graph= with each hostile graph file', () => {
  for (const c of routed('graph-url').filter((g) => !isWrongType(g))) {
    test(`${c.name}: ${c.what}`, async ({ page }) => {
      await serveCorpus(page);
      await expectFiltersWork(page, await throughGraphUrl(page, c));
    });
  }
  // The generated wrong-type files, one page per part of the graph they break.
  const parts = ['data', 'elements.nodes', 'elements.edges'] as const;
  const partOf = (c: GraphCase) =>
    parts.findLast((p) => c.name.startsWith(`wrong-type-${p}`)) ?? 'data';
  for (const part of parts) {
    test(`wrong types in ${part === 'data' ? 'the top level and sources' : part}`, async ({
      page,
    }) => {
      await serveCorpus(page);
      let shown = bundled;
      for (const c of routed('graph-url').filter((g) => isWrongType(g) && partOf(g) === part)) {
        await test.step(c.what, async () => {
          shown = await throughGraphUrl(page, c);
        });
      }
      await expectFiltersWork(page, shown);
    });
  }
});

test('graph= refuses every scheme but http(s), whatever its spelling, and runs nothing', async ({
  page,
}) => {
  const refused: [string, string][] = [
    [`javascript:window.${PAYLOAD_GLOBAL}=1`, 'javascript'],
    [`  JaVaScRiPt:window.${PAYLOAD_GLOBAL}=1`, 'javascript'],
    [`java\tscript:window.${PAYLOAD_GLOBAL}=1`, 'javascript'],
    ['data:application/json,{"elements":{"nodes":[],"edges":[]}}', 'data'],
    [`data:text/html,<script>window.${PAYLOAD_GLOBAL}=1</script>`, 'data'],
    ['file:///etc/passwd', 'file'],
    ['blob:http://127.0.0.1/0b3f7c1e-0000-4000-8000-000000000000', 'blob'],
    ['ftp://example.org/graph.json', 'ftp'],
    [`vbscript:msgbox(1)`, 'vbscript'],
  ];
  for (const [url, scheme] of refused) {
    await test.step(url, async () => {
      await page.goto(`./?graph=${encodeURIComponent(url)}`);
      const alert = page.getByRole('alert');
      await expectLines(alert.locator('li'), [
        new RegExp(
          `^${escape(url)}: ${escape(`Only http and https addresses can be loaded, not "${scheme}:".`)}$`,
        ),
      ]);
      await expectNothingRan(page);
    });
  }
  await page
    .getByRole('alert')
    .getByRole('button', { name: 'Open the bundled graph instead' })
    .click();
  expect(await statusCounts(page)).toMatchObject(BUNDLED);
});

// ── Open… ──────────────────────────────────────────────────────────────────────────────────────

async function openFile(page: Page, c: GraphCase): Promise<void> {
  await page.getByLabel('Open graph file').setInputFiles({
    name: c.name,
    mimeType: 'application/json',
    buffer: Buffer.from(c.bytes()),
  });
}

test('Open… with each hostile graph file: its message, and the view stays as it was', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('./');
  expect(await statusCounts(page)).toMatchObject(BUNDLED);
  // A filtered view, so "in place" means more than "some graph is shown".
  const box = page.getByRole('list', { name: 'Countries' }).getByRole('checkbox').first();
  await box.check();
  let view = await statusCounts(page);
  let url = page.url();
  let shown = bundled;
  for (const c of routed('open-file')) {
    await test.step(c.name, async () => {
      await openFile(page, c);
      if ('loads' in c.outcome) {
        await expectLoaded(page, c);
        view = await statusCounts(page);
        url = page.url();
        shown = graphOf(c);
      } else {
        const alert = page.getByRole('alert');
        await expect(alert.getByRole('heading')).toHaveText(
          `The graph “${c.name}” could not be loaded`,
        );
        await expectLines(
          alert.locator('li'),
          c.outcome.refused.map((p) => problemLine(c.name, p)),
        );
        await expect(alert).toContainText('The graph shown before is still open.');
        expect(await statusCounts(page)).toEqual(view);
        expect(page.url()).toBe(url);
      }
      await expectNothingRan(page);
    });
  }
  await expectFiltersWork(page, shown);
});

// ── The import dialog ──────────────────────────────────────────────────────────────────────────

async function openImport(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Data ▾' }).click();
  await page.getByRole('button', { name: 'Import data…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

async function chooseFile(dialog: Locator, name: string, bytes: Uint8Array, mimeType: string) {
  await dialog
    .locator('input[type=file]')
    .first()
    .setInputFiles({ name, mimeType, buffer: Buffer.from(bytes) });
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

test('the import dialog with each hostile graph file', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  const dialog = await openImport(page);
  for (const c of routed('import-dialog')) {
    await test.step(c.name, async () => {
      await chooseFile(dialog, c.name, c.bytes(), 'application/json');
      if ('loads' in c.outcome) {
        const { institutions, agreements } = c.outcome.loads;
        await expect(dialog.getByRole('status').first()).toHaveText(
          `${c.name} is a valid graph with ${plural(institutions, 'institution', 'institutions')} and ${plural(agreements, 'agreement', 'agreements')}.`,
        );
        await dialog.getByRole('button', { name: 'Choose another file' }).click();
      } else {
        const problems = dialog.getByRole('alert').locator('li');
        await expect(problems.first()).toContainText(c.name);
        await expectLines(
          problems,
          c.outcome.refused.map((p) => problemLine(c.name, p)),
        );
      }
      await expectNothingRan(page);
    });
  }
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await statusCounts(page)).toMatchObject(BUNDLED);
  await expectFiltersWork(page, bundled);
});

/** A row problem as the check step lists it: "Note:" for warnings, the repair after errors. */
function rowLine(file: string, p: ExpectedRowProblem): RegExp {
  const column = p.column === undefined ? '' : `, column “${escape(p.column)}”`;
  const note = p.level === 'warning' ? 'Note:' : '';
  const repair = p.repair === undefined ? '' : escape(`If imported anyway, ${p.repair}.`);
  return new RegExp(
    `^${note}${escape(file)}, row ${p.row}${column}: ${source(p.message)}${repair}$`,
  );
}

/** A problem of an unreadable file as the file step lists it (ProblemList). */
function fileLine(file: string, p: ExpectedRowProblem): RegExp {
  const field = p.column === undefined ? '' : `, field "${escape(p.column)}"`;
  return new RegExp(`^${escape(file)}, row ${p.row}${field}: ${source(p.message)}$`);
}

async function checkCsv(dialog: Locator, c: CsvCase): Promise<void> {
  await chooseFile(dialog, c.file, c.bytes(), 'text/csv');
  if ('unreadable' in c.outcome) {
    const problems = dialog.getByRole('alert').locator('li');
    await expect(problems.first()).toContainText(c.file);
    await expectLines(
      problems,
      c.outcome.unreadable.map((p) => fileLine(c.file, p)),
    );
    return;
  }
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(
    'Import data · 2 of 3: match the columns',
  );
  await expect(dialog).toContainText(c.file);
  for (const [role, header] of Object.entries(c.mapping ?? {})) {
    const label = { source: 'Institution', target: 'Partner', cooperation: 'Cooperation type' }[
      role as 'source' | 'target' | 'cooperation'
    ];
    await dialog.getByLabel(label, { exact: true }).selectOption({ label: header });
  }
  await dialog.getByRole('button', { name: 'Check rows' }).click();
  const want = c.outcome.checked;
  await expect(dialog.getByRole('status').first()).toContainText(
    `${plural(want.validRows, 'row', 'rows')} of ${want.totalRows} can be imported`,
  );
  const lines = want.problems.map((p) => rowLine(c.file, p));
  if (lines.length > 0)
    await expectLines(dialog.getByTestId('import-problems').locator('li'), lines);
  else await expect(dialog.getByTestId('import-problems')).toHaveCount(0);
  const importButton = dialog.getByRole('button', { name: /^Import \d+ valid rows?$/ });
  if (want.validRows === 0) await expect(importButton).toBeDisabled();
  else
    await expect(importButton).toHaveText(
      `Import ${plural(want.validRows, 'valid row', 'valid rows')}`,
    );
  await dialog.getByRole('button', { name: 'Back to fix the mapping' }).click();
  await dialog.getByRole('button', { name: 'Choose other files' }).click();
}

test('the import dialog with each hostile CSV table names rows and columns', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  const dialog = await openImport(page);
  for (const c of CSV_CASES) {
    await test.step(c.name, async () => {
      await checkCsv(dialog, c);
      await expectNothingRan(page);
    });
  }
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await statusCounts(page)).toMatchObject(BUNDLED);
  await expectFiltersWork(page, bundled);
});

// ── Stored datasets ────────────────────────────────────────────────────────────────────────────

test('failed imports leave the stored datasets as they were, across a reload', async ({ page }) => {
  const xss = CSV_CASES.find((c) => c.name === 'csv-xss.csv');
  const truncated = byName.get('truncated.invalid.json');
  const empty = CSV_CASES.find((c) => c.name === 'csv-empty.csv');
  const noColumns = CSV_CASES.find((c) => c.name === 'csv-prototype-headers.csv');
  if (!xss || !truncated || !empty || !noColumns) throw new Error('corpus cases missing');
  await page.goto('./');

  // One good import: the payload table, kept as a dataset.
  let dialog = await openImport(page);
  await chooseFile(dialog, xss.file, xss.bytes(), 'text/csv');
  await dialog.getByRole('button', { name: 'Check rows' }).click();
  await dialog.getByLabel('Named').fill('Payloads');
  await dialog.getByRole('button', { name: 'Import 2 valid rows' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/dataset=/);
  const stored = await statusCounts(page);
  expect([stored.total, stored.totalEdges]).toEqual([4, 2]);
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await expect(page.locator('table').first()).toContainText(
    '<img src=x onerror="window.__pwned=1">',
  );
  await expectNothingRan(page);
  const datasetUrl = page.url();

  // Failing imports: a broken graph file, an empty table, a table with no usable column.
  dialog = await openImport(page);
  await chooseFile(dialog, truncated.name, truncated.bytes(), 'application/json');
  await expect(dialog.getByRole('alert')).toContainText('the file ends inside a text value');
  await chooseFile(dialog, empty.file, empty.bytes(), 'text/csv');
  await expect(dialog.getByRole('alert')).toContainText('The file is empty.');
  await chooseFile(dialog, noColumns.file, noColumns.bytes(), 'text/csv');
  await dialog.getByRole('button', { name: 'Check rows' }).click();
  await expect(dialog.getByRole('button', { name: /^Import 0 valid rows$/ })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  // A failed Open… on top: the dataset stays in view.
  await openFile(page, truncated);
  await expect(page.getByRole('alert')).toContainText('could not be loaded');
  expect(await statusCounts(page)).toEqual(stored);
  expect(page.url()).toBe(datasetUrl);

  /** The Data menu's entries: the bundled graph and the one stored dataset, with their counts. */
  const listed = async () => {
    await page.getByRole('button', { name: 'Data ▾' }).click();
    const entries = page.getByRole('region', { name: 'Datasets' }).locator('li');
    await expect(entries).toHaveCount(2);
    const texts = await entries.allTextContents();
    await page.getByRole('button', { name: 'Data ▾' }).click();
    return texts;
  };
  const before = await listed();
  expect(before[1]).toMatch(/^PayloadsOpen nowRenameDelete4 institutions, 2 agreements · /);
  await page.reload();
  expect(await statusCounts(page)).toEqual(stored);
  expect(await listed()).toEqual(before);
  await expectNothingRan(page);
  await page.getByRole('button', { name: 'Data ▾' }).click();
  await page.getByRole('button', { name: 'Open the bundled graph' }).click();
  await expect.poll(async () => (await statusCounts(page)).total).toBe(BUNDLED.total);
  await expectFiltersWork(page, bundled);
});
