// The result list, the status line, pagination and the empty / no-result /
// error messages.

import { el, replaceChildren, snippetFragment, formatDate, formatDateTime, formatNumber, languageName, safeHttpUrl } from '../dom.js';
import { entityChips } from './chips.js';

/** A result's title, date, source, language, snippet and entity chips. */
function resultItem(hit, ctx) {
  const articleHref = ctx.docHref(hit.id);
  const source = safeHttpUrl(hit.url);
  const titleLink = el('a', {
    href: articleHref,
    className: 'result-title-link',
    dataset: { docId: hit.id },
    on: { click: (event) => ctx.onOpen(event, hit.id) },
  }, hit.title || '(untitled)');

  const meta = el('p', { className: 'result-meta' },
    hit.date ? el('time', { dateTime: hit.date }, formatDate(hit.date)) : el('span', { className: 'muted' }, 'Undated'),
    hit.source ? [el('span', { className: 'sep', attrs: { 'aria-hidden': 'true' } }, '·'), el('span', { className: 'result-source' }, hit.source)] : null,
    hit.lang ? [el('span', { className: 'sep', attrs: { 'aria-hidden': 'true' } }, '·'),
      el('span', { className: 'result-lang', attrs: { title: languageName(hit.lang) } }, el('abbr', { attrs: { title: languageName(hit.lang) } }, hit.lang.toUpperCase()))] : null,
    source ? [el('span', { className: 'sep', attrs: { 'aria-hidden': 'true' } }, '·'),
      el('a', { href: source, className: 'result-url', target: '_blank', rel: 'noopener noreferrer nofollow' },
        'Original', el('span', { className: 'visually-hidden' }, ` (${hit.title || 'article'}, opens in a new tab)`), ' ↗')] : null);

  const snippet = el('p', { className: 'result-snippet' });
  snippet.appendChild(snippetFragment(hit.snippet));

  return el('li', { className: 'result' },
    el('article', { attrs: { 'aria-labelledby': `title-${cssId(hit.id)}` } },
      el('h3', { className: 'result-title', id: `title-${cssId(hit.id)}` }, titleLink),
      meta,
      storyLine(hit, ctx),
      hit.snippet ? snippet : null,
      entityChips(hit, { onFilter: ctx.onFilter, onEntity: ctx.onEntity, active: ctx.isActive, limit: 12 })));
}

/**
 * A grouped hit's story: "3 versions · first: Reuters, 15 Jan 2024 · also
 * AFP, AP", the count linking to the story view. Nothing for a story of one.
 */
function storyLine(hit, ctx) {
  const story = hit.story;
  if (!story || !(story.size > 1)) return null;
  const sep = () => el('span', { className: 'sep', attrs: { 'aria-hidden': 'true' } }, '·');
  const first = story.first_reported || {};
  const versions = story.versions === story.size
    ? `${formatNumber(story.versions)} versions`
    : `${formatNumber(story.versions)} of ${formatNumber(story.size)} versions`;
  const others = Array.isArray(story.other_sources) ? story.other_sources : [];
  return el('p', { className: 'result-story' },
    el('a', {
      href: ctx.storyHref(story.id),
      className: 'result-story-link',
      dataset: { storyId: story.id },
      on: { click: (event) => ctx.onOpenStory(event, story.id) },
    }, versions, el('span', { className: 'visually-hidden' }, ` of “${hit.title || 'this story'}”`)),
    sep(),
    el('span', { className: 'result-story-first' }, 'first: ', first.source || 'unknown source',
      first.date ? [', ', el('time', { dateTime: first.date }, formatDateTime(first.date))] : null),
    others.length ? [sep(), el('span', { className: 'result-story-others' }, `also ${others.join(', ')}`)] : null);
}

/** An id usable in an id attribute, derived from an article id. */
export function cssId(id) {
  return String(id).replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0).toString(16)}`);
}

export function renderResults(list, hits, ctx) {
  replaceChildren(list, hits.map((hit) => resultItem(hit, ctx)));
}

export function renderStatus(status, data, state) {
  if (!data) { status.textContent = ''; return; }
  const total = formatNumber(data.total);
  const approx = data.total_exact === false ? 'about ' : '';
  const unit = data.unit === 'story' ? 'story' : 'article';
  const noun = data.total === 1 ? unit : unit === 'story' ? 'stories' : 'articles';
  const took = typeof data.took_ms === 'number' ? ` in ${data.took_ms < 1 ? '<1' : formatNumber(Math.round(data.took_ms))} ms` : '';
  const pageInfo = data.total > 0 && state.page > 1 ? `, page ${state.page}` : '';
  replaceChildren(status,
    el('strong', {}, `${approx}${total}`), ` ${noun}`,
    state.q ? [' for ', el('q', {}, state.q)] : null,
    pageInfo, el('span', { className: 'took' }, took));
}

/** Page links: previous, a window of page numbers, next. */
export function renderPagination(nav, { page, total, size, hrefForPage, onPage }) {
  const pages = Math.ceil(total / size);
  if (pages <= 1) { nav.replaceChildren(); return; }
  const last = Math.min(pages, 1000);
  const items = [];
  const link = (p, label, extra = {}) => el('a', {
    href: hrefForPage(p),
    className: `page-link${p === page ? ' current' : ''}`,
    attrs: { 'aria-current': p === page ? 'page' : null, 'aria-label': extra.ariaLabel || `Page ${p}`, rel: extra.rel },
    on: { click: (event) => onPage(event, p) },
  }, label);
  if (page > 1) items.push(link(page - 1, '‹ Previous', { ariaLabel: 'Previous page', rel: 'prev' }));
  const shown = new Set([1, last, page - 1, page, page + 1].filter((p) => p >= 1 && p <= last));
  let prev = 0;
  for (const p of [...shown].sort((a, b) => a - b)) {
    if (p - prev > 1) items.push(el('span', { className: 'page-gap', attrs: { 'aria-hidden': 'true' } }, '…'));
    items.push(link(p, String(p)));
    prev = p;
  }
  if (page < last) items.push(link(page + 1, 'Next ›', { ariaLabel: 'Next page', rel: 'next' }));
  replaceChildren(nav, el('ul', {}, items.map((i) => el('li', {}, i))));
}

/** A message block: {kind: 'empty'|'none'|'error'|'loading', title, body: [nodes], actions: [nodes]} */
export function renderMessage(area, msg) {
  if (!msg) { area.replaceChildren(); return; }
  replaceChildren(area, el('div', { className: `message message-${msg.kind}`, attrs: { role: msg.kind === 'error' ? 'alert' : null } },
    el('h3', { className: 'message-title' }, msg.title),
    msg.body ? el('div', { className: 'message-body' }, msg.body) : null,
    msg.actions && msg.actions.length ? el('div', { className: 'message-actions' }, msg.actions) : null));
}
