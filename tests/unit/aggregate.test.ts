// The grouped view of big graphs: what it draws must add up to what the filters show, never
// exceed the drawing limit, and keep filters and selection through expand and collapse.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateGraph } from '../../scripts/bench/generate';
import { groupGeometry, cachedLayout } from '../../src/cy/layouts';
import {
  DEFAULT_FILTERS,
  aggregate,
  applyFilters,
  decodeView,
  encodeView,
  groupId,
  groupKeyOf,
  isSynthetic,
  DEFAULT_VIEW,
  type DrawnView,
  type Filters,
  type Visible,
} from '../../src/filters';
import type { GraphData } from '../../src/model';
import { columnsOf, hasIncidence, keepColumns } from '../../src/model/columns';
import { indexGraph } from '../../src/filters/graphIndex';
import { drawnElement, encodingsFor } from '../../src/cy/toElements';
import { COOPERATION_STYLE } from '../../src/cy/encoding';
import { miniGraph } from './helpers/miniGraph';

const graph = generateGraph(3000, 7);

function view(
  g: GraphData,
  visible: Visible,
  opts: { expanded?: string[]; pinned?: string[]; limit?: number; summaryLinks?: number } = {},
): DrawnView {
  return aggregate({
    graph: g,
    visible,
    positions: cachedLayout(g, 'force').positions,
    geometry: () => groupGeometry(g, 'force'),
    expanded: opts.expanded ?? [],
    pinned: opts.pinned ?? [],
    limit: opts.limit,
    summaryLinks: opts.summaryLinks,
  });
}

const all = (g: GraphData, filters: Partial<Filters> = {}) =>
  applyFilters(g, { ...DEFAULT_FILTERS, ...filters });

/** Institutions and agreements the drawn view stands for, summed over its parts. */
function sums(v: DrawnView) {
  let institutions = 0;
  let agreements = 0;
  for (const n of v.nodes) {
    if (n.kind === 'frame') continue;
    institutions += n.institutions;
    agreements += n.inside;
  }
  for (const e of v.edges) agreements += e.agreements;
  return { institutions, agreements: agreements + v.omitted.agreements };
}

