// Chancery's single-page UI: wires the search box, facets, timeline, results
// and article view to the URL (state.js) and the public HTTP API (api.js).
// Every change of what is shown goes through navigate(), which writes the
// URL first; reload, back/forward and shared links replay the same path.

import * as api from './api.js';
import { el, replaceChildren, debounce } from './dom.js';
import { stateFromUrl, urlFromState, withChanges, withoutFilters, sameSearch, hrefFor, isValidDate } from './state.js';
import { renderResults, renderStatus, renderPagination, renderMessage } from './render/results.js';
import { FacetPanel, displayLabel } from './render/facets.js';
import { Histogram, periodLabel } from './render/histogram.js';
import { renderArticle, renderArticleLoading, renderArticleError, renderSimilar, renderSimilarError } from './render/article.js';
import { renderStory, renderStoryLoading, renderStoryError } from './render/story.js';
import { flagElement, isCountryField } from './flags.js';
import { ExportMenu, exportParams } from './export.js';
import { AnalystViews } from './views.js';

const PAGE_SIZE = 10;
const FACET_SIZE = 10;
const FACET_SIZE_MORE = 50;
const TYPING_DELAY_MS = 250;

const $ = (id) => document.getElementById(id);
const ui = {
  form: $('search-form'),
  q: $('q'),
  queryError: $('query-error'),
  sort: $('sort'),
  feedLink: $('feed-link'),
  feedAlternate: $('feed-alternate'),
  groupCopies: $('group-copies'),
  status: $('status'),
  results: $('results'),
  resultsHeading: $('results-heading'),
  message: $('message'),
  pagination: $('pagination'),
  activeFilters: $('active-filters'),
  facets: $('facets'),
  histogram: $('histogram'),
  dateForm: $('date-range'),
  dateFrom: $('date-from'),
  dateTo: $('date-to'),
  dateClear: $('date-clear'),
  main: $('main'),
  sidebar: $('sidebar'),
  filtersToggle: $('filters-toggle'),
  filtersCount: $('filters-count'),
  sidebarClose: $('sidebar-close'),
  dialog: $('article-dialog'),
  articleContent: $('article-content'),
  articleClose: $('article-close'),
};

// The facet and filter fields are the server's (GET /api/schema); without
// them the page still runs its search, which reports what went wrong.
try {
  await api.loadSchema();
} catch {
  // An unreachable server or a failing schema shows in the search's error.
}

let state = stateFromUrl(window.location.search);
let shownSearch = null;      // the state whose results are on screen
let lastData = null;         // the last /api/search answer
let searchController = null; // aborts a superseded search
let articleController = null;
let shownDoc = '';           // what the dialog shows: "doc:ID", "story:ID" or ""
let indexEmpty = false;
const expanded = new Set();  // facets showing more values
const labels = new Map();    // "field\tvalue" -> display label

// --- Labels of filter values -----------------------------------------------

function rememberLabel(field, value, label) {
  if (label) labels.set(`${field}\t${value}`, label);
}
function labelOf(field, value) {
  return displayLabel(field, value, labels.get(`${field}\t${value}`));
}
/** Remembers the names of the entities listed on a hit or document. */
function rememberEntityLabels(item) {
  for (const f of api.ENTITY_FIELDS) {
    for (const e of item[f.hit_key] || []) rememberLabel(f.name, e[f.hit_id_key], e.name);
  }
}

// --- Navigation ------------------------------------------------------------

/**
 * Moves to a new state: writes it to the URL (a new history entry unless
 * `replace`) and updates the page. `typing` marks entries made while typing,
 * which later keystrokes replace instead of piling up.
 */
function navigate(next, { replace = false, typing = false, articleDepth = 0, focus = null } = {}) {
  const url = `${window.location.pathname}${urlFromState(next)}`;
  const entry = { typing, articleDepth };
  if (replace) window.history.replaceState(entry, '', url);
  else window.history.pushState(entry, '', url);
  apply(next, { focus });
}

function apply(next, { focus = null, fromHistory = false } = {}) {
  const searchChanged = !sameSearch(next, shownSearch);
  state = next;
  closingArticle = false;
  if (fromHistory) ui.q.value = state.q;
  syncControls();
  if (searchChanged) runSearch(focus);
  else if (lastData) drawHistogram(shownSearch, lastData);
  syncArticle(); // first, so that the article dialog has closed when an entity panel opens from it
  views.sync(state, urlFromState(withChanges(state, { doc: '', story: '', entity: '', compare: [], heatmap: false, raw: false, rank: 'count', page: 1, sort: 'relevance' })));
  updateTitle();
}

