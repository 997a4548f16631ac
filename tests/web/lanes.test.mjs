import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layout_lanes, lane_segments, axis_end, axis_ticks } from '../../web/lib/lanes.mjs';
import { load_events } from './fixtures.mjs';

const sleeps = (lane) => lane_segments(lane).filter((s) => s.kind === 'sleep');

test('interleaving: two lanes, a create_task fork, main waits on Task-2', () => {
  const layout = layout_lanes(load_events('interleaving'), Infinity);
  assert.deepEqual(layout.lanes.map((l) => l.name), ['Task-1', 'Task-2']);
  assert.deepEqual(layout.forks.map((f) => [f.from, f.to, f.kind]), [[null, 'Task-1', 'asyncio.run'], ['Task-1', 'Task-2', 'create_task']]);
  assert.deepEqual(layout.arrows.map((a) => [a.from, a.to, a.on]), [['Task-1', 'Task-2', 'task']]);
  assert.equal(layout.lanes[1].done.result, "'This goes fourth!'");
});

test('gather: two sleep bars of 3 s that overlap', () => {
  const layout = layout_lanes(load_events('gather'), Infinity);
  const bars = layout.lanes.flatMap(sleeps);
  assert.equal(bars.length, 2);
  for (const bar of bars) assert.deepEqual([bar.t0, bar.t1, bar.delay], [0, 3, 3]);
  // gather() is called at line 17 and awaited at line 20: the events do not say the gather made the
  // tasks (a create_task there makes the same events), so their forks are drawn as made by main
  assert.deepEqual(layout.forks.map((f) => [f.from, f.to, f.kind, f.line]), [[null, 'Task-1', 'asyncio.run', 24], ['Task-1', 'Task-2', 'create_task', 17], ['Task-1', 'Task-3', 'create_task', 17]]);
  assert.deepEqual(layout.arrows.map((a) => a.to), ['Task-2', 'Task-3']);
});

test('sequential: one lane, two sleeps back to back', () => {
  const layout = layout_lanes(load_events('sequential_awaited'), Infinity);
  assert.equal(layout.lanes.length, 1);
  assert.deepEqual(sleeps(layout.lanes[0]).map((s) => [s.t0, s.t1]), [[0, 3], [3, 6]]);
});

test('time.sleep draws blocked bars one after the other', () => {
  const layout = layout_lanes(load_events('blocking_sleep'), Infinity);
  const blocked = layout.lanes.flatMap((l) => lane_segments(l).filter((s) => s.kind === 'blocked'));
  assert.deepEqual(blocked.map((s) => [s.t0, s.t1]), [[0, 3], [3, 6]]);
});

test('an unfinished sleep stays open and the horizon reaches its end', () => {
  const layout = layout_lanes(load_events('gather'), 20);
  const bar = sleeps(layout.lanes[1])[0];
  assert.equal(bar.open, true);
  assert.equal(bar.until, 3);
  assert.equal(layout.horizon, 3);
});

test('internal shutdown tasks are hidden unless asked for', () => {
  assert.equal(layout_lanes(load_events('interleaving'), Infinity, { include_internal: true }).lanes.length, 4);
});

test('the axis grows in steps and ticks at round values', () => {
  assert.equal(axis_end(0), 1);
  assert.equal(axis_end(2.5), 3);
  assert.equal(axis_end(6), 6);
  assert.deepEqual(axis_ticks(6), [0, 1, 2, 3, 4, 5, 6]);
  assert.deepEqual(axis_ticks(3), [0, 0.5, 1, 1.5, 2, 2.5, 3]);
});

test('a task awaited by another: the arrow runs from the waiting lane to it, ending where the wait did', () => {
  const layout = layout_lanes(load_events('many_tasks'), Infinity);
  const watcher = layout.arrows.find((a) => a.from === 'Task-3');
  assert.equal(watcher.to, 'Task-2');
  assert.equal(watcher.t1, layout.lanes.find((l) => l.name === 'Task-2').done.t);
  // main's `await watcher` comes after the watcher finished: awaiting a done task does not suspend
  assert.deepEqual(layout.arrows.filter((a) => a.from === 'Task-1').map((a) => a.to), ['Task-4', 'Task-5', 'Task-6', 'Task-7', 'Task-8']);
});

test('a worker that slept twelve times has twelve sleep bars, each as long as it asked', () => {
  const layout = layout_lanes(load_events('many_tasks'), Infinity);
  const worker = layout.lanes.find((l) => l.name === 'Task-6'); // worker(2, 12): 0.3 s a round
  const bars = sleeps(worker);
  assert.equal(bars.length, 12);
  for (const [i, bar] of bars.entries()) {
    assert.ok(Math.abs(bar.t0 - 0.3 * i) < 1e-9 && Math.abs(bar.t1 - 0.3 * (i + 1)) < 1e-9, `bar ${i}: ${bar.t0}-${bar.t1}`);
  }
});

test('to_thread: a lane per worker thread, its sleep drawn there while the loop goes on', () => {
  const layout = layout_lanes(load_events('to_thread'), Infinity);
  const threads = layout.lanes.filter((l) => l.thread);
  assert.deepEqual(threads.map((l) => [l.name, l.thread]), [['thread asyncio_0', 'asyncio_0'], ['thread asyncio_1', 'asyncio_1']]);
  // Each thread: its function runs, sleeps (3 s for the coffee, 2 s for the bagel), runs to its end
  assert.deepEqual(lane_segments(threads[0]).map((s) => [s.kind, s.t0, s.t1, s.callback]),
    [['run', 0, 0, 'brew_coffee()'], ['worker_sleep', 0, 3, 'brew_coffee()'], ['run', 3, 3, 'brew_coffee()']]);
  // time.sleep blocks the worker alone: not an asyncio sleep on the loop
  assert.deepEqual(sleeps(threads[1]), []);
  assert.deepEqual(lane_segments(threads[1]).filter((s) => s.kind === 'worker_sleep').map((s) => [s.t0, s.t1, s.delay]), [[0, 2, 2]]);
  assert.deepEqual(threads.map((l) => l.state), ['idle', 'idle']);
  assert.equal(layout_lanes(load_events('to_thread'), 30).lanes.find((l) => l.name === 'thread asyncio_1').state, 'running');
  // The threads are started from the tasks to_thread runs in
  const forks = layout.forks.filter((f) => f.kind === 'to_thread');
  assert.deepEqual(forks.map((f) => [f.to, f.t]), [['thread asyncio_0', 0], ['thread asyncio_1', 0]]);
  assert.ok(forks.every((f) => f.from?.startsWith('Task-')));
  // No task lane is blocked: time.sleep ran in the threads only
  assert.equal(layout.lanes.flatMap((l) => lane_segments(l)).filter((s) => s.kind === 'blocked').length, 0);
});
