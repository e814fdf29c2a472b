// The grouped view of a big graph: institutions grouped by country into summary nodes joined by
// summary links, open groups showing as many of their institutions as the limit allows. Loaded
// on first need (loadGrouping in aggregate.ts). Pure: no Cytoscape.

import {
  DRAW_LIMIT,
  SUMMARY_LINKS,
  frameId,
  groupId,
  groupLabel,
  linkId,
  restId,
  sunflower,
  type AggregateInput,
  type DrawnEdge,
  type DrawnNode,
  type DrawnView,
  type GroupSummary,
} from './aggregate';
import { flagsOf, indexGraph } from './graphIndex';
import type { GraphColumns } from '../model/columns';

function bump(counts: Int32Array, i: number): void {
  counts[i] = (counts[i] ?? 0) + 1;
}

/** Cells of a table of pairs at most: 4 MB of Int32. */
const DENSE_PAIRS = 1 << 20;

/**
 * The summary links by pair of drawn nodes (numbered 0..n-1), each with the first agreement
 * that made it. A table of n² cells when that is small (every group closed: about 120 nodes),
 * else a Map. At 300,000 institutions the Map's lookups and the count of agreements inside each
 * node, one per agreement, were half of the grouped view's time.
 */
class PairTable {
  private readonly list: DrawnEdge[] = [];
  private readonly first: number[] = [];
  private readonly dense: Int32Array | null;
  private readonly sparse = new Map<number, number>();

  constructor(private readonly n: number) {
    this.dense = n * n <= DENSE_PAIRS ? new Int32Array(n * n).fill(-1) : null;
  }

  private key(a: number, b: number): number {
    return a < b ? a * this.n + b : b * this.n + a;
  }

  get(a: number, b: number): DrawnEdge | undefined {
    const k = this.key(a, b);
    const at = this.dense ? (this.dense[k] ?? -1) : (this.sparse.get(k) ?? -1);
    return at < 0 ? undefined : this.list[at];
  }

  add(a: number, b: number, link: DrawnEdge, first: number): void {
    const k = this.key(a, b);
    if (this.dense) this.dense[k] = this.list.length;
    else this.sparse.set(k, this.list.length);
    this.list.push(link);
    this.first.push(first);
  }

  /** The links in the order of their first agreements. */
  values(): DrawnEdge[] {
    const order = this.list.map((_, k) => k);
    order.sort((x, y) => (this.first[x] ?? 0) - (this.first[y] ?? 0));
    return order.map((k) => this.list[k] as DrawnEdge);
  }
}

/**
 * What the grouped view counts of the visible graph whatever is open or selected: institutions
 * and agreements per group, and agreements per pair of groups (with the first of each). Kept
 * per filter state, as long as the filters' flags live: opening or closing a group, or picking
 * an institution, then goes over the agreements of the institutions drawn one by one (at most
 * the drawing limit's), not over every agreement (at 300,000 institutions, 900,000 of them).
 */
interface GroupCounts {
  columns: GraphColumns;
  nodeOn: Uint8Array;
  /** Number of groups: countries in the index's order, then "none". */
  G: number;
  /** Visible institutions per group. */
  count: Int32Array;
  /** Visible agreements with at least one party in each group. */
  touching: Int32Array;
  /** Pairs of different groups with an agreement between them. */
  linkedPairs: number;
  /** Visible agreements per pair of groups a <= b, at a * G + b (inside group a: a * G + a). */
  pairAgreements: Int32Array;
  /** The first such agreement's position, per pair. */
  pairFirst: Int32Array;
  /** Visible agreements per institution; counted when first needed (a group is opened). */
  degree: Int32Array | null;
}

const countsByFlags = new WeakMap<Uint8Array, GroupCounts>();

