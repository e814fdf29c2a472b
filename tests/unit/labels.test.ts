// Label placement: the zoom from which each label is drawn without covering a more important one;
// and counts as labels and the status line write them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  estimateLabelHeight,
  estimateLabelWidth,
  labelZooms,
  MAX_PAIRWISE,
  type LabelItem,
} from '../../src/cy/labels';
import { formatCount } from '../../src/model';
import { defined } from './helpers/miniGraph';

const item = (id: string, x: number, y: number, width = 60): LabelItem => ({
  id,
  x,
  y,
  width,
  height: 18,
});

function zoomOf(zooms: Map<string, number>, id: string): number {
  return defined(zooms.get(id), `zoom of ${id}`);
}

describe('estimateLabelHeight', () => {
  it('adds a line for each wrap at the stylesheet width', () => {
    const one = estimateLabelHeight('NJIT', 11);
    const two = estimateLabelHeight('Sino-Finnish Alliance of Universities', 11);
    const three = estimateLabelHeight('x'.repeat(50), 11);
    expect(two - one).toBeCloseTo(11 * 1.25, 10);
    expect(three - two).toBeCloseTo(11 * 1.25, 10);
    expect(estimateLabelHeight('NJIT', 14)).toBeGreaterThan(one);
  });
});

/** The definition, pair by pair: each item against every earlier one. */
function everyPair(byImportance: LabelItem[], alwaysShown: number): Map<string, number> {
  const out = new Map<string, number>();
  byImportance.forEach((a, i) => {
    let need = 0;
    if (i >= alwaysShown) {
      for (const b of byImportance.slice(0, i)) {
        const dx = Math.abs(a.x - b.x);
        const dy = Math.abs(a.y - b.y);
        const h = a.y < b.y ? a.height : b.height;
        const z = Math.min(
          dx === 0 ? Infinity : (a.width + b.width) / 2 / dx,
          dy === 0 ? Infinity : h / dy,
        );
        need = Math.max(need, z);
      }
    }
    out.set(a.id, need);
  });
  return out;
}

