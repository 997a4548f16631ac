// The Perfetto / Chrome trace export: checked against the Trace Event Format (trace_format.mjs), and
// gather's tracks, slices, flows and prints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trace_of } from '../../web/lib/trace_export.mjs';
import { trace_problems } from './trace_format.mjs';
import { load_events } from './fixtures.mjs';

const threads = (trace) => new Map(trace.traceEvents.filter((e) => e.name === 'thread_name').map((e) => [e.args.name, e.tid]));
const on = (trace, tid, ph) => trace.traceEvents.filter((e) => e.tid === tid && e.ph === ph);

for (const name of ['gather', 'sequential_awaited', 'interleaving', 'sleep', 'blocking_sleep', 'many_tasks', 'to_thread']) {
  test(`${name}: the export is a valid trace`, () => {
    const trace = JSON.parse(JSON.stringify(trace_of(load_events(name), { name })));
    assert.deepEqual(trace_problems(trace), []);
  });
}

test('gather: a track per task, its steps and its waits as slices, awaits as flows, prints as instants', () => {
  const trace = trace_of(load_events('gather'), { name: 'gather.py' });
  assert.deepEqual(trace_problems(trace), []);
  const tracks = threads(trace);
  assert.deepEqual([...tracks.keys()].slice(0, 4), ['event loop', 'Task-1', 'Task-2', 'Task-3']);
  assert.equal(trace.traceEvents.find((e) => e.name === 'process_name').args.name, 'gather.py');

  // The virtual clock gives a step no program time: each is drawn 1 µs wide, one after another in the
  // order the loop ran them (main, then the two children at t = 0; at t = 3 the sleeps' callbacks, the
  // children, gather's done callbacks, then main)
  const steps = trace.traceEvents.filter((e) => e.ph === 'X' && e.cat === 'step' && e.tid <= 3).map((e) => [e.tid, e.name, e.ts, e.dur]);
  assert.deepEqual(steps, [
    [1, 'main', 0, 1], [2, 'brew_coffee', 1, 1], [3, 'toast_bagel', 2, 1],
    [2, 'brew_coffee', 3_000_002, 1], [3, 'toast_bagel', 3_000_003, 1], [1, 'main', 3_000_006, 1],
  ]);
  // The callbacks that are no task's step, on the loop's track, one after another with the steps
  const callbacks = trace.traceEvents.filter((e) => e.ph === 'X' && e.cat === 'callback').map((e) => [e.tid, e.name, e.ts, e.dur]).slice(0, 4);
  assert.deepEqual(callbacks, [
    [0, 'sleep._set_result_unless_cancelled', 3_000_000, 1], [0, 'sleep._set_result_unless_cancelled', 3_000_001, 1],
    [0, 'gather._done_callback', 3_000_004, 1], [0, 'gather._done_callback', 3_000_005, 1],
  ]);
  // Each task's track: a step, its wait from the end of that step to the step that woke it, a step
  const track = (task) => on(trace, tracks.get(task), 'X').sort((a, b) => a.ts - b.ts).map((e) => [e.cat, e.name, e.ts, e.ts + e.dur]);
  assert.deepEqual(track('Task-1'), [['step', 'main', 0, 1], ['wait', 'gather(Task-2, Task-3)', 1, 3_000_006], ['step', 'main', 3_000_006, 3_000_007]]);
  assert.deepEqual(track('Task-2'), [['step', 'brew_coffee', 1, 2], ['sleep', 'sleep(3)', 2, 3_000_002], ['step', 'brew_coffee', 3_000_002, 3_000_003]]);
  assert.deepEqual(track('Task-3'), [['step', 'toast_bagel', 2, 3], ['sleep', 'sleep(3)', 3, 3_000_003], ['step', 'toast_bagel', 3_000_003, 3_000_004]]);
  const gather = on(trace, tracks.get('Task-1'), 'X').find((e) => e.cat === 'wait');
  assert.deepEqual([gather.args.on, gather.args.line], ['gather', 20]);
  const idle = on(trace, 0, 'X').find((e) => e.cat === 'idle');
  // The loop waits from where its last step at t = 0 ended (three of 1 µs) to the sleeps' end
  assert.deepEqual([idle.ts, idle.dur], [3, 2_999_997]);

  // Both children's last steps lead to main's step after the gather
  const starts = trace.traceEvents.filter((e) => e.ph === 's' && e.cat === 'await');
  const finishes = trace.traceEvents.filter((e) => e.ph === 'f' && e.cat === 'await');
  assert.deepEqual(starts.map((e) => [e.tid, e.ts]), [[tracks.get('Task-2'), 3_000_002], [tracks.get('Task-3'), 3_000_003]]);
  assert.deepEqual(finishes.map((e) => [e.tid, e.ts, e.bp]), [[tracks.get('Task-1'), 3_000_006, 'e'], [tracks.get('Task-1'), 3_000_006, 'e']]);

  // Prints inside the steps that made them
  const prints = trace.traceEvents.filter((e) => e.cat === 'print');
  assert.deepEqual(prints.map((e) => [e.tid, e.ts, e.args.text]), [
    [tracks.get('Task-2'), 1, 'Start brewing coffee...\n'],
    [tracks.get('Task-3'), 2, 'Start toasting bagel...\n'],
    [tracks.get('Task-2'), 3_000_002, 'Done brewing coffee.\n'],
    [tracks.get('Task-3'), 3_000_003, 'Done toasting bagel.\n'],
    [tracks.get('Task-1'), 3_000_006, 'Coffee is ready!\n'],
    [tracks.get('Task-1'), 3_000_006, 'Bagel is ready!\n'],
  ]);
});

