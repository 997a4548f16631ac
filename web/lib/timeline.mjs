// The state of a run at any seq: tasks, ready queue, timers, loop, console and clock.
// Events are folded one by one; a copy of the state every `checkpoint_every` events makes a jump
// to any seq cost at most that many folds.

// asyncio.run's own shutdown tasks: real tasks, but no part of the program a learner wrote.
export const runner_coros = new Set(['shutdown_asyncgens', 'shutdown_default_executor']);

const checkpoint_every = 256;
const task_callback = /^Task\.__(step|wakeup)\((.*)\)$/;

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
  };
}

function copy_state(state) {
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
    console: state.console.slice(),
  };
}

// The task a ready-queue callback will step, if any.
export function callback_task(callback) {
  const match = task_callback.exec(callback ?? '');
  return match ? match[2] : null;
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
      state.timers.push({ handle: event.handle, callback: event.callback, when: event.when, task: event.task });
      state.timers.sort((a, b) => a.when - b.when || a.handle - b.handle);
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
    case 'run_finished':
      state.finished = { status: event.status, error: event.error ?? null, t: event.t };
      break;
    default:
      break;
  }
}

// One run's events, and its state at any seq.
export class timeline {
  constructor() {
    this.events = [];
    this.checkpoints = [empty_state()];
    this.head = empty_state();
  }

  get length() {
    return this.events.length;
  }

  push(events) {
    for (const event of events) {
      this.events.push(event);
      apply(this.head, event);
      if (this.events.length % checkpoint_every === 0) this.checkpoints.push(copy_state(this.head));
    }
  }

  // The state after the event `seq` (seq -1: before the first event).
  state_at(seq) {
    const last = Math.min(seq, this.events.length - 1);
    if (last === this.events.length - 1) return this.head;
    const index = Math.floor((last + 1) / checkpoint_every);
    const state = copy_state(this.checkpoints[index]);
    for (let i = index * checkpoint_every; i <= last; i += 1) apply(state, this.events[i]);
    return state;
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
