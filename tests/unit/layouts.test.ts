// Layout positions as plain data: force (stored), concentric, country clusters and the map.
import { describe, expect, it } from 'vitest';
import { forcePositions, layoutPositions, MAP_SCALE } from '../../src/cy/layouts';
import { concentricPositions, countryPositions, mapPositions } from '../../src/cy/moreLayouts';
import { LAYOUTS } from '../../src/filters';
import type { GraphData, Position } from '../../src/model';
import {
  defined,
  miniGraph,
  miniGraphInput,
  shippedGraph,
  validOrThrow,
} from './helpers/miniGraph';

const distance = (a: Position, b: Position) => Math.hypot(a.x - b.x, a.y - b.y);

function positionOf(positions: Map<string, Position>, id: string): Position {
  return defined(positions.get(id), `position of ${id}`);
}

function withoutNodes(ids: string[]): GraphData {
  const raw = miniGraphInput();
  const els = raw.elements as {
    nodes: { data: { id: string } }[];
    edges: { data: { source: string; target: string } }[];
  };
  els.nodes = els.nodes.filter((n) => !ids.includes(n.data.id));
  els.edges = els.edges.filter((e) => !ids.includes(e.data.source) && !ids.includes(e.data.target));
  return validOrThrow(raw);
}

describe('every layout places every institution at a finite position', () => {
  const graphs: [string, () => GraphData][] = [
    ['the mini graph', miniGraph],
    ['data/graph.json', shippedGraph],
  ];
  it.each(LAYOUTS.flatMap((layout) => graphs.map(([name, g]) => ({ layout, name, g }))))(
    '$layout on $name',
    ({ layout, g }) => {
      const graph = g();
      const { positions } = layoutPositions(graph, layout);
      expect(positions.size).toBe(graph.elements.nodes.length);
      for (const n of graph.elements.nodes) {
        const p = positionOf(positions, n.data.id);
        expect(Number.isFinite(p.x) && Number.isFinite(p.y), n.data.id).toBe(true);
      }
    },
  );

  it.each(LAYOUTS.filter((l) => l !== 'force'))(
    '%s gives no two institutions one spot',
    (layout) => {
      const { positions } = layoutPositions(shippedGraph(), layout);
      const spots = new Set(
        [...positions.values()].map((p) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`),
      );
      expect(spots.size).toBe(positions.size);
    },
  );
});

describe('forcePositions', () => {
  it('uses the stored positions', () => {
    const graph = miniGraph();
    const { positions, annotations } = forcePositions(graph);
    for (const n of graph.elements.nodes) {
      expect(positions.get(n.data.id)).toEqual(defined(n.position, n.data.id));
    }
    expect(annotations).toEqual([]);
  });

  it('gives institutions without a stored position a finite place, keeping the others', () => {
    const raw = miniGraphInput();
    const nodes = (raw.elements as { nodes: Record<string, unknown>[] }).nodes;
    for (const n of nodes.slice(0, 2)) delete n.position;
    const graph = validOrThrow(raw);
    const { positions } = forcePositions(graph);
    expect(positions.size).toBe(graph.elements.nodes.length);
    for (const n of graph.elements.nodes) {
      const p = positionOf(positions, n.data.id);
      if (n.position) expect(p).toEqual(n.position);
      else expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    }
    expect(positionOf(positions, 'gb-uni')).not.toEqual(positionOf(positions, 'gb-co'));
  });
});

describe('concentricPositions', () => {
  it('puts the institution with most partners at the centre', () => {
    // cn-uni has six partners; no one else has more than three.
    const { positions } = concentricPositions(miniGraph());
    const centre = positionOf(positions, 'cn-uni');
    expect(Math.hypot(centre.x, centre.y)).toBe(0);
    for (const [id, p] of positions) {
      if (id !== 'cn-uni') expect(Math.hypot(p.x, p.y), id).toBeGreaterThan(1);
    }
  });

  it('moves the centre when the hub changes', () => {
    const { positions } = concentricPositions(withoutNodes(['cn-uni']));
    // Without cn-uni, alliance, gb-uni and hk-uni have two partners each; the tie goes by id.
    const centre = positionOf(positions, 'alliance');
    expect(Math.hypot(centre.x, centre.y)).toBe(0);
  });

  it('puts better-connected institutions on inner rings', () => {
    const graph = shippedGraph();
    const { positions } = concentricPositions(graph);
    const partners = new Map<string, Set<string>>();
    for (const e of graph.elements.edges) {
      for (const [a, b] of [
        [e.data.source, e.data.target],
        [e.data.target, e.data.source],
      ] as const) {
        partners.set(a, (partners.get(a) ?? new Set()).add(b));
      }
    }
    const radius = (id: string) =>
      Math.hypot(positionOf(positions, id).x, positionOf(positions, id).y);
    const degree = (id: string) => partners.get(id)?.size ?? 0;
    for (const a of positions.keys()) {
      for (const b of positions.keys()) {
        if (degree(a) > degree(b))
          expect(radius(a), `${a} vs ${b}`).toBeLessThanOrEqual(radius(b) + 1e-6);
      }
    }
  });
});

describe('countryPositions', () => {
  function groupCentres(graph: GraphData, positions: Map<string, Position>) {
    const groups = new Map<string, Position[]>();
    for (const n of graph.elements.nodes) {
      const key = n.data.country ?? '';
      groups.set(key, [...(groups.get(key) ?? []), positionOf(positions, n.data.id)]);
    }
    return new Map(
      [...groups].map(([k, ps]) => [
        k,
        {
          x: ps.reduce((s, p) => s + p.x, 0) / ps.length,
          y: ps.reduce((s, p) => s + p.y, 0) / ps.length,
        },
      ]),
    );
  }

  it.each([
    ['the mini graph', miniGraph],
    ['data/graph.json', shippedGraph],
  ])('keeps each country together on %s', (_name, g) => {
    const graph = g();
    const { positions } = countryPositions(graph);
    const centres = groupCentres(graph, positions);
    for (const n of graph.elements.nodes) {
      const own = n.data.country ?? '';
      const p = positionOf(positions, n.data.id);
      const dOwn = distance(p, defined(centres.get(own), own));
      for (const [other, c] of centres) {
        if (other !== own)
          expect(dOwn, `${n.data.id} (${own}) vs ${other}`).toBeLessThan(distance(p, c));
      }
    }
  });

  it('writes one annotation per country, with its member count', () => {
    const { annotations } = countryPositions(miniGraph());
    expect(annotations.map((a) => a.id).sort()).toEqual([
      'country:',
      'country:CN',
      'country:DE',
      'country:GB',
      'country:HK',
    ]);
    const label = (id: string) =>
      defined(
        annotations.find((a) => a.id === id),
        id,
      ).label;
    expect(label('country:GB')).toMatch(/\(2\)$/);
    expect(label('country:HK')).toMatch(/\(1\)$/);
    expect(label('country:')).toBe('International (1)');
  });

  it('annotation count equals the number of distinct countries on data/graph.json', () => {
    const graph = shippedGraph();
    const keys = new Set(graph.elements.nodes.map((n) => n.data.country ?? ''));
    expect(countryPositions(graph).annotations).toHaveLength(keys.size);
  });
});

describe('mapPositions', () => {
  // Two in one city spread in a disc 26 units apart; none lies further than that from the spot.
  const SPREAD = 26;

  it.each(['gb-uni', 'gb-co', 'cn-uni', 'cn-co', 'hk-uni', 'de-uni', 'de-co'])(
    'places %s at lon×MAP_SCALE, −lat×MAP_SCALE',
    (id) => {
      const graph = miniGraph();
      const n = defined(
        graph.elements.nodes.find((x) => x.data.id === id),
        id,
      ).data;
      const spot = { x: defined(n.lon, 'lon') * MAP_SCALE, y: -defined(n.lat, 'lat') * MAP_SCALE };
      const p = positionOf(mapPositions(graph).positions, id);
      expect(distance(p, spot)).toBeLessThanOrEqual(SPREAD);
    },
  );

  it('spreads institutions of one city apart (de-uni and de-co share Munich)', () => {
    const { positions } = mapPositions(miniGraph());
    expect(
      distance(positionOf(positions, 'de-uni'), positionOf(positions, 'de-co')),
    ).toBeGreaterThan(10);
  });

  it('lines up institutions without coordinates below the map, under an annotation', () => {
    const { positions, annotations } = mapPositions(miniGraph());
    const alliance = positionOf(positions, 'alliance');
    const placed = [...positions].filter(([id]) => id !== 'alliance').map(([, p]) => p.y);
    expect(alliance.y).toBeGreaterThan(Math.max(...placed));
    // Below the southernmost latitude institutions are likely to have (60° S).
    expect(alliance.y).toBeGreaterThan(60 * MAP_SCALE);
    expect(annotations).toHaveLength(1);
    const note = defined(annotations[0], 'annotation');
    expect(note.id).toBe('map:unplaced');
    expect(note.y).toBeLessThan(alliance.y);
  });

  it('writes no annotation when every institution has coordinates', () => {
    const graph = withoutNodes(['alliance']);
    expect(mapPositions(graph).annotations).toEqual([]);
  });
});
