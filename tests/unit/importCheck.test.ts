import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateGraph } from '../../src/data/validateGraph';
import {
  buildImportedGraph,
  cooperationValues,
  formatRowProblem,
  toProblem,
  type ImportInput,
  type TableInput,
} from '../../src/data/import/checkRows';
import { parseDateInput } from '../../src/data/import/dates';
import { emptyMapping, guessMapping, type Mapping } from '../../src/data/import/mapping';
import { parseCsvText } from '../../src/data/import/parseCsvText';
import { readCsvBlob } from '../../src/data/import/readCsv';
import { matchCooperation, matchInstitutionType } from '../../src/data/import/vocabularyMatch';

function table(csv: string, file = 'agreements.csv'): TableInput {
  return parseCsvText(csv, file);
}

function build(csv: string, extra: Partial<ImportInput> = {}) {
  const agreements = table(csv);
  const institutions = extra.institutions;
  return buildImportedGraph({
    agreements,
    mapping: guessMapping(agreements.columns, institutions?.columns ?? []),
    fileNames: { agreements: 'agreements.csv', institutions: 'institutions.csv' },
    ...extra,
  });
}

const errors = (r: ReturnType<typeof build>) =>
  r.problems.filter((p) => p.level === 'error').map(formatRowProblem);

describe('parseDateInput', () => {
  it.each([
    ['2015', '2015', 2015],
    ['2015-05', '2015-05', 2015],
    ['2015-5', '2015-05', 2015],
    ['2015-05-23', '2015-05-23', 2015],
    ['2015-05-23T10:00:00Z', '2015-05-23', 2015],
    ['2015/05/23', '2015-05-23', 2015],
    ['23/05/2015', '2015-05-23', 2015],
    ['23.05.2015', '2015-05-23', 2015],
    ['05/23/2015', '2015-05-23', 2015],
    ['05/2015', '2015-05', 2015],
    ['May 2015', '2015-05', 2015],
    ['Sept. 2015', '2015-09', 2015],
    ['23 May 2015', '2015-05-23', 2015],
    ['May 23, 2015', '2015-05-23', 2015],
    ['  ', null, null],
  ])('reads %j as %j', (raw, date, year) => {
    expect(parseDateInput(raw)).toEqual({ ok: true, date, year });
  });

  it.each([
    'spring 2015',
    '2015-13',
    '31/04/2015',
    '2015-02-30',
    '15',
    '20150523',
    'Mayo 2015',
    'constructor 2015',
    '0999',
    '13/13/2015',
  ])('refuses %j', (raw) => {
    expect(parseDateInput(raw)).toEqual({ ok: false });
  });
});

describe('vocabulary matching', () => {
  it.each([
    ['MoU', 'mou'],
    ['Memorandum of Understanding', 'mou'],
    ['memorandum of understanding (renewed)', 'mou'],
    ['exchange agreement', 'exchange'],
    ['Student exchange', 'exchange'],
    ['Erasmus+', 'exchange'],
    ['joint degree', 'joint-programme'],
    ['Double Master Degree', 'joint-programme'],
    ['strategic', 'strategic-cooperation'],
    ['Strategic partnership agreement', 'strategic-cooperation'],
    ['joint-programme', 'joint-programme'],
    ['Co-operation agreement', 'cooperation-agreement'],
    ['Joint research centre', 'joint-school'],
    ['Research collaboration', 'research'],
    ['Industry partnership', 'industry-partnership'],
    ['Network membership', 'alliance-membership'],
    ['Under negotiation', 'under-negotiation'],
    ['Official visit', 'visit'],
    ['other', 'other'],
  ])('reads the cooperation %j as %s', (raw, type) => {
    expect(matchCooperation(raw)).toBe(type);
  });

  it.each(['Sister city', 'Blah', '', 'constructor'])('does not guess %j', (raw) => {
    expect(matchCooperation(raw)).toBeUndefined();
  });

  it.each([
    ['University', 'university'],
    ['Technical University', 'university'],
    ['Research centre', 'research-institute'],
    ['National Laboratory', 'laboratory'],
    ['Private company', 'company'],
    ['Intergovernmental organisation', 'international-organisation'],
    ['Ministry', 'government'],
    ['University network', 'alliance'],
  ])('reads the institution type %j as %s', (raw, type) => {
    expect(matchInstitutionType(raw)).toBe(type);
  });
});

