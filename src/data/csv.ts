// CSV reading shared by the build and the importer: PapaParse with a header row, a UTF-8
// byte-order mark dropped, and rows kept as plain string records without a prototype.

import Papa from 'papaparse';
import type { Problem } from '../model';

export type CsvRow = Record<string, string>;

export interface CsvTable {
  file: string;
  columns: string[];
  rows: CsvRow[];
  problems: Problem[];
}

export function parseCsv(text: string, file: string): CsvTable {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const result = Papa.parse<string[]>(clean, { skipEmptyLines: 'greedy' });
  const problems: Problem[] = result.errors.map((e) => ({
    file,
    row: e.row !== undefined ? e.row + 1 : undefined,
    message: `CSV: ${e.message}`,
  }));
  const [header = [], ...body] = result.data;
  const columns = header.map((h) => h.trim());
  const rows = body.map((cells, i) => {
    const row: CsvRow = Object.create(null) as CsvRow;
    if (cells.length !== columns.length) {
      problems.push({
        file,
        row: i + 2,
        message: `Row has ${cells.length} cells; the header has ${columns.length}.`,
      });
    }
    columns.forEach((col, j) => {
      row[col] = (cells[j] ?? '').trim();
    });
    return row;
  });
  return { file, columns, rows, problems };
}

export function requireColumns(table: CsvTable, required: readonly string[]): Problem[] {
  return required
    .filter((c) => !table.columns.includes(c))
    .map((c) => ({ file: table.file, row: 1, field: c, message: `Missing column "${c}".` }));
}
