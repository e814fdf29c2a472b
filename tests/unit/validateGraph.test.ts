// The one validator, on JSON input: fixtures under tests/fixtures/graphs and inline edits of them.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS, validateGraph, type LocatedProblem } from '../../src/data';
import { formatProblem } from '../../src/model';
import { defined, miniGraph, miniGraphInput, shippedGraph } from './helpers/miniGraph';
import { yearOfDate } from '../../src/data/validateGraph';

const DIR = 'tests/fixtures/graphs';
const fixtureNames = readdirSync(DIR).filter((f) => f.endsWith('.json'));

type Json = Record<string, unknown>;

function readFixture(name: string): Json {
  return JSON.parse(readFileSync(`${DIR}/${name}`, 'utf8')) as Json;
}

/** minimal.valid.json, parsed afresh, with typed access to the parts tests edit. */
function minimal() {
  const raw = readFixture('minimal.valid.json');
  const elements = raw.elements as {
    nodes: { data: Json; position?: unknown }[];
    edges: { data: Json }[];
  };
  const data = raw.data as { sources: Json[] };
  const node = (i: number) => defined(elements.nodes[i], `node ${i}`);
  const edge = (i: number) => defined(elements.edges[i], `edge ${i}`);
  const source = (i: number) => defined(data.sources[i], `source ${i}`);
  const evidence = () => defined((edge(0).data.evidence as Json[])[0], 'evidence');
  return { raw, elements, data, node, edge, source, evidence };
}

interface Expected {
  path: string;
  field?: string;
  message: string;
}

function expectProblems(problems: LocatedProblem[], expected: Expected[]): void {
  expect(problems.map((p) => ({ path: p.path, field: p.field, message: p.message }))).toEqual(
    expected.map((e) => ({
      path: e.path,
      field: e.field,
      message: expect.stringContaining(e.message),
    })),
  );
}

// ── Fixture files ──────────────────────────────────────────────────────────────────────────────

const INVALID: Record<string, Expected[]> = {
  'flat-elements.invalid.json': [
    {
      path: 'elements',
      field: 'elements',
      message: '"elements" must be an object with "nodes" and "edges" lists (Cytoscape JSON)',
    },
  ],
  'missing-label.invalid.json': [
    {
      path: 'elements.nodes[1].data.label',
      field: 'label',
      message: '"label" is missing or empty',
    },
  ],
  'duplicate-node-id.invalid.json': [
    { path: 'elements.nodes[2].data.id', field: 'id', message: 'Duplicate id "nbu"' },
  ],
  'edge-id-equals-node-id.invalid.json': [
    { path: 'elements.edges[0].data.id', field: 'id', message: 'Duplicate id "tus"' },
  ],
  'self-loop.invalid.json': [
    {
      path: 'elements.edges[0].data.target',
      field: 'target',
      message: 'An agreement links "nbu" to itself',
    },
  ],
  'missing-endpoint.invalid.json': [
    {
      path: 'elements.edges[0].data.target',
      field: 'target',
      message: 'The target "nowhere" is not an institution in this graph',
    },
  ],
  'unknown-vocabulary.invalid.json': [
    {
      path: 'elements.nodes[0].data.country',
      field: 'country',
      message: 'Unknown country code "XX"',
    },
    {
      path: 'elements.nodes[1].data.type',
      field: 'type',
      message: 'Unknown institution type "club"',
    },
    {
      path: 'elements.edges[0].data.cooperation',
      field: 'cooperation',
      message: 'Unknown cooperation type "handshake"',
    },
  ],
  'unknown-source.invalid.json': [
    {
      path: 'elements.edges[0].data.evidence[0].source',
      field: 'source',
      message: 'Evidence cites unknown source "memo"',
    },
  ],
  'quote-not-in-source.invalid.json': [
    {
      path: 'elements.edges[0].data.evidence[0].quote',
      field: 'quote',
      message: 'The quote does not occur verbatim in source "note"',
    },
  ],
  'date-after-source.invalid.json': [
    {
      path: 'elements.edges[0].data.date',
      field: 'date',
      message: 'Date 2020-04-01 is later than its source "note", dated 2020-03-05',
    },
  ],
  'year-date-mismatch.invalid.json': [
    {
      path: 'elements.edges[0].data.year',
      field: 'year',
      message: '"year" 2019 does not match "date" 2020-03-03',
    },
  ],
};

