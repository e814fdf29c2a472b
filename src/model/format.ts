// Counts written the English way (12,345), without Intl: the first toLocaleString call on a
// page sets up the number formatter, some twenty milliseconds before the first frame.

/** A whole number with thousands separators as in English ("12,345"); others as toLocaleString. */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en');
  const digits = String(Math.abs(n));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) {
    const part = digits.slice(Math.max(0, end - 3), end);
    out = out ? `${part},${out}` : part;
  }
  return n < 0 ? `-${out}` : out;
}

const foldedCache = new Map<string, string>();

function folded(s: string): string {
  let f = foldedCache.get(s);
  if (f === undefined) {
    f = s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (foldedCache.size < 10_000) foldedCache.set(s, f);
  }
  return f;
}

/**
 * Alphabetical order for short names (countries, regions), accents and case ignored, without
 * Intl: the first localeCompare on a page sets up the collator, ~10 ms before the first frame.
 */
export function compareNames(a: string, b: string): number {
  const fa = folded(a);
  const fb = folded(b);
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
