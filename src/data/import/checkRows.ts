// Checking imported tables row by row and assembling the rows that pass into a graph. Every
// problem names its file, spreadsheet row and column. The assembled graph then goes through
// `validateGraph`, the one validator, so the app only ever sees validated graphs.
//
// Institutions: without an institutions table they are identified by name ("Foo University"
// and "foo  university" are one), with ids made from the name; their type is "other" unless a
// type column says otherwise. With an institutions table, the agreements may name an
// institution by its id, its name or one of its other names.

import { countryCodeFromInput as countryCodeOf } from '../../model/countryInput';
import { countryCentroid } from '../../model/countryPlaces';
import {
  isCooperationType,
  type CooperationType,
  type EdgeElement,
  type GraphData,
  type InstitutionType,
  type NodeElement,
  type Problem,
  type Source,
} from '../../model';
import { LIMITS } from '../limits';
import { validateGraph } from '../validateGraph';
import { DATE_FORMATS_HINT, parseDateInput } from './dates';
import { AGREEMENT_ROLES, INSTITUTION_ROLES, type Mapping } from './mapping';
import { IdAllocator, normaliseKey, slugify, tidy } from './text';
import type { CheckProgress, RowProblem } from './types';
import {
  matchCooperation as cooperationOf,
  matchInstitutionType as institutionTypeOf,
} from './vocabularyMatch';

export interface TableInput {
  columns: string[];
  rows: string[][];
  /** Spreadsheet row number of each row; when absent, rows are numbered from 2. */
  rowNumbers?: number[];
  /** Problems found while reading the file; rows with errors among them are not imported. */
  problems?: RowProblem[];
}

/** A user's answer for a cooperation value the importer did not recognise, by normalised value. */
export type TypeMap = Record<string, CooperationType>;

export interface ImportInput {
  agreements: TableInput;
  institutions?: TableInput;
  mapping: Mapping;
  typeMap?: TypeMap;
  fileNames: { agreements: string; institutions?: string };
  /**
   * Also import rows whose only problems are values that can be left out: an unknown country
   * or date (left empty), cooperation or institution type (set to "other"), an institution
   * missing from the institutions table (added by name). Rows without a party, linking an
   * institution to itself, or repeating an earlier row are never imported.
   */
  importAnyway?: boolean;
  /** The graph's title; the file name when absent. */
  title?: string;
  /** Told how far the check has come, every few thousand rows and at each new phase. */
  onProgress?: (progress: CheckProgress) => void;
}

export interface ImportResult {
  graph: GraphData | null;
  problems: RowProblem[];
  /** Agreement rows that are imported as the options stand. */
  validRows: number;
  /** Agreement rows in the table, empty lines not counted. */
  totalRows: number;
  /** Rows whose problems all allow "import anyway"; included in `validRows` when it is chosen. */
  repairableRows: number;
  institutionRows: { valid: number; total: number };
}

// ── Helpers ─────────────────────────────────────────────────────────────────────────────────

/** Rows (or agreements) between two progress reports: a few milliseconds of work. */
const PROGRESS_STEP = 2000;

type Status = 'ok' | 'repair' | 'bad';

function statusOf(errors: readonly RowProblem[]): Status {
  if (errors.length === 0) return 'ok';
  return errors.every((e) => e.repair !== undefined) ? 'repair' : 'bad';
}

/** Reads cells of one table by column index; a stale index (the file changed) reads as empty. */
class TableReader {
  constructor(
    readonly table: TableInput,
    readonly file: string,
  ) {}
  rowNumber(index: number): number {
    return this.table.rowNumbers?.[index] ?? index + 2;
  }
  cell(row: readonly string[], col: number | null): string {
    if (col === null) return '';
    const v = row[col];
    return typeof v === 'string' ? v.trim() : '';
  }
  column(col: number | null): string {
    if (col === null) return '';
    return this.table.columns[col] ?? `Column ${col + 1}`;
  }
  /** Rows that had an error while the file was read (a broken quote): their cells are unsure. */
  brokenRows(): Set<number> {
    return new Set(
      (this.table.problems ?? []).filter((p) => p.level === 'error').map((p) => p.row),
    );
  }
}