window.addEventListener('popstate', () => {
  typed.cancel();
  apply(stateFromUrl(window.location.search), { fromHistory: true });
});

function isActive(field, value) {
  return state[field].includes(value);
}

function addFilter(field, value, label) {
  rememberLabel(field, value, label);
  if (isActive(field, value)) {
    if (dialogTarget()) navigate(withChanges(state, { doc: '', story: '' }));
    return;
  }
  navigate(withChanges(state, { [field]: [...state[field], value], page: 1, doc: '', story: '' }));
}

function removeFilter(field, value) {
  const values = state[field].filter((v) => v !== value);
  const any = values.length ? state.any : state.any.filter((f) => f !== field);
  navigate(withChanges(state, { [field]: values, any, page: 1 }));
}

function setDates(from, to) {
  navigate(withChanges(state, { from, to, page: 1 }));
}

// --- Controls that show the state ---------------------------------------

function syncControls() {
  // While someone types, the box is theirs; history moves set it (apply()).
  if (document.activeElement !== ui.q) ui.q.value = state.q;
  ui.sort.value = state.sort;
  ui.groupCopies.checked = !state.copies;
  ui.dateFrom.value = state.from;
  ui.dateTo.value = state.to;
  ui.dateFrom.removeAttribute('aria-invalid');
  ui.dateTo.removeAttribute('aria-invalid');
  ui.dateClear.hidden = !state.from && !state.to;
  renderActiveFilters();
  syncFeedLinks();
}

// "Follow as feed" and the page's feed <link>: the saved search is the URL,
// the alert is the reader polling the feed.
function syncFeedLinks() {
  const href = api.feedUrl(state);
  ui.feedLink.href = href;
  ui.feedAlternate.href = href;
  ui.feedAlternate.title = state.q ? `Chancery: “${state.q}”` : hasFilters(state) ? 'Chancery: this search' : 'Chancery: newest articles';
}

function renderActiveFilters() {
  const pills = [];
  for (const field of api.FILTER_FIELDS) {
    const fieldName = api.fieldSpec(field).label;
    for (const value of state[field]) {
      const label = labelOf(field, value);
      pills.push(el('li', {}, el('button', {
        type: 'button',
        className: 'pill',
        on: { click: () => removeFilter(field, value) },
        // The name is the visible text with "Remove filter" before it, so
        // what a speech-input user reads is what the button is called.
      }, el('span', { className: 'visually-hidden' }, 'Remove filter '),
      el('span', { className: 'pill-field' }, `${fieldName}: `),
      isCountryField(field) ? flagElement(value) : null,
      `${label}`, el('span', { className: 'pill-x', attrs: { 'aria-hidden': 'true' } }, '×'))));
    }
  }
  if (state.from || state.to) {
    const text = state.from && state.to
      ? (state.from === state.to ? periodLabel(state.from) : `${periodLabel(state.from)} – ${periodLabel(state.to)}`)
      : state.from ? `from ${periodLabel(state.from)}` : `until ${periodLabel(state.to)}`;
    pills.push(el('li', {}, el('button', {
      type: 'button',
      className: 'pill',
      on: { click: () => setDates('', '') },
    }, el('span', { className: 'visually-hidden' }, 'Remove filter '),
    el('span', { className: 'pill-field' }, `${api.dateField()?.label || 'Date'}: `), text, el('span', { className: 'pill-x', attrs: { 'aria-hidden': 'true' } }, '×'))));
  }
  const count = pills.length;
  if (count > 1) {
    pills.push(el('li', {}, el('button', {
      type: 'button',
      className: 'btn btn-link btn-small',
      on: { click: () => navigate(withoutFilters(state)) },
    }, 'Clear all filters')));
  }
  if (count) replaceChildren(ui.activeFilters, el('ul', { attrs: { 'aria-label': 'Active filters' } }, pills));
  else ui.activeFilters.replaceChildren();
  const filterCount = api.FILTER_FIELDS.reduce((n, f) => n + state[f].length, 0);
  ui.filtersCount.textContent = filterCount ? `(${filterCount})` : '';
}

