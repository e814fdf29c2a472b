// The Cytoscape stylesheet. Colours, sizes and label tiers are precomputed into element data,
// so the style only reads fields (no mapper functions run per frame).

import type { StylesheetJson } from 'cytoscape';
import { DASH } from './encoding';

export const FONT = '"DejaVu Sans", "Segoe UI", system-ui, sans-serif';
/** Label sizes on screen, in pixels, by importance tier. */
export const LABEL_PX = [11, 12, 14] as const;
/** Country group labels on screen, in pixels. */
export const GROUP_LABEL_PX = 13;

/**
 * An institution's label sizes at text scale `k`, as its data carries them (the stylesheet
 * reads them): font size by tier, the gap under the circle and the wrapping width. In data, so
 * that a new scale restyles the institutions alone; in the stylesheet it restyled every
 * element, agreements and their curves included (172 + 170 ms profiled at 1,000 institutions).
 */
export function labelSizes(tier: 0 | 1 | 2, k: number): { lfs: number; lm: number; lw: number } {
  return { lfs: LABEL_PX[tier] * k, lm: 3 * k, lw: 130 * k };
}

/** The class the label pass gives a node whose label it draws (big graphs label every node). */
export const LABEL_CLASS = 'lab';
const LABELLED = `node.${LABEL_CLASS}, node.focus, node.hover, node.annotation`;

/**
 * Institutions' label sizes are in their data (labelSizes): scaled so that text keeps its
 * screen size when the view is zoomed out, or in drawing units on big drawings. `big`: many
 * institutions drawn, labels by zoom threshold. `lean`: a graph past the drawing limit, whose
 * edges come and go with every filter change: straight "haystack" lines, which Cytoscape
 * places without the per-pair geometry of other edges (a quarter of the cost of a change).
 * `dash` scales dashed and dotted lines (see the edge rules).
 */
