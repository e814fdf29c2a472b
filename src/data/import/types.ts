// Types shared by the import pipeline: reading a CSV (in a worker or not), mapping its columns,
// checking its rows. Kept apart so that modules on either side of the worker share them freely.

import type { Problem } from '../../model';

/**
 * A problem in an imported table, always located: `row` counts like a spreadsheet (the header is
 * row 1, so the first data row is row 2) and `field` is the column name as written in the file.
 */
export interface RowProblem extends Problem {
  file: string;
  row: number;
  field: string;
  message: string;
  /**
   * `error`: the row is not imported as it stands. `warning`: it is imported; the note says what
   * was assumed (a short row padded, a conflicting country ignored).
   */
  level: 'error' | 'warning';
  /**
   * Only for errors: the row can still be imported if the user chooses "import anyway"; the text
   * says what happens to the value then ("the country is left empty").
   */
  repair?: string;
}

/** A CSV table as read: a header and string cells, every row with its spreadsheet row number. */
export interface ParsedTable {
  file: string;
  columns: string[];
  rows: string[][];
  /** Spreadsheet row number of each entry in `rows` (empty lines are skipped but counted). */
  rowNumbers: number[];
  problems: RowProblem[];
  /** True when nothing could be read (too large, unreadable); `problems` says why. */
  fatal: boolean;
  delimiter: string;
  encoding: string;
}

export type ParsePhase = 'reading' | 'parsing';

export interface ParseProgress {
  phase: ParsePhase;
  /** Bytes of the file done in this phase (parsing progress is scaled to bytes). */
  bytes: number;
  total: number;
}

export type CheckPhase = 'checking' | 'building' | 'validating';

/** How far the row check has come: rows checked, agreements built, or the final validation. */
export interface CheckProgress {
  phase: CheckPhase;
  done: number;
  total: number;
}
