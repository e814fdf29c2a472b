// The benchmark's yardstick: the same graph file drawn by plain Cytoscape.js with its preset
// positions, a minimal stylesheet and nothing else (no validation, no store, no labels, no
// filters UI). The app's figures are reported as multiples of this page's.
// Reads `?graph=<url>` like the app; exposes `window.__ref` for the probe.

import cytoscape, { type ElementsDefinition } from 'cytoscape';
import type { ReferenceApi } from '../pageApi';

const api: ReferenceApi = {
  rendered: false,
  error: null,
  hideHalf: () => undefined,
  showAll: () => undefined,
};
Object.defineProperty(window, '__ref', { value: api });

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Just enough of a check to fail with a message instead of a blank page. */
function elementsOf(json: unknown): ElementsDefinition | null {
  if (!isRecord(json) || !isRecord(json.elements)) return null;
  const { nodes, edges } = json.elements;
  if (!Array.isArray(nodes) || !Array.isArray(edges)) return null;
  return { nodes, edges };
}

async function main(): Promise<void> {
  const container = document.getElementById('cy');
  const param = new URLSearchParams(window.location.search).get('graph');
  if (!container || !param) throw new Error('needs a #cy element and ?graph=<url>');
  const response = await fetch(new URL(param, window.location.href));
  if (!response.ok) throw new Error(`graph: HTTP ${response.status}`);
  const elements = elementsOf(await response.json());
  if (!elements) throw new Error('graph: not Cytoscape JSON with elements.nodes and edges');
  const cy = cytoscape({
    container,
    elements,
    layout: { name: 'preset' },
    // Cytoscape's defaults otherwise: no label (the default label is empty), haystack edges.
    style: [
      { selector: 'node', style: { 'background-color': '#4e79a7', width: 10, height: 10 } },
      { selector: 'edge', style: { width: 1, 'line-color': '#b8b8b8' } },
      { selector: '.hidden', style: { display: 'none' } },
    ],
  });
  cy.one('render', () => {
    api.rendered = true;
  });
  api.hideHalf = () =>
    cy.batch(() => {
      cy.elements().forEach((e, i) => {
        if (i % 2 === 0) e.addClass('hidden');
      });
    });
  api.showAll = () => cy.batch(() => void cy.elements().removeClass('hidden'));
}

main().catch((e: unknown) => {
  api.error = e instanceof Error ? e.message : String(e);
});
