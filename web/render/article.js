// The article view: full text with the query's words highlighted, the
// entities found in it (as filter chips with mention counts) and similar
// articles. The highlighted words are the server's (doc.highlights, from
// GET /api/doc/{id}?q=: UTF-16 offsets into doc.title and doc.body, matched
// folded and stemmed exactly as search snippets are).

import { el, replaceChildren, markedText, formatDate, languageName, safeHttpUrl } from '../dom.js';
import { entityChips } from './chips.js';

/**
 * The paragraphs of `body` (split at blank lines, trimmed, empty ones
 * dropped) as {text, offset}: offset is where the text starts in `body`, so
 * that the server's highlight offsets still apply.
 */
function paragraphs(body) {
  const out = [];
  const push = (from, to) => {
    const raw = body.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) out.push({ text, offset: from + lead });
  };
  let last = 0;
  for (const m of body.matchAll(/\r?\n\s*\r?\n/g)) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, body.length);
  return out;
}

/** The highlight ranges of one field, sorted by start. */
function rangesOf(doc, field) {
  const list = Array.isArray(doc.highlights) ? doc.highlights : [];
  return list.filter((h) => h && h.field === field && Number.isFinite(h.start) && Number.isFinite(h.end))
    .sort((a, b) => a.start - b.start);
}

function metaLine(doc) {
  const parts = [];
  const sep = () => el('span', { className: 'sep', attrs: { 'aria-hidden': 'true' } }, '·');
  if (doc.dateline) parts.push(el('span', { className: 'article-dateline' }, doc.dateline));
  if (doc.date) parts.push(el('time', { dateTime: doc.date }, formatDate(doc.date)));
  if (doc.source) parts.push(el('span', {}, doc.source));
  if (doc.lang) parts.push(el('span', {}, languageName(doc.lang)));
  if (doc.author) parts.push(el('span', {}, `By ${doc.author}`));
  const url = safeHttpUrl(doc.url);
  if (url) parts.push(el('a', { href: url, target: '_blank', rel: 'noopener noreferrer nofollow', className: 'article-url' }, 'Read at the source ↗', el('span', { className: 'visually-hidden' }, ' (opens in a new tab)')));
  const out = [];
  parts.forEach((p, i) => { if (i) out.push(sep()); out.push(p); });
  return el('p', { className: 'article-meta' }, out);
}

export function renderArticleLoading(container) {
  replaceChildren(container, el('p', { className: 'muted article-loading', attrs: { role: 'status' } }, 'Loading article…'));
}

export function renderArticleError(container, err) {
  const notFound = err && err.status === 404;
  replaceChildren(container, el('div', { className: `message ${notFound ? 'message-none' : 'message-error'}`, attrs: { role: 'alert' } },
    el('h2', { className: 'message-title', id: 'article-title', tabIndex: -1 }, notFound ? 'Article not found' : 'The article could not be loaded'),
    el('p', {}, notFound ? 'It may have been removed from the index, or the link is wrong.' : (err && err.message) || 'Unknown error.')));
}

/** ctx: {onFilter, isActive, docHref, onOpen} */
export function renderArticle(container, doc, ctx) {
  const title = el('h2', { id: 'article-title', className: 'article-title', tabIndex: -1 });
  if (doc.title) title.appendChild(markedText(String(doc.title), rangesOf(doc, 'title')));
  else title.textContent = '(untitled)';

  const bodyRanges = rangesOf(doc, 'body');
  const body = el('div', { className: 'article-body' },
    paragraphs(String(doc.body || '')).map((p) => el('p', {}, markedText(p.text, bodyRanges, p.offset))));

  const chips = entityChips(doc, { onFilter: ctx.onFilter, onEntity: ctx.onEntity, active: ctx.isActive, showMentions: true });
  const entities = el('section', { className: 'article-entities', attrs: { 'aria-labelledby': 'article-entities-heading' } },
    el('h3', { id: 'article-entities-heading' }, 'In this article'),
    chips || el('p', { className: 'muted' }, 'No countries, people or organisations recognised.'));

  const similarList = el('div', { className: 'similar-list', attrs: { 'aria-live': 'polite' } }, el('p', { className: 'muted' }, 'Finding similar articles…'));
  const similar = el('section', { className: 'article-similar', attrs: { 'aria-labelledby': 'article-similar-heading' } },
    el('h3', { id: 'article-similar-heading' }, 'Similar articles'), similarList);

  replaceChildren(container,
    el('article', { className: 'article', attrs: { 'aria-labelledby': 'article-title' } },
      el('header', { className: 'article-header' }, title, metaLine(doc)),
      el('div', { className: 'article-columns' },
        el('div', { className: 'article-main' }, body.childNodes.length ? body : el('p', { className: 'muted' }, 'This article has no text.')),
        el('aside', { className: 'article-side' }, entities, similar))));
  return { title, similarList };
}

export function renderSimilar(list, hits, ctx) {
  if (!hits.length) {
    replaceChildren(list, el('p', { className: 'muted' }, 'No similar articles.'));
    return;
  }
  replaceChildren(list, el('ul', { className: 'similar' }, hits.map((hit) => el('li', {},
    el('a', { href: ctx.docHref(hit.id), dataset: { docId: hit.id }, on: { click: (e) => ctx.onOpen(e, hit.id) } }, hit.title || '(untitled)'),
    el('span', { className: 'similar-meta' }, [hit.date ? formatDate(hit.date) : '', hit.source || ''].filter(Boolean).join(' · '))))));
}

export function renderSimilarError(list, err) {
  replaceChildren(list, el('p', { className: 'error-text' }, `Could not load similar articles: ${err.message}`));
}
