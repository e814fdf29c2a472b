// Image snapshots of the drawn view: PNG through Cytoscape's renderer, SVG through the
// cytoscape-svg extension, both with an optional title and legend drawn in. Loaded on first use.

import cytoscape, { type Core } from 'cytoscape';
import svgExtension from 'cytoscape-svg';
import { DASH, type LineStyle } from './encoding';
import { FONT } from './style';

cytoscape.use(svgExtension);

export interface ImageOptions {
  /** The part on screen, or the whole filtered graph. */
  scope: 'view' | 'full';
  scale: 1 | 2 | 4;
  background: 'white' | 'transparent';
  title: string;
  legend: LegendSpec | null;
}

export interface LegendSpec {
  nodeTitle: string;
  nodes: { label: string; color: string }[];
  edges: { label: string; color: string; line: LineStyle }[];
}

const ROW = 18;
const LEGEND_WIDTH = 230;
const TITLE_HEIGHT = 40;

function legendHeight(l: LegendSpec): number {
  return 30 + (l.nodes.length + l.edges.length) * ROW + 30;
}

function frame(o: ImageOptions, w: number, h: number) {
  const top = o.title ? TITLE_HEIGHT : 0;
  const right = o.legend ? LEGEND_WIDTH : 0;
  const height = Math.max(h + top, o.legend ? legendHeight(o.legend) + top : 0);
  return { top, right, width: w + right, height };
}

function dash(line: LineStyle): number[] {
  return [...DASH[line]];
}

/** Legend entries in drawing order, as positioned rows. */
function legendRows(l: LegendSpec) {
  const rows: {
    kind: 'head' | 'node' | 'edge';
    text: string;
    color?: string;
    line?: LineStyle;
    y: number;
  }[] = [];
  let y = 16;
  rows.push({ kind: 'head', text: `Node colour: ${l.nodeTitle}`, y });
  y += ROW;
  for (const n of l.nodes) {
    rows.push({ kind: 'node', text: n.label, color: n.color, y });
    y += ROW;
  }
  y += 8;
  rows.push({ kind: 'head', text: 'Line: cooperation type', y });
  y += ROW;
  for (const e of l.edges) {
    rows.push({ kind: 'edge', text: e.label, color: e.color, line: e.line, y });
    y += ROW;
  }
  return rows;
}

/**
 * Longest side of a PNG at 1×, in pixels; 2× and 4× double and quadruple it. The whole of a
 * big graph's drawing at its own size would need a canvas tens of thousands of pixels wide,
 * past what browsers allocate, so it is scaled down to fit.
 */
export const PNG_MAX_SIDE = 1600;

