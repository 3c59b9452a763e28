// The facet sidebar: one panel per filter field of the server's schema
// (GET /api/schema) with counted, multi-select checkboxes, a box to search
// the field's values through /api/facet (where the field asks for one), and
// "show more". Each panel is built once and only its lists are redrawn, so
// focus and typed text survive a new search.

import { el, replaceChildren, formatNumber, debounce, languageName } from '../dom.js';
import { flagElement, isCountryField } from '../flags.js';
import { fieldSpec } from '../api.js';

/** The label to show for a value: languages by name, others as the server labels them. */
export function displayLabel(field, value, label) {
  if (fieldSpec(field)?.label_source === 'language_name' && (!label || label === value)) return languageName(value) || value;
  return label || value;
}

/** "Find a country…", "Find an organisation…". */
function findPlaceholder(label) {
  const noun = label.toLowerCase();
  return `Find ${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}…`;
}

export class FacetPanel {
  /**
   * field: the name of a filter field of GET /api/schema ('country', …)
   * handlers: {onToggle(field, value, label, checked), onShowMore(field, more),
   *            onMatchAny(field, any), searchValues(field, prefix) -> Promise<values>,
   *            rememberLabel(field, value, label), labelOf(field, value),
   *            onEntity(field, value, label, opener) for entity fields (opens its panel)}
   */
  constructor(field, handlers) {
    this.field = field;
    this.h = handlers;
    this.expanded = false;
    this.selected = [];
    this.searchSeq = 0;
    const spec = fieldSpec(field) || { label: field, plural_label: field, value_search: false };
    this.title = spec.plural_label;
    const base = `facet-${field}`;

    this.heading = el('h3', { id: `${base}-heading`, className: 'facet-title' }, this.title);
    this.matchSelect = el('select', {
      id: `${base}-match`,
      className: 'facet-match-select',
      on: { change: () => this.h.onMatchAny(field, this.matchSelect.value === 'any') },
    }, el('option', { value: 'all' }, 'all selected'), el('option', { value: 'any' }, 'any selected'));
    this.match = el('div', { className: 'facet-match', hidden: true },
      el('label', { htmlFor: `${base}-match` }, 'Match'), this.matchSelect);

    this.searchInput = el('input', {
      type: 'search',
      id: `${base}-search`,
      className: 'facet-search-input',
      placeholder: findPlaceholder(spec.label),
      autocomplete: 'off',
      attrs: { 'aria-controls': `${base}-found` },
      on: {
        input: () => this.searchDebounced(),
        keydown: (e) => { if (e.key === 'Escape' && this.searchInput.value) { e.preventDefault(); e.stopPropagation(); this.searchInput.value = ''; this.runSearch(); } },
      },
    });
    this.searchDebounced = debounce(() => this.runSearch(), 200);
    this.found = el('div', { id: `${base}-found`, className: 'facet-found', attrs: { 'aria-live': 'polite' } });
    this.list = el('ul', { className: 'facet-values', attrs: { 'aria-labelledby': `${base}-heading` } });
    this.moreButton = el('button', {
      type: 'button',
      className: 'btn btn-link btn-small facet-more',
      hidden: true,
      attrs: { 'aria-controls': `${base}-values` },
      on: { click: () => { this.expanded = !this.expanded; this.h.onShowMore(field, this.expanded); } },
    }, 'Show more');
    this.list.id = `${base}-values`;

    this.root = el('section', { className: 'facet', id: base, attrs: { 'aria-labelledby': `${base}-heading` } },
      el('div', { className: 'facet-head' }, this.heading, this.match),
      !spec.value_search ? null : el('div', { className: 'facet-search' },
        el('label', { htmlFor: `${base}-search`, className: 'visually-hidden' }, `Search ${this.title.toLowerCase()}`),
        this.searchInput),
      this.found,
      this.list,
      this.moreButton);
  }

