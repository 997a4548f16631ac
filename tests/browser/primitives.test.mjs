// asyncio's primitives on the page: the catalog picker in its groups; a Semaphore's waiters at a step
// and back again; a Lock's holder and waiters, and hovering or clicking its card lighting the lines
// that use it and the lanes of its tasks; one panel per program in compare.

import assert from 'node:assert/strict';
import { test, server_and_browser, screenshot } from './harness.mjs';

const fixture = server_and_browser();
let page = null;

// Wait for the next animation frames to have drawn what the keys asked for.
const drawn = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

// The cards as the page shows them: kind, id, state, line, facts and lists (chips' texts).
const cards = (root = '#primitives') => page.$$eval(`${root} .primitive`, (nodes) => nodes.map((node) => ({
  kind: node.dataset.kind,
  id: node.querySelector('.primitive-id').textContent,
  state: node.dataset.state,
  line: node.querySelector('.primitive-line').textContent,
  facts: Object.fromEntries([...node.querySelectorAll('.primitive-facts dd')].map((dd) => [dd.dataset.fact, dd.textContent])),
  lists: Object.fromEntries([...node.querySelectorAll('.primitive-list')].map((row) => [row.dataset.list, [...row.querySelectorAll('.chip')].map((c) => c.textContent)])),
  lit: node.dataset.lit ?? '',
})));

async function open_at(example, step) {
  await page?.close();
  page = await fixture.browser.context.newPage();
  await page.goto(`${fixture.server.url}#example=${example}&speed=instant&step=${step}`);
  await page.waitForSelector('#connection[data-state="live"]');
  await page.waitForFunction((text) => document.querySelector('#position').textContent.startsWith(text), `event ${step + 1} of`);
  await drawn();
}

test('the program picker shows the catalog in its groups, in order', async () => {
  await open_at('semaphore_downloads', 51);
  const groups = await page.$$eval('#program-picker optgroup', (nodes) => nodes.map((g) => [g.label, g.querySelectorAll('option').length]));
  assert.equal(groups[0][0], 'Tutorial');
  // The tutorial's nine, then the concepts in the curriculum's order (the list)
  assert.deepEqual(groups.map(([label]) => label), ['Tutorial', 'Timeouts', 'Cancellation', 'Structured concurrency', 'Synchronisation', 'Queues', 'Threads and callbacks']);
  assert.equal(groups[0][1], 9);
  assert.equal(new Set(groups.map(([label]) => label)).size, groups.length, 'each group once');
  assert.equal(await page.$eval('#program-picker option:checked', (o) => o.parentElement.label), 'Synchronisation');
  assert.equal(await page.locator('.compare-picker').first().locator('optgroup').count(), groups.length);
});

test('semaphore_downloads: at a step three tasks wait on the Semaphore; one step back, two do', async () => {
  assert.deepEqual(await cards(), [{
    kind: 'Semaphore', id: '#1', state: 'value 0', line: 'line 13', facts: {}, lists: { waiters: ['Task-4', 'Task-5', 'Task-6'] }, lit: '',
  }]);
  // The chips are in the tasks' lane colours
  const colours = await page.$$eval('#primitives .chip[data-task]', (chips) => chips.map((c) => c.style.getPropertyValue('--lane')));
  const lanes = await page.$$eval('#lanes .lane', (nodes) => Object.fromEntries(nodes.map((n) => [n.dataset.task, n.style.getPropertyValue('--lane')])));
  assert.deepEqual(colours, ['Task-4', 'Task-5', 'Task-6'].map((t) => lanes[t]));
  await screenshot(page, 'primitives-semaphore');
  // Events 47-51 are one task's step up to its wait; back before it, Task-6 is not waiting yet
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowLeft');
  await drawn();
  assert.deepEqual((await cards())[0].lists.waiters, ['Task-4', 'Task-5']);
  await page.keyboard.press('End');
  await drawn();
  assert.deepEqual((await cards())[0], { kind: 'Semaphore', id: '#1', state: 'value 2', line: 'line 13', facts: {}, lists: { waiters: ['none'] }, lit: '' });
  await page.keyboard.press('Home');
  await drawn();
  assert.equal((await cards()).length, 0);
  assert.equal(await page.$eval('#primitives', (list) => list.dataset.empty), 'true');
});