export async function toPng(cy: Core, o: ImageOptions): Promise<Blob> {
  // Cytoscape applies its own maxWidth only without a scale, so the cap is computed here.
  let scale: number = o.scale;
  if (o.scope === 'full') {
    const bb = cy.elements().boundingBox();
    scale = Math.min(o.scale, (PNG_MAX_SIDE * o.scale) / Math.max(bb.w, bb.h, 1));
  }
  const graphBlob = await cy.png({
    output: 'blob-promise',
    full: o.scope === 'full',
    scale,
    bg: o.background === 'white' ? '#ffffff' : undefined,
  });
  if (!o.title && !o.legend) return graphBlob;
  const bitmap = await createImageBitmap(graphBlob);
  const s = o.scale;
  const f = frame(o, bitmap.width / s, bitmap.height / s);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(f.width * s);
  canvas.height = Math.round(f.height * s);
  const ctx = canvas.getContext('2d');
  if (!ctx) return graphBlob;
  ctx.scale(s, s);
  if (o.background === 'white') {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, f.width, f.height);
  }
  ctx.drawImage(bitmap, 0, f.top, bitmap.width / s, bitmap.height / s);
  ctx.fillStyle = '#1d232a';
  ctx.textBaseline = 'middle';
  if (o.title) {
    ctx.font = `bold 18px ${FONT}`;
    ctx.fillText(o.title, 12, TITLE_HEIGHT / 2, f.width - 24);
  }
  if (o.legend) {
    const x0 = f.width - LEGEND_WIDTH + 10;
    for (const r of legendRows(o.legend)) {
      const y = f.top + r.y;
      ctx.font = `${r.kind === 'head' ? 'bold ' : ''}12px ${FONT}`;
      ctx.fillStyle = '#1d232a';
      if (r.kind === 'head') {
        ctx.fillText(r.text, x0, y, LEGEND_WIDTH - 16);
        continue;
      }
      if (r.kind === 'node') {
        ctx.fillStyle = r.color ?? '#999999';
        ctx.beginPath();
        ctx.arc(x0 + 6, y, 5, 0, Math.PI * 2);
        ctx.fill();
      } else {
        ctx.strokeStyle = r.color ?? '#999999';
        ctx.lineWidth = 2.5;
        ctx.setLineDash(dash(r.line ?? 'solid'));
        ctx.beginPath();
        ctx.moveTo(x0, y);
        ctx.lineTo(x0 + 22, y);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.fillStyle = '#1d232a';
      ctx.fillText(r.text, x0 + 28, y, LEGEND_WIDTH - 44);
    }
  }
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b ?? graphBlob), 'image/png'));
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function toSvg(cy: Core, o: ImageOptions): string {
  const raw = (cy as Core & { svg(o: object): string }).svg({
    full: o.scope === 'full',
    scale: o.scale,
    bg: o.background === 'white' ? '#ffffff' : undefined,
  });
  const parsed = new DOMParser().parseFromString(raw, 'image/svg+xml');
  const inner = parsed.documentElement;
  const w = Number.parseFloat(inner.getAttribute('width') ?? '0') || cy.width();
  const h = Number.parseFloat(inner.getAttribute('height') ?? '0') || cy.height();
  const f = frame(o, w, h);
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const root = doc.documentElement;
  root.setAttribute('width', String(f.width));
  root.setAttribute('height', String(f.height));
  root.setAttribute('viewBox', `0 0 ${f.width} ${f.height}`);
  const el = (name: string, attrs: Record<string, string | number>, text?: string) => {
    const e = doc.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    // Text from data goes in as a text node: the serializer escapes it.
    if (text !== undefined) e.textContent = text;
    return e;
  };
  if (o.background === 'white') {
    root.appendChild(el('rect', { x: 0, y: 0, width: f.width, height: f.height, fill: '#ffffff' }));
  }
  const g = el('g', { transform: `translate(0 ${f.top})` });
  g.appendChild(doc.importNode(inner, true));
  root.appendChild(g);
  const font = { 'font-family': FONT.replace(/"/g, "'") };
  if (o.title) {
    root.appendChild(
      el(
        'text',
        {
          x: 12,
          y: TITLE_HEIGHT / 2 + 6,
          'font-size': 18,
          'font-weight': 'bold',
          fill: '#1d232a',
          ...font,
        },
        o.title,
      ),
    );
  }
  if (o.legend) {
    const x0 = f.width - LEGEND_WIDTH + 10;
    const lg = el('g', { class: 'legend' });
    for (const r of legendRows(o.legend)) {
      const y = f.top + r.y;
      if (r.kind === 'node') {
        lg.appendChild(el('circle', { cx: x0 + 6, cy: y, r: 5, fill: r.color ?? '#999999' }));
      } else if (r.kind === 'edge') {
        const d = dash(r.line ?? 'solid');
        lg.appendChild(
          el('line', {
            x1: x0,
            y1: y,
            x2: x0 + 22,
            y2: y,
            stroke: r.color ?? '#999999',
            'stroke-width': 2.5,
            ...(d.length ? { 'stroke-dasharray': d.join(' ') } : {}),
          }),
        );
      }
      lg.appendChild(
        el(
          'text',
          {
            x: r.kind === 'head' ? x0 : x0 + 28,
            y: y + 4,
            'font-size': 12,
            'font-weight': r.kind === 'head' ? 'bold' : 'normal',
            fill: '#1d232a',
            ...font,
          },
          r.text,
        ),
      );
    }
    root.appendChild(lg);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
}
