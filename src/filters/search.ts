// Search over names and aliases: prefix and word matches first, then substrings. The folded
// names are prepared once per graph (in idle time after a load: prepareSearch), and a query
// keeps only its best `limit` hits as it goes, so a keystroke over 100,000 institutions is one
// pass of string tests, with no sort of the whole list.

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
  /** Name first, then aliases, as written and folded (lower case, no accents). */
  texts: string[];
  folded: string[];
}

interface Prepared {
  entries: Entry[];
  /** Institutions folded so far; all of them once equal to the graph's count. */
  done: number;
}

const cache = new WeakMap<GraphData, Prepared>();

function preparedOf(graph: GraphData): Prepared {
  let p = cache.get(graph);
  if (!p) cache.set(graph, (p = { entries: [], done: 0 }));
  return p;
}

/** Folds names from where the last call stopped until `more()` says stop or all are done. */
function foldNames(graph: GraphData, p: Prepared, more: () => boolean): void {
  const nodes = graph.elements.nodes;
  while (p.done < nodes.length) {
    const end = Math.min(nodes.length, p.done + 500);
    for (let i = p.done; i < end; i++) {
      const n = nodes[i];
      if (!n) continue;
      const texts = [n.data.label, ...n.data.aliases];
      p.entries.push({ id: n.data.id, label: n.data.label, texts, folded: texts.map(fold) });
    }
    p.done = end;
    if (!more()) return;
  }
}

/**
 * Prepares `graph` for search a slice at a time while `more()` is true (e.g. while an idle
 * period lasts); true once all is prepared. A search finishes what is left itself.
 */
export function prepareSearch(graph: GraphData, more: () => boolean = () => true): boolean {
  const p = preparedOf(graph);
  foldNames(graph, p, more);
  return p.done >= graph.elements.nodes.length;
}

function entries(graph: GraphData): Entry[] {
  const p = preparedOf(graph);
  foldNames(graph, p, () => true);
  return p.entries;
}

/** The score of `text` for query `q` (both folded): lower is better, -1 for no match. */
function scoreOf(text: string, q: string): number {
  if (text === q) return 0;
  if (text.startsWith(q)) return 1;
  if (text.includes(` ${q}`) || text.includes(`-${q}`)) return 2;
  if (text.includes(q)) return 3;
  return -1;
}

interface Ranked extends SearchHit {
  key: string;
}

/** Order of hits: score, then name with case and accents folded, then name as written. */
function before(a: Ranked, b: Ranked): boolean {
  if (a.score !== b.score) return a.score < b.score;
  if (a.key !== b.key) return a.key < b.key;
  return a.label < b.label;
}

export function searchInstitutions(graph: GraphData, query: string, limit = 10): SearchHit[] {
  const q = fold(query.trim());
  if (q === '' || limit <= 0) return [];
  // The best `limit` hits so far, best first.
  const top: Ranked[] = [];
  for (const entry of entries(graph)) {
    const worst = top.length === limit ? top[limit - 1] : undefined;
    let score = -1;
    let matched = 0;
    entry.folded.forEach((t, i) => {
      const s = scoreOf(t, q);
      if (s >= 0 && (score < 0 || s < score)) {
        score = s;
        matched = i;
      }
    });
    if (score < 0) continue;
    const hit: Ranked = {
      id: entry.id,
      label: entry.label,
      matched: matched === 0 ? null : (entry.texts[matched] ?? null),
      score,
      key: entry.folded[0] ?? '',
    };
    if (worst && !before(hit, worst)) continue;
    let at = top.length === limit ? limit - 1 : top.length;
    while (at > 0 && before(hit, top[at - 1] as Ranked)) at--;
    top.splice(at, 0, hit);
    if (top.length > limit) top.pop();
  }
  return top.map(({ id, label, matched, score }) => ({ id, label, matched, score }));
}
