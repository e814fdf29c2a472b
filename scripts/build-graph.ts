// npm run build:graph — turns data/*.csv and seeds/*.txt into data/graph.json.
// npm run check:graph — rebuilds in memory and fails if data/graph.json differs.
// Every problem stops the build with the file, row and field that hold it.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../src/data/csv';
import { tablesToGraph } from '../src/data/tables';
import { formatProblem, type GraphData } from '../src/model';
import { forceLayout } from './layout';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (p: string) => readFileSync(isAbsolute(p) ? p : `${root}/${p}`, 'utf8');

export const GRAPH_META = {
  title: 'Partnership Atlas: international partnerships of five Chinese universities',
  description:
    'Institutions and agreements stated in five texts on the international partnerships of the Eastern Institute of Technology (Ningbo) and its predecessor EIAS, Xi’an Jiaotong University and the University Alliance of the New Silk Road, Shanghai Polytechnic University and Nanjing Institute of Technology. Every link cites the sentence that states it.',
};

export function buildGraph(dataDir = 'data', seedsDir = 'seeds'): GraphData {
  const texts = new Map<string, string>();
  const seedsPath = isAbsolute(seedsDir) ? seedsDir : `${root}/${seedsDir}`;
  for (const f of readdirSync(seedsPath)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    texts.set(f, read(`${seedsDir}/${f}`));
  }
  const table = (name: string) => parseCsv(read(`${dataDir}/${name}`), `${dataDir}/${name}`);
  const { graph, problems } = tablesToGraph({
    sources: table('sources.csv'),
    institutions: table('institutions.csv'),
    agreements: table('agreements.csv'),
    places: table('places.csv'),
    texts,
    meta: GRAPH_META,
  });
  if (!graph) {
    throw new BuildError(problems.map(formatProblem));
  }
  const positions = forceLayout(graph);
  for (const n of graph.elements.nodes) {
    const p = positions.get(n.data.id);
    if (p) n.position = p;
  }
  return graph;
}

export class BuildError extends Error {
  constructor(readonly lines: string[]) {
    super(`The graph could not be built:\n${lines.map((l) => `  ${l}`).join('\n')}`);
  }
}

export function serialiseGraph(graph: GraphData): string {
  return `${JSON.stringify(graph, null, 1)}\n`;
}

function main(): void {
  const args = process.argv.slice(2);
  const dataDir = args.find((a) => a.startsWith('--data='))?.slice(7) ?? 'data';
  const seedsDir = args.find((a) => a.startsWith('--seeds='))?.slice(8) ?? 'seeds';
  let json: string;
  try {
    json = serialiseGraph(buildGraph(dataDir, seedsDir));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
  const out = `${isAbsolute(dataDir) ? dataDir : `${root}/${dataDir}`}/graph.json`;
  if (args.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(out, 'utf8');
    } catch {
      // A missing file is reported as stale below.
    }
    if (current !== json) {
      console.error(`${dataDir}/graph.json is stale: run npm run build:graph and commit it.`);
      process.exit(1);
    }
    console.log(`${dataDir}/graph.json is up to date.`);
    return;
  }
  writeFileSync(out, json);
  const g = JSON.parse(json) as GraphData;
  console.log(
    `Wrote ${dataDir}/graph.json: ${g.elements.nodes.length} institutions, ${g.elements.edges.length} agreements, ${g.data.sources.length} sources.`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
