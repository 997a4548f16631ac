// What every browser test needs: a real loopscope on a free port, Debian's chromium driven by
// playwright-core, and a watch on console errors and failed requests (none may happen).

import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { test as node_test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const web_root = path.join(repo, 'web');
export const binary = process.env.LOOPSCOPE_BINARY ?? path.join(repo, 'build/dev/server/loopscope');
export const screenshot_dir = process.env.LOOPSCOPE_SCREENSHOTS ?? path.join(tmpdir(), 'loopscope-screenshots');

// node's test, stopped by name after 90 s. Playwright's own waits (at most 60 s) fail first and say what
// they waited for; this catches a hang anywhere else, well within CTest's 300 s for a file. (node 20's
// --test-timeout would bound the whole file instead.)
export const test_timeout_ms = 90_000;
export const test = (name, fn) => node_test(name, { timeout: test_timeout_ms }, fn);

// Start loopscope; resolves with {process, port, url} once it logs where it listens.
export function start_server(port = 0) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['--port', String(port), '--web-root', web_root], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`loopscope did not start:\n${output}`)), 10_000);
    const read = (chunk) => {
      output += chunk;
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ process: child, port: Number(match[1]), url: `http://127.0.0.1:${match[1]}/` });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`loopscope exited with ${code}:\n${output}`));
    });
  });
}

export function stop_server(server) {
  return new Promise((resolve) => {
    if (server.process.exitCode !== null) return resolve();
    server.process.once('exit', resolve);
    server.process.kill('SIGTERM');
  });
}

// A fresh browser with its own profile; `problems` collects what must not happen.
export async function open_browser() {
  const profile = mkdtempSync(path.join(tmpdir(), 'loopscope-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1440, height: 960 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const problems = [];
  const watch = (page) => {
    page.on('console', (message) => { if (message.type() === 'error') problems.push(`console error: ${message.text()}`); });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
    page.on('response', (response) => { if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`); });
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:') problems.push(`request to another host: ${request.url()}`);
    });
  };
  context.on('page', watch);
  for (const page of context.pages()) watch(page);
  return {
    context,
    problems,
    async page() {
      const page = context.pages()[0] ?? (await context.newPage());
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page, name) {
  mkdirSync(screenshot_dir, { recursive: true });
  const file = path.join(screenshot_dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// The page's address once it holds what is on screen (the page updates it at most four times a second).
export async function saved_url(page) {
  await page.waitForFunction(() => document.documentElement.dataset.link === 'saved');
  return page.url();
}

// One server and one browser for a test file's tests, and after each test the check that nothing went
// wrong on the page. The fields are filled before the first test runs.
export function server_and_browser() {
  const fixture = { server: null, browser: null };
  before(async () => {
    fixture.server = await start_server();
    fixture.browser = await open_browser();
  });
  after(async () => {
    await fixture.browser?.close();
    if (fixture.server) await stop_server(fixture.server);
  });
  afterEach(() => assert.deepEqual(fixture.browser.problems.splice(0), [], 'no console errors and no failed requests'));
  return fixture;
}
