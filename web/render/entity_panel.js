// The entity panel: what one person, country or organisation does within
// the current search. Its timeline (share of articles, or counts, per
// period, with its burst days marked), the company it keeps (co-mentions
// ranked by count or by G²), and "Filter by this". Drawn into the panel's
// <dialog> body; the caller fetches and owns the dialog (views.js).

import { el, replaceChildren, formatNumber } from '../dom.js';
import { lineChart } from './linechart.js';

export function renderEntityLoading(container, label) {
  replaceChildren(container, el('h2', { id: 'entity-title', tabIndex: -1 }, label), el('p', { className: 'muted' }, 'Loading…'));
  return container.querySelector('#entity-title');
}

function comentionList(answer, spec, { rank, onEntity }) {
  const values = answer.values || [];
  const items = values.length ? values.map((v) => el('li', { className: 'comention' },
    el('button', {
      type: 'button',
      className: 'btn-link entity-link',
      dataset: { field: spec.name, value: v.value, count: String(v.count) },
      on: { click: () => onEntity(spec.name, v.value, v.label) },
    }, v.label),
    el('span', { className: 'comention-figures' },
      rank === 'significance' ? `G² ${v.significance.toFixed(1)} · ${formatNumber(v.count)}` : `${formatNumber(v.count)} · G² ${v.significance.toFixed(1)}`)))
    : null;
  return el('section', { className: 'comention-group', attrs: { 'aria-labelledby': `comentions-${spec.name}` } },
    el('h4', { id: `comentions-${spec.name}` }, spec.plural_label || spec.label),
    items ? el('ol', { className: 'comention-list' }, items) : el('p', { className: 'muted' }, 'None'));
}

/**
 * Draws the panel. data: {label, kind, timeline (one series' answer),
 * bursts (days), comentions: [[fieldSpec, answer]], articles}. Returns the
 * title, to focus.
 */
export function renderEntityPanel(container, data, { raw, rank, onFilter, onRank, onEntity, filtering }) {
  const series = data.timeline.series[0];
  const chart = series && series.buckets.length
    ? lineChart({ series: [{ label: data.label, buckets: series.buckets }], raw, bursts: data.bursts, label: `${data.label}: ${raw ? 'articles' : 'share of all articles'} per ${data.timeline.interval}` })
    : el('p', { className: 'muted' }, 'No dated articles.');
  const rankGroup = el('fieldset', { className: 'rank-toggle' }, el('legend', {}, 'Rank co-mentions by'),
    ['count', 'significance'].map((r) => el('label', {},
      el('input', { type: 'radio', name: 'entity-rank', value: r, checked: rank === r, on: { change: () => onRank(r) } }),
      r === 'count' ? ' Count' : ' Significance (G²)')));
  const title = el('h2', { id: 'entity-title', tabIndex: -1 }, data.label);
  replaceChildren(container,
    el('div', { className: 'entity-head' }, title, el('p', { className: 'muted' }, `${data.kind} · in ${formatNumber(data.articles)} ${data.articles === 1 ? 'article' : 'articles'} of these results`),
      el('button', { type: 'button', className: 'btn btn-small', id: 'entity-filter', disabled: filtering, on: { click: onFilter } }, filtering ? 'Filtering by this' : 'Filter by this')),
    el('section', { className: 'entity-timeline', attrs: { 'aria-labelledby': 'entity-timeline-heading' } },
      el('h3', { id: 'entity-timeline-heading' }, 'Timeline'), chart,
      el('p', { className: 'muted small', id: 'entity-bursts' }, data.bursts.length ? `${data.bursts.length} burst ${data.bursts.length === 1 ? 'day' : 'days'} (marked ▲)` : 'No burst days.')),
    el('section', { className: 'entity-comentions', attrs: { 'aria-labelledby': 'entity-comentions-heading' } },
      el('h3', { id: 'entity-comentions-heading' }, 'Mentioned with'), rankGroup,
      el('div', { className: 'comention-groups' }, data.comentions.map(([spec, answer]) => comentionList(answer, spec, { rank, onEntity })))));
  return title;
}
