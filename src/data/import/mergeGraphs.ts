// Merging an imported graph into another. Pure: neither input is changed. Institutions are the
// same when their ids are equal, or else when a name or other name is equal (an import names
// "Xi'an Jiaotong University", which the bundled graph has under the id "xjtu"). Agreements
// are the same when their ids are equal and they link the same institutions with the same type
// and date; an id that clashes otherwise is made unique. The result is validated.

import type {
  EdgeElement,
  Evidence,
  GraphData,
  InstitutionData,
  NodeElement,
  Position,
  Source,
} from '../../model';
import { validateGraph } from '../validateGraph';
import { IdAllocator, normaliseKey } from './text';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

function mergeInstitution(base: InstitutionData, added: InstitutionData): InstitutionData {
  const names = new Set([normaliseKey(base.label), ...base.aliases.map(normaliseKey)]);
  const aliases = [...base.aliases];
  for (const name of [added.label, ...added.aliases]) {
    const key = normaliseKey(name);
    if (!names.has(key)) {
      names.add(key);
      aliases.push(name);
    }
  }
  const merged: InstitutionData = {
    ...base,
    aliases,
    // What the base graph leaves open, the import may fill; what it states, it keeps.
    country: base.country ?? added.country,
    type: base.type === 'other' ? added.type : base.type,
    city: base.city ?? added.city,
    lat: base.lat ?? added.lat,
    lon: base.lon ?? added.lon,
  };
  return merged;
}

const sameEdge = (a: EdgeElement['data'], b: EdgeElement['data']) =>
  a.source === b.source &&
  a.target === b.target &&
  a.cooperation === b.cooperation &&
  a.date === b.date;

function mergeEvidence(a: Evidence[], b: Evidence[]): Evidence[] {
  const seen = new Set(a.map((e) => `${e.source ?? ''}\u0000${e.quote}`));
  return [...a, ...b.filter((e) => !seen.has(`${e.source ?? ''}\u0000${e.quote}`))];
}

/**
 * New institutions of a laid-out graph get positions near a partner that has one, else in a
 * row below the drawing, so the first frame still needs no layout run.
 */
function placeNewNodes(nodes: NodeElement[], edges: EdgeElement[], fresh: Set<string>): void {
  const placed = nodes.filter((n) => n.position && !fresh.has(n.data.id));
  if (placed.length === 0) return;
  const at = new Map<string, Position>();
  for (const n of nodes) if (n.position) at.set(n.data.id, n.position);
  const ys = placed.map((n) => n.position?.y ?? 0);
  const xs = placed.map((n) => n.position?.x ?? 0);
  let rowX = Math.min(...xs);
  const rowY = Math.max(...ys) + 120;
  const around = new Map<string, number>();
  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    neighbours.set(e.data.source, [...(neighbours.get(e.data.source) ?? []), e.data.target]);
    neighbours.set(e.data.target, [...(neighbours.get(e.data.target) ?? []), e.data.source]);
  }
  const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
  for (const n of nodes) {
    if (n.position || !fresh.has(n.data.id)) continue;
    const anchor = (neighbours.get(n.data.id) ?? []).find((id) => at.has(id));
    const p = anchor === undefined ? undefined : at.get(anchor);
    if (anchor !== undefined && p) {
      const k = (around.get(anchor) ?? 0) + 1;
      around.set(anchor, k);
      const r = 70 + 18 * Math.sqrt(k);
      n.position = {
        x: p.x + r * Math.cos(k * GOLDEN_ANGLE),
        y: p.y + r * Math.sin(k * GOLDEN_ANGLE),
      };
    } else {
      n.position = { x: rowX, y: rowY };
      rowX += 60;
    }
    at.set(n.data.id, n.position);
  }
}

