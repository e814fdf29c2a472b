// Small text helpers of the importer: how names are compared and how ids are made from them.

/** Trims and collapses runs of white space (including non-breaking spaces) to one space. */
export function tidy(value: string): string {
  return value.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/**
 * The form in which two spellings count as the same: Unicode-compatible, lower case, single
 * spaces. "Foo  University" and "foo university" are one institution; accents still count, as
 * "Universite" and "Université" may be different words in some languages.
 */
export function normaliseKey(value: string): string {
  return tidy(value.normalize('NFKC')).toLowerCase();
}

/**
 * A readable id for a name: letters and digits of any script joined by single hyphens, accents
 * dropped. Never contains "--", so ids joined with "--" cannot collide with it.
 */
export function slugify(value: string, fallback = 'item'): string {
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

/** Hands out ids from a base, adding -2, -3… until the id is unused. */
export class IdAllocator {
  private readonly used: Set<string>;
  constructor(used: Iterable<string> = []) {
    this.used = new Set(used);
  }
  has(id: string): boolean {
    return this.used.has(id);
  }
  take(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}