function updateTitle() {
  const parts = [];
  if (dialogTarget() && shownDoc === dialogTarget() && currentDocTitle) parts.push(currentDocTitle);
  if (state.q) parts.push(state.q);
  parts.push('Chancery');
  document.title = parts.join(' — ');
}

// --- Search ----------------------------------------------------------------

function facetSize() {
  return expanded.size ? FACET_SIZE_MORE : FACET_SIZE;
}

function clearQueryError() {
  ui.queryError.hidden = true;
  ui.queryError.textContent = '';
  ui.q.removeAttribute('aria-invalid');
}

async function runSearch(focus) {
  const target = state;
  shownSearch = target;
  searchController?.abort();
  const controller = new AbortController();
  searchController = controller;
  ui.main.classList.add('is-loading');
  ui.results.setAttribute('aria-busy', 'true');
  try {
    const data = await api.search(target, { size: PAGE_SIZE, facetSize: facetSize() }, controller.signal);
    if (controller !== searchController) return;
    clearQueryError();
    lastData = data;
    showResults(target, data);
  } catch (err) {
    if (err.name === 'AbortError' || controller !== searchController) return;
    lastData = null;
    showError(target, err);
  } finally {
    if (controller === searchController) {
      ui.main.classList.remove('is-loading');
      ui.results.setAttribute('aria-busy', 'false');
    }
  }
  if (focus === 'results') {
    ui.resultsHeading.focus({ preventScroll: true });
    ui.main.scrollIntoView({ block: 'start' });
  }
}

const resultContext = {
  docHref: (id) => hrefFor(withChanges(state, { doc: id, story: '' })),
  onOpen: (event, id) => openArticleFromLink(event, id),
  storyHref: (id) => hrefFor(withChanges(state, { doc: '', story: id })),
  onOpenStory: (event, id) => openDialogFromLink(event, { doc: '', story: id }),
  onFilter: (field, value, label) => addFilter(field, value, label),
  onEntity: (field, value, label, opener) => views.openEntity(field, value, label, opener),
  isActive: (field, value) => isActive(field, value),
};

function openArticleFromLink(event, id) {
  openDialogFromLink(event, { doc: id, story: '' });
}

/** Opens an article or story in the dialog; a link from the dialog stacks. */
function openDialogFromLink(event, changes) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return; // new tab etc.
  event.preventDefault();
  const depth = dialogTarget() ? (window.history.state?.articleDepth || 0) + 1 : 1;
  navigate(withChanges(state, changes), { articleDepth: depth });
}

function hasFilters(s) {
  return api.FILTER_FIELDS.some((f) => s[f].length) || s.from || s.to;
}

function showResults(target, data) {
  const hits = Array.isArray(data.hits) ? data.hits : [];
  for (const hit of hits) rememberEntityLabels(hit);
  const facets = data.facets || {};
  for (const field of api.FACET_FIELDS) {
    panels[field].update(facets[field] || [], target[field], target.any.includes(field), expanded.has(field) ? FACET_SIZE_MORE : FACET_SIZE);
  }
  drawHistogram(target, data);
  renderActiveFilters(); // labels may have arrived
  renderStatus(ui.status, data, target);
  renderResults(ui.results, hits, resultContext);
  renderPagination(ui.pagination, {
    page: target.page,
    total: data.total || 0,
    size: PAGE_SIZE,
    hrefForPage: (p) => hrefFor(withChanges(target, { page: p, doc: '', story: '' })),
    onPage: (event, p) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      event.preventDefault();
      navigate(withChanges(state, { page: p, doc: '', story: '' }), { focus: 'results' });
    },
  });

  if (hits.length) {
    if (data.suggestion && data.suggestion !== target.q) {
      replaceChildren(ui.message, el('p', { className: 'suggestion suggestion-inline' }, 'Did you mean ', suggestionLink(target, data.suggestion), '?'));
    } else {
      renderMessage(ui.message, null);
    }
    return;
  }
  const empty = indexEmpty || (!target.q && !hasFilters(target) && (data.total || 0) === 0);
  if (empty) {
    renderMessage(ui.message, {
      kind: 'empty',
      title: 'The index is empty',
      body: [el('p', {}, 'There are no articles to search yet. Add some with ', el('code', {}, 'chancery-index --db DIR FILE…'), ' and reload this page.')],
    });
    ui.status.textContent = 'The index is empty.';
    return;
  }
  if (target.page > 1 && data.total > 0) {
    renderMessage(ui.message, {
      kind: 'none',
      title: `There is no page ${target.page}`,
      actions: [el('a', { href: hrefFor(withChanges(target, { page: 1 })), className: 'btn', on: { click: (e) => { e.preventDefault(); navigate(withChanges(state, { page: 1 })); } } }, 'Go to the first page')],
    });
    return;
  }
  const actions = [];
  const body = [];
  if (data.suggestion && data.suggestion !== target.q) {
    body.push(el('p', { className: 'suggestion' }, 'Did you mean ', suggestionLink(target, data.suggestion), '?'));
  }
  if (hasFilters(target)) {
    body.push(el('p', {}, 'Filters are narrowing the search; removing some may help.'));
    actions.push(el('button', {
      type: 'button',
      className: 'btn',
      on: { click: () => navigate(withoutFilters(state)) },
    }, 'Clear all filters'));
  } else {
    body.push(el('p', {}, 'Try fewer or different words, or see the query syntax help.'));
  }
  renderMessage(ui.message, { kind: 'none', title: target.q ? `No articles match “${target.q}”` : 'No articles match these filters', body, actions });
}

