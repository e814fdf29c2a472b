import { FONT } from './style';

// Label placement without piles of text: each label gets the zoom level from which it is shown.
// Labels are drawn at a constant screen size, so a label collides with a more important
// neighbour's label while their screen distance is below the label box; it appears once the
// user has zoomed in far enough to separate them. The first few (the caller says how many)
// are always labelled.

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

/**
 * Text measured in the canvas's font where the page can: one context per weight, each with its
 * font set once (setting a font parses it, and labels alternate between weights). Widths at
 * 1 px by text, per weight, cleared past 20,000 entries. Null: no canvas (estimate instead).
 */
interface Measurer {
  context: OffscreenCanvasRenderingContext2D;
  widths: Map<string, number>;
}
let measurers: [Measurer, Measurer] | null | undefined;

function makeMeasurer(bold: boolean): Measurer | null {
  const context = new OffscreenCanvas(1, 1).getContext('2d');
  if (!context) return null;
  context.font = `${bold ? 'bold ' : ''}100px ${FONT}`;
  return { context, widths: new Map() };
}

function measured(text: string, bold: boolean): number | null {
  if (measurers === undefined) {
    const normal = typeof OffscreenCanvas === 'undefined' ? null : makeMeasurer(false);
    const heavy = normal ? makeMeasurer(true) : null;
    measurers = normal && heavy ? [normal, heavy] : null;
  }
  if (!measurers) return null;
  const { context, widths } = measurers[bold ? 1 : 0];
  let width = widths.get(text);
  if (width === undefined) {
    width = context.measureText(text).width / 100;
    if (widths.size >= 20_000) widths.clear();
    widths.set(text, width);
  }
  return width;
}

/**
 * Width of one line of text in the canvas's font: measured in the browser; elsewhere
 * estimated (bold glyphs are about an eighth wider).
 */
export function textWidth(text: string, fontPx: number, bold = false): number {
  const perPx = measured(text, bold) ?? text.length * (bold ? 0.66 : 0.58);
  return perPx * fontPx;
}

export function estimateLabelWidth(label: string, fontPx: number, bold = false): number {
  return Math.min(WRAP_WIDTH, Math.max(24, textWidth(label, fontPx, bold))) + 4;
}

/** Screen height of a one-line label (group names, open groups' names), with its margin. */
export function lineHeight(fontPx: number): number {
  return 5 + fontPx * 1.25;
}

/** Estimated screen height of a label that wraps at the stylesheet's width, with its margin. */
export function estimateLabelHeight(label: string, fontPx: number, bold = false): number {
  const lines = Math.max(1, Math.ceil(textWidth(label, fontPx, bold) / WRAP_WIDTH));
  return lineHeight(fontPx) + (lines - 1) * fontPx * 1.25;
}

/** The zoom from which the labels of `item` and an earlier `other` no longer overlap. */
function separation(item: LabelItem, other: LabelItem): number {
  const dx = Math.abs(item.x - other.x);
  const dy = Math.abs(item.y - other.y);
  const w = (item.width + other.width) / 2;
  // The upper label reaches down its own height: the two overlap while the gap between
  // their tops, dy*z, is less than it.
  const h = item.y < other.y ? item.height : other.height;
  // Overlap on screen while dx*z < w and dy*z < h: separated from z = min(w/dx, h/dy).
  const zx = dx === 0 ? Infinity : w / dx;
  const zy = dy === 0 ? Infinity : h / dy;
  return Math.min(zx, zy);
}

/**
 * Returns, per id, the smallest zoom at which its label does not overlap the label of any
 * item earlier in `byImportance`. The first items (hubs) get 0.
 *
 * Each item's zoom is the largest {@link separation} from an earlier item. Earlier items sit
 * in a grid of cells; an item looks at rings of cells around its own, outwards, skipping cells
 * and stopping at the ring that are too far to raise what it has found: a pair separates from
 * a zoom above `need` only while dx < w/need and dy < h/need. The result is the same as
 * comparing every pair (1,200 labels: ~700,000 pairs).
 */
export function labelZooms(byImportance: LabelItem[], alwaysShown: number): Map<string, number> {
  const out = new Map<string, number>();
  const n = byImportance.length;
  if (n > MAX_PAIRWISE) {
    byImportance.forEach((item, i) => out.set(item.id, i < alwaysShown ? 0 : Infinity));
    return out;
  }
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  let widest = 0;
  let tallest = 0;
  for (const item of byImportance) {
    x1 = Math.min(x1, item.x);
    y1 = Math.min(y1, item.y);
    x2 = Math.max(x2, item.x);
    y2 = Math.max(y2, item.y);
    widest = Math.max(widest, item.width);
    tallest = Math.max(tallest, item.height);
  }
  // About one item per cell.
  const side = Math.max(x2 - x1, y2 - y1) / Math.max(1, Math.sqrt(n)) || 1;
  const columns = Math.floor((x2 - x1) / side) + 1;
  const rows = Math.floor((y2 - y1) / side) + 1;
  const cells = new Map<number, LabelItem[]>();
  const colOf = (x: number) => Math.min(columns - 1, Math.max(0, Math.floor((x - x1) / side)));
  const rowOf = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor((y - y1) / side)));
  byImportance.forEach((item, i) => {
    const col = colOf(item.x);
    const row = rowOf(item.y);
    if (i < alwaysShown) out.set(item.id, 0);
    else {
      let need = 0;
      // How far (in drawing units) an earlier item can be and still raise `need`.
      let reachX = Infinity;
      let reachY = Infinity;
      const visit = (c: number, r: number) => {
        if (c < 0 || r < 0 || c >= columns || r >= rows) return;
        const left = x1 + c * side;
        const top = y1 + r * side;
        if (Math.max(0, left - item.x, item.x - left - side) >= reachX) return;
        if (Math.max(0, top - item.y, item.y - top - side) >= reachY) return;
        for (const other of cells.get(r * columns + c) ?? []) {
          const z = separation(item, other);
          if (z > need) {
            need = z;
            reachX = (item.width + widest) / 2 / need;
            reachY = Math.max(item.height, tallest) / need;
          }
        }
      };
      // Rings of cells around the item's own, outwards, until a ring lies beyond reach.
      const last = Math.max(columns, rows);
      for (let ring = 0; ring <= last; ring++) {
        if ((ring - 1) * side >= Math.max(reachX, reachY)) break;
        if (ring === 0) visit(col, row);
        for (let d = -ring; d <= ring; d++) {
          visit(col + d, row - ring);
          visit(col + d, row + ring);
          if (d !== -ring && d !== ring) {
            visit(col - ring, row + d);
            visit(col + ring, row + d);
          }
        }
      }
      out.set(item.id, need);
    }
    const key = row * columns + col;
    const cell = cells.get(key);
    if (cell) cell.push(item);
    else cells.set(key, [item]);
  });
  return out;
}