describe('fixture files', () => {
  it('every *.invalid.json fixture has its expected problems listed here', () => {
    expect(fixtureNames.filter((f) => f.endsWith('.invalid.json')).sort()).toEqual(
      Object.keys(INVALID).sort(),
    );
  });

  it.each(fixtureNames.filter((f) => f.endsWith('.valid.json')))(
    '%s passes and comes out exactly as it went in',
    (name) => {
      const raw = readFixture(name);
      const { graph, problems } = validateGraph(raw, { file: name });
      expect(problems).toEqual([]);
      expect(graph).toStrictEqual(raw);
    },
  );

  it.each(Object.entries(INVALID))('%s is refused with exactly its problems', (name, expected) => {
    const { graph, problems } = validateGraph(readFixture(name), { file: name });
    expect(graph).toBeNull();
    expectProblems(problems, expected);
    for (const p of problems) expect(p.file).toBe(name);
  });
});

// ── Inline inputs ──────────────────────────────────────────────────────────────────────────────

describe('not a graph object', () => {
  it.each([null, undefined, 42, 'graph', true, [], [{ data: {} }]])(
    '%j is refused at $',
    (input) => {
      const { graph, problems } = validateGraph(input);
      expect(graph).toBeNull();
      expectProblems(problems, [{ path: '$', message: 'A graph file must hold a JSON object' }]);
    },
  );

  it('an object without elements is refused', () => {
    const { graph, problems } = validateGraph({ data: { title: 'x' } });
    expect(graph).toBeNull();
    expectProblems(problems, [{ path: 'elements', field: 'elements', message: 'is missing' }]);
  });
});

type Edit = (m: ReturnType<typeof minimal>) => void;

