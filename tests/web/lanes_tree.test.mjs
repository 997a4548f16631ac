// The lanes as a task tree, with TaskGroup and gather boxes, cancellation arrows and timeout
// deadlines, on recorded runs of the catalog's programs (and tests/web/fixtures/task_tree.py).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layout_lanes, lane_builder } from '../../web/lib/lanes.mjs';
import { load_events } from './fixtures.mjs';

const in_rows = (layout) => [...layout.lanes].sort((a, b) => a.row - b.row).map((lane) => lane.name);
const lane = (layout, name) => layout.lanes.find((l) => l.name === name);
const seq_of = (events, predicate) => events.findIndex(predicate);

test('task tree: a child goes after its parent\'s last descendant, even when made after a later sibling', () => {
  const events = load_events('task_tree');
  // Before branch makes its third child: main, branch and its two, then main's second child
  const before = layout_lanes(events, seq_of(events, (e) => e.kind === 'task_created' && e.target === 'Task-6') - 1);
  assert.deepEqual(in_rows(before), ['Task-1', 'Task-2', 'Task-3', 'Task-4', 'Task-5']);
  const layout = layout_lanes(events, Infinity);
  assert.deepEqual(in_rows(layout), ['Task-1', 'Task-2', 'Task-3', 'Task-4', 'Task-6', 'Task-5']);
  assert.deepEqual(layout.lanes.map((l) => [l.name, l.parent, l.depth]),
    [['Task-1', null, 0], ['Task-2', 'Task-1', 1], ['Task-3', 'Task-2', 2], ['Task-4', 'Task-2', 2], ['Task-5', 'Task-1', 1], ['Task-6', 'Task-2', 2]]);
  // Creation order still gives the colours
  assert.deepEqual(layout.lanes.map((l) => l.index), [0, 1, 2, 3, 4, 5]);
});

test('task tree: a time-travel snapshot restores the tree and goes on growing it', () => {
  const events = load_events('task_tree');
  const live = new lane_builder();
  const cut = seq_of(events, (e) => e.kind === 'task_created' && e.target === 'Task-5');
  for (let i = 0; i <= cut; i += 1) live.apply(events[i]);
  const snapshot = live.snapshot();
  for (let i = cut + 1; i < events.length; i += 1) live.apply(events[i]);
  // The live builder went on: the snapshot still says what it said at `cut`
  const restored = lane_builder.restore(snapshot);
  assert.deepEqual(in_rows(restored.layout()), ['Task-1', 'Task-2', 'Task-3', 'Task-4', 'Task-5']);
  for (let i = cut + 1; i < events.length; i += 1) restored.apply(events[i]);
  assert.deepEqual(in_rows(restored.layout()), in_rows(live.layout()));
  assert.deepEqual(restored.layout().deadlines, live.layout().deadlines);
});

test('lane state at the step: pending, running, waiting, then done, cancelled or failed', () => {
  const events = load_events('taskgroup_failure');
  const at = (seq) => Object.fromEntries(layout_lanes(events, seq).lanes.map((l) => [l.name, l.state]));
  assert.equal(at(11)['Task-2'], 'pending'); // just made: on the ready queue
  assert.equal(at(seq_of(events, (e) => e.kind === 'step_begin' && e.task === 'Task-2'))['Task-2'], 'running');
  assert.equal(at(40)['Task-3'], 'waiting'); // asleep
  assert.deepEqual(at(Infinity), { 'Task-1': 'done', 'Task-2': 'done', 'Task-3': 'cancelled', 'Task-4': 'failed' });
});

