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

function bump(counts: Int32Array, i: number): void {
  counts[i] = (counts[i] ?? 0) + 1;
}

/** Cells of a table of pairs at most: 4 MB of Int32. */
const DENSE_PAIRS = 1 << 20;

/**
 * The summary links by pair of drawn nodes (numbered 0..n-1), in the order first seen. A
 * table of n² cells when that is small (every group closed: about 120 nodes), else a Map. At
 * 300,000 institutions the Map's lookups and the count of agreements inside each node, one per
 * agreement, were half of the grouped view's time.
 */
class PairTable {
  private readonly list: DrawnEdge[] = [];
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

  add(a: number, b: number, link: DrawnEdge): void {
    const k = this.key(a, b);
    if (this.dense) this.dense[k] = this.list.length;
    else this.sparse.set(k, this.list.length);
    this.list.push(link);
  }

  /** The links in the order they were added. */
  values(): DrawnEdge[] {
    return this.list;
  }
}

/** One byte per element, 1 when the element is in `ids`. */
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
  // Groups are numbered: countries in the index's order, then "none".
  const G = c.countryCodes.length + 1;
  const NONE = G - 1;
  const groupOf = (i: number) => {
    const k = c.nodeCountry[i] ?? -1;
    return k < 0 ? NONE : k;
  };
  const keyOfGroup = (g: number) => (g === NONE ? 'none' : (c.countryCodes[g] ?? 'none'));
  const groupByKey = new Map<string, number>();
  for (let g = 0; g < G; g++) groupByKey.set(keyOfGroup(g), g);

  const count = new Int32Array(G);
  for (let i = 0; i < N; i++) if (nodeOn[i] === 1) bump(count, groupOf(i));
  // Open groups in the user's order; pinned institutions are drawn one by one wherever they
  // are, beside their group when it is closed.
  const order: number[] = [];
  for (const key of input.expanded) {
    const g = groupByKey.get(key);
    if (g !== undefined && (count[g] ?? 0) > 0 && !order.includes(g)) order.push(g);
  }
  // Partners per institution, to draw an open group's best connected first: only then.
  const degree = order.length > 0 ? new Int32Array(N) : null;
  const touching = new Int32Array(G);
  // Pairs of groups with an agreement between them, one byte per pair.
  const pairSeen = new Uint8Array(G * G);
  let basePairs = 0;
  for (let j = 0; j < edgeOn.length; j++) {
    if (edgeOn[j] !== 1) continue;
    const s = c.edgeSource[j] ?? 0;
    const t = c.edgeTarget[j] ?? 0;
    if (degree) {
      bump(degree, s);
      bump(degree, t);
    }
    const a = groupOf(s);
    const b = groupOf(t);
    bump(touching, a);
    if (a !== b) {
      bump(touching, b);
      const pair = a < b ? a * G + b : b * G + a;
      if (pairSeen[pair] === 0) {
        pairSeen[pair] = 1;
        basePairs++;
      }
    }
  }
  let groupCount = 0;
  for (let g = 0; g < G; g++) if ((count[g] ?? 0) > 0) groupCount++;

  const open = new Uint8Array(G);
  for (const g of order) open[g] = 1;
  const individual = new Uint8Array(N);

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
  const owners = new Set<number>();
  const costOf = (i: number) => {
    owners.clear();
    const { incidenceStart, incidence } = c;
    const end = incidenceStart[i + 1] ?? 0;
    for (let k = incidenceStart[i] ?? 0; k < end; k++) {
      const j = incidence[k] ?? 0;
      if (edgeOn[j] !== 1) continue;
      const s = c.edgeSource[j] ?? 0;
      owners.add(ownerOf(s === i ? (c.edgeTarget[j] ?? 0) : s));
    }
    return 1 + owners.size;
  };
  for (const id of input.pinned) {
    const i = c.nodePosition.get(id);
    if (i === undefined || nodeOn[i] !== 1) continue;
    budget -= costOf(i);
    individual[i] = 1;
  }
  const lists = new Map<number, number[]>();
  for (const g of order) lists.set(g, []);
  if (order.length > 0) {
    for (let i = 0; i < N; i++) if (nodeOn[i] === 1) lists.get(groupOf(i))?.push(i);
  }
  for (const g of order) {
    const list = lists.get(g) ?? [];
    list.sort((a, b) => (degree?.[b] ?? 0) - (degree?.[a] ?? 0) || a - b);
    budget -= 2; // the frame replaces the group node; one "more" node, one link to it
    for (const i of list) {
      if (individual[i] === 1) continue;
      const cost = costOf(i);
      if (cost > budget) break;
      individual[i] = 1;
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
  // drawn nodes; those inside one node counted on it.
  const drawnEdges: DrawnEdge[] = [];
  const links = new PairTable(C);
  /** Agreements inside each drawn node, by its compact number. */
  const inside = new Int32Array(C);
  for (let j = 0; j < edgeOn.length; j++) {
    if (edgeOn[j] !== 1) continue;
    const s = c.edgeSource[j] ?? 0;
    const t = c.edgeTarget[j] ?? 0;
    const a = ownerOf(s);
    const b = ownerOf(t);
    if (a === s && b === t) {
      const source = c.nodeIds[s] ?? '';
      const target = c.nodeIds[t] ?? '';
      drawnEdges.push({
        id: c.edgeIds[j] ?? '',
        kind: 'agreement',
        source,
        target,
        agreements: 1,
        cooperation: graph.elements.edges[j]?.data.cooperation,
      });
    } else if (a === b) {
      bump(inside, compact(a));
    } else {
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
        links.add(ca, cb, link);
      }
      link.agreements++;
    }
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
      const candidates = lists.get(g);
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
    const frame: DrawnNode = {
      id: frameId(key),
      kind: 'frame',
      group: key,
      x: place.x,
      y: place.y,
      size,
      institutions: total,
      inside: 0,
    };
    drawnNodes.push(frame);
    // Drawn institutions fill a disc at the group's place, best connected in the middle.
    const disc = sunflower(shown.length, geometry.memberSpacing);
    shown.forEach((i, k) => {
      const d = disc[k] ?? { x: 0, y: 0 };
      frame.size = Math.max(frame.size, 2 * Math.hypot(d.x, d.y) + 2 * geometry.memberSpacing);
      drawnNodes.push(institution(i, place.x + d.x, place.y + d.y));
    });
    const rest = total - drawn;
    if (rest > 0) {
      drawnNodes.push({
        id: restId(key),
        kind: 'rest',
        group: key,
        x: place.x,
        y: place.y + frame.size / 2,
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
