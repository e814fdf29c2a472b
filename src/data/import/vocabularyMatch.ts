// Reading the words people use for kinds of cooperation and institution into the graph's
// vocabularies. Exact phrases first, then keyword rules; what matches neither is left to the
// user, who maps it in the dialog or imports it as "other". Nothing here guesses silently: the
// dialog shows every distinct value with the type it was read as.

import {
  COOPERATION_INFO,
  COOPERATION_TYPES,
  INSTITUTION_INFO,
  INSTITUTION_TYPES,
  type CooperationType,
  type InstitutionType,
} from '../../model';

/** Lower case, accents and punctuation gone, British and American spellings made one. */
export function normaliseWords(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/co-oper/g, 'cooper')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\bprogrammes?\b/g, 'program')
    .replace(/\bcentres?\b/g, 'center')
    .replace(/\borganisations?\b/g, 'organization')
    .replace(/\s+/g, ' ')
    .trim();
}

function phraseTable<T extends string>(
  ids: readonly T[],
  info: Record<T, { label: string }>,
  synonyms: Record<T, readonly string[]>,
): Map<string, T> {
  const table = new Map<string, T>();
  for (const id of ids) {
    for (const phrase of [id, info[id].label, ...synonyms[id]]) {
      const key = normaliseWords(phrase);
      if (key && !table.has(key)) table.set(key, id);
    }
  }
  return table;
}

const COOPERATION_SYNONYMS: Record<CooperationType, readonly string[]> = {
  'strategic-cooperation': [
    'strategic',
    'strategic partnership',
    'strategic partner',
    'strategic agreement',
    'strategic alliance',
    'framework agreement',
    'framework',
    'comprehensive cooperation',
  ],
  mou: ['MoU', 'MoUs', 'Memorandum of Understanding', 'memorandum', 'memo of understanding'],
  'cooperation-agreement': [
    'agreement',
    'cooperation',
    'collaboration',
    'collaboration agreement',
    'partnership',
    'partnership agreement',
    'academic cooperation',
    'academic cooperation agreement',
    'bilateral agreement',
    'general agreement',
    'memorandum of agreement',
    'MoA',
  ],
  'joint-programme': [
    'joint degree',
    'double degree',
    'dual degree',
    'joint master',
    'joint masters',
    'joint PhD',
    'joint doctorate',
    'cotutelle',
    'articulation agreement',
    'joint teaching',
  ],
  'joint-school': [
    'joint school',
    'joint institute',
    'joint centre',
    'joint lab',
    'joint laboratory',
    'joint college',
  ],
  exchange: [
    'exchange agreement',
    'student exchange',
    'staff exchange',
    'faculty exchange',
    'mobility',
    'student mobility',
    'Erasmus',
    'Erasmus+',
    'Erasmus agreement',
    'inter-institutional agreement',
    'IIA',
    'study abroad',
    'internship',
  ],
  research: [
    'research cooperation',
    'research partnership',
    'research agreement',
    'joint research',
    'joint project',
    'research project',
    'scientific cooperation',
  ],
  'industry-partnership': [
    'industry',
    'industrial partnership',
    'industry collaboration',
    'corporate partnership',
    'company partnership',
  ],
  'alliance-membership': [
    'membership',
    'member',
    'alliance',
    'network',
    'network membership',
    'consortium',
  ],
  affiliation: ['affiliated', 'affiliate'],
  succession: ['merger', 'merged', 'renamed', 'predecessor', 'successor'],
  'shared-staff': ['joint appointment', 'dual appointment', 'shared faculty'],
  visit: ['delegation', 'delegation visit', 'official visit', 'study visit'],
  'under-negotiation': [
    'negotiation',
    'in negotiation',
    'planned',
    'in discussion',
    'talks',
    'intended',
    'proposed',
    'pending',
  ],
  other: ['others', 'misc', 'miscellaneous'],
};

