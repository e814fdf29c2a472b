// Which column of an imported table holds what. Guessed from the header names in the forms
// people commonly write them (case, spaces, underscores and punctuation ignored); the user
// corrects the guess in the dialog. Columns are referred to by position, because real
// headers repeat names ("Institution, Country, Partner, Country").

import { normaliseWords } from './vocabularyMatch';

export const AGREEMENT_ROLES = [
  'source',
  'target',
  'cooperation',
  'date',
  'sourceCountry',
  'targetCountry',
  'sourceType',
  'targetType',
  'description',
  'evidence',
  'evidenceSource',
  'agreement',
] as const;
export type AgreementRole = (typeof AGREEMENT_ROLES)[number];

export const INSTITUTION_ROLES = ['id', 'name', 'aliases', 'country', 'type', 'city'] as const;
export type InstitutionRole = (typeof INSTITUTION_ROLES)[number];

export interface RoleInfo {
  label: string;
  hint: string;
}

export const AGREEMENT_ROLE_INFO: Record<AgreementRole, RoleInfo> = {
  source: {
    label: 'Institution',
    hint: 'The first party of each agreement. If every row is an agreement of one institution, leave this unset and type its name instead.',
  },
  target: { label: 'Partner', hint: 'The other party of each agreement. Required.' },
  cooperation: {
    label: 'Cooperation type',
    hint: 'MoU, exchange, joint degree…; values that are not recognised are mapped below.',
  },
  date: { label: 'Date or year', hint: 'When the agreement was signed or began.' },
  sourceCountry: { label: "Institution's country", hint: 'A country name or ISO code.' },
  targetCountry: { label: "Partner's country", hint: 'A country name or ISO code.' },
  sourceType: { label: "Institution's type", hint: 'University, company, research institute…' },
  targetType: { label: "Partner's type", hint: 'University, company, research institute…' },
  description: { label: 'Description', hint: 'What the agreement is about.' },
  evidence: { label: 'Quote (evidence)', hint: 'The sentence that states the agreement.' },
  evidenceSource: { label: 'Quote source', hint: 'Where the quote is from: a URL or a title.' },
  agreement: {
    label: 'Agreement id',
    hint: 'Rows sharing an id are one agreement of several parties.',
  },
};

export const INSTITUTION_ROLE_INFO: Record<InstitutionRole, RoleInfo> = {
  id: { label: 'Id', hint: 'A short unique id; the agreements table may use it instead of names.' },
  name: { label: 'Name', hint: 'The name shown in the graph. Required.' },
  aliases: { label: 'Other names', hint: 'Acronyms and other names, separated by | or ;.' },
  country: { label: 'Country', hint: 'A country name or ISO code.' },
  type: { label: 'Type', hint: 'University, company, research institute…' },
  city: { label: 'City', hint: 'Where the institution is.' },
};

export type AgreementMapping = Record<AgreementRole, number | null>;
export type InstitutionMapping = Record<InstitutionRole, number | null>;

export interface Mapping {
  /** Column index per role in the agreements table, or null when the file has no such column. */
  agreements: AgreementMapping;
  /** Column index per role in the institutions table (all null when there is none). */
  institutions: InstitutionMapping;
  /**
   * A university's own partner list names only the partners: with no Institution column, every
   * row is an agreement of this institution.
   */
  homeInstitution: string;
  /** The home institution's country (a name or code), optional. */
  homeCountry: string;
}

export function emptyMapping(): Mapping {
  return {
    agreements: Object.fromEntries(AGREEMENT_ROLES.map((r) => [r, null])) as AgreementMapping,
    institutions: Object.fromEntries(INSTITUTION_ROLES.map((r) => [r, null])) as InstitutionMapping,
    homeInstitution: '',
    homeCountry: '',
  };
}

// ── Header phrases ──────────────────────────────────────────────────────────────────────────

