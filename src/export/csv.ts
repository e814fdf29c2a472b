// Two CSV tables in the convention of Gephi's spreadsheet importer (Data Laboratory → Import
// Spreadsheet): a nodes table keyed by Id and an edges table with Source, Target and Type.

import Papa from 'papaparse';
import type { Visible } from '../filters';
import type { GraphData } from '../model';
import { exportRecords } from './records';

export const NODE_COLUMNS = [
  'Id',
  'Label',
  'Country',
  'Country name',
  'Type',
  'City',
  'Latitude',
  'Longitude',
  'Aliases',
  'Partners',
] as const;

export const EDGE_COLUMNS = [
  'Source',
  'Target',
  'Type',
  'Id',
  'Label',
  'Cooperation',
  'Year',
  'Date',
  'Agreement',
  'Description',
  'Evidence source',
  'Evidence quote',
] as const;

export interface CsvTables {
  nodes: string;
  edges: string;
}

type Cell = string | number | null;

/**
 * Spreadsheets run a cell that begins with = + - @ (or a tab or carriage return before one) as a
 * formula, so such text gets a leading apostrophe. Papa applies this to text only: numbers such
 * as a latitude of -33.869 stay numbers. Its built-in pattern misses text with a line break after
 * the first character, so the pattern is given here.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function unparse(fields: readonly string[], data: Cell[][]): string {
  return Papa.unparse({ fields: [...fields], data }, { escapeFormulae: FORMULA_START });
}

export function toCsvTables(graph: GraphData, visible: Visible): CsvTables {
  const { nodes, edges } = exportRecords(graph, visible);
  const nodeRows = nodes.map((n): Cell[] => [
    n.id,
    n.label,
    n.country,
    n.countryName,
    n.type,
    n.city,
    n.lat,
    n.lon,
    n.aliases,
    n.partners,
  ]);
  const edgeRows = edges.map((e): Cell[] => [
    e.source,
    e.target,
    // Gephi's word for an edge's direction, not the agreement's type (that is Cooperation).
    'Undirected',
    e.id,
    e.label,
    e.cooperation,
    e.year,
    e.date,
    e.agreement,
    e.description,
    e.evidenceSource,
    e.evidenceQuote,
  ]);
  return { nodes: unparse(NODE_COLUMNS, nodeRows), edges: unparse(EDGE_COLUMNS, edgeRows) };
}