const FIELD_CASES: { name: string; edit: Edit; expected: Expected[] }[] = [
  {
    name: 'a number as label',
    edit: (m) => (m.node(0).data.label = 5),
    expected: [
      {
        path: 'elements.nodes[0].data.label',
        field: 'label',
        message: '"label" must be text, not a number',
      },
    ],
  },
  {
    name: 'a string as year',
    edit: (m) => (m.edge(0).data.year = '2020'),
    expected: [
      {
        path: 'elements.edges[0].data.year',
        field: 'year',
        message: '"year" must be a number, not the text "2020"',
      },
    ],
  },
  {
    name: 'year 1.5',
    edit: (m) => {
      m.edge(0).data.year = 1.5;
      m.edge(0).data.date = null;
    },
    expected: [
      {
        path: 'elements.edges[0].data.year',
        field: 'year',
        message: '"year" is 1.5; it must lie between 1000 and 2100',
      },
    ],
  },
  {
    name: 'a fractional year in range',
    edit: (m) => {
      m.edge(0).data.year = 2020.5;
      m.edge(0).data.date = null;
    },
    expected: [
      {
        path: 'elements.edges[0].data.year',
        field: 'year',
        message: '"year" must be a whole number, not 2020.5',
      },
    ],
  },
  {
    name: 'lat 200',
    edit: (m) => (m.node(0).data.lat = 200),
    expected: [
      {
        path: 'elements.nodes[0].data.lat',
        field: 'lat',
        message: '"lat" is 200; it must lie between -90 and 90',
      },
    ],
  },
  {
    name: 'lon -181',
    edit: (m) => (m.node(0).data.lon = -181),
    expected: [
      {
        path: 'elements.nodes[0].data.lon',
        field: 'lon',
        message: 'between -180 and 180',
      },
    ],
  },
  {
    name: 'a string as lat',
    edit: (m) => (m.node(0).data.lat = '55.9'),
    expected: [{ path: 'elements.nodes[0].data.lat', field: 'lat', message: 'must be a number' }],
  },
  {
    name: 'an empty id',
    edit: (m) => (m.edge(0).data.id = ''),
    expected: [{ path: 'elements.edges[0].data.id', field: 'id', message: 'missing or empty' }],
  },
  {
    name: 'a lower-case country code',
    edit: (m) => (m.node(0).data.country = 'gb'),
    expected: [
      {
        path: 'elements.nodes[0].data.country',
        field: 'country',
        message: 'Unknown country code "gb"',
      },
    ],
  },
  {
    name: 'aliases as text',
    edit: (m) => (m.node(0).data.aliases = 'NBU'),
    expected: [
      { path: 'elements.nodes[0].data.aliases', field: 'aliases', message: 'must be a list' },
    ],
  },
  {
    name: 'a number among aliases',
    edit: (m) => (m.node(0).data.aliases = ['NBU', 7]),
    expected: [
      { path: 'elements.nodes[0].data.aliases[1]', field: 'aliases', message: 'must be text' },
    ],
  },
  {
    name: 'a position with a text coordinate',
    edit: (m) => (m.node(0).position = { x: '1', y: 2 }),
    expected: [
      {
        path: 'elements.nodes[0].position.x',
        field: 'position',
        message: '"position" needs numbers x and y; x is the text "1"',
      },
    ],
  },
  {
    name: 'a malformed date',
    edit: (m) => (m.edge(0).data.date = '03/03/2020'),
    expected: [
      {
        path: 'elements.edges[0].data.date',
        field: 'date',
        message: '"date" must be YYYY, YYYY-MM or YYYY-MM-DD, not "03/03/2020"',
      },
    ],
  },
  {
    name: 'a day that does not exist',
    edit: (m) => (m.edge(0).data.date = '2020-02-30'),
    expected: [{ path: 'elements.edges[0].data.date', field: 'date', message: '2020-02-30' }],
  },
  {
    name: 'a url that is not http(s)',
    edit: (m) => (m.source(0).url = 'ftp://example.org/note'),
    expected: [{ path: 'data.sources[0].url', field: 'url', message: 'http:// or https://' }],
  },
  {
    name: 'a source about an unknown institution',
    edit: (m) => (m.source(0).about = 'nobody'),
    expected: [
      {
        path: 'data.sources[0].about',
        field: 'about',
        message: 'Source "note" is about "nobody", which is not an institution in this graph',
      },
    ],
  },
  {
    name: 'a duplicate source id',
    edit: (m) => m.data.sources.push({ ...m.source(0) }),
    expected: [{ path: 'data.sources[1].id', field: 'id', message: 'Duplicate source id "note"' }],
  },
  {
    name: 'evidence without a quote',
    edit: (m) => (m.evidence().quote = ''),
    expected: [
      {
        path: 'elements.edges[0].data.evidence[0].quote',
        field: 'quote',
        message: '"quote" is missing or empty',
      },
    ],
  },
  {
    name: 'evidence that is not a list',
    edit: (m) => (m.edge(0).data.evidence = 'see note'),
    expected: [
      { path: 'elements.edges[0].data.evidence', field: 'evidence', message: 'must be a list' },
    ],
  },
  {
    name: 'a node without data',
    edit: (m) => m.elements.nodes.push({ data: 'nbu' as unknown as Json }),
    expected: [{ path: 'elements.nodes[2].data', field: 'data', message: 'needs a "data" object' }],
  },
  {
    name: 'a label longer than the limit',
    edit: (m) => (m.node(0).data.label = 'x'.repeat(LIMITS.maxFieldLength + 1)),
    expected: [
      { path: 'elements.nodes[0].data.label', field: 'label', message: 'the limit is 10,000' },
    ],
  },
];

describe('field problems carry the JSON path and field', () => {
  it.each(FIELD_CASES)('$name', ({ edit, expected }) => {
    const m = minimal();
    edit(m);
    const { graph, problems } = validateGraph(m.raw);
    expect(graph).toBeNull();
    expectProblems(problems, expected);
  });

  /** minimal.valid.json with three more agreements like its first (ids a, b and c). */
  function withFourEdges() {
    const m = minimal();
    const edge = m.edge(0);
    for (const id of ['a', 'b', 'c']) {
      m.elements.edges.push({ data: { ...edge.data, id, agreement: id } });
    }
    return m;
  }

  it('names the index of the edge: elements.edges[3].data.year', () => {
    const m = withFourEdges();
    defined(m.elements.edges[3], 'edge 3').data.year = '2020';
    const { problems } = validateGraph(m.raw, { file: 'graph.json' });
    expect(problems).toEqual([
      {
        message: '"year" must be a number, not the text "2020".',
        path: 'elements.edges[3].data.year',
        field: 'year',
        file: 'graph.json',
        element: { collection: 'edges', index: 3 },
      },
    ]);
    expect(formatProblem(defined(problems[0], 'problem'))).toBe(
      'graph.json, field "year", elements.edges[3].data.year: "year" must be a number, not the text "2020".',
    );
  });

  // The validator moves one path and one element object from element to element: each
  // problem still keeps its own.
  it('problems in several elements each name their own element and path', () => {
    const m = withFourEdges();
    defined(m.elements.edges[1], 'edge 1').data.year = '2020';
    defined(m.elements.edges[3], 'edge 3').data.evidence = [{ quote: 7 }];
    m.node(1).position = { x: 1, y: 'up' };
    const { problems } = validateGraph(m.raw);
    expect(problems.map((p) => [p.path, p.element])).toEqual([
      ['elements.nodes[1].position.y', { collection: 'nodes', index: 1 }],
      ['elements.edges[1].data.year', { collection: 'edges', index: 1 }],
      ['elements.edges[3].data.evidence[0].quote', { collection: 'edges', index: 3 }],
    ]);
  });

  // JSON may give a year without a date; it is checked against the source all the same.
  it('a year without a date, later than its source, is refused', () => {
    const m = minimal();
    m.edge(0).data.year = 2021;
    m.edge(0).data.date = null;
    const { graph, problems } = validateGraph(m.raw);
    expect(graph).toBeNull();
    expect(problems.map((p) => p.message).join('\n')).toContain('later than its source "note"');
  });

  it('a year given only through the date is taken from it', () => {
    const m = minimal();
    m.edge(0).data.year = null;
    const { graph } = validateGraph(m.raw);
    expect(graph?.elements.edges[0]?.data.year).toBe(2020);
  });
});

