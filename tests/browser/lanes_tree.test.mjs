// The lanes as a task tree against a real loopscope: a failing TaskGroup's box around its children,
// the group's cancel arrows with their cause, each lane's state, and time travel taking them back;
// a timeout block's deadline on the lane it guards, turning red.

import assert from 'node:assert/strict';
import { test, server_and_browser, screenshot } from './harness.mjs';

const fixture = server_and_browser();
let page = null;

const drawn = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

async function run(example) {
  await page?.close();
  page = await fixture.browser.context.newPage();
  await page.goto(`${fixture.server.url}#example=${example}&speed=instant`);
  await page.waitForSelector('#connection[data-state="live"]');
  await page.waitForFunction((id) => document.querySelector('#program-picker').value === id, example);
  await page.click('#run');
}

const rows = () => page.$$eval('#lanes .lane', (lanes) => lanes
  .map((l) => [Number(l.dataset.row), l.dataset.task, Number(l.dataset.depth), l.dataset.state])
  .sort((a, b) => a[0] - b[0]).map(([, ...rest]) => rest));
const cancels = () => page.$$eval('#lanes .cancel', (nodes) => nodes.map((n) => [n.dataset.from, n.dataset.to, n.dataset.label, n.querySelector('.cancel-label')?.textContent ?? null]));