describe('buildImportedGraph: rows', () => {
  it('reports a missing party with its spreadsheet row and column', async () => {
    const file = new File([readFileSync('tests/fixtures/import/missing-party.csv')], 'x.csv');
    const parsed = await readCsvBlob(file, file.name);
    const r = buildImportedGraph({
      agreements: parsed,
      mapping: guessMapping(parsed.columns),
      fileNames: { agreements: 'missing-party.csv' },
    });
    expect(r.problems).toEqual([
      {
        file: 'missing-party.csv',
        row: 4,
        field: 'Institution',
        level: 'error',
        message: 'The institution is missing.',
      },
    ]);
    expect(r.validRows).toBe(3);
    expect(r.totalRows).toBe(4);
    expect(r.graph?.elements.edges.map((e) => e.data.cooperation)).toEqual([
      'mou',
      'exchange',
      'industry-partnership',
    ]);
  });

  it('identifies institutions by name, whatever the case and spacing, with stable unique ids', () => {
    const r = build(
      'Institution,Partner,Year\nAlpha University,Beta-University,2019\nalpha  UNIVERSITY,Beta University,2020\nAlpha University,beta university,2021\n',
    );
    expect(r.problems).toEqual([]);
    const nodes = r.graph?.elements.nodes.map((n) => [n.data.id, n.data.label, n.data.type]);
    expect(nodes).toEqual([
      ['alpha-university', 'Alpha University', 'other'],
      ['beta-university', 'Beta-University', 'other'],
      ['beta-university-2', 'Beta University', 'other'],
    ]);
  });

  it('reports duplicates with the row of the first occurrence, in either order of parties', () => {
    const r = build(
      'Institution,Partner,Type,Year\nA,B,MoU,2019\nB,A,Memorandum of understanding,2019\nA,B,MoU,2020\n\nA , b ,mou,2019\n',
    );
    expect(errors(r)).toEqual([
      'agreements.csv, row 3: A duplicate of row 2: the same institutions, cooperation type and date.',
      'agreements.csv, row 6: A duplicate of row 2: the same institutions, cooperation type and date.',
    ]);
    expect(r.validRows).toBe(2);
  });

  it('does not call rows with different unreadable dates duplicates', () => {
    const r = build('Institution,Partner,Year\nA,B,spring\nA,B,autumn\n');
    expect(errors(r).filter((e) => e.includes('duplicate'))).toEqual([]);
  });

  it('accepts country names and codes; an unknown country is a problem unless imported anyway', () => {
    const csv =
      'Institution,Institution country,Partner,Partner country\nA,United Kingdom,B,de\nA,UK,C,Narnia\n';
    const strict = build(csv);
    expect(errors(strict)).toEqual([
      'agreements.csv, row 3, column “Partner country”: Unknown country “Narnia”.',
    ]);
    expect(strict.validRows).toBe(1);
    expect(strict.repairableRows).toBe(1);
    expect(strict.graph?.elements.nodes.map((n) => n.data.country)).toEqual(['GB', 'DE']);
    const anyway = build(csv, { importAnyway: true });
    expect(anyway.validRows).toBe(2);
    expect(anyway.graph?.elements.nodes.map((n) => n.data.country)).toEqual(['GB', 'DE', null]);
  });

  it('resolves unknown cooperation types through the type map, or as "other" when imported anyway', () => {
    const csv = 'Institution,Partner,Type\nA,B,Sister city\nA,C,MoU\nA,D,sister  CITY\n';
    const values = cooperationValues(table(csv), 2);
    expect(values.map((v) => [v.value, v.count, v.match])).toEqual([
      ['Sister city', 2, undefined],
      ['MoU', 1, 'mou'],
    ]);
    expect(build(csv).validRows).toBe(1);
    const mapped = build(csv, { typeMap: { 'sister city': 'affiliation' } });
    expect(mapped.problems).toEqual([]);
    expect(mapped.graph?.elements.edges.map((e) => e.data.cooperation)).toEqual([
      'affiliation',
      'mou',
      'affiliation',
    ]);
    const other = build(csv, { importAnyway: true });
    expect(other.graph?.elements.edges.map((e) => e.data.cooperation)).toEqual([
      'other',
      'mou',
      'other',
    ]);
    // A map entry never overrides an own prototype key into a non-type.
    const polluted = build(csv, { typeMap: JSON.parse('{"__proto__":"mou"}') as never });
    expect(polluted.validRows).toBe(1);
  });

  it('reads dates in the common forms and reports the rest with the accepted forms', () => {
    const r = build(
      'Institution,Partner,Signed\nA,B,23/05/2015\nA,C,May 2016\nA,D,sometime\nA,E,\n',
    );
    expect(r.graph?.elements.edges.map((e) => [e.data.date, e.data.year])).toEqual([
      ['2015-05-23', 2015],
      ['2016-05', 2016],
      [null, null],
    ]);
    expect(errors(r)).toEqual([
      'agreements.csv, row 4, column “Signed”: “sometime” is not a date the importer can read: write 2015, 2015-05, 2015-05-23, 23/05/2015, 05/2015 or May 2015.',
    ]);
  });

  it('refuses self-links and over-long cells', () => {
    const long = 'x'.repeat(10_001);
    const r = build(`Institution,Partner,Description\nA,a,\nA,B,${long}\n`, {
      importAnyway: true,
    });
    const found = errors(r);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^agreements.csv, row 2, column “Partner”: The institution and the/);
    expect(found[1]).toMatch(/^agreements.csv, row 3, column “Description”: The cell is longer/);
    expect(r.graph).toBeNull();
    expect(r.validRows).toBe(0);
  });

  it('uses the typed-in institution when the table lists only partners', () => {
    const agreements = table('Partner,Country,Year\nB,FR,2019\nC,Italy,2020\n');
    const mapping: Mapping = {
      ...guessMapping(agreements.columns),
      homeInstitution: 'Home University',
      homeCountry: 'Germany',
    };
    const r = buildImportedGraph({ agreements, mapping, fileNames: { agreements: 'p.csv' } });
    expect(r.problems).toEqual([]);
    expect(r.graph?.elements.nodes.map((n) => [n.data.label, n.data.country])).toEqual([
      ['Home University', 'DE'],
      ['B', 'FR'],
      ['C', 'IT'],
    ]);
    const none = buildImportedGraph({
      agreements,
      mapping: guessMapping(agreements.columns),
      fileNames: { agreements: 'p.csv' },
    });
    expect(none.graph).toBeNull();
    expect(none.problems[0]?.message).toMatch(/type the name of the institution/);
  });

  it('warns about conflicting countries and keeps the first', () => {
    const r = build('Institution,Country,Partner,Country\nA,FR,B,DE\nA,IT,C,ES\n');
    expect(r.validRows).toBe(2);
    expect(r.problems.map((p) => [p.level, p.row, p.field])).toEqual([['warning', 3, 'Country']]);
    expect(r.problems[0]?.message).toMatch(/has the country FR in agreements.csv, row 2; IT/);
  });

  it('keeps quotes as evidence and each quote source once, URLs as links', () => {
    const r = build(
      'Institution,Partner,Quote,Source\nA,B,A and B signed.,https://example.org/a\nA,C,A and C signed.,https://example.org/a\nA,D,,Annual report\n',
    );
    expect(r.graph?.data.sources.map((s) => [s.id, s.url])).toEqual([
      ['source-https-example-org-a', 'https://example.org/a'],
    ]);
    expect(r.graph?.elements.edges.map((e) => e.data.evidence)).toEqual([
      [{ source: 'source-https-example-org-a', quote: 'A and B signed.' }],
      [{ source: 'source-https-example-org-a', quote: 'A and C signed.' }],
      [],
    ]);
    expect(r.problems.map((p) => [p.level, p.row, p.field])).toEqual([['warning', 4, 'Source']]);
  });

  it('does not import rows with broken quotes but imports ragged ones', () => {
    const r = build('Institution,Partner,Year\nA,B,2019,extra\nA,"C,2020\nA,D,2021\n');
    expect(r.validRows).toBe(1);
    expect(r.problems.map((p) => [p.row, p.level])).toEqual([
      [2, 'warning'],
      [3, 'error'],
    ]);
  });

  it('asks for the partner column when none is mapped', () => {
    const agreements = table('Foo,Bar\n1,2\n');
    const r = buildImportedGraph({
      agreements,
      mapping: emptyMapping(),
      fileNames: { agreements: 'a.csv' },
    });
    expect(r.graph).toBeNull();
    expect(r.problems.map((p) => p.row)).toEqual([1, 1]);
  });

  it('gives ProblemList a plain Problem without an empty column', () => {
    expect(
      toProblem({ file: 'a.csv', row: 3, field: '', level: 'error', message: 'Duplicate.' }),
    ).toEqual({ file: 'a.csv', row: 3, message: 'Duplicate.' });
  });
});