test('taskgroup_failure: a box around the group\'s three tasks, open until the last is done', () => {
  const events = load_events('taskgroup_failure');
  const early = layout_lanes(events, 19);
  assert.deepEqual(early.boxes.map((b) => [b.kind, b.label, b.members, b.open]), [['taskgroup', 'TaskGroup #1', ['Task-2', 'Task-3', 'Task-4'], true]]);
  const layout = layout_lanes(events, Infinity);
  const [box] = layout.boxes;
  assert.deepEqual([box.members, box.first_row, box.last_row, box.open, box.t0, box.t1, box.errors], [['Task-2', 'Task-3', 'Task-4'], 1, 3, false, 0, 2, 1]);
  // Main's lane is outside the box: it is the group's body, not a member
  assert.equal(lane(layout, 'Task-1').row, 0);
});

test('taskgroup_failure: the group cancels its other child and its body at 2 s, with no task asking', () => {
  const events = load_events('taskgroup_failure');
  const layout = layout_lanes(events, Infinity);
  assert.deepEqual(layout.cancels.map((c) => [c.from, c.to, c.cause, c.cause_label, c.t]),
    [[null, 'Task-3', 'taskgroup', 'TaskGroup #1', 2], [null, 'Task-1', 'taskgroup', 'TaskGroup #1', 2]]);
  // Where the CancelledError landed: at the sleep in fetch("orders")
  assert.deepEqual(lane(layout, 'Task-3').surfaced.map((s) => [s.t, s.line]), [[2, 9]]);
  // Time travel: just before the failure there is no arrow and no mark
  const before = layout_lanes(events, seq_of(events, (e) => e.kind === 'task_cancel_requested') - 1);
  assert.deepEqual(before.cancels, []);
  assert.deepEqual(lane(before, 'Task-3').surfaced, []);
  // Between the two requests: the first arrow only
  assert.deepEqual(layout_lanes(events, 67).cancels.map((c) => c.to), ['Task-3']);
});

test('cancel_cleanup: main cancels download with a message; the error surfaces in both tasks', () => {
  const layout = layout_lanes(load_events('cancel_cleanup'), Infinity);
  assert.deepEqual(layout.cancels.map((c) => [c.from, c.to, c.cause, c.cause_label, c.message, c.t]),
    [['Task-1', 'Task-2', null, 'cancel()', 'the user pressed Stop', 2]]);
  assert.deepEqual(lane(layout, 'Task-2').surfaced.map((s) => s.line), [9]);
  assert.deepEqual(lane(layout, 'Task-1').surfaced.map((s) => s.line), [23]); // at `await task`
  assert.equal(lane(layout, 'Task-2').state, 'cancelled');
});

test('wait_for_timeout: the arrow comes from main with cause wait_for; the second wait_for has none', () => {
  const layout = layout_lanes(load_events('wait_for_timeout'), Infinity);
  assert.deepEqual(layout.cancels.map((c) => [c.from, c.to, c.cause_label, c.t]), [['Task-1', 'Task-2', 'wait_for', 2]]);
  assert.deepEqual(in_rows(layout), ['Task-1', 'Task-2', 'Task-3']);
  assert.equal(lane(layout, 'Task-3').state, 'done');
});

test('shield: wait_for gives up on the shield, and no task is asked to cancel', () => {
  const layout = layout_lanes(load_events('shield'), Infinity);
  assert.deepEqual(layout.cancels, []);
  assert.equal(lane(layout, 'Task-2').done.result, "'saved'");
});

test('timeout_block: a deadline at 5 s on main\'s lane that turns expired, and the timeout\'s cancel', () => {
  const events = load_events('timeout_block');
  const deadline = (seq) => layout_lanes(events, seq).deadlines.map((d) => [d.label, d.task, d.when, d.phase]);
  assert.deepEqual(deadline(8), []); // made, not entered: it guards no task yet
  assert.deepEqual(deadline(10), [['timeout #1', 'Task-1', 5, 'active']]);
  assert.deepEqual(deadline(50), [['timeout #1', 'Task-1', 5, 'expiring']]);
  assert.deepEqual(deadline(Infinity), [['timeout #1', 'Task-1', 5, 'expired']]);
  assert.deepEqual(layout_lanes(events, 47).cancels, []);
  assert.deepEqual(layout_lanes(events, 48).cancels.map((c) => [c.from, c.to, c.cause_label]), [[null, 'Task-1', 'timeout #1']]);
  // The deadline reaches past the clock: the axis has room for it from the start
  assert.equal(layout_lanes(events, 10).horizon, 5);
});

