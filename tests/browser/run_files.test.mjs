// Keep, share, open elsewhere: save gather's run from a page with a server, then open the file on a
// page with NO server (the server stopped; the page's own files answered from web/ on disk by
// Playwright's routing, as a static copy would serve them) and step through it; a dropped file opens
// too, a bad one is refused naming its line; the Perfetto export is a valid trace with gather's tracks.

import { after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, start_server, stop_server, open_browser, screenshot, web_root } from './harness.mjs';
import { trace_problems } from '../web/trace_format.mjs';
import { decode_permalink } from '../../web/lib/permalink.mjs';
import { run_file_text } from '../../web/lib/run_file.mjs';

let server;
let browser;
const work = mkdtempSync(path.join(tmpdir(), 'loopscope-run-files-'));
after(async () => {
  await browser?.close();
  if (server) await stop_server(server);
  rmSync(work, { recursive: true, force: true });
});

const drawn = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
async function download(page, button) {
  const done = page.waitForEvent('download');
  await page.click(button);
  const file = await done;
  const where = path.join(work, file.suggestedFilename());
  await file.saveAs(where);
  return { name: file.suggestedFilename(), text: readFileSync(where, 'utf8'), where };
}
const content_types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css' };

let saved;
let url;

// A page with no server: its files from web/ on disk, as a static copy would serve them; the
// websocket is not routed and finds nothing listening.
async function offline_page() {
  const page = await browser.context.newPage();
  await page.route(`${url}**`, (route) => {
    const file = new URL(route.request().url()).pathname.replace(/^\/$/, '/index.html');
    const type = content_types[path.extname(file)] ?? 'application/octet-stream';
    route.fulfill({ status: 200, contentType: type, body: readFileSync(path.join(web_root, file)) });
  });
  await page.goto(url);
  await page.waitForSelector('#connection:not([data-state="live"]):not([data-state="connecting"])');
  return page;
}

test('save gather\'s run and export its trace from a page with a server', async () => {
  server = await start_server();
  browser = await open_browser();
  url = server.url;
  const page = await browser.page();
  await page.goto(`${url}#example=gather&speed=instant`);
  await page.waitForSelector('#connection[data-state="live"]');
  await page.waitForFunction(() => document.querySelector('#program-picker').value === 'gather');
  await page.click('#run');
  await page.waitForFunction(() => document.querySelector('#total').textContent === 'total 3.0 s');

  saved = await download(page, '#save-run');
  assert.equal(saved.name, 'gather.loopscope.jsonl');
  const lines = saved.text.trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(lines[0].format, 'loopscope-run');
  assert.equal(lines[0].program.scenario, 'gather');
  assert.match(lines[0].program.source, /asyncio\.gather/);
  assert.deepEqual(lines[0].settings, { clock: 'virtual', speed: null, random_seed: lines.at(-1).random_seed });
  // The example's title and notes, as the program card shows them: an offline page has no catalog
  assert.equal(lines[0].program.title, await page.textContent('#program-title'));
  assert.equal(lines[0].program.notes, await page.textContent('#program-notes p'));
  assert.match(lines[0].loopscope, /^\d+\.\d+\.\d+$/);
  assert.equal(lines.at(-1).kind, 'run_finished');
  assert.deepEqual(lines.slice(1).map((e) => e.seq), lines.slice(1).map((_, i) => i));

  const exported = await download(page, '#export-trace');
  assert.equal(exported.name, 'gather.trace.json');
  const trace = JSON.parse(exported.text);
  assert.deepEqual(trace_problems(trace), []);
  const tracks = trace.traceEvents.filter((e) => e.name === 'thread_name').map((e) => e.args.name);
  assert.deepEqual(tracks.slice(0, 4), ['event loop', 'Task-1', 'Task-2', 'Task-3']);
  // Each task's track: its steps (1 µs wide on the virtual clock) and its wait between them
  const track = (tid) => trace.traceEvents.filter((e) => e.ph === 'X' && e.tid === tid).sort((a, b) => a.ts - b.ts).map((e) => [e.cat, e.name]);
  assert.deepEqual(track(1), [['step', 'main'], ['wait', 'gather(Task-2, Task-3)'], ['step', 'main']]);
  assert.deepEqual(track(2), [['step', 'brew_coffee'], ['sleep', 'sleep(3)'], ['step', 'brew_coffee']]);
  assert.ok(trace.traceEvents.filter((e) => e.cat === 'step').every((e) => e.dur >= 1));
  const sleep = trace.traceEvents.find((e) => e.cat === 'sleep');
  assert.ok(Math.abs(sleep.dur - 3e6) < 10, `sleep(3) is 3 s wide: ${sleep.dur} µs`);
  assert.deepEqual(browser.problems.splice(0), []);
  await page.close();
});