/**
 * A lookup that remembers its answers. A column of countries or types holds a few dozen
 * distinct values over 100,000 rows; each is matched against the vocabulary once.
 */
function remembered<T>(lookup: (raw: string) => T): (raw: string) => T {
  const seen = new Map<string, { value: T }>();
  return (raw) => {
    let hit = seen.get(raw);
    if (!hit) {
      hit = { value: lookup(raw) };
      seen.set(raw, hit);
    }
    return hit.value;
  };
}

// Per check, so that nothing outlives the tables it was made from.
const lookups = () => ({
  country: remembered(countryCodeOf),
  institutionType: remembered(institutionTypeOf),
  cooperation: remembered(cooperationOf),
});
type Lookups = ReturnType<typeof lookups>;

function tooLong(value: string): boolean {
  return value.length > LIMITS.maxFieldLength;
}

const quoted = (s: string) => `“${s.length > 80 ? `${s.slice(0, 80)}…` : s}”`;

/** A problem as the app's generic `Problem`, an empty column left out, for `ProblemList`. */
export function toProblem(p: RowProblem): Problem {
  const out: Problem = { file: p.file, row: p.row, message: p.message };
  if (p.field !== '') out.field = p.field;
  if (p.repair !== undefined) out.message = `${p.message} If imported anyway: ${p.repair}.`;
  return out;
}

/** "agreements.csv, row 4, column “Partner”: …" */
export function formatRowProblem(p: RowProblem): string {
  const where = [p.file, `row ${p.row}`, p.field ? `column ${quoted(p.field)}` : '']
    .filter((s) => s !== '')
    .join(', ');
  return `${where}: ${p.message}`;
}

function ownValue<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

// ── Institutions table ─────────────────────────────────────────────────────────────────────

interface Institution {
  id: string;
  label: string;
  aliases: string[];
  country: string | null;
  type: InstitutionType;
  /** Whether the type came from the data rather than the default. */
  typeGiven: boolean;
  city: string | null;
  file: string;
  row: number;
  /** Country and type were given in the row that first named the institution. */
  countryRow: number;
  typeRow: number;
  status: Status;
}

interface InstitutionIndex {
  byId: Map<string, Institution>;
  byKey: Map<string, Institution>;
  list: Institution[];
  valid: number;
}