describe('buildImportedGraph: with an institutions table', () => {
  const institutions = table(
    'Id,Name,Other names,Country,Type,City\nalp,Alpha University,AU|Alpha,United Kingdom,University,Alphaville\nbet,Beta Institute,,Narnia,Research institute,\ngam,Gamma Corp,,NL,Company,\ngam,Gamma Again,,NL,Company,\n,,,,,\n',
    'institutions.csv',
  );

  it('finds institutions by id, name or other name and reports what is missing', () => {
    const r = build(
      'Institution,Partner,Year\nAU,gam,2019\nalpha university,Beta Institute,2020\nalp,Delta,2021\n',
      {
        institutions,
      },
    );
    // The agreements file first, then the institutions file, each in row order.
    expect(errors(r)).toEqual([
      'agreements.csv, row 3, column “Partner”: “Beta Institute” has problems in institutions.csv, row 3.',
      'agreements.csv, row 4, column “Partner”: “Delta” is not in institutions.csv (as an id, name or other name).',
      'institutions.csv, row 3, column “Country”: Unknown country “Narnia”.',
      'institutions.csv, row 5, column “Id”: The id “gam” is already used on row 4.',
    ]);
    expect(r.validRows).toBe(1);
    expect(r.institutionRows).toEqual({ valid: 2, total: 4 });
    expect(r.graph?.elements.nodes.map((n) => n.data.id)).toEqual(['alp', 'gam']);
    expect(r.graph?.elements.nodes[0]?.data).toMatchObject({
      label: 'Alpha University',
      aliases: ['AU', 'Alpha'],
      country: 'GB',
      type: 'university',
      city: 'Alphaville',
    });

    const anyway = build(
      'Institution,Partner,Year\nAU,gam,2019\nalpha university,Beta Institute,2020\nalp,Delta,2021\n',
      { institutions, importAnyway: true },
    );
    expect(anyway.validRows).toBe(3);
    expect(anyway.graph?.elements.nodes.map((n) => [n.data.id, n.data.country])).toEqual([
      ['alp', 'GB'],
      ['bet', null],
      ['gam', 'NL'],
      ['delta', null],
    ]);
  });
});