function suggestionLink(target, suggestion) {
  return el('a', {
    href: hrefFor(withChanges(target, { q: suggestion, page: 1, doc: '', story: '' })),
    className: 'suggestion-link',
    on: {
      click: (e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        ui.q.value = suggestion;
        navigate(withChanges(state, { q: suggestion, page: 1, doc: '', story: '' }));
      },
    },
  }, suggestion);
}

function showError(target, err) {
  const queryProblem = err.status === 400 && (err.param === 'q' || err.code === 'bad_query' || err.code === 'invalid_query');
  if (queryProblem) {
    ui.queryError.hidden = false;
    ui.queryError.textContent = `The query could not be understood: ${err.message}`;
    ui.q.setAttribute('aria-invalid', 'true');
  }
  if (err.status === 400 && (err.param === 'from' || err.param === 'to')) {
    (err.param === 'from' ? ui.dateFrom : ui.dateTo).setAttribute('aria-invalid', 'true');
  }
  ui.results.replaceChildren();
  ui.pagination.replaceChildren();
  ui.status.textContent = '';
  const title = err.status === 0 ? 'The search server cannot be reached'
    : err.status >= 500 ? 'The search server had a problem'
      : err.status === 400 ? 'The search could not be run' : 'Something went wrong';
  renderMessage(ui.message, {
    kind: 'error',
    title,
    body: [el('p', {}, err.message), err.status ? el('p', { className: 'muted small' }, `HTTP ${err.status}${err.code ? ` · ${err.code}` : ''}${err.param ? ` · parameter “${err.param}”` : ''}`) : null],
    actions: [el('button', { type: 'button', className: 'btn', on: { click: () => { shownSearch = null; apply(state); } } }, 'Try again')],
  });
  for (const field of api.FACET_FIELDS) panels[field].update([], target[field], target.any.includes(field), FACET_SIZE, { unavailable: true });
  histogram.render([], target.from, target.to, { unavailable: true });
}

// --- Article view ----------------------------------------------------------

let currentDocTitle = '';
let suppressCloseEvent = false;
let closingArticle = false; // a close is under way; the next apply() ends it
let returnFocusTo = '';

/** What the state shows in the dialog: "doc:ID", "story:ID" or "". */
function dialogTarget() {
  if (state.doc) return `doc:${state.doc}`;
  return state.story ? `story:${state.story}` : '';
}

function syncArticle() {
  const target = dialogTarget();
  if (!target) {
    if (ui.dialog.open) {
      suppressCloseEvent = true;
      ui.dialog.close();
      suppressCloseEvent = false;
      restoreFocusAfterArticle();
    }
    articleController?.abort();
    shownDoc = '';
    return;
  }
  if (target === shownDoc && ui.dialog.open) return;
  if (!ui.dialog.open) {
    returnFocusTo = target;
    ui.dialog.showModal();
  }
  if (state.doc) loadArticle(state.doc);
  else loadStory(state.story);
}

function restoreFocusAfterArticle() {
  const link = [...ui.results.querySelectorAll('a[data-doc-id], a[data-story-id]')].find((a) => (
    a.dataset.docId ? `doc:${a.dataset.docId}` : `story:${a.dataset.storyId}`) === returnFocusTo);
  (link || ui.resultsHeading).focus();
}

