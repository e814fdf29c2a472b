// The URL is the view. Readable keys (countries=GB,DE&years=2010-2024), decoded leniently:
// anything unknown or malformed is dropped with a notice, never thrown.

import {
  COOPERATION_TYPES,
  INSTITUTION_TYPES,
  isCooperationType,
  isCountryCode,
  isInstitutionType,
  type CooperationType,
  type GraphData,
  type InstitutionType,
} from '../model';
import { DEFAULT_FILTERS, type Filters } from './applyFilters';
import { indexGraph } from './graphIndex';

export const LAYOUTS = ['force', 'concentric', 'country', 'map'] as const;
export type LayoutName = (typeof LAYOUTS)[number];
export const COLOR_MODES = ['region', 'country', 'type'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];
export const PANELS = ['graph', 'table'] as const;
export type Panel = (typeof PANELS)[number];

export interface ViewState {
  filters: Filters;
  /** Selected institution: highlighted with its partners, its details open. */
  focus: string | null;
  /** Selected agreement (edge id), its details open. */
  agreement: string | null;
  /** Second institution: the shortest chain from `focus` to it is highlighted. */
  path: string | null;
  hops: 1 | 2;
  layout: LayoutName;
  color: ColorMode;
  search: string;
  panel: Panel;
  /** Country groups opened in the grouped view of a big graph ("none": no country), in order. */
  expanded: string[];
}

export const DEFAULT_VIEW: ViewState = {
  filters: DEFAULT_FILTERS,
  focus: null,
  agreement: null,
  path: null,
  hops: 1,
  layout: 'force',
  color: 'region',
  search: '',
  panel: 'graph',
  expanded: [],
};

/** Keys that are not part of the view but of how the page is opened. */
export const APP_KEYS = ['graph', 'dataset', 'embed', 'controls', 'renderer'] as const;
/** Keys of the view, in the order links write them. */
export const VIEW_KEYS = [
  'countries',
  'years',
  'undated',
  'types',
  'kinds',
  'isolated',
  'focus',
  'agreement',
  'path',
  'hops',
  'layout',
  'color',
  'q',
  'view',
  'expand',
] as const;

const MAX_LIST = 500;
const MAX_VALUE = 2_000;

function list(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .slice(0, MAX_LIST);
}

function oneOf<T extends string>(options: readonly T[], v: string): v is T {
  return (options as readonly string[]).includes(v);
}

export interface Decoded {
  state: ViewState;
  notices: string[];
}

/** Reads a query string into a view state; unknown keys and values become notices. */
export function decodeView(search: string): Decoded {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const filters: Filters = { ...DEFAULT_FILTERS };
  const state: ViewState = { ...DEFAULT_VIEW, filters };
  const bad = (key: string, value: string, why: string) =>
    notices.push(`Ignored ${key}=${value.slice(0, 60)}: ${why}.`);

  for (const [key, rawValue] of params) {
    if (oneOf(APP_KEYS, key)) continue;
    const value = rawValue.slice(0, MAX_VALUE);
    if (!oneOf(VIEW_KEYS, key)) {
      notices.push(`Ignored unknown link parameter "${key.slice(0, 40)}".`);
      continue;
    }
    switch (key) {
      case 'countries': {
        const codes = list(value).map((c) => c.toUpperCase());
        const unknown = codes.filter((c) => !isCountryCode(c));
        if (unknown.length) bad(key, unknown.join(','), 'not ISO 3166-1 alpha-2 country codes');
        filters.countries = [...new Set(codes.filter(isCountryCode))];
        break;
      }
      case 'years': {
        const m = /^(\d{4})(?:-(\d{4}))?$/.exec(value.trim());
        if (!m) {
          bad(key, value, 'expected a year or a range such as 2010-2024');
          break;
        }
        const a = Number(m[1]);
        const b = Number(m[2] ?? m[1]);
        if (a > b) notices.push(`Read years=${value.slice(0, 20)} as ${b}-${a}.`);
        filters.years = a <= b ? [a, b] : [b, a];
        break;
      }
      case 'undated':
      case 'isolated': {
        if (key === 'undated' && value === 'only') {
          filters.undated = true;
          filters.onlyUndated = true;
          break;
        }
        if (value !== '0' && value !== '1') {
          bad(key, value, 'expected 0 or 1');
          break;
        }
        if (key === 'undated') filters.undated = value === '1';
        else filters.hideIsolated = value === '0';
        break;
      }
      case 'types': {
        const items = list(value);
        const unknown = items.filter((t) => !isCooperationType(t));
        if (unknown.length) bad(key, unknown.join(','), 'not cooperation types');
        filters.types = [...new Set(items.filter(isCooperationType))];
        break;
      }
      case 'kinds': {
        const items = list(value);
        const unknown = items.filter((t) => !isInstitutionType(t));
        if (unknown.length) bad(key, unknown.join(','), 'not institution types');
        filters.kinds = [...new Set(items.filter(isInstitutionType))];
        break;
      }
      case 'focus':
        state.focus = value || null;
        break;
      case 'agreement':
        state.agreement = value || null;
        break;
      case 'path':
        state.path = value || null;
        break;
      case 'hops':
        if (value === '1' || value === '2') state.hops = value === '1' ? 1 : 2;
        else bad(key, value, 'expected 1 or 2');
        break;
      case 'layout':
        if (oneOf(LAYOUTS, value)) state.layout = value;
        else bad(key, value, `expected one of ${LAYOUTS.join(', ')}`);
        break;
      case 'color':
        if (oneOf(COLOR_MODES, value)) state.color = value;
        else bad(key, value, `expected one of ${COLOR_MODES.join(', ')}`);
        break;
      case 'q':
        state.search = value.slice(0, 200);
        break;
      case 'view':
        if (oneOf(PANELS, value)) state.panel = value;
        else bad(key, value, `expected one of ${PANELS.join(', ')}`);
        break;
      case 'expand': {
        const items = list(value).map((c) => (c === 'none' ? c : c.toUpperCase()));
        const unknown = items.filter((c) => c !== 'none' && !isCountryCode(c));
        if (unknown.length) bad(key, unknown.join(','), 'not country codes or "none"');
        state.expanded = [...new Set(items.filter((c) => c === 'none' || isCountryCode(c)))];
        break;
      }
    }
  }
  return { state, notices };
}