test('with no server: the page from a static copy opens the saved file and steps through it', async () => {
  assert.ok(saved, 'the first test saved a run');
  await stop_server(server);
  server = null;
  const page = await offline_page();
  assert.equal(await page.textContent('#position'), 'no run yet');

  await page.setInputFiles('#open-run-file', saved.where);
  const length = saved.text.trim().split('\n').length - 1;
  await page.waitForFunction((n) => document.querySelector('#position').textContent === `event 1 of ${n}`, length);
  // The example's title and notes as they were live, from the file (no server, no catalog)
  const header = JSON.parse(saved.text.split('\n')[0]);
  assert.equal(await page.textContent('#program-title'), header.program.title);
  assert.match(header.program.title, /gather/);
  assert.equal(await page.textContent('#program-notes p'), header.program.notes);
  assert.equal(await page.isHidden('#program-notes'), false);
  assert.equal(await page.$eval('#program-picker', (picker) => picker.selectedOptions[0]?.textContent), header.program.title);
  assert.match(await page.locator('#editor').innerText(), /asyncio\.gather/);
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
  await page.waitForFunction((n) => document.querySelector('#position').textContent === `event 4 of ${n}`, length);
  await page.keyboard.press('n'); // the first print
  await page.waitForFunction(() => document.querySelectorAll('#console .console-line').length === 1);
  assert.match(await page.textContent('#console'), /Start brewing coffee/);
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.querySelector('#total').textContent === 'total 3.0 s');
  assert.equal(await page.locator('#console .console-line').count(), 6);
  // The permalink holds the file's program and the step on screen: a page with a server reruns it there
  await page.waitForFunction((n) => new URLSearchParams(location.hash.slice(1)).get('step') === String(n - 1), length);
  const link = decode_permalink(new URL(page.url()).hash);
  assert.equal(link.scenario, 'gather');
  assert.equal(link.step, length - 1);
  assert.deepEqual(await page.$$eval('#lanes .lane', (lanes) => lanes.map((l) => l.dataset.task)).then((t) => t.slice(0, 3)), ['Task-1', 'Task-2', 'Task-3']);
  await page.keyboard.press('Home');
  await drawn(page);
  assert.equal(await page.locator('#console .console-line').count(), 0);
  await screenshot(page, 'run-file-offline');

  // A file that is not a run file: refused with its line, and the run on screen stays
  const broken = saved.text.split('\n').map((line, i) => (i === 2 ? '{"seq": 1, "t": 0, "kind"' : line)).join('\n');
  await page.setInputFiles('#open-run-file', { name: 'broken.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(broken) });
  await page.locator('.notice.error', { hasText: 'broken.jsonl cannot be opened: line 3: not JSON' }).waitFor();
  assert.match(await page.textContent('#position'), new RegExp(`of ${length}$`));

  // Dropped on the page: the same run again, from its start
  await page.keyboard.press('End');
  const dropped = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'gather.loopscope.jsonl'));
    return transfer;
  }, saved.text);
  await page.dispatchEvent('main#explore', 'drop', { dataTransfer: dropped });
  await page.waitForFunction((n) => document.querySelector('#position').textContent === `event 1 of ${n}`, length);

  // The export works offline too
  const exported = await download(page, '#export-trace');
  assert.deepEqual(trace_problems(JSON.parse(exported.text)), []);

  // Nothing went wrong but the websocket's refused connections (the server is gone)
  const others = browser.problems.splice(0).filter((p) => !/WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/ws' failed: .*ERR_CONNECTION_REFUSED/.test(p));
  assert.deepEqual(others, []);
  await page.close();
});

// Offline too: a run that used random shows its seed at every step (not only at its end), the link
// keeps it; the loop panel names a call_later timer by its callback.
test('with no server: the seed at every step of an opened run, and the timers by their callbacks', async () => {
  assert.ok(url, 'the first test started a page');
  const page = await offline_page();
  const fixture = (name) => readFileSync(path.join(web_root, '../tests/web/fixtures', name), 'utf8');
  const events = fixture('random_naps.jsonl').trim().split('\n').map((line) => JSON.parse(line));
  const text = run_file_text({ events, program: { source: fixture('random_naps.py') }, settings: { clock: 'virtual' } });
  await page.setInputFiles('#open-run-file', { name: 'random_naps.loopscope.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(text) });
  await page.waitForFunction((n) => document.querySelector('#position').textContent === `event 1 of ${n}`, events.length);
  await drawn(page);
  assert.equal(await page.textContent('#total'), 'of 2.0 s · random seed 1234');
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
  await drawn(page);
  assert.match(await page.textContent('#total'), / · random seed 1234$/);
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.querySelector('#total').textContent === 'total 2.0 s · random seed 1234');
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('seed') === '1234');

  // callbacks: main's call_later(1, hello, 'later') and call_later(0.5, hello, 'timer'), then its sleep
  const callbacks = fixture('callbacks.jsonl');
  const scheduled = callbacks.trim().split('\n').map((line) => JSON.parse(line)).findIndex((e) => e.kind === 'timer_cancelled') - 1;
  await page.setInputFiles('#open-run-file', { name: 'callbacks.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(callbacks) });
  await page.waitForFunction(() => document.querySelector('#position').textContent.startsWith('event 1 of'));
  for (let i = 0; i < scheduled; i += 1) await page.keyboard.press('ArrowRight');
  await page.waitForFunction((n) => document.querySelector('#position').textContent.startsWith(`event ${n + 1} of`), scheduled);
  await drawn(page);
  assert.deepEqual(await page.$$eval('#timers .chip', (chips) => chips.map((c) => c.textContent)), ["due 0.5 s → hello('timer')", "due 1.0 s → hello('later')"]);
  await screenshot(page, 'run-file-timers');
  const others = browser.problems.splice(0).filter((p) => !/WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/ws' failed: .*ERR_CONNECTION_REFUSED/.test(p));
  assert.deepEqual(others, []);
  await page.close();
});
