// Synthetic partnership graphs for the benchmark: deterministic for a seed, shaped like the real
// thing (a few hub institutions, a few dominant countries, mostly universities, a third of
// agreements undated) so that timings at 100,000 institutions say something about real data.
// Positions are included and cheap to compute (a disc per country, discs packed in rows): a
// force layout at this size would take longer than everything it is meant to measure.

import { countryCentroid } from '../../src/model/countryPlaces';
import { seededRandom } from '../../src/layout/random';
import {
  COOPERATION_INFO,
  COOPERATION_TYPES,
  getCountry,
  type AgreementData,
  type CooperationType,
  type EdgeElement,
  type GraphData,
  type InstitutionType,
  type NodeElement,
  type Position,
} from '../../src/model';

// ── Random numbers ─────────────────────────────────────────────────────────────────────────

// The project's one seeded source (src/layout/random.ts), kept importable from here.
export { seededRandom };

/** Picks from `items` by `weights` (same length, not necessarily normalised). */
function weightedPicker<T>(items: readonly T[], weights: readonly number[]): (u: number) => T {
  const cumulative = cumulate(weights);
  return (u) => {
    const i = search(cumulative, u);
    const item = items[i];
    if (item === undefined) throw new Error('weightedPicker: empty list');
    return item;
  };
}

function cumulate(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    out[i] = sum;
  });
  return out;
}

/** Index of the first cumulative weight above u × total (binary search). */
function search(cumulative: Float64Array, u: number): number {
  const total = cumulative[cumulative.length - 1] ?? 0;
  const target = u * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] ?? 0) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// ── Vocabulary weights ─────────────────────────────────────────────────────────────────────

/**
 * Sixty countries in the order of how many partnership-active institutions they tend to have;
 * a Zipf weight over this order puts about two thirds of institutions in the first five.
 */
const COUNTRY_CODES = [
  'CN', 'US', 'GB', 'DE', 'FR', 'JP', 'IT', 'ES', 'KR', 'AU',
  'CA', 'NL', 'RU', 'IN', 'BR', 'CH', 'SE', 'BE', 'PL', 'AT',
  'DK', 'FI', 'NO', 'IE', 'PT', 'CZ', 'HU', 'GR', 'TR', 'IL',
  'SG', 'HK', 'TW', 'MY', 'TH', 'ID', 'VN', 'PK', 'IR', 'EG',
  'ZA', 'NG', 'KE', 'MX', 'AR', 'CL', 'CO', 'PE', 'NZ', 'SA',
  'AE', 'QA', 'KZ', 'UA', 'RO', 'BG', 'RS', 'HR', 'SK', 'SI',
] as const; // prettier-ignore

const COUNTRY_ZIPF = 1.2;

const INSTITUTION_WEIGHTS: [InstitutionType, number][] = [
  ['university', 0.62],
  ['research-institute', 0.12],
  ['company', 0.1],
  ['laboratory', 0.04],
  ['academy', 0.02],
  ['government', 0.03],
  ['international-organisation', 0.03],
  ['alliance', 0.03],
  ['other', 0.01],
];

/** Networks and academies gather partners; companies and ministries have few. */
const HUB_FACTOR: Record<InstitutionType, number> = {
  university: 1,
  'research-institute': 1,
  laboratory: 0.8,
  academy: 2,
  company: 0.6,
  'international-organisation': 3,
  alliance: 3,
  government: 0.8,
  other: 0.7,
};

/** Share of alliances and international bodies without a single country. */
const STATELESS_SHARE = 0.6;

const BASE_COOPERATION: [CooperationType, number][] = [
  ['mou', 0.22],
  ['cooperation-agreement', 0.15],
  ['exchange', 0.15],
  ['research', 0.12],
  ['joint-programme', 0.08],
  ['strategic-cooperation', 0.06],
  ['visit', 0.05],
  ['joint-school', 0.04],
  ['under-negotiation', 0.03],
  ['shared-staff', 0.02],
  ['affiliation', 0.02],
  ['industry-partnership', 0.02],
  ['alliance-membership', 0.01],
  ['succession', 0.005],
  ['other', 0.01],
];

