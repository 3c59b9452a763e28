// Browser tests of the Export menus (web/export.js): the results' export
// downloads every matching article at the revision shown, with progress;
// a facet's export downloads every value with its count.

import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startStack, launchBrowser, removeTempDirs, accessibilityViolations, ensureScreenshotDir } from './harness.js';
import path from 'node:path';

let stack;
let browser;
let base;
let context;
let page;
let problems;

async function api(pathAndQuery) {
  const res = await fetch(`${base}${pathAndQuery}`);
  assert.equal(res.status, 200, `GET ${pathAndQuery} -> ${res.status}`);
  return res.json();
}

async function settled(p) {
  await p.waitForFunction(() => {
    const main = document.getElementById('main');
    return main && !main.classList.contains('is-loading') && document.getElementById('status').textContent !== '';
  });
}

/** Picks `format` in the menu of `id` and returns the downloaded text. */
async function exportVia(p, id, format) {
  await p.locator(`#${id}-button`).click();
  const item = p.locator(`#${id}-menu [data-format="${format}"]`);
  await item.waitFor({ state: 'visible' });
  const [download] = await Promise.all([p.waitForEvent('download'), item.click()]);
  return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
}

before(async () => {
  stack = await startStack();
  base = stack.url;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await stack?.stop();
  removeTempDirs();
});

beforeEach(async () => {
  problems = [];
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective}`)));
});

afterEach(async () => {
  await context?.close();
  assert.deepEqual(problems, [], 'no console errors, page errors or CSP violations');
});

describe('export', () => {
  it('downloads every matching article as CSV, with progress, at the revision shown', async () => {
    const all = await api('/api/search?q=&size=0&facets=country&facet_size=50');
    const country = all.facets.country.find((v) => v.count > 1 && v.count < all.total);
    assert.ok(country, 'a country with some but not all articles');
    await page.goto(`${base}/?country=${encodeURIComponent(country.value)}`);
    await settled(page);
    const { name, text } = await exportVia(page, 'export-results', 'csv');
    assert.match(name, /^chancery-export-[0-9a-f]{16}\.csv$/);
    assert.ok(name.includes(all.revision), `${name} names revision ${all.revision}`);
    const lines = text.split('\r\n').filter((l) => l !== '');
    assert.equal(lines[0], 'id,title,url,country,person,org,source,lang,date,author,dateline');
    assert.equal(lines.length - 1, country.count, 'one row per matching article');
    // The status says how many rows came, against the total.
    await page.locator('#export-results-status').getByText(`Exported ${country.count.toLocaleString('en')} rows.`).waitFor();
    assert.equal(await page.locator('#export-results-status progress').getAttribute('max'), '1');
  });

  it('downloads JSON Lines with the same rows', async () => {
    await page.goto(`${base}/?q=`);
    await settled(page);
    const { total } = await api('/api/search?q=&size=0');
    const { text } = await exportVia(page, 'export-results', 'jsonl');
    const rows = text.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(rows.length, total);
    assert.ok(rows.every((r) => typeof r.id === 'string' && Array.isArray(r.country)));
  });

  it("exports a facet's values with their counts", async () => {
    await page.goto(`${base}/?q=`);
    await settled(page);
    const search = await api('/api/search?q=&size=0&facets=country&facet_size=200');
    const { name, text } = await exportVia(page, 'export-facet-country', 'csv');
    assert.match(name, /^chancery-country-[0-9a-f]{16}\.csv$/);
    const lines = text.split('\r\n').filter((l) => l !== '');
    assert.equal(lines[0], 'value,label,count');
    assert.equal(lines.length - 1, search.facets.country.length);
    const first = search.facets.country[0];
    assert.ok(lines[1].startsWith(`${first.value},`) && lines[1].endsWith(`,${first.count}`), lines[1]);
  });

  it('passes axe-core with the results and facet menus open at desktop and 360 px', async () => {
    const found = [];
    const shots = ensureScreenshotDir();
    for (const [width, height] of [[1280, 800], [360, 740]]) {
      await page.setViewportSize({ width, height });
      await page.goto(`${base}/?q=`);
      await settled(page);
      await page.locator('#export-results-button').click();
      await page.locator('#export-results-menu [data-format="csv"]').waitFor({ state: 'visible' });
      for (const line of await accessibilityViolations(page)) found.push(`${width}px results menu: ${line}`);
      await page.screenshot({ path: path.join(shots, `export-menu-${width}.png`) });
      await page.keyboard.press('Escape');
      if (width === 360) {
        await page.getByRole('button', { name: /Filters/ }).click();
        await page.locator('#sidebar').waitFor();
      }
      await page.locator('#export-facet-country-button').click();
      await page.locator('#export-facet-country-menu [data-format="csv"]').waitFor({ state: 'visible' });
      for (const line of await accessibilityViolations(page)) found.push(`${width}px facet menu: ${line}`);
    }
    assert.deepEqual(found, []);
  });
});
