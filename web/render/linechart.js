// A line chart of attention over time, drawn as SVG by our own code: one
// line per series on shared buckets (GET /api/timeline), y as the share of
// all articles in the bucket (count / all, Media Cloud's convention) or as
// raw counts, with axes, period labels, a tooltip per point (an SVG <title>,
// and the point is focusable with its numbers as its name) and burst days as
// marks on the x axis. The points are one tab stop: arrow keys move along a
// line (Left/Right, Home/End) and between lines (Up/Down).

import { formatNumber } from '../dom.js';
import { periodLabel, periodStart } from './histogram.js';

const SVG = 'http://www.w3.org/2000/svg';
const H = 220;
const M = { top: 12, right: 12, bottom: 30, left: 48 };

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.setAttribute(k, String(v));
  for (const c of children) if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

export function formatShare(share) {
  if (share === 0) return '0%';
  return `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
}

/** A bucket's y: its share of all articles, or its count when `raw`. */
export function bucketMeasure(bucket, raw) {
  if (raw) return bucket.count;
  return bucket.all > 0 ? bucket.count / bucket.all : 0;
}

/** Text for one bucket: "2024: 5 of 25 articles (20%)". */
export function bucketText(bucket) {
  const all = Number.isFinite(bucket.all) ? ` of ${formatNumber(bucket.all)}` : '';
  const share = bucket.all > 0 ? ` (${formatShare(bucket.count / bucket.all)})` : '';
  return `${periodLabel(bucket.value)}: ${formatNumber(bucket.count)}${all} ${bucket.count === 1 && !all ? 'article' : 'articles'}${share}`;
}

/** Index of the bucket a day (YYYY-MM-DD) falls in: the last one starting on or before it. */
export function bucketOfDay(buckets, day) {
  let found = -1;
  buckets.forEach((b, i) => { if (periodStart(b.value) <= day) found = i; });
  return found;
}

/**
 * An <svg> chart. series: [{label, buckets: [{value, count, all}]}], every
 * series on the same buckets; raw: counts instead of shares; bursts: days
 * (YYYY-MM-DD) to mark; label: the chart's accessible name.
 */
export function lineChart({ series, raw = false, bursts = [], label }) {
  // Narrow screens get a narrower drawing, so its text is not scaled down.
  const W = window.innerWidth < 600 ? 340 : 640;
  const buckets = series[0]?.buckets || [];
  const n = buckets.length;
  const values = series.flatMap((s) => s.buckets.map((b) => bucketMeasure(b, raw)));
  const max = Math.max(...values, raw ? 1 : 0.01);
  const x = (i) => M.left + (n <= 1 ? (W - M.left - M.right) / 2 : (i * (W - M.left - M.right)) / (n - 1));
  const y = (v) => H - M.bottom - (v / max) * (H - M.top - M.bottom);
  const fmt = (v) => (raw ? formatNumber(Math.round(v)) : formatShare(v));
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'line-chart', role: 'group', 'aria-label': label });

  const axes = svg('g', { class: 'chart-axes', 'aria-hidden': 'true' });
  for (const t of [0, max / 2, max]) {
    axes.appendChild(svg('line', { x1: M.left, x2: W - M.right, y1: y(t), y2: y(t), class: 'grid' }));
    axes.appendChild(svg('text', { x: M.left - 6, y: y(t) + 4, 'text-anchor': 'end' }, fmt(t)));
  }
  axes.appendChild(svg('line', { x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom, class: 'axis-line' }));
  const labelCount = Math.min(n, 6);
  const shown = new Set();
  for (let k = 0; k < labelCount; k++) shown.add(Math.round((k * (n - 1)) / Math.max(1, labelCount - 1)));
  for (const i of shown) {
    axes.appendChild(svg('text', { x: x(i), y: H - M.bottom + 16, 'text-anchor': 'middle' }, periodLabel(buckets[i].value, true)));
  }
  root.appendChild(axes);

  const marks = svg('g', { class: 'burst-marks' });
  for (const day of bursts) {
    const i = bucketOfDay(buckets, day);
    if (i < 0) continue;
    marks.appendChild(svg('path', { d: `M${x(i)},${H - M.bottom} l-5,8 h10 z`, class: 'burst-mark', 'data-day': day, role: 'img', 'aria-label': `Burst on ${periodLabel(day)}` },
      svg('title', {}, `Burst on ${periodLabel(day)}`)));
  }
  root.appendChild(marks);

  series.forEach((s, k) => {
    const pts = s.buckets.map((b, i) => `${x(i).toFixed(1)},${y(bucketMeasure(b, raw)).toFixed(1)}`);
    const g = svg('g', { class: `series series-${k}`, 'data-series': String(k) });
    g.appendChild(svg('polyline', { points: pts.join(' '), class: 'series-line', 'aria-hidden': 'true' }));
    s.buckets.forEach((b, i) => {
      const text = `${s.label}, ${bucketText(b)}`;
      g.appendChild(svg('circle', {
        cx: x(i).toFixed(1), cy: y(bucketMeasure(b, raw)).toFixed(1), r: 4, class: 'series-point',
        'data-value': b.value, 'data-count': b.count, 'data-all': b.all,
        tabindex: k === 0 && i === n - 1 ? 0 : -1, role: 'img', 'aria-label': text, 'data-series': k, 'data-index': i,
      }, svg('title', {}, text)));
    });
    root.appendChild(g);
  });
  root.addEventListener('keydown', (e) => movePoint(root, e, n, series.length));
  return root;
}

/** Roving focus over the chart's points (one tab stop for the whole chart). */
function movePoint(root, e, n, lines) {
  const at = e.target.closest?.('.series-point');
  if (!at) return;
  let k = Number(at.dataset.series);
  let i = Number(at.dataset.index);
  if (e.key === 'ArrowRight') i = Math.min(n - 1, i + 1);
  else if (e.key === 'ArrowLeft') i = Math.max(0, i - 1);
  else if (e.key === 'Home') i = 0;
  else if (e.key === 'End') i = n - 1;
  else if (e.key === 'ArrowUp') k = Math.max(0, k - 1);
  else if (e.key === 'ArrowDown') k = Math.min(lines - 1, k + 1);
  else return;
  e.preventDefault();
  const next = root.querySelector(`.series-point[data-series="${k}"][data-index="${i}"]`);
  if (!next) return;
  at.setAttribute('tabindex', '-1');
  next.setAttribute('tabindex', '0');
  next.focus();
}
