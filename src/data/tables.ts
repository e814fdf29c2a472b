// Turns the curated tables under data/ into a graph, then checks it with the one validator and
// names the table row behind every problem.

import { countryCentroid } from '../model/countryPlaces';
import {
  type EdgeElement,
  type GraphData,
  type NodeElement,
  type Problem,
  type Source,
} from '../model';
import { requireColumns, type CsvRow, type CsvTable } from './csv';
import { validateGraph, yearOfDate, type LocatedProblem } from './validateGraph';

export interface CuratedTables {
  sources: CsvTable;
  institutions: CsvTable;
  agreements: CsvTable;
  places: CsvTable;
  /** Source texts by file name. */
  texts: ReadonlyMap<string, string>;
  meta: { title: string; description: string };
}

export const TABLE_COLUMNS = {
  sources: ['id', 'file', 'title', 'publisher', 'date', 'about', 'note'],
  institutions: ['id', 'name', 'aliases', 'country', 'type', 'city', 'note'],
  agreements: [
    'agreement',
    'source',
    'target',
    'cooperation',
    'date',
    'description',
    'evidence_source',
    'quote',
  ],
  places: ['country', 'city', 'lat', 'lon'],
} as const;

/** Graph field → table column, where the names differ. */
const NODE_FIELD_TO_COLUMN: Record<string, string> = { label: 'name', lat: 'city', lon: 'city' };
const EDGE_FIELD_TO_COLUMN: Record<string, string> = { year: 'date', id: 'agreement' };

export interface TablesResult {
  graph: GraphData | null;
  problems: Problem[];
}

function rowProblem(table: CsvTable, index: number, field: string, message: string): Problem {
  return { file: table.file, row: index + 2, field, message };
}

export function tablesToGraph(t: CuratedTables): TablesResult {
  const problems: Problem[] = [
    ...t.sources.problems,
    ...t.institutions.problems,
    ...t.agreements.problems,
    ...t.places.problems,
    ...requireColumns(t.sources, TABLE_COLUMNS.sources),
    ...requireColumns(t.institutions, TABLE_COLUMNS.institutions),
    ...requireColumns(t.agreements, TABLE_COLUMNS.agreements),
    ...requireColumns(t.places, TABLE_COLUMNS.places),
  ];
  if (problems.length > 0) return { graph: null, problems };

  const places = new Map<string, { lat: number; lon: number }>();
  t.places.rows.forEach((r, i) => {
    const lat = Number(r.lat);
    const lon = Number(r.lon);
    if (r.lat === '' || r.lon === '' || !Number.isFinite(lat) || !Number.isFinite(lon)) {
      problems.push(rowProblem(t.places, i, 'lat', 'Latitude and longitude must be numbers.'));
      return;
    }
    places.set(`${r.country}\u0000${r.city}`, { lat, lon });
  });

  const sources: Source[] = t.sources.rows.map((r, i) => {
    const text = t.texts.get(r.file ?? '');
    if (text === undefined) {
      problems.push(rowProblem(t.sources, i, 'file', `No source text "${r.file}" in seeds/.`));
    }
    const s: Source = {
      id: r.id ?? '',
      file: r.file ?? '',
      title: r.title ?? '',
      publisher: r.publisher ?? '',
      date: r.date ?? '',
      about: r.about ?? '',
      note: r.note ?? '',
    };
    if (text !== undefined) s.text = text;
    return s;
  });

  const nodes: NodeElement[] = t.institutions.rows.map((r: CsvRow, i) => {
    const country = r.country ? r.country : null;
    const city = r.city ? r.city : null;
    // The city's place when given, else the country's centroid.
    const coords =
      city !== null
        ? (places.get(`${country ?? ''}\u0000${city}`) ?? null)
        : (countryCentroid(country) ?? null);
    if (city !== null && !coords) {
      problems.push(
        rowProblem(
          t.institutions,
          i,
          'city',
          `City "${city}" (${country ?? 'no country'}) is not in ${t.places.file}; add its coordinates there.`,
        ),
      );
    }
    const node: NodeElement = {
      data: {
        id: r.id ?? '',
        label: r.name ?? '',
        country,
        // Checked by the validator; an unknown value is reported there with this row.
        type: (r.type ?? '') as NodeElement['data']['type'],
        aliases: (r.aliases ?? '')
          .split('|')
          .map((a) => a.trim())
          .filter((a) => a !== ''),
        city,
        lat: coords?.lat ?? null,
        lon: coords?.lon ?? null,
      },
    };
    if (r.note) node.data.note = r.note;
    return node;
  });

  const partiesPerAgreement = new Map<string, number>();
  for (const r of t.agreements.rows) {
    const a = r.agreement ?? '';
    partiesPerAgreement.set(a, (partiesPerAgreement.get(a) ?? 0) + 1);
  }
  const edges: EdgeElement[] = t.agreements.rows.map((r, i) => {
    const agreement = r.agreement ?? '';
    const source = r.source ?? '';
    const target = r.target ?? '';
    const date = r.date ? r.date : null;
    if (date !== null && yearOfDate(date) === null) {
      problems.push(
        rowProblem(t.agreements, i, 'date', `"${date}" is not YYYY, YYYY-MM or YYYY-MM-DD.`),
      );
    }
    const shared = (partiesPerAgreement.get(agreement) ?? 0) > 1;
    return {
      data: {
        id: shared ? `${agreement}--${source}--${target}` : agreement,
        source,
        target,
        cooperation: (r.cooperation ?? '') as EdgeElement['data']['cooperation'],
        year: date !== null ? yearOfDate(date) : null,
        date,
        description: r.description ?? '',
        agreement,
        evidence: [{ source: r.evidence_source ?? '', quote: r.quote ?? '' }],
      },
    };
  });
  if (problems.length > 0) return { graph: null, problems };

  const graph: GraphData = {
    data: { title: t.meta.title, description: t.meta.description, sources },
    elements: { nodes, edges },
  };
  const result = validateGraph(graph);
  if (result.problems.length > 0) {
    return { graph: null, problems: result.problems.map((p) => locate(p, t)) };
  }
  return { graph: result.graph, problems: [] };
}

/** Maps a validator problem on the assembled graph back to the table row it came from. */
function locate(p: LocatedProblem, t: CuratedTables): Problem {
  if (!p.element) return { message: p.message };
  const { collection, index } = p.element;
  const table =
    collection === 'nodes' ? t.institutions : collection === 'edges' ? t.agreements : t.sources;
  const map =
    collection === 'nodes'
      ? NODE_FIELD_TO_COLUMN
      : collection === 'edges'
        ? EDGE_FIELD_TO_COLUMN
        : {};
  let field = p.field ?? '';
  if (collection === 'edges' && p.path?.includes('.evidence[')) {
    field = field === 'source' ? 'evidence_source' : field;
  } else {
    field = map[field] ?? field;
  }
  return rowProblem(table, index, field, p.message);
}
