// Small DOM helpers. Everything the UI shows is built with createElement and
// text nodes; no function here ever parses a string as HTML.

/**
 * Creates an element. `props` sets properties (className, id, type, ...),
 * with special keys: `attrs` (setAttribute), `dataset`, `on` (listeners),
 * `style` (CSSOM properties, allowed by the CSP unlike style="" markup).
 * Children may be nodes, strings (text nodes), arrays, null or false.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === 'attrs') {
      for (const [name, v] of Object.entries(value)) {
        if (v !== undefined && v !== null && v !== false) node.setAttribute(name, v === true ? '' : String(v));
      }
    } else if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (key === 'on') {
      for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
    } else if (key === 'style') {
      for (const [name, v] of Object.entries(value)) node.style.setProperty(name, v);
    } else {
      node[key] = value;
    }
  }
  append(node, children);
  return node;
}

export function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces all children of `parent` with `children`. */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&#34;': '"', '&apos;': "'" };

/** Un-escapes the few entities the server's HTML escaping produces. */
export function unescapeEntities(text) {
  return text.replace(/&(?:lt|gt|amp|quot|apos|#39|#x27|#34);/g, (m) => ENTITIES[m]);
}

/**
 * Turns a server snippet (HTML-escaped text with <mark>…</mark> around
 * matches) into a DocumentFragment of text nodes and <mark> elements. Only
 * the literal markers are honoured; anything else stays text, so a snippet
 * that carried other markup would show it as characters, never run it.
 */
export function snippetFragment(snippet) {
  const frag = document.createDocumentFragment();
  if (!snippet) return frag;
  let marked = false;
  for (const part of String(snippet).split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') { marked = true; continue; }
    if (part === '</mark>') { marked = false; continue; }
    if (!part) continue;
    const text = document.createTextNode(unescapeEntities(part));
    if (marked) frag.appendChild(el('mark', {}, text));
    else frag.appendChild(text);
  }
  return frag;
}

// --- Highlighting by server offsets ----------------------------------------

/**
 * A fragment of text nodes and <mark> elements for `text`, the slice
 * [offset, offset + text.length) of a longer string, with the ranges
 * [start, end) of that string (UTF-16 code unit offsets, as JS strings
 * index, sorted) in <mark>. Ranges outside the slice are ignored, ranges
 * crossing its edges are clipped.
 */
export function markedText(text, ranges, offset = 0) {
  const frag = document.createDocumentFragment();
  let last = 0;
  for (const r of ranges || []) {
    const start = Math.max(last, Number(r.start) - offset);
    const end = Math.min(text.length, Number(r.end) - offset);
    if (!(end > start)) continue;
    if (start > last) frag.appendChild(document.createTextNode(text.slice(last, start)));
    frag.appendChild(el('mark', {}, text.slice(start, end)));
    last = end;
  }
  if (last < text.length) frag.appendChild(document.createTextNode(text.slice(last)));
  return frag;
}

// --- Formatting ------------------------------------------------------------

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short',
});
const numberFormat = new Intl.NumberFormat('en');
let languageNames = null;
try { languageNames = new Intl.DisplayNames(['en'], { type: 'language' }); } catch { /* old browser */ }

export function formatDate(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : dateFormat.format(d);
}

/** Date and time (UTC), for when versions of a story appeared. */
export function formatDateTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : dateTimeFormat.format(d);
}

export function formatNumber(n) {
  return numberFormat.format(n);
}

export function languageName(code) {
  if (!code) return '';
  try { return languageNames?.of(code) || code; } catch { return code; }
}

/** The URL if it is an absolute http(s) URL, else null (no javascript: links). */
export function safeHttpUrl(url) {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Calls fn at most once per `ms` of quiet. */
export function debounce(fn, ms) {
  let timer = 0;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  wrapped.cancel = () => clearTimeout(timer);
  return wrapped;
}