async function loadStory(id) {
  shownDoc = `story:${id}`;
  currentDocTitle = '';
  articleController?.abort();
  const controller = new AbortController();
  articleController = controller;
  renderStoryLoading(ui.articleContent);
  ui.articleClose.focus();
  let story;
  try {
    story = await api.getStory(id, controller.signal);
  } catch (err) {
    if (err.name === 'AbortError' || controller !== articleController) return;
    renderStoryError(ui.articleContent, err);
    document.getElementById('article-title')?.focus();
    return;
  }
  if (controller !== articleController) return;
  currentDocTitle = story.versions?.[0]?.title || '';
  updateTitle();
  const title = renderStory(ui.articleContent, story, resultContext);
  ui.dialog.scrollTop = 0;
  title.focus();
}

async function loadArticle(id) {
  shownDoc = `doc:${id}`;
  currentDocTitle = '';
  articleController?.abort();
  const controller = new AbortController();
  articleController = controller;
  renderArticleLoading(ui.articleContent);
  ui.articleClose.focus();
  const similarPromise = api.getSimilar(id, controller.signal);
  similarPromise.catch(() => {}); // handled below
  let doc;
  try {
    doc = await api.getDoc(id, state.q, controller.signal);
  } catch (err) {
    if (err.name === 'AbortError' || controller !== articleController) return;
    renderArticleError(ui.articleContent, err);
    document.getElementById('article-title')?.focus();
    return;
  }
  if (controller !== articleController) return;
  rememberEntityLabels(doc);
  currentDocTitle = doc.title || '';
  updateTitle();
  const ctx = resultContext;
  const { title, similarList } = renderArticle(ui.articleContent, doc, ctx);
  ui.dialog.scrollTop = 0;
  title.focus();
  try {
    const similar = await similarPromise;
    if (controller !== articleController) return;
    renderSimilar(similarList, (similar.hits || []).filter((h) => h.id !== id), ctx);
  } catch (err) {
    if (err.name === 'AbortError' || controller !== articleController) return;
    renderSimilarError(similarList, err);
  }
}

function closeArticle() {
  if (!dialogTarget() || closingArticle) return;
  closingArticle = true;
  const depth = window.history.state?.articleDepth || 0;
  if (depth > 0) {
    window.history.go(-depth);
  } else {
    navigate(withChanges(state, { doc: '', story: '' }));
  }
}

ui.articleClose.addEventListener('click', () => closeArticle());
ui.dialog.addEventListener('cancel', (e) => { e.preventDefault(); closeArticle(); });
ui.dialog.addEventListener('close', () => {
  if (!suppressCloseEvent && dialogTarget()) closeArticle();
});
ui.dialog.addEventListener('click', (e) => {
  if (e.target === ui.dialog) closeArticle(); // a click on the backdrop
});

// --- Search box ------------------------------------------------------------

const typed = debounce(() => {
  const q = ui.q.value.trim();
  if (q === state.q) return;
  const typing = Boolean(window.history.state?.typing);
  navigate(withChanges(state, { q, page: 1, doc: '', story: '' }), { replace: typing, typing: true });
}, TYPING_DELAY_MS);

ui.q.addEventListener('input', () => typed());
ui.form.addEventListener('submit', (e) => {
  e.preventDefault();
  typed.cancel();
  const q = ui.q.value.trim();
  const typing = Boolean(window.history.state?.typing);
  if (q === state.q) {
    // Same query: keep the entry, mark it settled, search again.
    window.history.replaceState({ typing: false, articleDepth: 0 }, '', window.location.href);
    shownSearch = null;
    apply(state);
  } else {
    navigate(withChanges(state, { q, page: 1, doc: '', story: '' }), { replace: typing });
  }
});
ui.q.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && ui.q.value) { e.preventDefault(); ui.q.value = ''; typed(); }
});

ui.sort.addEventListener('change', () => navigate(withChanges(state, { sort: ui.sort.value, page: 1 })));
ui.groupCopies.addEventListener('change', () => navigate(withChanges(state, { copies: !ui.groupCopies.checked, page: 1 })));

document.getElementById('brand-link').addEventListener('click', (e) => {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
  e.preventDefault();
  ui.q.value = '';
  navigate(withChanges(stateFromUrl(''), {}));
});

// --- Dates -----------------------------------------------------------------

