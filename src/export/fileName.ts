// Download names that say what the file holds, e.g. partnerships-DE-GB-2010-2024.png, safe on
// every file system.

import type { Filters } from '../filters';

const MAX_LENGTH = 120;
/** Beyond this many countries the name gives their number, not their codes. */
const MAX_COUNTRIES_LISTED = 6;
/** Likewise for cooperation types and institution types, whose names are long. */
const MAX_TYPES_LISTED = 3;

/**
 * Only letters, digits, dot, hyphen and underscore; runs of anything else become one hyphen, and
 * no dot run is left that could read as a parent folder or hide the file.
 */
function safe(part: string): string {
  return part
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/[-.]*-[-.]*/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

function listPart(values: readonly string[], max: number, noun: string, joiner: string): string {
  if (values.length === 0) return '';
  if (values.length > max) return `${values.length}${noun}`;
  return values
    .map(safe)
    .filter((v) => v !== '')
    .sort()
    .join(joiner);
}

export function exportFileName(filters: Filters, ext: string, extra?: string): string {
  const years =
    filters.years === null
      ? ''
      : filters.years[0] === filters.years[1]
        ? String(filters.years[0])
        : `${filters.years[0]}-${filters.years[1]}`;
  const parts = [
    'partnerships',
    listPart(filters.countries, MAX_COUNTRIES_LISTED, 'countries', '-'),
    safe(years),
    // Type names contain hyphens themselves, so an underscore separates one from the next.
    listPart(filters.types, MAX_TYPES_LISTED, 'types', '_'),
    listPart(filters.kinds, MAX_TYPES_LISTED, 'kinds', '_'),
    filters.onlyUndated ? 'undated-only' : filters.undated ? '' : 'undated-excluded',
  ].filter((p) => p !== '');
  const suffix =
    extra === undefined
      ? ''
      : safe(extra)
          .slice(0, 40)
          .replace(/[-.]+$/, '');
  const extension = safe(ext).slice(0, 16);
  const tail = `${suffix === '' ? '' : `-${suffix}`}${extension === '' ? '' : `.${extension}`}`;
  // The tail survives shortening: the nodes and edges tables of one export must not collide.
  const room = Math.max(MAX_LENGTH - tail.length, 'partnerships'.length);
  const head = parts
    .join('-')
    .slice(0, room)
    .replace(/[-.]+$/, '');
  return `${head}${tail}`;
}
