// Parsing CSV text into a header and rows of string cells, the part of reading shared by the
// worker and the same-thread fallback. PapaParse does the parsing; this module adds what
// spreadsheets need: Excel's `sep=` line, a checked delimiter guess, spreadsheet row numbers
// (empty lines count, as a spreadsheet shows them) and ragged rows reported rather than fatal.

import Papa, { type Parser, type ParseResult } from 'papaparse';
import { LIMITS } from '../limits';
import type { ParsedTable, RowProblem } from './types';

/** Delimiters tried, in the order Papa and people use them. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Characters parsed per step; also how often parsing progress is reported. */
export const PARSE_CHUNK_CHARS = 1024 * 1024;

const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_ROWS = 50;

export interface ParseTextOptions {
  encoding?: string;
  /** Characters done of the total, after each chunk. */
  onProgress?: (done: number, total: number) => void;
}

export function delimiterName(d: string): string {
  if (d === ',') return 'comma';
  if (d === ';') return 'semicolon';
  if (d === '\t') return 'tab';
  if (d === '|') return 'vertical bar';
  return `"${d}"`;
}

const countCells = (n: number) => `${n} ${n === 1 ? 'cell' : 'cells'}`;

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

interface Shape {
  width: number;
  /** Share of sampled rows (after the header) whose cell count matches the header. */
  consistency: number;
}

function shapeWith(sample: string, complete: boolean, delimiter: string): Shape {
  const data = Papa.parse<string[]>(sample, { delimiter, preview: SAMPLE_ROWS }).data;
  // The sample may end inside a record; that record would look ragged, so it does not vote.
  const records = (complete || data.length < 2 ? data : data.slice(0, -1)).filter(
    (r) => !isBlank(r),
  );
  const [header, ...body] = records;
  const width = header?.length ?? 0;
  if (body.length === 0) return { width, consistency: 1 };
  const fits = body.filter(
    (r) => r.length === width || (r.length > width && isBlank(r.slice(width))),
  ).length;
  return { width, consistency: fits / body.length };
}

/**
 * Papa's guess, checked: it must split the header into several columns and give most rows the
 * header's width. Otherwise the candidate that does best wins. A file with a single column
 * comes back as comma-separated with width 1, and the caller says so.
 */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  const complete = sample.length === text.length;
  const guess = Papa.parse<string[]>(sample, {
    preview: SAMPLE_ROWS,
    delimitersToGuess: [...DELIMITERS],
  }).meta.delimiter;
  const guessed = shapeWith(sample, complete, guess);
  if (guessed.width > 1 && guessed.consistency >= 0.9) return guess;
  let best: { delimiter: string; shape: Shape } | null = null;
  for (const delimiter of DELIMITERS) {
    const shape = shapeWith(sample, complete, delimiter);
    if (shape.width < 2) continue;
    if (
      best === null ||
      shape.consistency > best.shape.consistency ||
      (shape.consistency === best.shape.consistency && shape.width > best.shape.width)
    ) {
      best = { delimiter, shape };
    }
  }
  return best?.delimiter ?? ',';
}

/** Excel writes `sep=;` as a first line to name the delimiter; it is not part of the table. */
const SEP_LINE = /^"?sep=([^\r\n"])"?[^\r\n]*(\r\n|\n|\r|$)/i;

function quoteMessage(code: string): string {
  if (code === 'MissingQuotes') {
    return 'A quoted cell is never closed: a double quote (") is missing, so the rest of the file was read into one cell.';
  }
  if (code === 'InvalidQuotes') {
    return 'A quoted cell has text after its closing quote. A double quote inside a quoted cell must be written twice ("").';
  }
  return 'The row could not be read as CSV.';
}

