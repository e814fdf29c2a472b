import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import Papa from 'papaparse';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { DOMParser } from '@xmldom/xmldom';
import { validateGraph } from '../../src/data/validateGraph';
import { expect, statusCounts, test } from './fixtures';
import { expectedCounts } from './expected';

async function ready(page: Page, query = '') {
  await page.goto(`./${query}`);
  await expect(page.getByTestId('status-line')).toContainText('Showing');
}

async function download(page: Page, button: string): Promise<Download> {
  const menu = page.getByRole('region', { name: 'Export' });
  if (!(await menu.isVisible())) await page.getByRole('button', { name: 'Export ▾' }).click();
  const waiting = page.waitForEvent('download');
  await menu.getByRole('button', { name: button, exact: true }).click();
  return waiting;
}

async function text(d: Download): Promise<string> {
  const path = await d.path();
  return readFileSync(path, 'utf8');
}

function pngSize(buf: Buffer): { width: number; height: number } {
  expect(buf.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))).toBe(true);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

const QUERY = '?countries=DE,GB&years=2010-2024';

test('PNG: signature, and pixel size grows with the scale', async ({ page }) => {
  await ready(page, QUERY);
  await page.getByRole('button', { name: 'Export ▾' }).click();
  const menu = page.getByRole('region', { name: 'Export' });
  await menu.getByLabel('Draw the legend in').uncheck();
  const sizes: Record<number, { width: number; height: number }> = {};
  for (const scale of [1, 2, 4]) {
    await menu.getByLabel('Scale').selectOption(String(scale));
    const d = await download(page, 'PNG');
    expect(d.suggestedFilename()).toBe('partnerships-DE-GB-2010-2024.png');
    sizes[scale] = pngSize(readFileSync(await d.path()));
  }
  const one = sizes[1];
  if (!one) throw new Error('no 1x size');
  expect(one.width).toBeGreaterThan(100);
  expect(Math.abs((sizes[2]?.width ?? 0) - 2 * one.width)).toBeLessThanOrEqual(2);
  expect(Math.abs((sizes[4]?.height ?? 0) - 4 * one.height)).toBeLessThanOrEqual(4);
  // With title and legend drawn in, the picture is larger than the graph alone.
  await menu.getByLabel('Scale').selectOption('1');
  await menu.getByLabel('Draw the legend in').check();
  await menu.getByLabel('Title (optional)').fill('UK and German partners');
  const withLegend = pngSize(readFileSync(await (await download(page, 'PNG')).path()));
  expect(withLegend.width).toBeGreaterThan(one.width);
  expect(withLegend.height).toBeGreaterThan(one.height);
});

test('SVG: parses as XML with the node labels as text', async ({ page }) => {
  await ready(page, QUERY);
  await page.getByRole('button', { name: 'Export ▾' }).click();
  await page
    .getByRole('region', { name: 'Export' })
    .getByLabel('Title (optional)')
    .fill('A & B <test>');
  const svg = await text(await download(page, 'SVG'));
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') throw new Error(msg);
    },
  }).parseFromString(svg, 'image/svg+xml');
  const texts = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent ?? '');
  const all = texts.join('\n');
  expect(all).toContain('University of Warwick');
  expect(all).toContain('A & B <test>');
  expect(all).toContain('Line: cooperation type');
});

test('JSON: valid for the app, same counts as the status line, loads back with its filters', async ({
  page,
}) => {
  await ready(page, QUERY);
  const status = await statusCounts(page);
  const d = await download(page, 'JSON');
  expect(d.suggestedFilename()).toBe('partnerships-DE-GB-2010-2024.json');
  const raw = await text(d);
  const { graph, problems } = validateGraph(JSON.parse(raw));
  expect(problems).toEqual([]);
  expect(graph?.elements.nodes.length).toBe(status.shown);
  expect(graph?.elements.edges.length).toBe(status.shownEdges);
  expect(graph?.elements.nodes.every((n) => n.position)).toBe(true);
  expect(graph?.data.view).toContain('countries=DE,GB');
  // Load it back through "Open graph file": the same network and filters.
  await page.goto('./');
  await page.getByLabel('Open graph file').setInputFiles(await d.path());
  await expect(page.getByTestId('status-line')).toContainText(
    `Showing ${status.shown} of ${status.shown} institutions · ${status.shownEdges} of ${status.shownEdges} agreements`,
  );
  await expect(page).toHaveURL(/countries=DE,GB/);
});

test('CSV: two tables in Gephi convention, read back with PapaParse', async ({ page }) => {
  await ready(page, QUERY);
  const want = expectedCounts({ countries: ['DE', 'GB'], years: [2010, 2024] });
  const menu = page.getByRole('region', { name: 'Export' });
  await page.getByRole('button', { name: 'Export ▾' }).click();
  const files: Download[] = [];
  page.on('download', (d) => files.push(d));
  await menu.getByRole('button', { name: 'CSV', exact: true }).click();
  await expect.poll(() => files.length).toBe(2);
  const byName = new Map(files.map((f) => [f.suggestedFilename(), f]));
  const nodesFile = byName.get('partnerships-DE-GB-2010-2024-institutions.csv');
  const edgesFile = byName.get('partnerships-DE-GB-2010-2024-agreements.csv');
  if (!nodesFile || !edgesFile)
    throw new Error(`unexpected names: ${[...byName.keys()].join(', ')}`);
  const nodes = Papa.parse<Record<string, string>>(await text(nodesFile), {
    header: true,
    skipEmptyLines: true,
  });
  const edges = Papa.parse<Record<string, string>>(await text(edgesFile), {
    header: true,
    skipEmptyLines: true,
  });
  expect(nodes.errors).toEqual([]);
  expect(nodes.data).toHaveLength(want.shown);
  expect(edges.data).toHaveLength(want.shownEdges);
  expect(nodes.meta.fields?.slice(0, 2)).toEqual(['Id', 'Label']);
  expect(edges.meta.fields?.slice(0, 3)).toEqual(['Source', 'Target', 'Type']);
  expect(edges.data.find((r) => r.Target === 'warwick')?.['Evidence quote']).toContain(
    'University of Warwick concerning a potential collaborative project',
  );
});

test('GEXF and GraphML: read by graphology with the same counts and typed attributes', async ({
  page,
}) => {
  await ready(page, QUERY);
  const want = expectedCounts({ countries: ['DE', 'GB'], years: [2010, 2024] });
  const gexf = parseGexf(Graph, await text(await download(page, 'GEXF')));
  expect(gexf.order).toBe(want.shown);
  expect(gexf.size).toBe(want.shownEdges);
  expect(gexf.getNodeAttribute('warwick', 'country')).toBe('GB');
  expect(typeof gexf.getNodeAttribute('warwick', 'lat')).toBe('number');
  const graphml = parseGraphml(Graph, await text(await download(page, 'GraphML')));
  expect(graphml.order).toBe(want.shown);
  expect(graphml.size).toBe(want.shownEdges);
  expect(graphml.getNodeAttribute('strathclyde', 'label')).toBe('University of Strathclyde');
  const years = graphml
    .mapEdges((_e, a: Record<string, unknown>) => a.year)
    .filter((y) => y !== undefined);
  expect(years).toContain(2024);
  expect(years.every((y) => typeof y === 'number')).toBe(true);
});
