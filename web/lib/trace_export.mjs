// A run's events as a Chrome / Perfetto trace (the Trace Event Format's JSON object form), to open in
// ui.perfetto.dev or chrome://tracing beside other traces. Times are the PROGRAM's, in microseconds:
// gather's three seconds of sleeping are about 3,000,000 µs wide at any clock or speed.
//
// Tracks (one thread each in process 1): tid 0 is the event loop (its idle waits, and what happens
// outside any task: module code's prints, asyncio.run's cancels); then one per task, in creation order.
// - "X" slices: each step of a task (`step`); each wait between two of its steps (`sleep`, `wait`),
//   from the step that suspended it to the step that woke it, named by what it waited on (the sleep,
//   the task or gather awaited, the Lock, Queue, Event … whose waiters it joined, a future); time.sleep
//   blocking the whole loop (`blocking`); the loop waiting for its next timer (`idle`); each callback the
//   loop runs that is no task's step (`callback`: the program's call_soon/call_later, a done callback,
//   asyncio's own such as a sleep's `_set_result_unless_cancelled`) on the loop's track, from its
//   handle_run to what the loop does next.
//   Steps take the program time their events say; most take none (the virtual clock, or a step that
//   does no blocking work), and are drawn 1 µs wide so that the viewer shows them. The loop runs one
//   step at a time, so steps never overlap: a step at the same microsecond as the one before it starts
//   where that one ends (steps at one program instant are drawn side by side, in the order they ran).
// - "i" instants (thread scope): each print, and each task's end, inside the step (or callback) that
//   made them; an event of no task, outside a callback, where the last step ended.
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

// A wait's name: what the innermost await of the suspended task waited on. `primitive`: the
// primitive whose waiters (getters, putters) the task joined in the step that suspended it, if any.
function wait_name(event, primitive) {
  if (primitive) return `wait ${primitive.kind} #${primitive.id}`;
  switch (event.on) {
    case 'sleep': return `sleep(${event.delay})`;
    case 'task': return `await ${event.target}`;
    case 'gather': return `gather(${(event.children ?? []).join(', ')})`;
    case 'coroutine': return `await ${event.target}`;
    default: return `await ${event.on}`;
  }
}