test('taskgroup_failure: the group\'s box, its cancel arrows, and the lanes\' states as a tree', async () => {
  await run('taskgroup_failure');
  await page.waitForFunction(() => document.querySelector('#total').textContent === 'total 2.0 s');
  await drawn();
  // The ExceptionGroup the group raised, as main caught and printed it
  const printed = await page.$$eval('#console .console-line .text', (items) => items.map((li) => li.textContent));
  assert.equal(printed.at(-1), "t=2.0 caught ExceptionGroup('unhandled errors in a TaskGroup', [ValueError('prices: bad data')])");
  assert.deepEqual(await rows(), [
    ['Task-1', 0, 'done'], ['Task-2', 1, 'done'], ['Task-3', 1, 'cancelled'], ['Task-4', 1, 'failed'],
  ]);
  // Each child's lane is linked to its parent's in the labels
  assert.equal(await page.locator('#lanes .lane[data-depth="1"] .tree-link:not([d=""])').count(), 3);
  const box = page.locator('#lanes .box-taskgroup');
  assert.equal(await box.count(), 1);
  assert.equal(await box.getAttribute('data-members'), 'Task-2 Task-3 Task-4');
  assert.match(await box.locator('.box-label').textContent(), /^TaskGroup #1/);
  // The box spans the three children's lanes and not main's
  const lane_box = (task) => page.locator(`#lanes .lane[data-task="${task}"] .lane-rule`).boundingBox();
  const frame = await box.locator('.box-frame').boundingBox();
  const [main, users, prices] = await Promise.all(['Task-1', 'Task-2', 'Task-4'].map(lane_box));
  assert.ok(frame.y > main.y && frame.y < users.y, `box top ${frame.y} is in Task-2's row`);
  assert.ok(Math.abs(frame.y + frame.height - prices.y) < 6, `box bottom ${frame.y + frame.height} ends with Task-4's row ${prices.y}`);
  // No task asked: the arrows come from a mark that names the group
  assert.deepEqual(await cancels(), [['', 'Task-3', 'TaskGroup #1', 'TaskGroup #1'], ['', 'Task-1', 'TaskGroup #1', 'TaskGroup #1']]);
  assert.equal(await page.locator('#lanes .cancel .cancel-arrow').count(), 2);
  assert.equal(await page.locator('#lanes .lane[data-task="Task-3"] .surfaced').count(), 1);
  await screenshot(page, 'lanes-tree-taskgroup');

  // Back to the moment before the failure: no arrows, no marks, and the children still asleep
  await page.keyboard.press('Home');
  await drawn();
  for (let i = 0; i < 40; i += 1) await page.keyboard.press('ArrowRight'); // seq 39: all asleep, before t = 2
  await drawn();
  assert.deepEqual(await cancels(), []);
  assert.equal(await page.locator('#lanes .surfaced').count(), 0);
  assert.deepEqual((await rows()).map(([task, , state]) => [task, state]),
    [['Task-1', 'waiting'], ['Task-2', 'waiting'], ['Task-3', 'waiting'], ['Task-4', 'waiting']]);
  assert.equal(await page.locator('#lanes .box-taskgroup.open').count(), 1);
  await screenshot(page, 'lanes-tree-taskgroup-before');
});

test('timeout_block: the deadline at 5 s on main\'s lane, red once it expired', async () => {
  await run('timeout_block');
  await page.waitForFunction(() => document.querySelector('#total').textContent === 'total 5.0 s');
  await drawn();
  const deadline = page.locator('#lanes .deadline[data-task="Task-1"]');
  assert.equal(await deadline.count(), 1);
  assert.equal(await deadline.getAttribute('data-when'), '5');
  assert.match(await deadline.getAttribute('class'), /deadline-expired/);
  assert.deepEqual(await cancels(), [['', 'Task-1', 'timeout #1', 'timeout #1']]);
  await screenshot(page, 'lanes-tree-timeout');
});

test('cancel_cleanup: the arrow runs from main\'s lane to download\'s, its message in its tooltip', async () => {
  await run('cancel_cleanup');
  await page.waitForFunction(() => document.querySelector('#total').textContent === 'total 2.0 s');
  await drawn();
  assert.deepEqual(await cancels(), [['Task-1', 'Task-2', 'cancel()', null]]);
  const arrow = page.locator('#lanes .cancel[data-to="Task-2"]');
  assert.equal(await arrow.locator('title').textContent(), 'Task-1 asks to cancel Task-2: "the user pressed Stop"');
  // It starts on main's row and ends on download's
  const path = await arrow.locator('.cancel-arrow').boundingBox();
  const main = await page.locator('#lanes .lane[data-task="Task-1"] .lane-swatch').boundingBox();
  const download = await page.locator('#lanes .lane[data-task="Task-2"] .lane-swatch').boundingBox();
  assert.ok(path.y < main.y + main.height && path.y + path.height > download.y, 'the arrow spans both lanes');
  assert.deepEqual((await rows()).map(([task, depth, state]) => [task, depth, state]), [['Task-1', 0, 'done'], ['Task-2', 1, 'cancelled']]);
  await screenshot(page, 'lanes-tree-cancel');
});

// A program of the page's own (as a #code= link gives it)
async function run_source(source) {
  await page?.close();
  page = await fixture.browser.context.newPage();
  await page.goto(`${fixture.server.url}#code=${Buffer.from(source).toString('base64url')}&speed=instant`);
  await page.waitForSelector('#connection[data-state="live"]');
  await page.waitForFunction(() => document.querySelector('#program-title').textContent === 'Your own program');
  await page.click('#run');
}

const long_names = `import asyncio

async def fetch_with_retry_and_backoff_from_the_mirror(seconds):
    await asyncio.sleep(seconds)
    return seconds

async def main():
    first = asyncio.create_task(fetch_with_retry_and_backoff_from_the_mirror(3))
    second = asyncio.create_task(fetch_with_retry_and_backoff_from_the_mirror(1))
    await asyncio.sleep(2)
    print(await asyncio.gather(first, second))

asyncio.run(main())
`;

test('a long coroutine name is shortened, the state stays; a gather over earlier tasks is bracketed from its await', async () => {
  await run_source(long_names);
  await page.waitForFunction(() => document.querySelector('#total').textContent === 'total 3.0 s');
  await drawn();
  const lane = page.locator('#lanes .lane[data-task="Task-2"]');
  assert.equal(await lane.locator('.lane-state').textContent(), 'done');
  const coro = await lane.locator('.lane-coro').evaluate((text) => text.firstChild.textContent); // without its title
  assert.ok(coro.endsWith('…()') && coro.length < 30, `shortened: ${coro}`);
  assert.equal(await lane.locator('.lane-coro title').textContent(), 'Task-2 · fetch_with_retry_and_backoff_from_the_mirror()');
  // The state is whole, inside the label column, right of the name
  const state = await lane.locator('.lane-state').boundingBox();
  const name = await lane.locator('.lane-name').boundingBox();
  const axis = await page.locator('#lanes .lane[data-task="Task-2"] [data-kind="sleep"] rect').first().boundingBox();
  assert.ok(state.width > 20 && state.x >= name.x + name.width - 1 && state.x + state.width <= axis.x, `state ${JSON.stringify(state)}, bar at ${axis.x}`);
  // The two tasks keep the forks create_task gave them; the gather's bracket starts at its await (2 s)
  assert.deepEqual(await page.$$eval('#lanes .fork', (forks) => forks.map((f) => [f.dataset.to, f.dataset.kind])), [['Task-2', 'create_task'], ['Task-3', 'create_task']]);
  const bracket = page.locator('#lanes .box-gather');
  assert.deepEqual([await bracket.getAttribute('data-t0'), await bracket.getAttribute('data-t1'), await bracket.getAttribute('data-runs')], ['2', '3', '1-2']);
  await screenshot(page, 'lanes-tree-long-names');
});

test('wait_for_timeout: a deadline per wait_for, red when it fired, grey and cut short when the task was in time', async () => {
  await run('wait_for_timeout');
  await page.waitForFunction(() => document.querySelector('#total').textContent === 'total 7.0 s');
  await drawn();
  const marks = await page.$$eval('#lanes .deadline', (nodes) => nodes.map((n) => [n.dataset.kind, n.dataset.task, n.dataset.when, n.dataset.phase, n.dataset.spanEnd, n.classList.contains('deadline-expired')]));
  assert.deepEqual(marks, [['wait_for', 'Task-1', '2', 'expired', '2', true], ['wait_for', 'Task-1', '12', 'finished', '7', false]]);
  // The in-time one's dotted span stops at 7 s, short of its flag at 12 s
  const span = await page.locator('#lanes .deadline-finished .deadline-span').boundingBox();
  const flag = await page.locator('#lanes .deadline-finished .deadline-line').boundingBox();
  assert.ok(span.x + span.width < flag.x - 20, `span ends at ${span.x + span.width}, flag at ${flag.x}`);
  await screenshot(page, 'lanes-tree-wait-for');
});

test('queue_workers: a consumer waiting on the queue says so on its lane', async () => {
  await run('queue_workers');
  await page.waitForFunction(() => document.querySelector('#total').textContent.startsWith('total'));
  await drawn();
  const labels = await page.$$eval('#lanes [data-kind="wait"][data-task="Task-2"]', (nodes) => nodes.map((n) => n.dataset.label));
  assert.ok(labels.length > 0 && labels.every((l) => /^await Queue\.get \(#\d+\)$/.test(l)), labels.join(', '));
  await screenshot(page, 'lanes-tree-queue');
});
