// The UI state and its one home, the URL. Everything a person would want to
// reload, bookmark or share lives here: the query, filters, date range, sort,
// page, whether copies of a story are grouped, and the open article or story.
//
//   ?q=sanctions&country=FR&country=DE&any=country&from=2024-01&to=2024-03
//    &sort=date&page=2&copies=all&doc=abc123   (or &story=abc123)
//
// Copies are grouped by default (one hit per story); copies=all lists every
// article.
//
// The analyst views live here too: &entity=person:joe-biden (its panel is
// open), &compare=ukraine (repeated, at most MAX_COMPARE lines beside the
// query), &heatmap=1, &measure=count (raw counts instead of the share of all
// articles, the default) and &rank=significance (co-mentions by G²).

import { FILTER_FIELDS } from './api.js';

export const SORTS = ['relevance', 'date', 'date_asc'];
export const MAX_COMPARE = 4; // /api/timeline takes 5 queries: the search's and 4 more
const ENTITY_RE = /^[a-z_]+:.+$/;
const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** No filter values: an empty list per filter field (the server's, see api.js). */
function noFilters() {
  return Object.fromEntries(FILTER_FIELDS.map((field) => [field, []]));
}

export function emptyState() {
  return { q: '', ...noFilters(), any: [], from: '', to: '', sort: 'relevance', page: 1, copies: false, doc: '', story: '',
    entity: '', compare: [], heatmap: false, raw: false, rank: 'count' };
}

export function isValidDate(value) {
  return DATE_RE.test(value);
}

function unique(values) {
  return [...new Set(values.filter((v) => v !== ''))];
}

/** Parses a location's query string into a state; ignores junk. */
export function stateFromUrl(search) {
  const params = new URLSearchParams(search);
  const state = emptyState();
  state.q = params.get('q') || '';
  for (const field of FILTER_FIELDS) state[field] = unique(params.getAll(field));
  state.any = unique(params.getAll('any')).filter((f) => FILTER_FIELDS.includes(f));
  const from = params.get('from') || '';
  const to = params.get('to') || '';
  state.from = isValidDate(from) ? from : '';
  state.to = isValidDate(to) ? to : '';
  const sort = params.get('sort');
  state.sort = SORTS.includes(sort) ? sort : 'relevance';
  const page = Number.parseInt(params.get('page') || '1', 10);
  state.page = Number.isFinite(page) && page > 1 ? Math.min(page, 10000) : 1;
  state.copies = params.get('copies') === 'all';
  state.doc = params.get('doc') || '';
  state.story = state.doc ? '' : params.get('story') || '';
  const entity = params.get('entity') || '';
  state.entity = ENTITY_RE.test(entity) ? entity : '';
  state.compare = unique(params.getAll('compare').map((q) => q.trim())).slice(0, MAX_COMPARE);
  state.heatmap = params.get('heatmap') === '1';
  state.raw = params.get('measure') === 'count';
  state.rank = params.get('rank') === 'significance' ? 'significance' : 'count';
  return state;
}

/** The query string ("?…" or "") for a state; defaults are left out. */
export function urlFromState(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const field of FILTER_FIELDS) for (const v of state[field]) params.append(field, v);
  for (const field of state.any) params.append('any', field);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.copies) params.set('copies', 'all');
  if (state.doc) params.set('doc', state.doc);
  else if (state.story) params.set('story', state.story);
  if (state.entity) params.set('entity', state.entity);
  for (const q of state.compare) params.append('compare', q);
  if (state.heatmap) params.set('heatmap', '1');
  if (state.raw) params.set('measure', 'count');
  if (state.rank !== 'count') params.set('rank', state.rank);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** A copy of the state with `changes` applied. */
export function withChanges(state, changes) {
  const next = { ...state };
  for (const field of [...FILTER_FIELDS, 'any', 'compare']) next[field] = [...state[field]];
  return Object.assign(next, changes);
}

/** A copy of the state without filters or dates, on its first page. */
export function withoutFilters(state) {
  return withChanges(state, { ...noFilters(), any: [], from: '', to: '', page: 1 });
}

/** The state without what only changes the views around the results. */
function searchPart(s) {
  return { ...s, doc: '', story: '', entity: '', compare: [], heatmap: false, raw: false, rank: 'count' };
}

/** True when two states ask the server for the same search (ignores doc, story and the views). */
export function sameSearch(a, b) {
  if (!a || !b) return false;
  return urlFromState(searchPart(a)) === urlFromState(searchPart(b));
}

/** The entity of `entity=FIELD:VALUE` as {field, value}, or null. */
export function entityOf(state) {
  if (!state.entity) return null;
  const i = state.entity.indexOf(':');
  return { field: state.entity.slice(0, i), value: state.entity.slice(i + 1) };
}

/** A state's href, for links that open in a new tab with the same state. */
export function hrefFor(state) {
  return `${window.location.pathname}${urlFromState(state)}`;
}
