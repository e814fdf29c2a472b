// What the XML writers share: xmlbuilder2's options and the one text preparation step it needs
// to round-trip any string exactly, for each file's skeleton; and a writer of the many nodes and
// edges in it, straight to text.

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

function serialize(doc: XMLBuilder): string {
  return `${doc.end({ prettyPrint: true })}\n`;
}

const SLOT = (name: string) => `atlas-slot-${name}`;

/** Marks where `fillSlots` puts the elements written one by one. */
export function slot(parent: XMLBuilder, name: string): void {
  parent.com(SLOT(name));
}

/**
 * One node or edge of a large file, written straight to text by `writeElement`. Values are raw:
 * the writer escapes them.
 */
export interface XmlNode {
  /** A qualified name; a prefix must be declared by the document (`viz:position`). */
  name: string;
  attrs: Readonly<Record<string, string | number>>;
  /** Text content; an element with no text (or empty text) and no children is written `<x/>`. */
  text?: string | number;
  children?: readonly XmlNode[];
}

// What XML 1.0 cannot hold (C0 controls but tab and line breaks, lone surrogates, U+FFFE,
// U+FFFF) becomes U+FFFD, as in newDocument; the rest is escaped as xmlText and xmlbuilder2
// escape it together. `"` is escaped in attribute values only.
const ATTRIBUTE_ESCAPES = /[&<>"\t\n\r]|[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const TEXT_ESCAPES = /[&<>\t\n\r]|[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPED: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
const escapeChar = (c: string) => ESCAPED[c] ?? '\uFFFD';

function escaped(value: string | number, pattern: RegExp): string {
  if (typeof value === 'number') return String(value);
  pattern.lastIndex = 0;
  if (!pattern.test(value)) return value;
  pattern.lastIndex = 0;
  return value.replace(pattern, escapeChar);
}

/**
 * An element as text, pretty-printed with two spaces a level from `indent`, as xmlbuilder2
 * prints the same element (tests/unit/export.test.ts holds the two side by side). The elements
 * of a large file are written this way: building each with xmlbuilder2 made DOM nodes for it,
 * its attributes and its text, about 0.2 ms an element, and a GraphML export of 10,000
 * institutions with their 30,000 agreements took 9 s.
 */
export function writeElement(node: XmlNode, indent = ''): string {
  let out = `${indent}<${node.name}`;
  for (const name in node.attrs) {
    out += ` ${name}="${escaped(node.attrs[name] as string | number, ATTRIBUTE_ESCAPES)}"`;
  }
  const { text, children } = node;
  if (children && children.length > 0) {
    const inner = `${indent}  `;
    out += '>';
    for (const child of children) out += `\n${writeElement(child, inner)}`;
    return `${out}\n${indent}</${node.name}>`;
  }
  if (text === undefined || text === '') return `${out}/>`;
  return `${out}>${escaped(text, TEXT_ESCAPES)}</${node.name}>`;
}

/**
 * Large files are written as parts, never as one document tree or one string: the skeleton
 * (root, keys, containers) is serialised once with a comment in each container, and each
 * container's elements are written one by one in the comment's place, a line each, at its
 * depth. A tree of a few hundred thousand elements exhausted the tab's memory, and one string
 * can pass the engine's length limit.
 */
export function fillSlots(
  doc: XMLBuilder,
  slots: Record<string, () => Iterable<XmlNode>>,
): string[] {
  let rest = serialize(doc);
  const parts: string[] = [];
  for (const [name, items] of Object.entries(slots)) {
    const marker = `<!--${SLOT(name)}-->`;
    const at = rest.indexOf(marker);
    if (at < 0) throw new Error(`No slot ${name} in the document.`);
    // The comment is on a line of its own, indented as the elements are to be.
    const lineStart = rest.lastIndexOf('\n', at) + 1;
    const indent = rest.slice(lineStart, at);
    parts.push(rest.slice(0, lineStart));
    let batch: string[] = [];
    let count = 0;
    for (const item of items()) {
      batch.push(writeElement(item, indent));
      if (++count === 1000) {
        parts.push(`${batch.join('\n')}\n`);
        batch = [];
        count = 0;
      }
    }
    if (count > 0) parts.push(`${batch.join('\n')}\n`);
    // The comment's line ends here too.
    rest = rest.slice(
      rest[at + marker.length] === '\n' ? at + marker.length + 1 : at + marker.length,
    );
  }
  parts.push(rest);
  return parts;
}
