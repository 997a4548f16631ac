// Compare mode's two totals, and a permalink that reopens the same program, speed and step.

import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { start_server, stop_server, open_browser, screenshot } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await start_server();
  browser = await open_browser();
});
after(async () => {
  await browser?.close();
  if (server) await stop_server(server);
});
afterEach(() => assert.deepEqual(browser.problems.splice(0), [], 'no console errors and no failed requests'));

const drawn = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

test('compare mode: sequential and gather side by side, with both totals', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}#speed=8`);
  await page.waitForSelector('#connection[data-state="live"]');
  await page.click('.modes button[data-mode="compare"]');
  assert.deepEqual(await page.$$eval('.compare-picker', (pickers) => pickers.map((p) => p.value)), ['sequential_awaited', 'gather']);
  await page.click('#compare-run');
  await page.waitForFunction(() => [...document.querySelectorAll('.compare-total')].every((o) => !o.textContent.endsWith('…') && o.textContent !== '—'), null, { timeout: 15_000 });
  assert.deepEqual(await page.$$eval('.compare-total', (totals) => totals.map((o) => o.textContent)), ['6.0 s', '3.0 s']);
  assert.equal(await page.locator('#compare-lanes .group').count(), 2);
  assert.match(page.url(), /#compare=sequential_awaited%2Cgather/);
  await screenshot(page, 'compare');
  await page.close();
});

test('a permalink reopened in a new page restores program, speed and step', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}#example=gather&speed=4`);
  await page.waitForSelector('#connection[data-state="live"]');
  await page.click('#run');
  await page.waitForFunction(() => document.querySelector('#total').textContent === 'total 3.0 s', null, { timeout: 10_000 });
  await page.keyboard.press('Home');
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  await page.keyboard.press('ArrowRight');
  await drawn(page);
  const link = page.url();
  const position = await page.textContent('#position');
  const lines = await page.$$eval('#console .console-line', (items) => items.map((li) => li.textContent));
  assert.match(link, /example=gather&speed=4&step=22/);
  assert.equal(lines.length, 2);

  const reopened = await browser.context.newPage();
  await reopened.goto(link);
  await reopened.waitForFunction((expected) => document.querySelector('#position').textContent === expected, position.replace(' (live)', ''), { timeout: 10_000 });
  assert.equal(await reopened.$eval('#program-picker', (p) => p.value), 'gather');
  assert.equal(await reopened.$eval('#speed-picker', (p) => p.value), '4');
  assert.deepEqual(await reopened.$$eval('#console .console-line', (items) => items.map((li) => li.textContent)), lines);
  assert.equal(reopened.url(), link);
  await screenshot(reopened, 'permalink');
  await page.close();
  await reopened.close();
});