function readInstitutions(
  input: ImportInput,
  ids: IdAllocator,
  problems: RowProblem[],
  look: Lookups,
  onRow: (index: number) => void,
): InstitutionIndex | null {
  const table = input.institutions;
  if (!table) return null;
  const file = input.fileNames.institutions ?? 'institutions.csv';
  const r = new TableReader(table, file);
  const m = input.mapping.institutions;
  const index: InstitutionIndex = {
    byId: new Map(),
    byKey: new Map(),
    list: [],
    valid: 0,
  };
  problems.push(...(table.problems ?? []));
  if (m.name === null) {
    problems.push({
      file,
      row: 1,
      field: '',
      level: 'error',
      message:
        'Choose the column with the institution names; until then the institutions table is not used.',
    });
    return null;
  }
  const broken = r.brokenRows();
  const nameRows = new Map<string, number>();
  const explicitIds = new Map<string, number>();
  table.rows.forEach((row, i) => {
    if (i % PROGRESS_STEP === 0) onRow(i);
    const rowNo = r.rowNumber(i);
    const errors: RowProblem[] = [];
    const err = (col: number | null, message: string, repair?: string) => {
      const p: RowProblem = { file, row: rowNo, field: r.column(col), level: 'error', message };
      if (repair !== undefined) p.repair = repair;
      errors.push(p);
    };
    if (broken.has(rowNo)) return;
    for (const role of INSTITUTION_ROLES) {
      if (tooLong(r.cell(row, m[role]))) {
        err(
          m[role],
          `The cell is longer than ${LIMITS.maxFieldLength.toLocaleString('en')} characters.`,
        );
      }
    }
    const label = tidy(r.cell(row, m.name));
    if (label === '') err(m.name, 'The name is empty.');
    const rawId = tidy(r.cell(row, m.id));
    const key = normaliseKey(label);
    if (rawId !== '') {
      const other = explicitIds.get(rawId);
      if (other !== undefined)
        err(m.id, `The id ${quoted(rawId)} is already used on row ${other}.`);
    } else if (label !== '') {
      const other = nameRows.get(key);
      if (other !== undefined) err(m.name, `The same institution as on row ${other}.`);
    }
    const rawCountry = r.cell(row, m.country);
    let country: string | null = null;
    if (rawCountry !== '') {
      country = look.country(rawCountry) ?? null;
      if (country === null) {
        err(m.country, `Unknown country ${quoted(rawCountry)}.`, 'the country is left empty');
      }
    }
    const rawType = r.cell(row, m.type);
    const matchedType = rawType === '' ? undefined : look.institutionType(rawType);
    if (rawType !== '' && matchedType === undefined) {
      err(m.type, `Unknown institution type ${quoted(rawType)}.`, 'the type is “Other”');
    }
    problems.push(...errors);
    const status = statusOf(errors);
    if (status === 'bad') return;
    if (status === 'ok') index.valid++;
    // Rows needing "import anyway" are indexed too, so agreements naming them can say why they
    // wait rather than report the institution as missing.
    const inst: Institution = {
      id: ids.take(rawId === '' ? slugify(label, 'institution') : rawId),
      label,
      aliases: r
        .cell(row, m.aliases)
        .split(/[|;]/)
        .map(tidy)
        .filter((a) => a !== '' && normaliseKey(a) !== key),
      country,
      type: matchedType ?? 'other',
      typeGiven: matchedType !== undefined,
      city: tidy(r.cell(row, m.city)) || null,
      file,
      row: rowNo,
      countryRow: rowNo,
      typeRow: rowNo,
      status,
    };
    // An explicit id always finds its row, even if a made-up id took that spelling first.
    if (rawId !== '') {
      explicitIds.set(rawId, rowNo);
      index.byId.set(rawId, inst);
    }
    if (!index.byId.has(inst.id)) index.byId.set(inst.id, inst);
    if (!nameRows.has(key)) nameRows.set(key, rowNo);
    for (const k of [normaliseKey(inst.id), key, ...inst.aliases.map(normaliseKey)]) {
      if (!index.byKey.has(k)) index.byKey.set(k, inst);
    }
    index.list.push(inst);
  });
  return index;
}

// ── Agreement rows ─────────────────────────────────────────────────────────────────────────

interface Party {
  /** Identity of the institution within this import. */
  key: string;
  label: string;
  /** The institutions-table entry, when there is one. */
  known?: Institution;
  country: string | null;
  countryField: string;
  type: InstitutionType | null;
  typeField: string;
}

interface RowPlan {
  row: number;
  status: Status;
  parties: [Party, Party] | null;
  cooperation: CooperationType | null;
  date: string | null;
  year: number | null;
  description: string;
  quote: string;
  evidenceSource: string;
  evidenceSourceField: string;
  agreement: string;
}