// The smallest width a step is drawn at, in µs, when the program time it took is none.
const min_step = 1;

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
  const open_step = new Map(); // task → { event, ts } of its step that has begun and not ended
  const last_step = new Map(); // task → ts of its latest step's beginning
  const awaits = new Map(); // task → stack of its await_begin events
  const awaited = new Map(); // task → tasks it waits for in its innermost suspending await
  const suspended = new Map(); // task → { ts, begun, primitive } of the wait it is in since its last step
  const woken = new Map(); // task → the wait slice its current step ended (its await_end may add an error)
  const joined = new Map(); // task → { id, kind, seq } of the primitive whose waiters it joined last
  const kinds = new Map(); // primitive id → its kind
  const cancels = new Map(); // task → cancels not yet landed: [{ from, ts }]
  let next_flow = 1;
  let cursor = 0; // where the last step ended: the next one starts no earlier (one step at a time)
  const end_t = events.length ? events.at(-1).t : 0;

  const slice = (tid, name, cat, ts, dur, args) => {
    const made = { name, cat, ph: 'X', ts, dur: Math.max(0, dur), pid, tid, args };
    slices.push(made);
    return made;
  };
  const span = (tid, name, cat, begin, end, args) => slice(tid, name, cat, micros(begin), micros(end) - micros(begin), args);
  const flow = (cat, from_tid, from_ts, to_tid, to_ts) => {
    const id = next_flow++;
    flows.push({ name: cat, cat, ph: 's', id, ts: from_ts, pid, tid: from_tid });
    flows.push({ name: cat, cat, ph: 'f', bp: 'e', id, ts: to_ts, pid, tid: to_tid });
  };
  // Where a task's event is drawn: inside its open step, else at its program time (no earlier than
  // its last step, which may be drawn a few µs after its program time). An event of no task (module
  // code, a callback, asyncio.run's cancels) is the loop's: no earlier than where the last step ended.
  const at = (task, t) => (task ? open_step.get(task)?.ts ?? Math.max(micros(t), last_step.get(task) ?? 0) : callback?.ts ?? Math.max(micros(t), cursor));
  // The callback that is no task's step which the loop is running: a slice on the loop's track from its
  // handle_run to whatever the loop does next, as wide as a step at least
  let callback = null;
  const end_callback = (t) => {
    if (!callback) return;
    const end = Math.max(callback.ts + min_step, micros(t));
    slice(loop_tid, callback.event.callback, 'callback', callback.ts, end - callback.ts, { handle: callback.event.handle, seq: callback.event.seq });
    cursor = end;
    callback = null;
  };
  // A step that began at `begun` ({ event, ts }) and ended at program time t: how it ended in `how`
  // ({ ended, ended_line }, or { ended: 'unfinished' }). Returns where it ends.
  const step_slice = (task, begun, t, how) => {
    const end = Math.max(begun.ts + min_step, micros(t));
    slice(tid_of(task), begun.event.coro ?? task, 'step', begun.ts, end - begun.ts, { task, line: begun.event.line, ...how, seq: begun.event.seq });
    return end;
  };
  const wait_slice = (task, wait, end, extra = {}) => {
    const { begun, primitive } = wait;
    const args = { task, line: begun.line, on: begun.on, seq: begun.seq, ...(begun.target ? { target: begun.target } : {}), ...(primitive ? { primitive: primitive.id } : {}), ...extra };
    return slice(tid_of(task), wait_name(begun, primitive), begun.on === 'sleep' ? 'sleep' : 'wait', wait.ts, end - wait.ts, args);
  };
  // The tasks a primitive's snapshot lists as waiting: each joined it (the latest one wins)
  const note_waiters = (event) => {
    const snapshot = event.snapshot ?? {};
    for (const list of [snapshot.waiters, snapshot.getters, snapshot.putters]) {
      for (const task of list ?? []) joined.set(task, { id: event.primitive, kind: kinds.get(event.primitive) ?? 'primitive', seq: event.seq });
    }
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
        span(tid_of(task), event.callback, 'thread', begun.t, event.t, { thread: event.thread, status: event.status, seq: begun.seq, ...(event.error ? { error: event.error.type } : {}) });
        break;
      }
      case 'task_created':
        tid_of(event.target);
        break;
      case 'handle_run':
        end_callback(event.t);
        if (!event.task) callback = { event, ts: Math.max(micros(event.t), cursor) };
        break;
      case 'step_begin': {
        end_callback(event.t);
        const ts = Math.max(micros(event.t), cursor);
        open_step.set(task, { event, ts });
        last_step.set(task, ts);
        const wait = suspended.get(task);
        if (wait) {
          woken.set(task, wait_slice(task, wait, ts));
          suspended.delete(task);
        }
        for (const cancel of cancels.get(task) ?? []) flow('cancel', cancel.from, cancel.ts, tid_of(task), ts);
        cancels.delete(task);
        break;
      }
      case 'step_end': {
        const begun = open_step.get(task);
        if (!begun) break;
        open_step.delete(task);
        woken.delete(task);
        const end = step_slice(task, begun, event.t, { ended: event.status, ended_line: event.line });
        cursor = end;
        // Suspended: it waits on its innermost await from here to the step that wakes it
        const top = awaits.get(task)?.at(-1);
        if (top && (event.status === 'await' || event.status === 'yield')) {
          const primitive = joined.get(task);
          suspended.set(task, { ts: end, begun: top, primitive: primitive && primitive.seq > begun.event.seq ? primitive : null });
        }
        joined.delete(task);
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
        if (!begun) break;
        const wait = woken.get(task);
        if (wait && wait.args.seq === begun.seq) {
          if (event.error) wait.args.error = event.error.type;
          woken.delete(task);
        }
        if (begun.on === 'task' || begun.on === 'gather') {
          for (const target of awaited.get(task) ?? []) {
            if (last_step.has(target)) flow('await', tid_of(target), last_step.get(target), tid_of(task), at(task, event.t));
          }
          awaited.delete(task);
        }
        break;
      }
      case 'primitive_created':
        kinds.set(event.primitive, event.target);
        note_waiters(event);
        break;
      case 'primitive_state':
        note_waiters(event);
        break;
      case 'task_cancel_requested': {
        if (!cancels.has(event.target)) cancels.set(event.target, []);
        cancels.get(event.target).push({ from: tid_of(task), ts: at(task, event.t) });
        break;
      }
      case 'task_done':
        instants.push({ name: `done: ${event.status}`, cat: 'task', ph: 'i', s: 't', ts: at(task, event.t), pid, tid: tid_of(task), args: { task, status: event.status, seq: event.seq } });
        break;
      case 'print':
        instants.push({ name: shown(`print ${event.text}`), cat: 'print', ph: 'i', s: 't', ts: at(task, event.t), pid, tid: tid_of(task), args: { text: event.text, line: event.line, seq: event.seq } });
        break;
      case 'blocking_sleep': {
        // Inside the step that called it: from where that step is drawn, until the clock's end of it
        const ts = Math.max(micros(event.t), open_step.get(task)?.ts ?? 0);
        slice(tid_of(task), `time.sleep(${event.delay})`, 'blocking', ts, micros(event.t + event.delay) - ts, { line: event.line, seq: event.seq });
        break;
      }
      case 'loop_wait': {
        end_callback(event.t);
        // From where the last step ended (the loop waits after it) to the next event's program time
        const ts = Math.max(micros(event.t), cursor);
        slice(loop_tid, 'idle', 'idle', ts, micros(events[index + 1]?.t ?? event.t) - ts, { until: event.when ?? null, seq: event.seq });
        break;
      }
      default:
        break;
    }
  });
  // A run cut short (cancelled, or a file that ends early) leaves steps and waits open: they end there.
  end_callback(end_t);
  for (const [track, begun] of thread_runs) span(tid_of(track), begun.callback, 'thread', begun.t, end_t, { thread: begun.thread, ended: 'unfinished', seq: begun.seq });
  for (const [task, begun] of open_step) step_slice(task, begun, end_t, { ended: 'unfinished' });
  for (const [task, wait] of suspended) wait_slice(task, wait, Math.max(wait.ts, micros(end_t)), { ended: 'unfinished' });

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
