// The page running the tutorial's examples against a real loopscope: console order, lanes, totals,
// time travel back to the first print, and a syntax error shown at its line.

import assert from 'node:assert/strict';
import { test, server_and_browser, screenshot } from './harness.mjs';

const fixture = server_and_browser();
let page = null; // each test opens its own

const console_lines = () => page.$$eval('#console .console-line', (lines) => lines.map((li) => ({
  kind: [...li.classList].find((c) => c !== 'console-line'),
  n: li.dataset.n,
  order: li.querySelector('.order').textContent,
  text: li.querySelector('.text').textContent,
})));

// Wait for the next animation frames to have drawn what the keys asked for.
const drawn = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

async function open(hash) {
  await page?.close();
  page = await fixture.browser.context.newPage();
  await page.goto(`${fixture.server.url}${hash}`);
}

async function run(example, speed) {
  await open(`#example=${example}&speed=${speed}`);
  await page.waitForSelector('#connection[data-state="live"]');
  await page.waitForFunction((id) => document.querySelector('#program-picker').value === id, example);
  await page.click('#run');
}

test('interleaving: the tutorial order, numbered 1-4, two lanes', async () => {
  await run('interleaving', 'instant');
  await page.waitForFunction(() => document.querySelector('#total').textContent === 'total 2.0 s');
  assert.deepEqual(await console_lines(), [
    { kind: 'print', n: '1', order: '①', text: 'This goes first!' },
    { kind: 'print', n: '2', order: '②', text: 'This goes second!' },
    { kind: 'print', n: '3', order: '③', text: 'This goes third!' },
    { kind: 'print', n: '4', order: '④', text: 'This goes fourth!' },
  ]);
  assert.deepEqual(await page.$$eval('#lanes .lane', (lanes) => lanes.map((l) => l.dataset.task)), ['Task-1', 'Task-2']);
  assert.equal(await page.locator('#lanes .wait-arrow[data-from="Task-1"][data-to="Task-2"]').count(), 1);
  assert.equal(await page.textContent('#loop-state'), 'loop 1: closed');
  await screenshot(page, 'interleaving');
});

test('step back to the first print: one console line, the code marks line 6', async () => {
  await page.keyboard.press('Home');
  await page.keyboard.press('n');
  await drawn();
  assert.deepEqual((await console_lines()).map((l) => l.text), ['This goes first!']);
  assert.deepEqual(await page.$$eval('#editor .cm-lit', (lines) => lines.map((l) => [l.dataset.line, l.dataset.tasks])), [['6', 'Task-1']]);
  assert.match(await page.textContent('#describe'), /Task-1 prints "This goes first!"/);
  assert.equal(await page.textContent('#clock'), '0.0 s');
  await page.keyboard.press('ArrowLeft');
  await drawn();
  assert.equal((await console_lines()).length, 0, 'one event before the print, nothing is printed');
  await page.keyboard.press('ArrowRight');
  await drawn();
  assert.equal((await console_lines()).length, 1);
  await screenshot(page, 'first-print');
});

test('gather: total 3.0 s with two overlapping sleep bars', async () => {
  await run('gather', '8');
  await page.waitForSelector('#connection[data-state="live"]');
  await page.waitForFunction(() => document.querySelector('#total').textContent === 'total 3.0 s', null, { timeout: 10_000 });
  const bars = await page.$$eval('#lanes [data-kind="sleep"]', (nodes) => nodes.map((n) => [n.dataset.task, Number(n.dataset.t0), Number(n.dataset.t1)]));
  assert.deepEqual(bars, [['Task-2', 0, 3], ['Task-3', 0, 3]]);
  assert.ok(bars[0][1] < bars[1][2] && bars[1][1] < bars[0][2], 'the two sleeps overlap');
  // gather() is called at line 17 and awaited at line 20: the events say main made the tasks, not which call
  assert.deepEqual(await page.$$eval('#lanes .fork-label', (nodes) => nodes.map((n) => n.textContent)), ['made by Task-1 at line 17', 'made by Task-1 at line 17']);
  assert.equal(await page.locator('#lanes .box-gather').count(), 1);
  await screenshot(page, 'gather');
});

