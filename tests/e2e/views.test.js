// End-to-end tests of the analyst views (issue 15 point 5): entity panel,
// people × countries heatmap, "+ Compare" lines, normalised date chart and
// themes, against the real chancery-searchd over the sample corpus. The
// numbers on screen are checked against the API's own JSON; every view is
// audited with axe-core at 1280 and 360 px and saved as a screenshot.

import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import {
  startStack, startServer, buildIndex, launchBrowser, ensureScreenshotDir, removeTempDirs, accessibilityViolations, getJson, openPage, settled,
} from './harness.js';

const QUERY = 'talks';
const COMPARE = 'sanctions';
const WIDTHS = [{ name: 'desktop', viewport: { width: 1280, height: 800 } }, { name: '360', viewport: { width: 360, height: 740 } }];

let stack;
let browser;
let base;
let page;
let context;
let problems;
let shots;

const api = (pathAndQuery) => getJson(base, pathAndQuery);

async function open(query, viewport) {
  ({ ctx: context, p: page } = await openPage(browser, problems, viewport));
  await page.goto(`${base}/${query}`);
  await settled(page);
}

async function panelReady(p) {
  await p.locator('#entity-panel[open] #entity-bursts').waitFor();
}

before(async () => {
  stack = await startStack();
  base = stack.url;
  browser = await launchBrowser();
  shots = ensureScreenshotDir();
  console.log(`screenshots: ${shots}`);
});

after(async () => {
  await browser?.close();
  await stack?.stop();
  removeTempDirs();
});

beforeEach(() => { problems = []; });

afterEach(async () => {
  await context?.close();
  context = null;
  assert.deepEqual(problems, [], 'no console errors, page errors or dialogs');
});

describe('entity panel', () => {
  it('opens from a chip, shows the API\'s timeline, co-mentions and bursts, and closes with Escape back to the chip', async () => {
    await open(`?q=${QUERY}`);
    const details = page.locator('#results .chip-details[data-field="person"]').first();
    const value = await details.getAttribute('data-value');
    await details.focus();
    await page.keyboard.press('Enter');
    await panelReady(page);
    assert.deepEqual(new URL(page.url()).searchParams.get('entity'), `person:${value}`);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'entity-title', 'focus moves to the panel title');

    // The entity's line on the query's buckets, and its counts are the search's with the entity as a filter.
    const tl = await api(`/api/timeline?q=${QUERY}&q=${encodeURIComponent(`${QUERY} person:${value}`)}&interval=auto`);
    const points = await page.locator('#entity-panel .series-point').evaluateAll((c) => c.map((x) => `${x.dataset.value}=${x.dataset.count}/${x.dataset.all}`));
    assert.deepEqual(points, tl.series[1].buckets.map((b) => `${b.value}=${b.count}/${b.all}`));
    assert.equal(tl.series[1].total, (await api(`/api/search?q=${QUERY}&person=${value}&size=0`)).total);
    assert.deepEqual(tl.series[1].buckets.map((b) => b.value), tl.series[0].buckets.map((b) => b.value));

    const cm = await api(`/api/comentions?q=${QUERY}&field=country&with=person:${value}&sort=count&size=8`);
    const shown = await page.locator('#entity-panel .entity-link[data-field="country"]').evaluateAll((b) => b.map((x) => `${x.dataset.value}=${x.dataset.count}`));
    assert.deepEqual(shown, cm.values.map((v) => `${v.value}=${v.count}`));
    assert.match(await page.locator('#entity-panel .entity-head').innerText(), new RegExp(`in ${cm.articles} article`));

    const first = tl.series[1].buckets[0].value;
    const last = tl.series[1].buckets.at(-1).value;
    const bursts = await api(`/api/bursts?field=person&value=${value}&from=${first}&to=${last}`);
    const burstDays = bursts.values[0].days.filter((d) => d.burst).map((d) => d.date);
    assert.deepEqual(await page.locator('#entity-panel .burst-mark').evaluateAll((m) => m.map((x) => x.dataset.day)), burstDays);

    // Rank by G²: the URL says so and the order is the API's.
    await page.locator('#entity-panel input[value="significance"]').check();
    await page.waitForURL(/rank=significance/);
    const bySig = await api(`/api/comentions?q=${QUERY}&field=country&with=person:${value}&sort=significance&size=8`);
    await page.waitForFunction((want) => [...document.querySelectorAll('#entity-panel .entity-link[data-field="country"]')].map((x) => x.dataset.value).join() === want,
      bySig.values.map((v) => v.value).join());

    await page.keyboard.press('Escape');
    await page.locator('#entity-panel').waitFor({ state: 'hidden' });
    assert.equal(new URL(page.url()).searchParams.get('entity'), null);
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('chip-details')), true, 'focus returns to the chip');
  });

  it('opens from an entity of the article view, which closes', async () => {
    await open(`?q=${QUERY}`);
    await page.locator('#results .result:has(.chip) .result-title-link').first().click();
    const details = page.locator('#article-dialog .chip-details').first();
    await details.waitFor();
    const entity = `${await details.getAttribute('data-field')}:${await details.getAttribute('data-value')}`;
    await details.click();
    await panelReady(page);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('entity'), entity);
    assert.equal(url.searchParams.get('doc'), null);
    assert.equal(await page.locator('#article-dialog').isVisible(), false);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'entity-title');
  });

  it('opens from a facet value too', async () => {
    await open(`?q=${QUERY}`);
    const button = page.locator('#facets .chip-details[data-field="country"]').first();
    const code = await button.getAttribute('data-entity');
    await button.click();
    await panelReady(page);
    assert.equal(new URL(page.url()).searchParams.get('entity'), `country:${code}`);
    await page.locator('#entity-close').click();
    await page.locator('#entity-panel').waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement.dataset.entity), code, 'focus returns to the facet button');
  });

  it('is restored from the URL, and "Filter by this" filters', async () => {
    await open(`?q=${QUERY}&entity=country:US`);
    await panelReady(page);
    assert.equal(await page.locator('#entity-title').innerText(), 'United States');
    await page.locator('#entity-filter').click();
    await page.waitForURL((u) => u.searchParams.get('country') === 'US' && !u.searchParams.has('entity'));
    await settled(page);
  });
});