ui.dateForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const from = ui.dateFrom.value.trim();
  const to = ui.dateTo.value.trim();
  let ok = true;
  for (const [input, value] of [[ui.dateFrom, from], [ui.dateTo, to]]) {
    const valid = value === '' || isValidDate(value);
    input.setAttribute('aria-invalid', valid ? 'false' : 'true');
    ok &&= valid;
  }
  if (!ok) { (isValidDate(from) || from === '' ? ui.dateTo : ui.dateFrom).focus(); return; }
  if (from !== state.from || to !== state.to) setDates(from, to);
});
for (const input of [ui.dateFrom, ui.dateTo]) {
  input.addEventListener('change', () => ui.dateForm.requestSubmit());
}
ui.dateClear.addEventListener('click', () => { setDates('', ''); ui.dateFrom.focus(); });

const histogram = new Histogram(ui.histogram, (from, to) => setDates(from, to));

function drawHistogram(target, data) {
  const buckets = data.facets?.[api.dateField()?.name] || [];
  const bursts = views.burstsFor(state, buckets, () => { if (lastData === data) drawHistogram(target, data); });
  histogram.render(buckets, target.from, target.to, { raw: state.raw, bursts });
}

const views = new AnalystViews({
  navigate: (next) => navigate(next),
  state: () => state,
  labelOf,
  rememberLabel,
  isActive,
});

// --- Facets ----------------------------------------------------------------

const panels = {};
for (const field of api.FACET_FIELDS) {
  panels[field] = new FacetPanel(field, {
    onToggle: (f, value, label, checked) => (checked ? addFilter(f, value, label) : removeFilter(f, value)),
    onShowMore: (f, more) => {
      if (more) expanded.add(f); else expanded.delete(f);
      if (lastData && !more) {
        panels[f].update(lastData.facets?.[f] || [], state[f], state.any.includes(f), FACET_SIZE);
        return;
      }
      shownSearch = null;
      apply(state);
    },
    onMatchAny: (f, any) => navigate(withChanges(state, { any: any ? [...new Set([...state.any, f])] : state.any.filter((x) => x !== f), page: 1 })),
    searchValues: async (f, prefix) => (await api.facetValues(f, prefix, state.q, !state.copies)).values || [],
    rememberLabel,
    labelOf,
    onEntity: (f, value, label, opener) => views.openEntity(f, value, label, opener),
  });
  ui.facets.appendChild(panels[field].root);
  // Every value of the facet with its count, for the shown search.
  const menu = new ExportMenu(`export-facet-${field}`, {
    title: `Export every value with its count`,
    formats: [['csv', 'CSV'], ['json', 'JSON']],
    fallbackName: `chancery-${field}`,
    getParams: (format) => (lastData ? exportParams(api.searchParams(shownSearch || state), { revision: lastData.revision, format, facet: field }) : null),
  });
  panels[field].root.querySelector('.facet-head').appendChild(menu.root);
}

// --- Export of the results -----------------------------------------------------

const resultsExport = new ExportMenu('export-results', {
  title: 'Download every matching article',
  fallbackName: 'chancery-export',
  getParams: (format) => (lastData ? exportParams(api.searchParams(shownSearch || state), { revision: lastData.revision, format }) : null),
});
document.querySelector('.results-bar').insertBefore(resultsExport.root, document.querySelector('.results-bar .sort'));

// --- Narrow screens: the sidebar is a drawer ---------------------------------

function setDrawer(open) {
  ui.sidebar.classList.toggle('is-open', open);
  ui.filtersToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  document.body.classList.toggle('drawer-open', open);
  if (open) ui.sidebar.querySelector('input, button')?.focus();
  else ui.filtersToggle.focus();
}
ui.filtersToggle.addEventListener('click', () => setDrawer(!ui.sidebar.classList.contains('is-open')));
ui.sidebarClose.addEventListener('click', () => setDrawer(false));
ui.sidebar.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && ui.sidebar.classList.contains('is-open')) { e.preventDefault(); setDrawer(false); }
});

// --- Start -----------------------------------------------------------------

async function checkIndex() {
  try {
    const s = await api.stats();
    const articles = s.articles ?? s.documents ?? s.doc_count;
    indexEmpty = articles === 0;
    if (indexEmpty && lastData && !(lastData.hits || []).length) showResults(shownSearch, lastData);
  } catch {
    // The search itself reports an unreachable server.
  }
}

window.history.replaceState({ typing: false, articleDepth: 0, ...(window.history.state || {}) }, '', window.location.href);
ui.q.value = state.q;
apply(state);
checkIndex();