/** Writes the view as a query string: only what differs from the default, in a fixed order. */
export function encodeView(state: ViewState, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(extra)) if (v !== '') p.set(k, v);
  const f = state.filters;
  if (f.countries.length) p.set('countries', [...f.countries].sort().join(','));
  if (f.years) p.set('years', f.years[0] === f.years[1] ? `${f.years[0]}` : f.years.join('-'));
  if (f.onlyUndated) p.set('undated', 'only');
  else if (!f.undated) p.set('undated', '0');
  if (f.types.length) p.set('types', sortBy(f.types, COOPERATION_TYPES).join(','));
  if (f.kinds.length) p.set('kinds', sortBy(f.kinds, INSTITUTION_TYPES).join(','));
  if (!f.hideIsolated) p.set('isolated', '1');
  if (state.focus) p.set('focus', state.focus);
  if (state.agreement) p.set('agreement', state.agreement);
  if (state.path) p.set('path', state.path);
  if (state.hops !== DEFAULT_VIEW.hops) p.set('hops', String(state.hops));
  if (state.layout !== DEFAULT_VIEW.layout) p.set('layout', state.layout);
  if (state.color !== DEFAULT_VIEW.color) p.set('color', state.color);
  if (state.search) p.set('q', state.search);
  if (state.panel !== DEFAULT_VIEW.panel) p.set('view', state.panel);
  if (state.expanded.length) p.set('expand', state.expanded.join(','));
  // Commas read better than %2C in a shared link, and are safe in a query.
  return p.toString().replace(/%2C/g, ',');
}

function sortBy<T extends string>(items: readonly T[], order: readonly T[]): T[] {
  return [...items].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/**
 * Fits a decoded view to a graph: countries that no institution has, ids that do not exist and
 * years outside the data are dropped or clamped, each with a notice.
 */
export function cleanState(state: ViewState, graph: GraphData): Decoded {
  const index = indexGraph(graph);
  const notices: string[] = [];
  const present = new Set<string>();
  for (const n of index.nodes.values()) if (n.country) present.add(n.country);
  const f = state.filters;
  const countries = f.countries.filter((c) => present.has(c));
  const absent = f.countries.filter((c) => !present.has(c));
  if (absent.length) {
    notices.push(`No institution in this graph is from ${absent.join(', ')}; filter dropped.`);
  }
  let years = f.years;
  if (years) {
    const ext = index.yearExtent;
    if (!ext) {
      notices.push('No agreement in this graph has a year; year filter dropped.');
      years = null;
    } else {
      const a = Math.max(years[0], ext[0]);
      const b = Math.min(years[1], ext[1]);
      if (a > b) {
        notices.push(
          `Years ${years.join('-')} lie outside the data (${ext.join('-')}); year filter dropped.`,
        );
        years = null;
      } else if (a !== years[0] || b !== years[1]) {
        notices.push(`Years ${years.join('-')} clamped to the data's range, ${a}-${b}.`);
        years = [a, b];
      }
      if (years && years[0] === ext[0] && years[1] === ext[1]) years = null;
    }
  }
  let focus = state.focus;
  if (focus !== null && !index.nodes.has(focus)) {
    notices.push(`No institution with id "${focus.slice(0, 60)}"; focus dropped.`);
    focus = null;
  }
  let agreement = state.agreement;
  if (agreement !== null && !index.edges.has(agreement)) {
    notices.push(`No agreement with id "${agreement.slice(0, 60)}"; selection dropped.`);
    agreement = null;
  }
  let path = state.path;
  if (path !== null && (focus === null || !index.nodes.has(path))) {
    if (focus !== null)
      notices.push(`No institution with id "${path.slice(0, 60)}"; path dropped.`);
    path = null;
  }
  // Groups of countries no institution has are dropped quietly: opening them shows nothing.
  const expanded = state.expanded.filter((k) => (k === 'none' ? true : present.has(k)));
  const kinds: InstitutionType[] = f.kinds;
  const types: CooperationType[] = f.types;
  return {
    state: {
      ...state,
      focus,
      agreement,
      path,
      expanded,
      filters: { ...f, countries, years, kinds, types },
    },
    notices,
  };
}
