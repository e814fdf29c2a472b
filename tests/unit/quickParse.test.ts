// The page's short way to a graph (src/data/quickParse.ts): for a file it reads, the very value
// the full parser gives; for any file it does not read (not UTF-8, not JSON), the full parser
// (loadGraph.ts) still names the problem, so no broken file ever passes the short way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeGraphBytes, parseGraphBytes, parseGraphJson } from '../../src/data/loadGraph';
import { parseWellFormed, quickGraphJson } from '../../src/data/quickParse';
import { miniGraph } from './helpers/miniGraph';

/** The full parser's steps, without the short way: decode, then JSON with a located error. */
function slowJson(bytes: Uint8Array): { json: unknown } | { problem: unknown } {
  const decoded = decodeGraphBytes(bytes);
  if ('error' in decoded) return { problem: decoded.error };
  return parseGraphJson(decoded.text, 'g.json');
}

const utf8 = (text: string) => new TextEncoder().encode(text);
function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array(2 * text.length + (bom ? 2 : 0));
  const view = new DataView(out.buffer);
  if (bom) view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++)
    view.setUint16(2 * i + (bom ? 2 : 0), text.charCodeAt(i), littleEndian);
  return out;
}

/** JSON texts and near-JSON texts, as UTF-8 (with or without a mark), UTF-16 or raw bytes. */
const files = fc.oneof(
  fc
    .tuple(fc.oneof(fc.json(), fc.string()), fc.constantFrom('utf8', 'bom', 'le', 'be', 'lebom'))
    .map(([text, how]) =>
      how === 'utf8'
        ? utf8(text)
        : how === 'bom'
          ? utf8(`\ufeff${text}`)
          : utf16(text, how !== 'be', how === 'lebom'),
    ),
  fc.uint8Array({ maxLength: 64 }),
);

describe('quickGraphJson', () => {
  it('reads what the full parser reads from UTF-8, the same value; never what it refuses', () => {
    fc.assert(
      fc.property(files, (bytes) => {
        const quick = quickGraphJson(bytes);
        const slow = slowJson(bytes);
        if (quick) expect(slow).toEqual(quick);
        else if ('json' in slow) {
          // Only UTF-16, which the full parser reads losslessly, takes the long way.
          expect(bytes[0] === 0 || bytes[1] === 0 || bytes[0] === 0xff || bytes[0] === 0xfe).toBe(
            true,
          );
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a UTF-8 file with a byte-order mark; leaves UTF-16 and bad bytes to the full parser', () => {
    expect(quickGraphJson(utf8('\ufeff{"a":1}'))).toEqual({ json: { a: 1 } });
    expect(quickGraphJson(utf16('{"a":1}', true, true))).toBeNull();
    expect(quickGraphJson(utf16('{"a":1}', false, false))).toBeNull();
    expect(quickGraphJson(new Uint8Array([0x7b, 0xff, 0x7d]))).toBeNull();
    expect(quickGraphJson(utf8('{"a":1,}'))).toBeNull();
  });
});

describe('parseWellFormed', () => {
  it('checks a well-formed graph with the validator, as the full parser does', () => {
    const good = utf8(JSON.stringify(miniGraph()));
    expect(parseWellFormed(good, 'g.json')).toEqual(parseGraphBytes(good, 'g.json'));
    const bad = utf8(JSON.stringify({ elements: { nodes: [{ data: {} }], edges: [] } }));
    const checked = parseWellFormed(bad, 'g.json');
    expect(checked?.graph).toBeNull();
    expect(checked?.problems).toEqual(parseGraphBytes(bad, 'g.json').problems);
  });

  it('has no answer for a file that is not UTF-8 JSON', () => {
    expect(parseWellFormed(utf8('{"elements": '), 'g.json')).toBeNull();
  });
});
