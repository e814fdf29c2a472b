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