describe('heatmap', () => {
  it('shows the matrix of people × countries of the API, and survives a reload', async () => {
    await open(`?q=${QUERY}`);
    await page.locator('#heatmap-toggle').click();
    await page.waitForURL(/heatmap=1/);
    await page.locator('#heatmap td.heat-cell').first().waitFor();
    const m = await api(`/api/comentions?q=${QUERY}&field=person&against=country&size=10`);
    const want = m.rows.flatMap((r, i) => m.columns.map((c, j) => `${r.value}|${c.value}=${m.cells[i][j]}`));
    const cells = () => page.locator('#heatmap td.heat-cell').evaluateAll((t) => t.map((x) => `${x.dataset.row}|${x.dataset.col}=${x.dataset.count}`));
    assert.deepEqual(await cells(), want);
    assert.equal(await page.locator('#heatmap-toggle').getAttribute('aria-expanded'), 'true');
    await page.reload();
    await page.locator('#heatmap td.heat-cell').first().waitFor();
    assert.deepEqual(await cells(), want);
    // Keyboard: the cells are focusable and say what they count; a row's name opens its panel.
    const cell = page.locator('#heatmap td.heat-cell').first();
    await cell.focus();
    assert.equal(await cell.getAttribute('aria-label'), `${m.rows[0].label} and ${m.columns[0].label}: ${m.cells[0][0]} ${m.cells[0][0] === 1 ? 'article' : 'articles'}`);
    assert.equal(await cell.getAttribute('title'), await cell.getAttribute('aria-label'));
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.value), m.rows[0].value);
    await page.keyboard.press('Enter');
    await panelReady(page);
    assert.equal(new URL(page.url()).searchParams.get('entity'), `person:${m.rows[0].value}`);
    assert.equal(new URL(page.url()).searchParams.get('heatmap'), '1');
  });
});

