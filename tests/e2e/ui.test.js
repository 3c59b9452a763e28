// End-to-end tests of the web UI in a real browser (Debian's chromium driven
// by playwright-core) against the real chancery-searchd over the sample
// corpus. Run with ./run.sh (or `node --test` here); see harness.js for the
// environment variables.

import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import {
  startStack, startServer, buildIndex, launchBrowser, ensureScreenshotDir, removeTempDirs, samplePath, repoRoot,
  accessibilityViolations, getJson, openPage, settled,
} from './harness.js';

const HOSTILE_ID = 'sample-hostile';
const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';
// Words a diplomatic corpus contains; the first that matches some but not all
// articles, over more than one page, is the test query.
const CANDIDATE_QUERIES = ['minister', 'talks', 'sanctions', 'foreign', 'president', 'government', 'security', 'said'];

let stack;
let browser;
let base;
let corpusTotal = 0;
let query = '';

let page;
let context;
let problems; // console errors, page errors and dialogs of the current test

const api = (pathAndQuery) => getJson(base, pathAndQuery);
const newPage = (viewport) => openPage(browser, problems, viewport);

async function totalShown(p) {
  const text = await p.locator('#status strong').textContent();
  return Number(text.replace(/[^\d]/g, ''));
}

async function titles(p) {
  return p.locator('#results .result-title').allTextContents();
}

async function facetCounts(p, field) {
  return p.locator(`#facet-${field}-values .facet-value`).evaluateAll((rows) => rows.map((r) => {
    const input = r.querySelector('input');
    const count = r.querySelector('.facet-count').firstChild?.textContent || '';
    return `${input.dataset.value}=${count}`;
  }));
}

function param(p, name) {
  return new URL(p.url()).searchParams.getAll(name);
}

before(async () => {
  stack = await startStack();
  base = stack.url;
  browser = await launchBrowser();
  corpusTotal = (await api('/api/search?q=&size=0')).total;
  assert.ok(corpusTotal >= 10, `the sample corpus should have some articles, has ${corpusTotal}`);
  for (const word of CANDIDATE_QUERIES) {
    const { total } = await api(`/api/search?q=${encodeURIComponent(word)}&size=0`);
    if (total > 10 && total < corpusTotal) { query = word; break; }
  }
  assert.ok(query, `none of ${CANDIDATE_QUERIES.join(', ')} matches more than 10 and fewer than all articles`);
});

after(async () => {
  await browser?.close();
  await stack?.stop();
  removeTempDirs();
});

beforeEach(async () => {
  problems = [];
  ({ ctx: context, p: page } = await newPage());
});

afterEach(async () => {
  await context?.close();
  assert.deepEqual(problems, [], 'no console errors, page errors or dialogs');
});

describe('serving', () => {
  it('sends a Content-Security-Policy that allows no inline script, and no inline script is needed', async () => {
    for (const url of [`${base}/`, `${base}/app.js`, `${base}/api/health`]) {
      const res = await fetch(url);
      assert.equal(res.status, 200, url);
      const csp = res.headers.get('content-security-policy') || '';
      if (url.endsWith('/')) {
        assert.match(csp, /script-src 'self'/, `CSP of ${url}: ${csp}`);
        assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, `CSP of ${url}: ${csp}`);
        assert.match(csp, /object-src 'none'/);
        const html = await res.text();
        assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, 'index.html has no inline <script>');
        assert.doesNotMatch(html, /\sstyle=|\son[a-z]+=/i, 'index.html has no style="" or on…="" attributes');
      }
    }
    // The page works under that policy: no violation is reported.
    const violations = [];
    await page.exposeFunction('reportViolation', (v) => violations.push(v));
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)));
    await page.goto(`${base}/?q=${query}`);
    await settled(page);
    assert.deepEqual(violations, []);
  });
});

