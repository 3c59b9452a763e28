// The analyst views around the results: "+ Compare" lines on a timeline,
// the people × countries heatmap, the themes, and the entity panel. Each is
// drawn from the URL state (state.js) by sync(); every action navigates, so
// reload and shared links restore the same views.

import * as api from './api.js';
import { el, replaceChildren } from './dom.js';
import { withChanges, entityOf, MAX_COMPARE } from './state.js';
import { lineChart } from './render/linechart.js';
import { renderHeatmap } from './render/heatmap.js';
import { renderThemes } from './render/themes.js';
import { renderEntityPanel, renderEntityLoading } from './render/entity_panel.js';

const $ = (id) => document.getElementById(id);

function errorText(container, err) {
  replaceChildren(container, el('p', { className: 'error-text' }, `Not available: ${err.message}`));
}

/** Runs `load` unless `key` is what `slot` shows already; drops superseded answers. */
async function refresh(slot, key, load, draw, container) {
  if (slot.key === key) return;
  slot.key = key;
  slot.controller?.abort();
  const controller = new AbortController();
  slot.controller = controller;
  try {
    const data = await load(controller.signal);
    if (slot.controller === controller) draw(data);
  } catch (err) {
    if (err.name !== 'AbortError' && slot.controller === controller) errorText(container, err);
  }
}

/** The query of `q` narrowed to an entity, in the query language (`talks person:joe-biden`). */
export function entityQuery(q, entity) {
  const value = /^[\w.-]+$/.test(entity.value) ? entity.value : `"${entity.value.replace(/"/g, '')}"`;
  return `${q ? `${q} ` : ''}${entity.field}:${value}`;
}

/** The day `days` after `day` (YYYY-MM-DD). */
function addDays(day, days) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The burst days of a one-value /api/bursts answer. */
function burstDaysOf(answer) {
  return (answer.values?.[0]?.days || []).filter((d) => d.burst).map((d) => d.date);
}

export class AnalystViews {
  /** ctx: {navigate(next), state(), labelOf(field, value), rememberLabel, isActive(field, value)} */
  constructor(ctx) {
    this.ctx = ctx;
    this.ui = {
      compareForm: $('compare-form'), compareInput: $('compare-q'), compareLegend: $('compare-legend'), compareChart: $('compare-chart'),
      heatmapToggle: $('heatmap-toggle'), heatmap: $('heatmap'), themes: $('themes'),
      rawToggle: $('raw-counts'), panel: $('entity-panel'), panelBody: $('entity-content'), panelClose: $('entity-close'),
    };
    this.slots = { compare: {}, heatmap: {}, themes: {}, entity: {}, histogramBursts: {} };
    this.returnFocus = null;
    this.ui.compareForm.addEventListener('submit', (e) => {
      e.preventDefault();
      const q = this.ui.compareInput.value.trim();
      const s = ctx.state();
      if (!q || s.compare.includes(q) || s.compare.length >= MAX_COMPARE) return;
      this.ui.compareInput.value = '';
      ctx.navigate(withChanges(s, { compare: [...s.compare, q] }));
    });
    this.ui.heatmapToggle.addEventListener('click', () => ctx.navigate(withChanges(ctx.state(), { heatmap: !ctx.state().heatmap })));
    this.ui.rawToggle.addEventListener('change', () => ctx.navigate(withChanges(ctx.state(), { raw: this.ui.rawToggle.checked })));
    this.ui.panelClose.addEventListener('click', () => this.closePanel());
    this.ui.panel.addEventListener('cancel', (e) => { e.preventDefault(); this.closePanel(); });
  }

  /** Opens the panel of an entity; focus comes back to `opener` when it closes. */
  openEntity(field, value, label, opener = document.activeElement) {
    this.ctx.rememberLabel(field, value, label);
    this.returnFocus = opener;
    this.ctx.navigate(withChanges(this.ctx.state(), { entity: `${field}:${value}`, doc: '', story: '' }));
  }

