// A hand-made graph small enough to reason about in a test, and the shipped graph, both passed
// through the one validator so tests see exactly what the app sees.
//
// Institutions (id: country, type, place):
//   gb-uni   GB  university  Edinburgh            Northbridge University (NBU)
//   gb-co    GB  company     London               Thames Robotics Ltd
//   de-uni   DE  university  Munich               Technische Universität Südstadt (TUS)
//   de-co    DE  company     Munich (same spot)   Rhein Chemie AG
//   cn-uni   CN  university  Shanghai             Eastern Jiaotong University (EJU)  ← the hub
//   cn-co    CN  company     Shenzhen             Pearl Delta Electronics
//   hk-uni   HK  university  Hong Kong            University of Victoria Harbour (UVH)
//   alliance --  alliance    no place             Global Community Alliance (GCA)
//
// Agreements (id: parties, cooperation, year):
//   mou-gbuni-deuni      gb-uni – de-uni    mou                   2010
//   ind-gbco-deco        gb-co  – de-co     industry-partnership  2012
//   prog-gbuni-cnuni     gb-uni – cn-uni    joint-programme       2015
//   res-deuni-cnuni      de-uni – cn-uni    research              2015
//   ind-deco-cnuni       de-co  – cn-uni    industry-partnership  2018
//   exch-cnuni-hkuni     cn-uni – hk-uni    exchange              2020
//   mem-hkuni-alliance   hk-uni – alliance  alliance-membership   2021
//   res-cnco-cnuni       cn-co  – cn-uni    research              2024 (date 2024-05)
//   ind-cnco-hkuni       cn-co  – hk-uni    industry-partnership  undated
//   mem-alliance-gbuni   alliance – gb-uni  alliance-membership   undated
//   mem-alliance-cnuni   alliance – cn-uni  alliance-membership   undated

import { readFileSync } from 'node:fs';
import { validateGraph } from '../../../src/data';
import type { GraphData, NodeElement } from '../../../src/model';

type Raw = Record<string, unknown>;

function node(
  id: string,
  label: string,
  country: string | null,
  type: string,
  place: { city: string; lat: number; lon: number } | null,
  aliases: string[],
  position: { x: number; y: number },
): Raw {
  return {
    data: {
      id,
      label,
      country,
      type,
      aliases,
      city: place?.city ?? null,
      lat: place?.lat ?? null,
      lon: place?.lon ?? null,
    },
    position,
  };
}

const SOURCE_TEXT = [
  'Northbridge and Südstadt signed a memorandum in 2010.',
  'Thames Robotics and Rhein Chemie began an industry partnership in 2012.',
  'Northbridge and Eastern Jiaotong launched a joint degree in 2015.',
  'Südstadt and Eastern Jiaotong began joint research in 2015.',
  'Rhein Chemie funds a laboratory at Eastern Jiaotong since 2018.',
  'Eastern Jiaotong and Victoria Harbour exchange students since 2020.',
  'Victoria Harbour joined the Global Community Alliance in 2021.',
  'Pearl Delta and Eastern Jiaotong started a research project in May 2024.',
  'Pearl Delta sponsors internships at Victoria Harbour.',
  'Northbridge is a member of the Global Community Alliance.',
  'Eastern Jiaotong is a member of the Global Community Alliance.',
];

function edge(
  id: string,
  source: string,
  target: string,
  cooperation: string,
  year: number | null,
  quoteIndex: number,
  date: string | null = year === null ? null : String(year),
): Raw {
  return {
    data: {
      id,
      source,
      target,
      cooperation,
      year,
      date,
      description: '',
      agreement: id,
      evidence: [{ source: 'news', quote: SOURCE_TEXT[quoteIndex] ?? '' }],
    },
  };
}