export function stylesheet(big = false, lean = false, dash = 1): StylesheetJson {
  const sheet = [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        width: 'data(size)',
        height: 'data(size)',
        'border-width': 1.5,
        'border-color': '#ffffff',
      },
    },
    {
      // Text only where a label is drawn. Cytoscape applies each property of a matching rule to
      // each element, and marks the element's connected edges for every one, so label
      // properties on every institution made a 100,000-institution filter change a fifth slower.
      // Big graphs label every node and let Cytoscape hide small text by zoom; the others label
      // those the label pass shows (.lab: institutions, country groups, open groups' frames and
      // "more" chips; in a highlight the focus and its neighbours first), the picked and the
      // hovered one, and layout annotations.
      selector: big ? 'node' : LABELLED,
      style: {
        label: 'data(label)',
        'font-family': FONT,
        'font-size': 'data(lfs)',
        color: '#1d232a',
        'text-valign': 'bottom',
        'text-margin-y': 'data(lm)',
        'text-wrap': 'wrap',
        'text-max-width': 'data(lw)',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        'text-background-shape': 'roundrectangle',
      },
    },
    { selector: 'node[tier = 2]', style: { 'font-weight': 'bold' } },
    {
      selector: 'edge',
      style: {
        width: 1.6,
        'line-color': 'data(color)',
        'curve-style': 'bezier',
        opacity: 0.75,
      },
    },
    // Dashes keep their screen length when the view is zoomed out, as labels do. In drawing
    // units they would shrink with the zoom: at the zoom that shows 1,200 institutions of a
    // 100,000-institution graph a 500-pixel dotted line is thousands of dots too small to see,
    // and the canvas rasterised such lines for 50 ms a frame (measured). Dotted lines are
    // short dashes (Cytoscape's own dots are one drawing unit, unscalable).
    {
      selector: 'edge[line = "dashed"]',
      style: { 'line-style': 'dashed', 'line-dash-pattern': DASH.dashed.map((v) => v * dash) },
    },
    {
      selector: 'edge[line = "dotted"]',
      style: { 'line-style': 'dashed', 'line-dash-pattern': DASH.dotted.map((v) => v * dash) },
    },
    { selector: 'node.near', style: { 'z-index': 9 } },
    { selector: 'edge.near', style: { width: 2.6, opacity: 1, 'z-index': 9 } },
    {
      selector: 'node.focus',
      style: {
        'border-width': 4,
        'border-color': '#111111',
        'z-index': 10,
        'font-weight': 'bold',
      },
    },
    {
      selector: 'edge.picked',
      style: {
        width: 5,
        opacity: 1,
        'z-index': 11,
        'underlay-color': '#ffd54f',
        'underlay-opacity': 0.8,
        'underlay-padding': 3,
      },
    },
    {
      selector: 'node.hover',
      style: { 'border-color': '#111111', 'border-width': 3, 'z-index': 12 },
    },
    {
      selector: 'node.annotation',
      style: {
        shape: 'rectangle',
        width: 1,
        height: 1,
        'background-opacity': 0,
        'border-width': 0,
        label: 'data(label)',
        'font-size': 'data(fs)',
        'font-weight': 'bold',
        color: '#4a5560',
        'text-valign': 'center',
        'text-margin-y': 0,
        'text-wrap': 'none',
        'text-background-opacity': 0,
        events: 'no',
        'z-index': 0,
      },
    },
    // The grouped view of big graphs: country groups, open groups' frames, "more" nodes and
    // summary links. Their text is in model units (data fs), so it grows and shrinks with the
    // drawing and small groups' names appear as the view zooms in.
    {
      selector: 'node.group',
      style: {
        'font-size': 'data(fs)',
        'font-weight': 'bold',
        'text-valign': 'bottom',
        'text-margin-y': 'data(gap)',
        'text-max-width': '1000px',
        'text-wrap': 'none',
        'border-width': 2,
        'border-color': '#ffffff',
        'background-opacity': 0.85,
      },
    },
    {
      selector: 'node.frame',
      style: {
        'background-color': 'data(color)',
        'background-opacity': 0.07,
        'border-width': 2,
        'border-style': 'dashed',
        'border-color': 'data(color)',
        'font-size': 'data(fs)',
        'font-weight': 'bold',
        // Under the circle, where the closed group's name was: above it, the name lay in the
        // row above, under another group's circle, and read as that group's.
        'text-valign': 'bottom',
        'text-margin-y': 'data(gap)',
        'text-max-width': '1000px',
        // One line: the width above is in model units, a few pixels when zoomed far out.
        'text-wrap': 'none',
        'z-index': 0,
      },
    },
    {
      selector: 'node.rest',
      style: {
        shape: 'round-rectangle',
        // The label's estimated width, set with the font size ('label' is deprecated).
        width: 'data(w)',
        height: 18,
        padding: '4px',
        'background-color': '#eef1f4',
        'border-color': 'data(color)',
        'border-width': 1.5,
        'font-size': 'data(fs)',
        'text-valign': 'center',
        'text-margin-y': 0,
        'text-max-width': '1000px',
        // One line, as wide as the chip (wrapped at the width above, in drawing units, it
        // broke in two when zoomed far out, and reached down over the group's name).
        'text-wrap': 'none',
        'text-background-opacity': 0,
      },
    },
    {
      selector: 'edge.link',
      style: {
        width: 'data(width)',
        'line-color': '#7d8a97',
        'line-style': 'solid',
        'curve-style': 'straight',
        opacity: 0.45,
      },
    },
  ] as StylesheetJson;
  // Large graphs: labels by zoom through Cytoscape's own threshold, no per-zoom restyling.
  if (big) {
    (sheet as unknown[]).push(
      { selector: 'node', style: { 'min-zoomed-font-size': 14 } },
      { selector: 'node.group, node.frame, node.rest', style: { 'min-zoomed-font-size': 0 } },
      { selector: 'edge', style: { 'curve-style': 'straight' } },
    );
  }
  if (lean) {
    (sheet as unknown[]).push({
      selector: 'edge',
      style: { 'curve-style': 'haystack', 'haystack-radius': 0 },
    });
  }
  return sheet;
}