describe('search', () => {
  it('shows results as you type, and on Enter', async () => {
    await page.goto(`${base}/`);
    await settled(page);
    const historyBefore = await page.evaluate(() => history.length);
    await page.locator('#q').pressSequentially(query, { delay: 40 });
    // No Enter: the debounced search runs by itself.
    await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, query);
    await settled(page);
    const total = await totalShown(page);
    assert.ok(total > 0 && total < corpusTotal, `total ${total} for ${query}`);
    assert.ok((await page.locator('#results .result').count()) > 0);
    assert.ok((await page.locator('#results .result-snippet mark').count()) > 0, 'matches are highlighted in snippets');
    // Copies are grouped by default, so the unit is stories.
    assert.match(await page.locator('#status').textContent(), /(articles?|stor(y|ies)).*\d+\s*ms/s, 'total and time taken are shown');
    // One history entry for the whole typed word, not one per keystroke.
    assert.equal(await page.evaluate(() => history.length), historyBefore + 1);

    // Enter runs a new query at once.
    await page.locator('#q').fill(`${query} OR zzzzunmatchable`);
    await page.locator('#q').press('Enter');
    await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, `${query} OR zzzzunmatchable`);
    await settled(page);
    assert.equal(await totalShown(page), (await api(`/api/search?q=${encodeURIComponent(`${query} OR zzzzunmatchable`)}&size=0`)).total);
    assert.ok((await page.locator('#results .result').count()) > 0);
  });

  it('sorts by date and pages through results', async () => {
    await page.goto(`${base}/?q=${query}`);
    await settled(page);
    await page.locator('#sort').selectOption('date');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'date');
    await settled(page);
    const dates = await page.locator('#results .result-meta time').evaluateAll((ts) => ts.map((t) => t.dateTime));
    assert.ok(dates.length > 1);
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
    const first = await titles(page);

    await page.getByRole('link', { name: 'Next page' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '2');
    await settled(page);
    const second = await titles(page);
    assert.ok(second.length > 0);
    assert.notDeepEqual(second, first);
    assert.equal(await page.locator('.pagination [aria-current="page"]').textContent(), '2');
  });

  it('says so when nothing matches', async () => {
    await page.goto(`${base}/?q=zzqxjvwk`);
    await settled(page);
    await page.locator('.message-none').waitFor();
    assert.match(await page.locator('.message-none .message-title').textContent(), /No articles match/);
    assert.equal(await page.locator('#results .result').count(), 0);
  });

  it('offers the spelling suggestion when there is one', async () => {
    const misspelt = query.length > 5 ? query.slice(0, 2) + query[3] + query[2] + query.slice(4) : `${query}x`;
    const data = await api(`/api/search?q=${encodeURIComponent(misspelt)}&size=0`);
    if (!data.suggestion || data.total > 0) return; // the server found no suggestion to offer
    await page.goto(`${base}/?q=${encodeURIComponent(misspelt)}`);
    await settled(page);
    const link = page.locator('.suggestion-link');
    assert.equal(await link.textContent(), data.suggestion);
    await link.click();
    await page.waitForFunction((s) => new URL(location.href).searchParams.get('q') === s, data.suggestion);
    await settled(page);
    assert.ok((await page.locator('#results .result').count()) > 0);
  });

  it('shows a server error clearly', async () => {
    await page.route('**/api/search?**', (route) => route.fulfill({
      status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'Index unavailable' } }),
    }));
    await page.goto(`${base}/?q=${query}`);
    await page.locator('.message-error').waitFor();
    assert.match(await page.locator('.message-error').textContent(), /Index unavailable/);
    assert.equal(await page.locator('.message-error').getAttribute('role'), 'alert');
    problems = problems.filter((p) => !/status of 500/.test(p)); // the browser logs the failed request itself
  });
});