describe('problem list', () => {
  it(`lists ${LIMITS.maxProblemsListed} problems, then "…and N more problems"`, () => {
    const nodes = Array.from({ length: 250 }, (_, i) => ({ data: { id: `n${i}`, type: 'other' } }));
    const { graph, problems } = validateGraph({ elements: { nodes, edges: [] } });
    expect(graph).toBeNull();
    expect(problems).toHaveLength(LIMITS.maxProblemsListed + 1);
    expect(problems.slice(0, -1).every((p) => p.field === 'label')).toBe(true);
    expect(problems.at(-1)?.message).toBe('…and 50 more problems not listed.');
  });

  it('lists exactly the limit without a summary line', () => {
    const n = LIMITS.maxProblemsListed;
    const nodes = Array.from({ length: n }, (_, i) => ({ data: { id: `n${i}`, type: 'other' } }));
    const { problems } = validateGraph({ elements: { nodes, edges: [] } });
    expect(problems).toHaveLength(n);
    expect(problems.some((p) => p.message.includes('more problems'))).toBe(false);
  });
});

// ── Hostile and noisy input ────────────────────────────────────────────────────────────────────

const HOSTILE = `{
  "__proto__": { "polluted": "top", "elements": { "nodes": [], "edges": [] } },
  "constructor": { "prototype": { "polluted": "constructor" } },
  "prototype": { "polluted": "prototype" },
  "data": {
    "__proto__": { "polluted": "meta", "title": "inherited" },
    "title": "Hostile",
    "sources": [
      { "__proto__": { "polluted": "source" }, "id": "s", "about": "a", "text": "A and B agree." }
    ]
  },
  "elements": {
    "__proto__": { "polluted": "elements" },
    "constructor": { "prototype": { "polluted": "elements.constructor" } },
    "nodes": [
      {
        "__proto__": { "polluted": "node" },
        "data": {
          "__proto__": { "polluted": "node.data", "country": "GB", "note": "inherited" },
          "constructor": { "prototype": { "polluted": "node.data.constructor" } },
          "prototype": { "polluted": "node.data.prototype" },
          "id": "a", "label": "A", "type": "university"
        },
        "position": { "__proto__": { "polluted": "position" }, "x": 1, "y": 2 }
      },
      { "data": { "id": "b", "label": "B", "type": "company", "aliases": ["__proto__"] } }
    ],
    "edges": [
      {
        "data": {
          "__proto__": { "polluted": "edge.data", "year": 2020, "date": "2020" },
          "id": "ab", "source": "a", "target": "b", "cooperation": "mou",
          "evidence": [ { "__proto__": { "polluted": "evidence", "source": "s" }, "quote": "A and B agree." } ]
        }
      }
    ]
  }
}`;

const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype', 'polluted'];

/** Every own key of every object in the value, and a check that each has a plain prototype. */
function allKeys(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    expect(Object.getPrototypeOf(value)).toBe(Array.prototype);
    for (const v of value) allKeys(v, out);
  } else if (typeof value === 'object' && value !== null) {
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    for (const k of Reflect.ownKeys(value)) {
      out.push(String(k));
      allKeys((value as Json)[String(k)], out);
    }
  }
  return out;
}

