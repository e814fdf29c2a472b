// Data exports: each format read back by the library other tools use to read it, for the shipped
// graph (whole and filtered) and for a graph made of hostile text.
import { readFileSync } from 'node:fs';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphML } from 'graphology-graphml';
import Papa from 'papaparse';
import fc from 'fast-check';
import { fragment } from 'xmlbuilder2';
import { describe, expect, it } from 'vitest';
import { validateGraph } from '../../src/data';
import { LIMITS } from '../../src/data/limits';
import {
  EDGE_COLUMNS,
  filteredSubgraph,
  GEXF_NS,
  GEXF_VIZ_NS,
  GRAPHML_NS,
  NODE_COLUMNS,
  toCsvTables,
  toGexf,
  toGraphML,
  toJson,
} from '../../src/export';
import { writeElement, xmlText, type XmlNode } from '../../src/export/xml';
import { applyFilters, DEFAULT_FILTERS, type Visible } from '../../src/filters';
import { generateGraph } from '../../scripts/bench/generate';
import { COOPERATION_INFO, countryName, type GraphData } from '../../src/model';

// ---------------------------------------------------------------------------------------------
// Helpers

function valid(input: unknown): GraphData {
  const { graph, problems } = validateGraph(input);
  if (!graph) throw new Error(problems.map((p) => `${p.path ?? ''}: ${p.message}`).join('\n'));
  return graph;
}

const shipped = valid(JSON.parse(readFileSync('data/graph.json', 'utf8')));

function everything(graph: GraphData): Visible {
  return {
    nodes: new Set(graph.elements.nodes.map((n) => n.data.id)),
    edges: new Set(graph.elements.edges.map((e) => e.data.id)),
  };
}

/** A strict parser: any XML error fails the test, where graphology's own parser shrugs. */
function strictXml(text: string) {
  return new DOMParser({
    onError: (level, msg) => {
      // U+FFFD draws a warning; it is the intended stand-in for characters XML cannot hold.
      if (level !== 'warning') throw new Error(`${level}: ${msg}`);
    },
  }).parseFromString(text, 'application/xml');
}

function elements(
  root: { getElementsByTagNameNS(ns: string, name: string): ArrayLike<XmlElement> },
  ns: string,
  name: string,
): XmlElement[] {
  return Array.from(root.getElementsByTagNameNS(ns, name));
}

function csvRows(text: string) {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true });
  expect(parsed.errors).toEqual([]);
  return { fields: parsed.meta.fields, rows: parsed.data };
}

/** Distinct partners per institution along the given agreements, computed apart from the code. */
function partnerCounts(
  graph: GraphData,
  edgeIds: Iterable<string> & { has(id: string): boolean },
): Map<string, number> {
  const sets = new Map<string, Set<string>>();
  for (const { data: e } of graph.elements.edges) {
    if (!edgeIds.has(e.id)) continue;
    sets.set(e.source, (sets.get(e.source) ?? new Set()).add(e.target));
    sets.set(e.target, (sets.get(e.target) ?? new Set()).add(e.source));
  }
  return new Map([...sets].map(([id, s]) => [id, s.size]));
}

