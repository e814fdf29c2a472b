// What the XML writers share: builder options and the one text preparation step xmlbuilder2
// needs to round-trip any string exactly.

import { create } from 'xmlbuilder2';

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