describe('facets', () => {
  it('ticking a country narrows the results and changes the other counts', async () => {
    await page.goto(`${base}/?q=${query}`);
    await settled(page);
    const before = await totalShown(page);
    const people = await facetCounts(page, 'person');
    const orgs = await facetCounts(page, 'org');

    // The first country that matches some but not all of the results.
    const rows = await facetCounts(page, 'country');
    const pick = rows.map((r) => r.split('=')).find(([, c]) => Number(c) > 0 && Number(c) < before);
    assert.ok(pick, `a country with fewer than ${before} articles among ${rows}`);
    const [code, count] = pick;
    const box = page.locator(`#facet-country-values input[data-value="${code}"]`);
    const label = await page.locator(`#facet-country-values label[for="${await box.getAttribute('id')}"] .facet-label`).textContent();
    // The checkbox is found by its accessible name: the label and the count.
    const named = page.getByRole('checkbox', { name: `${label} ${count} articles`, exact: true });
    assert.equal(await named.getAttribute('data-value'), code);
    await named.check();
    await page.waitForFunction((c) => new URL(location.href).searchParams.getAll('country').includes(c), code);
    await settled(page);

    assert.equal(await totalShown(page), Number(count), 'the new total is the count the checkbox showed');
    assert.ok(await page.locator(`#facet-country-values input[data-value="${code}"]`).isChecked());
    assert.notDeepEqual([await facetCounts(page, 'person'), await facetCounts(page, 'org')], [people, orgs], 'person/org counts follow the filter');
    // Every hit on the page is about that country.
    const hits = await page.locator('#results .result').count();
    assert.equal(await page.locator(`#results .result:has(.chip-country[data-value="${code}"])`).count(), hits);
    // The active filter is listed and removable.
    await page.locator('#active-filters .pill').first().click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('country'));
    await settled(page);
    assert.equal(await totalShown(page), before);
  });

  it('several countries match all of them, or any of them when asked', async () => {
    await page.goto(`${base}/?q=`);
    await settled(page);
    const first = await page.locator('#facet-country-values input').first().getAttribute('data-value');
    await page.locator(`#facet-country-values input[data-value="${first}"]`).check();
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('country').length === 1);
    await settled(page);
    const one = await totalShown(page);
    // (By value: a ":not(:checked)" locator would move on to the next box.)
    const second = await page.locator('#facet-country-values input:not(:checked)').first().getAttribute('data-value');
    await page.locator(`#facet-country-values input[data-value="${second}"]`).check();
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('country').length === 2);
    await settled(page);
    const both = await totalShown(page);
    assert.ok(both <= one, `all of two countries (${both}) is no more than one of them (${one})`);
    await page.getByLabel('Match').first().selectOption('any');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('any') === 'country');
    await settled(page);
    const either = await totalShown(page);
    assert.ok(either >= one, `any of two countries (${either}) is at least one of them (${one})`);
    const codes = param(page, 'country');
    const expected = await api(`/api/search?q=&size=0&any=country&${codes.map((c) => `country=${c}`).join('&')}`);
    assert.equal(either, expected.total);
  });

  it('clicking an entity chip filters by it', async () => {
    await page.goto(`${base}/?q=${query}`);
    await settled(page);
    const chip = page.locator('#results .chip-person, #results .chip-org').first();
    const field = await chip.getAttribute('data-field');
    const value = await chip.getAttribute('data-value');
    await chip.click();
    await page.waitForFunction(([f, v]) => new URL(location.href).searchParams.getAll(f).includes(v), [field, value]);
    await settled(page);
    assert.ok(await page.locator(`#facet-${field}-values input[data-value="${value}"]`).isChecked());
    assert.equal(await page.locator(`#results .result:has(.chip[data-field="${field}"][data-value="${value}"][aria-pressed="true"])`).count(),
      await page.locator('#results .result').count());
  });

  it('searches a facet\'s values and shows more of them', async () => {
    await page.goto(`${base}/?q=`);
    await settled(page);
    const label = (await page.locator('#facet-country-values .facet-label').first().textContent()).trim();
    await page.getByRole('searchbox', { name: 'Search countries' }).fill(label.slice(0, 3));
    const found = page.locator('#facet-country-found .facet-value');
    await found.first().waitFor();
    assert.ok((await found.allTextContents()).some((t) => t.includes(label)));
    await found.first().locator('input').check();
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('country').length === 1);
    await settled(page);

    const more = page.locator('#facet-person .facet-more');
    if (await more.isVisible()) {
      const n = await page.locator('#facet-person-values .facet-value').count();
      await more.click();
      await page.waitForFunction((k) => document.querySelectorAll('#facet-person-values .facet-value').length > k, n);
      assert.equal(await more.textContent(), 'Show fewer');
    }
  });
});