// Short on purpose: at 100,000 institutions the file has to stay below the loader's 100 MB limit.
const QUOTE: Record<CooperationType, string> = {
  'strategic-cooperation': 'signed a strategic pact',
  mou: 'signed an MoU',
  'cooperation-agreement': 'signed an agreement',
  'joint-programme': 'run a joint degree',
  'joint-school': 'opened a joint institute',
  exchange: 'exchange students',
  research: 'do joint research',
  'industry-partnership': 'signed an industry deal',
  'alliance-membership': 'share a network',
  affiliation: 'are affiliated',
  succession: 'merged',
  'shared-staff': 'share a professor',
  visit: 'exchanged visits',
  'under-negotiation': 'are in talks',
  other: 'work together',
};
/** Share of agreements with a description; registers often have none beyond the type. */
const DESCRIBED_SHARE = 0.4;

const FIRST_YEAR = 1995;
const LAST_YEAR = 2025;
const UNDATED_SHARE = 0.3;
/** Spacing of institutions inside a country's disc, in layout units. */
const SPACING = 40;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

// ── Names ──────────────────────────────────────────────────────────────────────────────────

function institutionName(type: InstitutionType, country: string | null, n: number): string {
  const c = country ?? 'International';
  switch (type) {
    case 'university':
      return n % 3 === 2 ? `${c} University of Technology ${n}` : `University of ${c} ${n}`;
    case 'research-institute':
      return `${c} Institute for Advanced Research ${n}`;
    case 'laboratory':
      return `${c} National Laboratory ${n}`;
    case 'academy':
      return `${c} Academy of Sciences ${n}`;
    case 'company':
      return `${c} Technologies ${n}`;
    case 'international-organisation':
      return country ? `${c} Centre for Cooperation ${n}` : `International Organisation ${n}`;
    case 'alliance':
      return country ? `${c} University Alliance ${n}` : `Global Research Network ${n}`;
    case 'government':
      return `Ministry of Education of ${c} ${n}`;
    case 'other':
      return `${c} Foundation ${n}`;
  }
}

/** "University of Germany 12" → "UG12": the kind of acronym institutions are searched by. */
function acronym(name: string, n: number): string {
  const initials = name
    .split(' ')
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');
  return `${initials}${n}`;
}

// ── The generator ──────────────────────────────────────────────────────────────────────────

interface Draft {
  country: string | null;
  type: InstitutionType;
  weight: number;
}

/**
 * A partnership-like graph of `institutions` nodes and three times as many agreements:
 * Chung–Lu degrees from Pareto weights (a spanning pass first, so nobody is isolated), some
 * preference for domestic partners, all fifteen cooperation types, years 1995–2025 with about
 * 30 % undated, and preset positions.
 */
