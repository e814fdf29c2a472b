// The URL is the view: decodeView / encodeView / cleanState, one test per rule.
import { describe, expect, it } from 'vitest';
import {
  APP_KEYS,
  cleanState,
  decodeView,
  DEFAULT_FILTERS,
  DEFAULT_VIEW,
  encodeView,
  type ViewState,
} from '../../src/filters';
import { miniGraph, validOrThrow } from './helpers/miniGraph';

function view(patch: Partial<ViewState>, filters: Partial<ViewState['filters']> = {}): ViewState {
  return { ...DEFAULT_VIEW, ...patch, filters: { ...DEFAULT_FILTERS, ...filters } };
}

function decodeClean(query: string): ViewState {
  const { state, notices } = decodeView(query);
  expect(notices).toEqual([]);
  return state;
}

describe('decodeView and encodeView round-trip each key', () => {
  it.each<{ query: string; state: ViewState }>([
    { query: 'countries=DE,GB', state: view({}, { countries: ['DE', 'GB'] }) },
    { query: 'years=2010-2024', state: view({}, { years: [2010, 2024] }) },
    { query: 'years=2015', state: view({}, { years: [2015, 2015] }) },
    { query: 'undated=0', state: view({}, { undated: false }) },
    { query: 'types=mou,research', state: view({}, { types: ['mou', 'research'] }) },
    { query: 'kinds=university,company', state: view({}, { kinds: ['university', 'company'] }) },
    { query: 'isolated=1', state: view({}, { hideIsolated: false }) },
    { query: 'focus=cn-uni', state: view({ focus: 'cn-uni' }) },
    { query: 'agreement=exch-cnuni-hkuni', state: view({ agreement: 'exch-cnuni-hkuni' }) },
    { query: 'hops=2', state: view({ hops: 2 }) },
    { query: 'layout=map', state: view({ layout: 'map' }) },
    { query: 'color=type', state: view({ color: 'type' }) },
    { query: 'q=jiao+tong', state: view({ search: 'jiao tong' }) },
    { query: 'view=table', state: view({ panel: 'table' }) },
  ])('$query', ({ query, state }) => {
    expect(decodeClean(query)).toEqual(state);
    expect(encodeView(state)).toBe(query);
  });

  it.each([
    { query: 'countries=GB,DE', canonical: 'countries=DE,GB' },
    { query: 'types=research,mou', canonical: 'types=mou,research' },
    { query: 'kinds=company,university', canonical: 'kinds=university,company' },
  ])('lists are written in a fixed order: $query → $canonical', ({ query, canonical }) => {
    expect(encodeView(decodeClean(query))).toBe(canonical);
    expect(encodeView(decodeClean(canonical))).toBe(canonical);
  });

  it.each([
    { query: 'undated=1', key: 'undated' },
    { query: 'isolated=0', key: 'isolated' },
    { query: 'hops=1', key: 'hops' },
    { query: 'layout=force', key: 'layout' },
    { query: 'color=region', key: 'color' },
    { query: 'view=graph', key: 'view' },
  ])('a default value is read but not written: $query', ({ query }) => {
    expect(decodeClean(query)).toEqual(DEFAULT_VIEW);
    expect(encodeView(decodeClean(query))).toBe('');
  });

  it('the default view encodes as an empty string', () => {
    expect(encodeView(DEFAULT_VIEW)).toBe('');
  });

  it('writes readable commas, not %2C', () => {
    const s = encodeView(
      view({ search: 'a,b' }, { countries: ['GB', 'DE', 'CN'], types: ['mou', 'visit'] }),
    );
    expect(s).toBe('countries=CN,DE,GB&types=mou,visit&q=a,b');
    expect(s).not.toMatch(/%2C/i);
    expect(decodeView(s).state.search).toBe('a,b');
  });

  it('writes keys in a fixed order whatever the state was built from', () => {
    const state = view(
      {
        focus: 'cn-uni',
        agreement: 'exch-cnuni-hkuni',
        hops: 2,
        layout: 'country',
        color: 'country',
        search: 'uni',
        panel: 'table',
      },
      {
        countries: ['HK', 'CN'],
        years: [2010, 2020],
        undated: false,
        types: ['exchange', 'mou'],
        kinds: ['company', 'university'],
        hideIsolated: false,
      },
    );
    const s = encodeView(state);
    expect([...new URLSearchParams(s).keys()]).toEqual([
      'countries',
      'years',
      'undated',
      'types',
      'kinds',
      'isolated',
      'focus',
      'agreement',
      'hops',
      'layout',
      'color',
      'q',
      'view',
    ]);
    expect(decodeClean(s)).toEqual({
      ...state,
      filters: {
        ...state.filters,
        countries: ['CN', 'HK'],
        types: ['mou', 'exchange'],
        kinds: ['university', 'company'],
      },
    });
  });
});