/** Keyword rules, tried in order after the exact phrases. */
const COOPERATION_RULES: readonly [RegExp, CooperationType][] = [
  [/\bmous?\b|\bmemorand\w* of understanding\b/, 'mou'],
  [
    /\b(joint|double|dual|twin|multiple)( \w+)? (degrees?|program|master\w*|bachelor\w*|phd|doctor\w*|diplomas?)\b|\bcotutelle\b/,
    'joint-programme',
  ],
  [/\bjoint( \w+)? (school|institute|center|labs?|laborator\w*|college|academy)\b/, 'joint-school'],
  [/\bstrategic\b|\bframework\b/, 'strategic-cooperation'],
  [/\bexchange|\bmobility\b|\berasmus\b|\bstudy abroad\b|\binternships?\b/, 'exchange'],
  [/\bindustr|\bcorporate\b|\bcompany\b/, 'industry-partnership'],
  [/\bresearch\b/, 'research'],
  [/\bmember(ship)?s?\b|\balliance\b|\bconsortium\b|\bnetwork\b/, 'alliance-membership'],
  [/\bnegotiat|\bplanned\b|\bintended\b|\bproposed\b|\bin discussion\b/, 'under-negotiation'],
  [/\bvisits?\b|\bdelegation\b/, 'visit'],
  [/\bagreement\b|\bcooperation\b|\bcollaboration\b|\bpartnership\b/, 'cooperation-agreement'],
];

const INSTITUTION_SYNONYMS: Record<InstitutionType, readonly string[]> = {
  university: ['univ', 'college', 'higher education institution', 'HEI', 'polytechnic'],
  'research-institute': [
    'institute',
    'research centre',
    'research organisation',
    'research institution',
    'think tank',
  ],
  laboratory: ['lab', 'national laboratory', 'national lab'],
  academy: ['academy', 'academy of sciences', 'learned society'],
  company: [
    'business',
    'enterprise',
    'firm',
    'corporation',
    'corporate',
    'industry',
    'private company',
    'startup',
  ],
  'international-organisation': [
    'international organisation',
    'intergovernmental organisation',
    'IGO',
    'UN agency',
    'international body',
  ],
  alliance: ['network', 'consortium', 'association', 'university network', 'university alliance'],
  government: [
    'government agency',
    'ministry',
    'agency',
    'public authority',
    'public body',
    'public sector',
  ],
  other: ['others', 'NGO', 'foundation', 'hospital'],
};

const INSTITUTION_RULES: readonly [RegExp, InstitutionType][] = [
  [/\buniv|\bcolleges?\b|\bpolytechn/, 'university'],
  [/\blaborator|\blabs?\b/, 'laboratory'],
  [/\bacadem/, 'academy'],
  [/\bresearch\b|\binstitutes?\b/, 'research-institute'],
  [/\bcompan|\bbusiness|\benterprise|\bcorporat|\bindustr|\bfirms?\b/, 'company'],
  [/\binternational\b|\bintergovernmental\b|\bunited nations\b/, 'international-organisation'],
  [/\balliance|\bnetwork|\bconsorti|\bassociation/, 'alliance'],
  [/\bgovernment|\bministr|\bagenc|\bauthorit|\bpublic\b/, 'government'],
];

let cooperationPhrases: Map<string, CooperationType> | undefined;
let institutionPhrases: Map<string, InstitutionType> | undefined;

function match<T>(
  raw: string,
  phrases: Map<string, T>,
  rules: readonly [RegExp, T][],
): T | undefined {
  const key = normaliseWords(raw);
  if (key === '') return undefined;
  const exact = phrases.get(key);
  if (exact !== undefined) return exact;
  return rules.find(([re]) => re.test(key))?.[1];
}

/** The cooperation type a cell names ("MoU", "Exchange agreement", "joint-programme"), if any. */
export function matchCooperation(raw: string): CooperationType | undefined {
  cooperationPhrases ??= phraseTable(COOPERATION_TYPES, COOPERATION_INFO, COOPERATION_SYNONYMS);
  return match(raw, cooperationPhrases, COOPERATION_RULES);
}

/** The institution type a cell names ("University", "Research centre", "company"), if any. */
export function matchInstitutionType(raw: string): InstitutionType | undefined {
  institutionPhrases ??= phraseTable(INSTITUTION_TYPES, INSTITUTION_INFO, INSTITUTION_SYNONYMS);
  return match(raw, institutionPhrases, INSTITUTION_RULES);
}
