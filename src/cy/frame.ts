// Framing a drawing from its own numbers: node boxes from positions and sizes, label boxes from
// estimated text sizes. Cytoscape's boundingBox() styles every element and measures every
// label first; on a first frame that is a whole style pass, which the frame then repeats under
// the stylesheet rebuilt for the new zoom.

/** A label's box, centred horizontally on its node. */
export interface FrameLabel {
  w: number;
  h: number;
  /** Under the node (institutions, groups, open groups' rings) or centred on it. */
  place: 'below' | 'centre';
  /**
   * 'screen': pixels that keep their size while zoomed out and grow with the zoom above 1
   * (institution labels); 'model': drawing units, scaled by the zoom like the nodes.
   */
  units: 'screen' | 'model';
  /** The zoom from which the label is drawn (the label pass's threshold); absent: always. */
  from?: number;
}

export interface FrameItem {
  x: number;
  y: number;
  /** Diameter in drawing units. */
  size: number;
  label?: FrameLabel;
}

/** The part of the canvas to frame into, in pixels, and the zoom range allowed. */
export interface FrameArea {
  left: number;
  top: number;
  width: number;
  height: number;
  minZoom: number;
  maxZoom: number;
}

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

interface Extent {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The items' box on screen at zoom `z`, in pixels from the drawing's origin. */
export function screenExtent(items: readonly FrameItem[], z: number): Extent {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  const screenScale = Math.max(z, 1);
  for (const it of items) {
    const cx = it.x * z;
    const cy = it.y * z;
    const r = (it.size * z) / 2;
    x1 = Math.min(x1, cx - r);
    x2 = Math.max(x2, cx + r);
    y1 = Math.min(y1, cy - r);
    y2 = Math.max(y2, cy + r);
    const l = it.label;
    // A label not drawn at this zoom takes no room. The extent still only grows with the
    // zoom (labels appear as it grows), so frameItems' bisection holds.
    if (!l || (l.from !== undefined && z < l.from)) continue;
    const s = l.units === 'screen' ? screenScale : z;
    const hw = (l.w * s) / 2;
    const h = l.h * s;
    x1 = Math.min(x1, cx - hw);
    x2 = Math.max(x2, cx + hw);
    if (l.place === 'below') {
      y2 = Math.max(y2, cy + r + h);
    } else {
      y1 = Math.min(y1, cy - h / 2);
      y2 = Math.max(y2, cy + h / 2);
    }
  }
  return { x1, y1, x2, y2 };
}

/**
 * The largest zoom (within the area's range) at which every item and its label fits the area,
 * and the pan that centres them there. Null for no items. Labels of constant screen size make
 * the fitting zoom the solution of an equation, not a ratio; it is found by bisection, since
 * the screen box only grows with the zoom.
 */
export function frameItems(items: readonly FrameItem[], area: FrameArea): Viewport | null {
  if (items.length === 0) return null;
  const fits = (z: number) => {
    const e = screenExtent(items, z);
    return e.x2 - e.x1 <= area.width && e.y2 - e.y1 <= area.height;
  };
  let zoom: number;
  if (fits(area.maxZoom)) zoom = area.maxZoom;
  else if (!fits(area.minZoom)) zoom = area.minZoom;
  else {
    // Bisection on the logarithm: zooms span several orders of magnitude.
    let lo = Math.log(area.minZoom);
    let hi = Math.log(area.maxZoom);
    for (let i = 0; i < 40 && hi - lo > 1e-4; i++) {
      const mid = (lo + hi) / 2;
      if (fits(Math.exp(mid))) lo = mid;
      else hi = mid;
    }
    zoom = Math.exp(lo);
  }
  const e = screenExtent(items, zoom);
  return {
    zoom,
    pan: {
      x: area.left + area.width / 2 - (e.x1 + e.x2) / 2,
      y: area.top + area.height / 2 - (e.y1 + e.y2) / 2,
    },
  };
}
