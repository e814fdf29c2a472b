import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/csv';
import { tablesToGraph, type CuratedTables } from '../../src/data/tables';
import { formatProblem } from '../../src/model';

const dir = 'tests/fixtures/tables/good';
type Name = 'sources' | 'institutions' | 'agreements' | 'places';

function load(edit?: { file: Name; from: string; to: string }): CuratedTables {
  const text = (name: Name) => {
    const t = readFileSync(`${dir}/${name}.csv`, 'utf8');
    if (edit?.file !== name) return t;
    if (!t.includes(edit.from)) throw new Error(`fixture edit: "${edit.from}" not in ${name}`);
    return t.replace(edit.from, edit.to);
  };
  const table = (name: Name) => parseCsv(text(name), `${name}.csv`);
  return {
    sources: table('sources'),
    institutions: table('institutions'),
    agreements: table('agreements'),
    places: table('places'),
    texts: new Map([['note.txt', readFileSync(`${dir}/seeds/note.txt`, 'utf8')]]),
    meta: { title: 'Fixture', description: '' },
  };
}

describe('tablesToGraph on the good fixture', () => {
  it('builds a valid graph with pairs for a multi-party agreement', () => {
    const { graph, problems } = tablesToGraph(load());
    expect(problems).toEqual([]);
    expect(graph?.elements.nodes.map((n) => n.data.id)).toEqual(['uoe', 'sit', 'demo']);
    const edges = graph?.elements.edges.map((e) => [e.data.id, e.data.agreement, e.data.year]);
    expect(edges).toEqual([
      ['uoe-sit-mou', 'uoe-sit-mou', 2020],
      ['demo-members--uoe--demo', 'demo-members', null],
      ['demo-members--sit--demo', 'demo-members', null],
    ]);
    const uoe = graph?.elements.nodes[0]?.data;
    expect(uoe).toMatchObject({
      country: 'GB',
      city: 'Exampleton',
      lat: 51.5,
      lon: -0.1,
      aliases: ['UoE'],
    });
    // No city: the country's centroid from the country library.
    expect(graph?.elements.nodes[1]?.data.lat).not.toBeNull();
    // No country (an alliance): no coordinates rather than a guess.
    expect(graph?.elements.nodes[2]?.data).toMatchObject({ country: null, lat: null, lon: null });
  });
});

// Each bad input names its file, row and field. Row numbers count the header as row 1.
const BAD: { name: string; edit: { file: Name; from: string; to: string }; expected: string }[] = [
  {
    name: 'an unknown country code',
    edit: {
      file: 'institutions',
      from: 'Sample Institute of Technology,SIT,DE',
      to: 'Sample Institute of Technology,SIT,XX',
    },
    expected: 'institutions.csv, row 3, field "country": Unknown country code "XX"',
  },
  {
    name: 'a duplicate institution id',
    edit: { file: 'institutions', from: 'sit,Sample', to: 'uoe,Sample' },
    expected: 'institutions.csv, row 3, field "id": Duplicate id "uoe"',
  },
  {
    name: 'an agreement with a missing institution',
    edit: { file: 'agreements', from: 'uoe-sit-mou,uoe,sit', to: 'uoe-sit-mou,uoe,nowhere' },
    expected: 'agreements.csv, row 2, field "target": The target "nowhere" is not an institution',
  },
  {
    name: 'an unknown cooperation type',
    edit: { file: 'agreements', from: ',mou,', to: ',handshake,' },
    expected: 'agreements.csv, row 2, field "cooperation": Unknown cooperation type "handshake"',
  },
  {
    name: 'an unknown institution type',
    edit: { file: 'institutions', from: ',alliance,', to: ',club,' },
    expected: 'institutions.csv, row 4, field "type": Unknown institution type "club"',
  },
  {
    name: 'a year later than its source',
    edit: { file: 'agreements', from: ',2020-03-03,', to: ',2021-03-03,' },
    expected:
      'agreements.csv, row 2, field "date": Date 2021-03-03 is later than its source "note", dated 2020-03-05',
  },
  {
    name: 'a malformed date',
    edit: { file: 'agreements', from: ',2020-03-03,', to: ',March 2020,' },
    expected:
      'agreements.csv, row 2, field "date": "March 2020" is not YYYY, YYYY-MM or YYYY-MM-DD',
  },
  {
    name: 'a quote that is not verbatim in its source',
    edit: {
      file: 'agreements',
      from: 'Both also joined the Demo Alliance.\ndemo-members,sit',
      to: 'Both joined the Demo Alliance.\ndemo-members,sit',
    },
    expected:
      'agreements.csv, row 3, field "quote": The quote does not occur verbatim in source "note"',
  },
  {
    name: 'evidence citing an unknown source',
    edit: {
      file: 'agreements',
      from: 'Member,note,Both also joined the Demo Alliance.\n',
      to: 'Member,memo,Both also joined the Demo Alliance.\n',
    },
    expected:
      'agreements.csv, row 3, field "evidence_source": Evidence cites unknown source "memo"',
  },
  {
    name: 'a city without coordinates',
    edit: { file: 'places', from: 'GB,Exampleton', to: 'GB,Elsewhere' },
    expected: 'institutions.csv, row 2, field "city": City "Exampleton" (GB) is not in places.csv',
  },
  {
    name: 'a missing column',
    edit: { file: 'agreements', from: 'cooperation,date', to: 'kind,date' },
    expected: 'agreements.csv, row 1, field "cooperation": Missing column "cooperation"',
  },
];

describe('tablesToGraph stops on bad input, naming file, row and field', () => {
  it.each(BAD)('$name', ({ edit, expected }) => {
    const { graph, problems } = tablesToGraph(load(edit));
    expect(graph).toBeNull();
    expect(problems.map(formatProblem).join('\n')).toContain(expected);
  });
});

describe('the build command', () => {
  it('exits non-zero and prints the row of a bad table', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'atlas-build-'));
    cpSync(dir, tmp, { recursive: true });
    const path = join(tmp, 'institutions.csv');
    writeFileSync(path, readFileSync(path, 'utf8').replace(',DE,', ',DDR,'));
    let stderr = '';
    let code = 0;
    try {
      execFileSync(
        'npx',
        ['tsx', 'scripts/build-graph.ts', `--data=${tmp}`, `--seeds=${tmp}/seeds`],
        {
          encoding: 'utf8',
          stdio: 'pipe',
        },
      );
    } catch (e) {
      const err = e as { status: number; stderr: string };
      code = err.status;
      stderr = err.stderr;
    }
    expect(code).toBe(1);
    expect(stderr).toContain(
      'institutions.csv, row 3, field "country": Unknown country code "DDR"',
    );
  });
});