describe('labelZooms', () => {
  it('gives every label the zoom that comparing every pair gives', () => {
    // Clusters, repeated places, rows and columns (dx or dy of 0), labels of every size.
    const coordinate = fc.oneof(
      fc.integer({ min: -3, max: 3 }),
      fc.double({ min: -5000, max: 5000, noNaN: true }),
      fc.double({ min: -2, max: 2, noNaN: true }),
    );
    const items = fc.array(
      fc.record({
        x: coordinate,
        y: coordinate,
        width: fc.double({ min: 4, max: 300, noNaN: true }),
        height: fc.double({ min: 4, max: 80, noNaN: true }),
      }),
      { maxLength: 120 },
    );
    fc.assert(
      fc.property(items, fc.nat({ max: 5 }), (raw, alwaysShown) => {
        const list = raw.map((r, i) => ({ id: `n${i}`, ...r }));
        expect(labelZooms(list, alwaysShown)).toEqual(everyPair(list, alwaysShown));
      }),
      { numRuns: 400 },
    );
  });

  it('gives 0 to the first `alwaysShown` items, even on top of each other', () => {
    const items = [item('a', 0, 0), item('b', 0, 0), item('c', 0, 0)];
    const zooms = labelZooms(items, 2);
    expect(zoomOf(zooms, 'a')).toBe(0);
    expect(zoomOf(zooms, 'b')).toBe(0);
    expect(zoomOf(zooms, 'c')).toBe(Infinity);
  });

  it('gives 0 to the most important item when none is always shown', () => {
    expect(zoomOf(labelZooms([item('a', 0, 0), item('b', 5, 5)], 0), 'a')).toBe(0);
  });

  it.each([
    { dx: 400, dy: 0 },
    { dx: 200, dy: 0 },
    { dx: 100, dy: 0 },
    { dx: 50, dy: 0 },
    { dx: 0, dy: 40 },
    { dx: 0, dy: 10 },
  ])('the threshold matches the label box: dx=$dx, dy=$dy', ({ dx, dy }) => {
    // Two 60-pixel labels, 18 pixels high: separated once dx·z ≥ 60 or dy·z ≥ 18.
    const zooms = labelZooms([item('hub', 0, 0), item('b', dx, dy)], 1);
    const expected = Math.min(dx === 0 ? Infinity : 60 / dx, dy === 0 ? Infinity : 18 / dy);
    expect(zoomOf(zooms, 'b')).toBeCloseTo(expected, 10);
  });

  it.each([
    { upper: 40, lower: 18, dy: 20, expected: 2 },
    { upper: 18, lower: 40, dy: 20, expected: 0.9 },
    { upper: 40, lower: 40, dy: 80, expected: 0.5 },
  ])(
    'the upper label reaches down its own height: $upper px over $lower px, $dy apart',
    ({ upper, lower, dy, expected }) => {
      const a: LabelItem = { id: 'a', x: 0, y: 0, width: 60, height: upper };
      const b: LabelItem = { id: 'b', x: 0, y: dy, width: 60, height: lower };
      // Either order of importance: the geometry decides, not which is drawn first.
      expect(zoomOf(labelZooms([a, b], 1), 'b')).toBeCloseTo(expected, 10);
      expect(zoomOf(labelZooms([b, a], 1), 'a')).toBeCloseTo(expected, 10);
    },
  );

  it('needs more zoom as an item gets closer to a more important one', () => {
    const zoomAt = (dx: number) =>
      zoomOf(labelZooms([item('hub', 0, 0), item('b', dx, dx / 4)], 1), 'b');
    const distances = [800, 400, 200, 100, 50, 25, 10, 1];
    const zooms = distances.map(zoomAt);
    for (let i = 1; i < zooms.length; i++) {
      expect(defined(zooms[i], 'zoom')).toBeGreaterThan(defined(zooms[i - 1], 'zoom'));
    }
  });

  it('two far-apart items both get small thresholds', () => {
    const zooms = labelZooms([item('a', 0, 0), item('b', 5000, 3000)], 0);
    expect(zoomOf(zooms, 'a')).toBeLessThan(0.05);
    expect(zoomOf(zooms, 'b')).toBeLessThan(0.05);
  });

  it('an item exactly on top of a more important one gets Infinity', () => {
    const zooms = labelZooms([item('hub', 10, 10), item('far', 900, 900), item('b', 10, 10)], 1);
    expect(zoomOf(zooms, 'b')).toBe(Infinity);
  });

  it('only earlier (more important) items count', () => {
    // b sits on c, but c comes later: b is unaffected by it.
    const zooms = labelZooms([item('a', 0, 0), item('b', 1000, 0), item('c', 1000, 0)], 1);
    expect(zoomOf(zooms, 'b')).toBeLessThan(0.1);
    expect(zoomOf(zooms, 'c')).toBe(Infinity);
  });

  it('takes the worst neighbour, not the first', () => {
    const zooms = labelZooms([item('a', 0, 0), item('b', 300, 0), item('c', 200, 0)], 1);
    // c is 200 from a (needs 0.3) and 100 from b (needs 0.6).
    expect(zoomOf(zooms, 'c')).toBeCloseTo(0.6, 10);
  });

  it('past MAX_PAIRWISE items, all but the always-shown get Infinity', () => {
    const items = Array.from({ length: MAX_PAIRWISE + 1 }, (_, i) => item(`n${i}`, i * 1000, 0));
    const zooms = labelZooms(items, 3);
    expect(zoomOf(zooms, 'n0')).toBe(0);
    expect(zoomOf(zooms, 'n2')).toBe(0);
    expect(zoomOf(zooms, 'n3')).toBe(Infinity);
    expect(zoomOf(zooms, `n${MAX_PAIRWISE}`)).toBe(Infinity);
  });

  it('returns one entry per item', () => {
    const items = [item('a', 0, 0), item('b', 50, 0), item('c', 0, 50)];
    expect([...labelZooms(items, 1).keys()]).toEqual(['a', 'b', 'c']);
  });
});

describe('estimateLabelWidth', () => {
  it.each([
    { label: '', fontPx: 12, expected: 28 },
    { label: 'A', fontPx: 12, expected: 28 },
    { label: 'abcdefghij', fontPx: 10, expected: 10 * 10 * 0.58 + 4 },
    { label: 'x'.repeat(500), fontPx: 12, expected: 134 },
  ])('"$label" at $fontPx px → $expected', ({ label, fontPx, expected }) => {
    expect(estimateLabelWidth(label, fontPx)).toBeCloseTo(expected, 10);
  });

  it.each(['', 'NBU', 'Northbridge University', 'x'.repeat(10_000)])(
    'stays within 28..134 pixels: %s',
    (label) => {
      const w = estimateLabelWidth(label, 12);
      expect(w).toBeGreaterThanOrEqual(28);
      expect(w).toBeLessThanOrEqual(134);
    },
  );

  it('grows with the label and with the font', () => {
    expect(estimateLabelWidth('Northbridge', 12)).toBeGreaterThan(estimateLabelWidth('NBU', 12));
    expect(estimateLabelWidth('Northbridge', 14)).toBeGreaterThan(
      estimateLabelWidth('Northbridge', 12),
    );
  });
});

describe('formatCount', () => {
  it.each([0, 7, 999, 1000, 12345, 999999, 1000000, 123456789, -4321, 2 ** 53 - 1])(
    'writes %d as English toLocaleString does',
    (n) => expect(formatCount(n)).toBe(n.toLocaleString('en')),
  );
  it('falls back to toLocaleString for fractions', () => {
    expect(formatCount(1234.5)).toBe((1234.5).toLocaleString('en'));
  });
});
