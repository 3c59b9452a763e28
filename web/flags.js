// Country flags as regional-indicator emoji derived from the ISO 3166-1
// alpha-2 code: no images to download. Codes of states that no longer exist
// (Soviet Union, East Germany, Yugoslavia, …) get a neutral marker instead.
// Where the system has no flag glyphs (no colour emoji font, or Windows),
// the code itself is shown in a small badge rather than two empty boxes.

import { el } from './dom.js';
import { fieldSpec } from './api.js';

const HISTORICAL = new Set(['SU', 'DD', 'YU', 'CS', 'ZR', 'BU', 'TP', 'AN', 'NT', 'YD', 'VD', 'DY', 'RH']);
const REGIONAL_A = 0x1f1e6;

/** Emoji flag for a code like "FR"; '' for historical or malformed codes. */
export function flagFor(code) {
  const c = String(code || '').toUpperCase();
  if (!/^[A-Z]{2}$/.test(c) || HISTORICAL.has(c)) return '';
  return String.fromCodePoint(REGIONAL_A + c.charCodeAt(0) - 65, REGIONAL_A + c.charCodeAt(1) - 65);
}

export function isHistorical(code) {
  return HISTORICAL.has(String(code || '').toUpperCase());
}

let flagsSupported = null;

/** Whether regional-indicator pairs render as one flag glyph here. */
export function canShowFlags() {
  if (flagsSupported !== null) return flagsSupported;
  try {
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = '32px "Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji", sans-serif';
    const pair = ctx.measureText(flagFor('FR')).width;
    const single = ctx.measureText(String.fromCodePoint(REGIONAL_A + 5)).width + ctx.measureText(String.fromCodePoint(REGIONAL_A + 17)).width;
    flagsSupported = pair > 0 && pair < single * 0.75;
  } catch {
    flagsSupported = false;
  }
  return flagsSupported;
}

/** A decorative (aria-hidden) flag element for a country code, or null. */
export function flagElement(code) {
  const c = String(code || '').toUpperCase();
  if (!/^[A-Z]{2}$/.test(c)) return null;
  if (HISTORICAL.has(c)) {
    return el('span', { className: 'flag flag-historical', title: 'Former state', attrs: { 'aria-hidden': 'true' } });
  }
  if (canShowFlags()) return el('span', { className: 'flag flag-emoji', attrs: { 'aria-hidden': 'true' } }, flagFor(c));
  return el('span', { className: 'flag flag-code', attrs: { 'aria-hidden': 'true' } }, c);
}

/** True when the values of `field` (a name from GET /api/schema) are country codes, which get flags. */
export function isCountryField(field) {
  return fieldSpec(field)?.normalisation === 'country_code';
}