export function generateGraph(institutions: number, seed: number): GraphData {
  const n = Math.max(2, Math.floor(institutions));
  const rnd = seededRandom(seed);
  const countries = COUNTRY_CODES.filter((c) => getCountry(c) !== undefined);
  const pickCountry = weightedPicker(
    countries,
    countries.map((_, k) => 1 / (k + 1) ** COUNTRY_ZIPF),
  );
  const pickType = weightedPicker(
    INSTITUTION_WEIGHTS.map(([t]) => t),
    INSTITUTION_WEIGHTS.map(([, w]) => w),
  );
  const pickCooperation = weightedPicker(
    BASE_COOPERATION.map(([t]) => t),
    BASE_COOPERATION.map(([, w]) => w),
  );

  // Institutions: type, country and a Pareto weight (tail exponent 1.5, degrees follow it).
  const drafts: Draft[] = [];
  for (let i = 0; i < n; i++) {
    const type = pickType(rnd());
    const stateless =
      (type === 'alliance' || type === 'international-organisation') && rnd() < STATELESS_SHARE;
    const country = stateless ? null : pickCountry(rnd());
    const weight = (1 - rnd()) ** (-1 / 1.5) * HUB_FACTOR[type];
    drafts.push({ country, type, weight });
  }

  const counters = new Map<string, number>();
  const nodes: NodeElement[] = drafts.map((d, i) => {
    const key = `${d.country ?? ''}/${d.type}`;
    const k = (counters.get(key) ?? 0) + 1;
    counters.set(key, k);
    const place = d.country ? getCountry(d.country) : undefined;
    const label = institutionName(d.type, place?.name ?? null, k);
    // Jitter within a few degrees of the centroid: enough to separate points on a map.
    const centre = countryCentroid(d.country);
    const lat = centre ? clamp(centre.lat + (rnd() + rnd() - 1) * 3, -89.9, 89.9) : null;
    const lon = centre ? clamp(centre.lon + (rnd() + rnd() - 1) * 3, -179.9, 179.9) : null;
    return {
      data: {
        id: `n${i}`,
        label,
        country: d.country,
        type: d.type,
        aliases: [acronym(label, k)],
        city: null,
        lat: lat === null ? null : round(lat, 3),
        lon: lon === null ? null : round(lon, 3),
      },
    };
  });

  // Chung–Lu wants max weight² ≤ total weight; twice that keeps hubs large but not universal.
  const cap = 2 * Math.sqrt(drafts.reduce((s, d) => s + d.weight, 0));
  for (const d of drafts) d.weight = Math.min(d.weight, cap);

  // Endpoint samplers: global, and per country for domestic partners.
  const all = cumulate(drafts.map((d) => d.weight));
  const byCountry = new Map<string, number[]>();
  drafts.forEach((d, i) => {
    if (!d.country) return;
    const list = byCountry.get(d.country) ?? [];
    list.push(i);
    byCountry.set(d.country, list);
  });
  const domestic = new Map<string, { members: number[]; cumulative: Float64Array }>();
  for (const [code, members] of byCountry) {
    const weights = members.map((i) => drafts[i]?.weight ?? 0);
    domestic.set(code, { members, cumulative: cumulate(weights) });
  }
  const partnerOf = (a: number): number => {
    const home = drafts[a]?.country;
    const pool = home ? domestic.get(home) : undefined;
    if (pool && pool.members.length > 1 && rnd() < 0.35) {
      return pool.members[search(pool.cumulative, rnd())] ?? 0;
    }
    return search(all, rnd());
  };

  const pairs = new Set<number>();
  const edgeEnds: [number, number][] = [];
  const addEdge = (a: number, pickB: () => number): void => {
    // Retries avoid self-links and, mostly, repeated pairs; a repeat after that is allowed
    // (two institutions can sign several agreements).
    let b = pickB();
    for (let tries = 0; tries < 20 && (b === a || pairs.has(pairKey(a, b, n))); tries++) {
      b = pickB();
    }
    if (b === a) b = (a + 1) % n;
    pairs.add(pairKey(a, b, n));
    edgeEnds.push([a, b]);
  };
  // Spanning pass: every institution has at least one agreement, as in a partnership register.
  for (let a = 0; a < n; a++) addEdge(a, () => partnerOf(a));
  while (edgeEnds.length < 3 * n) {
    const a = search(all, rnd());
    addEdge(a, () => partnerOf(a));
  }

  const edges: EdgeElement[] = edgeEnds.map(([a, b], j) => {
    const ta = drafts[a]?.type;
    const tb = drafts[b]?.type;
    // The first fifteen agreements take each cooperation type once, so even a small graph
    // exercises every legend entry and filter.
    const cooperation: CooperationType =
      COOPERATION_TYPES[j] ?? cooperationFor(ta, tb, rnd, pickCooperation);
    const { year, date } = dateFor(rnd);
    const nameA = nodes[a]?.data.aliases[0] ?? `n${a}`;
    const nameB = nodes[b]?.data.aliases[0] ?? `n${b}`;
    const id = `e${j}`;
    const data: AgreementData = {
      id,
      source: `n${a}`,
      target: `n${b}`,
      cooperation,
      year,
      date,
      description: rnd() < DESCRIBED_SHARE ? COOPERATION_INFO[cooperation].label : '',
      agreement: id,
      evidence: [
        { quote: `${nameA} and ${nameB} ${QUOTE[cooperation]}${year ? ` in ${year}` : ''}.` },
      ],
    };
    return { data };
  });

  placeByCountry(nodes, drafts);

  return {
    data: {
      title: `Synthetic partnership graph (${n.toLocaleString('en')} institutions, seed ${seed})`,
      description:
        'Generated by scripts/bench/generate.ts for the benchmark; institutions and agreements are fictitious.',
      sources: [],
    },
    elements: { nodes, edges },
  };
}