describe('compare', () => {
  it('adds a line per query with a legend, from /api/timeline, and removes it', async () => {
    await open(`?q=${QUERY}`);
    await page.locator('#compare-q').fill(COMPARE);
    await page.locator('#compare-q').press('Enter');
    await page.waitForURL(new RegExp(`compare=${COMPARE}`));
    await page.locator('#compare-chart .series-1 .series-point').first().waitFor();
    const tl = await api(`/api/timeline?q=${QUERY}&q=${COMPARE}&interval=auto`);
    for (const k of [0, 1]) {
      const pts = await page.locator(`#compare-chart .series-${k} .series-point`).evaluateAll((c) => c.map((x) => `${x.dataset.value}=${x.dataset.count}`));
      assert.deepEqual(pts, tl.series[k].buckets.map((b) => `${b.value}=${b.count}`));
    }
    assert.deepEqual(await page.locator('#compare-legend .legend-label').allInnerTexts(), [QUERY, COMPARE]);
    // Keyboard: the chart is one tab stop; arrows move along and between lines, the focused point names its numbers.
    await page.locator('#compare-chart .series-point[tabindex="0"]').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    const b0 = tl.series[1].buckets[0];
    const label = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
    assert.ok(label.startsWith(`${COMPARE}, `) && label.includes(`: ${b0.count} of ${b0.all} articles`), label);
    assert.equal(await page.evaluate(() => document.activeElement.querySelector('title').textContent), label, 'the tooltip says the same');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.count), String(b0.count));
    assert.equal(await page.locator('#compare-chart .series-point[tabindex="0"]').count(), 1);
    await page.reload();
    await page.locator('#compare-chart .series-1').waitFor();
    await page.getByRole('button', { name: `Remove ${COMPARE}` }).click();
    await page.waitForURL((u) => !u.searchParams.has('compare'));
    assert.equal(await page.locator('#compare-chart svg').count(), 0);
  });
});

describe('attention normalised', () => {
  it('draws the share of all articles by default and raw counts a toggle away', async () => {
    await open(`?q=${QUERY}`);
    const data = await api(`/api/search?q=${QUERY}&collapse=story&size=0&facets=date&interval=auto`);
    assert.equal(await page.locator('#histogram .histogram-chart').getAttribute('data-measure'), 'share');
    const b = data.facets.date.find((x) => x.count > 0);
    const title = await page.locator(`#histogram .bar[data-value="${b.value}"]`).getAttribute('title');
    assert.ok(title.includes(`${b.count} of ${b.all} articles`), title);
    assert.ok(title.includes(`${((b.count / b.all) * 100).toFixed(b.count / b.all < 0.1 ? 1 : 0)}%`), title);
    await page.locator('#raw-counts').check();
    await page.waitForURL(/measure=count/);
    await page.locator('#histogram .histogram-chart[data-measure="count"]').waitFor();
    await page.reload();
    await settled(page);
    assert.equal(await page.locator('#raw-counts').isChecked(), true);
  });
});

describe('themes', () => {
  it('lists the words and phrases of /api/terms', async () => {
    await open(`?q=${QUERY}`);
    await page.locator('#themes .theme').first().waitFor();
    const t = await api(`/api/terms?q=${QUERY}&size=12`);
    const shown = await page.locator('#themes .theme').evaluateAll((b) => b.map((x) => `${x.dataset.term}=${x.dataset.count}`));
    assert.deepEqual(shown, [...t.words, ...t.phrases].map((w) => `${w.term}=${w.count}`));
  });
});