describe('timeline', () => {
  it('dragging across bars sets from/to and narrows the results', async () => {
    await page.goto(`${base}/?q=`);
    await settled(page);
    const bars = page.locator('#histogram .bar');
    const n = await bars.count();
    assert.ok(n >= 3, `the histogram has ${n} bars`);
    const counts = await bars.evaluateAll((bs) => bs.map((b) => ({ value: b.dataset.value, count: Number(b.dataset.count) })));
    const countOf = (i) => counts[i].count;
    // A span of bars with articles that leaves some articles out.
    let start = 0;
    while (start < n && countOf(start) === 0) start++;
    let end = Math.min(n - 1, start + Math.max(1, Math.floor(n / 3)));
    let expected = 0;
    for (let i = start; i <= end; i++) expected += countOf(i);
    assert.ok(expected > 0 && expected < corpusTotal, `bars ${start}..${end} hold ${expected} of ${corpusTotal}`);

    const a = await bars.nth(start).boundingBox();
    const b = await bars.nth(end).boundingBox();
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move((a.x + b.x) / 2 + b.width / 2, a.y + a.height / 2, { steps: 4 });
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
    await page.mouse.up();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('from'));
    await settled(page);

    assert.equal(await page.locator('#date-from').inputValue(), counts[start].value);
    assert.equal(await page.locator('#date-to').inputValue(), counts[end].value);
    assert.deepEqual([param(page, 'from'), param(page, 'to')], [[counts[start].value], [counts[end].value]]);
    assert.equal(await totalShown(page), expected, 'the total is the sum of the chosen bars');
    const from = counts[start].value;
    const toEnd = `${counts[end].value}\uffff`;
    for (const d of await page.locator('#results .result-meta time').evaluateAll((ts) => ts.map((t) => t.dateTime))) {
      assert.ok(d >= from && d.slice(0, counts[end].value.length) <= toEnd, `${d} within ${from}..${counts[end].value}`);
    }
  });

  it('clicking a bar, the keyboard and the from/to inputs set the range too', async () => {
    await page.goto(`${base}/?q=`);
    await settled(page);
    // Keyboard: one tab stop for the chart, arrows move, Enter chooses.
    await page.locator('#histogram .bar[tabindex="0"]').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => document.activeElement.dataset.value);
    assert.equal(second, await page.locator('#histogram .bar').nth(1).getAttribute('data-value'));
    await page.keyboard.press('Enter');
    await page.waitForFunction((v) => new URL(location.href).searchParams.get('to') === v, second);
    await settled(page);
    assert.equal(await page.locator('#date-from').inputValue(), second);
    await page.locator('#date-clear').click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('from'));
    await settled(page);

    // A click chooses one bar's period.
    const bars = page.locator('#histogram .bar:not(.is-zero)');
    const value = await bars.first().getAttribute('data-value');
    await bars.first().click();
    await page.waitForFunction((v) => new URL(location.href).searchParams.get('from') === v, value);
    await settled(page);
    assert.equal(await page.locator('#date-to').inputValue(), value);

    // Typed dates.
    await page.locator('#date-from').fill('1900');
    await page.locator('#date-to').fill('2999-12-31');
    await page.locator('#date-to').press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('to') === '2999-12-31');
    await settled(page);
    assert.equal(await totalShown(page), (await api('/api/search?q=&from=1900&to=2999-12-31&size=0')).total);
    await page.locator('#date-clear').click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('from'));
  });
});

describe('article view', () => {
  it('opens an article with its full text, entities and similar articles', async () => {
    await page.goto(`${base}/?q=${query}`);
    await settled(page);
    const link = page.locator('#results .result:has(.chip) .result-title-link').first();
    const title = await link.textContent();
    const id = await link.getAttribute('data-doc-id');
    await link.click();
    await page.waitForFunction((d) => new URL(location.href).searchParams.get('doc') === d, id);
    const dialog = page.locator('#article-dialog');
    await dialog.locator('.article-body').waitFor();
    assert.ok(await dialog.evaluate((d) => d.open));
    assert.equal(await dialog.locator('#article-title').textContent(), title);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'article-title', 'focus moves to the article');
    const doc = await api(`/api/doc/${encodeURIComponent(id)}`);
    const body = await dialog.locator('.article-body').textContent();
    assert.equal(body.replace(/\s+/g, ''), doc.body.replace(/\s+/g, ''), 'the full text');
    assert.ok((await dialog.locator('.article-body mark').count()) > 0, 'the query is highlighted in the text');
    assert.ok((await dialog.locator('.article-entities .chip').count()) > 0, 'entities are listed');
    await dialog.locator('.similar-list .similar, .similar-list p').first().waitFor();
    const similar = dialog.locator('.similar a');
    assert.ok((await similar.count()) > 0, 'similar articles are listed');

    // A similar article opens in place; Escape goes back to the list.
    const other = await similar.first().getAttribute('data-doc-id');
    await similar.first().click();
    await page.waitForFunction((d) => new URL(location.href).searchParams.get('doc') === d, other);
    await dialog.locator('.article-body').waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('doc'));
    assert.ok(!(await dialog.evaluate((d) => d.open)));
    assert.equal(await page.evaluate(() => document.activeElement.dataset.docId), id, 'focus returns to the link');
  });

  it('marks the server\'s exact matches: a search for "sejourne" marks "Séjourné"', async () => {
    await page.goto(`${base}/?q=sejourne`);
    await settled(page);
    const link = page.locator('#results .result-title-link').first();
    const id = await link.getAttribute('data-doc-id');
    await link.click();
    const dialog = page.locator('#article-dialog');
    await dialog.locator('.article-body').waitFor();
    const doc = await api(`/api/doc/${encodeURIComponent(id)}?q=sejourne`);
    assert.ok(doc.highlights.length > 0, 'the server reports matches');
    const marks = await dialog.locator('.article-body mark, #article-title mark').allTextContents();
    assert.equal(marks.length, doc.highlights.length, 'one <mark> per server highlight');
    assert.ok(marks.every((m) => m === 'Séjourné'), `only Séjourné is marked, got ${JSON.stringify(marks)}`);
    // The offsets are UTF-16 units into the title and body as sent.
    for (const h of doc.highlights) {
      assert.equal((h.field === 'title' ? doc.title : doc.body).slice(h.start, h.end), 'Séjourné');
    }
    const body = await dialog.locator('.article-body').textContent();
    assert.equal(body.replace(/\s+/g, ''), doc.body.replace(/\s+/g, ''), 'the full text, unchanged by marking');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('doc'));
  });
});

