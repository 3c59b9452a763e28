// Test harness: builds a fresh index of the sample corpus, starts the real
// chancery-searchd on a free loopback port, launches Debian's chromium via
// playwright-core, and tears all of it down again (also when tests fail).
//
// Environment:
//   CHANCERY_BIN_DIR   chancery-index and chancery-searchd (default ../../build/bin)
//   CHANCERY_SAMPLE    corpus to index (default ../../data/sample/articles.jsonl)
//   CHROMIUM_PATH      browser binary (default /usr/bin/chromium)
//   CHANCERY_E2E_URL   use an already running server instead (no index, no start)
//   CHANCERY_SCREENSHOT_DIR  where screenshots go (default ../../build/screenshots)

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const binDir = path.resolve(here, process.env.CHANCERY_BIN_DIR || '../../build/bin');
export const samplePath = path.resolve(here, process.env.CHANCERY_SAMPLE || process.env.SAMPLE || '../../data/sample/articles.jsonl');
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const screenshotDir = path.resolve(here, process.env.CHANCERY_SCREENSHOT_DIR || '../../build/screenshots');
export const webRoot = path.join(repoRoot, 'web');

const servers = new Set();
const tempDirs = new Set();

function cleanupSync() {
  for (const s of servers) {
    try { s.kill('SIGKILL'); } catch { /* gone */ }
  }
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
}
process.on('exit', cleanupSync);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { cleanupSync(); process.exit(130); });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function requireFile(file, what) {
  if (!existsSync(file)) throw new Error(`${what} not found at ${file}; build it first or set the environment variable (see tests/e2e/harness.js)`);
}

/** Indexes `input` (a file path, or null for an empty index) into a temp dir. */
export function buildIndex(input) {
  const indexer = path.join(binDir, 'chancery-index');
  requireFile(indexer, 'chancery-index');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chancery-e2e-'));
  tempDirs.add(dir);
  let source = input;
  if (!source) {
    source = path.join(dir, 'empty.jsonl');
    writeFileSync(source, '');
  } else {
    requireFile(source, 'sample corpus');
  }
  const db = path.join(dir, 'index');
  const run = spawnSync(indexer, ['--db', db, source], { encoding: 'utf8', timeout: 300_000 });
  if (run.status !== 0) {
    throw new Error(`chancery-index exited ${run.status ?? run.signal}:\n${run.stderr}`);
  }
  return { dir, db };
}

/** Starts chancery-searchd over `db`; resolves once /api/health answers. */
export async function startServer(db) {
  const searchd = path.join(binDir, 'chancery-searchd');
  requireFile(searchd, 'chancery-searchd');
  const port = await freePort();
  const child = spawn(searchd, ['--db', db, '--listen', `127.0.0.1:${port}`, '--web-root', webRoot], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.add(child);
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  let exited = null;
  child.on('exit', (code, signal) => { exited = code ?? signal; servers.delete(child); });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited !== null) throw new Error(`chancery-searchd exited (${exited}) before answering:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`chancery-searchd did not answer /api/health within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    output: () => output,
    async stop() {
      if (exited !== null) return;
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await done;
      clearTimeout(timer);
    },
  };
}

/** The server under test: an external one, or a fresh index plus searchd. */
export async function startStack() {
  if (process.env.CHANCERY_E2E_URL) {
    return { url: process.env.CHANCERY_E2E_URL.replace(/\/$/, ''), async stop() {}, output: () => '' };
  }
  const { db } = buildIndex(samplePath);
  return startServer(db);
}

export function removeTempDirs() {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
  tempDirs.clear();
}

export async function launchBrowser() {
  requireFile(chromiumPath, 'chromium (apt-get install chromium)');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export function ensureScreenshotDir() {
  mkdirSync(screenshotDir, { recursive: true });
  return screenshotDir;
}

// The WCAG 2.1 A and AA rule tags of axe-core (npm axe-core).
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const axeSource = readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core's WCAG 2.1 A and AA rules on the page as it is now and
 * returns one line per failing node ("rule: target: summary"). The source is
 * evaluated through the DevTools protocol, not as an inline script, so the
 * page's CSP stays as it is.
 */
export async function accessibilityViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(axeSource);
  }
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      // Experimental in axe, off unless named: a visible label the
      // accessible name does not contain (WCAG 2.5.3).
      rules: { 'label-content-name-mismatch': { enabled: true } },
      resultTypes: ['violations'],
    });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}: ${(n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 200)}`));
  }, AXE_TAGS);
  return violations;
}

/** GET `base + pathAndQuery` as JSON, asserting a 200. */
export async function getJson(base, pathAndQuery) {
  const res = await fetch(`${base}${pathAndQuery}`);
  assert.equal(res.status, 200, `GET ${pathAndQuery} -> ${res.status}`);
  return res.json();
}

/** Opens a page that records console errors, uncaught errors and dialogs into `problems`. */
export async function openPage(browser, problems, viewport = { width: 1280, height: 800 }) {
  const ctx = await browser.newContext({ viewport });
  const p = await ctx.newPage();
  p.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  p.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  p.on('dialog', (dialog) => { problems.push(`dialog: ${dialog.type()} ${dialog.message()}`); dialog.dismiss().catch(() => {}); });
  return { ctx, p };
}

/** Waits until the results for the current URL have been drawn. */
export async function settled(p) {
  await p.waitForFunction(() => {
    const main = document.getElementById('main');
    return main && !main.classList.contains('is-loading') && document.getElementById('results').getAttribute('aria-busy') === 'false'
      && (document.getElementById('status').textContent !== '' || document.getElementById('message').childElementCount > 0);
  });
}
