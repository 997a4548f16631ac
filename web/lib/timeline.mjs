// The state of a run at any seq: tasks, ready queue, timers, loop, console, clock, asyncio's
// primitives (lib/primitives.mjs) and the lanes.
// Events are folded one by one into the live end (`head`). For time travel, a checkpoint of the
// state is kept every so many events, and a jump to any seq folds forward from the one before it.
// Checkpoints come further apart as a run holds more tasks and timers, so taking them costs a bounded
// amount per event however large the run; the console and the lanes' segments only ever grow, so a
// checkpoint shares them with the head and records their lengths.

import { runner_coros, callback_task } from './asyncio_names.mjs';
import { lane_builder } from './lanes.mjs';
import { empty_primitives, copy_primitives, apply_primitive, primitive_lines } from './primitives.mjs';

export { runner_coros, callback_task };

const checkpoint_every = 256;

function empty_state() {
  return {
    seq: -1,
    t: 0,
    loop: { id: null, state: 'none' },
    tasks: new Map(),
    order: [],
    running: null,
    ready: [],
    timers: [],
    console: [],
    prints: 0,
    finished: null,
    primitives: empty_primitives(),
  };
}

// A copy that later folds into `state` cannot change; the console is shared, up to its length.
function snapshot_state(state) {
  const tasks = new Map();
  for (const [name, task] of state.tasks) {
    tasks.set(name, { ...task, awaits: task.awaits.slice() });
  }
  return {
    ...state,
    loop: { ...state.loop },
    tasks,
    order: state.order.slice(),
    ready: state.ready.slice(),
    timers: state.timers.slice(),
    primitives: copy_primitives(state.primitives),
    console_length: state.console.length,
  };
}

// A state of its own, continuing from a snapshot.
function restore_state(snapshot) {
  const { console_length, ...state } = snapshot_state(snapshot);
  state.console = snapshot.console.slice(0, snapshot.console_length);
  return state;
}

// Timers stay ordered by deadline, then by scheduling order (asyncio's heap ties break that way).
function insert_timer(timers, timer) {
  let low = 0;
  let high = timers.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const other = timers[middle];
    if (other.when < timer.when || (other.when === timer.when && other.handle < timer.handle)) low = middle + 1;
    else high = middle;
  }
  timers.splice(low, 0, timer);
}

// The innermost await that really suspends the task (a coroutine await runs inline).
export function waiting_on(task) {
  for (let i = task.awaits.length - 1; i >= 0; i -= 1) {
    if (task.awaits[i].on !== 'coroutine') return task.awaits[i];
  }
  return null;
}

function apply(state, event) {
  state.seq = event.seq;
  state.t = event.t;
  const actor = event.task ? state.tasks.get(event.task) : undefined;
  if (actor && event.line !== null && event.line !== undefined && event.kind !== 'handle_run') {
    actor.line = event.line;
  }
  if (actor && actor.status === 'blocked' && event.kind !== 'blocking_sleep') actor.status = 'running';
  switch (event.kind) {
    case 'loop':
      state.loop = { id: event.loop, state: event.state };
      if (event.state === 'closed') {
        state.ready = [];
        state.timers = [];
      }
      break;
    case 'task_created':
      state.tasks.set(event.target, {
        name: event.target,
        coro: event.coro,
        parent: event.task,
        created_line: event.line,
        created_t: event.t,
        line: null,
        status: 'scheduled',
        awaits: [],
        result: null,
        error: null,
        internal: runner_coros.has(event.coro),
      });
      state.order.push(event.target);
      break;
    case 'handle_queued': {
      state.ready.push({ handle: event.handle, callback: event.callback });
      const task = state.tasks.get(callback_task(event.callback));
      if (task && task.status !== 'done' && task.status !== 'scheduled') task.status = 'ready';
      break;
    }
    case 'handle_run': {
      const index = state.ready.findIndex((h) => h.handle === event.handle);
      if (index >= 0) state.ready.splice(index, 1);
      state.running = null;
      break;
    }
    case 'timer_scheduled':
      insert_timer(state.timers, { handle: event.handle, callback: event.callback, when: event.when, task: event.task });
      break;
    case 'timer_fired': {
      const index = state.timers.findIndex((h) => h.handle === event.handle);
      if (index >= 0) state.timers.splice(index, 1);
      state.ready.push({ handle: event.handle, callback: event.callback });
      break;
    }
    case 'timer_cancelled':
      state.timers = state.timers.filter((h) => h.handle !== event.handle);
      break;
    case 'handle_cancelled':
      state.ready = state.ready.filter((h) => h.handle !== event.handle);
      break;
    case 'step_begin':
      if (actor) actor.status = 'running';
      state.running = event.task;
      break;
    case 'step_end':
      if (actor) actor.status = event.status === 'await' ? 'waiting' : event.status === 'yield' ? 'ready' : actor.status;
      state.running = null;
      break;
    case 'await_begin':
      if (actor) actor.awaits.push({ on: event.on, delay: event.delay, target: event.target, children: event.children, t: event.t, line: event.line });
      break;
    case 'await_end':
      if (actor) actor.awaits.pop();
      break;
    case 'blocking_sleep':
      if (actor) actor.status = 'blocked';
      break;
    case 'task_done': {
      const task = state.tasks.get(event.task);
      if (task) {
        task.status = 'done';
        task.done_status = event.status;
        task.result = event.result ?? null;
        task.error = event.error ?? null;
        task.awaits = [];
        task.done_t = event.t;
      }
      if (state.running === event.task) state.running = null;
      break;
    }
    case 'print':
      state.prints += 1;
      state.console.push({ kind: 'print', n: state.prints, t: event.t, text: event.text, line: event.line, task: event.task, seq: event.seq });
      break;
    case 'warning':
      state.console.push({ kind: 'warning', t: event.t, text: `${event.category}: ${event.message}`, line: event.line, task: event.task, seq: event.seq });
      break;
    case 'stderr':
      state.console.push({ kind: 'stderr', t: event.t, text: event.text, line: event.line, task: event.task, seq: event.seq });
      break;
    case 'primitive_created':
    case 'primitive_state':
      apply_primitive(state.primitives, event);
      break;
    case 'run_finished':
      state.finished = { status: event.status, error: event.error ?? null, t: event.t };
      break;
    default:
      break;
  }
}

