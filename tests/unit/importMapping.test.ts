import { describe, expect, it } from 'vitest';
import {
  guessMapping,
  looksLikeAgreements,
  type AgreementRole,
  type InstitutionRole,
} from '../../src/data/import/mapping';

/** The guessed roles as { role: column name }, only the roles that were found. */
function roles(columns: string[]): Partial<Record<AgreementRole, string>> {
  const m = guessMapping(columns).agreements;
  return Object.fromEntries(
    Object.entries(m)
      .filter(([, col]) => col !== null)
      .map(([role, col]) => [role, `${columns[col ?? -1]}@${col}`]),
  );
}

describe('guessMapping for agreements tables', () => {
  it.each<[string, string[], Partial<Record<AgreementRole, string>>]>([
    [
      'the curated format',
      [
        'agreement',
        'source',
        'target',
        'cooperation',
        'date',
        'description',
        'evidence_source',
        'quote',
      ],
      {
        agreement: 'agreement@0',
        source: 'source@1',
        target: 'target@2',
        cooperation: 'cooperation@3',
        date: 'date@4',
        description: 'description@5',
        evidenceSource: 'evidence_source@6',
        evidence: 'quote@7',
      },
    ],
    [
      'plain English with a repeated "Country" after each party',
      ['Institution', 'Country', 'Partner', 'Country', 'Type of cooperation', 'Signed', 'Source'],
      {
        source: 'Institution@0',
        sourceCountry: 'Country@1',
        target: 'Partner@2',
        targetCountry: 'Country@3',
        cooperation: 'Type of cooperation@4',
        date: 'Signed@5',
        evidenceSource: 'Source@6',
      },
    ],
    [
      "a university's own partner list",
      ['Partner institution', 'Partner country', 'Agreement type', 'Start date', 'Description'],
      {
        target: 'Partner institution@0',
        targetCountry: 'Partner country@1',
        cooperation: 'Agreement type@2',
        date: 'Start date@3',
        description: 'Description@4',
      },
    ],
    [
      'case, spaces and underscores ignored',
      ['UNIVERSITY', 'partner_institution', '  Year ', 'QUOTE', 'evidence-source'],
      {
        source: 'UNIVERSITY@0',
        target: 'partner_institution@1',
        date: '  Year @2',
        evidence: 'QUOTE@3',
        evidenceSource: 'evidence-source@4',
      },
    ],
    [
      'a plain "Type" is the cooperation type',
      ['Partner', 'Country', 'Type', 'Year'],
      { target: 'Partner@0', targetCountry: 'Country@1', cooperation: 'Type@2', date: 'Year@3' },
    ],
    [
      'a "Type" after each party is the institution type',
      ['University', 'Type', 'Partner', 'Type', 'Agreement type'],
      {
        source: 'University@0',
        sourceType: 'Type@1',
        target: 'Partner@2',
        targetType: 'Type@3',
        cooperation: 'Agreement type@4',
      },
    ],
    [
      'the downloadable template',
      [
        'Institution',
        'Institution country',
        'Institution type',
        'Partner',
        'Partner country',
        'Partner type',
        'Cooperation type',
        'Date',
        'Description',
        'Quote',
        'Quote source',
        'Agreement id',
      ],
      {
        source: 'Institution@0',
        sourceCountry: 'Institution country@1',
        sourceType: 'Institution type@2',
        target: 'Partner@3',
        targetCountry: 'Partner country@4',
        targetType: 'Partner type@5',
        cooperation: 'Cooperation type@6',
        date: 'Date@7',
        description: 'Description@8',
        evidence: 'Quote@9',
        evidenceSource: 'Quote source@10',
        agreement: 'Agreement id@11',
      },
    ],
    [
      'keywords when no phrase matches',
      [
        "Partner's institution country",
        'Name of partner organisation',
        'Year the MoU was signed',
        'Notes',
      ],
      {
        targetCountry: "Partner's institution country@0",
        target: 'Name of partner organisation@1',
        date: 'Year the MoU was signed@2',
        description: 'Notes@3',
      },
    ],
    ['unknown headers stay unmapped', ['Foo', 'Bar'], {}],
  ])('%s', (_name, columns, expected) => {
    expect(roles(columns)).toEqual(expected);
  });

  it('tells agreements tables from institutions tables', () => {
    expect(looksLikeAgreements(['Institution', 'Partner', 'Year'])).toBe(true);
    expect(looksLikeAgreements(['Partner', 'Agreement type'])).toBe(true);
    expect(looksLikeAgreements(['Name', 'Country', 'Type', 'City'])).toBe(false);
  });
});

describe('guessMapping for institutions tables', () => {
  it.each<[string[], Partial<Record<InstitutionRole, number>>]>([
    [
      ['id', 'name', 'aliases', 'country', 'type', 'city', 'note'],
      { id: 0, name: 1, aliases: 2, country: 3, type: 4, city: 5 },
    ],
    [
      ['Institution Name', 'Acronym', 'Country code', 'Sector', 'Location'],
      { name: 0, aliases: 1, country: 2, type: 3, city: 4 },
    ],
    [['English name', 'Home city', 'Kind'], { name: 0, city: 1, type: 2 }],
  ])('%j', (columns, expected) => {
    const m = guessMapping([], columns).institutions;
    const found = Object.fromEntries(Object.entries(m).filter(([, v]) => v !== null));
    expect(found).toEqual(expected);
  });
});
