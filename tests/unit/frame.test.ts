// Framing a drawing from positions, sizes and estimated label boxes (src/cy/frame.ts), which
// replaced Cytoscape's bounding box on the way to the first frame.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { frameItems, screenExtent, type FrameArea, type FrameItem } from '../../src/cy/frame';
import { COUNTRIES, compareNames } from '../../src/model';

const AREA: FrameArea = {
  left: 30,
  top: 74,
  width: 800,
  height: 500,
  minZoom: 0.002,
  maxZoom: 1.6,
};

function extentAt(items: FrameItem[], zoom: number, pan: { x: number; y: number }) {
  const e = screenExtent(items, zoom);
  return { x1: e.x1 + pan.x, x2: e.x2 + pan.x, y1: e.y1 + pan.y, y2: e.y2 + pan.y };
}

describe('frameItems', () => {
  it('frames bare nodes by the ratio of area to box, centred', () => {
    const items: FrameItem[] = [
      { x: 0, y: 0, size: 10 },
      { x: 1990, y: 490, size: 10 },
    ];
    const v = frameItems(items, AREA);
    // The box is 2,000 × 500 drawing units: the width decides, 800 / 2,000.
    expect(v?.zoom).toBeCloseTo(0.4, 3);
    const e = extentAt(items, v?.zoom ?? 0, v?.pan ?? { x: 0, y: 0 });
    expect((e.x1 + e.x2) / 2).toBeCloseTo(AREA.left + AREA.width / 2, 1);
    expect((e.y1 + e.y2) / 2).toBeCloseTo(AREA.top + AREA.height / 2, 1);
  });

  it('leaves room for labels of constant screen size, so a wide label at the edge stays in', () => {
    const bare: FrameItem[] = [
      { x: 0, y: 0, size: 10 },
      { x: 1990, y: 0, size: 10 },
    ];
    const labelled: FrameItem[] = [
      bare[0] as FrameItem,
      { x: 1990, y: 0, size: 10, label: { w: 200, h: 20, place: 'below', units: 'screen' } },
    ];
    const zBare = frameItems(bare, AREA)?.zoom ?? 0;
    const v = frameItems(labelled, AREA);
    expect(v).not.toBeNull();
    if (!v) return;
    // Half the label (100 px) sticks out to the right on screen whatever the zoom.
    expect(v.zoom).toBeLessThan(zBare);
    expect(v.zoom * 1995 + 100).toBeCloseTo(AREA.width, 0);
    const e = extentAt(labelled, v.zoom, v.pan);
    expect(e.x2).toBeLessThanOrEqual(AREA.left + AREA.width + 0.5);
    expect(e.x1).toBeGreaterThanOrEqual(AREA.left - 0.5);
  });

  it('counts a label only from the zoom the label pass draws it at', () => {
    const at = (from: number | undefined): number =>
      frameItems(
        [
          { x: 0, y: 0, size: 10 },
          {
            x: 1990,
            y: 0,
            size: 10,
            label: { w: 200, h: 20, place: 'below', units: 'screen', from },
          },
        ],
        AREA,
      )?.zoom ?? 0;
    const always = at(undefined);
    const never = at(100);
    // Without the label 800 px hold 2,000 units; with it, 100 px of them go to its half.
    expect(never).toBeCloseTo(0.4, 3);
    expect(always).toBeCloseTo(700 / 1995, 3);
    expect(at(0)).toBeCloseTo(always, 6);
    // Drawn only from above the zoom that fits without it: it takes no room.
    expect(at(0.5)).toBeCloseTo(never, 6);
    // Drawn from a zoom in between: the view stops just short of the zoom that would show it.
    expect(at(0.38)).toBeCloseTo(0.38, 3);
    expect(at(0.38)).toBeLessThanOrEqual(0.38);
    // Drawn from below the zoom that fits with it: counted.
    expect(at(0.2)).toBeCloseTo(always, 6);
  });

  it('keeps to the zoom range: one node gets the largest zoom, labels that cannot fit the least', () => {
    expect(frameItems([{ x: 5, y: 5, size: 10 }], AREA)?.zoom).toBe(AREA.maxZoom);
    const tooWide: FrameItem = {
      x: 0,
      y: 0,
      size: 1,
      label: { w: 5000, h: 10, place: 'centre', units: 'screen' },
    };
    expect(frameItems([tooWide, { x: 100, y: 0, size: 1 }], AREA)?.zoom).toBe(AREA.minZoom);
    expect(frameItems([], AREA)).toBeNull();
  });

  it('grows screen labels with the zoom above 1, as the stylesheet does', () => {
    const items: FrameItem[] = [
      { x: 0, y: 0, size: 0, label: { w: 100, h: 10, place: 'centre', units: 'screen' } },
    ];
    expect(screenExtent(items, 0.5).x2).toBeCloseTo(50);
    expect(screenExtent(items, 1).x2).toBeCloseTo(50);
    expect(screenExtent(items, 1.5).x2).toBeCloseTo(75);
    const model: FrameItem[] = [
      { x: 0, y: 0, size: 0, label: { w: 100, h: 10, place: 'centre', units: 'model' } },
    ];
    expect(screenExtent(model, 0.5).x2).toBeCloseTo(25);
  });

  it('puts every item and label inside the area, at a zoom 2 % larger would not fit', () => {
    const label = fc.option(
      fc.record({
        w: fc.double({ min: 0, max: 300, noNaN: true }),
        h: fc.double({ min: 0, max: 60, noNaN: true }),
        place: fc.constantFrom('below' as const, 'centre' as const),
        units: fc.constantFrom('screen' as const, 'model' as const),
      }),
      { nil: undefined },
    );
    const item = fc.record({
      x: fc.double({ min: -1e5, max: 1e5, noNaN: true }),
      y: fc.double({ min: -1e5, max: 1e5, noNaN: true }),
      size: fc.double({ min: 0, max: 500, noNaN: true }),
      label,
    });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 40 }), (raw) => {
        const items: FrameItem[] = raw.map((r) => (r.label ? { ...r, label: r.label } : r));
        const v = frameItems(items, AREA);
        if (!v) return false;
        const e = extentAt(items, v.zoom, v.pan);
        const fitsAt = (z: number) => {
          const s = screenExtent(items, z);
          return s.x2 - s.x1 <= AREA.width && s.y2 - s.y1 <= AREA.height;
        };
        if (v.zoom > AREA.minZoom) {
          expect(e.x1).toBeGreaterThanOrEqual(AREA.left - 1e-6 * AREA.width);
          expect(e.x2).toBeLessThanOrEqual(AREA.left + AREA.width * (1 + 1e-6));
          expect(e.y1).toBeGreaterThanOrEqual(AREA.top - 1e-6 * AREA.height);
          expect(e.y2).toBeLessThanOrEqual(AREA.top + AREA.height * (1 + 1e-6));
        }
        if (v.zoom < AREA.maxZoom && v.zoom > AREA.minZoom) {
          expect(fitsAt(v.zoom * 1.02)).toBe(false);
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe('compareNames', () => {
  it('orders every country name as the English collator does, accents and case aside', () => {
    const names = COUNTRIES.map((c) => c.name);
    const byIntl = [...names].sort((a, b) => a.localeCompare(b, 'en'));
    expect([...names].sort(compareNames)).toEqual(byIntl);
    expect(compareNames('Åland Islands', 'Albania')).toBeLessThan(0);
    expect(compareNames('Réunion', 'Romania')).toBeLessThan(0);
    expect(compareNames('curaçao', 'Cuba')).toBeGreaterThan(0);
    expect(compareNames('Chad', 'Chad')).toBe(0);
  });
});
