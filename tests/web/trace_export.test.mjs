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

test('gather: a track per task, its steps, sleeps and the gather as slices, awaits as flows, prints as instants', () => {
  const trace = trace_of(load_events('gather'), { name: 'gather.py' });
  const tracks = threads(trace);
  assert.deepEqual([...tracks.keys()].slice(0, 4), ['event loop', 'Task-1', 'Task-2', 'Task-3']);
  assert.equal(trace.traceEvents.find((e) => e.name === 'process_name').args.name, 'gather.py');

  const main = on(trace, tracks.get('Task-1'), 'X');
  const gather = main.find((e) => e.cat === 'wait');
  assert.deepEqual([gather.name, gather.ts, gather.dur], ['gather(Task-2, Task-3)', 0, 3_000_000]);
  assert.deepEqual(main.filter((e) => e.cat === 'step').map((e) => [e.name, e.ts]), [['main', 0], ['main', 3_000_000]]);

  for (const [task, coro] of [['Task-2', 'brew_coffee'], ['Task-3', 'toast_bagel']]) {
    const slices = on(trace, tracks.get(task), 'X');
    assert.deepEqual(slices.filter((e) => e.cat === 'sleep').map((e) => [e.name, e.ts, e.dur]), [['sleep(3)', 0, 3_000_000]]);
    assert.deepEqual(slices.filter((e) => e.cat === 'step').map((e) => e.name), [coro, coro]);
  }
  const idle = on(trace, 0, 'X').find((e) => e.cat === 'idle');
  assert.deepEqual([idle.ts, idle.dur], [0, 3_000_000]);

  // Both children's last steps lead to main's step after the gather
  const starts = trace.traceEvents.filter((e) => e.ph === 's' && e.cat === 'await');
  const finishes = trace.traceEvents.filter((e) => e.ph === 'f' && e.cat === 'await');
  assert.deepEqual(starts.map((e) => [e.tid, e.ts]), [[tracks.get('Task-2'), 3_000_000], [tracks.get('Task-3'), 3_000_000]]);
  assert.deepEqual(finishes.map((e) => [e.tid, e.ts, e.bp]), [[tracks.get('Task-1'), 3_000_000, 'e'], [tracks.get('Task-1'), 3_000_000, 'e']]);

  const prints = trace.traceEvents.filter((e) => e.cat === 'print');
  assert.deepEqual(prints.map((e) => [e.tid, e.args.text]), [
    [tracks.get('Task-2'), 'Start brewing coffee...\n'],
    [tracks.get('Task-3'), 'Start toasting bagel...\n'],
    [tracks.get('Task-2'), 'Done brewing coffee.\n'],
    [tracks.get('Task-3'), 'Done toasting bagel.\n'],
    [tracks.get('Task-1'), 'Coffee is ready!\n'],
    [tracks.get('Task-1'), 'Bagel is ready!\n'],
  ]);
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
  assert.deepEqual(cancel.map((e) => [e.ph, e.tid, e.ts]), [['s', 1, 1_000_000], ['f', 2, 1_000_000]]);
  const sleep = trace.traceEvents.find((e) => e.cat === 'sleep');
  assert.deepEqual([sleep.dur, sleep.args.error], [1_000_000, 'CancelledError']);
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
