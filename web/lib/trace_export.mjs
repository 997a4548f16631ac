// A run's events as a Chrome / Perfetto trace (the Trace Event Format's JSON object form), to open in
// ui.perfetto.dev or chrome://tracing beside other traces. Times are the PROGRAM's, in microseconds:
// gather's three seconds of sleeping are 3,000,000 µs wide at any clock or speed. Most steps take no
// program time at all, so they are zero-width slices; their names and args still say what ran.
//
// Tracks (one thread each in process 1): tid 0 is the event loop (its idle waits, and what happens
// outside any task: module code's prints, asyncio.run's cancels); then one per task, in creation order.
// - "X" slices: each step of a task (`step`), each await that suspends it (`sleep`, `wait`),
//   time.sleep blocking the whole loop (`blocking`), the loop waiting for its next timer (`idle`).
// - "i" instants (thread scope): each print, and each task's end.
// - "s"/"f" flows: from an awaited task's last step to the step of the task it wakes (`await`), and
//   from a cancel to the step of the task where CancelledError lands (`cancel`). The "f" has bp "e", so
//   both ends bind to the slice enclosing their timestamp (the steps).
// - "M" metadata: the process's and the tracks' names and order.
import { thread_lane } from './lanes.mjs';

const loop_tid = 0;
const pid = 1;
const micros = (t) => Math.round(t * 1e6);
// A print's name: at most `most` code points (the C++ writer counts the same way), ASCII space trimmed.
const shown = (text, most = 60) => {
  const points = [...text.replace(/[ \t\n\r\f\v]+$/, '')];
  return points.length > most ? `${points.slice(0, most - 1).join('')}…` : points.join('');
};

function wait_name(event) {
  switch (event.on) {
    case 'sleep': return `sleep(${event.delay})`;
    case 'task': return `await ${event.target}`;
    case 'gather': return `gather(${(event.children ?? []).join(', ')})`;
    default: return `await ${event.on}`;
  }
}

