// Reading a CSV file from start to finish on the current thread: size check, decoding, parsing.
// The worker runs exactly this; the page runs it too where workers are unavailable.

import { LIMITS } from '../limits';
import { readBlobText, type DecodedText } from './decode';
import { parseCsvText } from './parseCsvText';
import type { ParsedTable, ParseProgress, RowProblem } from './types';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A table that could not be read at all, with the reason as its only problem. */
export function unreadableTable(file: string, message: string): ParsedTable {
  return {
    file,
    columns: [],
    rows: [],
    rowNumbers: [],
    problems: [{ file, row: 1, field: '', level: 'error', message }],
    fatal: true,
    delimiter: ',',
    encoding: 'utf-8',
  };
}

/** The refusal for a file over the size limit, given before a byte of it is read. */
export function tooLargeTable(file: string, bytes: number): ParsedTable {
  return unreadableTable(
    file,
    `The file is ${mb(bytes)}, over the limit of ${mb(LIMITS.maxFileBytes)} for imports. Split the table into smaller files.`,
  );
}

export async function readCsvBlob(
  blob: Blob,
  file: string,
  onProgress?: (progress: ParseProgress) => void,
): Promise<ParsedTable> {
  if (blob.size > LIMITS.maxFileBytes) return tooLargeTable(file, blob.size);
  let decoded: DecodedText;
  try {
    decoded = await readBlobText(blob, (bytes, total) =>
      onProgress?.({ phase: 'reading', bytes, total }),
    );
  } catch {
    return unreadableTable(file, 'The file could not be read. Is it still where it was?');
  }
  // Text has no NUL characters; spreadsheets (.xlsx is a zip), images and other binary files do.
  const nul = decoded.text.slice(0, 65536).indexOf('\u0000');
  if (nul >= 0) {
    const line = decoded.text.slice(0, nul).split('\n').length;
    return unreadableTable(
      file,
      `This is not a text table: it holds binary data (a zero byte on line ${line}). If it is a spreadsheet (.xlsx, .ods), save it as CSV first.`,
    );
  }
  const total = blob.size;
  const table = parseCsvText(decoded.text, file, {
    encoding: decoded.encoding,
    onProgress: (done, all) =>
      onProgress?.({
        phase: 'parsing',
        bytes: all === 0 ? total : Math.round((total * done) / all),
        total,
      }),
  });
  if (decoded.encoding === 'windows-1252' && !table.fatal) {
    const note: RowProblem = {
      file,
      row: 1,
      field: '',
      level: 'warning',
      message:
        'The file is not UTF-8, so it was read as Windows-1252 (Western European). If letters look wrong, save it from the spreadsheet as "CSV UTF-8" and import it again.',
    };
    table.problems.unshift(note);
  }
  return table;
}