// One run's events, and its state and lanes at any seq.
export class timeline {
  constructor() {
    this.events = [];
    this.head = empty_state();
    this.lanes = new lane_builder();
    this.primitive_lines = new primitive_lines();
    this.checkpoints = [this.checkpoint()];
    this.cached = null;
  }

  get length() {
    return this.events.length;
  }

  checkpoint() {
    return { folded: this.events.length, state: snapshot_state(this.head), lanes: this.lanes.snapshot() };
  }

  push(events) {
    for (const event of events) {
      this.events.push(event);
      apply(this.head, event);
      this.lanes.apply(event);
      this.primitive_lines.add(event, this.events.length - 1);
      const head = this.head;
      // A primitive costs a checkpoint one shared Map entry, far less than a task's copy: a quarter
      const spacing = Math.max(checkpoint_every, head.tasks.size + head.timers.length + head.ready.length + (head.primitives.size >> 2) + this.lanes.lanes.length);
      if (this.events.length - this.checkpoints[this.checkpoints.length - 1].folded >= spacing) this.checkpoints.push(this.checkpoint());
    }
  }

  // The state after the event `seq` (seq -1: before the first event).
  state_at(seq) {
    return this.view_at(seq).state;
  }

  // {state, layout} after the event `seq`: what every panel draws.
  view_at(seq) {
    const last = Math.max(-1, Math.min(seq, this.events.length - 1));
    if (last === this.events.length - 1) return { seq: last, state: this.head, layout: this.lanes.layout() };
    if (this.cached && this.cached.seq === last) return this.cached;
    // The last checkpoint that has folded no more than the events up to `last`
    let low = 0;
    let high = this.checkpoints.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.checkpoints[middle].folded <= last + 1) low = middle;
      else high = middle - 1;
    }
    const from = this.checkpoints[low];
    const state = restore_state(from.state);
    const lanes = lane_builder.restore(from.lanes);
    for (let i = from.folded; i <= last; i += 1) {
      apply(state, this.events[i]);
      lanes.apply(this.events[i]);
    }
    this.cached = { seq: last, state, layout: lanes.layout() };
    return this.cached;
  }

  // The seq of the next print after `seq`, or null.
  next_print(seq) {
    for (let i = seq + 1; i < this.events.length; i += 1) if (this.events[i].kind === 'print') return i;
    return null;
  }

  previous_print(seq) {
    for (let i = seq - 1; i >= 0; i -= 1) if (this.events[i].kind === 'print') return i;
    return null;
  }
}

// The lines the code view lights: one mark per visible, unfinished task that is on a line.
export function line_marks(state) {
  const marks = [];
  for (const name of state.order) {
    const task = state.tasks.get(name);
    if (task.internal || task.status === 'done' || task.line === null) continue;
    marks.push({ task: name, line: task.line, running: state.running === name, status: task.status });
  }
  return marks;
}