describe('URL state', () => {
  it('reload restores query, filters, dates, sort, page and the open article', async () => {
    const data = await api(`/api/search?q=${query}&size=0&facets=country`);
    const country = data.facets.country[0].value;
    await page.goto(`${base}/?q=${query}&country=${country}&sort=date_asc`);
    await settled(page);
    const bar = page.locator('#histogram .bar:not(.is-zero)').first();
    await bar.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('from'));
    await settled(page);
    const first = page.locator('#results .result-title-link').first();
    const docTitle = await first.textContent();
    await first.click();
    await page.locator('#article-dialog .article-body').waitFor();
    const url = page.url();
    const before = { titles: await titles(page), total: await totalShown(page), from: await page.locator('#date-from').inputValue() };

    await page.reload();
    await page.locator('#article-dialog .article-body').waitFor();
    await settled(page);
    assert.equal(page.url(), url);
    assert.equal(await page.locator('#q').inputValue(), query);
    assert.equal(await page.locator('#sort').inputValue(), 'date_asc');
    assert.ok(await page.locator(`#facet-country-values input[data-value="${country}"]`).isChecked());
    assert.equal(await page.locator('#date-from').inputValue(), before.from);
    assert.equal(await totalShown(page), before.total);
    assert.deepEqual(await titles(page), before.titles);
    assert.equal(await page.locator('#article-title').textContent(), docTitle);

    // The same URL in a fresh browser (a shared link) shows the same.
    const { ctx, p } = await newPage();
    await p.goto(url);
    await p.locator('#article-dialog .article-body').waitFor();
    await settled(p);
    assert.equal(await p.locator('#article-title').textContent(), docTitle);
    assert.deepEqual(await titles(p), before.titles);
    await ctx.close();
  });

  it('back and forward step through earlier states', async () => {
    await page.goto(`${base}/`);
    await settled(page);
    await page.locator('#q').fill(query);
    await page.locator('#q').press('Enter');
    await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, query);
    await settled(page);
    const plain = await titles(page);
    const total = await totalShown(page);

    await page.locator('#facet-country-values input').first().check();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('country'));
    await settled(page);
    const filtered = await titles(page);
    const filteredTotal = await totalShown(page);

    await page.locator('#results .result-title-link').first().click();
    await page.locator('#article-dialog .article-body').waitFor();

    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('doc'));
    assert.ok(!(await page.locator('#article-dialog').evaluate((d) => d.open)));
    assert.deepEqual(await titles(page), filtered);

    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('country'));
    await settled(page);
    assert.equal(await totalShown(page), total);
    assert.deepEqual(await titles(page), plain);
    assert.ok(!(await page.locator('#facet-country-values input:checked').count()));

    await page.goForward();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('country'));
    await settled(page);
    assert.equal(await totalShown(page), filteredTotal);
    assert.deepEqual(await titles(page), filtered);

    await page.goForward();
    await page.locator('#article-dialog .article-body').waitFor();
  });
});

