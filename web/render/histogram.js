// The date facet as a histogram of the matching articles. Each bar is a
// button: click (or Enter) chooses its period, Shift+click extends the choice
// from the last chosen bar, and dragging across bars chooses their span.
// Arrow keys, Home and End move between bars (one tab stop for the chart).

import { el, replaceChildren, formatNumber } from '../dom.js';
import { bucketMeasure, bucketText, formatShare, bucketOfDay } from './linechart.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n, w = 2) => String(n).padStart(w, '0');

function granularity(value) {
  return value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
}

export function periodStart(value) {
  return value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
}

export function periodEnd(value) {
  return value.length === 4 ? `${value}-12-31` : value.length === 7 ? `${value}-31` : value;
}

function nextValue(value) {
  const g = granularity(value);
  if (g === 'year') return String(Number(value) + 1);
  if (g === 'month') {
    const [y, m] = value.split('-').map(Number);
    return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
  }
  const d = new Date(`${value}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Sorted buckets with the empty periods between them filled in. */
export function fillBuckets(buckets) {
  const sorted = buckets.filter((b) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(b.value)).sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  if (sorted.length < 2) return sorted;
  const g = granularity(sorted[0].value);
  if (sorted.some((b) => granularity(b.value) !== g)) return sorted;
  const byValue = new Map(sorted.map((b) => [b.value, b]));
  const out = [];
  const last = sorted[sorted.length - 1].value;
  for (let v = sorted[0].value; v <= last && out.length <= 1500; v = nextValue(v)) {
    const b = byValue.get(v);
    out.push({ value: v, count: b?.count || 0, all: b?.all ?? 0 });
  }
  return out.length > 1500 ? sorted : out;
}

export function periodLabel(value, short = false) {
  const g = granularity(value);
  if (g === 'year') return value;
  const [y, m, d] = value.split('-').map(Number);
  if (g === 'month') return short ? `${MONTHS[m - 1]} ’${String(y).slice(2)}` : `${MONTHS[m - 1]} ${y}`;
  return short ? `${d} ${MONTHS[m - 1]}` : `${d} ${MONTHS[m - 1]} ${y}`;
}

function inRange(value, from, to) {
  if (!from && !to) return false;
  const start = periodStart(value);
  const end = periodEnd(value);
  return (!to || start <= periodEnd(to)) && (!from || end >= periodStart(from));
}

export class Histogram {
  /** onSelect(from, to) sets the date range ('' for open ends). */
  constructor(container, onSelect) {
    this.container = container;
    this.onSelect = onSelect;
    this.buckets = [];
    this.anchor = -1;
    this.focusIndex = 0;
    this.drag = null;
  }

  /**
   * `raw`: bar heights are counts; otherwise the share of all articles in
   * the period (count / all). `bursts`: days (YYYY-MM-DD) whose bars get a
   * burst mark.
   */
  render(buckets, from, to, { unavailable = false, raw = false, bursts = [] } = {}) {
    const hadFocus = this.container.contains(document.activeElement);
    this.buckets = fillBuckets(buckets || []);
    this.from = from;
    this.to = to;
    const total = this.buckets.reduce((s, b) => s + b.count, 0);
    if (!this.buckets.length || total === 0) {
      replaceChildren(this.container, el('p', { className: 'histogram-empty muted' }, unavailable ? 'The timeline is not available.' : 'No dated articles in these results.'));
      return;
    }
    const measure = (b) => bucketMeasure(b, raw);
    const max = Math.max(...this.buckets.map(measure), raw ? 1 : 0.0001);
    const g = granularity(this.buckets[0].value);
    const selectedIdx = this.buckets.map((b, i) => (inRange(b.value, from, to) ? i : -1)).filter((i) => i >= 0);
    const burstIdx = new Set(bursts.map((d) => bucketOfDay(this.buckets, d)));
    if (this.focusIndex >= this.buckets.length) this.focusIndex = this.buckets.length - 1;
    if (!hadFocus) this.focusIndex = selectedIdx.length ? selectedIdx[0] : this.buckets.length - 1;

    this.bars = this.buckets.map((b, i) => {
      const selected = selectedIdx.includes(i);
      const fill = el('span', { className: 'bar-fill' });
      fill.style.setProperty('height', b.count ? `max(2px, ${((measure(b) / max) * 100).toFixed(2)}%)` : '0');
      return el('button', {
        type: 'button',
        className: `bar${selected ? ' is-selected' : ''}${b.count ? '' : ' is-zero'}${burstIdx.has(i) ? ' has-burst' : ''}`,
        tabIndex: i === this.focusIndex ? 0 : -1,
        dataset: { index: String(i), value: b.value, count: String(b.count), all: String(b.all ?? '') },
        title: `${bucketText(b)}${burstIdx.has(i) ? ', a burst' : ''}`,
        attrs: { 'aria-label': `${bucketText(b)}${burstIdx.has(i) ? ', a burst' : ''}`, 'aria-pressed': selected ? 'true' : 'false' },
        on: {
          click: (e) => this.onBarClick(e, i),
          keydown: (e) => this.onKey(e, i),
          focus: () => { this.focusIndex = i; },
        },
      }, fill);
    });
    this.barsBox = el('div', {
      className: 'bars',
      on: {
        pointerdown: (e) => this.onPointerDown(e),
        pointermove: (e) => this.onPointerMove(e),
        pointerup: (e) => this.onPointerUp(e),
        pointercancel: () => this.cancelDrag(),
      },
    }, this.bars);

    const narrow = window.innerWidth < 600;
    const labelCount = this.buckets.length <= (narrow ? 4 : 12) ? this.buckets.length : narrow ? 3 : 6;
    const labelIdx = new Set();
    for (let k = 0; k < labelCount; k++) labelIdx.add(Math.round((k * (this.buckets.length - 1)) / Math.max(1, labelCount - 1)));
    // The axis mirrors the bars' flex layout, one cell per bar, so labels
    // sit under their bars whatever the width.
    const axis = el('div', { className: 'axis', attrs: { 'aria-hidden': 'true' } },
      this.buckets.map((b, i) => el('span', { className: 'axis-cell' },
        labelIdx.has(i) ? el('span', { className: 'axis-label' }, periodLabel(b.value, true)) : null)));
    const per = g === 'year' ? 'year' : g === 'month' ? 'month' : 'day';
    replaceChildren(this.container,
      el('div', {
        className: 'histogram-chart',
        dataset: { measure: raw ? 'count' : 'share' },
        attrs: { role: 'group', 'aria-label': `${raw ? 'Matching articles' : 'Share of all articles matching'} per ${per}, ${periodLabel(this.buckets[0].value)} to ${periodLabel(this.buckets[this.buckets.length - 1].value)}. Choose a bar, or Shift with a second bar, to filter by date.` },
      }, el('div', { className: 'y-max', attrs: { 'aria-hidden': 'true' } }, raw ? formatNumber(max) : formatShare(max)), this.barsBox, axis));
    if (hadFocus && this.bars[this.focusIndex]) this.bars[this.focusIndex].focus();
  }

  select(i, j) {
    const a = Math.min(i, j);
    const b = Math.max(i, j);
    const from = this.buckets[a].value;
    const to = this.buckets[b].value;
    if (a === b && this.from === from && this.to === to) {
      this.onSelect('', ''); // choosing the only chosen bar again clears it
      return;
    }
    this.onSelect(from, to);
  }

  onBarClick(e, i) {
    if (e.detail !== 0) return; // pointer clicks are handled by the pointer events
    this.choose(i, e.shiftKey);
  }

  choose(i, extend) {
    if (extend && this.anchor >= 0 && this.anchor < this.buckets.length) {
      this.select(this.anchor, i);
    } else {
      this.anchor = i;
      this.select(i, i);
    }
  }

  onKey(e, i) {
    let next = -1;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') next = Math.min(this.bars.length - 1, i + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') next = Math.max(0, i - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = this.bars.length - 1;
    if (next < 0) return;
    e.preventDefault();
    this.bars[i].tabIndex = -1;
    this.bars[next].tabIndex = 0;
    this.bars[next].focus();
  }

  /** The bar under (or nearest to) a horizontal position. */
  indexAt(clientX) {
    let best = 0;
    let bestDistance = Infinity;
    this.bars.forEach((bar, i) => {
      const r = bar.getBoundingClientRect();
      const d = clientX < r.left ? r.left - clientX : clientX > r.right ? clientX - r.right : 0;
      if (d < bestDistance) { bestDistance = d; best = i; }
    });
    return best;
  }

  onPointerDown(e) {
    if (e.button !== 0) return;
    const i = this.indexAt(e.clientX);
    this.drag = { start: i, end: i, shift: e.shiftKey, id: e.pointerId };
    try { this.barsBox.setPointerCapture(e.pointerId); } catch { /* pointer already gone */ }
    this.paintDrag();
  }

  onPointerMove(e) {
    if (!this.drag || e.pointerId !== this.drag.id) return;
    const i = this.indexAt(e.clientX);
    if (i !== this.drag.end) {
      this.drag.end = i;
      this.paintDrag();
    }
  }

  onPointerUp(e) {
    if (!this.drag || e.pointerId !== this.drag.id) return;
    const { start, end, shift } = this.drag;
    this.cancelDrag();
    if (this.bars[end]) { this.focusIndex = end; }
    if (start === end) {
      this.choose(end, shift);
    } else {
      this.anchor = start;
      this.select(start, end);
    }
  }

  cancelDrag() {
    this.drag = null;
    if (this.bars) this.bars.forEach((b) => b.classList.remove('in-drag'));
    this.barsBox?.classList.remove('is-dragging');
  }

  paintDrag() {
    const a = Math.min(this.drag.start, this.drag.end);
    const b = Math.max(this.drag.start, this.drag.end);
    this.barsBox.classList.add('is-dragging');
    this.bars.forEach((bar, i) => bar.classList.toggle('in-drag', i >= a && i <= b));
  }
}
