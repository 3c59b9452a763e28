// The heatmap of co-mentions (GET /api/comentions?against=): a table of
// people × countries whose cells are the matching articles mentioning both,
// shaded by count. It is a real <table> (row and column headers for screen
// readers); each cell is focusable and carries its numbers as a tooltip.

import { el, replaceChildren, formatNumber } from '../dom.js';

// The darkest shade keeps dark text readable (WCAG AA) on every cell.
const MAX_INTENSITY = 0.6;

/**
 * Draws `matrix` ({rows, columns, cells}) into `container`. onEntity(field,
 * value, label) opens a row's or column's entity; rowField and colField name
 * the fields of the axes.
 */
export function renderHeatmap(container, matrix, { rowField, colField, onEntity, caption }) {
  const rows = matrix.rows || [];
  const cols = matrix.columns || [];
  if (!rows.length || !cols.length) {
    replaceChildren(container, el('p', { className: 'muted' }, 'No co-mentions in these results.'));
    return;
  }
  const max = Math.max(1, ...matrix.cells.flat());
  const name = (field, item) => el('button', {
    type: 'button',
    className: 'btn-link entity-link',
    dataset: { field, value: item.value },
    on: { click: () => onEntity(field, item.value, item.label) },
  }, item.label);
  const head = el('tr', {}, el('td', {}), cols.map((c) => el('th', { scope: 'col' }, name(colField, c))));
  const body = rows.map((r, i) => el('tr', {}, el('th', { scope: 'row' }, name(rowField, r)),
    cols.map((c, j) => {
      const n = matrix.cells[i][j];
      const text = `${r.label} and ${c.label}: ${formatNumber(n)} ${n === 1 ? 'article' : 'articles'}`;
      const cell = el('td', {
        className: `heat-cell${n ? '' : ' is-zero'}`,
        tabIndex: 0,
        title: text,
        dataset: { row: r.value, col: c.value, count: String(n) },
        attrs: { 'aria-label': text },
      }, formatNumber(n));
      cell.style.setProperty('--heat', ((n / max) * MAX_INTENSITY).toFixed(3));
      return cell;
    })));
  // The caption names the table from outside its scrolling box, so that at
  // 360 px it stays in view while a wide table scrolls sideways.
  replaceChildren(container,
    el('p', { className: 'heatmap-caption', id: 'heatmap-caption' }, caption),
    el('div', { className: 'heatmap-scroll', tabIndex: -1 },
      el('table', { className: 'heatmap', attrs: { 'aria-labelledby': 'heatmap-caption' } },
        el('thead', {}, head), el('tbody', {}, body))));
}