test('lost_update: the Lock held and waited on; hover and click light its lines and its tasks lanes', async () => {
  await open_at('lost_update', 85);
  const [lock] = await cards();
  assert.deepEqual(lock, { kind: 'Lock', id: '#1', state: 'locked', line: 'line 22', facts: { holder: 'Task-5' }, lists: { waiters: ['Task-6', 'Task-7'] }, lit: '' });
  const lit_lanes = () => page.$$eval('#lanes .lane.lit', (lanes) => lanes.map((l) => l.dataset.task));
  assert.equal(await page.locator('#editor .cm-primitive-lit').count(), 0);
  await page.hover('#primitives .primitive[data-primitive="1"] .primitive-head');
  await drawn();
  assert.equal((await cards())[0].lit, 'hover');
  assert.equal(await page.locator('#editor .cm-primitive-lit').count(), 2);
  // Line 13 (`async with lock:`, with the tasks' badges) and line 22, where the Lock is made
  const texts = await page.$$eval('#editor .cm-primitive-lit', (lines) => lines.map((l) => l.textContent.trim()));
  assert.match(texts[0], /^async with lock:/);
  assert.equal(texts[1], 'lock = asyncio.Lock()');
  assert.deepEqual(await lit_lanes(), ['Task-5', 'Task-6', 'Task-7']);
  assert.equal(await page.$eval('#lanes', (svg) => svg.classList.contains('has-lit')), true);
  await screenshot(page, 'primitives-lock-hover');
  // The pointer leaves: nothing lit
  await page.mouse.move(5, 5);
  await drawn();
  assert.equal(await page.locator('#editor .cm-primitive-lit').count(), 0);
  assert.deepEqual(await lit_lanes(), []);
  // A click pins it; it stays lit as the cursor moves, and follows the holder
  await page.click('#primitives .primitive[data-primitive="1"] .primitive-head');
  await page.mouse.move(5, 5);
  for (let i = 0; i < 16; i += 1) await page.keyboard.press('ArrowRight'); // to 101: Task-6 takes it
  await drawn();
  assert.equal((await cards())[0].facts.holder, 'Task-6');
  assert.equal((await cards())[0].lit, 'pinned');
  assert.deepEqual(await lit_lanes(), ['Task-6', 'Task-7']);
  assert.equal(await page.locator('#editor .cm-primitive-lit').count(), 2);
  // Stepping back to 85 gives the Lock back to its previous holder, with both waiters again
  for (let i = 0; i < 16; i += 1) await page.keyboard.press('ArrowLeft');
  await drawn();
  assert.deepEqual([(await cards())[0].facts.holder, (await cards())[0].lists.waiters], ['Task-5', ['Task-6', 'Task-7']]);
  assert.deepEqual(await lit_lanes(), ['Task-5', 'Task-6', 'Task-7']);
  for (let i = 0; i < 16; i += 1) await page.keyboard.press('ArrowRight');
  await drawn();
  await page.click('#primitives .primitive[data-primitive="1"] .primitive-head');
  await page.mouse.move(5, 5);
  await drawn();
  assert.deepEqual(await lit_lanes(), []);
  // The keyboard: the focused card is lit, space pins it (and does not replay), the focus stays on it
  // as the cursor moves and the cards are made anew
  await page.evaluate(() => document.activeElement.blur()); // the clicks left the focus on the card
  await page.focus('#primitives .primitive[data-primitive="1"]');
  await drawn();
  assert.equal((await cards())[0].lit, 'hover');
  await page.keyboard.press(' ');
  await drawn();
  assert.equal((await cards())[0].lit, 'pinned');
  assert.equal(await page.getAttribute('#primitives .primitive', 'aria-pressed'), 'true');
  assert.equal(await page.getAttribute('#play', 'aria-label'), 'Replay', 'space pinned the card, it did not start a replay');
  await page.keyboard.press('ArrowRight');
  await drawn();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.primitive), '1');
  assert.deepEqual(await lit_lanes(), ['Task-6', 'Task-7']);
});

test('queue_workers: the getters waiting on the empty Queue, then its items; timeout_block: the expired timeout in red', async () => {
  await open_at('queue_workers', 61);
  let [queue] = await cards();
  assert.deepEqual([queue.kind, queue.state, queue.line, queue.facts], ['Queue', '2 items', 'line 20', { size: '2 (no maxsize)', unfinished: '2' }]);
  assert.deepEqual(queue.lists, { items: ["'a'", "'x'"], getters: ['none'], putters: ['none'] });
  await screenshot(page, 'primitives-queue');
  await page.keyboard.press('Home');
  for (let i = 0; i < 27; i += 1) await page.keyboard.press('ArrowRight'); // to 26
  await drawn();
  [queue] = await cards();
  assert.deepEqual(queue.lists, { items: ['empty'], getters: ['Task-2', 'Task-3'], putters: ['none'] });

  await open_at('timeout_block', 58);
  const [timeout] = await cards();
  assert.deepEqual([timeout.kind, timeout.state, timeout.facts], ['Timeout', 'expired', { deadline: '5.0 s', guards: 'Task-1' }]);
  // Red: its border in the page's error colour
  const [alert, border, error] = await page.$eval('#primitives .primitive', (node) => [
    node.dataset.alert, getComputedStyle(node).borderTopColor, getComputedStyle(document.querySelector('#run-error')).color]);
  assert.deepEqual([alert, border], ['true', error]);
  await screenshot(page, 'primitives-timeout');
});

