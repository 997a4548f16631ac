import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { timeline } from '../../web/lib/timeline.mjs';
import { primitives_panel, tasks_of } from '../../web/lib/primitives.mjs';
import { catalog_groups } from '../../web/lib/catalog.mjs';
import { example_message, load_events, recorded_run, fake_link } from './fixtures.mjs';
import { run_store } from '../../web/lib/run_store.mjs';
import { runner } from '../../web/lib/runner.mjs';
import { explore_mode } from '../../web/modes/explore.mjs';

// Recorded with `loopscope run --events FILE --clock virtual server/catalog/programs/NAME.py`, the
// header line left out (as every fixture here).
function run_of(name) {
  const run = new timeline();
  run.push(load_events(name));
  return run;
}

const card_at = (run, seq, id) => primitives_panel(run.state_at(seq).primitives, 40).cards.find((c) => c.id === id);
const list = (card, name) => card.lists.find((l) => l.name === name);

test("the protocol's example: a Lock taken, then waited on, then a Timeout made", () => {
  const run = new timeline();
  run.push(example_message('events_primitives').events);
  const at = (seq) => run.state_at(seq).primitives;
  assert.equal(at(0).size, 1);
  assert.deepEqual(at(0).get(1).snapshot, { locked: false, holder: null, waiters: [], waiters_count: 0 });
  assert.equal(at(1).get(1).snapshot.holder, 'Task-2');
  assert.deepEqual(at(2).get(1).snapshot.waiters, ['Task-3']);
  assert.deepEqual([...at(4).values()].map((p) => [p.id, p.kind, p.line]), [[1, 'Lock', 8], [2, 'Timeout', 10]]);
  // Back in time: the Lock as it was, the Timeout not made yet
  assert.equal(at(1).get(1).snapshot.waiters.length, 0);
  assert.equal(at(1).has(2), false);
  assert.deepEqual(run.primitive_lines.lines_at(1, 4), [4, 8]);
  assert.deepEqual(run.primitive_lines.lines_at(1, 0), [8]);
  assert.deepEqual(tasks_of(at(2).get(1)), [{ task: 'Task-2', role: 'holds' }, { task: 'Task-3', role: 'waits' }]);
});

test('the panel shows the first cards and counts the rest; each card as its kind says', () => {
  const primitives = new Map();
  for (let id = 1; id <= 45; id += 1) {
    primitives.set(id, { id, kind: 'Queue', line: 3, seq: id, snapshot: { size: 25, maxsize: 0, unfinished: 25, items: Array.from({ length: 20 }, (_, i) => `'j${i}'`), getters: ['Task-9'], getters_count: 3, putters: Array.from({ length: 20 }, (_, i) => `Task-${i + 2}`), putters_count: 30 } });
  }
  const panel = primitives_panel(primitives, 40);
  assert.equal(panel.cards.length, 40);
  assert.equal(panel.more, 5);
  const card = panel.cards[0];
  assert.equal(card.kind, 'Queue');
  // A list shorter than the wire's 20 names every waiter not yet woken: the rest of the count was woken
  assert.deepEqual(card.lists.map((l) => [l.name, l.more, l.woken]), [['items', 5, 0], ['getters', 0, 2], ['putters', 10, 0]]);
  // A card is made once per state of its primitive
  assert.equal(primitives_panel(primitives, 40).cards[0], card);
  const timeout = primitives_panel(new Map([[1, { id: 1, kind: 'Timeout', line: 9, seq: 0, snapshot: { phase: 'expired', when: 2.5, task: 'Task-1' } }]]), 40).cards[0];
  assert.equal(timeout.alert, true);
  assert.deepEqual(timeout.facts, [['deadline', { seconds: 2.5 }], ['guards', { task: 'Task-1' }]]);
});

test('the catalog in its groups, in its order', () => {
  const catalog = [{ id: 'a', group: 'Tutorial' }, { id: 'b', group: 'Tutorial' }, { id: 'c', group: 'Queues' }, { id: 'd' }];
  assert.deepEqual(catalog_groups(catalog).map((g) => [g.name, g.scenarios.map((s) => s.id)]), [['Tutorial', ['a', 'b']], ['Queues', ['c']], [null, ['d']]]);
});

// The pickers show the curriculum as the issue orders it: the tutorial's nine, then one group per
// concept (the server serves catalog.json as it is, so its groups and their order are the page's).
test("catalog.json's groups: the tutorial's nine, then the concepts in the curriculum's order", () => {
  const catalog = JSON.parse(readFileSync(new URL('../../server/catalog/catalog.json', import.meta.url), 'utf8'));
  const groups = catalog_groups(catalog);
  assert.deepEqual(groups.map((g) => g.name), ['Tutorial', 'Timeouts', 'Cancellation', 'Structured concurrency', 'Synchronisation', 'Queues', 'Threads and callbacks']);
  assert.equal(groups[0].scenarios.length, 9);
  assert.deepEqual(groups.at(-1).scenarios.map((s) => s.id), ['to_thread', 'call_later', 'done_callback']);
});

