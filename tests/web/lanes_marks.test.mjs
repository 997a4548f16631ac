// What the lanes say a task waits on and until when, on recorded runs of the catalog's programs:
// asyncio.wait_for's deadline (from the timer it schedules), a timeout's span that ends with its
// block, a worker thread's time.sleep, and the primitive a waiting task is listed on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layout_lanes, lane_builder, lane_segments, wait_label } from '../../web/lib/lanes.mjs';
import { load_events } from './fixtures.mjs';

const lane = (layout, name) => layout.lanes.find((l) => l.name === name);
const waits = (layout, name) => lane_segments(lane(layout, name)).filter((s) => s.kind === 'wait').map(wait_label);

test('wait_for: a deadline on main\'s lane from the timer it schedules, red when it fires, grey when the task finished in time', () => {
  const events = load_events('wait_for_timeout');
  const marks = (seq) => layout_lanes(events, seq).deadlines.map((d) => [d.kind, d.label, d.task, d.t0, d.when, d.phase, d.span_t1]);
  assert.deepEqual(marks(7), []); // the await began; its timer is not scheduled yet
  assert.deepEqual(marks(8), [['wait_for', 'wait_for 2 s', 'Task-1', 0, 2, 'active', 2]]);
  assert.deepEqual(marks(18), [['wait_for', 'wait_for 2 s', 'Task-1', 0, 2, 'active', 2]]);
  assert.deepEqual(marks(19), [['wait_for', 'wait_for 2 s', 'Task-1', 0, 2, 'expired', 2]]); // its timer fired
  // The second wait_for had 10 s and its task took 5: its timer is cancelled at 7 s
  assert.deepEqual(marks(Infinity), [['wait_for', 'wait_for 2 s', 'Task-1', 0, 2, 'expired', 2], ['wait_for', 'wait_for 10 s', 'Task-1', 2, 12, 'finished', 7]]);
  assert.equal(layout_lanes(events, 42).horizon, 12); // the axis has room for the deadline from the start
});

test('wait_for in shield: the deadline fires at 1 s, the shielded task goes on', () => {
  const layout = layout_lanes(load_events('shield'), Infinity);
  assert.deepEqual(layout.deadlines.map((d) => [d.label, d.when, d.phase]), [['wait_for 1 s', 1, 'expired']]);
});

test('a timeout whose block ended in time: its span ends where the block ended, not at the deadline', () => {
  const finished = layout_lanes(load_events('task_tree'), Infinity).deadlines;
  assert.deepEqual(finished.map((d) => [d.when, d.phase, d.t1, d.span_t1]), [[5.5, 'finished', 4, 4]]);
  // Still running: the span reaches the deadline; expired: the deadline too
  assert.deepEqual(layout_lanes(load_events('task_tree'), 78).deadlines.map((d) => d.span_t1), [5.5]);
  assert.deepEqual(layout_lanes(load_events('timeout_block'), Infinity).deadlines.map((d) => [d.phase, d.span_t1]), [['expired', 5]]);
});

test('time travel keeps the wait_for deadlines: a snapshot taken while one is live', () => {
  const events = load_events('wait_for_timeout');
  const live = new lane_builder();
  for (let i = 0; i <= 50; i += 1) live.apply(events[i]);
  const snapshot = live.snapshot();
  for (let i = 51; i < events.length; i += 1) live.apply(events[i]);
  const restored = lane_builder.restore(snapshot);
  assert.deepEqual(restored.layout().deadlines.map((d) => d.phase), ['expired', 'active']);
  for (let i = 51; i < events.length; i += 1) restored.apply(events[i]);
  assert.deepEqual(restored.layout().deadlines, live.layout().deadlines);
});

test('a task waiting on a primitive: its wait names the coroutine and the primitive\'s id', () => {
  const queue = layout_lanes(load_events('queue_workers'), 27);
  assert.deepEqual([waits(queue, 'Task-2'), waits(queue, 'Task-3')], [['await Queue.get (#2)'], ['await Queue.get (#2)']]);
  const kinds = layout_lanes(load_events('primitive_kinds'), 90);
  assert.deepEqual(waits(kinds, 'Task-2'), ['await Condition.wait (#2)']);
  assert.deepEqual(waits(kinds, 'Task-5'), ['await Barrier.wait (#5)']);
  // A task made of prio.put(...) itself: no await of its own, but the queue lists it among its putters
  assert.deepEqual(waits(kinds, 'Task-7'), ['await PriorityQueue (#9)']);
  // async with: the primitive's acquire
  assert.deepEqual(waits(layout_lanes(load_events('semaphore_downloads'), 60), 'Task-4'), ['await Semaphore.acquire (#1)']);
  assert.deepEqual(waits(layout_lanes(load_events('lost_update'), Infinity), 'Task-6'), ['await Lock.acquire (#1)']);
  assert.deepEqual(waits(layout_lanes(load_events('event_starting_gun'), Infinity), 'Task-2'), ['await Event.wait (#1)']);
  // No primitive lists it: only what the events name
  assert.deepEqual(waits(layout_lanes(load_events('wait_for_timeout'), Infinity), 'Task-1'), ['await wait_for', 'await wait_for', 'await wait_for']);
});

test('a snapshot at any seq, restored and folded on, draws what folding from the start draws', () => {
  const drawn = (layout) => JSON.stringify({
    lanes: layout.lanes.map((l) => [l.name, l.row, l.state, lane_segments(l).map((s) => [s.kind, s.t0, s.t1, s.kind === 'wait' ? wait_label(s) : null])]),
    forks: layout.forks.map((f) => [f.to, f.kind]),
    boxes: layout.boxes.map((b) => [b.kind, b.id, b.t0, b.t1, b.open, b.runs ?? null]),
    deadlines: layout.deadlines.map((d) => [d.kind, d.id, d.when, d.phase, d.span_t1]),
  });
  for (const name of ['wait_for_timeout', 'queue_workers', 'to_thread', 'task_tree', 'primitive_kinds']) {
    const events = load_events(name);
    const whole = new lane_builder();
    for (const event of events) whole.apply(event);
    for (let cut = 0; cut < events.length; cut += 7) {
      const live = new lane_builder();
      for (let i = 0; i <= cut; i += 1) live.apply(events[i]);
      const snapshot = live.snapshot();
      const then = drawn(live.layout());
      // The live builder goes on to the end: the snapshot still says what it said at `cut`
      for (let i = cut + 1; i < events.length; i += 1) live.apply(events[i]);
      const restored = lane_builder.restore(snapshot);
      assert.equal(drawn(restored.layout()), then, `${name} at seq ${cut}`);
      for (let i = cut + 1; i < events.length; i += 1) restored.apply(events[i]);
      assert.equal(drawn(restored.layout()), drawn(whole.layout()), `${name} from seq ${cut}`);
    }
  }
});

test('a gather of 70 children whose lanes are apart: at most 64 brackets, and every child inside one', () => {
  const layout = layout_lanes(load_events('gather_every_other'), Infinity);
  const [first] = layout.boxes.filter((b) => b.kind === 'gather');
  const rows = layout.lanes.filter((l) => /^Task-\d+$/.test(l.name) && Number(l.name.slice(5)) % 2 === 0 && l.name !== 'Task-1').map((l) => l.row);
  assert.equal(rows.length, 70);
  assert.equal(first.runs.length, 64);
  for (const row of rows) assert.ok(first.runs.some(([a, b]) => a <= row && row <= b), `row ${row} in a bracket`);
});