describe('decodeView drops each invalid value with a notice, never throwing', () => {
  it.each<{ name: string; query: string; expected: ViewState; notice: string }>([
    {
      name: 'an unknown country code',
      query: 'countries=GB,XX',
      expected: view({}, { countries: ['GB'] }),
      notice: 'XX',
    },
    {
      name: 'a name instead of a code',
      query: 'countries=UK',
      expected: DEFAULT_VIEW,
      notice: 'UK',
    },
    { name: 'a malformed year', query: 'years=20x0', expected: DEFAULT_VIEW, notice: 'years' },
    { name: 'an open range', query: 'years=2010-', expected: DEFAULT_VIEW, notice: 'years' },
    { name: 'a two-digit year', query: 'years=15', expected: DEFAULT_VIEW, notice: 'years' },
    { name: 'undated=yes', query: 'undated=yes', expected: DEFAULT_VIEW, notice: 'undated' },
    { name: 'isolated=true', query: 'isolated=true', expected: DEFAULT_VIEW, notice: 'isolated' },
    {
      name: 'an unknown cooperation type',
      query: 'types=mou,unknown',
      expected: view({}, { types: ['mou'] }),
      notice: 'unknown',
    },
    {
      name: 'an unknown institution kind',
      query: 'kinds=club',
      expected: DEFAULT_VIEW,
      notice: 'club',
    },
    { name: 'hops=3', query: 'hops=3', expected: DEFAULT_VIEW, notice: 'hops' },
    { name: 'layout=circle', query: 'layout=circle', expected: DEFAULT_VIEW, notice: 'circle' },
    { name: 'color=rainbow', query: 'color=rainbow', expected: DEFAULT_VIEW, notice: 'rainbow' },
    { name: 'view=chart', query: 'view=chart', expected: DEFAULT_VIEW, notice: 'chart' },
    { name: 'an unknown key', query: 'zoom=3', expected: DEFAULT_VIEW, notice: 'zoom' },
  ])('$name ($query)', ({ query, expected, notice }) => {
    const decoded = decodeView(query);
    expect(decoded.state).toEqual(expected);
    expect(decoded.notices).toHaveLength(1);
    expect(decoded.notices[0]).toContain(notice);
  });

  // A reversed range has one sensible reading; it is taken, and the notice says so.
  it('a reversed year range is read in order, with a notice', () => {
    const decoded = decodeView('years=2024-2010');
    expect(decoded.state.filters.years).toEqual([2010, 2024]);
    expect(decoded.notices).toHaveLength(1);
    expect(decoded.notices[0]).toContain('years');
  });

  it('normalises lower-case country codes without a notice', () => {
    expect(decodeClean('countries=gb,de').filters.countries).toEqual(['GB', 'DE']);
  });

  it.each([
    { key: 'countries', filler: 'X' },
    { key: 'years', filler: '9' },
    { key: 'layout', filler: 'a' },
    { key: 'hops', filler: '2' },
    { key: 'types', filler: 'z' },
  ])('an overly long $key value is dropped with a short notice', ({ key, filler }) => {
    const decoded = decodeView(`${key}=${filler.repeat(100_000)}`);
    expect(decoded.state).toEqual(DEFAULT_VIEW);
    expect(decoded.notices).toHaveLength(1);
    expect(decoded.notices[0]?.length).toBeLessThan(200);
  });

  it('an overly long unknown key gives a short notice', () => {
    const decoded = decodeView(`${'k'.repeat(100_000)}=1`);
    expect(decoded.state).toEqual(DEFAULT_VIEW);
    expect(decoded.notices).toHaveLength(1);
    expect(decoded.notices[0]?.length).toBeLessThan(200);
  });

  it('an overly long search or id is cut short, not kept whole', () => {
    const long = 'a'.repeat(100_000);
    const { state } = decodeView(`q=${long}&focus=${long}&agreement=${long}`);
    expect(state.search.length).toBeLessThanOrEqual(200);
    expect(state.focus?.length ?? 0).toBeLessThanOrEqual(2_000);
    expect(state.agreement?.length ?? 0).toBeLessThanOrEqual(2_000);
  });

  it.each([
    '%',
    '%E0%A4%A',
    '&&&==',
    '?countries',
    'countries=,,,',
    '__proto__=1&constructor=x',
    'years=99999-1',
    'focus=&agreement=',
  ])('never throws: %s', (query) => {
    expect(() => decodeView(query)).not.toThrow();
  });
});

