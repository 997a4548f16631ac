import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timeline, line_marks } from '../../web/lib/timeline.mjs';
import { load_events } from './fixtures.mjs';

function run_of(name) {
  const run = new timeline();
  run.push(load_events(name));
  return run;
}

test('the interleaving example prints in the tutorial order, numbered 1-4', () => {
  const state = run_of('interleaving').state_at(Infinity);
  assert.deepEqual(state.console.map((c) => [c.n, c.text]), [
    [1, 'This goes first!\n'], [2, 'This goes second!\n'], [3, 'This goes third!\n'], [4, 'This goes fourth!\n']]);
  assert.equal(state.t, 2);
  assert.equal(state.finished.status, 'ok');
  assert.equal(state.loop.state, 'closed');
});

test('state at the first print holds exactly one console line and marks line 6', () => {
  const run = run_of('interleaving');
  const seq = run.next_print(-1);
  const state = run.state_at(seq);
  assert.equal(state.console.length, 1);
  assert.deepEqual(line_marks(state), [{ task: 'Task-1', line: 6, running: true, status: 'running' }]);
});

test('two sleeping tasks: two pending timers, nothing ready, main waits on the gather', () => {
  const run = run_of('gather');
  const state = run.state_at(25); // loop_wait
  assert.deepEqual(state.timers.map((h) => h.when), [3, 3]);
  assert.equal(state.ready.length, 0);
  assert.equal(state.tasks.get('Task-1').status, 'waiting');
  assert.equal(state.tasks.get('Task-1').awaits[0].on, 'gather');
  assert.equal(state.loop.state, 'running');
});

test('timer_fired moves a timer to the back of the ready queue', () => {
  const state = run_of('gather').state_at(27);
  assert.equal(state.timers.length, 0);
  assert.deepEqual(state.ready.map((h) => h.handle), [4, 5]);
});

test('jumping back and forth gives the same state as folding from the start', () => {
  const run = run_of('gather');
  const forward = JSON.stringify([...run.state_at(30).tasks.values()]);
  run.state_at(5);
  run.state_at(80);
  assert.equal(JSON.stringify([...run.state_at(30).tasks.values()]), forward);
});

test('checkpoints: a long run answers state_at across checkpoint borders', () => {
  const run = new timeline();
  const events = [];
  for (let i = 0; i < 1000; i += 1) events.push({ seq: i, t: i / 10, kind: 'print', task: null, line: 1, text: `${i}\n` });
  run.push(events);
  for (const seq of [0, 254, 255, 256, 511, 700, 999]) assert.equal(run.state_at(seq).console.length, seq + 1);
});

// Everything a panel draws, as plain data, to compare two ways of reaching one seq.
function drawn(view) {
  const { state, layout } = view;
  return JSON.stringify({ ...state, tasks: [...state.tasks.values()], layout });
}

test('time travel: every seq, reached by jumping about, draws what folding from the start draws', () => {
  const events = load_events('many_tasks');
  const run = new timeline();
  run.push(events);
  assert.ok(run.checkpoints.length >= 3, 'the run spans several checkpoints');
  const order = events.map((e) => e.seq);
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = (i * 7919) % (i + 1); // a fixed shuffle
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (const seq of [-1, ...order]) {
    const fresh = new timeline();
    fresh.push(events.slice(0, seq + 1));
    assert.equal(drawn(run.view_at(seq)), drawn(fresh.view_at(seq)), `seq ${seq}`);
  }
});

test('a live run: the state at an earlier seq does not change as more events arrive', () => {
  const events = load_events('many_tasks');
  const run = new timeline();
  run.push(events.slice(0, 300));
  const before = drawn(run.view_at(290));
  run.push(events.slice(300));
  assert.equal(drawn(run.view_at(290)), before);
});

test('checkpoints come further apart while many timers are pending, so taking them stays cheap', () => {
  const run = new timeline();
  const events = [];
  for (let i = 0; i < 20_000; i += 1) events.push({ seq: i, t: 0, kind: 'timer_scheduled', task: null, line: 1, handle: i, callback: 'cb', when: i, delay: i });
  run.push(events);
  // Spacing grows with the pending timers: the sum of 256, 512, 768, … passes 20,000 within 12
  assert.ok(run.checkpoints.length <= 13, `${run.checkpoints.length} checkpoints`);
  assert.deepEqual(run.state_at(10_000).timers.map((t) => t.when).slice(0, 3), [0, 1, 2]);
  assert.equal(run.state_at(10_000).timers.length, 10_001);
});

test('timers stay ordered by deadline, then by the order they were set', () => {
  const run = new timeline();
  const timer = (seq, handle, when) => ({ seq, t: 0, kind: 'timer_scheduled', task: null, line: 1, handle, callback: 'cb', when, delay: when });
  run.push([timer(0, 1, 3), timer(1, 2, 1), timer(2, 3, 3), timer(3, 4, 2), timer(4, 5, 1)]);
  assert.deepEqual(run.head.timers.map((t) => t.handle), [2, 5, 4, 1, 3]);
});

test("the program's own callbacks: cancelled handles leave the ready queue and the heap", () => {
  const run = run_of('callbacks');
  const events = load_events('callbacks');
  const before = events.find((e) => e.kind === 'handle_cancelled').seq - 1;
  let state = run.state_at(before);
  assert.deepEqual(state.ready.map((h) => h.callback), ["hello('a')", "hello('dropped')"]);
  assert.deepEqual(state.timers.map((h) => h.when), [0.5, 1]);
  state = run.state_at(before + 2);
  assert.deepEqual(state.ready.map((h) => h.callback), ["hello('a')"]);
  assert.deepEqual(state.timers.map((h) => h.callback), ["hello('timer')"]);
  state = run.state_at(Infinity);
  assert.deepEqual(state.console.map((c) => [c.task, c.text]), [[null, 'hello a\n'], [null, 'hello timer\n']]);
});