/** Merges `added` into `base`; the result keeps `base`'s title and is validated. */
export function mergeGraphs(base: GraphData, added: GraphData): Result<GraphData> {
  const nodes: NodeElement[] = base.elements.nodes.map((n) => ({
    data: { ...n.data, aliases: [...n.data.aliases] },
    ...(n.position ? { position: { ...n.position } } : {}),
  }));
  const nodeIndex = new Map(nodes.map((n, i) => [n.data.id, i]));
  const byName = new Map<string, string>();
  // Names before other names: a label is the stronger identification.
  for (const n of nodes) byName.set(normaliseKey(n.data.label), n.data.id);
  for (const n of nodes) {
    for (const a of n.data.aliases) {
      const key = normaliseKey(a);
      if (!byName.has(key)) byName.set(key, n.data.id);
    }
  }
  const ids = new IdAllocator([
    ...base.elements.nodes.map((n) => n.data.id),
    ...base.elements.edges.map((e) => e.data.id),
  ]);

  const nodeIds = new Map<string, string>();
  const fresh = new Set<string>();
  for (const n of added.elements.nodes) {
    const matched =
      (nodeIndex.has(n.data.id) ? n.data.id : undefined) ??
      [n.data.label, ...n.data.aliases].map((s) => byName.get(normaliseKey(s))).find((x) => x);
    const at = matched === undefined ? undefined : nodeIndex.get(matched);
    const existing = at === undefined ? undefined : nodes[at];
    if (matched !== undefined && at !== undefined && existing) {
      nodes[at] = { ...existing, data: mergeInstitution(existing.data, n.data) };
      nodeIds.set(n.data.id, matched);
      continue;
    }
    const id = ids.take(n.data.id);
    nodeIds.set(n.data.id, id);
    fresh.add(id);
    nodeIndex.set(id, nodes.length);
    nodes.push({ data: { ...n.data, id, aliases: [...n.data.aliases] } });
  }

  const sources: Source[] = base.data.sources.map((s) => ({ ...s }));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const sourceIds = new Map<string, string>();
  const sourceAlloc = new IdAllocator(sources.map((s) => s.id));
  for (const s of added.data.sources) {
    const same = sourceById.get(s.id);
    if (same && same.title === s.title && same.url === s.url && same.text === s.text) {
      sourceIds.set(s.id, s.id);
      continue;
    }
    const id = sourceAlloc.take(s.id);
    sourceIds.set(s.id, id);
    const copy: Source = { ...s, id, about: s.about ? (nodeIds.get(s.about) ?? s.about) : '' };
    sources.push(copy);
    sourceById.set(id, copy);
  }

  const edges: EdgeElement[] = base.elements.edges.map((e) => ({
    data: { ...e.data, evidence: [...e.data.evidence] },
  }));
  const edgeIndex = new Map(edges.map((e, i) => [e.data.id, i]));
  for (const e of added.elements.edges) {
    const data: EdgeElement['data'] = {
      ...e.data,
      source: nodeIds.get(e.data.source) ?? e.data.source,
      target: nodeIds.get(e.data.target) ?? e.data.target,
      evidence: e.data.evidence.map((ev) =>
        ev.source === undefined
          ? { ...ev }
          : { ...ev, source: sourceIds.get(ev.source) ?? ev.source },
      ),
    };
    // Two imported institutions found under one existing institution leave a link to itself,
    // which a graph cannot hold.
    if (data.source === data.target) continue;
    const at = edgeIndex.get(e.data.id);
    const existing = at === undefined ? undefined : edges[at];
    if (at !== undefined && existing && sameEdge(existing.data, data)) {
      edges[at] = {
        data: { ...existing.data, evidence: mergeEvidence(existing.data.evidence, data.evidence) },
      };
      continue;
    }
    const id = ids.take(e.data.id);
    edgeIndex.set(id, edges.length);
    // An agreement id naming only this edge follows it when the edge id changes.
    const agreement = data.agreement === e.data.id ? id : data.agreement;
    edges.push({ data: { ...data, id, agreement } });
  }

  placeNewNodes(nodes, edges, fresh);
  const merged: GraphData = {
    data: { ...base.data, sources },
    elements: { nodes, edges },
  };
  const checked = validateGraph(merged);
  if (!checked.graph) {
    const first = checked.problems.slice(0, 3).map((p) => p.message);
    return {
      ok: false,
      error: `The merged graph is not valid: ${first.join(' ')}${checked.problems.length > 3 ? ` (and ${checked.problems.length - 3} more problems)` : ''}`,
    };
  }
  return { ok: true, value: checked.graph };
}
