// A server restart on the same port: the page says reconnecting, then live again, and runs.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { start_server, stop_server, open_browser, screenshot } from './harness.mjs';

let server;
let browser;
after(async () => {
  await browser?.close();
  if (server) await stop_server(server);
});

test('a server restart shows reconnecting, then live', async () => {
  server = await start_server();
  browser = await open_browser();
  const page = await browser.page();
  await page.goto(server.url);
  await page.waitForSelector('#connection[data-state="live"]');

  // Record every state the connection pill shows
  await page.evaluate(() => {
    window.seen_states = [];
    new MutationObserver(() => window.seen_states.push(document.querySelector('#connection').dataset.state))
      .observe(document.querySelector('#connection'), { attributes: true, attributeFilter: ['data-state'] });
  });
  const port = server.port;
  await stop_server(server);
  await page.waitForSelector('#connection[data-state="reconnecting"]');
  assert.match(await page.textContent('#connection'), /server went away — reconnecting in \d\.\d s/);
  await screenshot(page, 'reconnecting');
  server = await start_server(port);
  await page.waitForSelector('#connection[data-state="live"]', { timeout: 15_000 });
  const states = await page.evaluate(() => window.seen_states);
  assert.equal(states[0], 'reconnecting');
  assert.equal(states.at(-1), 'live');

  // And the page works again
  await page.click('#run');
  await page.waitForFunction(() => document.querySelector('#total').textContent.startsWith('total'), null, { timeout: 15_000 });
  await screenshot(page, 'reconnected');
  assert.deepEqual(browser.problems, [], 'no console errors and no failed requests');
});
