// Draws new elements straight onto the canvas, and fills Cytoscape's texture caches later, in
// a quiet moment.
//
// Cytoscape's canvas renderer draws every element through caches: each element (and its
// label) into a texture of its own, those into layer images, the layers onto the canvas. That
// pays off when the same elements are drawn again and again (panning, zooming), but a frame
// with new elements pays for every step at once. Measured in Chromium on two cores, the first
// frame of the grouped view of 100,000 institutions (561 elements) took 155-215 ms through the
// caches and 86-111 ms drawing straight. So frames after new elements appear draw them
// straight; a moment later, once the browser is idle, one cached frame of the same view fills
// the caches for the frames that follow.

import type { Core } from 'cytoscape';
import { whenIdle } from '../model';

/** How long after the first straight frame of a change the caches are filled (in idle time). */
const QUIET_MS = 300;

interface RawRenderer {
  drawLayeredElements(
    context: CanvasRenderingContext2D,
    eles: ArrayLike<RawEle>,
    pxRatio: number,
    extent: unknown,
  ): void;
  drawElement(
    context: CanvasRenderingContext2D,
    ele: RawEle,
    shiftToOrigin: undefined,
    showLabel: boolean,
  ): void;
  /** Whether the element's text is above its min-zoomed-font-size at the current zoom. */
  eleTextBiggerThanMin(ele: RawEle): boolean;
  redrawHint(group: 'eles', dirty: boolean): void;
  redraw(): void;
  /** The on-screen canvases' contexts (an image export draws into a context of its own). */
  data: { contexts?: unknown[] };
}

interface RawEle {
  visible(): boolean;
}

export interface DirectFrames {
  /** The next frames draw straight; the caches are filled once drawing has been quiet. */
  drawStraight(): void;
  /** Drops pending work; frames are drawn through the caches again. */
  stop(): void;
  /** Frames drawn each way since installed (for tests and the benchmark). */
  counts(): { straight: number; cached: number };
}

function rendererOf(cy: Core): RawRenderer | null {
  const r: unknown = (cy as unknown as { renderer(): unknown }).renderer();
  if (typeof r !== 'object' || r === null) return null;
  const raw = r as Partial<RawRenderer>;
  return typeof raw.drawLayeredElements === 'function' &&
    typeof raw.drawElement === 'function' &&
    typeof raw.eleTextBiggerThanMin === 'function' &&
    typeof raw.redrawHint === 'function' &&
    typeof raw.redraw === 'function' &&
    Array.isArray(raw.data?.contexts)
    ? (raw as RawRenderer)
    : null;
}

/**
 * Installs straight drawing on `cy`'s canvas renderer. Returns null where the renderer lacks
 * the methods this relies on (another Cytoscape version): it then draws as it always does.
 */
export function installDirectFrames(cy: Core): DirectFrames | null {
  const r = rendererOf(cy);
  if (!r) return null;
  const cached = r.drawLayeredElements.bind(r);
  let straight = false;
  const counts = { straight: 0, cached: 0 };
  let quiet = 0;
  let cancelIdle: (() => void) | null = null;
  const cancel = () => {
    clearTimeout(quiet);
    quiet = 0;
    cancelIdle?.();
    cancelIdle = null;
  };
  const fillCaches = () => {
    cancelIdle = null;
    straight = false;
    // A cached frame of the same view: it fills the textures later frames are drawn from.
    r.redrawHint('eles', true);
    r.redraw();
  };
  r.drawLayeredElements = (context, eles, pxRatio, extent) => {
    // Image exports (a context of their own, at a zoom of their own) go through the caches.
    if (!straight || !r.data.contexts?.includes(context)) {
      counts.cached++;
      cached(context, eles, pxRatio, extent);
      return;
    }
    counts.straight++;
    // In the order given (z-sorted). Elements off screen are clipped by the canvas. Text is
    // drawn where the cached drawing would draw it: not below min-zoomed-font-size (drawn
    // straight, Cytoscape would otherwise draw every label).
    for (let i = 0; i < eles.length; i++) {
      const ele = eles[i];
      if (ele?.visible()) r.drawElement(context, ele, undefined, r.eleTextBiggerThanMin(ele));
    }
    // Counted from the first straight frame after the last change, not from the latest frame:
    // frames that keep coming (a pan, a zoom) would otherwise be drawn straight, each paying
    // for every element, for as long as they come.
    if (quiet === 0 && cancelIdle === null) {
      quiet = window.setTimeout(() => {
        quiet = 0;
        cancelIdle = whenIdle(fillCaches);
      }, QUIET_MS);
    }
  };
  return {
    drawStraight() {
      // Another change: its frames are drawn straight, and the caches wait for them.
      cancel();
      straight = true;
    },
    stop() {
      cancel();
      straight = false;
    },
    counts: () => ({ ...counts }),
  };
}