test('sequential awaits: total 6.0 s, the two sleeps back to back', async () => {
  await run('sequential_awaited', 'instant');
  await page.waitForFunction(() => document.querySelector('#total').textContent === 'total 6.0 s');
  const bars = await page.$$eval('#lanes [data-kind="sleep"]', (nodes) => nodes.map((n) => [n.dataset.task, Number(n.dataset.t0), Number(n.dataset.t1)]));
  assert.deepEqual(bars, [['Task-1', 0, 3], ['Task-1', 3, 6]]);
  await screenshot(page, 'sequential');
});

test('to_thread: a lane per worker thread, each sleeping there while the tasks go on', async () => {
  await run('to_thread', 'instant');
  await page.waitForFunction(() => document.querySelector('#total').textContent === 'total 3.0 s', null, { timeout: 10_000 });
  // time.sleep in a worker: blocking work on the thread's lane, not an asyncio sleep
  const bars = await page.$$eval('#lanes [data-kind="worker_sleep"]', (nodes) => nodes.map((n) => [n.dataset.task, Number(n.dataset.t0), Number(n.dataset.t1), n.textContent]));
  assert.deepEqual(bars.sort(), [['thread asyncio_0', 0, 3, 'time.sleep 3.0 s (worker)'], ['thread asyncio_1', 0, 2, 'time.sleep 2.0 s (worker)']]);
  assert.equal(await page.locator('#lanes [data-kind="sleep"][data-task^="thread "]').count(), 0);
  assert.deepEqual(await page.$$eval('#lanes .fork[data-kind="gather"]', (nodes) => nodes.map((n) => n.dataset.to)), ['Task-2', 'Task-3', 'Task-4']);
  // A thread's label says what it is and, after its last item, that it is idle
  const names = await page.$$eval('#lanes .lane[data-task^="thread "]', (nodes) => nodes.map((n) => [n.querySelector('.lane-coro').firstChild.textContent, n.querySelector('.lane-state').textContent]));
  assert.deepEqual(names, [['worker thread', 'idle'], ['worker thread', 'idle']]);
  assert.equal(await page.locator('#lanes .fork[data-kind="to_thread"]').count(), 2);
  const labels = await page.$$eval('#lanes .fork-label', (nodes) => nodes.map((n) => n.textContent));
  assert.deepEqual(labels.filter((l) => l.startsWith('started for')), ['started for Task-2', 'started for Task-3']);
  assert.equal(await page.locator('#lanes [data-kind="blocked"]').count(), 0, 'time.sleep blocked the threads, not the loop');
  const console_lines = await page.$$eval('#console .console-line .text', (items) => items.map((li) => li.textContent));
  assert.deepEqual(console_lines.slice(-3), ['Done brewing coffee.', 'Coffee is ready!', 'Bagel is ready!']);
  await screenshot(page, 'to-thread');
});

test('a syntax error is shown at its line, in words', async () => {
  const source = 'import asyncio\n\nasync def main(:\n    print("never")\n\nasyncio.run(main())\n';
  const code = Buffer.from(source).toString('base64url');
  await open(`#code=${code}&speed=instant`);
  await page.waitForSelector('#connection[data-state="live"]');
  await page.waitForFunction(() => document.querySelector('#program-title').textContent === 'Your own program');
  await page.click('#run');
  await page.waitForSelector('#editor .cm-error-message');
  assert.match(await page.textContent('#editor .cm-error-message'), /'\(' was never closed/);
  assert.deepEqual(await page.$$eval('#editor .cm-error-line', (lines) => lines.map((l) => l.dataset.line)), ['3']);
  assert.match(await page.textContent('#run-error'), /^Line 3: .*SyntaxError: '\(' was never closed/);
  await screenshot(page, 'syntax-error');
});