const nodeOf = (graph: GraphData, id: string) => {
  const n = graph.elements.nodes.find((x) => x.data.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
};
const edgeOf = (graph: GraphData, id: string) => {
  const e = graph.elements.edges.find((x) => x.data.id === id);
  if (!e) throw new Error(`no edge ${id}`);
  return e.data;
};

// ---------------------------------------------------------------------------------------------
// The shipped graph, unfiltered and filtered to two countries

const cases: { name: string; visible: Visible }[] = [
  { name: 'unfiltered', visible: applyFilters(shipped, DEFAULT_FILTERS) },
  {
    name: 'countries GB and DE',
    visible: applyFilters(shipped, { ...DEFAULT_FILTERS, countries: ['GB', 'DE'] }),
  },
];

describe('the filtered view of the shipped graph', () => {
  it('is a real cut: GB and DE keep fewer institutions and agreements than the whole', () => {
    const [all, some] = cases.map((c) => c.visible);
    expect(some?.nodes.size).toBeGreaterThan(3);
    expect(some?.nodes.size).toBeLessThan(all?.nodes.size ?? 0);
    expect(some?.edges.size).toBeLessThan(all?.edges.size ?? 0);
  });
});

describe.each(cases)('exports of the shipped graph, $name', ({ visible }) => {
  const visibleEdges = shipped.elements.edges.filter((e) => visible.edges.has(e.data.id));
  const keptNodeIds = [...visible.nodes];
  const partners = partnerCounts(shipped, visible.edges);
  const dated = visibleEdges.find((e) => e.data.year !== null)?.data;
  const undated = visibleEdges.find((e) => e.data.year === null)?.data;

  it('has dated and undated agreements to check', () => {
    expect(dated).toBeDefined();
    expect(undated).toBeDefined();
  });

  describe('JSON', () => {
    const text = toJson(shipped, visible);
    const back = valid(JSON.parse(text));

    it('re-validates with exactly the visible institutions and agreements', () => {
      expect(new Set(back.elements.nodes.map((n) => n.data.id))).toEqual(new Set(visible.nodes));
      expect(new Set(back.elements.edges.map((e) => e.data.id))).toEqual(new Set(visible.edges));
    });

    it('keeps positions, evidence and everything else of each element unchanged', () => {
      for (const n of back.elements.nodes) expect(n).toEqual(nodeOf(shipped, n.data.id));
      for (const e of back.elements.edges) expect(e.data).toEqual(edgeOf(shipped, e.data.id));
    });

    it('keeps the sources cited or about a kept institution, with their text, and no others', () => {
      const cited = new Set(
        back.elements.edges.flatMap((e) => e.data.evidence.map((ev) => ev.source)),
      );
      const expected = shipped.data.sources.filter(
        (s) => cited.has(s.id) || visible.nodes.has(s.about),
      );
      expect(back.data.sources.map((s) => s.id)).toEqual(expected.map((s) => s.id));
      for (const s of back.data.sources) {
        const original = shipped.data.sources.find((o) => o.id === s.id);
        expect(s.text).toBe(original?.text);
        expect(s.about === original?.about || s.about === '').toBe(true);
      }
    });

    it('is Cytoscape JSON indented by one space, like data/graph.json, ending in a newline', () => {
      expect(text.endsWith('}\n')).toBe(true);
      expect(text.split('\n').slice(0, 3)).toEqual([
        '{',
        ' "data": {',
        '  "title": ' + JSON.stringify(shipped.data.title) + ',',
      ]);
      expect(back.data.title).toBe(shipped.data.title);
    });
  });

  describe('CSV', () => {
    const tables = toCsvTables(shipped, visible);
    const nodes = csvRows(tables.nodes);
    const edges = csvRows(tables.edges);

    it('has the Gephi columns and one row per visible institution and agreement', () => {
      expect(nodes.fields).toEqual([...NODE_COLUMNS]);
      expect(edges.fields).toEqual([...EDGE_COLUMNS]);
      expect(new Set(nodes.rows.map((r) => r.Id))).toEqual(new Set(visible.nodes));
      expect(nodes.rows).toHaveLength(visible.nodes.size);
      expect(new Set(edges.rows.map((r) => r.Id))).toEqual(new Set(visible.edges));
      expect(edges.rows).toHaveLength(visible.edges.size);
    });

    it('writes every agreement with its parties, labels and evidence as in the data', () => {
      for (const row of edges.rows) {
        const e = edgeOf(shipped, row.Id ?? '');
        expect(row).toEqual({
          Source: e.source,
          Target: e.target,
          Type: 'Undirected',
          Id: e.id,
          Label: COOPERATION_INFO[e.cooperation].label,
          Cooperation: e.cooperation,
          Year: e.year === null ? '' : String(e.year),
          Date: e.date ?? '',
          Agreement: e.agreement,
          Description: e.description,
          'Evidence source': e.evidence.map((ev) => ev.source ?? '').join('\n'),
          'Evidence quote': e.evidence.map((ev) => ev.quote).join('\n'),
        });
      }
    });

    it('writes every institution, negative coordinates as plain numbers', () => {
      for (const row of nodes.rows) {
        const d = nodeOf(shipped, row.Id ?? '').data;
        expect(row.Label).toBe(d.label);
        expect(row.Country).toBe(d.country ?? '');
        expect(row.Type).toBe(d.type);
        expect(row.City).toBe(d.city ?? '');
        expect(row.Latitude).toBe(d.lat === null ? '' : String(d.lat));
        expect(row.Longitude).toBe(d.lon === null ? '' : String(d.lon));
        expect(row.Aliases).toBe(d.aliases.join('|'));
        expect(row.Partners).toBe(String(partners.get(d.id) ?? 0));
      }
      expect(nodes.rows.some((r) => r.Longitude?.startsWith('-'))).toBe(true);
    });

    it('names countries in words', () => {
      const gb = nodes.rows.find((r) => r.Country === 'GB');
      expect(gb?.['Country name']).toBe('United Kingdom');
      for (const r of nodes.rows.filter((x) => x.Country === ''))
        expect(r['Country name']).toBe('');
    });
  });

  describe('GEXF', () => {
    const xml = toGexf(shipped, visible);
    const parsed = parseGexf(Graph, xml);
    const doc = strictXml(xml);

    it('is well-formed GEXF 1.3, undirected, dynamic over integer years, with its creator', () => {
      const root = doc.documentElement;
      expect(root?.namespaceURI).toBe(GEXF_NS);
      expect(root?.localName).toBe('gexf');
      expect(root?.getAttribute('version')).toBe('1.3');
      const graph = elements(doc, GEXF_NS, 'graph')[0];
      expect(graph?.getAttribute('defaultedgetype')).toBe('undirected');
      expect(graph?.getAttribute('mode')).toBe('dynamic');
      expect(graph?.getAttribute('timeformat')).toBe('integer');
      expect(parsed.getAttribute('creator')).toBe('Partnership Atlas');
      expect(parsed.getAttribute('description')).toContain(shipped.data.description);
      expect(parsed.type).toBe('undirected');
    });

    it('reads back with the same institutions and agreements', () => {
      expect(new Set(parsed.nodes())).toEqual(new Set(visible.nodes));
      expect(new Set(parsed.edges())).toEqual(new Set(visible.edges));
      for (const e of visibleEdges) {
        expect(new Set(parsed.extremities(e.data.id))).toEqual(
          new Set([e.data.source, e.data.target]),
        );
      }
    });

    it('gives institutions typed attributes and positions with y pointing up', () => {
      for (const id of keptNodeIds) {
        const n = nodeOf(shipped, id);
        const d = n.data;
        const a = parsed.getNodeAttributes(id);
        expect(a.label).toBe(d.label);
        expect(a.type).toBe(d.type);
        expect(a.country).toBe(d.country ?? undefined);
        expect(a.city).toBe(d.city ?? undefined);
        expect(a.lat).toBe(d.lat ?? undefined);
        expect(a.lon).toBe(d.lon ?? undefined);
        expect(a.aliases).toBe(d.aliases.join('|'));
        expect(a.partners).toBe(partners.get(id) ?? 0);
        expect(a.x).toBe(n.position?.x);
        expect(a.y).toBe(n.position ? -n.position.y : undefined);
      }
      const withLat = keptNodeIds.map((id) => parsed.getNodeAttributes(id)).find((a) => 'lat' in a);
      expect(typeof withLat?.lat).toBe('number');
      expect(typeof withLat?.partners).toBe('number');
      const positions = elements(doc, GEXF_VIZ_NS, 'position');
      expect(positions).toHaveLength(keptNodeIds.length);
      expect(positions.every((p) => p.getAttribute('z') === '0')).toBe(true);
    });

    it('gives agreements typed attributes, a kind, and their year as the start of their time', () => {
      for (const { data: e } of visibleEdges) {
        const a = parsed.getEdgeAttributes(e.id);
        expect(a.label).toBe(COOPERATION_INFO[e.cooperation].label);
        expect(a.kind).toBe(e.cooperation);
        expect(a.cooperation).toBe(e.cooperation);
        expect(a.year).toBe(e.year ?? undefined);
        expect(a.date).toBe(e.date ?? undefined);
        expect(a.agreement).toBe(e.agreement);
        expect(a.description).toBe(e.description);
        expect(a.evidence_source).toBe(e.evidence.map((ev) => ev.source).join('\n'));
        expect(a.evidence_quote).toBe(e.evidence.map((ev) => ev.quote).join('\n'));
      }
      expect(typeof parsed.getEdgeAttribute(dated?.id ?? '', 'year')).toBe('number');
      const starts = new Map(
        elements(doc, GEXF_NS, 'edge').map((el) => [
          el.getAttribute('id'),
          el.getAttribute('start'),
        ]),
      );
      expect(starts.get(dated?.id ?? '')).toBe(String(dated?.year));
      expect(starts.get(undated?.id ?? '')).toBeNull();
    });
  });

  describe('GraphML', () => {
    const xml = toGraphML(shipped, visible);
    const parsed = parseGraphML(Graph, xml);
    const doc = strictXml(xml);

    it('is well-formed, undirected GraphML with typed keys', () => {
      expect(doc.documentElement?.namespaceURI).toBe(GRAPHML_NS);
      expect(elements(doc, GRAPHML_NS, 'graph')[0]?.getAttribute('edgedefault')).toBe('undirected');
      const keys = new Map(
        elements(doc, GRAPHML_NS, 'key').map((k) => [
          `${k.getAttribute('for')}:${k.getAttribute('attr.name')}`,
          k.getAttribute('attr.type'),
        ]),
      );
      expect(Object.fromEntries(keys)).toEqual({
        'graph:title': 'string',
        'graph:description': 'string',
        'node:label': 'string',
        'node:country': 'string',
        'node:country_name': 'string',
        'node:type': 'string',
        'node:city': 'string',
        'node:aliases': 'string',
        'node:lat': 'double',
        'node:lon': 'double',
        'node:partners': 'int',
        'node:x': 'double',
        'node:y': 'double',
        'edge:label': 'string',
        'edge:cooperation': 'string',
        'edge:year': 'int',
        'edge:date': 'string',
        'edge:agreement': 'string',
        'edge:description': 'string',
        'edge:evidence_source': 'string',
        'edge:evidence_quote': 'string',
      });
      expect(parsed.type).toBe('undirected');
      expect(parsed.getAttribute('title')).toBe(shipped.data.title);
    });

    it('reads back with the same institutions, agreements and typed values', () => {
      expect(new Set(parsed.nodes())).toEqual(new Set(visible.nodes));
      expect(new Set(parsed.edges())).toEqual(new Set(visible.edges));
      for (const id of keptNodeIds) {
        const n = nodeOf(shipped, id);
        const a = parsed.getNodeAttributes(id);
        expect(a.label).toBe(n.data.label);
        expect(a.country_name).toBe(
          n.data.country === null ? undefined : countryName(n.data.country),
        );
        expect(a.lat).toBe(n.data.lat ?? undefined);
        expect(a.lon).toBe(n.data.lon ?? undefined);
        expect(a.partners).toBe(partners.get(id) ?? 0);
        expect(a.x).toBe(n.position?.x);
        expect(a.y).toBe(n.position ? -n.position.y : undefined);
      }
      for (const { data: e } of visibleEdges) {
        const a = parsed.getEdgeAttributes(e.id);
        expect(new Set(parsed.extremities(e.id))).toEqual(new Set([e.source, e.target]));
        expect(a.label).toBe(COOPERATION_INFO[e.cooperation].label);
        expect(a.year).toBe(e.year ?? undefined);
        expect(a.evidence_quote).toBe(e.evidence.map((ev) => ev.quote).join('\n'));
      }
      expect(typeof parsed.getEdgeAttribute(dated?.id ?? '', 'year')).toBe('number');
    });
  });
});

describe('filteredSubgraph', () => {
  it('returns the whole graph unchanged when everything is visible', () => {
    expect(filteredSubgraph(shipped, everything(shipped))).toEqual(shipped);
  });

  it('drops an agreement whose other party is not visible, so the file stays valid', () => {
    const e = shipped.elements.edges[0]?.data;
    if (!e) throw new Error('no edges');
    const sub = filteredSubgraph(shipped, { nodes: new Set([e.source]), edges: new Set([e.id]) });
    expect(sub.elements.edges).toEqual([]);
    expect(validateGraph(sub).problems).toEqual([]);
  });

  it('clears `about` on a kept source whose institution is left out, and keeps the source', () => {
    const sourceId = 'xjtu-uansr-2015';
    const edge = shipped.elements.edges.find(
      (x) =>
        x.data.evidence.some((ev) => ev.source === sourceId) &&
        x.data.source !== 'xjtu' &&
        x.data.target !== 'xjtu',
    )?.data;
    if (!edge) throw new Error('fixture: no agreement cites the source without its subject');
    const sub = filteredSubgraph(shipped, {
      nodes: new Set([edge.source, edge.target]),
      edges: new Set([edge.id]),
    });
    const source = sub.data.sources.find((s) => s.id === sourceId);
    expect(source?.about).toBe('');
    expect(source?.text).toBe(shipped.data.sources.find((s) => s.id === sourceId)?.text);
    expect(validateGraph(sub).problems).toEqual([]);
    // The input is left as it was.
    expect(shipped.data.sources.find((s) => s.id === sourceId)?.about).toBe('xjtu');
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile text: markup, formulas, entity look-alikes, CDATA ends, control characters, and ids
// that name Object.prototype members

const HOSTILE_LABEL = '<img src=x onerror=alert(1)>';
const ENTITY_LABEL = `AT&amp;T & R&D; &#60;b&#x3e; "double" 'single' ]]>`;
const WHITESPACE_LABEL = 'Tab\there\nline feed\r\nCRLF  two spaces ';
const FORMULA_DESCRIPTION = '=HYPERLINK("http://x")';
const MULTILINE_FORMULA = '=1+1\nsecond line';
const SCRIPT_QUOTE = '</script> & ]]> <!-- not a comment -->';

const hostileInput = {
  data: {
    title: 'Hostile <title> & "quotes"',
    description: '=cmd|"/C calc"!A0',
    sources: [
      {
        id: 'hasOwnProperty',
        file: 'a.txt',
        title: '<b>bold</b>',
        publisher: '',
        date: '2016',
        about: '__proto__',
        note: '',
        text: `Before. ${SCRIPT_QUOTE} After.`,
      },
    ],
  },
  elements: {
    nodes: [
      {
        data: {
          id: '__proto__',
          label: HOSTILE_LABEL,
          country: 'AU',
          type: 'university',
          aliases: ['@SUM(1)', '=1+1', 'plain'],
          city: '-Sydney "centre"',
          lat: -33.869,
          lon: 151.209,
        },
        position: { x: 10.5, y: -20 },
      },
      {
        data: {
          id: 'entity',
          label: ENTITY_LABEL,
          country: null,
          type: 'company',
          aliases: [],
          city: null,
          lat: null,
          lon: null,
        },
        position: { x: 0, y: 0 },
      },
      {
        data: {
          id: 'space',
          label: WHITESPACE_LABEL,
          country: 'DE',
          type: 'research-institute',
          aliases: ['+49 line'],
          city: '\t=tab first',
          lat: 52.5,
          lon: -0.25,
        },
      },
    ],
    edges: [
      {
        data: {
          id: 'constructor',
          source: '__proto__',
          target: 'entity',
          cooperation: 'mou',
          year: 2015,
          date: '2015-05',
          description: FORMULA_DESCRIPTION,
          agreement: 'toString',
          evidence: [{ source: 'hasOwnProperty', quote: SCRIPT_QUOTE }],
        },
      },
      {
        data: {
          id: 'two-evidence',
          source: '__proto__',
          target: 'space',
          cooperation: 'research',
          year: null,
          date: null,
          description: MULTILINE_FORMULA,
          agreement: 'a2',
          evidence: [{ quote: '-2+3 free text' }, { source: 'hasOwnProperty', quote: 'After.' }],
        },
      },
      {
        data: {
          id: 'e3',
          source: 'entity',
          target: 'space',
          cooperation: 'other',
          year: 1999,
          date: null,
          description: '@import & <style>',
          agreement: 'a3',
          evidence: [{ quote: '\r\nstarts with CRLF' }],
        },
      },
    ],
  },
};

const hostile = valid(hostileInput);
const all = everything(hostile);

describe('hostile text', () => {
  it('is a valid graph to begin with', () => {
    expect(hostile.elements.nodes).toHaveLength(3);
    expect(hostile.elements.edges).toHaveLength(3);
  });

  it('round-trips exactly through JSON', () => {
    expect(valid(JSON.parse(toJson(hostile, all)))).toEqual(hostile);
  });

  it('round-trips exactly through GEXF, escaped rather than as markup', () => {
    const xml = toGexf(hostile, all);
    strictXml(xml);
    expect(xml).not.toContain('<img');
    expect(xml).not.toContain('</script>');
    expect(xml).not.toContain('<style>');
    const g = parseGexf(Graph, xml);
    expect(g.order).toBe(3);
    expect(g.size).toBe(3);
    expect(g.getNodeAttribute('__proto__', 'label')).toBe(HOSTILE_LABEL);
    expect(g.getNodeAttribute('__proto__', 'aliases')).toBe('@SUM(1)|=1+1|plain');
    expect(g.getNodeAttribute('__proto__', 'city')).toBe('-Sydney "centre"');
    expect(g.getNodeAttribute('__proto__', 'lat')).toBe(-33.869);
    expect(g.getNodeAttribute('entity', 'label')).toBe(ENTITY_LABEL);
    expect(g.getNodeAttribute('space', 'label')).toBe(WHITESPACE_LABEL);
    expect(g.getNodeAttribute('space', 'city')).toBe('\t=tab first');
    expect(g.getEdgeAttribute('constructor', 'description')).toBe(FORMULA_DESCRIPTION);
    expect(g.getEdgeAttribute('constructor', 'evidence_quote')).toBe(SCRIPT_QUOTE);
    expect(g.getEdgeAttribute('constructor', 'agreement')).toBe('toString');
    expect(g.getEdgeAttribute('two-evidence', 'description')).toBe(MULTILINE_FORMULA);
    expect(g.getEdgeAttribute('two-evidence', 'evidence_source')).toBe('\nhasOwnProperty');
    expect(g.getEdgeAttribute('two-evidence', 'evidence_quote')).toBe('-2+3 free text\nAfter.');
    expect(g.getEdgeAttribute('e3', 'evidence_quote')).toBe('\r\nstarts with CRLF');
    expect(g.getAttribute('description')).toBe('Hostile <title> & "quotes" — =cmd|"/C calc"!A0');
  });

  it('round-trips exactly through GraphML', () => {
    const xml = toGraphML(hostile, all);
    strictXml(xml);
    expect(xml).not.toContain('<img');
    expect(xml).not.toContain('</script>');
    const g = parseGraphML(Graph, xml);
    expect(g.order).toBe(3);
    expect(g.size).toBe(3);
    expect(g.getNodeAttribute('__proto__', 'label')).toBe(HOSTILE_LABEL);
    expect(g.getNodeAttribute('__proto__', 'aliases')).toBe('@SUM(1)|=1+1|plain');
    expect(g.getNodeAttribute('__proto__', 'x')).toBe(10.5);
    expect(g.getNodeAttribute('__proto__', 'y')).toBe(20);
    expect(g.getNodeAttribute('entity', 'label')).toBe(ENTITY_LABEL);
    expect(g.getNodeAttribute('space', 'label')).toBe(WHITESPACE_LABEL);
    expect(g.getNodeAttribute('space', 'x')).toBeUndefined();
    expect(g.getEdgeAttribute('constructor', 'description')).toBe(FORMULA_DESCRIPTION);
    expect(g.getEdgeAttribute('constructor', 'evidence_quote')).toBe(SCRIPT_QUOTE);
    expect(g.getEdgeAttribute('e3', 'evidence_quote')).toBe('\r\nstarts with CRLF');
    expect(g.getEdgeAttribute('e3', 'description')).toBe('@import & <style>');
    expect(g.getAttribute('title')).toBe('Hostile <title> & "quotes"');
  });

  it('replaces characters XML cannot hold with U+FFFD instead of writing a broken file', () => {
    const bell = valid({
      ...hostileInput,
      elements: {
        ...hostileInput.elements,
        nodes: hostileInput.elements.nodes.map((n) =>
          n.data.id === 'entity' ? { ...n, data: { ...n.data, label: 'bell\u0007 nul\u0000' } } : n,
        ),
      },
    });
    for (const xml of [toGexf(bell, all), toGraphML(bell, all)]) {
      strictXml(xml);
      const g = xml.includes(GEXF_NS) ? parseGexf(Graph, xml) : parseGraphML(Graph, xml);
      expect(g.getNodeAttribute('entity', 'label')).toBe('bell\uFFFD nul\uFFFD');
    }
  });

  describe('CSV', () => {
    const tables = toCsvTables(hostile, all);
    const nodes = csvRows(tables.nodes).rows;
    const edges = csvRows(tables.edges).rows;
    const node = (id: string) => nodes.find((r) => r.Id === id);
    const edge = (id: string) => edges.find((r) => r.Id === id);

    it('puts an apostrophe before every text cell a spreadsheet would run as a formula', () => {
      expect(edge('constructor')?.Description).toBe(`'${FORMULA_DESCRIPTION}`);
      expect(edge('two-evidence')?.Description).toBe(`'${MULTILINE_FORMULA}`);
      expect(edge('two-evidence')?.['Evidence quote']).toBe("'-2+3 free text\nAfter.");
      expect(edge('e3')?.Description).toBe("'@import & <style>");
      expect(edge('e3')?.['Evidence quote']).toBe("'\r\nstarts with CRLF");
      expect(node('__proto__')?.Aliases).toBe("'@SUM(1)|=1+1|plain");
      expect(node('__proto__')?.City).toBe(`'-Sydney "centre"`);
      expect(node('space')?.City).toBe("'\t=tab first");
      expect(node('space')?.Aliases).toBe("'+49 line");
    });

    it('leaves numbers alone, negative ones included', () => {
      expect(node('__proto__')?.Latitude).toBe('-33.869');
      expect(node('space')?.Longitude).toBe('-0.25');
      expect(tables.nodes).toContain(',-33.869,');
    });

    it('keeps every other text exactly', () => {
      expect(node('__proto__')?.Label).toBe(HOSTILE_LABEL);
      expect(node('entity')?.Label).toBe(ENTITY_LABEL);
      expect(node('space')?.Label).toBe(WHITESPACE_LABEL);
      expect(edge('constructor')?.['Evidence quote']).toBe(SCRIPT_QUOTE);
      expect(edge('constructor')?.Agreement).toBe('toString');
      expect(edge('two-evidence')?.['Evidence source']).toBe('\nhasOwnProperty');
      expect(nodes.map((r) => r.Id)).toEqual(['__proto__', 'entity', 'space']);
    });
  });
});

describe('the export worker protocol', () => {
  it('assembles a graph sent in parts with visibility flags into the same files', async () => {
    const { assembler, writeExport } = await import('../../src/export/worker');
    const visible = applyFilters(shipped, { ...DEFAULT_FILTERS, countries: ['GB', 'DE'] });
    const take = assembler();
    const { nodes, edges } = shipped.elements;
    expect(
      take({ type: 'begin', format: 'graphml', data: shipped.data, view: 'countries=DE,GB' }),
    ).toBeNull();
    // Parts of 7, so part boundaries fall inside the arrays.
    for (let i = 0; i < nodes.length; i += 7) {
      expect(take({ type: 'nodes', items: nodes.slice(i, i + 7) })).toBeNull();
    }
    for (let i = 0; i < edges.length; i += 7) {
      expect(take({ type: 'edges', items: edges.slice(i, i + 7) })).toBeNull();
    }
    const request = take({
      type: 'end',
      nodeFlags: Uint8Array.from(nodes, (n) => (visible.nodes.has(n.data.id) ? 1 : 0)),
      edgeFlags: Uint8Array.from(edges, (e) => (visible.edges.has(e.data.id) ? 1 : 0)),
    });
    if (!request) throw new Error('no request after end');
    expect(new Set(request.nodes)).toEqual(new Set(visible.nodes));
    expect(new Set(request.edges)).toEqual(new Set(visible.edges));
    const direct = writeExport({
      format: 'graphml',
      graph: shipped,
      nodes: [...visible.nodes],
      edges: [...visible.edges],
      view: 'countries=DE,GB',
    });
    expect(writeExport(request)).toEqual(direct);
  });
});

describe('large JSON exports', () => {
  it('are gzip-compressed past the size the explorer opens, and load back the same', async () => {
    const { fileText, filesOf, writeExport } = await import('../../src/export/worker');
    const { readGraphFile } = await import('../../src/data/fetchGraph');
    const { exportFileName } = await import('../../src/export/fileName');
    const reply = writeExport({
      format: 'json',
      graph: shipped,
      nodes: shipped.elements.nodes.map((n) => n.data.id),
      edges: shipped.elements.edges.map((e) => e.data.id),
      view: '',
    });
    if (reply.type !== 'done') throw new Error(reply.message);
    const text = fileText(reply.files[0] ?? { parts: [] });
    const bytes = new TextEncoder().encode(text).byteLength;
    // Under the limit: plain JSON, as written.
    const [plain] = await filesOf(reply.files, bytes);
    expect(plain).toMatchObject({ ext: 'json', mime: 'application/json' });
    expect(await plain?.blob.text()).toBe(text);
    // One byte over: compressed, smaller, and read back to the same text.
    const [packed] = await filesOf(reply.files, bytes - 1);
    expect(packed).toMatchObject({ ext: 'json.gz', mime: 'application/gzip' });
    if (!packed) throw new Error('no file');
    expect(packed.blob.size).toBeLessThan(bytes / 3);
    const read = await readGraphFile(new File([packed.blob], 'export.json.gz'));
    if (!('bytes' in read)) throw new Error(JSON.stringify(read.problems));
    expect(new TextDecoder().decode(read.bytes)).toBe(text);
    expect(exportFileName(DEFAULT_FILTERS, packed.ext)).toBe('partnerships.json.gz');
    // Other formats are never compressed.
    const csv = writeExport({ format: 'csv', graph: shipped, nodes: [], edges: [], view: '' });
    if (csv.type !== 'done') throw new Error(csv.message);
    expect((await filesOf(csv.files, 0)).map((f) => f.ext)).toEqual(['csv', 'csv']);
  });

  it('are compressed from the explorer’s file limit on', async () => {
    const { filesOf } = await import('../../src/export/worker');
    const { LIMITS } = await import('../../src/data/limits');
    const file = (n: number) => ({
      suffix: '',
      ext: 'json',
      mime: 'application/json',
      parts: [' '.repeat(n)],
    });
    expect((await filesOf([file(LIMITS.maxFileBytes)]))[0]?.ext).toBe('json');
    expect((await filesOf([file(LIMITS.maxFileBytes + 1)]))[0]?.ext).toBe('json.gz');
  });
});

describe('JSON exports of large graphs', () => {
  it('are indented up to a size, compact past it, the same graph either way', async () => {
    const { toJson, INDENT_UP_TO } = await import('../../src/export/json');
    const visible = applyFilters(shipped, DEFAULT_FILTERS);
    const indented = toJson(shipped, visible);
    expect(indented).toContain('\n "elements": {');
    const compact = toJson(shipped, visible, 1000);
    expect(compact.split('\n')).toHaveLength(2);
    expect(JSON.parse(compact)).toEqual(JSON.parse(indented));
    expect(INDENT_UP_TO).toBeLessThan(LIMITS.maxFileBytes);
  });
});

describe('the XML element writer', () => {
  /** The same element built with xmlbuilder2 and serialised alone: how it was written before. */
  function byXmlBuilder(node: XmlNode): string {
    const f = fragment({ invalidCharReplacement: '\uFFFD' });
    const build = (parent: ReturnType<typeof fragment>, n: XmlNode) => {
      const attrs = Object.fromEntries(Object.entries(n.attrs).map(([k, v]) => [k, xmlText(v)]));
      const el = parent.ele(n.name, attrs);
      if (n.children?.length) for (const c of n.children) build(el, c);
      else if (n.text !== undefined) el.txt(xmlText(n.text));
    };
    build(f, node);
    return f.end({ prettyPrint: true });
  }

  // Every kind of character: markup, entities, whitespace, controls, lone and paired surrogates,
  // U+FFFE and U+FFFF, and the rest of Unicode.
  const nasty = fc.string({
    unit: fc.oneof(
      fc.constantFrom('&', '<', '>', '"', "'", '&amp;', '&#9;', ']]>', '\t', '\n', '\r', ' '),
      fc.constantFrom('\u0000', '\u0007', '\u001f', '\uD800', '\uDFFF', '\uFFFE', '\uFFFF'),
      fc.constantFrom('\uD83D\uDE00', '—', 'é', '西'),
      fc.string({ unit: 'grapheme-ascii', maxLength: 3 }),
      fc.string({ unit: 'binary', maxLength: 2 }),
    ),
    maxLength: 12,
  });
  const value = fc.oneof(nasty, fc.double({ noNaN: true }), fc.integer());

  it('writes any element as xmlbuilder2 writes it', () => {
    const leaf = fc.record({
      name: fc.constantFrom('data', 'attvalue', 'viz:position'),
      attrs: fc.dictionary(fc.constantFrom('key', 'for', 'value', 'x'), value, { maxKeys: 3 }),
      text: fc.option(value, { nil: undefined }),
    });
    const node = fc.record({
      name: fc.constantFrom('node', 'edge'),
      attrs: fc.dictionary(fc.constantFrom('id', 'label', 'source', 'start'), value, {
        maxKeys: 4,
      }),
      children: fc.array(leaf, { maxLength: 4 }),
    });
    fc.assert(
      fc.property(node, (n) => {
        expect(writeElement(n)).toBe(byXmlBuilder(n));
      }),
      { numRuns: 2000 },
    );
  });

  it('indents an element and its children from the indentation given', () => {
    const n: XmlNode = {
      name: 'node',
      attrs: { id: 'a' },
      children: [
        { name: 'data', attrs: { key: 'k' }, text: 'x' },
        { name: 'data', attrs: { key: 'e' }, text: '' },
      ],
    };
    expect(writeElement(n, '    ').split('\n')).toEqual([
      '    <node id="a">',
      '      <data key="k">x</data>',
      '      <data key="e"/>',
      '    </node>',
    ]);
  });

  it('puts every institution and agreement of a large file on lines of its own, at its depth', () => {
    const graph = generateGraph(700, 7);
    const visible = everything(graph);
    const elementCount = graph.elements.nodes.length + graph.elements.edges.length;
    expect(elementCount).toBeGreaterThan(2000);
    const files = [
      { xml: toGraphML(graph, visible), element: '    <', child: '      <data ' },
      { xml: toGexf(graph, visible), element: '      <', child: '        <attvalues>' },
    ];
    for (const { xml, element, child } of files) {
      strictXml(xml);
      const lines = xml.split('\n');
      const starts = lines.filter((l) => /^\s*<(node|edge) /.test(l));
      expect(starts).toHaveLength(elementCount);
      expect(starts.every((l) => l.startsWith(element) && l[element.length] !== ' ')).toBe(true);
      expect(lines.filter((l) => /^\s*<\/(node|edge)>$/.test(l))).toHaveLength(elementCount);
      expect(lines.some((l) => l.startsWith(child))).toBe(true);
      expect(xml).not.toMatch(/<\/(node|edge)></);
      expect(xml.endsWith('>\n')).toBe(true);
    }
  });
});