describe('safety', () => {
  it('shows a hostile title as text and runs no script', async () => {
    await page.addInitScript(() => {
      window.__xss = [];
      for (const name of ['alert', 'confirm', 'prompt']) {
        window[name] = (...args) => { window.__xss.push(`${name}(${args.join(',')})`); };
      }
    });
    const doc = await api(`/api/doc/${HOSTILE_ID}`);
    assert.equal(doc.title, HOSTILE_TITLE, 'the sample corpus carries the hostile article');

    await page.goto(`${base}/?q=onerror`);
    await settled(page);
    const link = page.locator(`#results .result-title-link[data-doc-id="${HOSTILE_ID}"]`);
    assert.equal(await link.textContent(), HOSTILE_TITLE);
    await link.click();
    await page.locator('#article-dialog .article-body').waitFor();
    assert.equal(await page.locator('#article-title').textContent(), HOSTILE_TITLE);
    await page.waitForTimeout(300); // give an injected onerror the chance to fire

    assert.equal(await page.locator('img').count(), 0, 'no <img> element was created');
    assert.deepEqual(await page.evaluate(() => window.__xss), []);
    assert.match(await page.title(), /<img src=x onerror=alert\(1\)>/, 'the document title carries it as text too');
    // A hostile query is text too, in the box, the status and the title.
    await page.goto(`${base}/?q=${encodeURIComponent('<img src=x onerror=alert(2)>')}`);
    await settled(page);
    assert.equal(await page.locator('#q').inputValue(), '<img src=x onerror=alert(2)>');
    assert.equal(await page.locator('img').count(), 0);
    assert.deepEqual(await page.evaluate(() => window.__xss), []);
    await page.goto(`${base}/?q=onerror&doc=${HOSTILE_ID}`);
    await page.locator('#article-dialog .article-body').waitFor();
    // Any link the article has is http(s) or absent, never javascript:.
    for (const href of await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      assert.doesNotMatch(href, /^\s*javascript:/i);
    }
  });
});

describe('layout and accessibility', () => {
  it('works at 360 px: no sideways scrolling, filters in a drawer', async () => {
    await context.close();
    ({ ctx: context, p: page } = await newPage({ width: 360, height: 740 }));
    await page.goto(`${base}/?q=${query}`);
    await settled(page);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal overflow');
    assert.ok(!(await page.locator('#sidebar').isVisible()), 'the sidebar is folded away');
    const toggle = page.getByRole('button', { name: /Filters/ });
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.locator('#facet-country-values input').first().check();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('country'));
    await settled(page);
    await page.keyboard.press('Escape');
    assert.ok(!(await page.locator('#sidebar').isVisible()));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'filters-toggle');
    await page.locator('#results .result-title-link').first().click();
    await page.locator('#article-dialog .article-body').waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  });

  it('labels every control and reaches the main ones by keyboard', async () => {
    await page.goto(`${base}/?q=${query}`);
    await settled(page);
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, button, a[href]')]
      .filter((e) => e.offsetParent !== null || e.closest('[popover]') === null)
      .filter((e) => {
        if (e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')) return false;
        if (e.labels && e.labels.length) return false;
        return !(e.textContent || '').trim();
      })
      .map((e) => e.outerHTML.slice(0, 80)));
    assert.deepEqual(unlabelled, []);
    const duplicateIds = await page.evaluate(() => {
      const seen = new Map();
      for (const e of document.querySelectorAll('[id]')) seen.set(e.id, (seen.get(e.id) || 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
    assert.deepEqual(duplicateIds, [], 'ids are unique');
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await page.locator('#status').getAttribute('aria-live'), 'polite', 'the total is announced');
    // Tab from the top reaches the search box, the help button, the
    // facets and the timeline.
    const reached = new Set();
    await page.locator('body').focus();
    const wanted = ['q', 'help-button', 'facet-country-search', 'date-from'];
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => {
        const e = document.activeElement;
        return e.id || e.className || e.tagName;
      }));
      if (wanted.every((w) => reached.has(w)) && [...reached].some((r) => String(r).startsWith('bar'))) break;
    }
    for (const id of wanted) {
      assert.ok(reached.has(id), `Tab reaches #${id}: ${[...reached].join(' ')}`);
    }
    assert.ok([...reached].some((r) => String(r).startsWith('bar')), 'Tab reaches the histogram');
    // The help popover opens from the keyboard.
    await page.locator('#help-button').focus();
    await page.keyboard.press('Enter');
    assert.ok(await page.locator('#syntax-help').isVisible());
    await page.keyboard.press('Escape');
    assert.ok(!(await page.locator('#syntax-help').isVisible()));
  });

  it('passes axe-core (WCAG 2.1 A and AA) on every view at desktop and 360 px', async () => {
    const hit = (await api(`/api/search?q=${query}&size=1`)).hits[0];
    const countries = (await api(`/api/search?q=&size=0&facets=country`)).facets.country;
    // Two filters, a date range and a later page: every pill and pager link.
    const filtered = `q=&country=${countries[0].value}&country=${countries[1].value}&from=1900&to=2999-12-31&page=2`;
    const found = [];
    const audit = async (p, view) => {
      for (const line of await accessibilityViolations(p)) found.push(`${view}: ${line}`);
    };
    for (const [width, height] of [[1280, 800], [360, 740]]) {
      const { ctx, p } = await newPage({ width, height });
      const at = `${width}px`;
      await p.goto(`${base}/`);
      await settled(p);
      await audit(p, `${at} start`);
      await p.goto(`${base}/?q=${query}`);
      await settled(p);
      await audit(p, `${at} results`);
      await p.goto(`${base}/?${filtered}`);
      await settled(p);
      await audit(p, `${at} filtered, page 2`);
      if (width === 360) {
        await p.getByRole('button', { name: /Filters/ }).click();
        await p.locator('#sidebar').waitFor();
        await audit(p, `${at} filters drawer`);
        await p.keyboard.press('Escape');
      }
      await p.locator('#help-button').click();
      await p.locator('#syntax-help').waitFor();
      await audit(p, `${at} query help`);
      await p.keyboard.press('Escape');
      await p.goto(`${base}/?q=${query}&doc=${encodeURIComponent(hit.id)}`);
      await p.locator('#article-dialog .article-body').waitFor();
      await audit(p, `${at} article`);
      await p.goto(`${base}/?q=zzzzqqqnomatch`);
      await settled(p);
      await audit(p, `${at} no results`);
      await ctx.close();
    }
    assert.deepEqual(found, []);
  });

  it('saves screenshots of the main page (desktop and 360 px)', async () => {
    const dir = ensureScreenshotDir();
    for (const [width, height, name] of [[1280, 800, 'main-desktop.png'], [360, 740, 'main-360.png']]) {
      const { ctx, p } = await newPage({ width, height });
      await p.goto(`${base}/?q=${query}`);
      await settled(p);
      await p.screenshot({ path: path.join(dir, name) });
      await ctx.close();
    }
    const { ctx, p } = await newPage();
    const hit = (await api(`/api/search?q=${query}&size=1`)).hits[0];
    await p.goto(`${base}/?q=${query}&doc=${encodeURIComponent(hit.id)}`);
    await p.locator('#article-dialog .article-body').waitFor();
    await p.screenshot({ path: path.join(dir, 'article-desktop.png') });
    await ctx.close();
  });
});

