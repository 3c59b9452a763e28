// Themes of a result set (GET /api/terms): the words and two-word phrases
// over-represented in the matches against the whole index, by G². Each is a
// link-like button that searches for it.

import { el, replaceChildren, formatNumber } from '../dom.js';

function termList(items, kind, onSearch) {
  return el('ul', { className: 'themes-list', attrs: { 'aria-label': kind } }, items.map((t) => el('li', {},
    el('button', {
      type: 'button',
      className: 'chip theme',
      dataset: { term: t.term, count: String(t.count) },
      title: `${t.term}: in ${formatNumber(t.count)} of the matches, ${formatNumber(t.index_count)} of all articles (G² ${t.score.toFixed(1)})`,
      on: { click: () => onSearch(t.term) },
    }, el('span', { className: 'visually-hidden' }, 'Search for '), t.term,
    el('span', { className: 'chip-count' }, formatNumber(t.count))))));
}

/** Draws the `terms` answer into `container`; onSearch(term) searches for a theme. */
export function renderThemes(container, terms, onSearch) {
  const words = terms.words || [];
  const phrases = terms.phrases || [];
  if (!words.length && !phrases.length) {
    replaceChildren(container, el('p', { className: 'muted' }, 'No themes stand out in these results.'));
    return;
  }
  replaceChildren(container,
    words.length ? termList(words, 'Words', onSearch) : null,
    phrases.length ? termList(phrases, 'Phrases', onSearch) : null,
    terms.sampled ? el('p', { className: 'muted small' }, `From a sample of ${formatNumber(terms.sample_size)} matches.`) : null);
}