describe('hostile keys', () => {
  it('the fixture string really holds own __proto__ keys', () => {
    const parsed = JSON.parse(HOSTILE) as Json;
    expect(Object.prototype.hasOwnProperty.call(parsed, '__proto__')).toBe(true);
  });

  it('__proto__, constructor and prototype keys neither pollute nor reach the output', () => {
    const { graph, problems } = validateGraph(JSON.parse(HOSTILE));
    expect(problems).toEqual([]);
    const g = defined(graph, 'graph');
    expect(({} as Json).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    const keys = allKeys(g);
    for (const k of FORBIDDEN_KEYS) expect(keys).not.toContain(k);
    // Nothing inherited from a __proto__ key was read as a value.
    expect(g.data.title).toBe('Hostile');
    const a = defined(g.elements.nodes[0], 'node a').data;
    expect(a.country).toBeNull();
    expect(a.note).toBeUndefined();
    const ab = defined(g.elements.edges[0], 'edge ab').data;
    expect(ab.year).toBeNull();
    expect(ab.date).toBeNull();
    expect(ab.evidence).toStrictEqual([{ quote: 'A and B agree.' }]);
    expect(defined(g.elements.nodes[1], 'node b').data.aliases).toEqual(['__proto__']);
  });
});

describe('inherited properties', () => {
  it('are never read: only own properties count', () => {
    const m = minimal();
    const inherited = Object.create({ label: 'Inherited', country: 'FR' }) as Json;
    Object.assign(inherited, { id: 'tus', type: 'university' });
    m.elements.nodes[1] = { data: inherited };
    const { graph, problems } = validateGraph(m.raw);
    expect(graph).toBeNull();
    expectProblems(problems, [
      { path: 'elements.nodes[1].data.label', field: 'label', message: 'missing or empty' },
    ]);
  });
});

const KNOWN_KEYS = {
  top: ['data', 'elements'],
  meta: ['title', 'description', 'sources'],
  source: ['id', 'file', 'title', 'publisher', 'date', 'about', 'note', 'text', 'url'],
  node: ['data', 'position'],
  nodeData: ['id', 'label', 'country', 'type', 'aliases', 'city', 'lat', 'lon', 'note'],
  position: ['x', 'y'],
  edge: ['data'],
  edgeData: [
    'id',
    'source',
    'target',
    'cooperation',
    'year',
    'date',
    'description',
    'agreement',
    'evidence',
  ],
  evidence: ['source', 'quote'],
};

describe('unknown keys', () => {
  it('are left out of the output at every level', () => {
    const m = minimal();
    const extra = { extra: 1, 'x-note': 'kept out' };
    Object.assign(m.raw, extra);
    Object.assign(m.raw.data as Json, extra);
    Object.assign(m.source(0), extra);
    Object.assign(m.node(0), extra, { classes: 'hub', selected: true });
    Object.assign(m.node(0).data, extra, { parent: 'p', weight: 3 });
    Object.assign(m.node(0).position as Json, extra);
    Object.assign(m.edge(0), extra, { group: 'edges' });
    Object.assign(m.edge(0).data, extra, { weight: 2 });
    Object.assign(m.evidence(), extra);
    const { graph, problems } = validateGraph(m.raw);
    expect(problems).toEqual([]);
    const g = defined(graph, 'graph');
    expect(g).toStrictEqual(readFixture('minimal.valid.json'));
  });

  it.each([
    ['the mini graph', miniGraph],
    ['data/graph.json', shippedGraph],
  ])('the output of %s holds only known keys', (_name, load) => {
    const g = load();
    const only = (obj: object, allowed: string[]) =>
      expect(Object.keys(obj).filter((k) => !allowed.includes(k))).toEqual([]);
    only(g, KNOWN_KEYS.top);
    only(g.data, KNOWN_KEYS.meta);
    for (const s of g.data.sources) only(s, KNOWN_KEYS.source);
    for (const n of g.elements.nodes) {
      only(n, KNOWN_KEYS.node);
      only(n.data, KNOWN_KEYS.nodeData);
      if (n.position) only(n.position, KNOWN_KEYS.position);
    }
    for (const e of g.elements.edges) {
      only(e, KNOWN_KEYS.edge);
      only(e.data, KNOWN_KEYS.edgeData);
      for (const ev of e.data.evidence) only(ev, KNOWN_KEYS.evidence);
    }
  });
});

describe('round trip', () => {
  it.each([
    ['the mini graph', miniGraph],
    ['data/graph.json', shippedGraph],
  ])('%s validates again to the same graph after JSON serialisation', (_name, load) => {
    const g = load();
    const { graph, problems } = validateGraph(JSON.parse(JSON.stringify(g)));
    expect(problems).toEqual([]);
    expect(graph).toStrictEqual(g);
  });
});

describe('never throws', () => {
  it.each<[string, unknown]>([
    ['nodes not a list', { elements: { nodes: {}, edges: [] } }],
    ['edges not a list', { elements: { nodes: [], edges: 'none' } }],
    ['junk nodes', { elements: { nodes: [null, 1, 'x', [], {}], edges: [] } }],
    ['junk edges', { elements: { nodes: [], edges: [null, 1, 'x', [], { data: [] }] } }],
    ['data a list', { data: [], elements: { nodes: [], edges: [] } }],
    ['sources not a list', { data: { sources: 'none' }, elements: { nodes: [], edges: [] } }],
    ['evidence junk', { elements: { nodes: [], edges: [{ data: { evidence: [null, 'q', 1] } }] } }],
    ['position junk', { elements: { nodes: [{ data: { id: 'a' }, position: 5 }], edges: [] } }],
  ])('%s: problems, no graph', (_name, input) => {
    let result: ReturnType<typeof validateGraph> | undefined;
    expect(() => (result = validateGraph(input))).not.toThrow();
    expect(result?.graph).toBeNull();
    expect(result?.problems.length).toBeGreaterThan(0);
  });

  it('an empty graph is valid', () => {
    const { graph, problems } = validateGraph({ elements: { nodes: [], edges: [] } });
    expect(problems).toEqual([]);
    expect(graph).toStrictEqual({
      data: { title: '', description: '', sources: [] },
      elements: { nodes: [], edges: [] },
    });
  });
});

describe('ids with control characters', () => {
  it('are refused, naming the character, for institutions and agreements', () => {
    const raw = miniGraphInput();
    const elements = raw.elements as Record<'nodes' | 'edges', { data: { id: string } }[]>;
    const node = defined(elements.nodes[0], 'a node');
    const edge = defined(elements.edges[0], 'an edge');
    node.data.id = '\u0000group:GB';
    edge.data.id = 'tab\there';
    const { graph, problems } = validateGraph(raw);
    expect(graph).toBeNull();
    const messages = problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toContain(
      'elements.nodes[0].data.id: The id "\u0000group:GB" holds the control character U+0000; ids must be visible text.',
    );
    expect(
      messages.some((m) => m.startsWith('elements.edges[0].data.id:') && m.includes('U+0009')),
    ).toBe(true);
  });
});

describe('yearOfDate', () => {
  /** The calendar's answer: the same date through Date, which knows month lengths. */
  function oracle(date: string): number | null {
    const m = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/.exec(date);
    if (!m) return null;
    if (m[3] !== undefined) {
      const d = new Date(`${date}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.getUTCDate() !== Number(m[3])) return null;
    }
    return Number(m[1]);
  }

  it('agrees with the calendar on every day of leap and common years, and on malformed dates', () => {
    const dates: string[] = [];
    for (const year of ['1900', '2000', '2023', '2024', '2100', '0000', '9999']) {
      dates.push(year);
      for (let month = 0; month <= 13; month++) {
        const mm = String(month).padStart(2, '0');
        dates.push(`${year}-${mm}`);
        for (let day = 0; day <= 32; day++)
          dates.push(`${year}-${mm}-${String(day).padStart(2, '0')}`);
      }
    }
    dates.push(
      '',
      '202',
      '20201',
      '2020-1',
      '2020-1-01',
      '2020/01/01',
      '2020-01-01 ',
      ' 2020',
      '2020-01-',
      '2020-01-1',
      '202a',
      '2020-0a',
      '2020-01-0a',
      '２０２０',
      '2020-01-01T00',
      '+2020',
      '-2020',
      '2020-01\n',
      '2020\u0000',
      '20.0',
      '1e03',
    );
    const disagree = dates.filter((d) => yearOfDate(d) !== oracle(d));
    expect(disagree).toEqual([]);
    expect(yearOfDate('2024-02-29')).toBe(2024);
    expect(yearOfDate('2023-02-29')).toBeNull();
    expect(yearOfDate('1900-02-29')).toBeNull();
    expect(yearOfDate('2000-02-29')).toBe(2000);
  });
});