describe('feed', () => {
  it('offers the current search as an Atom feed to follow', async () => {
    const data = await api(`/api/search?q=${query}&size=0&facets=country`);
    const country = data.facets.country[0].value;
    await page.goto(`${base}/?q=${query}&country=${country}&sort=date&page=2`);
    await settled(page);
    const link = page.getByRole('link', { name: 'Follow as feed' });
    const href = await link.getAttribute('href');
    const feedUrl = new URL(href);
    // What selects articles, not the page's sort or page.
    assert.equal(feedUrl.origin, new URL(base).origin);
    assert.equal(feedUrl.pathname, '/api/feed');
    assert.deepEqual([...feedUrl.searchParams], [['q', query], ['country', country]]);
    assert.equal(await link.getAttribute('type'), 'application/atom+xml');
    assert.equal(await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href'), href);

    // The feed lists the newest matches: the search's first page by date.
    const res = await fetch(href);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/atom\+xml/);
    assert.ok(res.headers.get('etag'));
    const xml = await res.text();
    const feed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const ns = 'http://www.w3.org/2005/Atom';
      const root = doc.documentElement;
      const child = (node, name) => [...node.children].find((c) => c.namespaceURI === ns && c.localName === name);
      return {
        root: `${root.namespaceURI} ${root.localName}`,
        title: child(root, 'title')?.textContent,
        entries: [...root.children].filter((c) => c.localName === 'entry').map((e) => child(e, 'title').textContent),
      };
    }, xml);
    assert.equal(feed.root, 'http://www.w3.org/2005/Atom feed');
    assert.match(feed.title, new RegExp(query));
    const byDate = await api(`/api/search?q=${query}&country=${country}&sort=date&size=20`);
    assert.deepEqual(feed.entries, byDate.hits.map((h) => h.title));
    // A feed reader's poll with the ETag is answered 304.
    const again = await fetch(href, { headers: { 'If-None-Match': res.headers.get('etag') } });
    assert.equal(again.status, 304);

    // It follows the search as it changes.
    await page.locator('#q').fill('');
    await page.locator('#q').press('Enter');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
    await settled(page);
    assert.deepEqual([...new URL(await link.getAttribute('href')).searchParams], [['country', country]]);
  });
});

