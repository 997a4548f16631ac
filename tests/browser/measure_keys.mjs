// Not a test: how long End and arrow steps take on the page for a program of your own, the way
// docs/performance.md ("The page with thousands of tasks") measured them.
//
//   LOOPSCOPE_BINARY=build/ci/server/loopscope node tests/browser/measure_keys.mjs PROGRAM.py [TRIES]
//
// It starts a server and Debian's chromium (harness.mjs), runs the program at instant speed, waits
// for its total, then TRIES times: Home, End, ←, ←, →, each timed from the key press to the second
// animation frame after it, with the layouts and the script time Chromium counted meanwhile.

import { readFileSync } from 'node:fs';
import { start_server, stop_server, open_browser } from './harness.mjs';

const source = readFileSync(process.argv[2], 'utf8');
const tries = Number(process.argv[3] ?? 3);
const server = await start_server();
const browser = await open_browser();
try {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}#code=${Buffer.from(source).toString('base64url')}&speed=instant`);
  await page.waitForSelector('#connection[data-state="live"]');
  await page.waitForFunction(() => document.querySelector('#program-title').textContent === 'Your own program');
  const started = Date.now();
  await page.click('#run');
  await page.waitForFunction(() => /^total /.test(document.querySelector('#total').textContent), null, { timeout: 600_000, polling: 500 });
  console.log(`on screen ${Date.now() - started} ms after Run: ${await page.textContent('#position')}`);
  const press = (key) => page.evaluate((key) => new Promise((resolve) => {
    const t0 = performance.now();
    document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
  }), key);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  for (let i = 0; i < tries; i += 1) {
    for (const key of ['Home', 'End', 'ArrowLeft', 'ArrowLeft', 'ArrowRight']) {
      const before = await metrics();
      const ms = await press(key);
      const after = await metrics();
      const d = (name) => (after[name] - before[name]).toFixed(3);
      console.log(`${key.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms  ${await page.textContent('#position')}  layouts ${d('LayoutCount')} (${d('LayoutDuration')} s), style ${d('RecalcStyleDuration')} s, script ${d('ScriptDuration')} s`);
    }
  }
  console.log(`SVG nodes in the lanes: ${await page.$$eval('#lanes *', (all) => all.length)}, lanes drawn: ${await page.locator('#lanes .lane').count()}`);
} finally {
  await browser.close();
  await stop_server(server);
}