function planRows(
  input: ImportInput,
  r: TableReader,
  institutions: InstitutionIndex | null,
  problems: RowProblem[],
  look: Lookups,
  onRow: (index: number) => void,
): RowPlan[] {
  const m = input.mapping.agreements;
  const file = r.file;
  const home = tidy(input.mapping.homeInstitution);
  const homeCountry = input.mapping.homeCountry.trim();
  const broken = r.brokenRows();
  const firstSeen = new Map<string, number>();
  const plans: RowPlan[] = [];
  const institutionsFile = input.fileNames.institutions ?? 'institutions.csv';

  r.table.rows.forEach((row, i) => {
    if (i % PROGRESS_STEP === 0) onRow(i);
    const rowNo = r.rowNumber(i);
    const errors: RowProblem[] = [];
    const err = (field: string, message: string, repair?: string) => {
      const p: RowProblem = { file, row: rowNo, field, level: 'error', message };
      if (repair !== undefined) p.repair = repair;
      errors.push(p);
    };
    for (const role of AGREEMENT_ROLES) {
      if (tooLong(r.cell(row, m[role]))) {
        err(
          r.column(m[role]),
          `The cell is longer than ${LIMITS.maxFieldLength.toLocaleString('en')} characters.`,
        );
      }
    }

    const party = (side: 'source' | 'target'): Party | null => {
      const isHome = side === 'source' && m.source === null;
      const field = isHome ? 'Institution (typed in)' : r.column(m[side]);
      const raw = tidy(isHome ? home : r.cell(row, m[side]));
      if (raw === '') {
        err(field, side === 'source' ? 'The institution is missing.' : 'The partner is missing.');
        return null;
      }
      const countryCol = side === 'source' ? m.sourceCountry : m.targetCountry;
      const typeCol = side === 'source' ? m.sourceType : m.targetType;
      const p: Party = {
        key: `name:${normaliseKey(raw)}`,
        label: raw,
        country: null,
        countryField: isHome && countryCol === null ? 'Country (typed in)' : r.column(countryCol),
        type: null,
        typeField: r.column(typeCol),
      };
      if (institutions) {
        const known = institutions.byId.get(raw) ?? institutions.byKey.get(normaliseKey(raw));
        if (known) {
          p.known = known;
          p.key = `id:${known.id}`;
          p.label = known.label;
          if (known.status === 'repair') {
            err(
              field,
              `${quoted(raw)} has problems in ${institutionsFile}, row ${known.row}.`,
              'it is imported with those values left out',
            );
          }
        } else {
          err(
            field,
            `${quoted(raw)} is not in ${institutionsFile} (as an id, name or other name).`,
            'it is added as a new institution',
          );
        }
      }
      const rawCountry = isHome && countryCol === null ? homeCountry : r.cell(row, countryCol);
      if (rawCountry !== '') {
        p.country = look.country(rawCountry) ?? null;
        if (p.country === null) {
          err(
            p.countryField,
            `Unknown country ${quoted(rawCountry)}.`,
            'the country is left empty',
          );
        }
      }
      const rawType = r.cell(row, typeCol);
      if (rawType !== '') {
        p.type = look.institutionType(rawType) ?? null;
        if (p.type === null) {
          err(p.typeField, `Unknown institution type ${quoted(rawType)}.`, 'the type is “Other”');
        }
      }
      return p;
    };

    if (broken.has(rowNo)) {
      plans.push({
        row: rowNo,
        status: 'bad',
        parties: null,
        cooperation: null,
        date: null,
        year: null,
        description: '',
        quote: '',
        evidenceSource: '',
        evidenceSourceField: '',
        agreement: '',
      });
      return;
    }
    const source = party('source');
    const target = party('target');

    const rawCoop = r.cell(row, m.cooperation);
    let cooperation: CooperationType | null = 'other';
    if (rawCoop !== '') {
      const chosen = ownValue(input.typeMap, normaliseKey(rawCoop));
      cooperation =
        chosen !== undefined && isCooperationType(chosen)
          ? chosen
          : (look.cooperation(rawCoop) ?? null);
      if (cooperation === null) {
        err(
          r.column(m.cooperation),
          `Unknown cooperation type ${quoted(rawCoop)}: choose a type for it in the mapping step.`,
          'it is imported as “Other”',
        );
      }
    }

    const rawDate = r.cell(row, m.date);
    const parsed = parseDateInput(rawDate);
    if (!parsed.ok) {
      err(
        r.column(m.date),
        `${quoted(rawDate)} is not a date the importer can read: write ${DATE_FORMATS_HINT}.`,
        'the date is left empty',
      );
    }
    const date = parsed.ok ? parsed.date : null;
    const agreement = tidy(r.cell(row, m.agreement));

    if (source && target) {
      if (source.key === target.key) {
        err(
          r.column(m.target),
          `The institution and the partner are the same (${quoted(target.label)}).`,
        );
      } else {
        // One agreement between A and B is the same whichever is listed first.
        const pair = [source.key, target.key].sort().join('\u0000');
        // Unreadable values compare as written, so two different bad dates are not "the same".
        const when = parsed.ok ? (date ?? '') : `raw:${rawDate}`;
        const key = [pair, cooperation ?? `raw:${normaliseKey(rawCoop)}`, when, agreement].join(
          '\u0001',
        );
        const first = firstSeen.get(key);
        if (first !== undefined) {
          err('', `A duplicate of row ${first}: the same institutions, cooperation type and date.`);
        } else firstSeen.set(key, rowNo);
      }
    }

    problems.push(...errors);
    plans.push({
      row: rowNo,
      status: statusOf(errors),
      parties: source && target ? [source, target] : null,
      cooperation,
      date,
      year: parsed.ok ? parsed.year : null,
      description: r.cell(row, m.description),
      quote: r.cell(row, m.evidence),
      evidenceSource: tidy(r.cell(row, m.evidenceSource)),
      evidenceSourceField: r.column(m.evidenceSource),
      agreement,
    });
  });
  return plans;
}