// server/cli/trace_export.cpp is the same writer in C++ for `loopscope run --trace`; a test holds the two
// equal, so a change here is a change there.
//
// `events`: one run's events in seq order; `name`: what Perfetto calls the process (the program).
export function trace_of(events, { name = 'loopscope run', loopscope = null } = {}) {
  const slices = [];
  const instants = [];
  const flows = [];
  const tids = new Map();
  const tracks = [{ tid: loop_tid, name: 'event loop' }];
  const tid_of = (task) => {
    if (!task) return loop_tid;
    if (!tids.has(task)) {
      tids.set(task, tracks.length);
      tracks.push({ tid: tracks.length, name: task });
    }
    return tids.get(task);
  };
  const open_step = new Map(); // task → its step that has begun and not ended
  const last_step = new Map(); // task → ts of its latest step's beginning
  const awaits = new Map(); // task → stack of its await_begin events
  const awaited = new Map(); // task → tasks it waits for in its innermost suspending await
  const cancels = new Map(); // task → cancels not yet landed: [{ from, ts }]
  let next_flow = 1;
  const end_t = events.length ? events.at(-1).t : 0;

  const slice = (tid, name, cat, begin, end, args) => slices.push({ name, cat, ph: 'X', ts: micros(begin), dur: Math.max(0, micros(end) - micros(begin)), pid, tid, args });
  const flow = (cat, from_tid, from_ts, to_tid, to_ts) => {
    const id = next_flow++;
    flows.push({ name: cat, cat, ph: 's', id, ts: from_ts, pid, tid: from_tid });
    flows.push({ name: cat, cat, ph: 'f', bp: 'e', id, ts: to_ts, pid, tid: to_tid });
  };

  const thread_runs = new Map(); // worker thread track → its thread_run_begin not yet ended
  events.forEach((event, index) => {
    // A worker thread's events go on a track of its own, named as its lane is
    const task = event.task ?? (event.thread ? thread_lane(event.thread) : null);
    switch (event.kind) {
      case 'thread_started':
        tid_of(thread_lane(event.thread));
        break;
      case 'thread_run_begin':
        thread_runs.set(task, event);
        break;
      case 'thread_run_end': {
        const begun = thread_runs.get(task);
        if (!begun) break;
        thread_runs.delete(task);
        slice(tid_of(task), event.callback, 'thread', begun.t, event.t, { thread: event.thread, status: event.status, seq: begun.seq, ...(event.error ? { error: event.error.type } : {}) });
        break;
      }
      case 'task_created':
        tid_of(event.target);
        break;
      case 'step_begin': {
        open_step.set(task, event);
        last_step.set(task, micros(event.t));
        for (const cancel of cancels.get(task) ?? []) flow('cancel', cancel.from, cancel.ts, tid_of(task), micros(event.t));
        cancels.delete(task);
        break;
      }
      case 'step_end': {
        const begun = open_step.get(task);
        if (!begun) break;
        open_step.delete(task);
        slice(tid_of(task), begun.coro ?? task, 'step', begun.t, event.t, { task, line: begun.line, ended: event.status, ended_line: event.line, seq: begun.seq });
        break;
      }
      case 'await_begin': {
        if (!awaits.has(task)) awaits.set(task, []);
        awaits.get(task).push(event);
        if (event.on === 'task') awaited.set(task, [event.target]);
        if (event.on === 'gather') awaited.set(task, event.children ?? []);
        break;
      }
      case 'await_end': {
        const begun = awaits.get(task)?.pop();
        if (!begun || begun.on === 'coroutine') break;
        slice(tid_of(task), wait_name(begun), begun.on === 'sleep' ? 'sleep' : 'wait', begun.t, event.t, { task, line: begun.line, on: begun.on, seq: begun.seq, ...(event.error ? { error: event.error.type } : {}) });
        if (begun.on === 'task' || begun.on === 'gather') {
          for (const target of awaited.get(task) ?? []) {
            if (last_step.has(target)) flow('await', tid_of(target), last_step.get(target), tid_of(task), micros(event.t));
          }
          awaited.delete(task);
        }
        break;
      }
      case 'task_cancel_requested': {
        if (!cancels.has(event.target)) cancels.set(event.target, []);
        cancels.get(event.target).push({ from: tid_of(task), ts: micros(event.t) });
        break;
      }
      case 'task_done':
        instants.push({ name: `done: ${event.status}`, cat: 'task', ph: 'i', s: 't', ts: micros(event.t), pid, tid: tid_of(task), args: { task, status: event.status, seq: event.seq } });
        break;
      case 'print':
        instants.push({ name: shown(`print ${event.text}`), cat: 'print', ph: 'i', s: 't', ts: micros(event.t), pid, tid: tid_of(task), args: { text: event.text, line: event.line, seq: event.seq } });
        break;
      case 'blocking_sleep':
        slice(tid_of(task), `time.sleep(${event.delay})`, 'blocking', event.t, event.t + event.delay, { line: event.line, seq: event.seq });
        break;
      case 'loop_wait': {
        const until = events[index + 1]?.t ?? event.t;
        slice(loop_tid, 'idle', 'idle', event.t, until, { until: event.when ?? null, seq: event.seq });
        break;
      }
      default:
        break;
    }
  });
  // A run cut short (cancelled, or a file that ends early) leaves steps and awaits open: they end there.
  for (const [track, begun] of thread_runs) slice(tid_of(track), begun.callback, 'thread', begun.t, end_t, { thread: begun.thread, ended: 'unfinished', seq: begun.seq });
  for (const [task, begun] of open_step) slice(tid_of(task), begun.coro ?? task, 'step', begun.t, end_t, { task, line: begun.line, ended: 'unfinished', seq: begun.seq });
  for (const [task, stack] of awaits) {
    for (const begun of stack) {
      if (begun.on !== 'coroutine') slice(tid_of(task), wait_name(begun), begun.on === 'sleep' ? 'sleep' : 'wait', begun.t, end_t, { task, line: begun.line, on: begun.on, seq: begun.seq, ended: 'unfinished' });
    }
  }

  const metadata = [{ name: 'process_name', ph: 'M', pid, tid: loop_tid, args: { name } }];
  for (const track of tracks) {
    metadata.push({ name: 'thread_name', ph: 'M', pid, tid: track.tid, args: { name: track.name } });
    metadata.push({ name: 'thread_sort_index', ph: 'M', pid, tid: track.tid, args: { sort_index: track.tid } });
  }
  return {
    traceEvents: [...metadata, ...slices, ...instants, ...flows],
    displayTimeUnit: 'ms',
    otherData: { producer: loopscope ? `loopscope ${loopscope}` : 'loopscope', time: 'program seconds, as microseconds' },
  };
}