  closePanel() {
    this.ctx.navigate(withChanges(this.ctx.state(), { entity: '' }));
  }

  /**
   * The burst days of the chosen value (the open panel's entity, else the
   * one entity filter) within `buckets`, for the date chart. Fetches them
   * when they are not known yet and calls `redraw` once they are.
   */
  burstsFor(state, buckets, redraw) {
    const filters = api.ENTITY_FIELDS.flatMap((f) => state[f.name].map((value) => ({ field: f.name, value })));
    const chosen = entityOf(state) || (filters.length === 1 ? filters[0] : null);
    if (!chosen || !buckets.length) return [];
    const values = buckets.map((b) => b.value).sort();
    const key = `${chosen.field}:${chosen.value}\t${values[0]}\t${values.at(-1)}`;
    const cache = this.slots.histogramBursts;
    if (cache.key === key) return cache.days || [];
    cache.key = key;
    cache.days = [];
    api.bursts(chosen.field, chosen.value, values[0], values.at(-1)).then((b) => {
      if (cache.key !== key) return;
      cache.days = burstDaysOf(b);
      if (cache.days.length) redraw();
    }).catch(() => { /* no marks; the chart stands without them */ });
    return [];
  }

  sync(state, searchKey) {
    this.ui.rawToggle.checked = state.raw;
    this.syncCompare(state, searchKey);
    this.syncHeatmap(state, searchKey);
    this.syncThemes(state, searchKey);
    this.syncPanel(state, searchKey);
  }