test('semaphore_downloads: two take the slots, three wait in order, one is woken; and back again', () => {
  const run = run_of('semaphore_downloads');
  let card = card_at(run, 51, 1);
  assert.deepEqual([card.kind, card.line, card.state], ['Semaphore', 13, 'value 0']);
  assert.deepEqual(list(card, 'waiters'), { name: 'waiters', tasks: ['Task-4', 'Task-5', 'Task-6'], more: 0, woken: 0 });
  card = card_at(run, 66, 1);
  assert.deepEqual(list(card, 'waiters'), { name: 'waiters', tasks: ['Task-5', 'Task-6'], more: 0, woken: 1 });
  // Back in time
  assert.deepEqual(list(card_at(run, 41, 1), 'waiters').tasks, ['Task-4']);
  assert.equal(card_at(run, 23, 1).state, 'value 1');
  assert.equal(card_at(run, 6, 1), undefined, 'not made yet');
  assert.equal(card_at(run, Infinity, 1).state, 'value 2');
  assert.deepEqual(run.primitive_lines.lines_at(1, 22), [13]);
  assert.deepEqual(run.primitive_lines.lines_at(1, Infinity), [7, 13]);
});

test('queue_workers: getters wait on the empty queue, then items in order, unfinished counted', () => {
  const run = run_of('queue_workers');
  const id = [...run.state_at(Infinity).primitives.keys()][0];
  let card = card_at(run, 26, id);
  assert.equal(card.kind, 'Queue');
  assert.equal(card.line, 20);
  assert.deepEqual(list(card, 'getters').tasks, ['Task-2', 'Task-3']);
  assert.deepEqual(list(card, 'items').items, []);
  card = card_at(run, 61, id);
  assert.deepEqual(list(card, 'items').items, ["'a'", "'x'"]);
  assert.deepEqual(list(card, 'getters').tasks, []);
  assert.deepEqual(card.facts, [['size', '2 (no maxsize)'], ['unfinished', '2']]);
  assert.equal(card_at(run, 104, id).facts[1][1], '4');
  assert.deepEqual(list(card_at(run, 50, id), 'items').items, ["'a'"]);
  assert.deepEqual(run.primitive_lines.lines_at(id, Infinity), [9, 14, 17, 20]);
});

test('lost_update: the Lock held by one task, two waiting, then handed on', () => {
  const run = run_of('lost_update');
  const lock = run.state_at(85).primitives.get(1);
  assert.deepEqual(tasks_of(lock), [{ task: 'Task-5', role: 'holds' }, { task: 'Task-6', role: 'waits' }, { task: 'Task-7', role: 'waits' }]);
  const card = card_at(run, 85, 1);
  assert.deepEqual([card.kind, card.state, card.facts], ['Lock', 'locked', [['holder', { task: 'Task-5' }]]]);
  assert.equal(card_at(run, 101, 1).facts[0][1].task, 'Task-6');
  assert.deepEqual(card_at(run, 135, 1).facts, [['holder', '—']]);
  assert.equal(card_at(run, 58, 1), undefined);
});

test('timeout_block and taskgroup_failure: expired and cancelling are marked', () => {
  const timeout = run_of('timeout_block');
  assert.deepEqual([card_at(timeout, 10, 1).state, card_at(timeout, 10, 1).alert], ['active', false]);
  assert.deepEqual([card_at(timeout, 58, 1).state, card_at(timeout, 58, 1).alert], ['expired', true]);
  assert.deepEqual(card_at(timeout, 58, 1).facts, [['deadline', { seconds: 5 }], ['guards', { task: 'Task-1' }]]);
  const group = run_of('taskgroup_failure');
  let card = card_at(group, 19, 1);
  assert.deepEqual([card.state, card.alert, list(card, 'members').tasks], ['entered', false, ['Task-2', 'Task-3', 'Task-4']]);
  card = card_at(group, 68, 1);
  assert.deepEqual([card.state, card.alert, card.facts], ['cancelling', true, [['owner', { task: 'Task-1' }], ['errors', '1']]]);
  const event = card_at(run_of('event_starting_gun'), 37, 1);
  assert.deepEqual([event.kind, event.state, list(event, 'waiters').woken], ['Event', 'set', 2]);
});