describe('buildImportedGraph at scale and on any input', () => {
  it('parses and checks 100,000 generated rows on the same thread', async () => {
    const lines = ['Institution,Country,Partner,Partner country,Type,Year,Description'];
    const types = ['MoU', 'Exchange agreement', 'Joint degree', 'Research', 'Strategic'];
    const countries = ['FR', 'Germany', 'IT', 'Spain', 'GB', 'China'];
    for (let i = 0; i < 100_000; i++) {
      lines.push(
        `University ${i % 997},${countries[i % 6]},"Partner ${i % 4999}, Campus",${countries[(i + 1) % 6]},${types[i % 5]},${1990 + (i % 35)},"Row ${i}"`,
      );
    }
    const file = new File([lines.join('\r\n')], 'big.csv');
    const parsed = await readCsvBlob(file, file.name);
    expect(parsed.rows).toHaveLength(100_000);
    const r = buildImportedGraph({
      agreements: parsed,
      mapping: guessMapping(parsed.columns),
      fileNames: { agreements: 'big.csv' },
    });
    expect(r.totalRows).toBe(100_000);
    expect(r.validRows + r.problems.filter((p) => p.level === 'error').length).toBe(100_000);
    expect(r.graph).not.toBeNull();
  }, 60_000);

  it('never throws on arbitrary tables and returns a valid graph or problems', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom('', 'MoU', 'FR', 'Narnia', '2015', 'May 2015', '__proto__', 'constructor'),
    );
    const width = 5;
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 0, maxLength: width + 1 }), { maxLength: 12 }),
        fc.array(fc.option(fc.nat(width + 1), { nil: null }), {
          minLength: 12,
          maxLength: 12,
        }),
        fc.boolean(),
        (rows, cols, importAnyway) => {
          const mapping = emptyMapping();
          const roles = Object.keys(mapping.agreements) as (keyof Mapping['agreements'])[];
          roles.forEach((role, i) => {
            mapping.agreements[role] = cols[i] ?? null;
          });
          const r = buildImportedGraph({
            agreements: { columns: ['a', 'b', 'c', 'd', 'e'], rows },
            mapping,
            fileNames: { agreements: 'p.csv' },
            importAnyway,
          });
          if (r.graph) {
            expect(validateGraph(r.graph).problems).toEqual([]);
            expect(r.validRows).toBe(r.graph.elements.edges.length);
          } else {
            expect(r.validRows).toBe(0);
          }
          expect(r.graph !== null || r.problems.length > 0 || rows.length === 0).toBe(true);
          for (const p of r.problems) expect(p.row).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