function cooperationFor(
  a: InstitutionType | undefined,
  b: InstitutionType | undefined,
  rnd: () => number,
  pick: (u: number) => CooperationType,
): CooperationType {
  const either = (t: InstitutionType) => a === t || b === t;
  if (either('alliance') && rnd() < 0.7) return 'alliance-membership';
  if (either('company') && rnd() < 0.7) return 'industry-partnership';
  if ((either('international-organisation') || either('academy')) && rnd() < 0.3) {
    return 'affiliation';
  }
  return pick(rnd());
}

function dateFor(rnd: () => number): { year: number | null; date: string | null } {
  if (rnd() < UNDATED_SHARE) return { year: null, date: null };
  // More agreements in recent years, as in real registers: u^0.6 leans towards 1.
  const span = LAST_YEAR - FIRST_YEAR + 1;
  const year = Math.min(LAST_YEAR, FIRST_YEAR + Math.floor(span * rnd() ** 0.6));
  const precision = rnd();
  const month = 1 + Math.floor(rnd() * 12);
  const day = 1 + Math.floor(rnd() * 28);
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  const date =
    precision < 0.4 ? `${year}` : precision < 0.7 ? `${year}-${mm}` : `${year}-${mm}-${dd}`;
  return { year, date };
}

/**
 * A sunflower disc per country (heaviest institutions in the middle), discs packed in rows,
 * largest first, the whole centred on the origin. Linear time, no simulation.
 */
function placeByCountry(nodes: NodeElement[], drafts: Draft[]): void {
  const groups = new Map<string, number[]>();
  drafts.forEach((d, i) => {
    const key = d.country ?? '';
    const list = groups.get(key) ?? [];
    list.push(i);
    groups.set(key, list);
  });
  const discs = [...groups.entries()]
    .map(([key, members]) => ({
      key,
      members: members.sort((a, b) => (drafts[b]?.weight ?? 0) - (drafts[a]?.weight ?? 0)),
      radius: SPACING * 0.62 * Math.sqrt(Math.max(members.length - 1, 0)) + SPACING,
    }))
    .sort((a, b) => b.members.length - a.members.length || a.key.localeCompare(b.key));
  const area = discs.reduce((s, d) => s + (2 * d.radius) ** 2, 0);
  const rowLimit = Math.max(Math.sqrt(area) * 1.3, 2 * (discs[0]?.radius ?? SPACING));
  const gap = SPACING * 2;
  const centres: Position[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const d of discs) {
    if (x > 0 && x + 2 * d.radius > rowLimit) {
      x = 0;
      y += rowHeight + gap;
      rowHeight = 0;
    }
    centres.push({ x: x + d.radius, y: y + d.radius });
    x += 2 * d.radius + gap;
    rowHeight = Math.max(rowHeight, 2 * d.radius);
  }
  const width = rowLimit;
  const height = y + rowHeight;
  discs.forEach((d, k) => {
    const c = centres[k] ?? { x: 0, y: 0 };
    d.members.forEach((i, rank) => {
      const r = SPACING * 0.62 * Math.sqrt(rank);
      const node = nodes[i];
      if (!node) return;
      node.position = {
        x: round(c.x - width / 2 + r * Math.cos(rank * GOLDEN_ANGLE), 1),
        y: round(c.y - height / 2 + r * Math.sin(rank * GOLDEN_ANGLE), 1),
      };
    });
  });
}

function pairKey(a: number, b: number, n: number): number {
  return a < b ? a * n + b : b * n + a;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
