// The story view (GET /api/story/{id}): every version of a story, oldest
// first, each with its time, source and what it added to the earlier ones
// (the server's `added` sentences). Shown in the article dialog.

import { el, replaceChildren, formatDateTime, formatNumber } from '../dom.js';

export function renderStoryLoading(container) {
  replaceChildren(container, el('p', { className: 'muted article-loading', attrs: { role: 'status' } }, 'Loading story…'));
}

export function renderStoryError(container, err) {
  const notFound = err && err.status === 404;
  replaceChildren(container, el('div', { className: `message ${notFound ? 'message-none' : 'message-error'}`, attrs: { role: 'alert' } },
    el('h2', { className: 'message-title', id: 'article-title', tabIndex: -1 }, notFound ? 'Story not found' : 'The story could not be loaded'),
    el('p', {}, notFound ? 'Its articles may have been removed from the index, or the link is wrong.' : (err && err.message) || 'Unknown error.')));
}

function versionItem(version, index, ctx) {
  const added = Array.isArray(version.added) ? version.added : [];
  const when = version.date
    ? el('time', { dateTime: version.date }, formatDateTime(version.date))
    : el('span', { className: 'muted' }, 'Undated');
  let what;
  if (index === 0) {
    what = el('p', { className: 'story-note' }, 'First report');
  } else if (added.length) {
    what = [el('p', { className: 'story-note' }, `Added ${formatNumber(added.length)} of ${formatNumber(version.sentences || added.length)} sentences:`),
      el('ul', { className: 'story-added' }, added.map((s) => el('li', {}, s)))];
  } else {
    what = el('p', { className: 'story-note muted' }, 'Nothing new: a copy of the earlier text.');
  }
  return el('li', { className: 'story-version', dataset: { versionId: version.id } },
    el('p', { className: 'story-version-meta' }, when,
      el('span', { className: 'sep', attrs: { 'aria-hidden': 'true' } }, '·'),
      el('span', { className: 'story-source' }, version.source || 'Unknown source')),
    el('h3', { className: 'story-version-title' },
      el('a', { href: ctx.docHref(version.id), dataset: { docId: version.id }, on: { click: (e) => ctx.onOpen(e, version.id) } },
        version.title || '(untitled)')),
    what);
}

/** ctx: {docHref, onOpen}. Returns the title element, for focus. */
export function renderStory(container, story, ctx) {
  const versions = Array.isArray(story.versions) ? story.versions : [];
  const first = versions[0] || {};
  const title = el('h2', { id: 'article-title', className: 'article-title', tabIndex: -1 }, first.title || 'Story');
  const sources = [...new Set(versions.map((v) => v.source).filter(Boolean))];
  replaceChildren(container,
    el('article', { className: 'story', attrs: { 'aria-labelledby': 'article-title' } },
      el('header', { className: 'article-header' }, title,
        el('p', { className: 'story-summary' },
          `${formatNumber(versions.length)} ${versions.length === 1 ? 'version' : 'versions'}`,
          first.source ? ` · first: ${first.source}` : '',
          first.date ? [', ', el('time', { dateTime: first.date }, formatDateTime(first.date))] : null,
          sources.length > 1 ? ` · ${formatNumber(sources.length)} sources` : '')),
      el('ol', { className: 'story-versions' }, versions.map((v, i) => versionItem(v, i, ctx)))));
  return title;
}
