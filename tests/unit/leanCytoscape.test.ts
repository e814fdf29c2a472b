// The build's lean Cytoscape: the installed release, rewritten as the build rewrites it, still
// does what the explorer asks of it, and no longer carries the algorithms it never calls.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DROPPED_ALGORITHMS, leanCytoscapeCode } from '../../scripts/leanCytoscape';

// The file the build bundles: the package's "import" export.
const esmFile = fileURLToPath(
  new URL('../../node_modules/cytoscape/dist/cytoscape.esm.mjs', import.meta.url),
);
const original = readFileSync(esmFile, 'utf8');

type Cy = {
  add(els: unknown): void;
  elements(): Record<string, unknown> & {
    components(): { length: number }[];
    bfs(o: unknown): unknown;
  };
  nodes(): { length: number; position(): { x: number; y: number } }[] & {
    first(): { position(): { x: number; y: number } };
  };
  layout(o: unknown): { run(): void };
  destroy(): void;
};
type Cytoscape = (options: Record<string, unknown>) => Cy;

let dir = '';
let lean: Cytoscape;
let full: Cytoscape;

async function load(code: string, name: string): Promise<Cytoscape> {
  const file = join(dir, name);
  writeFileSync(file, code);
  const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as {
    default: Cytoscape;
  };
  return mod.default;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lean-cy-'));
  lean = await load(leanCytoscapeCode(original), 'lean.mjs');
  full = await load(original, 'full.mjs');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const elements = [
  { data: { id: 'a' }, position: { x: 0, y: 0 } },
  { data: { id: 'b' }, position: { x: 10, y: 0 } },
  { data: { id: 'c' }, position: { x: 50, y: 50 } },
  { data: { id: 'ab', source: 'a', target: 'b' } },
];

describe('the lean Cytoscape module', () => {
  it('drops every algorithm method except breadth/depth-first search', () => {
    const cyFull = full({ headless: true, elements });
    const cyLean = lean({ headless: true, elements });
    for (const name of DROPPED_ALGORITHMS) {
      expect(typeof cyFull.elements()[name], `${name} in the full module`).toBe('function');
      expect(cyLean.elements()[name], `${name} in the lean module`).toBeUndefined();
    }
    for (const name of ['bfs', 'dfs', 'breadthFirstSearch', 'depthFirstSearch']) {
      expect(typeof cyLean.elements()[name], name).toBe('function');
    }
    cyFull.destroy();
    cyLean.destroy();
  });

  it('still finds components and runs the preset layout', () => {
    const cy = lean({ headless: true, elements });
    expect(
      cy
        .elements()
        .components()
        .map((c) => c.length),
    ).toEqual([3, 1]);
    cy.layout({
      name: 'preset',
      positions: { a: { x: 5, y: 6 }, b: { x: 7, y: 8 }, c: { x: 9, y: 1 } },
    }).run();
    expect(cy.nodes().first().position()).toEqual({ x: 5, y: 6 });
    cy.destroy();
  });

  it('is smaller than the module it came from', () => {
    expect(leanCytoscapeCode(original).length).toBeLessThan(original.length);
  });

  it('refuses code without exactly one algorithm list', () => {
    expect(() => leanCytoscapeCode('export default 1;')).toThrow(/found 0/);
    const list = original.match(/\[[^\]]*\bmarkovClustering[^\]]*\]\.forEach\(/)?.[0] ?? '';
    expect(list).not.toBe('');
    expect(() => leanCytoscapeCode(original + '\n' + list + 'function(){});')).toThrow(/found 2/);
  });

  it('refuses a list whose first module is not breadth-first search', () => {
    const reordered = original.replace(
      /\[([\w$]+), ([\w$]+),([^\]]*\bmarkovClustering)/,
      '[$2, $1,$3',
    );
    expect(reordered).not.toBe(original);
    expect(() => leanCytoscapeCode(reordered)).toThrow(/not breadth-first search/);
  });
});

describe('the lint rule that goes with it', () => {
  it('flags a call to a dropped algorithm in the app, not bfs', async () => {
    const { ESLint } = await import('eslint');
    const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });
    const code =
      "import type { Core } from 'cytoscape';\n" +
      'export const f = (cy: Core) => [cy.elements().pageRank({}), cy.elements().bfs({})];\n';
    const [result] = await eslint.lintText(code, { filePath: 'src/cy/leanProbe.ts' });
    const messages = (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax');
    expect(messages.map((m) => m.line + ':' + m.column)).toEqual(['2:33']);
    expect(messages[0]?.message).toMatch(/leaves Cytoscape's graph algorithms out/);
  }, 30_000);
});