// ── Assembly ───────────────────────────────────────────────────────────────────────────────

function coordinates(country: string | null): { lat: number | null; lon: number | null } {
  return countryCentroid(country) ?? { lat: null, lon: null };
}

function nodeOf(inst: Institution): NodeElement {
  // Cities have no coordinates table in an import, so the country's centroid stands in.
  return {
    data: {
      id: inst.id,
      label: inst.label,
      country: inst.country,
      type: inst.type,
      aliases: inst.aliases,
      city: inst.city,
      ...coordinates(inst.country),
    },
  };
}

/**
 * Checks imported tables row by row and builds a graph of the rows that pass. Never throws.
 * `graph` is null when nothing can be imported; the problems say why.
 */
export function buildImportedGraph(input: ImportInput): ImportResult {
  const problems: RowProblem[] = [];
  const importAnyway = input.importAnyway === true;
  const file = input.fileNames.agreements;
  const r = new TableReader(input.agreements, file);
  const totalRows = input.agreements.rows.length;
  const m = input.mapping.agreements;
  // Problems of the agreements file first, then of the institutions file, each in row order.
  const sorted = () => {
    const order = (p: RowProblem) => (p.file === file ? 0 : 1);
    return problems.sort((x, y) => order(x) - order(y) || x.row - y.row);
  };
  const empty = (valid: number, repairableRows = 0): ImportResult => ({
    graph: null,
    problems: sorted(),
    validRows: 0,
    totalRows,
    repairableRows,
    institutionRows: { valid, total: input.institutions?.rows.length ?? 0 },
  });

  problems.push(...(input.agreements.problems ?? []));
  let mappingOk = true;
  if (m.target === null) {
    mappingOk = false;
    problems.push({
      file,
      row: 1,
      field: '',
      level: 'error',
      message: 'Choose the column that holds the partners.',
    });
  }
  if (m.source === null && tidy(input.mapping.homeInstitution) === '') {
    mappingOk = false;
    problems.push({
      file,
      row: 1,
      field: '',
      level: 'error',
      message:
        'Choose the column that holds the institutions, or type the name of the institution every row belongs to.',
    });
  }
  if (totalRows > LIMITS.maxTableRows) {
    mappingOk = false;
    problems.push({
      file,
      row: 1,
      field: '',
      level: 'error',
      message: `The table has ${totalRows.toLocaleString('en')} rows; at most ${LIMITS.maxTableRows.toLocaleString('en')} can be imported.`,
    });
  }

  // Both tables' rows count towards the checking phase, the institutions table's first.
  const institutionTotal = input.institutions?.rows.length ?? 0;
  const checking = (done: number) =>
    input.onProgress?.({ phase: 'checking', done, total: institutionTotal + totalRows });
  const ids = new IdAllocator();
  const look = lookups();
  const institutions = readInstitutions(input, ids, problems, look, checking);
  if (!mappingOk) return empty(institutions?.valid ?? 0);

  const plans = planRows(input, r, institutions, problems, look, (i) =>
    checking(institutionTotal + i),
  );
  const take = (s: Status) => s === 'ok' || (s === 'repair' && importAnyway);
  const imported = plans.filter((p) => take(p.status) && p.parties !== null);

  // Institutions: those of the table first, in table order, then those named only in rows.
  const nodes = new Map<string, Institution>();
  if (institutions) {
    for (const inst of institutions.list) {
      if (take(inst.status)) nodes.set(`id:${inst.id}`, inst);
    }
  }
  const warn = (row: number, field: string, message: string) =>
    problems.push({ file, row, field, level: 'warning', message });
  for (const plan of imported) {
    for (const p of plan.parties ?? []) {
      let inst = nodes.get(p.key);
      if (!inst) {
        inst = p.known ?? {
          id: ids.take(slugify(p.label, 'institution')),
          label: p.label,
          aliases: [],
          country: null,
          type: 'other',
          typeGiven: false,
          city: null,
          file,
          row: plan.row,
          countryRow: plan.row,
          typeRow: plan.row,
          status: 'ok',
        };
        nodes.set(p.key, inst);
      }
      if (p.country !== null) {
        if (inst.country === null) {
          inst.country = p.country;
          inst.countryRow = plan.row;
        } else if (inst.country !== p.country) {
          warn(
            plan.row,
            p.countryField,
            `${quoted(inst.label)} has the country ${inst.country} in ${inst.file}, row ${inst.countryRow}; ${p.country} here is ignored.`,
          );
        }
      }
      if (p.type !== null) {
        if (!inst.typeGiven) {
          inst.type = p.type;
          inst.typeGiven = true;
          inst.typeRow = plan.row;
        } else if (inst.type !== p.type) {
          warn(
            plan.row,
            p.typeField,
            `${quoted(inst.label)} has the type ${inst.type} in ${inst.file}, row ${inst.typeRow}; ${p.type} here is ignored.`,
          );
        }
      }
    }
  }

  // Evidence sources: one source entry per distinct value, a URL kept as its link.
  const sources: Source[] = [];
  const sourceIds = new Map<string, string>();
  const sourceAlloc = new IdAllocator();
  const evidenceFor = (plan: RowPlan): EdgeElement['data']['evidence'] => {
    if (plan.quote === '') {
      if (plan.evidenceSource !== '') {
        warn(
          plan.row,
          plan.evidenceSourceField,
          'A quote source without a quote is not kept: add the sentence it supports.',
        );
      }
      return [];
    }
    if (plan.evidenceSource === '') return [{ quote: plan.quote }];
    const key = normaliseKey(plan.evidenceSource);
    let id = sourceIds.get(key);
    if (id === undefined) {
      if (sources.length >= LIMITS.maxSources) {
        warn(
          plan.row,
          plan.evidenceSourceField,
          `Only ${LIMITS.maxSources} different quote sources can be kept; this quote is kept without its source.`,
        );
        return [{ quote: plan.quote }];
      }
      id = sourceAlloc.take(`source-${slugify(plan.evidenceSource, 'source')}`);
      sourceIds.set(key, id);
      const s: Source = {
        id,
        file: '',
        title: plan.evidenceSource,
        publisher: '',
        date: '',
        about: '',
        note: '',
      };
      if (/^https?:\/\/\S+$/i.test(plan.evidenceSource)) s.url = plan.evidenceSource;
      sources.push(s);
    }
    return [{ source: id, quote: plan.quote }];
  };

  const nodeList = [...nodes.values()];
  const edgeIds = new IdAllocator(nodeList.map((n) => n.id));
  const edges: EdgeElement[] = [];
  const edgeRows: number[] = [];
  for (const [k, plan] of imported.entries()) {
    if (k % PROGRESS_STEP === 0) {
      input.onProgress?.({ phase: 'building', done: k, total: imported.length });
    }
    const [a, b] = plan.parties ?? [];
    const sourceInst = a && nodes.get(a.key);
    const targetInst = b && nodes.get(b.key);
    if (!sourceInst || !targetInst) continue;
    const cooperation = plan.cooperation ?? 'other';
    const id = edgeIds.take(
      [sourceInst.id, targetInst.id, cooperation, plan.date ?? ''].filter((s) => s).join('--'),
    );
    edges.push({
      data: {
        id,
        source: sourceInst.id,
        target: targetInst.id,
        cooperation,
        year: plan.year,
        date: plan.date,
        description: plan.description,
        agreement: plan.agreement || id,
        evidence: evidenceFor(plan),
      },
    });
    edgeRows.push(plan.row);
  }

  const repairableRows = plans.filter((p) => p.status === 'repair').length;
  const institutionRows = {
    valid: institutions?.valid ?? 0,
    total: input.institutions?.rows.length ?? 0,
  };
  if (nodeList.length === 0) return empty(institutionRows.valid, repairableRows);

  const files = [file, input.fileNames.institutions].filter((f): f is string => !!f);
  const assembled: GraphData = {
    data: {
      title: input.title ?? file.replace(/\.[a-z0-9]+$/i, ''),
      description: `Imported from ${files.join(' and ')}.`,
      sources,
    },
    elements: { nodes: nodeList.map(nodeOf), edges },
  };
  input.onProgress?.({ phase: 'validating', done: 0, total: 1 });
  const checked = validateGraph(assembled, { file });
  if (!checked.graph) {
    // Rows were checked above, so this means a gap in those checks; still name the rows.
    for (const p of checked.problems) {
      const el = p.element;
      const inst = el?.collection === 'nodes' ? nodeList[el.index] : undefined;
      const row = el?.collection === 'edges' ? (edgeRows[el.index] ?? 1) : (inst?.row ?? 1);
      problems.push({
        file: inst?.file ?? file,
        row,
        field: p.field ?? '',
        level: 'error',
        message: p.message,
      });
    }
    return empty(institutionRows.valid, repairableRows);
  }
  return {
    graph: checked.graph,
    problems: sorted(),
    validRows: edges.length,
    totalRows,
    repairableRows,
    institutionRows,
  };
}

// ── For the mapping step ───────────────────────────────────────────────────────────────────

export interface ValueCount {
  /** The value as first written. */
  value: string;
  /** The key under which a choice for it goes into the TypeMap. */
  key: string;
  count: number;
  /** The type the importer reads it as without help, if any. */
  match: CooperationType | undefined;
}

/** Distinct values of the cooperation column: those not recognised first, then by frequency. */
export function cooperationValues(table: TableInput, column: number | null): ValueCount[] {
  if (column === null) return [];
  const byKey = new Map<string, ValueCount>();
  for (const row of table.rows) {
    const value = (row[column] ?? '').trim();
    if (value === '') continue;
    const key = normaliseKey(value);
    const entry = byKey.get(key);
    if (entry) entry.count++;
    else byKey.set(key, { value, key, count: 1, match: cooperationOf(value) });
  }
  return [...byKey.values()].sort(
    (a, b) =>
      Number(a.match !== undefined) - Number(b.match !== undefined) ||
      b.count - a.count ||
      a.value.localeCompare(b.value),
  );
}
