// The downloadable templates and the documentation of their columns, shown as a table in the
// import dialog. public/template-agreements.csv and public/template-institutions.csv hold the
// same text (a test keeps them equal). The institutions and places are invented.

import { DATE_FORMATS_HINT } from './dates';
import type { AgreementRole, InstitutionRole } from './mapping';

export interface TemplateColumn {
  table: 'agreements' | 'institutions';
  /** The header in the template; the importer also recognises common variants. */
  column: string;
  role: AgreementRole | InstitutionRole;
  required: boolean;
  description: string;
}

export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  {
    table: 'agreements',
    column: 'Institution',
    role: 'source',
    required: true,
    description:
      'One party of the agreement, by name. Names that differ only in capitals or spaces are the same institution. Can be left out if every row belongs to one institution: the dialog then asks for its name.',
  },
  {
    table: 'agreements',
    column: 'Institution country',
    role: 'sourceCountry',
    required: false,
    description: 'A country name in English or an ISO code (GB, DE, CN).',
  },
  {
    table: 'agreements',
    column: 'Institution type',
    role: 'sourceType',
    required: false,
    description:
      'University, research institute, laboratory, academy, company, international organisation, alliance, government or other. Empty means other.',
  },
  {
    table: 'agreements',
    column: 'Partner',
    role: 'target',
    required: true,
    description: 'The other party, by name.',
  },
  {
    table: 'agreements',
    column: 'Partner country',
    role: 'targetCountry',
    required: false,
    description: 'As for the institution.',
  },
  {
    table: 'agreements',
    column: 'Partner type',
    role: 'targetType',
    required: false,
    description: 'As for the institution.',
  },
  {
    table: 'agreements',
    column: 'Cooperation type',
    role: 'cooperation',
    required: false,
    description:
      'MoU, strategic cooperation, cooperation agreement, joint degree, joint institute, exchange, research, industry partnership, membership, visit… Other words can be mapped in the dialog. Empty means other.',
  },
  {
    table: 'agreements',
    column: 'Date',
    role: 'date',
    required: false,
    description: `When it was signed or began, as precisely as known: ${DATE_FORMATS_HINT}.`,
  },
  {
    table: 'agreements',
    column: 'Description',
    role: 'description',
    required: false,
    description: 'What the agreement covers.',
  },
  {
    table: 'agreements',
    column: 'Quote',
    role: 'evidence',
    required: false,
    description: 'The sentence that states the agreement, word for word, as evidence.',
  },
  {
    table: 'agreements',
    column: 'Quote source',
    role: 'evidenceSource',
    required: false,
    description: 'Where the quote is from: a web address or a document title.',
  },
  {
    table: 'agreements',
    column: 'Agreement id',
    role: 'agreement',
    required: false,
    description:
      'Optional. An agreement of three or more parties is one row per pair, all with the same id.',
  },
  {
    table: 'institutions',
    column: 'Id',
    role: 'id',
    required: false,
    description: 'Optional short id; the agreements table may use it instead of the name.',
  },
  {
    table: 'institutions',
    column: 'Name',
    role: 'name',
    required: true,
    description: 'The name shown in the graph.',
  },
  {
    table: 'institutions',
    column: 'Other names',
    role: 'aliases',
    required: false,
    description:
      'Acronyms and other names, separated by | — the agreements table may use any of them.',
  },
  {
    table: 'institutions',
    column: 'Country',
    role: 'country',
    required: false,
    description: 'A country name in English or an ISO code.',
  },
  {
    table: 'institutions',
    column: 'Type',
    role: 'type',
    required: false,
    description: 'As in the agreements table. Empty means other.',
  },
  {
    table: 'institutions',
    column: 'City',
    role: 'city',
    required: false,
    description: 'Where the institution is.',
  },
];

export const TEMPLATE_AGREEMENTS_CSV = `Institution,Institution country,Institution type,Partner,Partner country,Partner type,Cooperation type,Date,Description,Quote,Quote source,Agreement id
Northbridge University,United Kingdom,University,Lakeside Institute of Technology,Germany,University,Memorandum of understanding,2019-05-23,A memorandum of understanding on joint research in materials science.,On 23 May 2019 Northbridge University and Lakeside Institute of Technology signed a memorandum of understanding.,https://example.org/news/2019-05-23-mou,
Northbridge University,GB,University,Lakeside Institute of Technology,DE,University,Exchange agreement,2021,"Exchange of up to ten students a year, in both directions.","Students of both universities can spend a semester abroad, the agreement says.",Northbridge University Annual Report 2021,
Northbridge University,GB,University,Meridian Labs Ltd,Netherlands,Company,Industry partnership,May 2022,"Internships and a research chair in battery chemistry.","""Meridian Labs will fund a research chair,"" the university announced.",https://example.org/news/meridian,NB-ML-2022
`;

export const TEMPLATE_INSTITUTIONS_CSV = `Id,Name,Other names,Country,Type,City
northbridge,Northbridge University,NBU|Northbridge,United Kingdom,University,Northbridge
lakeside,Lakeside Institute of Technology,LIT,DE,University,Lakeside
meridian,Meridian Labs Ltd,Meridian,NL,Company,
`;

/** Where the built site serves the templates (files in public/). */
export const TEMPLATE_URLS = {
  agreements: './template-agreements.csv',
  institutions: './template-institutions.csv',
} as const;