  syncCompare(state, searchKey) {
    const queries = [state.q, ...state.compare];
    const full = state.compare.length >= MAX_COMPARE;
    this.ui.compareInput.disabled = full;
    this.ui.compareForm.querySelector('button').disabled = full;
    replaceChildren(this.ui.compareLegend, state.compare.length ? queries.map((q, k) => el('li', { className: `legend-item series-${k}` },
      el('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } }), el('span', { className: 'legend-label' }, q || 'All articles'),
      k === 0 ? null : el('button', {
        type: 'button',
        className: 'btn btn-link btn-small',
        on: { click: () => this.ctx.navigate(withChanges(this.ctx.state(), { compare: this.ctx.state().compare.filter((c) => c !== q) })) },
      }, el('span', { className: 'visually-hidden' }, `Remove ${q}`), el('span', { attrs: { 'aria-hidden': 'true' } }, '×')))) : null);
    if (!state.compare.length) {
      this.slots.compare.key = '';
      this.ui.compareChart.replaceChildren();
      return;
    }
    const draw = (data) => replaceChildren(this.ui.compareChart, lineChart({
      series: data.series.map((s, k) => ({ label: queries[k] || 'All articles', buckets: s.buckets })),
      raw: state.raw,
      label: `Compared queries: ${state.raw ? 'matching articles' : 'share of all articles'} per ${data.interval}`,
    }));
    refresh(this.slots.compare, `${searchKey}\t${queries.join('\t')}\t${state.raw}`, (signal) => api.timeline(state, queries, {}, signal), draw, this.ui.compareChart);
  }

  syncHeatmap(state, searchKey) {
    this.ui.heatmapToggle.setAttribute('aria-expanded', state.heatmap ? 'true' : 'false');
    this.ui.heatmapToggle.textContent = state.heatmap ? 'Hide people × countries' : 'Show people × countries';
    this.ui.heatmap.hidden = !state.heatmap;
    if (!state.heatmap) { this.slots.heatmap.key = ''; return; }
    refresh(this.slots.heatmap, searchKey, (signal) => api.comentionMatrix(state, { rows: 'person', against: 'country', size: 10 }, signal), (m) => renderHeatmap(this.ui.heatmap, m, {
      rowField: 'person', colField: 'country', caption: 'Articles mentioning both a person (rows) and a country (columns)',
      onEntity: (f, v, l) => this.openEntity(f, v, l),
    }), this.ui.heatmap);
  }

  syncThemes(state, searchKey) {
    refresh(this.slots.themes, searchKey, (signal) => api.terms(state, 12, signal), (t) => renderThemes(this.ui.themes, t, (term) => {
      this.ctx.navigate(withChanges(this.ctx.state(), { q: term.includes(' ') ? `"${term}"` : term, page: 1, entity: '' }));
    }), this.ui.themes);
  }

  syncPanel(state, searchKey) {
    const entity = entityOf(state);
    const { panel } = this.ui;
    if (!entity) {
      this.slots.entity.key = '';
      this.slots.entity.controller?.abort();
      if (panel.open) {
        panel.close();
        const back = this.returnFocus && this.returnFocus.isConnected ? this.returnFocus : $('results-heading');
        back.focus();
      }
      return;
    }
    if (!panel.open) panel.showModal();
    const label = this.ctx.labelOf(entity.field, entity.value);
    const key = `${searchKey}\t${state.entity}\t${state.raw}\t${state.rank}`;
    if (this.slots.entity.key !== key && this.slots.entity.entity !== state.entity) renderEntityLoading(this.ui.panelBody, label).focus();
    this.slots.entity.entity = state.entity;
    refresh(this.slots.entity, key, (signal) => this.loadEntity(state, entity, signal), (data) => {
      const hadFocus = panel.contains(document.activeElement) && document.activeElement !== this.ui.panelClose;
      const rankFocused = document.activeElement?.name === 'entity-rank';
      const title = renderEntityPanel(this.ui.panelBody, data, {
        raw: state.raw,
        rank: state.rank,
        filtering: this.ctx.isActive(entity.field, entity.value),
        onFilter: () => this.ctx.navigate(withChanges(this.ctx.state(), { [entity.field]: [...this.ctx.state()[entity.field], entity.value], page: 1, entity: '' })),
        onRank: (rank) => this.ctx.navigate(withChanges(this.ctx.state(), { rank })),
        onEntity: (f, v, l) => this.openEntity(f, v, l, this.returnFocus),
      });
      if (rankFocused) this.ui.panelBody.querySelector(`input[name="entity-rank"][value="${state.rank}"]`)?.focus();
      else if (hadFocus || !panel.contains(document.activeElement)) title.focus();
    }, this.ui.panelBody);
  }

  async loadEntity(state, entity, signal) {
    const spec = api.fieldSpec(entity.field);
    const withValue = `${entity.field}:${entity.value}`;
    const [timeline, ...comentions] = await Promise.all([
      // The query's own series sets the buckets, so the entity's line spans the whole results.
      api.timeline(state, [state.q, entityQuery(state.q, entity)], {}, signal),
      ...api.ENTITY_FIELDS.map((f) => api.comentions(state, { field: f.name, withValue, sort: state.rank, size: 8 }, signal)),
    ]);
    timeline.series = timeline.series.slice(1);
    const buckets = timeline.series[0]?.buckets || [];
    let burstDays = [];
    if (buckets.length) {
      const first = buckets[0].value;
      // A week is named by its Monday: search its Sunday too.
      const last = timeline.interval === 'week' ? addDays(buckets[buckets.length - 1].value, 6) : buckets[buckets.length - 1].value;
      const b = await api.bursts(entity.field, entity.value, first, last, signal);
      burstDays = burstDaysOf(b);
    }
    const match = comentions[0]?.with?.matches?.[0];
    const label = match?.label || this.ctx.labelOf(entity.field, entity.value);
    this.ctx.rememberLabel(entity.field, entity.value, label);
    return {
      label,
      kind: spec?.label || entity.field,
      timeline,
      bursts: burstDays,
      articles: comentions[0]?.articles ?? 0,
      comentions: api.ENTITY_FIELDS.map((f, i) => [f, comentions[i]]),
    };
  }
}