test('task_tree: a rescheduled timeout moves, then greys out when its block ends in time', () => {
  const events = load_events('task_tree');
  const deadline = (seq) => layout_lanes(events, seq).deadlines.map((d) => [d.when, d.phase, d.moves]);
  assert.deepEqual(deadline(49), [[11, 'active', 0]]);
  assert.deepEqual(deadline(78), [[5.5, 'active', 1]]);
  assert.deepEqual(deadline(Infinity), [[5.5, 'finished', 1]]);
});

test('gathers: brackets around the children, closed when the gathering task resumes', () => {
  const gather = layout_lanes(load_events('gather'), Infinity);
  assert.deepEqual(gather.boxes.map((b) => [b.kind, b.task, b.members, b.first_row, b.last_row, b.open, b.t1]),
    [['gather', 'Task-1', ['Task-2', 'Task-3'], 1, 2, false, 3]]);
  const events = load_events('task_tree');
  assert.deepEqual(layout_lanes(events, 91).boxes, []); // before the await
  const open = layout_lanes(events, 92).boxes[0];
  assert.deepEqual([open.task, open.members, open.first_row, open.last_row, open.open, open.t0, open.t1], ['Task-2', ['Task-3', 'Task-4', 'Task-6'], 2, 4, true, 2, 2]);
  assert.equal(layout_lanes(events, 110).boxes[0].t1, layout_lanes(events, 110).now); // to the cursor while open
  // From the await at 2 s (not from the first child's creation at 0 s) to branch's resuming at 3 s
  const closed = layout_lanes(events, Infinity).boxes[0];
  assert.deepEqual([closed.open, closed.t0, closed.t1, closed.runs], [false, 2, 3, [[2, 4]]]);
});

test('gathers over tasks made earlier by create_task: their forks and lanes stay as they were', () => {
  const events = load_events('task_tree');
  const before = layout_lanes(events, 91);
  const after = layout_lanes(events, Infinity);
  const forks = (layout) => layout.forks.map((f) => [f.from, f.to, f.kind]);
  assert.deepEqual(forks(after), forks(before).concat([]));
  assert.deepEqual(forks(after).filter(([, to]) => ['Task-3', 'Task-4', 'Task-6'].includes(to)),
    [['Task-2', 'Task-3', 'create_task'], ['Task-2', 'Task-4', 'create_task'], ['Task-2', 'Task-6', 'create_task']]);
  assert.deepEqual(after.lanes.map((l) => [l.name, l.coro, l.row]), before.lanes.map((l) => [l.name, l.coro, l.row]).concat([]));
  // A gather over coroutines at the line it is awaited made its tasks: those forks are the gather's
  const made = layout_lanes(load_events('to_thread'), Infinity);
  assert.deepEqual(made.forks.filter((f) => f.kind === 'gather').map((f) => f.to), ['Task-2', 'Task-3', 'Task-4']);
});

test('a gather whose children\'s rows are apart: one bracket per run of rows, not over the lanes between', () => {
  const builder = new lane_builder();
  let seq = 0;
  const emit = (event) => builder.apply({ seq: seq++, t: 0, task: 'Task-1', coro: 'main', line: 1, ...event });
  emit({ kind: 'task_created', task: null, target: 'Task-1' });
  emit({ kind: 'step_begin' });
  for (let i = 2; i <= 6; i += 1) emit({ kind: 'task_created', target: `Task-${i}`, coro: 'job', line: 2 });
  emit({ kind: 'await_begin', on: 'gather', children: ['Task-2', 'Task-4', 'Task-5'], line: 3 });
  emit({ kind: 'step_end', status: 'await', line: 3 });
  const [box] = builder.layout().boxes;
  assert.deepEqual([box.first_row, box.last_row, box.runs, box.open, box.t0], [1, 4, [[1, 1], [3, 4]], true, 0]);
  emit({ t: 2, kind: 'step_begin' });
  emit({ t: 2, kind: 'await_end', result: '[1, 2, 3]' });
  assert.deepEqual(builder.layout().boxes.map((b) => [b.open, b.t1]), [[false, 2]]);
});