describe('aggregate', () => {
  it('draws every visible element as it is while they fit within the limit', () => {
    const g = miniGraph();
    const visible = all(g);
    const v = view(g, visible);
    expect(v.grouped).toBe(false);
    expect(new Set(v.nodes.map((n) => n.id))).toEqual(new Set(visible.nodes));
    expect(new Set(v.edges.map((e) => e.id))).toEqual(new Set(visible.edges));
    expect(v.nodes.every((n) => n.kind === 'institution')).toBe(true);
  });

  it('groups by country past the limit; counts equal the sum of their parts', () => {
    const visible = all(graph);
    const v = view(graph, visible, { limit: 2000 });
    expect(v.grouped).toBe(true);
    expect(v.nodes.every((n) => n.kind === 'group')).toBe(true);
    const s = sums(v);
    expect(s.institutions).toBe(visible.nodes.size);
    expect(s.agreements).toBe(visible.edges.size);
    // One group per country present, each counting exactly its visible institutions.
    const perCountry = new Map<string, number>();
    for (const n of graph.elements.nodes) {
      const key = groupKeyOf(n.data.country);
      perCountry.set(key, (perCountry.get(key) ?? 0) + 1);
    }
    for (const n of v.nodes) expect(n.institutions).toBe(perCountry.get(n.group));
    expect(v.groups.reduce((k, g) => k + g.institutions, 0)).toBe(visible.nodes.size);
  });

  it('links two groups with the number of agreements between their institutions', () => {
    const visible = all(graph);
    const v = view(graph, visible, { limit: 2000 });
    const country = new Map(
      graph.elements.nodes.map((n) => [n.data.id, groupKeyOf(n.data.country)]),
    );
    const [a, b] = [...v.groups].sort((x, y) => y.institutions - x.institutions);
    if (!a || !b) throw new Error('expected two groups');
    const expected = graph.elements.edges.filter((e) => {
      const ends = [country.get(e.data.source), country.get(e.data.target)];
      return ends.includes(a.key) && ends.includes(b.key) && a.key !== b.key;
    }).length;
    const link = v.edges.find(
      (e) =>
        [e.source, e.target].includes(groupId(a.key)) &&
        [e.source, e.target].includes(groupId(b.key)),
    );
    expect(link?.agreements).toBe(expected);
  });

  it('follows the filters: groups count only what the filters leave', () => {
    const filters: Partial<Filters> = { years: [2010, 2018], undated: false };
    const visible = all(graph, filters);
    const v = view(graph, visible, { limit: 800 });
    expect(v.grouped).toBe(true);
    const s = sums(v);
    expect(s.institutions).toBe(visible.nodes.size);
    expect(s.agreements).toBe(visible.edges.size);
  });

  it('expands a group into its institutions and a "more" node, within the limit', () => {
    const visible = all(graph);
    const limit = 2500;
    const collapsed = view(graph, visible, { limit });
    const biggest = collapsed.groups[0];
    if (!biggest) throw new Error('no groups');
    const open = view(graph, visible, { limit, expanded: [biggest.key] });
    const summary = open.groups.find((g) => g.key === biggest.key);
    expect(summary?.expanded).toBe(true);
    expect(summary?.drawn).toBeGreaterThan(0);
    const members = open.nodes.filter((n) => n.kind === 'institution' && n.group === biggest.key);
    expect(members.length).toBe(summary?.drawn);
    const rest = open.nodes.find((n) => n.kind === 'rest' && n.group === biggest.key);
    expect((rest?.institutions ?? 0) + members.length).toBe(biggest.institutions);
    expect(open.nodes.length + open.edges.length).toBeLessThanOrEqual(limit);
    expect(sums(open)).toEqual(sums(collapsed));
    // Agreements between two drawn institutions are drawn as themselves, with their ids.
    const direct = open.edges.filter((e) => e.kind === 'agreement');
    expect(direct.length).toBeGreaterThan(0);
    for (const e of direct) expect(visible.edges.has(e.id)).toBe(true);
    // The best-connected institutions are the ones drawn.
    const degree = new Map<string, number>();
    for (const id of visible.edges) {
      const e = graph.elements.edges.find((x) => x.data.id === id)?.data;
      if (!e) continue;
      degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
      degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
    }
    const drawnDegrees = members.map((m) => degree.get(m.id) ?? 0);
    const hidden = graph.elements.nodes
      .filter((n) => groupKeyOf(n.data.country) === biggest.key)
      .map((n) => n.data.id)
      .filter((id) => !members.some((m) => m.id === id));
    const maxHidden = Math.max(0, ...hidden.map((id) => degree.get(id) ?? 0));
    expect(Math.min(...drawnDegrees)).toBeGreaterThanOrEqual(maxHidden);
  });

  it('spreads an open group’s drawn institutions over its circle, its "more" node inside it', () => {
    const visible = all(graph);
    const limit = 1200;
    const collapsed = view(graph, visible, { limit });
    const geometry = groupGeometry(graph, 'force');
    // Each group opened alone: few of the biggest's institutions fit, most of a small one's.
    for (const g of [collapsed.groups[0], collapsed.groups[6], collapsed.groups[20]]) {
      if (!g) throw new Error('too few groups');
      const open = view(graph, visible, { limit, expanded: [g.key] });
      const frame = open.nodes.find((n) => n.kind === 'frame');
      const closed = collapsed.nodes.find((n) => n.kind === 'group' && n.group === g.key);
      if (!frame || !closed) throw new Error(`${g.key} not drawn`);
      // The open group keeps its closed circle's place and size: its neighbours stay clear.
      expect([frame.x, frame.y, frame.size]).toEqual([closed.x, closed.y, closed.size]);
      const r = frame.size / 2;
      const members = open.nodes.filter((n) => n.kind === 'institution' && n.group === g.key);
      expect(members.length).toBeGreaterThan(1);
      const rest = open.nodes.find((n) => n.kind === 'rest');
      // The biggest group cannot be drawn whole within this limit; the smallest here can.
      if (g === collapsed.groups[0]) expect(rest).toBeDefined();
      if (g === collapsed.groups[20]) expect(rest).toBeUndefined();
      const dist = members.map((n) => Math.hypot(n.x - frame.x, n.y - frame.y));
      // Over most of the circle, not a knot at its centre; clear of its ring.
      expect(Math.max(...dist)).toBeGreaterThan(0.55 * r);
      expect(Math.max(...dist)).toBeLessThanOrEqual((rest ? 0.7 : 1) * r);
      // Never closer together than most of the layout's spacing.
      let nearest = Infinity;
      members.forEach((a, i) => {
        for (const b of members.slice(i + 1))
          nearest = Math.min(nearest, Math.hypot(a.x - b.x, a.y - b.y));
      });
      expect(nearest).toBeGreaterThanOrEqual(0.45 * geometry.memberSpacing);
      if (rest) {
        // Inside the circle, below the institutions: the group's name goes under the circle.
        const d = rest.y - frame.y;
        expect(rest.x).toBeCloseTo(frame.x, 6);
        expect(d).toBeGreaterThan(Math.max(...dist));
        expect(d).toBeLessThan(r);
      }
    }
  });

  it('on the map, grows an open group too small for its drawn institutions to hold them', () => {
    const visible = all(graph);
    const limit = 4000;
    const onMap = (expanded: string[]) =>
      aggregate({
        graph,
        visible,
        positions: cachedLayout(graph, 'map').positions,
        geometry: () => groupGeometry(graph, 'map'),
        expanded,
        pinned: [],
        limit,
      });
    const biggest = onMap([]).groups[0];
    if (!biggest) throw new Error('no groups');
    const closed = onMap([]).nodes.find((n) => n.kind === 'group' && n.group === biggest.key);
    const open = onMap([biggest.key]);
    const frame = open.nodes.find((n) => n.kind === 'frame');
    const rest = open.nodes.find((n) => n.kind === 'rest');
    if (!closed || !frame || !rest) throw new Error('not drawn');
    expect([frame.x, frame.y]).toEqual([closed.x, closed.y]);
    expect(frame.size).toBeGreaterThan(closed.size);
    const spacing = groupGeometry(graph, 'map').memberSpacing;
    const members = open.nodes.filter((n) => n.kind === 'institution');
    const reach = Math.max(...members.map((n) => Math.hypot(n.x - frame.x, n.y - frame.y)));
    // At the layout's spacing (not packed closer), within the circle, the chip between them
    // and the ring, and the circle no wider than that needs.
    const [first, second] = members;
    if (!first || !second) throw new Error('fewer than two institutions drawn');
    expect(Math.hypot(first.x - second.x, first.y - second.y)).toBeCloseTo(0.75 * spacing, 6);
    expect(rest.y - frame.y).toBeGreaterThan(reach);
    expect(rest.y - frame.y).toBeLessThan(frame.size / 2);
    expect(frame.size / 2).toBeLessThanOrEqual(reach + 1.5 * spacing + 1e-6);
  });

  it('maps every visible institution and agreement to what stands for it', () => {
    const visible = all(graph);
    const v = view(graph, visible, { limit: 2500, expanded: ['CN', 'US'] });
    const drawnIds = new Set([...v.nodes.map((n) => n.id), ...v.edges.map((e) => e.id)]);
    for (const id of visible.nodes) expect(drawnIds.has(v.ownerOf(id) ?? '')).toBe(true);
    let inside = 0;
    for (const id of visible.edges) {
      const d = v.edgeOf(id);
      if (d === undefined) inside++;
      else expect(drawnIds.has(d)).toBe(true);
    }
    // Not drawn as an edge: inside one node, or in a link left out of the drawing.
    expect(inside).toBe(v.nodes.reduce((k, n) => k + n.inside, 0) + v.omitted.agreements);
  });

  it('counts on each summary link exactly the agreements mapped to it, few or many groups open', () => {
    const visible = all(graph);
    // Nothing open: about sixty drawn nodes (a table of pairs); every group open under a high
    // limit: over a thousand drawn institutions (a map of pairs).
    const every = view(graph, visible, { limit: 11_000 }).groups.map((g) => g.key);
    for (const expanded of [[], every]) {
      const v = view(graph, visible, { limit: 11_000, summaryLinks: 100_000, expanded });
      const counted = new Map<string, number>();
      for (const id of visible.edges) {
        const d = v.edgeOf(id);
        if (d !== undefined && d !== id) counted.set(d, (counted.get(d) ?? 0) + 1);
      }
      const links = v.edges.filter((e) => e.kind === 'link');
      expect(links.length).toBeGreaterThan(50);
      expect(new Map(links.map((l) => [l.id, l.agreements]))).toEqual(counted);
      if (expanded.length > 0)
        expect(v.nodes.filter((n) => n.kind === 'institution').length).toBeGreaterThan(1100);
    }
  });

  it('draws the strongest summary links up to the cap, and at least one for each linked group', () => {
    const visible = all(graph);
    const full = view(graph, visible, { limit: 2500, summaryLinks: 100_000 });
    const capped = view(graph, visible, { limit: 2500, summaryLinks: 40 });
    const linksOf = (v: DrawnView) => v.edges.filter((e) => e.kind === 'link');
    const everyLink = linksOf(full);
    expect(full.omitted.links).toBe(0);
    expect(everyLink.length).toBeGreaterThan(100);
    const kept = linksOf(capped);
    expect(kept.length).toBeGreaterThanOrEqual(40);
    expect(kept.length + capped.omitted.links).toBe(everyLink.length);
    const total = (ls: { agreements: number }[]) => ls.reduce((k, l) => k + l.agreements, 0);
    expect(total(kept) + capped.omitted.agreements).toBe(total(everyLink));
    // The 40 strongest are among those kept.
    const strongest = [...everyLink].sort((a, b) => b.agreements - a.agreements).slice(0, 40);
    const keptIds = new Set(kept.map((l) => l.id));
    const weakestKept = Math.min(...strongest.map((l) => l.agreements));
    for (const l of everyLink) if (l.agreements > weakestKept) expect(keptIds.has(l.id)).toBe(true);
    // No group that has links in full is left without one.
    const ends = (ls: { source: string; target: string }[]) =>
      new Set(ls.flatMap((l) => [l.source, l.target]));
    expect(ends(kept)).toEqual(ends(everyLink));
    // Beyond the 40, only links that give a node its first: at most one per node.
    expect(capped.omitted.links).toBeGreaterThan(0);
    expect(kept.length).toBeLessThanOrEqual(40 + ends(everyLink).size);
  });

  it('always draws the selection one by one, beside its closed group', () => {
    const visible = all(graph);
    const someone = graph.elements.nodes[123]?.data;
    if (!someone) throw new Error('no node');
    const v = view(graph, visible, { limit: 2000, pinned: [someone.id] });
    const drawn = v.nodes.find((n) => n.id === someone.id);
    expect(drawn?.kind).toBe('institution');
    expect(v.ownerOf(someone.id)).toBe(someone.id);
    const group = v.nodes.find((n) => n.id === groupId(groupKeyOf(someone.country)));
    expect(group?.kind).toBe('group');
    expect(sums(v).institutions).toBe(visible.nodes.size);
  });

  it('counts every link and node from the agreements mapped to it, with groups open and institutions picked', () => {
    // Opening a group or picking an institution reuses the filter state's counts per pair of
    // groups and takes only the open groups' and picked institutions' agreements one by one.
    const keys = [...new Set(graph.elements.nodes.map((n) => groupKeyOf(n.data.country)))];
    const ids = graph.elements.nodes.map((n) => n.data.id);
    const filterStates = [
      all(graph),
      all(graph, { years: [2008, 2016] }),
      all(graph, { countries: ['CN', 'US', 'DE', 'FR'] }),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1, 2),
        fc.subarray(keys, { maxLength: 4 }),
        fc.subarray(ids, { maxLength: 3 }),
        fc.integer({ min: 400, max: 8000 }),
        (state, expanded, pinned, limit) => {
          const visible = filterStates[state] as Visible;
          const v = view(graph, visible, { limit, expanded, pinned, summaryLinks: 100_000 });
          // Each visible agreement belongs to the pair of what its parties are drawn as.
          const expectedLinks = new Map<string, number>();
          const expectedInside = new Map<string, number>();
          const ends = new Map(graph.elements.edges.map((e) => [e.data.id, e.data]));
          for (const id of visible.edges) {
            const e = ends.get(id);
            if (!e) throw new Error(`no edge ${id}`);
            const a = v.ownerOf(e.source) ?? '';
            const b = v.ownerOf(e.target) ?? '';
            if (a === b) expectedInside.set(a, (expectedInside.get(a) ?? 0) + 1);
            else if (a !== e.source || b !== e.target) {
              // Undefined: on a link left out of the drawing (the weakest past the limit).
              const link = v.edgeOf(id) ?? 'omitted';
              expectedLinks.set(link, (expectedLinks.get(link) ?? 0) + 1);
            }
          }
          const links = v.edges.filter((e) => e.kind === 'link');
          const drawn = new Map(links.map((l) => [l.id, l.agreements]));
          if (v.omitted.agreements > 0) drawn.set('omitted', v.omitted.agreements);
          expect(drawn).toEqual(expectedLinks);
          for (const n of v.nodes) expect(n.inside).toBe(expectedInside.get(n.id) ?? 0);
          // The same again, from the kept counts, and from a copy of the filter state's sets.
          const data = (d: DrawnView) => ({ ...d, ownerOf: null, edgeOf: null });
          const again = view(graph, visible, { limit, expanded, pinned, summaryLinks: 100_000 });
          expect(data(again)).toEqual(data(v));
          const copy = { nodes: new Set(visible.nodes), edges: new Set(visible.edges) };
          const fresh = view(graph, copy, { limit, expanded, pinned, summaryLinks: 100_000 });
          expect(data(fresh)).toEqual(data(v));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('builds no agreements per institution for a view with every group closed', () => {
    // They are built in idle time after a load; the first view must not wait for them.
    const g = generateGraph(2000, 3);
    const visible = all(g);
    view(g, visible, { limit: 500 });
    const { columns } = indexGraph(g);
    expect(hasIncidence(columns)).toBe(false);
    view(g, visible, { limit: 500, expanded: ['CN'] });
    expect(hasIncidence(columns)).toBe(true);
  });

  it('never draws more than the limit, whatever is open, filtered or selected', () => {
    const keys = [...new Set(graph.elements.nodes.map((n) => groupKeyOf(n.data.country)))];
    const ids = graph.elements.nodes.map((n) => n.data.id);
    fc.assert(
      fc.property(
        fc.integer({ min: 300, max: 6000 }),
        fc.subarray(keys, { maxLength: 6 }),
        fc.subarray(ids.slice(0, 50), { maxLength: 2 }),
        fc.option(fc.tuple(fc.integer({ min: 1995, max: 2025 }), fc.integer({ min: 0, max: 10 }))),
        (limit, expanded, pinned, years) => {
          const visible = all(graph, years ? { years: [years[0], years[0] + years[1]] } : {});
          const v = view(graph, visible, { limit, expanded, pinned });
          const pinnedVisible = pinned.filter((id) => visible.nodes.has(id)).length;
          expect(v.nodes.length + v.edges.length).toBeLessThanOrEqual(
            v.grouped ? Math.max(limit, v.groups.length + 2 * pinnedVisible) : limit,
          );
          const s = sums(v);
          expect(s.institutions).toBe(visible.nodes.size);
          expect(s.agreements).toBe(visible.edges.size);
          for (const n of v.nodes)
            if (n.kind !== 'institution') expect(isSynthetic(n.id)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('expanded groups in the URL', () => {
  it('round-trips and drops what is not a country code', () => {
    const state = { ...DEFAULT_VIEW, expanded: ['CN', 'none', 'DE'] };
    const query = encodeView(state);
    expect(query).toContain('expand=CN,none,DE');
    expect(decodeView(query).state.expanded).toEqual(['CN', 'none', 'DE']);
    const bad = decodeView('expand=CN,XX,<b>');
    expect(bad.state.expanded).toEqual(['CN']);
    expect(bad.notices.join(' ')).toMatch(/expand=XX,<b>/i);
  });
});

describe('drawing by position', () => {
  it('looks up no agreement by id, grouped or not, and draws each agreement in its type', () => {
    // A fresh graph whose index gets columns with an agreement id lookup that counts its uses:
    // on a big graph that lookup is a map of every agreement, built on first use.
    const g = generateGraph(3000, 9);
    const built = columnsOf(g);
    let lookups = 0;
    const real = built.columns.edgePosition;
    const counting = {
      get: (id: string) => (lookups++, real.get(id)),
      has: (id: string) => (lookups++, real.has(id)),
    };
    keepColumns(g, { ...built, columns: { ...built.columns, edgePosition: counting } });
    const country = g.elements.nodes.find((n) => n.data.country === 'CL')?.data.country;
    if (!country) throw new Error('no Chilean institution in the generated graph');
    const whole = view(g, all(g));
    const one = view(g, all(g, { countries: [country] }));
    const open = view(g, all(g), { expanded: [whole.groups[0]?.key ?? ''] });
    expect(whole.grouped).toBe(true);
    expect(one.grouped).toBe(false);
    expect(open.edges.some((e) => e.kind === 'agreement')).toBe(true);
    expect(lookups).toBe(0);
    // Every drawn agreement carries its type, and is coloured by it.
    const types = new Map(g.elements.edges.map((e) => [e.data.id, e.data.cooperation]));
    const enc = encodingsFor(g, 'region');
    for (const e of [...one.edges, ...open.edges].filter((d) => d.kind === 'agreement')) {
      expect(e.cooperation).toBe(types.get(e.id));
    }
    const first = one.edges[0];
    if (!first) throw new Error('nothing drawn');
    const def = drawnElement(first, enc, 1);
    expect(lookups).toBe(0);
    const type = types.get(first.id);
    expect(type && def.data.color).toBe(type && COOPERATION_STYLE[type].color);
  });
});
