// The public HTTP API of chancery-searchd, and nothing else.

export class ApiError extends Error {
  constructor(status, code, message, param) {
    super(message || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;   // HTTP status, 0 when the server was unreachable
    this.code = code || '';
    this.param = param || '';
  }
}

async function getJson(path, params, signal) {
  const url = new URL(path, window.location.origin);
  if (params) {
    for (const [key, value] of params) url.searchParams.append(key, value);
  }
  let response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new ApiError(0, 'unreachable', 'The search server could not be reached.');
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const e = body && body.error ? body.error : {};
    throw new ApiError(response.status, e.code, e.message || `The server answered ${response.status} ${response.statusText}.`, e.param);
  }
  if (body === null) throw new ApiError(response.status, 'bad_response', 'The server sent an answer the page could not read.');
  return body;
}

// The facet and filter fields come from the server's field registry
// (GET /api/schema), so the page has no list of its own. loadSchema() fills
// these before the page reads them; they stay empty when it fails, and the
// searches then report what is wrong.
export let FIELDS = [];        // every field, in the server's order
export let FILTER_FIELDS = []; // names of the fields with a filter parameter
export let FACET_FIELDS = [];  // names of the fields counted in the sidebar
export let ENTITY_FIELDS = []; // fields listed on hits, e.g. {hit_key: 'countries', hit_id_key: 'code'}

/** Reads the fields from the server into FIELDS and the lists above. */
export async function loadSchema(signal) {
  const data = await getJson('/api/schema', null, signal);
  FIELDS = Array.isArray(data.fields) ? data.fields : [];
  FILTER_FIELDS = FIELDS.filter((f) => f.filter).map((f) => f.name);
  FACET_FIELDS = FILTER_FIELDS;
  ENTITY_FIELDS = FIELDS.filter((f) => f.kind === 'entity' && f.hit_key);
}

/** The field named `name` ({name, label, plural_label, kind, ...}), or undefined. */
export function fieldSpec(name) {
  return FIELDS.find((f) => f.name === name);
}

/** The date field, or undefined. */
export function dateField() {
  return FIELDS.find((f) => f.kind === 'date');
}

/** Query parameters of /api/search for a UI state (see state.js). */
/**
 * What selects the articles of a UI state, as query parameters: the filters,
 * `any`, `from` and `to`, and `q` unless `withQuery` is false (the timeline
 * sends its queries as repeated `q`).
 */
export function selectionParams(state, { withQuery = true } = {}) {
  const p = [];
  if (withQuery) p.push(['q', state.q || '']);
  for (const field of FILTER_FIELDS) for (const v of state[field]) p.push([field, v]);
  for (const field of state.any) p.push(['any', field]);
  if (state.from) p.push(['from', state.from]);
  if (state.to) p.push(['to', state.to]);
  return p;
}

export function searchParams(state, { size = 10, facetSize = 10 } = {}) {
  const p = selectionParams(state);
  if (state.sort && state.sort !== 'relevance') p.push(['sort', state.sort]);
  if (state.page > 1) p.push(['page', String(state.page)]);
  // Grouped by default: one hit per story, and the counts count stories.
  if (!state.copies) p.push(['collapse', 'story']);
  p.push(['size', String(size)]);
  p.push(['facets', FIELDS.map((f) => f.name).join(',')]);
  p.push(['facet_size', String(facetSize)]);
  p.push(['interval', 'auto']);
  return p;
}

/**
 * The absolute URL of the Atom feed of a UI state's search (GET /api/feed):
 * what selects articles (q, filters, any, dates), newest first, so that a
 * feed reader follows the search. Sort and page are the page's, not the
 * feed's.
 */
export function feedUrl(state) {
  const url = new URL('/api/feed', window.location.origin);
  for (const [key, value] of selectionParams(state)) if (key !== 'q' || value) url.searchParams.append(key, value);
  return url.href;
}

/**
 * The facets of a search answer as {name: [{value,label,count}]}, whether
 * the server sends that map, a map of {values: [...]}, or a list of
 * {name, values}.
 */
export function normalizeFacets(facets) {
  const out = {};
  if (Array.isArray(facets)) {
    for (const f of facets) if (f && f.name) out[f.name] = Array.isArray(f.values) ? f.values : [];
  } else if (facets && typeof facets === 'object') {
    for (const [name, f] of Object.entries(facets)) out[name] = Array.isArray(f) ? f : Array.isArray(f?.values) ? f.values : [];
  }
  return out;
}

export async function search(state, options, signal) {
  const data = await getJson('/api/search', searchParams(state, options), signal);
  data.facets = normalizeFacets(data.facets);
  if (!Array.isArray(data.hits)) data.hits = [];
  data.total = Number(data.total) || 0;
  return data;
}

/** The whole article; with a query `q`, `highlights` marks its matches. */
export function getDoc(id, q, signal) {
  return getJson(`/api/doc/${encodeURIComponent(id)}`, q && q.trim() ? [['q', q]] : null, signal);
}

/** Every version of a story, oldest first, with the sentences each added. */
export function getStory(id, signal) {
  return getJson(`/api/story/${encodeURIComponent(id)}`, null, signal);
}

export function getSimilar(id, signal) {
  return getJson(`/api/doc/${encodeURIComponent(id)}/similar`, null, signal);
}

/** Values of a facet by prefix; `byStory` counts stories, as grouped searches do. */
export function facetValues(name, prefix, q, byStory, signal) {
  const params = [['prefix', prefix], ['q', q || '']];
  if (byStory) params.push(['collapse', 'story']);
  return getJson(`/api/facet/${encodeURIComponent(name)}`, params, signal);
}

export function stats(signal) {
  return getJson('/api/stats', null, signal);
}

// --- Analyst views (GET /api/comentions, /api/timeline, /api/bursts, /api/terms)

/** `extra` ([key, value] pairs) added to a state's selection, e.g. an entity as a filter. */
function withExtra(state, extra, options) {
  return [...selectionParams(state, options), ...extra];
}

/** The values of `field` the state's matches mention, with `with` (FIELD:VALUE) when given. */
export function comentions(state, { field, withValue = '', sort = 'count', size = 8 }, signal) {
  const extra = [['field', field], ['sort', sort], ['size', String(size)]];
  if (withValue) extra.push(['with', withValue]);
  return getJson('/api/comentions', withExtra(state, extra), signal);
}

/** The `rows` × `against` matrix of co-mentions over the state's matches. */
export function comentionMatrix(state, { rows = 'person', against = 'country', size = 10 } = {}, signal) {
  return getJson('/api/comentions', withExtra(state, [['field', rows], ['against', against], ['size', String(size)]]), signal);
}

/** One series per query of `queries`, over the state's filters, on the same buckets. */
export function timeline(state, queries, { extra = [], interval = 'auto' } = {}, signal) {
  const p = withExtra(state, extra, { withQuery: false });
  for (const q of queries) p.push(['q', q]);
  p.push(['interval', interval]);
  return getJson('/api/timeline', p, signal);
}

/** One value's every day (with its burst days) from `from` to `to`. */
export function bursts(field, value, from, to, signal) {
  return getJson('/api/bursts', [['field', field], ['value', value], ['from', from], ['to', to]], signal);
}

/** Words and phrases over-represented in the state's matches. */
export function terms(state, size = 12, signal) {
  return getJson('/api/terms', withExtra(state, [['size', String(size)]]), signal);
}
