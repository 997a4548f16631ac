// Predict first, from a link: the probe's printed lines offered shuffled, put in order with the ↑
// buttons, checked by the real run; and a program with one line to print simply runs.

import assert from 'node:assert/strict';
import { test, server_and_browser, screenshot, saved_url } from './harness.mjs';

const fixture = server_and_browser();

const offered = (page) => page.$$eval('#predict-list li .predict-text', (items) => items.map((li) => li.textContent));

test('the printed lines come shuffled, and the order put right scores 4 of 4', async () => {
  const page = await fixture.browser.context.newPage();
  await page.goto(`${fixture.server.url}#example=interleaving&speed=instant&mode=predict`);
  await page.waitForSelector('#connection[data-state="live"]');
  await page.waitForFunction(() => !document.querySelector('#predict').hidden && document.body.dataset.mode === 'predict');
  assert.equal(await page.textContent('#predict-hint'), 'Press Run: the printed lines appear here shuffled.');
  await page.click('#run');
  await page.waitForSelector('#predict-check:not([hidden])');
  assert.deepEqual(await offered(page), ['This goes second!', 'This goes third!', 'This goes fourth!', 'This goes first!']);
  const first_up = page.locator('#predict-list li', { hasText: 'This goes first!' }).locator('button[data-move="up"]');
  for (let press = 0; press < 3; press += 1) await first_up.click();
  assert.deepEqual(await offered(page), ['This goes first!', 'This goes second!', 'This goes third!', 'This goes fourth!']);
  await page.click('#predict-check');
  await page.waitForFunction(() => document.querySelector('#predict-score').textContent === '4 of 4 in the right place.');
  assert.deepEqual(await page.$$eval('#predict-list li', (items) => items.map((li) => li.dataset.verdict)), ['right', 'right', 'right', 'right']);
  assert.equal(await page.textContent('#total'), 'total 2.0 s');
  assert.match(await saved_url(page), /example=interleaving&speed=instant&step=68&mode=predict$/);
  await screenshot(page, 'predict');
  await page.close();
});

test('a program that prints one line has no order to guess: it runs in explore', async () => {
  const page = await fixture.browser.context.newPage();
  await page.goto(`${fixture.server.url}#example=hello&speed=instant`);
  await page.waitForSelector('#connection[data-state="live"]');
  await page.keyboard.press('p');
  await page.click('#run');
  await page.waitForFunction(() => document.querySelector('#predict-hint').textContent === 'It prints one line: there is no order to guess. Here it runs.');
  await page.waitForFunction(() => document.querySelector('#total').textContent.startsWith('total'));
  assert.deepEqual(await page.$$eval('#console .console-line .text', (items) => items.map((li) => li.textContent)), ['Hello World!']);
  assert.equal(await page.locator('#predict-list li').count(), 0);
  await page.close();
});