test('time travel through checkpoints: the state at any seq is the one folded from the start', () => {
  // 2,000 changes to three primitives: jumps land between checkpoints, forwards and backwards
  const events = [0, 1, 2].map((i) => ({ seq: i, t: 0, kind: 'primitive_created', task: null, line: 1 + i, target: 'Semaphore', primitive: i + 1, snapshot: { value: 0, waiters: [], waiters_count: 0 } }));
  for (let seq = 3; seq < 2000; seq += 1) events.push({ seq, t: seq, kind: 'primitive_state', task: null, line: 10 + (seq % 7), primitive: 1 + (seq % 3), snapshot: { value: seq, waiters: [], waiters_count: 0 } });
  const run = new timeline();
  run.push(events);
  assert.ok(run.checkpoints.length > 3);
  for (const seq of [1999, 5, 700, 256, 255, 1500, 2, 1024, 3, 1998]) {
    const state = run.state_at(seq);
    for (const id of [1, 2, 3]) {
      let expected = id - 1 <= seq ? 0 : undefined;
      for (let s = 3; s <= seq; s += 1) if (1 + (s % 3) === id) expected = s;
      assert.equal(state.primitives.get(id)?.snapshot.value, expected, `primitive ${id} at ${seq}`);
    }
  }
  assert.deepEqual(run.primitive_lines.lines_at(1, 2), [1]);
  assert.deepEqual(run.primitive_lines.lines_at(1, 30), [1, 10, 11, 12, 13, 14, 15, 16]);
});

test('explore: hovering or pinning a primitive lights its lines so far and the tasks its state names', () => {
  const store = new run_store();
  store.handle_message(example_message('hello'));
  const runs = new runner(store, fake_link(), (text) => assert.fail(text));
  let holds = true;
  const program = { program: { scenario: 'lost_update', source: '' }, speed: 'instant', editor: { text: () => '' }, holds: () => holds };
  const explore = new explore_mode({ runner: runs, program });
  explore.run_pressed();
  for (const message of recorded_run('lost_update', explore.run.id)) store.handle_message(message);
  explore.cursor.hold(85, Infinity);
  let frame = explore.frame();
  assert.equal(frame.lit, null);
  assert.deepEqual(frame.primitives.cards.map((c) => [c.kind, c.id]), [['Lock', 1]]);
  explore.light({ hover: 1 });
  frame = explore.frame();
  assert.deepEqual([frame.lit.id, frame.lit.pinned, [...frame.lit.tasks], frame.lit_lines], [1, false, ['Task-5', 'Task-6', 'Task-7'], [13, 22]]);
  // A click pins it: the pointer leaving keeps it lit; a second click unpins it
  explore.light({ pin: 1 });
  explore.light({ hover: null });
  explore.cursor.hold(122, Infinity);
  frame = explore.frame();
  assert.deepEqual([frame.lit.pinned, [...frame.lit.tasks]], [true, ['Task-7']]);
  // Before the Lock is made, nothing is lit; another program in the editor: no lines
  explore.cursor.hold(50, Infinity);
  assert.equal(explore.frame().lit, null);
  explore.cursor.hold(85, Infinity);
  holds = false;
  assert.deepEqual(explore.frame().lit_lines, []);
  explore.light({ pin: 1 });
  assert.equal(explore.frame().lit, null);
});

test('the other kinds (fixtures/primitive_kinds.py): Condition, Barrier, LifoQueue, PriorityQueue, BoundedSemaphore', () => {
  const run = run_of('primitive_kinds');
  const cards = primitives_panel(run.state_at(81).primitives, 40).cards;
  assert.deepEqual(cards.map((c) => [c.kind, c.id, c.line, c.state]), [
    ['Lock', 1, 13, 'unlocked'], ['Condition', 2, 14, 'unlocked'], ['Barrier', 5, 16, 'filling'],
    ['LifoQueue', 7, 18, '3 items'], ['PriorityQueue', 9, 21, '2 / 2 items'], ['BoundedSemaphore', 10, 25, 'value 0']]);
  const [, condition, barrier, lifo, priority] = cards;
  assert.deepEqual(condition.facts, [['holder', '—'], ['lock', '#1']]);
  assert.deepEqual(list(condition, 'waiters').tasks, ['Task-2', 'Task-3', 'Task-4']);
  assert.deepEqual([barrier.facts, list(barrier, 'waiters').tasks], [[['inside', '2 of 3']], ['Task-5', 'Task-6']]);
  assert.deepEqual([list(lifo, 'items').items, list(lifo, 'items').hint], [['1', '2', '3'], 'next last']);
  assert.deepEqual([priority.facts[0], list(priority, 'putters').tasks], [['size', '2 of 2'], ['Task-7']]);
  // The Condition's holder while main notifies, its three waiters woken but not run yet
  const notified = card_at(run, 96, 2);
  assert.deepEqual([notified.state, notified.facts[0], list(notified, 'waiters')], ['locked', ['holder', { task: 'Task-1' }], { name: 'waiters', hint: 'in wait()', tasks: [], more: 0, woken: 3 }]);
  assert.equal(card_at(run, 104, 5).state, 'draining');
});
