// Entity chips: a country (with flag), person or organisation found in an
// article. A chip is a button that filters the search by its entity.

import { el } from '../dom.js';
import { flagElement } from '../flags.js';

const KIND_LABEL = { country: 'country', person: 'person', org: 'organisation' };

/**
 * entities: {countries:[{code,name,mentions?}], people:[{id,name}], orgs:[{id,name}]}
 * onFilter(field, value, label) is called when a chip is clicked.
 * active(field, value) tells whether the filter is already on.
 */
export function entityChips(entities, { onFilter, active, showMentions = false, limit = Infinity }) {
  const items = [];
  for (const c of entities.countries || []) items.push({ field: 'country', value: c.code, label: c.name || c.code, mentions: c.mentions });
  for (const p of entities.people || []) items.push({ field: 'person', value: p.id, label: p.name || p.id, mentions: p.mentions });
  for (const o of entities.orgs || []) items.push({ field: 'org', value: o.id, label: o.name || o.id, mentions: o.mentions });
  if (!items.length) return null;

  const list = el('ul', { className: 'chips', attrs: { 'aria-label': 'Entities' } });
  items.slice(0, limit).forEach((item) => {
    const on = active(item.field, item.value);
    const button = el('button', {
      type: 'button',
      className: `chip chip-${item.field}${on ? ' chip-active' : ''}`,
      dataset: { field: item.field, value: item.value },
      attrs: { 'aria-pressed': on ? 'true' : 'false', title: on ? `Filtering by this ${KIND_LABEL[item.field]}` : `Filter by this ${KIND_LABEL[item.field]}` },
      on: { click: () => onFilter(item.field, item.value, item.label) },
    },
    item.field === 'country' ? flagElement(item.value) : el('span', { className: 'chip-kind', attrs: { 'aria-hidden': 'true' } }),
    el('span', { className: 'visually-hidden' }, `Filter by ${KIND_LABEL[item.field]}: `),
    el('span', { className: 'chip-label' }, item.label),
    showMentions && item.mentions ? el('span', { className: 'chip-count', attrs: { 'aria-label': `, ${item.mentions} mentions` } }, String(item.mentions)) : null);
    list.appendChild(el('li', {}, button));
  });
  if (items.length > limit) {
    list.appendChild(el('li', { className: 'chip-more' }, `+${items.length - limit} more`));
  }
  return list;
}
