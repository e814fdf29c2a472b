// Search over names and aliases: prefix and word matches first, then substrings.

import type { GraphData } from '../model';

export interface SearchHit {
  id: string;
  label: string;
  /** The alias that matched, when it was not the name. */
  matched: string | null;
  score: number;
}

function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

interface Entry {
  id: string;
  label: string;
  terms: { text: string; folded: string }[];
}

const cache = new WeakMap<GraphData, Entry[]>();

function entries(graph: GraphData): Entry[] {
  let e = cache.get(graph);
  if (!e) {
    e = graph.elements.nodes.map((n) => ({
      id: n.data.id,
      label: n.data.label,
      terms: [n.data.label, ...n.data.aliases].map((t) => ({ text: t, folded: fold(t) })),
    }));
    cache.set(graph, e);
  }
  return e;
}

export function searchInstitutions(graph: GraphData, query: string, limit = 10): SearchHit[] {
  const q = fold(query.trim());
  if (q === '') return [];
  const hits: SearchHit[] = [];
  for (const entry of entries(graph)) {
    let best: SearchHit | null = null;
    entry.terms.forEach((t, i) => {
      let score = -1;
      if (t.folded === q) score = 0;
      else if (t.folded.startsWith(q)) score = 1;
      else if (t.folded.includes(` ${q}`) || t.folded.includes(`-${q}`)) score = 2;
      else if (t.folded.includes(q)) score = 3;
      if (score >= 0 && (best === null || score < best.score)) {
        best = { id: entry.id, label: entry.label, matched: i === 0 ? null : t.text, score };
      }
    });
    if (best) hits.push(best);
  }
  hits.sort((a, b) => a.score - b.score || a.label.localeCompare(b.label));
  return hits.slice(0, limit);
}
