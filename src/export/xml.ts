// What the XML writers share: builder options and the one text preparation step xmlbuilder2
// needs to round-trip any string exactly.

import { create, fragment } from 'xmlbuilder2';

export type XMLBuilder = ReturnType<typeof create>;

export const XML_NS = 'http://www.w3.org/2000/xmlns/';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * xmlbuilder2 escapes `<`, `>` and `"` but leaves any `&name;` or `&#n;` already in a string
 * untouched, taking it for an entity the caller wrote: the text "AT&amp;T" would read back as
 * "AT&T", and "R&D;" would make the file unreadable. Escaping every `&` first leaves it nothing to
 * guess. Tabs and line breaks become character references because XML parsers turn them into
 * spaces inside attribute values, and a carriage return into a line feed anywhere.
 */
export function xmlText(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return value
    .replace(/&/g, '&amp;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/**
 * Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates) become U+FFFD,
 * the one change a value may undergo; the alternative is a file no parser opens.
 */
export function newDocument(): XMLBuilder {
  return create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' });
}

export function serialize(doc: XMLBuilder): string {
  return `${doc.end({ prettyPrint: true })}\n`;
}

/** A stand-alone element, serialised on its own: one node or edge of a large file. */
export function newFragment(): XMLBuilder {
  return fragment({ invalidCharReplacement: '\uFFFD' });
}

const SLOT = (name: string) => `atlas-slot-${name}`;

/** Marks where `fillSlots` puts the elements written one by one. */
export function slot(parent: XMLBuilder, name: string): void {
  parent.com(SLOT(name));
}

/**
 * Large files are written as parts, never as one document tree or one string: the skeleton
 * (root, keys, containers) is serialised once with a comment in each container, and each
 * container's elements are serialised one by one in its place. A tree of a few hundred thousand
 * elements exhausted the tab's memory, and one string can pass the engine's length limit.
 */
export function fillSlots(
  doc: XMLBuilder,
  slots: Record<string, () => Iterable<string>>,
): string[] {
  let rest = serialize(doc);
  const parts: string[] = [];
  for (const [name, items] of Object.entries(slots)) {
    const marker = `<!--${SLOT(name)}-->`;
    const at = rest.indexOf(marker);
    if (at < 0) throw new Error(`No slot ${name} in the document.`);
    parts.push(rest.slice(0, at));
    let batch: string[] = [];
    for (const item of items()) {
      batch.push(item);
      if (batch.length === 1000) {
        parts.push(batch.join('\n'));
        batch = [];
      }
    }
    if (batch.length) parts.push(batch.join('\n'));
    rest = rest.slice(at + marker.length);
  }
  parts.push(rest);
  return parts;
}

/** One element built with xmlbuilder2 and serialised alone. */
export function element(build: (f: XMLBuilder) => void): string {
  const f = newFragment();
  build(f);
  return f.end({ prettyPrint: true });
}