/** Header as compared: "Partner's_Country " → "partners country". */
export function normaliseHeader(header: string): string {
  return normaliseWords(header.replace(/['’]s\b/gi, 's')).replace(/^the /, '');
}

type Phrases<R extends string> = Partial<Record<R, readonly string[]>>;

const AGREEMENT_PHRASES: Phrases<AgreementRole> = {
  source: [
    'source institution',
    'source name',
    'institution',
    'institution name',
    'institution 1',
    'institution a',
    'home institution',
    'home university',
    'university',
    'university name',
    'organization',
    'organization name',
    'from',
    'from institution',
    'party 1',
    'party a',
    'first party',
    'partner 1',
    'partner a',
    'our institution',
    'signatory 1',
  ],
  target: [
    'target',
    'target institution',
    'target name',
    'partner',
    'partners',
    'partner institution',
    'partner university',
    'partner name',
    'partner organization',
    'partner 2',
    'partner b',
    'institution 2',
    'institution b',
    'to',
    'to institution',
    'party 2',
    'party b',
    'second party',
    'counterpart',
    'counterpart institution',
    'foreign partner',
    'foreign institution',
    'host institution',
    'partnering institution',
    'signatory 2',
  ],
  cooperation: [
    'cooperation',
    'cooperation type',
    'type of cooperation',
    'collaboration type',
    'type of collaboration',
    'agreement type',
    'type of agreement',
    'kind of agreement',
    'partnership type',
    'type of partnership',
    'relationship',
    'relationship type',
    'relation',
    'link type',
    'edge type',
    'category',
    'kind',
    'nature of cooperation',
    'form of cooperation',
    'agreement category',
    'activity type',
    'type of activity',
  ],
  date: [
    'date',
    'year',
    'signed',
    'signed on',
    'date signed',
    'signing date',
    'date of signing',
    'year signed',
    'signing year',
    'year of signing',
    'signature date',
    'date of signature',
    'start date',
    'start',
    'start year',
    'since',
    'from year',
    'established',
    'year established',
    'agreement date',
    'date of agreement',
    'year of agreement',
    'valid from',
    'effective date',
    'begin',
    'begin date',
    'commencement date',
    'concluded',
  ],
  sourceCountry: [
    'source country',
    'institution country',
    'country of institution',
    'home country',
    'country 1',
    'country a',
    'university country',
    'organization country',
    'from country',
  ],
  targetCountry: [
    'target country',
    'partner country',
    'partners country',
    'country of partner',
    'partner country code',
    'country 2',
    'country b',
    'to country',
    'partner institution country',
    'counterpart country',
    'host country',
  ],
  sourceType: [
    'source type',
    'institution type',
    'type of institution',
    'home institution type',
    'university type',
    'organization type',
    'type 1',
    'type a',
  ],
  targetType: [
    'target type',
    'partner type',
    'partners type',
    'type of partner',
    'partner institution type',
    'partner category',
    'partner sector',
    'type 2',
    'type b',
  ],
  description: [
    'description',
    'details',
    'detail',
    'notes',
    'note',
    'comment',
    'comments',
    'summary',
    'remarks',
    'remark',
    'scope',
    'subject',
    'title',
    'agreement title',
    'agreement name',
    'purpose',
    'content',
    'topic',
    'areas of cooperation',
    'fields of cooperation',
  ],
  evidence: [
    'evidence',
    'quote',
    'quotation',
    'citation',
    'excerpt',
    'statement',
    'evidence quote',
    'evidence text',
    'supporting text',
  ],
  evidenceSource: [
    'evidence source',
    'evidence_source',
    'source of evidence',
    'quote source',
    'source of quote',
    'source url',
    'url',
    'link',
    'reference',
    'references',
    'source link',
    'web link',
    'document',
    'source document',
    'evidence url',
    'press release',
    'webpage',
    'web page',
    'source title',
  ],
  agreement: [
    'agreement',
    'agreement id',
    'agreement no',
    'agreement number',
    'agreement ref',
    'agreement reference',
    'agreement code',
    'reference number',
    'contract',
    'contract id',
    'contract number',
    'id',
  ],
};

const INSTITUTION_PHRASES: Phrases<InstitutionRole> = {
  id: ['id', 'institution id', 'identifier', 'code', 'key', 'slug', 'node id'],
  name: [
    'name',
    'institution',
    'institution name',
    'university',
    'university name',
    'organization',
    'organization name',
    'label',
    'full name',
    'english name',
    'official name',
    'partner',
    'partner name',
  ],
  aliases: [
    'aliases',
    'alias',
    'other names',
    'other name',
    'acronym',
    'acronyms',
    'abbreviation',
    'abbreviations',
    'short name',
    'also known as',
    'aka',
  ],
  country: ['country', 'country code', 'nation', 'iso', 'iso code', 'country iso'],
  type: ['type', 'institution type', 'kind', 'category', 'sector', 'organization type'],
  city: ['city', 'town', 'location', 'place', 'municipality', 'city name'],
};

/** Keyword rules for headers no phrase matched, in order. */
const AGREEMENT_KEYWORDS: readonly [RegExp, AgreementRole][] = [
  [
    /\bcountry\b.*\b(partner|target|host|counterpart|foreign)|\b(partner|target|host|counterpart|foreign)\w*\b.*\bcountry\b/,
    'targetCountry',
  ],
  [/\b(partner|target)\w*\b.*\b(type|category|sector)\b/, 'targetType'],
  [/\b(institution|organization|university|source)\b.*\b(type|category|sector)\b/, 'sourceType'],
  [
    /\b(cooperation|collaboration|agreement|partnership)\b.*\b(type|kind|category|form|nature)\b|\b(type|kind|category|form|nature)\b.*\b(cooperation|collaboration|agreement|partnership)\b/,
    'cooperation',
  ],
  [/\b(date|year|signed)\b/, 'date'],
  [/\b(quote|quotation|evidence|excerpt)\b/, 'evidence'],
  [/\b(url|link|source)\b/, 'evidenceSource'],
  [/\b(partner|target|counterpart)\w*\b/, 'target'],
  [/\b(institution|university|organization)\b/, 'source'],
  [/\b(description|notes?|comments?|remarks?|details?)\b/, 'description'],
];

const INSTITUTION_KEYWORDS: readonly [RegExp, InstitutionRole][] = [
  [/\bcountry\b/, 'country'],
  [/\b(city|town)\b/, 'city'],
  [/\b(type|category|sector)\b/, 'type'],
  [/\b(alias\w*|acronyms?|abbreviations?)\b/, 'aliases'],
  [/\bname\b/, 'name'],
];

function phraseIndex<R extends string>(phrases: Phrases<R>): Map<string, R> {
  const index = new Map<string, R>();
  for (const [role, list] of Object.entries(phrases) as [R, readonly string[]][]) {
    for (const p of list) index.set(normaliseHeader(p), role);
  }
  return index;
}

let agreementIndex: Map<string, AgreementRole> | undefined;
let institutionIndex: Map<string, InstitutionRole> | undefined;

const GENERIC_COUNTRY = new Set([
  'country',
  'country code',
  'country iso',
  'nation',
  'iso',
  'iso code',
]);
const GENERIC_TYPE = new Set(['type', 'institution type', 'organization type']);

/** The nearest party column before `col`, else after it: whose country or type a column is. */
function sideOf(col: number, m: AgreementMapping): 'source' | 'target' | null {
  const parties = (['source', 'target'] as const)
    .map((side) => ({ side, at: m[side] }))
    .filter((p): p is { side: 'source' | 'target'; at: number } => p.at !== null);
  const before = parties.filter((p) => p.at < col).sort((a, b) => b.at - a.at)[0];
  if (before) return before.side;
  return parties.sort((a, b) => Math.abs(a.at - col) - Math.abs(b.at - col))[0]?.side ?? null;
}

function guessAgreements(columns: readonly string[]): AgreementMapping {
  agreementIndex ??= phraseIndex(AGREEMENT_PHRASES);
  const m = emptyMapping().agreements;
  const headers = columns.map(normaliseHeader);
  const taken = new Set<number>();
  const assign = (role: AgreementRole, col: number) => {
    if (m[role] !== null || taken.has(col)) return false;
    m[role] = col;
    taken.add(col);
    return true;
  };

  // 1. Exact phrases, except the words whose meaning depends on the other columns.
  headers.forEach((h, col) => {
    if (h === 'source' || GENERIC_COUNTRY.has(h) || GENERIC_TYPE.has(h)) return;
    const role = agreementIndex?.get(h);
    if (role) assign(role, col);
  });
  // 2. "Source" is a party in edge lists (source, target) and a quote's origin elsewhere.
  headers.forEach((h, col) => {
    if (h !== 'source') return;
    if (m.source === null) assign('source', col);
    else assign('evidenceSource', col);
  });
  // 3. Keywords for what is left.
  headers.forEach((h, col) => {
    if (taken.has(col) || GENERIC_COUNTRY.has(h) || GENERIC_TYPE.has(h)) return;
    const role = AGREEMENT_KEYWORDS.find(([re]) => re.test(h))?.[1];
    if (role) assign(role, col);
  });
  // 4. A plain "Country" belongs to the party column it follows.
  headers.forEach((h, col) => {
    if (taken.has(col) || !(GENERIC_COUNTRY.has(h) || /\bcountry\b/.test(h))) return;
    const side = sideOf(col, m);
    const first = side === 'target' ? 'targetCountry' : 'sourceCountry';
    const second = first === 'targetCountry' ? 'sourceCountry' : 'targetCountry';
    if (side === null) assign('targetCountry', col);
    else if (!assign(first, col)) assign(second, col);
  });
  // 5. A plain "Type" is the cooperation type, unless the table has that already or has a
  //    "Type" per party ("Institution, Type, Partner, Type").
  const plainTypes = headers
    .map((h, col) => ({ h, col }))
    .filter(({ h, col }) => !taken.has(col) && (GENERIC_TYPE.has(h) || /\btype\b/.test(h)));
  const onePerParty = plainTypes.length > 1 || m.cooperation !== null;
  for (const { h, col } of plainTypes) {
    if (!onePerParty && h === 'type') {
      assign('cooperation', col);
      continue;
    }
    const side = sideOf(col, m);
    const first = side === 'target' ? 'targetType' : 'sourceType';
    if (!assign(first, col)) assign(first === 'targetType' ? 'sourceType' : 'targetType', col);
  }
  return m;
}

function guessInstitutions(columns: readonly string[]): InstitutionMapping {
  institutionIndex ??= phraseIndex(INSTITUTION_PHRASES);
  const m = emptyMapping().institutions;
  const headers = columns.map(normaliseHeader);
  const taken = new Set<number>();
  const assign = (role: InstitutionRole, col: number) => {
    if (m[role] !== null || taken.has(col)) return;
    m[role] = col;
    taken.add(col);
  };
  headers.forEach((h, col) => {
    const role = institutionIndex?.get(h);
    if (role) assign(role, col);
  });
  headers.forEach((h, col) => {
    if (taken.has(col)) return;
    const role = INSTITUTION_KEYWORDS.find(([re]) => re.test(h))?.[1];
    if (role) assign(role, col);
  });
  return m;
}

/**
 * Guesses which column holds what from the header names of the agreements table and, if there
 * is one, the institutions table.
 */
export function guessMapping(
  agreementColumns: readonly string[],
  institutionColumns: readonly string[] = [],
): Mapping {
  return {
    ...emptyMapping(),
    agreements: guessAgreements(agreementColumns),
    institutions: guessInstitutions(institutionColumns),
  };
}

/**
 * Tells an institutions table from an agreements table when two files are dropped together:
 * the agreements table is the one with two party columns.
 */
export function looksLikeAgreements(columns: readonly string[]): boolean {
  const m = guessAgreements(columns);
  return m.target !== null && (m.source !== null || m.cooperation !== null || m.date !== null);
}