function groupCounts(c: GraphColumns, nodeOn: Uint8Array, edgeOn: Uint8Array): GroupCounts {
  const kept = countsByFlags.get(edgeOn);
  if (kept && kept.columns === c && kept.nodeOn === nodeOn) return kept;
  const N = c.nodeIds.length;
  const G = c.countryCodes.length + 1;
  const NONE = G - 1;
  const { nodeCountry, edgeSource, edgeTarget } = c;
  const count = new Int32Array(G);
  for (let i = 0; i < N; i++) {
    if (nodeOn[i] !== 1) continue;
    const k = nodeCountry[i] ?? -1;
    bump(count, k < 0 ? NONE : k);
  }
  const touching = new Int32Array(G);
  const pairAgreements = new Int32Array(G * G);
  const pairFirst = new Int32Array(G * G);
  let linkedPairs = 0;
  for (let j = 0; j < edgeOn.length; j++) {
    if (edgeOn[j] !== 1) continue;
    const ks = nodeCountry[edgeSource[j] ?? 0] ?? -1;
    const kt = nodeCountry[edgeTarget[j] ?? 0] ?? -1;
    const a = ks < 0 ? NONE : ks;
    const b = kt < 0 ? NONE : kt;
    bump(touching, a);
    if (a !== b) bump(touching, b);
    const pair = a < b ? a * G + b : b * G + a;
    const before = pairAgreements[pair] ?? 0;
    pairAgreements[pair] = before + 1;
    if (before === 0) {
      pairFirst[pair] = j;
      if (a !== b) linkedPairs++;
    }
  }
  const counts: GroupCounts = {
    columns: c,
    nodeOn,
    G,
    count,
    touching,
    linkedPairs,
    pairAgreements,
    pairFirst,
    degree: null,
  };
  countsByFlags.set(edgeOn, counts);
  return counts;
}

function degreeOf(counts: GroupCounts, edgeOn: Uint8Array): Int32Array {
  if (counts.degree) return counts.degree;
  const { edgeSource, edgeTarget } = counts.columns;
  const degree = new Int32Array(counts.columns.nodeIds.length);
  for (let j = 0; j < edgeOn.length; j++) {
    if (edgeOn[j] !== 1) continue;
    bump(degree, edgeSource[j] ?? 0);
    bump(degree, edgeTarget[j] ?? 0);
  }
  counts.degree = degree;
  return degree;
}

const NO_INCIDENCE = { incidenceStart: new Int32Array(1), incidence: new Int32Array(0) };

/**
 * Institutions by partners, most first, then by position: sorted as numbers (partners below
 * the most, times the count, plus the position), many times quicker than a compared sort of
 * a big country's tens of thousands.
 */
function byDegree(list: readonly number[], degree: Int32Array): number[] {
  const n = degree.length;
  let most = 0;
  for (const i of list) most = Math.max(most, degree[i] ?? 0);
  const keys = new Float64Array(list.length);
  list.forEach((i, k) => {
    keys[k] = (most - (degree[i] ?? 0)) * n + i;
  });
  keys.sort();
  return Array.from(keys, (key) => key % n);
}

/**
 * How far out an open group's drawn institutions reach, as a share of its radius, when a
 * "+N more" node sits below them; and where that node sits, in the band between them and the
 * ring: its line of text clears the group's name under the circle down to a circle about 80
 * pixels across.
 */
const FILL = 0.66;
const REST_AT = 0.82;
/**
 * Closest an open group's institutions come, as a share of the layout's spacing (the disc's
 * first two points are three quarters of its spacing apart). As FILL: a closed group's circle
 * holds a disc of all its institutions at the layout's spacing (packed view), so any part of
 * them fits within FILL of it at FILL of the spacing.
 */
const CROWDED = FILL;

/**
 * Where an open group's drawn institutions go: a sunflower disc over the group's circle (radius
 * `radius`), so that the few of a big group drawn one by one are spread where the group was,
 * not a knot at its centre too small to see at the zoom that shows the circle; the best
 * connected (first in `points`' order) in the middle. The "+N more"
 * node (`more`: whether there is one) gets the band below the disc, at `more` below the centre.
 * The circle keeps its size, and so stays within the room the layout gives the closed group,
 * unless the institutions cannot fit even packed closer than the layout's spacing.
 */
function openDisc(
  count: number,
  radius: number,
  spacing: number,
  more: boolean,
): { points: { x: number; y: number }[]; radius: number; more: number } {
  const reach = more ? FILL * radius : radius - 0.75 * spacing;
  // sunflower(): the last of `count` points lies 0.75 · spacing · √(count − 1) from the centre.
  const steps = 0.75 * Math.sqrt(Math.max(1, count - 1));
  const fits = count <= 1 || reach / steps >= CROWDED * spacing;
  if (fits) return { points: sunflower(count, reach / steps), radius, more: REST_AT * radius };
  // Too many for the circle (the map's groups are drawn smaller than their institutions'
  // disc): the layout's spacing, and the circle grows to hold them and a narrow band for the
  // "+N more" node, no wider, as the circle then reaches over its neighbours on the map.
  const outer = spacing * steps;
  return {
    points: sunflower(count, spacing),
    radius: outer + (more ? 1.5 : 0.75) * spacing,
    more: outer + 0.75 * spacing,
  };
}