test('every step is drawn at least 1 µs wide, and a task\'s steps and waits never overlap', () => {
  for (const name of ['gather', 'lost_update', 'queue_workers', 'many_tasks', 'taskgroup_failure']) {
    const trace = trace_of(load_events(name));
    const steps = trace.traceEvents.filter((e) => e.ph === 'X' && e.cat === 'step');
    assert.ok(steps.length > 0 && steps.every((e) => e.dur >= 1), name);
    const by_track = new Map();
    for (const e of trace.traceEvents) if (e.ph === 'X' && ['step', 'sleep', 'wait'].includes(e.cat)) by_track.set(e.tid, [...(by_track.get(e.tid) ?? []), e]);
    for (const [tid, list] of by_track) {
      list.sort((a, b) => a.ts - b.ts || a.dur - b.dur);
      for (let i = 1; i < list.length; i += 1) assert.ok(list[i].ts >= list[i - 1].ts + list[i - 1].dur, `${name}: track ${tid}, ${list[i - 1].name} and ${list[i].name}`);
    }
  }
});

test('a wait on a primitive is named by it: the Lock, Queue or Event whose waiters the task joined', () => {
  const lost = trace_of(load_events('lost_update'));
  const lock = lost.traceEvents.filter((e) => e.cat === 'wait' && e.args.primitive === 1);
  assert.ok(lock.length >= 2);
  assert.ok(lock.every((e) => e.name === 'wait Lock #1' && e.args.on === 'coroutine' && e.dur > 0));
  const names = new Set(trace_of(load_events('queue_workers')).traceEvents.filter((e) => e.cat === 'wait').map((e) => e.name));
  assert.ok([...names].some((n) => /^wait Queue #\d+$/.test(n)), [...names].join());
  const gun = new Set(trace_of(load_events('event_starting_gun')).traceEvents.filter((e) => e.cat === 'wait').map((e) => e.name));
  assert.ok(gun.has('wait Event #1'), [...gun].join());
});

test('a cancel is a flow from the task that asked to the step where CancelledError lands', () => {
  const ev = (seq, t, kind, task, extra = {}) => ({ seq, t, kind, task, coro: task ? 'c' : null, line: 1, ...extra });
  const events = [
    ev(0, 0, 'task_created', null, { target: 'Task-1' }),
    ev(1, 0, 'task_created', null, { target: 'Task-2' }),
    ev(2, 0, 'step_begin', 'Task-2'),
    ev(3, 0, 'await_begin', 'Task-2', { on: 'sleep', delay: 5 }),
    ev(4, 0, 'step_end', 'Task-2', { status: 'await' }),
    ev(5, 1, 'step_begin', 'Task-1'),
    ev(6, 1, 'task_cancel_requested', 'Task-1', { target: 'Task-2' }),
    ev(7, 1, 'step_end', 'Task-1', { status: 'return' }),
    ev(8, 1, 'step_begin', 'Task-2'),
    ev(9, 1, 'await_end', 'Task-2', { error: { type: 'CancelledError', message: '', line: 1 } }),
    ev(10, 1, 'step_end', 'Task-2', { status: 'raise' }),
  ];
  const trace = trace_of(events);
  assert.deepEqual(trace_problems(trace), []);
  const cancel = trace.traceEvents.filter((e) => e.cat === 'cancel');
  assert.deepEqual(cancel.map((e) => [e.ph, e.tid, e.ts]), [['s', 1, 1_000_000], ['f', 2, 1_000_001]]);
  // The sleep from Task-2's first step's end (1 µs) to the step where the CancelledError lands
  const sleep = trace.traceEvents.find((e) => e.cat === 'sleep');
  assert.deepEqual([sleep.name, sleep.ts, sleep.dur, sleep.args.error], ['sleep(5)', 1, 1_000_000, 'CancelledError']);
});

test('a run cut short ends its open steps and awaits at its last event', () => {
  const events = load_events('gather').slice(0, 20);
  const trace = trace_of(events);
  assert.deepEqual(trace_problems(trace), []);
  assert.ok(trace.traceEvents.some((e) => e.ph === 'X' && e.args?.ended === 'unfinished'));
});

test('the format check finds what is wrong', () => {
  const good = trace_of(load_events('gather'));
  const broken = (change) => { const t = structuredClone(good); change(t.traceEvents); return trace_problems(t); };
  assert.match(broken((list) => { Object.assign(list.filter((e) => e.cat === 'step' && e.tid === 2)[1], { ts: 2e6, dur: 2e6 }); })[0], /overlaps/);
  assert.match(broken((list) => { list.splice(list.findIndex((e) => e.ph === 'f'), 1); })[0], /one "s" and one "f"/);
  assert.match(broken((list) => { list.find((e) => e.ph === 'X').ph = 'Q'; })[0], /unknown ph/);
  assert.match(broken((list) => { list.splice(list.findIndex((e) => e.name === 'thread_name' && e.tid === 2), 1); })[0], /no thread_name/);
  assert.deepEqual(trace_problems({ events: [] }), ['a trace is an object with a traceEvents array']);
});

test('to_thread: a track per worker thread, its call as a slice, its time.sleep blocking that track alone', () => {
  const trace = trace_of(load_events('to_thread'), { name: 'to_thread' });
  const tracks = threads(trace);
  assert.ok(tracks.has('thread asyncio_0') && tracks.has('thread asyncio_1'));
  const coffee = on(trace, tracks.get('thread asyncio_0'), 'X');
  assert.deepEqual(coffee.map((s) => [s.name, s.cat, s.ts, s.dur]), [['time.sleep(3)', 'blocking', 0, 3_000_000], ['brew_coffee()', 'thread', 0, 3_000_000]]);
  assert.equal(on(trace, tracks.get('thread asyncio_1'), 'i').map((e) => e.name).join(), 'print Done toasting bagel.');
  // The loop's track has no blocking slice: the sleeps were the threads'
  assert.equal(on(trace, 0, 'X').filter((s) => s.cat === 'blocking').length, 0);
});
