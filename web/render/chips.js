// Entity chips: a country (with flag), person or organisation found in an
// article. A chip is a button that filters the search by its entity; the
// small button beside it opens the entity's panel (timeline, co-mentions).

import { el } from '../dom.js';
import { flagElement, isCountryField } from '../flags.js';
import { ENTITY_FIELDS, fieldSpec } from '../api.js';

/**
 * entities: a hit or document, with each entity field's list under its
 * hit_key ({countries:[{code,name,mentions?}], people:[{id,name}], ...},
 * as GET /api/schema describes).
 * onFilter(field, value, label) is called when a chip is clicked;
 * onEntity(field, value, label, opener), when given, by its panel button.
 * active(field, value) tells whether the filter is already on.
 */
export function entityChips(entities, { onFilter, onEntity, active, showMentions = false, limit = Infinity }) {
  const items = [];
  for (const f of ENTITY_FIELDS) {
    for (const e of entities[f.hit_key] || []) {
      const value = e[f.hit_id_key];
      items.push({ field: f.name, value, label: e.name || value, mentions: e.mentions });
    }
  }
  if (!items.length) return null;

  const list = el('ul', { className: 'chips', attrs: { 'aria-label': 'Entities' } });
  items.slice(0, limit).forEach((item) => {
    const on = active(item.field, item.value);
    const kind = (fieldSpec(item.field)?.label || item.field).toLowerCase();
    const button = el('button', {
      type: 'button',
      className: `chip chip-${item.field}${on ? ' chip-active' : ''}`,
      dataset: { field: item.field, value: item.value },
      attrs: { 'aria-pressed': on ? 'true' : 'false', title: on ? `Filtering by this ${kind}` : `Filter by this ${kind}` },
      on: { click: () => onFilter(item.field, item.value, item.label) },
    },
    isCountryField(item.field) ? flagElement(item.value) : el('span', { className: 'chip-kind', attrs: { 'aria-hidden': 'true' } }),
    el('span', { className: 'visually-hidden' }, `Filter by ${kind}: `),
    el('span', { className: 'chip-label' }, item.label),
    showMentions && item.mentions ? el('span', { className: 'chip-count', attrs: { 'aria-label': `, ${item.mentions} mentions` } }, String(item.mentions)) : null);
    const details = onEntity ? el('button', {
      type: 'button',
      className: 'chip-details',
      dataset: { field: item.field, value: item.value },
      title: `About this ${kind}: timeline and co-mentions`,
      on: { click: (e) => onEntity(item.field, item.value, item.label, e.currentTarget) },
    }, el('span', { className: 'visually-hidden' }, `About ${item.label}`), el('span', { attrs: { 'aria-hidden': 'true' } }, '›')) : null;
    list.appendChild(el('li', {}, button, details));
  });
  if (items.length > limit) {
    list.appendChild(el('li', { className: 'chip-more' }, `+${items.length - limit} more`));
  }
  return list;
}
