// Download names: what the file holds, in characters every file system accepts.
import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../src/export';
import { DEFAULT_FILTERS, type Filters } from '../../src/filters';

const f = (over: Partial<Filters>): Filters => ({ ...DEFAULT_FILTERS, ...over });

describe('exportFileName', () => {
  it.each<[string, Filters, string, string | undefined, string]>([
    ['no filters', DEFAULT_FILTERS, 'json', undefined, 'partnerships.json'],
    [
      'countries, sorted',
      f({ countries: ['GB', 'DE'] }),
      'png',
      undefined,
      'partnerships-DE-GB.png',
    ],
    [
      'countries and years',
      f({ countries: ['GB', 'DE'], years: [2010, 2024] }),
      'png',
      undefined,
      'partnerships-DE-GB-2010-2024.png',
    ],
    ['a single year', f({ years: [2015, 2015] }), 'svg', undefined, 'partnerships-2015.svg'],
    [
      'cooperation types, sorted and kept apart from their own hyphens',
      f({ types: ['mou', 'joint-programme'] }),
      'gexf',
      undefined,
      'partnerships-joint-programme_mou.gexf',
    ],
    [
      'more than three types, counted',
      f({ types: ['mou', 'research', 'visit', 'exchange', 'other', 'succession', 'affiliation'] }),
      'csv',
      undefined,
      'partnerships-7types.csv',
    ],
    [
      'institution types',
      f({ kinds: ['university', 'company'] }),
      'graphml',
      undefined,
      'partnerships-company_university.graphml',
    ],
    [
      'more than three institution types, counted',
      f({ kinds: ['university', 'company', 'academy', 'alliance'] }),
      'json',
      undefined,
      'partnerships-4kinds.json',
    ],
    [
      'undated agreements left out',
      f({ undated: false }),
      'json',
      undefined,
      'partnerships-undated-excluded.json',
    ],
    [
      'many countries, counted',
      f({ countries: ['GB', 'DE', 'FR', 'IT', 'ES', 'NL', 'CN'] }),
      'png',
      undefined,
      'partnerships-7countries.png',
    ],
    [
      'everything at once, in a fixed order',
      f({
        countries: ['HK'],
        years: [2000, 2020],
        types: ['mou'],
        kinds: ['university'],
        undated: false,
      }),
      'csv',
      'edges',
      'partnerships-HK-2000-2020-mou-university-undated-excluded-edges.csv',
    ],
    ['a part name', DEFAULT_FILTERS, 'csv', 'nodes', 'partnerships-nodes.csv'],
    [
      'a dot before the extension is not doubled',
      DEFAULT_FILTERS,
      '.png',
      undefined,
      'partnerships.png',
    ],
    [
      'unsafe characters in any input become hyphens',
      f({ countries: ['G/B', '../x'] }),
      'p n:g',
      'a b\\c<d>',
      'partnerships-G-B-x-a-b-c-d.p-n-g',
    ],
    [
      'hiding isolated institutions does not change the name',
      f({ hideIsolated: false }),
      'json',
      undefined,
      'partnerships.json',
    ],
  ])('%s', (_name, filters, ext, extra, expected) => {
    expect(exportFileName(filters, ext, extra)).toBe(expected);
  });

  it('stays within 120 characters and keeps the part name and extension', () => {
    const long = f({
      countries: ['AA', 'BB', 'CC', 'DD', 'EE', 'FF'],
      years: [1999, 2024],
      types: ['strategic-cooperation', 'cooperation-agreement', 'industry-partnership'],
      kinds: ['international-organisation', 'research-institute', 'government'],
      undated: false,
    });
    const nodes = exportFileName(long, 'csv', 'nodes');
    const edges = exportFileName(long, 'csv', 'edges');
    expect(nodes.length).toBeLessThanOrEqual(120);
    expect(nodes.startsWith('partnerships-AA-BB-CC-DD-EE-FF-1999-2024-')).toBe(true);
    expect(nodes.endsWith('-nodes.csv')).toBe(true);
    expect(edges.endsWith('-edges.csv')).toBe(true);
    expect(nodes).not.toMatch(/--|-\.|_-/);
  });

  it('uses only letters, digits, dot, hyphen and underscore whatever it is given', () => {
    const names = [
      exportFileName(f({ countries: ['<script>', '__proto__', 'ÄÖ', ' '] }), 'j son', 'x/../y'),
      exportFileName(f({ years: [-5, 1e21] }), '', ''),
      exportFileName(DEFAULT_FILTERS, '....', '....'),
    ];
    for (const name of names) {
      expect(name).toMatch(/^[A-Za-z0-9._-]+$/);
      expect(name.startsWith('partnerships')).toBe(true);
      expect(name).not.toContain('..');
    }
  });
});
