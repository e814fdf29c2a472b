// Label placement without piles of text: each label gets the zoom level from which it is shown.
// Labels are drawn at a constant screen size, so a label collides with a more important
// neighbour's label while their screen distance is below the label box; it appears once the
// user has zoomed in far enough to separate them. Hubs are always labelled.

export interface LabelItem {
  id: string;
  /** The label's centre line, in model units. */
  x: number;
  /** The label's top edge, in model units: its node's centre plus the node's radius. */
  y: number;
  /** Label width on screen, in pixels. */
  width: number;
  /** Label height on screen, in pixels (wrapped labels have several lines). */
  height: number;
}

/** Wrapped labels break at this width on screen (the stylesheet's text-max-width). */
const WRAP_WIDTH = 130;
/** Above this many labelled nodes the pairwise pass is skipped (the view is aggregated then). */
export const MAX_PAIRWISE = 2500;

/** Estimated width of one line of text in the UI's sans-serif font. */
export function textWidth(text: string, fontPx: number): number {
  return text.length * fontPx * 0.58;
}

export function estimateLabelWidth(label: string, fontPx: number): number {
  return Math.min(WRAP_WIDTH, Math.max(24, textWidth(label, fontPx))) + 4;
}

/** Screen height of a one-line label (group names, open groups' names), with its margin. */
export function lineHeight(fontPx: number): number {
  return 5 + fontPx * 1.25;
}

/** Estimated screen height of a label that wraps at the stylesheet's width, with its margin. */
export function estimateLabelHeight(label: string, fontPx: number): number {
  const lines = Math.max(1, Math.ceil(textWidth(label, fontPx) / WRAP_WIDTH));
  return lineHeight(fontPx) + (lines - 1) * fontPx * 1.25;
}

/**
 * Returns, per id, the smallest zoom at which its label does not overlap the label of any
 * item earlier in `byImportance`. The first items (hubs) get 0.
 */
export function labelZooms(byImportance: LabelItem[], alwaysShown: number): Map<string, number> {
  const out = new Map<string, number>();
  const n = byImportance.length;
  byImportance.forEach((item, i) => {
    if (i < alwaysShown || n > MAX_PAIRWISE) {
      out.set(item.id, i < alwaysShown ? 0 : Infinity);
      return;
    }
    let need = 0;
    for (let j = 0; j < i; j++) {
      const other = byImportance[j];
      if (!other) continue;
      const dx = Math.abs(item.x - other.x);
      const dy = Math.abs(item.y - other.y);
      const w = (item.width + other.width) / 2;
      // The upper label reaches down its own height: the two overlap while the gap between
      // their tops, dy*z, is less than it.
      const h = item.y < other.y ? item.height : other.height;
      // Overlap on screen while dx*z < w and dy*z < h: separated from z = min(w/dx, h/dy).
      const zx = dx === 0 ? Infinity : w / dx;
      const zy = dy === 0 ? Infinity : h / dy;
      const z = Math.min(zx, zy);
      if (z > need) need = z;
    }
    out.set(item.id, need);
  });
  return out;
}