/** The raw JSON of the mini graph: a fresh object on every call, safe to edit in a test. */
export function miniGraphInput(): Raw {
  return {
    data: {
      title: 'Mini graph',
      description: 'Hand-made fixture for unit tests.',
      sources: [
        {
          id: 'news',
          file: 'news.txt',
          title: 'Partnership news',
          publisher: 'Northbridge University',
          date: '2024-06-30',
          about: 'gb-uni',
          note: '',
          text: SOURCE_TEXT.join('\n'),
        },
      ],
    },
    elements: {
      nodes: [
        node(
          'gb-uni',
          'Northbridge University',
          'GB',
          'university',
          { city: 'Edinburgh', lat: 55.953, lon: -3.189 },
          ['NBU'],
          { x: -300, y: -100 },
        ),
        node(
          'gb-co',
          'Thames Robotics Ltd',
          'GB',
          'company',
          { city: 'London', lat: 51.507, lon: -0.128 },
          [],
          { x: -400, y: 0 },
        ),
        node(
          'de-uni',
          'Technische Universität Südstadt',
          'DE',
          'university',
          { city: 'Munich', lat: 48.137, lon: 11.575 },
          ['TUS'],
          { x: -200, y: 100 },
        ),
        node(
          'de-co',
          'Rhein Chemie AG',
          'DE',
          'company',
          { city: 'Munich', lat: 48.137, lon: 11.575 },
          [],
          { x: -250, y: 200 },
        ),
        node(
          'cn-uni',
          'Eastern Jiaotong University',
          'CN',
          'university',
          { city: 'Shanghai', lat: 31.23, lon: 121.474 },
          ['EJU'],
          { x: 0, y: 0 },
        ),
        node(
          'cn-co',
          'Pearl Delta Electronics',
          'CN',
          'company',
          { city: 'Shenzhen', lat: 22.543, lon: 114.058 },
          [],
          { x: 150, y: 150 },
        ),
        node(
          'hk-uni',
          'University of Victoria Harbour',
          'HK',
          'university',
          { city: 'Hong Kong', lat: 22.302, lon: 114.177 },
          ['UVH'],
          { x: 200, y: 0 },
        ),
        node('alliance', 'Global Community Alliance', null, 'alliance', null, ['GCA'], {
          x: 0,
          y: -250,
        }),
      ],
      edges: [
        edge('mou-gbuni-deuni', 'gb-uni', 'de-uni', 'mou', 2010, 0),
        edge('ind-gbco-deco', 'gb-co', 'de-co', 'industry-partnership', 2012, 1),
        edge('prog-gbuni-cnuni', 'gb-uni', 'cn-uni', 'joint-programme', 2015, 2),
        edge('res-deuni-cnuni', 'de-uni', 'cn-uni', 'research', 2015, 3),
        edge('ind-deco-cnuni', 'de-co', 'cn-uni', 'industry-partnership', 2018, 4),
        edge('exch-cnuni-hkuni', 'cn-uni', 'hk-uni', 'exchange', 2020, 5),
        edge('mem-hkuni-alliance', 'hk-uni', 'alliance', 'alliance-membership', 2021, 6),
        edge('res-cnco-cnuni', 'cn-co', 'cn-uni', 'research', 2024, 7, '2024-05'),
        edge('ind-cnco-hkuni', 'cn-co', 'hk-uni', 'industry-partnership', null, 8),
        edge('mem-alliance-gbuni', 'alliance', 'gb-uni', 'alliance-membership', null, 9),
        edge('mem-alliance-cnuni', 'alliance', 'cn-uni', 'alliance-membership', null, 10),
      ],
    },
  };
}

/** Validates raw input and returns the graph, or throws with every problem listed. */
export function validOrThrow(input: unknown, file = 'input'): GraphData {
  const { graph, problems } = validateGraph(input, { file });
  if (!graph) throw new Error(`${file} is invalid:\n${problems.map((p) => p.message).join('\n')}`);
  return graph;
}

/** The mini graph, validated: a fresh object on every call. */
export function miniGraph(): GraphData {
  return validOrThrow(miniGraphInput(), 'mini graph');
}

let shipped: GraphData | undefined;

/** data/graph.json, validated once (read-only: tests must not edit it). */
export function shippedGraph(): GraphData {
  shipped ??= validOrThrow(JSON.parse(readFileSync('data/graph.json', 'utf8')), 'data/graph.json');
  return shipped;
}

/** A set's members in sorted order, for readable comparisons. */
export function sorted(ids: Iterable<string>): string[] {
  return [...ids].sort();
}

/** The value, or a thrown error naming what was missing. */
export function defined<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`missing: ${what}`);
  return value;
}

/** An institution with only an id and a name; every other field empty, or as in `extra`. */
export function institution(
  id: string,
  label: string,
  extra: Partial<NodeElement['data']> = {},
): NodeElement {
  return {
    data: {
      id,
      label,
      country: null,
      type: 'other',
      aliases: [],
      city: null,
      lat: null,
      lon: null,
      ...extra,
    },
  };
}
