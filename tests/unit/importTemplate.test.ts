import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildImportedGraph } from '../../src/data/import/checkRows';
import { guessMapping } from '../../src/data/import/mapping';
import { parseCsvText } from '../../src/data/import/parseCsvText';
import {
  TEMPLATE_AGREEMENTS_CSV,
  TEMPLATE_COLUMNS,
  TEMPLATE_INSTITUTIONS_CSV,
} from '../../src/data/import/template';

describe('the import templates', () => {
  it('are served from public/ with exactly the text the dialog documents', () => {
    expect(readFileSync('public/template-agreements.csv', 'utf8')).toBe(TEMPLATE_AGREEMENTS_CSV);
    expect(readFileSync('public/template-institutions.csv', 'utf8')).toBe(
      TEMPLATE_INSTITUTIONS_CSV,
    );
  });

  it('document every column and have a header row and three example rows', () => {
    const agreements = parseCsvText(TEMPLATE_AGREEMENTS_CSV, 'template-agreements.csv');
    const institutions = parseCsvText(TEMPLATE_INSTITUTIONS_CSV, 'template-institutions.csv');
    const documented = (table: 'agreements' | 'institutions') =>
      TEMPLATE_COLUMNS.filter((c) => c.table === table).map((c) => c.column);
    expect(agreements.columns).toEqual(documented('agreements'));
    expect(institutions.columns).toEqual(documented('institutions'));
    expect(agreements.rows).toHaveLength(3);
    expect(institutions.rows).toHaveLength(3);
  });

  it('map themselves, roles as documented, and import without a single problem', () => {
    const agreements = parseCsvText(TEMPLATE_AGREEMENTS_CSV, 'a.csv');
    const institutions = parseCsvText(TEMPLATE_INSTITUTIONS_CSV, 'i.csv');
    const mapping = guessMapping(agreements.columns, institutions.columns);
    for (const c of TEMPLATE_COLUMNS) {
      const roles: Record<string, number | null> =
        c.table === 'agreements' ? mapping.agreements : mapping.institutions;
      const columns = c.table === 'agreements' ? agreements.columns : institutions.columns;
      expect(roles[c.role], c.column).toBe(columns.indexOf(c.column));
    }
    for (const withInstitutions of [false, true]) {
      const r = buildImportedGraph({
        agreements,
        institutions: withInstitutions ? institutions : undefined,
        mapping,
        fileNames: { agreements: 'a.csv', institutions: 'i.csv' },
      });
      expect(r.problems).toEqual([]);
      expect(r.validRows).toBe(3);
      expect(r.graph?.elements.nodes).toHaveLength(3);
    }
  });
});