/** Parses CSV text. Never throws; everything wrong is a problem with its row number. */
export function parseCsvText(
  input: string,
  file: string,
  options: ParseTextOptions = {},
): ParsedTable {
  const encoding = options.encoding ?? 'utf-8';
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const problems: RowProblem[] = [];
  const sep = SEP_LINE.exec(text);
  let delimiter: string;
  if (sep?.[1] !== undefined) {
    delimiter = sep[1];
    text = text.slice(sep[0].length);
  } else {
    delimiter = detectDelimiter(text);
  }
  const empty: ParsedTable = {
    file,
    columns: [],
    rows: [],
    rowNumbers: [],
    problems,
    fatal: true,
    delimiter,
    encoding,
  };
  if (text.trim() === '') {
    problems.push({ file, row: 1, field: '', level: 'error', message: 'The file is empty.' });
    return empty;
  }

  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  // Written by the chunk callback; an object so the checker does not narrow it to its start.
  const state: { header: string[] | null; records: number; tooMany: boolean } = {
    header: null,
    // Records seen so far; the first record after any `sep=` line is spreadsheet row 1.
    records: 0,
    tooMany: false,
  };
  const reported = new Set<string>();
  // A row with a broken quote has an arbitrary number of cells; one message about it is enough.
  const brokenRows = new Set<number>();

  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    worker: false,
    // Papa chunks strings as well as files, synchronously, so progress can be reported. Its
    // types list `chunk` for files only, and then want `complete` too.
    chunkSize: PARSE_CHUNK_CHARS,
    complete: () => undefined,
    chunk(results: ParseResult<string[]>, parser: Parser) {
      const base = state.records;
      for (const e of results.errors) {
        const row = base + (e.row ?? 0) + 1;
        // A record cut by a chunk boundary is parsed again with the next chunk: report it once.
        const key = `${row}:${e.code}`;
        if (reported.has(key)) continue;
        reported.add(key);
        brokenRows.add(row);
        problems.push({ file, row, field: '', level: 'error', message: quoteMessage(e.code) });
      }
      for (const cells of results.data) {
        const records = ++state.records;
        if (isBlank(cells)) continue;
        if (state.header === null) {
          state.header = cells.map((c, i) => c.trim() || `Column ${i + 1}`);
          continue;
        }
        const width = state.header.length;
        const quiet = brokenRows.has(records);
        if (!quiet && cells.length < width) {
          problems.push({
            file,
            row: records,
            field: '',
            level: 'warning',
            message: `The row has ${countCells(cells.length)}; the header has ${width}. The missing cells are read as empty.`,
          });
        } else if (!quiet && cells.length > width && !isBlank(cells.slice(width))) {
          problems.push({
            file,
            row: records,
            field: '',
            level: 'warning',
            message: `The row has ${countCells(cells.length)}; the header has ${width}. Cells after column ${width} are ignored: does a cell contain a ${delimiterName(delimiter)} without quotes around it?`,
          });
        }
        const row: string[] = new Array<string>(width);
        for (let j = 0; j < width; j++) row[j] = (cells[j] ?? '').trim();
        rows.push(row);
        rowNumbers.push(records);
        if (rows.length > LIMITS.maxTableRows) {
          state.tooMany = true;
          parser.abort();
          return;
        }
      }
      options.onProgress?.(Math.min(results.meta.cursor, text.length), text.length);
    },
  });

  const columns = state.header ?? [];
  if (state.tooMany) {
    problems.push({
      file,
      row: 1,
      field: '',
      level: 'error',
      message: `The table has more than ${LIMITS.maxTableRows.toLocaleString('en')} rows, the most that can be imported. Split it into smaller files.`,
    });
    return { ...empty, columns };
  }
  if (columns.length === 1 && sep === null) {
    problems.push({
      file,
      row: 1,
      field: columns[0] ?? '',
      level: 'warning',
      message:
        'Only one column was found. Are the columns separated by commas, semicolons, tabs or vertical bars (|)?',
    });
  }
  options.onProgress?.(text.length, text.length);
  return { file, columns, rows, rowNumbers, problems, fatal: false, delimiter, encoding };
}