// A corpus with one known burst: 29 days of two articles without anyone
// named, then a day of five, four of them naming Emmanuel Macron (share 0.8
// against a baseline of 0: z far above 3, and 4 articles >= 3).
const TOPICS = ['rain', 'harvest', 'rail', 'bridge', 'school', 'market', 'river', 'forest'];
function burstCorpus(file) {
  const lines = [];
  const article = (id, day, title, body) => lines.push(JSON.stringify({
    id, title, body, date: `2024-03-${String(day).padStart(2, '0')}T10:00:00Z`, source: 'Test Wire', url: `https://example.org/${id}`, lang: 'en',
  }));
  for (let day = 1; day <= 29; day++) {
    for (let k = 0; k < 2; k++) {
      const topic = TOPICS[(day + k) % TOPICS.length];
      article(`d${day}-${k}`, day, `Local ${topic} report ${day}-${k}`, `The ${topic} committee met on day ${day} to discuss item ${k} of its ${topic} agenda, number ${day * 7 + k}.`);
    }
  }
  for (let k = 0; k < 4; k++) {
    article(`burst-${k}`, 30, `Macron statement ${k}`, `Emmanuel Macron spoke in Paris about topic ${TOPICS[k]}; Emmanuel Macron said part ${k} of the plan would follow.`);
  }
  article('burst-other', 30, 'Local market report 30', 'The market committee met on day 30.');
  writeFileSync(file, `${lines.join('\n')}\n`);
}

describe('bursts', () => {
  let burstStack;
  before(async () => {
    const { dir } = buildIndex(null);
    const file = path.join(dir, 'bursts.jsonl');
    burstCorpus(file);
    burstStack = await startServer(buildIndex(file).db);
  });
  after(async () => { await burstStack?.stop(); });

  it('marks the burst day of /api/bursts on the entity timeline', async () => {
    const b = await getJson(burstStack.url, '/api/bursts?field=person&value=emmanuel-macron&from=2024-03-01&to=2024-03-30');
    const days = b.values[0].days.filter((d) => d.burst).map((d) => d.date);
    assert.deepEqual(days, ['2024-03-30'], 'the corpus has its one burst');
    ({ ctx: context, p: page } = await openPage(browser, problems));
    await page.goto(`${burstStack.url}/?entity=person:emmanuel-macron`);
    await panelReady(page);
    assert.deepEqual(await page.locator('#entity-panel .burst-mark').evaluateAll((m) => m.map((x) => x.dataset.day)), days);
    assert.match(await page.locator('#entity-bursts').innerText(), /^1 burst day/);
    await page.locator('#entity-panel').screenshot({ path: path.join(shots, 'views-entity-burst-desktop.png') });
    // The date chart of the results marks the chosen value's burst too.
    await page.locator('#histogram .bar.has-burst').waitFor();
    assert.deepEqual(await page.locator('#histogram .bar.has-burst').evaluateAll((bs) => bs.map((x) => x.dataset.value)), ['2024-03-30']);
    await page.keyboard.press('Escape');
    await page.goto(`${burstStack.url}/?person=emmanuel-macron`);
    await page.locator('#histogram .bar.has-burst').waitFor();
    assert.match(await page.locator('#histogram .bar.has-burst').getAttribute('aria-label'), /a burst$/);
  });
});

describe('accessibility and screenshots', () => {
  for (const { name, viewport } of WIDTHS) {
    it(`every new view has no axe violations at ${name}`, async () => {
      await open(`?q=${QUERY}&compare=${COMPARE}&heatmap=1`, viewport);
      await page.locator('#heatmap td.heat-cell').first().waitFor();
      await page.locator('#compare-chart .series-1').waitFor();
      await page.locator('#themes .theme').first().waitFor();
      assert.deepEqual(await accessibilityViolations(page), [], 'analysis views');
      await page.screenshot({ path: path.join(shots, `views-analysis-${name}.png`), fullPage: true });
      await page.locator('#heatmap').screenshot({ path: path.join(shots, `views-heatmap-${name}.png`) });
      await page.locator('.timeline').screenshot({ path: path.join(shots, `views-timeline-${name}.png`) });
      await page.goto(`${base}/?q=${QUERY}&entity=country:US`);
      await panelReady(page);
      assert.deepEqual(await accessibilityViolations(page), [], 'entity panel');
      await page.screenshot({ path: path.join(shots, `views-entity-${name}.png`) });
    });
  }
});