describe('app keys', () => {
  it.each(APP_KEYS)('decodeView ignores %s without a notice', (key) => {
    const decoded = decodeView(`${key}=x.json&countries=GB`);
    expect(decoded.notices).toEqual([]);
    expect(decoded.state).toEqual(view({}, { countries: ['GB'] }));
  });

  it('encodeView preserves them through its extra parameter, first, empty ones left out', () => {
    const state = view({}, { countries: ['GB'] });
    expect(encodeView(state, { graph: 'x.json', embed: '1', controls: '' })).toBe(
      'graph=x.json&embed=1&countries=GB',
    );
    const back = decodeView('graph=x.json&embed=1&countries=GB');
    expect(back.state).toEqual(state);
  });
});

describe('cleanState fits a view to a graph', () => {
  // The mini graph's institutions are from GB, DE, CN and HK; its dated agreements span 2010-2024.
  const clean = (state: ViewState) => cleanState(state, miniGraph());

  it('keeps what the graph has, without notices', () => {
    const state = view(
      { focus: 'cn-uni', agreement: 'exch-cnuni-hkuni' },
      { countries: ['GB', 'HK'], years: [2012, 2020], types: ['mou'], kinds: ['company'] },
    );
    expect(clean(state)).toEqual({ state, notices: [] });
  });

  it('drops countries no institution is from, with a notice', () => {
    const r = clean(view({}, { countries: ['GB', 'FR'] }));
    expect(r.state.filters.countries).toEqual(['GB']);
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]).toContain('FR');
  });

  it.each<{ years: [number, number]; expected: [number, number] }>([
    { years: [2000, 2015], expected: [2010, 2015] },
    { years: [2015, 2030], expected: [2015, 2024] },
  ])('clamps years $years to the data, $expected, with a notice', ({ years, expected }) => {
    const r = clean(view({}, { years }));
    expect(r.state.filters.years).toEqual(expected);
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]).toContain('clamped');
  });

  it.each<[number, number]>([
    [1990, 2000],
    [2025, 2030],
  ])('drops years %i-%i entirely outside the data, with a notice', (a, b) => {
    const r = clean(view({}, { years: [a, b] }));
    expect(r.state.filters.years).toBeNull();
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]).toContain('outside');
  });

  it('a range equal to the full extent becomes null, without a notice', () => {
    const r = clean(view({}, { years: [2010, 2024] }));
    expect(r.state.filters.years).toBeNull();
    expect(r.notices).toEqual([]);
  });

  it('a range wider than the data becomes null once clamped', () => {
    const r = clean(view({}, { years: [1900, 2100] }));
    expect(r.state.filters.years).toBeNull();
    expect(r.notices).toHaveLength(1);
  });

  it('drops a year range when no agreement is dated, with a notice', () => {
    const raw = {
      elements: {
        nodes: [
          { data: { id: 'a', label: 'A', type: 'university' } },
          { data: { id: 'b', label: 'B', type: 'university' } },
        ],
        edges: [{ data: { id: 'ab', source: 'a', target: 'b', cooperation: 'mou' } }],
      },
    };
    const r = cleanState(view({}, { years: [2010, 2020] }), validOrThrow(raw));
    expect(r.state.filters.years).toBeNull();
    expect(r.notices).toHaveLength(1);
  });

  it.each([
    { name: 'focus', patch: { focus: 'nowhere' }, dropped: { focus: null } },
    { name: 'agreement', patch: { agreement: 'no-such-edge' }, dropped: { agreement: null } },
    {
      name: 'focus given an edge id',
      patch: { focus: 'exch-cnuni-hkuni' },
      dropped: { focus: null },
    },
    {
      name: 'agreement given a node id',
      patch: { agreement: 'cn-uni' },
      dropped: { agreement: null },
    },
  ])('drops an unknown $name id with a notice', ({ patch, dropped }) => {
    const r = clean(view(patch));
    expect(r.state).toEqual(view(dropped));
    expect(r.notices).toHaveLength(1);
  });

  it('does not mutate its input', () => {
    const state = view({ focus: 'nowhere' }, { countries: ['FR', 'GB'], years: [1900, 2015] });
    const copy = structuredClone(state);
    clean(state);
    expect(state).toEqual(copy);
  });
});