describe('empty index', () => {
  it('says the index is empty', async () => {
    if (process.env.CHANCERY_E2E_URL) return; // needs its own server
    const { db } = buildIndex(null);
    const empty = await startServer(db);
    try {
      await page.goto(`${empty.url}/`);
      await page.locator('.message-empty').waitFor();
      assert.match(await page.locator('.message-empty').textContent(), /index is empty/);
      assert.deepEqual(await accessibilityViolations(page), [], 'axe-core on the empty index');
    } finally {
      await empty.stop();
    }
  });
});

describe('stories', () => {
  // The sample has no copies; the story fixture adds one story of four
  // versions (a wire story, two copies and an update).
  let stories;
  let dir;
  before(async () => {
    if (process.env.CHANCERY_E2E_URL) return; // needs its own server
    dir = mkdtempSync(path.join(os.tmpdir(), 'chancery-e2e-stories-'));
    const corpus = path.join(dir, 'corpus.jsonl');
    writeFileSync(corpus, readFileSync(samplePath, 'utf8').replace(/\n?$/, '\n')
      + readFileSync(path.join(repoRoot, 'tests/fixtures/indexer/stories.jsonl'), 'utf8'));
    stories = await startServer(buildIndex(corpus).db);
  });
  after(async () => {
    await stories?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('groups copies by default, and the toggle shows every copy, from the keyboard and in the URL', async () => {
    if (!stories) return;
    await page.goto(`${stories.url}/?q=lagarde`);
    await settled(page);
    assert.ok(await page.locator('#group-copies').isChecked(), 'grouped by default');
    assert.equal(await page.locator('#results .result').count(), 1);
    assert.match(await page.locator('#status').textContent(), /1\s*story/);
    const line = await page.locator('#results .result-story').textContent();
    assert.match(line, /4 versions/);
    assert.match(line, /first: Chancery Wire, 11 Apr 2024, 12:45/);
    assert.match(line, /also .*Daily Herald/);

    await page.locator('#group-copies').focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('copies') === 'all');
    await settled(page);
    assert.equal(await page.locator('#results .result').count(), 4);
    assert.equal(await page.locator('#results .result-story').count(), 0);
    assert.match(await page.locator('#status').textContent(), /4\s*articles/);
    await page.reload();
    await settled(page);
    assert.equal(await page.locator('#group-copies').isChecked(), false, 'the toggle is restored from the URL');
    assert.equal(await page.locator('#results .result').count(), 4);
    await page.goBack();
    await settled(page);
    assert.ok(await page.locator('#group-copies').isChecked());
    assert.equal(await page.locator('#results .result').count(), 1);
  });

  it('passes axe-core on grouped results and the story view at desktop and 360 px', async () => {
    if (!stories) return;
    const found = [];
    for (const [width, height] of [[1280, 800], [360, 740]]) {
      const { ctx, p } = await newPage({ width, height });
      await p.goto(`${stories.url}/?q=lagarde`);
      await settled(p);
      for (const line of await accessibilityViolations(p)) found.push(`${width}px grouped: ${line}`);
      await p.goto(`${stories.url}/?q=lagarde&story=ecb-wire`);
      await p.locator('#article-dialog .story-version').first().waitFor();
      for (const line of await accessibilityViolations(p)) found.push(`${width}px story: ${line}`);
      await ctx.close();
    }
    assert.deepEqual(found, []);
  });

  it('links a grouped hit to the story view, which lists versions oldest first with what each added', async () => {
    if (!stories) return;
    await page.goto(`${stories.url}/?q=lagarde`);
    await settled(page);
    const link = page.locator('#results .result-story-link').first();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('story') === 'ecb-wire');
    await page.locator('#article-dialog .story-version').first().waitFor();
    const versions = page.locator('#article-dialog .story-version');
    assert.equal(await versions.count(), 4);
    assert.deepEqual(await versions.evaluateAll((items) => items.map((i) => i.dataset.versionId)),
      ['ecb-wire', 'ecb-herald', 'ecb-post', 'ecb-wire-update1']);
    assert.match(await versions.nth(0).textContent(), /First report/);
    assert.match(await versions.nth(2).locator('.story-added').textContent(), /told reporters/);
    assert.match(await versions.nth(3).locator('.story-added').textContent(), /Several governors/);
    // The story view survives a reload, and a version opens as an article.
    await page.reload();
    await page.locator('#article-dialog .story-version').first().waitFor();
    await page.locator('#article-dialog .story-version-title a').nth(3).click();
    await page.locator('#article-dialog .article-body').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('doc'), 'ecb-wire-update1');
    await page.goBack();
    await page.locator('#article-dialog .story-version').first().waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('story'));
    assert.equal(await page.locator('#article-dialog').evaluate((d) => d.open), false);
  });
});