test('a group of many tasks: every member joins the box, past the snapshot\'s first 20', () => {
  const builder = new lane_builder();
  let seq = 0;
  const emit = (event) => builder.apply({ seq: seq++, t: 0, task: 'Task-1', coro: 'main', line: 1, ...event });
  emit({ kind: 'task_created', task: null, target: 'Task-1' });
  emit({ kind: 'primitive_created', target: 'TaskGroup', primitive: 1, snapshot: { phase: 'created', task: null, members: [], members_count: 0, errors: 0 } });
  const names = [];
  for (let i = 2; i < 52; i += 1) {
    names.push(`Task-${i}`);
    emit({ kind: 'task_created', target: `Task-${i}` });
    emit({ kind: 'primitive_state', primitive: 1, snapshot: { phase: 'entered', task: 'Task-1', members: names.slice(0, 20), members_count: names.length, errors: 0 } });
  }
  const [box] = builder.layout().boxes;
  assert.deepEqual(box.members, names);
  assert.deepEqual([box.first_row, box.last_row, box.count], [1, 50, 50]);
});

// What a layout shows of the tree, boxes, cancels and deadlines, for comparing two ways to get it
function drawn_parts(layout) {
  return JSON.stringify({
    rows: layout.lanes.map((l) => [l.name, l.row, l.depth, l.state, l.surfaced.length]),
    boxes: layout.boxes.map((b) => [b.kind, b.id, b.members, b.first_row, b.last_row, b.t0, b.t1, b.open, b.phase]),
    cancels: layout.cancels.map((c) => [c.seq, c.from, c.to, c.cause_label]),
    deadlines: layout.deadlines.map((d) => [d.id, d.task, d.when, d.phase, d.moves]),
  });
}

test('time travel through the timeline\'s checkpoints gives the layout of folding from the start', async () => {
  const { timeline } = await import('../../web/lib/timeline.mjs');
  const events = load_events('tree_long'); // 1,500 events: several checkpoints
  const run = new timeline();
  run.push(events);
  assert.ok(run.checkpoints.length > 3);
  // Back and forth, as a user scrubbing would
  const seqs = [];
  for (let seq = 0; seq < events.length; seq += 37) seqs.push(seq);
  for (const seq of [...seqs].reverse().concat(seqs, [208, 209, 1435, 1436, 1441, events.length - 1])) {
    assert.equal(drawn_parts(run.view_at(seq).layout), drawn_parts(layout_lanes(events, seq)), `seq ${seq}`);
  }
  // Between the timeout's cancel and gather's: one arrow; and the moved deadline at the group's failure
  assert.deepEqual(run.view_at(208).layout.cancels.map((c) => c.cause_label), ['timeout #1']);
  const at_failure = run.view_at(1436).layout;
  assert.deepEqual(at_failure.cancels.map((c) => [c.to, c.cause_label]),
    [['Task-1', 'timeout #1'], ['Task-2', 'gather'], ['Task-3', 'gather'], ['Task-10', 'TaskGroup #3']]);
  const moved = at_failure.deadlines.find((d) => d.id === 2);
  assert.ok(moved.moves >= 10 && moved.phase === 'active', `timeout #2 moved ${moved.moves} times, ${moved.phase}`);
  assert.deepEqual(at_failure.boxes.filter((b) => b.kind === 'taskgroup').map((b) => [b.members.length, b.open]), [[6, true]]);
});