/**
 * The grouped view: every visible institution and agreement counted in its country's group,
 * the open groups' institutions drawn one by one within the limit. Works on the index's number
 * columns, so a hundred thousand institutions take tens of milliseconds.
 */
export function groupedView(input: AggregateInput): DrawnView {
  const limit = input.limit ?? DRAW_LIMIT;
  const { graph, visible } = input;
  const geometry = input.geometry();

  const c = indexGraph(graph).columns;
  const N = c.nodeIds.length;
  const nodeOn = flagsOf(visible.nodes, N, c.nodePosition);
  const edgeOn = flagsOf(visible.edges, c.edgeIds.length, c.edgePosition);
  const counts = groupCounts(c, nodeOn, edgeOn);
  const { G, count, touching } = counts;
  const NONE = G - 1;
  const groupOf = (i: number) => {
    const k = c.nodeCountry[i] ?? -1;
    return k < 0 ? NONE : k;
  };
  const keyOfGroup = (g: number) => (g === NONE ? 'none' : (c.countryCodes[g] ?? 'none'));
  const groupByKey = new Map<string, number>();
  for (let g = 0; g < G; g++) groupByKey.set(keyOfGroup(g), g);

  // Open groups in the user's order; pinned institutions are drawn one by one wherever they
  // are, beside their group when it is closed.
  const order: number[] = [];
  for (const key of input.expanded) {
    const g = groupByKey.get(key);
    if (g !== undefined && (count[g] ?? 0) > 0 && !order.includes(g)) order.push(g);
  }
  const basePairs = counts.linkedPairs;
  let groupCount = 0;
  for (let g = 0; g < G; g++) if ((count[g] ?? 0) > 0) groupCount++;

  const open = new Uint8Array(G);
  for (const g of order) open[g] = 1;
  const individual = new Uint8Array(N);
  /** The institutions drawn one by one, as they are chosen. */
  const chosen: number[] = [];

  // Owners are numbered too: institution i is i, group g's "more" node N + g, closed group g
  // N + G + g.
  const ownerOf = (i: number) => {
    if (individual[i] === 1) return i;
    const g = groupOf(i);
    return open[g] === 1 ? N + g : N + G + g;
  };
  // Budget: the collapsed view costs one node per group and one link per pair of groups.
  // Each institution drawn costs one node and at most one edge per distinct owner of its
  // partners at the time it is added (an agreement is counted by the later of its two ends
  // to be drawn), an upper bound on what it adds.
  let budget = limit - groupCount - basePairs;
  // Distinct owners of an institution's partners, counted by stamping each owner with the
  // institution's turn (owners are numbered below N + 2G).
  const stamp = new Int32Array(N + 2 * G);
  let turn = 0;
  const costOf = (i: number) => {
    turn++;
    let distinct = 0;
    const { incidenceStart, incidence } = c;
    const end = incidenceStart[i + 1] ?? 0;
    for (let k = incidenceStart[i] ?? 0; k < end; k++) {
      const j = incidence[k] ?? 0;
      if (edgeOn[j] !== 1) continue;
      const s = c.edgeSource[j] ?? 0;
      const owner = ownerOf(s === i ? (c.edgeTarget[j] ?? 0) : s);
      if (stamp[owner] !== turn) {
        stamp[owner] = turn;
        distinct++;
      }
    }
    return 1 + distinct;
  };
  for (const id of input.pinned) {
    const i = c.nodePosition.get(id);
    if (i === undefined || nodeOn[i] !== 1) continue;
    budget -= costOf(i);
    individual[i] = 1;
    chosen.push(i);
  }
  // Each open group's visible institutions, best connected first (sparse: open groups only).
  const members: (number[] | undefined)[] = [];
  for (const g of order) members[g] = [];
  for (let i = 0; order.length > 0 && i < N; i++) {
    if (nodeOn[i] === 1) members[groupOf(i)]?.push(i);
  }
  // Partners per institution rank them: counted once per filter state, when a group opens.
  const degree = order.length > 0 ? degreeOf(counts, edgeOn) : null;
  for (const g of order) {
    const list = degree ? byDegree(members[g] ?? [], degree) : [];
    members[g] = list;
    budget -= 2; // the frame replaces the group node; one "more" node, one link to it
    for (const i of list) {
      if (individual[i] === 1) continue;
      const cost = costOf(i);
      if (cost > budget) break;
      individual[i] = 1;
      chosen.push(i);
      budget -= cost;
    }
  }

  const drawnIdOf = (owner: number) =>
    owner < N
      ? (c.nodeIds[owner] ?? '')
      : owner < N + G
        ? restId(keyOfGroup(owner - N))
        : groupId(keyOfGroup(owner - N - G));

  // Drawn nodes numbered compactly (0..C-1): drawn institutions first (at most the limit), then
  // the open groups' "more" nodes and the closed groups, so that pairs of them fit a small table.
  const rank = new Int32Array(N);
  let drawnCount = 0;
  for (let i = 0; i < N; i++) if (individual[i] === 1) rank[i] = drawnCount++;
  const C = drawnCount + 2 * G;
  const compact = (owner: number) => (owner < N ? (rank[owner] ?? 0) : drawnCount + owner - N);

  // Edges: agreements between two drawn institutions as they are; the rest summed per pair of
  // drawn nodes; those inside one node counted on it. An institution not drawn on its own is
  // drawn as its group (closed) or its group's "more" node (open): only the drawn
  // institutions' agreements are taken one by one, and the rest of each pair of groups' count
  // goes to the pair of nodes that stand for the two groups.
  const drawnEdges: DrawnEdge[] = [];
  const links = new PairTable(C);
  /** Agreements inside each drawn node, by its compact number. */
  const inside = new Int32Array(C);
  const remaining = counts.pairAgreements.slice();
  const own: number[] = [];
  const { edgeSource, edgeTarget } = c;
  // The agreements per institution are built on first read: not for a view with no one drawn.
  const { incidenceStart, incidence } = chosen.length > 0 ? c : NO_INCIDENCE;
  for (const i of chosen) {
    const end = incidenceStart[i + 1] ?? 0;
    for (let k = incidenceStart[i] ?? 0; k < end; k++) {
      const j = incidence[k] ?? 0;
      if (edgeOn[j] !== 1) continue;
      const s = edgeSource[j] ?? 0;
      const other = s === i ? (edgeTarget[j] ?? 0) : s;
      // An agreement between two drawn institutions is taken once, from the first of them.
      if (other > i || individual[other] !== 1) own.push(j);
    }
  }
  // In the agreements' order, as before; a typed sort is many times quicker than a compared one.
  for (const j of Int32Array.from(own).sort()) {
    const s = edgeSource[j] ?? 0;
    const t = edgeTarget[j] ?? 0;
    const gs = groupOf(s);
    const gt = groupOf(t);
    const pair = gs < gt ? gs * G + gt : gt * G + gs;
    remaining[pair] = (remaining[pair] ?? 0) - 1;
    if (individual[s] === 1 && individual[t] === 1) {
      drawnEdges.push({
        id: c.edgeIds[j] ?? '',
        kind: 'agreement',
        source: c.nodeIds[s] ?? '',
        target: c.nodeIds[t] ?? '',
        agreements: 1,
        cooperation: graph.elements.edges[j]?.data.cooperation,
      });
    } else addToLink(ownerOf(s), ownerOf(t), 1, j);
  }
  const groupNode = (g: number) => (open[g] === 1 ? N + g : N + G + g);
  for (let ga = 0; ga < G; ga++) {
    for (let gb = ga; gb < G; gb++) {
      const pair = ga * G + gb;
      const n = remaining[pair] ?? 0;
      if (n <= 0) continue;
      const a = groupNode(ga);
      if (ga === gb) inside[compact(a)] = (inside[compact(a)] ?? 0) + n;
      else addToLink(a, groupNode(gb), n, counts.pairFirst[pair] ?? 0);
    }
  }

  function addToLink(a: number, b: number, agreements: number, first: number): void {
    const ca = compact(a);
    const cb = compact(b);
    let link = links.get(ca, cb);
    if (!link) {
      const x = drawnIdOf(a);
      const y = drawnIdOf(b);
      link = {
        id: linkId(x, y),
        kind: 'link',
        source: x < y ? x : y,
        target: x < y ? y : x,
        agreements: 0,
      };
      links.add(ca, cb, link, first);
    }
    link.agreements += agreements;
  }

  const drawnNodes: DrawnNode[] = [];
  const groups: GroupSummary[] = [];
  const drawnIn = new Int32Array(G);
  for (let i = 0; i < N; i++) if (individual[i] === 1) bump(drawnIn, groupOf(i));
  for (let g = 0; g < G; g++) {
    const total = count[g] ?? 0;
    if (total === 0) continue;
    const key = keyOfGroup(g);
    const place = geometry.places.get(key) ?? { x: 0, y: 0 };
    const size = geometry.size(total);
    const isOpen = open[g] === 1;
    const drawn = drawnIn[g] ?? 0;
    groups.push({
      key,
      label: groupLabel(key),
      institutions: total,
      agreements: touching[g] ?? 0,
      expanded: isOpen,
      drawn,
    });
    const shown: number[] = [];
    if (drawn > 0) {
      const candidates = members[g];
      if (candidates) {
        for (const i of candidates) if (individual[i] === 1) shown.push(i);
      } else {
        for (let i = 0; i < N; i++) if (individual[i] === 1 && groupOf(i) === g) shown.push(i);
      }
    }
    const institution = (i: number, x: number, y: number): DrawnNode => ({
      id: c.nodeIds[i] ?? '',
      kind: 'institution',
      group: key,
      x,
      y,
      size: 0,
      institutions: 1,
      inside: 0,
    });
    if (!isOpen) {
      shown.forEach((i, k) => {
        const angle = -Math.PI / 4 + k * 0.5;
        const r = size / 2 + 40;
        drawnNodes.push(
          institution(i, place.x + r * Math.cos(angle), place.y + r * Math.sin(angle)),
        );
      });
      drawnNodes.push({
        id: groupId(key),
        kind: 'group',
        group: key,
        x: place.x,
        y: place.y,
        size,
        institutions: total - shown.length,
        inside: inside[compact(N + G + g)] ?? 0,
      });
      continue;
    }
    const rest = total - drawn;
    const spread = openDisc(shown.length, size / 2, geometry.memberSpacing, rest > 0);
    drawnNodes.push({
      id: frameId(key),
      kind: 'frame',
      group: key,
      x: place.x,
      y: place.y,
      size: 2 * spread.radius,
      institutions: total,
      inside: 0,
    });
    shown.forEach((i, k) => {
      const d = spread.points[k] ?? { x: 0, y: 0 };
      drawnNodes.push(institution(i, place.x + d.x, place.y + d.y));
    });
    if (rest > 0) {
      drawnNodes.push({
        id: restId(key),
        kind: 'rest',
        group: key,
        x: place.x,
        y: place.y + spread.more,
        size: 24,
        institutions: rest,
        inside: inside[compact(N + g)] ?? 0,
      });
    }
  }
  groups.sort(
    (a, b) => b.institutions - a.institutions || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );

  // Summary links: the strongest up to SUMMARY_LINKS (within the room left), then for each
  // drawn node that would be left without any, its strongest. The weakest go first: a few
  // hundred lines between sixty circles say more than two thousand, and draw far faster.
  const omitted = { links: 0, agreements: 0 };
  let linkList = links.values();
  const room = Math.max(0, limit - drawnNodes.length - drawnEdges.length);
  let dropped = new Set<string>();
  const linkBudget = Math.min(room, input.summaryLinks ?? SUMMARY_LINKS);
  if (linkList.length > linkBudget) {
    linkList.sort((a, b) => b.agreements - a.agreements || (a.id < b.id ? -1 : 1));
    const kept = linkList.slice(0, linkBudget);
    const linked = new Set<string>();
    for (const d of kept) {
      linked.add(d.source);
      linked.add(d.target);
    }
    const cut: DrawnEdge[] = [];
    for (const d of linkList.slice(linkBudget)) {
      if (kept.length < room && (!linked.has(d.source) || !linked.has(d.target))) {
        kept.push(d);
        linked.add(d.source);
        linked.add(d.target);
      } else cut.push(d);
    }
    linkList = kept;
    omitted.links = cut.length;
    for (const d of cut) omitted.agreements += d.agreements;
    dropped = new Set(cut.map((d) => d.id));
  }

  return {
    grouped: true,
    nodes: drawnNodes,
    edges: [...drawnEdges, ...linkList],
    groups,
    ownerOf: (id) => {
      const i = c.nodePosition.get(id);
      return i === undefined || nodeOn[i] !== 1 ? undefined : drawnIdOf(ownerOf(i));
    },
    edgeOf: (id) => {
      const j = c.edgePosition.get(id);
      if (j === undefined || edgeOn[j] !== 1) return undefined;
      const s = c.edgeSource[j] ?? 0;
      const t = c.edgeTarget[j] ?? 0;
      const a = ownerOf(s);
      const b = ownerOf(t);
      if (a === s && b === t) return id;
      if (a === b) return undefined;
      const link = linkId(drawnIdOf(a), drawnIdOf(b));
      return dropped.has(link) ? undefined : link;
    },
    omitted,
  };
}
