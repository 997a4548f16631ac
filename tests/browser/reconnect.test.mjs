// A server restart on the same port: the page says reconnecting, tries while the server is down (refused,
// and it backs off), then is live again once the server is back, and runs.
//
// The page's retries are timers (0.5 s, then 1 s, ...); a server that takes longer than that to start
// (an ASan build, a loaded machine) would meet a retry the test did not plan for. So the test holds the
// page's clock and moves it on itself: one retry while the server is down, the next once it listens.

import { after } from 'node:test';
import assert from 'node:assert/strict';
import { test, start_server, stop_server, open_browser, screenshot } from './harness.mjs';

let server;
let browser;
after(async () => {
  await browser?.close();
  if (server) await stop_server(server);
});

// What the page is expected to show, read from the pill's own text (waits run in Playwright's world,
// not on the page's faked timers).
const pill_says = (page, state, text) =>
  page.locator(`#connection[data-state="${state}"]`, { hasText: text }).waitFor({ timeout: 15_000 });

test('a server restart shows reconnecting, a refused retry backs off, then live', async () => {
  server = await start_server();
  browser = await open_browser();
  const page = await browser.page();
  // The page's clock runs on its own from `loaded_at` until the test pauses it
  const loaded_at = Date.parse('2030-01-01T00:00:00Z');
  await browser.context.clock.install({ time: loaded_at });
  await page.goto(server.url);
  await pill_says(page, 'live', 'live');

  // Record every state the connection pill shows, then stop the page's time (an hour after it loaded is
  // in its future however slow the machine): from here on the test decides when the page's timers fire.
  await page.evaluate(() => {
    window.seen_states = [];
    new MutationObserver(() => window.seen_states.push(document.querySelector('#connection').dataset.state))
      .observe(document.querySelector('#connection'), { attributes: true, attributeFilter: ['data-state'] });
  });
  await browser.context.clock.pauseAt(loaded_at + 3_600_000);
  const port = server.port;
  await stop_server(server);
  await pill_says(page, 'reconnecting', 'server went away — reconnecting in 0.5 s');
  await screenshot(page, 'reconnecting');

  // The first retry, with the server down: refused, which Chromium logs as a console error. That one
  // error is expected here; any other problem in this window still fails the test.
  const refused = page.waitForEvent('console', (message) => message.type() === 'error' && /ERR_CONNECTION_REFUSED/.test(message.text()));
  await browser.context.clock.runFor(500);
  await refused;
  await pill_says(page, 'reconnecting', 'connection lost — reconnecting in 1.0 s');
  const during_outage = browser.problems.splice(0);
  assert.equal(during_outage.length, 1, `one refused retry and nothing else:\n${during_outage.join('\n')}`);
  assert.match(during_outage[0], new RegExp(`^console error: WebSocket connection to 'ws://127\\.0\\.0\\.1:${port}/ws' failed: .*ERR_CONNECTION_REFUSED$`));

  // The server is back (it listens before start_server resolves); the second retry, 1 s on, connects.
  server = await start_server(port);
  await browser.context.clock.runFor(1000);
  await pill_says(page, 'live', 'live');
  const states = await page.evaluate(() => window.seen_states.filter((state, i, all) => state !== all[i - 1]));
  assert.deepEqual(states, ['reconnecting', 'connecting', 'reconnecting', 'connecting', 'live']);

  // And the page works again, on its own time
  await browser.context.clock.resume();
  await page.click('#run');
  await page.waitForFunction(() => document.querySelector('#total').textContent.startsWith('total'), null, { timeout: 15_000 });
  await screenshot(page, 'reconnected');
  assert.deepEqual(browser.problems, [], 'no console errors and no failed requests');
});