  checkbox(value, label, count, checked, idSuffix) {
    const id = `facet-${this.field}-${idSuffix}`;
    label = displayLabel(this.field, value, label);
    const input = el('input', {
      type: 'checkbox',
      id,
      checked,
      dataset: { field: this.field, value },
      on: { change: () => this.h.onToggle(this.field, value, label, input.checked) },
    });
    return el('li', { className: `facet-value${checked ? ' is-checked' : ''}` },
      input,
      el('label', { htmlFor: id },
        isCountryField(this.field) ? flagElement(value) : null,
        el('span', { className: 'facet-label' }, label),
        el('span', { className: 'facet-count' },
          count === null ? '' : formatNumber(count),
          el('span', { className: 'visually-hidden' }, count === null ? '' : count === 1 ? ' article' : ' articles'))),
      this.h.onEntity && fieldSpec(this.field)?.kind === 'entity' ? el('button', {
        type: 'button',
        className: 'chip-details',
        dataset: { field: this.field, entity: value },
        title: 'Timeline and co-mentions',
        on: { click: (e) => this.h.onEntity(this.field, value, label, e.currentTarget) },
      }, el('span', { className: 'visually-hidden' }, `About ${label}`), el('span', { attrs: { 'aria-hidden': 'true' } }, '›')) : null);
  }

  /** Redraws the value list. values: [{value,label,count}] from /api/search. */
  update(values, selected, matchAny, limit, { unavailable = false } = {}) {
    this.selected = selected;
    const focused = document.activeElement && this.root.contains(document.activeElement) ? document.activeElement : null;
    const focusKey = focused && focused.dataset.value !== undefined ? focused.dataset.value : null;
    const focusInFound = focused && this.found.contains(focused);

    for (const v of values) this.h.rememberLabel(this.field, v.value, v.label);
    const byValue = new Map(values.map((v) => [v.value, v]));
    const rows = [];
    // Selected values first, even when they are not among the top counts.
    selected.forEach((value) => {
      const v = byValue.get(value);
      rows.push({ value, label: v ? v.label : this.h.labelOf(this.field, value), count: v ? v.count : null, checked: true });
    });
    values.filter((v) => !selected.includes(v.value)).slice(0, Math.max(0, limit - selected.length))
      .forEach((v) => rows.push({ value: v.value, label: v.label || v.value, count: v.count, checked: false }));

    if (!rows.length) {
      replaceChildren(this.list, el('li', { className: 'facet-empty muted' }, unavailable ? 'Not available' : 'None in these results'));
    } else {
      replaceChildren(this.list, rows.map((r, i) => this.checkbox(r.value, r.label, r.count, r.checked, `v${i}`)));
    }
    this.match.hidden = selected.length < 2 && !matchAny;
    this.matchSelect.value = matchAny ? 'any' : 'all';
    this.moreButton.hidden = !this.expanded && values.length < limit;
    this.moreButton.textContent = this.expanded ? 'Show fewer' : 'Show more';
    this.moreButton.setAttribute('aria-expanded', this.expanded ? 'true' : 'false');
    this.refreshFound();

    if (focusKey !== null) {
      const container = focusInFound ? this.found : this.list;
      const again = [...container.querySelectorAll('input[type=checkbox]')].find((i) => i.dataset.value === focusKey);
      if (again) again.focus();
    }
  }

  async runSearch() {
    const prefix = this.searchInput.value.trim();
    const seq = ++this.searchSeq;
    if (!prefix) { this.foundValues = null; this.found.replaceChildren(); return; }
    try {
      const values = await this.h.searchValues(this.field, prefix);
      if (seq !== this.searchSeq) return;
      this.foundValues = values;
      for (const v of values) this.h.rememberLabel(this.field, v.value, v.label);
      this.refreshFound();
    } catch (err) {
      if (seq !== this.searchSeq || err.name === 'AbortError') return;
      this.foundValues = null;
      replaceChildren(this.found, el('p', { className: 'facet-empty error-text' }, `Could not search: ${err.message}`));
    }
  }

  refreshFound() {
    if (!this.foundValues) return;
    if (!this.foundValues.length) {
      replaceChildren(this.found, el('p', { className: 'facet-empty muted' }, `No ${this.title.toLowerCase()} match “${this.searchInput.value.trim()}”.`));
      return;
    }
    replaceChildren(this.found, el('ul', { className: 'facet-values facet-found-values', attrs: { 'aria-label': `${this.title} matching “${this.searchInput.value.trim()}”` } },
      this.foundValues.slice(0, 20).map((v, i) => this.checkbox(v.value, v.label || v.value, v.count ?? null, this.selected.includes(v.value), `f${i}`))));
  }
}
