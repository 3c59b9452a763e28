// Exports: the "Export" menus on the results and on each facet panel. An
// export of the results downloads GET /api/export at the revision the
// results were computed on (so it holds exactly the articles counted, even
// while the index is updated); a facet's downloads every value of the facet
// with its count (export?facet=NAME). The body is read as a stream, counting
// rows and bytes against the known total for the progress bar, then saved
// through a Blob URL (no inline script, CSP-clean).

import { el, formatNumber } from './dom.js';

const FORMATS = [
  ['csv', 'CSV'],
  ['jsonl', 'JSON Lines'],
  ['json', 'JSON'],
];

/** The export's query parameters: the search's filters, its revision, a format. */
export function exportParams(searchParams, { revision, format, facet }) {
  const skip = new Set(['page', 'size', 'facets', 'facet_size', 'interval', 'sort']);
  const p = searchParams.filter(([key]) => !skip.has(key));
  if (revision) p.push(['revision', revision]);
  p.push(['format', format]);
  if (facet) p.push(['facet', facet]);
  return p;
}

/** The file name the server suggests (Content-Disposition), or a fallback. */
function fileName(response, fallback) {
  const m = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
  return m ? m[1] : fallback;
}

function countRows(chunk, format) {
  // CSV: CRLF ends a row (a line break inside a quoted field is a bare LF);
  // JSON Lines: LF. A JSON array is one line: its progress is in bytes.
  let n = 0;
  if (format === 'json') return 0;
  if (format === 'csv') {
    for (let i = 1; i < chunk.length; i++) if (chunk[i] === 10 && chunk[i - 1] === 13) n++;
  } else {
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) n++;
  }
  return n;
}

/**
 * Downloads one export. onProgress({rows, total, bytes}) as chunks arrive.
 * Rejects with an Error whose message is the server's (410: revision gone).
 */
export async function download(params, { onProgress, signal, fallbackName }) {
  const url = new URL('/api/export', window.location.origin);
  for (const [k, v] of params) url.searchParams.append(k, v);
  const response = await fetch(url, { signal });
  if (!response.ok) {
    let message = `The server answered ${response.status}.`;
    try {
      const body = await response.json();
      if (body?.error?.message) message = body.error.message;
    } catch { /* not JSON */ }
    const err = new Error(message);
    err.status = response.status;
    throw err;
  }
  const format = new URL(url).searchParams.get('format');
  const total = Number(response.headers.get('X-Total-Count')) || 0;
  const reader = response.body.getReader();
  const chunks = [];
  let rows = format === 'csv' ? -1 : 0; // the CSV header line
  let bytes = 0;
  let tail = 0; // last byte of the previous chunk (a CRLF split in two)
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.length;
    rows += countRows(value, format) + (format === 'csv' && tail === 13 && value[0] === 10 ? 1 : 0);
    tail = value[value.length - 1];
    onProgress?.({ rows: Math.max(0, rows), total, bytes });
  }
  const blob = new Blob(chunks, { type: response.headers.get('Content-Type') || 'application/octet-stream' });
  const href = URL.createObjectURL(blob);
  const a = el('a', { href, download: fileName(response, fallbackName), className: 'visually-hidden' });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60000);
  return { rows: format === 'json' ? total : Math.max(0, rows), total, bytes };
}

/**
 * An "Export" button with a menu of formats (a popover), and a status line
 * with a progress bar and Cancel. getParams(format) gives the export's
 * parameters, or null when there is nothing to export.
 */
export class ExportMenu {
  constructor(id, { label = 'Export', title, formats = FORMATS, getParams, fallbackName }) {
    this.getParams = getParams;
    this.fallbackName = fallbackName;
    this.controller = null;
    const menuId = `${id}-menu`;
    this.button = el('button', {
      type: 'button',
      className: 'btn btn-small export-button',
      id: `${id}-button`,
      title,
      attrs: { popovertarget: menuId, 'aria-haspopup': 'menu' },
    }, label);
    this.menu = el('div', { id: menuId, className: 'popover export-menu', popover: 'auto', attrs: { role: 'menu' } },
      formats.map(([format, name]) => el('button', {
        type: 'button',
        className: 'btn btn-link export-format',
        dataset: { format },
        attrs: { role: 'menuitem' },
        on: { click: () => { this.menu.hidePopover(); this.start(format); } },
      }, name)));
    this.progress = el('progress', { className: 'export-progress', max: 1, value: 0 });
    this.text = el('span', { className: 'export-text' });
    this.cancel = el('button', {
      type: 'button',
      className: 'btn btn-link btn-small',
      on: { click: () => this.controller?.abort() },
    }, 'Cancel');
    this.status = el('div', { className: 'export-status', id: `${id}-status`, hidden: true, attrs: { role: 'status', 'aria-live': 'polite' } },
      this.progress, this.text, this.cancel);
    this.root = el('div', { className: 'export', id }, this.button, this.menu, this.status);
  }

  async start(format) {
    const params = this.getParams(format);
    if (!params) return;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.status.hidden = false;
    this.cancel.hidden = false;
    this.progress.hidden = false;
    this.progress.removeAttribute('value');
    this.text.textContent = 'Starting export…';
    try {
      const done = await download(params, {
        signal: controller.signal,
        fallbackName: `${this.fallbackName}.${format}`,
        onProgress: ({ rows, total, bytes }) => {
          if (total > 0) {
            this.progress.max = total;
            this.progress.value = Math.min(rows, total);
          }
          const mb = `${(bytes / 1e6).toFixed(1)} MB`;
          this.text.textContent = format === 'json' ? `${mb} of ${formatNumber(total)} rows` : `${formatNumber(rows)} of ${formatNumber(total)} rows (${mb})`;
        },
      });
      if (controller !== this.controller) return;
      this.progress.max = 1;
      this.progress.value = 1;
      this.text.textContent = `Exported ${formatNumber(done.rows)} rows.`;
    } catch (err) {
      if (controller !== this.controller) return;
      this.progress.hidden = true;
      this.text.textContent = err.name === 'AbortError' ? 'Export cancelled.' : `Export failed: ${err.message}`;
    } finally {
      if (controller === this.controller) this.cancel.hidden = true;
    }
  }
}
