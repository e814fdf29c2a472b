// Controlled vocabularies. Each is an `as const` array so the union types follow from the data,
// and each value carries the label and definition shown in the legend, filters and README.

export const COOPERATION_TYPES = [
  'strategic-cooperation',
  'mou',
  'cooperation-agreement',
  'joint-programme',
  'joint-school',
  'exchange',
  'research',
  'industry-partnership',
  'alliance-membership',
  'affiliation',
  'succession',
  'shared-staff',
  'visit',
  'under-negotiation',
  'other',
] as const;
export type CooperationType = (typeof COOPERATION_TYPES)[number];

export interface VocabularyEntry {
  label: string;
  definition: string;
}

export const COOPERATION_INFO: Record<CooperationType, VocabularyEntry> = {
  'strategic-cooperation': {
    label: 'Strategic cooperation',
    definition: 'A signed strategic cooperation agreement or framework covering several fields.',
  },
  mou: {
    label: 'Memorandum of understanding',
    definition: 'A signed memorandum of understanding (MoU): a declared intent to cooperate.',
  },
  'cooperation-agreement': {
    label: 'Cooperation agreement',
    definition: 'A signed cooperation agreement that is neither strategic framework nor MoU.',
  },
  'joint-programme': {
    label: 'Joint programme',
    definition: 'A joint, dual or international degree or teaching programme run with a partner.',
  },
  'joint-school': {
    label: 'Joint school, institute or centre',
    definition: 'A jointly established school, institute, centre or laboratory.',
  },
  exchange: {
    label: 'Exchange and mobility',
    definition:
      'Student or staff exchange, and courses or internships a partner offers to students.',
  },
  research: {
    label: 'Research collaboration',
    definition: 'Joint research without a wider agreement named in the source.',
  },
  'industry-partnership': {
    label: 'Industry partnership',
    definition: 'An agreement between academia and a company.',
  },
  'alliance-membership': {
    label: 'Alliance membership',
    definition: 'An institution belongs to, or hosts, an alliance or network.',
  },
  affiliation: {
    label: 'Organisational affiliation',
    definition:
      'One body belongs to another or works under its auspices (an institute of an academy, a UNESCO centre).',
  },
  succession: {
    label: 'Predecessor and successor',
    definition: 'One institution is built on, renamed from or merged into another.',
  },
  'shared-staff': {
    label: 'Shared staff',
    definition: 'A named person holds posts at both institutions; no formal agreement is stated.',
  },
  visit: {
    label: 'Visit',
    definition: 'A delegation visited the partner to explore cooperation.',
  },
  'under-negotiation': {
    label: 'Talks and plans',
    definition: 'A cooperation in discussion or announced as intended; nothing signed yet.',
  },
  other: {
    label: 'Other',
    definition: 'A relationship that fits none of the types above (used for imported data).',
  },
};

export const INSTITUTION_TYPES = [
  'university',
  'research-institute',
  'laboratory',
  'academy',
  'company',
  'international-organisation',
  'alliance',
  'government',
  'other',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

export const INSTITUTION_INFO: Record<InstitutionType, VocabularyEntry> = {
  university: {
    label: 'University',
    definition: 'A degree-granting higher-education institution, whatever its name.',
  },
  'research-institute': {
    label: 'Research institute',
    definition: 'An institute whose main task is research or advanced study.',
  },
  laboratory: { label: 'Laboratory', definition: 'A laboratory constituted as an institution.' },
  academy: {
    label: 'Academy of sciences',
    definition: 'A national academy of sciences or similar learned body.',
  },
  company: { label: 'Company', definition: 'A business enterprise.' },
  'international-organisation': {
    label: 'International organisation',
    definition: 'An intergovernmental organisation or a centre or platform working under one.',
  },
  alliance: {
    label: 'Alliance or network',
    definition: 'An alliance, consortium or network of institutions.',
  },
  government: {
    label: 'Government body',
    definition: 'A ministry, agency or other public authority.',
  },
  other: { label: 'Other', definition: 'Anything that fits none of the types above.' },
};

/** Each vocabulary entry's place in its list: the number that stands for it in columns and
 * packed parts. */
const COOPERATION_CODE: ReadonlyMap<string, number> = new Map(
  COOPERATION_TYPES.map((t, i) => [t, i]),
);
const INSTITUTION_CODE: ReadonlyMap<string, number> = new Map(
  INSTITUTION_TYPES.map((t, i) => [t, i]),
);

export function isCooperationType(value: string): value is CooperationType {
  return COOPERATION_CODE.has(value);
}

export function isInstitutionType(value: string): value is InstitutionType {
  return INSTITUTION_CODE.has(value);
}

function codeOf(codes: ReadonlyMap<string, number>, value: string, what: string): number {
  const code = codes.get(value);
  // Checked data holds vocabulary values only: anything else is a bug, not bad input.
  if (code === undefined) throw new Error(`"${value}" is not a ${what} of the vocabulary.`);
  return code;
}

/** The cooperation type's place in COOPERATION_TYPES. */
export function cooperationCode(type: CooperationType): number {
  return codeOf(COOPERATION_CODE, type, 'cooperation type');
}

/** The institution type's place in INSTITUTION_TYPES. */
export function institutionTypeCode(type: InstitutionType): number {
  return codeOf(INSTITUTION_CODE, type, 'institution type');
}
