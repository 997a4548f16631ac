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