test('compare: each program its own primitives panel', async () => {
  await page?.close();
  page = await fixture.browser.context.newPage();
  await page.goto(`${fixture.server.url}#compare=semaphore_downloads,lost_update&speed=instant&mode=compare`);
  await page.waitForSelector('#connection[data-state="live"]');
  await page.click('#compare-run');
  await page.waitForFunction(() => document.querySelectorAll('.compare-total')[1].textContent.endsWith('s') && !document.querySelector('#position').textContent.includes('live'));
  await page.keyboard.press('End');
  await drawn();
  const left = await cards('.side[data-side="0"] .primitives');
  const right = await cards('.side[data-side="1"] .primitives');
  assert.deepEqual(left.map((c) => [c.kind, c.state]), [['Semaphore', 'value 2']]);
  assert.deepEqual(right.map((c) => [c.kind, c.state]), [['Lock', 'unlocked']]);
  await screenshot(page, 'primitives-compare');
});

test('compare a Lock against none: the racing deposits end at 0.1 s with 10, the locked ones at 0.3 s with 30', async () => {
  await page?.close();
  page = await fixture.browser.context.newPage();
  // The link runs both (a click on Run both would run them again, racing the wait below)
  await page.goto(`${fixture.server.url}#compare=unlocked_deposits,locked_deposits&speed=instant&mode=compare`);
  await page.waitForSelector('#connection[data-state="live"]');
  await page.waitForFunction(() => [...document.querySelectorAll('.compare-total')].every((t) => t.dataset.status === 'ok'));
  const totals = await page.$$eval('.compare-total', (nodes) => nodes.map((n) => n.textContent));
  assert.deepEqual(totals, ['0.1 s', '0.3 s']);
  const last_lines = await page.$$eval('.compare .console', (lists) => lists.map((l) => [...l.querySelectorAll('.text')].at(-1)?.textContent));
  assert.deepEqual(last_lines, ['The balance is 10 - expected 30', 'The balance is 30']);
  // Stepping back from the end: the last step at which the right one's Lock has a holder and two
  // waiters is Ann's (Task-2) hold, Bob and Cat waiting in order; the left has no primitive at all
  assert.deepEqual((await cards('.side[data-side="0"] .primitives')).length, 0, 'no primitive without a lock');
  const right = await cards('.side[data-side="1"] .primitives');
  assert.deepEqual(right.map((c) => [c.kind, c.state]), [['Lock', 'unlocked']]);
  let held = null;
  for (let i = 0; i < 200 && !held; i += 1) {
    await page.keyboard.press('ArrowLeft');
    const [lock] = await cards('.side[data-side="1"] .primitives');
    if (lock && /^Task-/.test(lock.facts.holder ?? '') && lock.lists.waiters?.every((w) => /^Task-/.test(w)) && lock.lists.waiters.length === 2) held = lock;
  }
  assert.ok(held, 'a step where the Lock has a holder and two waiters');
  assert.deepEqual([held.facts.holder, held.lists.waiters], ['Task-2', ['Task-3', 'Task-4']]);
  // Hovering the card lights its tasks' lanes on its own side only (the left has a Task-2 too)
  const lit = () => page.$$eval('#compare-lanes [data-group]', (groups) => groups.map((g) => [...g.querySelectorAll('g.lane.lit')].map((l) => l.dataset.task)));
  assert.deepEqual(await lit(), [[], []]);
  await page.hover('.side[data-side="1"] .primitive[data-primitive="1"] .primitive-head');
  await drawn();
  assert.deepEqual(await lit(), [[], ['Task-2', 'Task-3', 'Task-4']]);
  assert.equal((await cards('.side[data-side="1"] .primitives'))[0].lit, 'hover');
  assert.equal(await page.$eval('#compare-lanes', (svg) => svg.classList.contains('has-lit')), true);
  await screenshot(page, 'compare-lock-against-none');
  await page.mouse.move(5, 5);
  await drawn();
  assert.deepEqual(await lit(), [[], []]);
});
