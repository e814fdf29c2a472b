// The shipped graph: valid, complete where the issue names facts, and sourced sentence by sentence.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateGraph } from '../../src/data';
import type { GraphData } from '../../src/model';
import { buildCountryFiles, COUNTRY_TABLE_PATH } from '../../scripts/countryTable';

const raw: unknown = JSON.parse(readFileSync('data/graph.json', 'utf8'));
const { graph, problems } = validateGraph(raw, { file: 'data/graph.json' });

function g(): GraphData {
  if (!graph) throw new Error(problems.map((p) => p.message).join('\n'));
  return graph;
}
const node = (id: string) => g().elements.nodes.find((n) => n.data.id === id)?.data;
const edgesOf = (id: string) =>
  g()
    .elements.edges.filter((e) => e.data.source === id || e.data.target === id)
    .map((e) => e.data);

describe('data/graph.json', () => {
  it('passes the validator', () => {
    expect(problems).toEqual([]);
  });

  it('has positions for every institution', () => {
    expect(g().elements.nodes.every((n) => n.position !== undefined)).toBe(true);
  });

  it('every agreement cites a sentence found verbatim in its source file under seeds/', () => {
    const files = new Map(g().data.sources.map((s) => [s.id, s.file]));
    for (const e of g().elements.edges) {
      expect(e.data.evidence.length).toBeGreaterThan(0);
      for (const ev of e.data.evidence) {
        const file = files.get(ev.source ?? '');
        expect(file, e.data.id).toBeDefined();
        expect(readFileSync(`seeds/${file}`, 'utf8')).toContain(ev.quote);
      }
    }
  });

  it('has one node for the Hong Kong Polytechnic University, linked from all three mentions', () => {
    const polyu = g().elements.nodes.filter((n) => /Hong Kong Polytechnic/.test(n.data.label));
    expect(polyu).toHaveLength(1);
    expect(node('polyu')).toMatchObject({ country: 'HK', type: 'university' });
    const kinds = edgesOf('polyu').map((e) => `${e.cooperation}:${e.evidence[0]?.source}`);
    expect(kinds.sort()).toEqual([
      'alliance-membership:xjtu-uansr-2015',
      'joint-programme:eit-partnerships',
      'strategic-cooperation:eit-partnerships',
    ]);
  });

  it('names well over twenty partners of XJTU and its alliance', () => {
    const xjtuWorld = new Set<string>();
    for (const e of [...edgesOf('xjtu'), ...edgesOf('uansr'), ...edgesOf('xjtu-som-suballiance')]) {
      xjtuWorld.add(e.source).add(e.target);
    }
    expect(xjtuWorld.size).toBeGreaterThan(25);
  });

  it('dates what the texts date and leaves the rest empty', () => {
    const byId = new Map(g().elements.edges.map((e) => [e.data.id, e.data]));
    // "On May 23" in a text dated 2015-05-25.
    expect(byId.get('xjtu-polimi-agreement-2015')?.date).toBe('2015-05-23');
    // "On October 9" in a text dated 2022-10-10.
    expect(byId.get('eias-unesco-ichei-strategic')?.date).toBe('2022-10-09');
    expect(byId.get('eit-unesco-ichei-strategic')?.date).toBe('2022-10');
    // "since 2007".
    expect(byId.get('njit-northumbria-ee-programme')?.year).toBe(2007);
    // "Earlier last week" in a text of Wednesday 2024-04-03.
    expect(byId.get('sspu-tudublin-2024')?.date).toBe('2024-03');
    // The EIT list of strategic agreements states no date.
    expect(byId.get('eit-tianjin-university-strategic')?.date).toBeNull();
  });

  it('records a three-party agreement as one edge per pair sharing an agreement id', () => {
    const tri = g().elements.edges.filter((e) => e.data.agreement === 'xjtu-pnu-lge-2015');
    expect(tri.map((e) => [e.data.source, e.data.target].sort().join('+')).sort()).toEqual([
      'lge+pnu',
      'lge+xjtu',
      'pnu+xjtu',
    ]);
  });

  it('registers the five sources with their dates, and the damaged first letter', () => {
    const s = new Map(g().data.sources.map((x) => [x.id, x]));
    expect(s.size).toBe(5);
    expect(s.get('xjtu-uansr-2015')?.date).toBe('2015-05-25');
    expect(s.get('sspu-2024')?.date).toBe('2024-04-03');
    expect(s.get('eias-ichei-2022')?.date).toBe('2022-10-10');
    expect(s.get('njit-international')?.note).toMatch(/anjing Institute of Technology/);
  });
});

describe('seeds/', () => {
  const shared = '../shared/seeds';
  it.skipIf(!existsSync(shared))('holds the shared source texts byte for byte', () => {
    const names = readdirSync(shared).sort();
    expect(readdirSync('seeds').sort()).toEqual(names);
    for (const n of names) {
      expect(readFileSync(`seeds/${n}`).equals(readFileSync(`${shared}/${n}`)), n).toBe(true);
    }
  });
});

describe(COUNTRY_TABLE_PATH, () => {
  it('and the other names are generated from the country library as it is installed', () => {
    for (const [path, fresh] of Object.entries(buildCountryFiles())) {
      expect(readFileSync(path, 'utf8'), path).toBe(fresh);
    }
  });
});
