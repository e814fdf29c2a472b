// Reading the dates people write in spreadsheets into the graph's ISO form (YYYY, YYYY-MM or
// YYYY-MM-DD), keeping exactly the precision given.

import { yearOfDate } from '../validateGraph';

export type DateResult = { ok: true; date: string | null; year: number | null } | { ok: false };

/** What the importer accepts, for messages and the template's column notes. */
export const DATE_FORMATS_HINT = '2015, 2015-05, 2015-05-23, 23/05/2015, 05/2015 or May 2015';

const MONTH_NAMES = [
  ['jan', 'january'],
  ['feb', 'february'],
  ['mar', 'march'],
  ['apr', 'april'],
  ['may'],
  ['jun', 'june'],
  ['jul', 'july'],
  ['aug', 'august'],
  ['sep', 'sept', 'september'],
  ['oct', 'october'],
  ['nov', 'november'],
  ['dec', 'december'],
];
// A Map, not an object literal: "constructor 2015" must not find Object.prototype.constructor.
const MONTHS = new Map(MONTH_NAMES.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));

const pad = (n: number) => String(n).padStart(2, '0');

function iso(year: number, month?: number, day?: number): DateResult {
  if (month !== undefined && (month < 1 || month > 12)) return { ok: false };
  const date =
    month === undefined
      ? String(year)
      : day === undefined
        ? `${year}-${pad(month)}`
        : `${year}-${pad(month)}-${pad(day)}`;
  // The validator's own reading checks the year range, real days (no 31 April) and the form.
  const y = yearOfDate(date);
  if (y === null || y < 1000 || y > 2100) return { ok: false };
  return { ok: true, date, year: y };
}

// A time of day after an ISO date, as databases and some spreadsheets export it.
const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;
const YEAR = /^(\d{4})$/;
const YEAR_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
const YEAR_MONTH_DAY = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`, 'i');
const DAY_MONTH_YEAR = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const MONTH_YEAR = /^(\d{1,2})[-/.](\d{4})$/;
const NAMED_MONTH_YEAR = /^([a-z]+)\.?,?\s+(\d{4})$/;
const DAY_NAMED_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]+)\.?,?\s+(\d{4})$/;
const NAMED_MONTH_DAY_YEAR = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;

/**
 * Parses a date cell. Empty means unknown (`date: null`). Accepted: 2015; 2015-05 and 2015/05;
 * 2015-05-23 (a time after it is ignored); 23/05/2015, 23.05.2015 and 23-05-2015, read day
 * first, month first only when the second number cannot be a month (05/23/2015 is 23 May);
 * 05/2015; "May 2015", "23 May 2015", "May 23, 2015". Anything else is refused, not guessed.
 */
export function parseDateInput(raw: string): DateResult {
  const s = raw.trim().toLowerCase();
  if (s === '') return { ok: true, date: null, year: null };
  let m = YEAR.exec(s);
  if (m) return iso(Number(m[1]));
  m = YEAR_MONTH.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]));
  m = YEAR_MONTH_DAY.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_MONTH_YEAR.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    // Day first, as most of the world writes it; the American order only where it is the only
    // possible reading.
    return b > 12 && a <= 12 ? iso(Number(m[3]), a, b) : iso(Number(m[3]), b, a);
  }
  m = MONTH_YEAR.exec(s);
  if (m) return iso(Number(m[2]), Number(m[1]));
  m = NAMED_MONTH_YEAR.exec(s);
  if (m) {
    const month = MONTHS.get(m[1] ?? '');
    return month === undefined ? { ok: false } : iso(Number(m[2]), month);
  }
  m = DAY_NAMED_MONTH_YEAR.exec(s);
  if (m) {
    const month = MONTHS.get(m[2] ?? '');
    return month === undefined ? { ok: false } : iso(Number(m[3]), month, Number(m[1]));
  }
  m = NAMED_MONTH_DAY_YEAR.exec(s);
  if (m) {
    const month = MONTHS.get(m[1] ?? '');
    return month === undefined ? { ok: false } : iso(Number(m[3]), month, Number(m[2]));
  }
  return { ok: false };
}
