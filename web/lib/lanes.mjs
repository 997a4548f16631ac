// Lane layout: one lane per task on a time axis in program seconds, folded from a run's events one at
// a time. Pure data (seconds and lane indices); ui/lanes_view.mjs turns it into SVG.
//
// A lane is a row of segments: `ready` (queued, not yet running), `run` (a step: no program time
// passes while a task runs, so it is an instant unless time.sleep blocks), `sleep` (awaiting
// asyncio.sleep, with its delay), `wait` (awaiting a task or a gather: `targets` says which),
// `blocked` (time.sleep holding the whole loop). Forks join a parent lane to the lanes it creates.
// A worker thread of the default executor (asyncio.to_thread, run_in_executor) has a lane of its own,
// named `thread asyncio_0`: `run` while it runs a function (`callback` names it), `sleep` while its
// time.sleep blocks it alone; a fork of kind `to_thread` joins the task that started the thread.
//
// The builder only ever appends closed segments, lanes and forks, so a snapshot of it (for time
// travel) shares those arrays with the live builder and records their lengths: taking one costs the
// number of lanes, not the number of events.

import { runner_coros, callback_task } from './asyncio_names.mjs';

function close_segment(lane, t) {
  if (lane.open) {
    lane.open.t1 = t;
    if (lane.open.kind === 'wait') lane.waits.push(lane.segments.length);
    lane.segments.push(lane.open);
    lane.open = null;
  }
}

function open_segment(lane, kind, t, extra = {}) {
  close_segment(lane, t);
  lane.open = { kind, t0: t, t1: t, ...extra };
}

export class lane_builder {
  // `include_internal` shows asyncio.run's shutdown tasks too.
  constructor({ include_internal = false } = {}) {
    this.include_internal = include_internal;
    this.lanes = [];
    this.by_name = new Map();
    this.forks = [];
    this.gather_children = new Set();
    this.now = 0;
    this.horizon = 0;
  }

  apply(event) {
    this.now = event.t;
    this.horizon = Math.max(this.horizon, event.t);
    const lane = event.task ? this.by_name.get(event.task) : event.thread ? this.by_name.get(thread_lane(event.thread)) : undefined;
    switch (event.kind) {
      case 'thread_started': {
        const name = thread_lane(event.thread);
        const created = { name, coro: 'thread', thread: event.thread, index: this.lanes.length, t0: event.t, segments: [], waits: [], open: null, done: null, pending_await: null };
        this.lanes.push(created);
        this.by_name.set(name, created);
        this.forks.push({ from: event.task, to: name, t: event.t, line: event.line, kind: 'to_thread' });
        break;
      }
      case 'thread_run_begin':
        if (lane) open_segment(lane, 'run', event.t, { line: event.line, callback: event.callback });
        break;
      case 'thread_run_end':
        if (lane) close_segment(lane, event.t);
        break;
      case 'task_created': {
        if (!this.include_internal && runner_coros.has(event.coro)) break;
        const created = { name: event.target, coro: event.coro, index: this.lanes.length, t0: event.t, segments: [], waits: [], open: null, done: null, pending_await: null };
        this.lanes.push(created);
        this.by_name.set(event.target, created);
        open_segment(created, 'ready', event.t);
        this.forks.push({ from: event.task, to: event.target, t: event.t, line: event.line, kind: event.task ? 'create_task' : 'asyncio.run' });
        break;
      }
      case 'step_begin':
        if (lane) open_segment(lane, 'run', event.t, { line: event.line });
        break;
      case 'await_begin':
        if (event.on === 'gather') for (const child of event.children ?? []) this.gather_children.add(child);
        if (lane) lane.pending_await = event;
        break;
      case 'step_end':
        if (lane) this.step_end(lane, event);
        break;
      case 'timer_scheduled':
        this.horizon = Math.max(this.horizon, event.when);
        break;
      case 'handle_queued': {
        const woken = this.by_name.get(callback_task(event.callback));
        if (woken && woken.open && woken.open.kind !== 'ready' && woken.open.kind !== 'run') open_segment(woken, 'ready', event.t);
        break;
      }
      case 'blocking_sleep':
        if (lane && lane.thread) {
          open_segment(lane, 'sleep', event.t, { delay: event.delay, until: event.t + event.delay, line: event.line, callback: lane.open?.callback });
          this.horizon = Math.max(this.horizon, event.t + event.delay);
        } else if (lane) {
          open_segment(lane, 'blocked', event.t, { delay: event.delay, until: event.t + event.delay, line: event.line });
          this.horizon = Math.max(this.horizon, event.t + event.delay);
        }
        break;
      case 'task_done': {
        const done = this.by_name.get(event.task);
        if (done) {
          close_segment(done, event.t);
          done.done = { t: event.t, status: event.status, result: event.result ?? null, error: event.error ?? null };
        }
        break;
      }
      default:
        break;
    }
    if (lane && lane.open && lane.open.kind === 'blocked' && event.kind !== 'blocking_sleep') open_segment(lane, 'run', event.t);
    // A worker thread's next event after its time.sleep: it runs again
    if (lane && lane.thread && lane.open && lane.open.kind === 'sleep' && event.kind !== 'blocking_sleep' && event.kind !== 'thread_run_end') {
      open_segment(lane, 'run', event.t, { callback: lane.open.callback });
    }
  }

  step_end(lane, event) {
    if (event.status === 'await') {
      const on = lane.pending_await ?? { on: 'future' };
      if (on.on === 'sleep') {
        open_segment(lane, 'sleep', event.t, { delay: on.delay, until: event.t + on.delay, line: event.line });
        this.horizon = Math.max(this.horizon, event.t + on.delay);
      } else if (on.on === 'task') {
        open_segment(lane, 'wait', event.t, { on: 'task', targets: [on.target], line: event.line });
      } else if (on.on === 'gather') {
        open_segment(lane, 'wait', event.t, { on: 'gather', targets: on.children ?? [], line: event.line });
      } else {
        open_segment(lane, 'wait', event.t, { on: on.on, targets: [], line: event.line });
      }
    } else if (event.status === 'yield') {
      open_segment(lane, 'ready', event.t);
    } else {
      close_segment(lane, event.t);
    }
  }

  // A frozen copy of this builder's state that later `apply` calls on this builder cannot change.
  snapshot() {
    return {
      include_internal: this.include_internal,
      lanes: this.lanes.map((lane) => ({ ...lane, segment_count: lane.segments.length, wait_count: lane.waits.length, open: lane.open && { ...lane.open } })),
      forks: this.forks,
      fork_count: this.forks.length,
      gather_children: [...this.gather_children],
      now: this.now,
      horizon: this.horizon,
    };
  }

  // A builder that continues from a snapshot, with arrays of its own.
  static restore(snapshot) {
    const builder = new lane_builder({ include_internal: snapshot.include_internal });
    builder.lanes = snapshot.lanes.map(({ segment_count, wait_count, ...lane }) => ({
      ...lane, segments: lane.segments.slice(0, segment_count), waits: lane.waits.slice(0, wait_count), open: lane.open && { ...lane.open },
    }));
    for (const lane of builder.lanes) builder.by_name.set(lane.name, lane);
    builder.forks = snapshot.forks.slice(0, snapshot.fork_count);
    builder.gather_children = new Set(snapshot.gather_children);
    builder.now = snapshot.now;
    builder.horizon = snapshot.horizon;
    return builder;
  }

  // The layout as drawn: open segments end at the current time. Lanes' closed segments are shared
  // with the builder, not copied, so this costs the number of lanes and arrows.
  layout() {
    const now = this.now;
    const lanes = this.lanes.map((lane) => ({
      waits: lane.waits,
      name: lane.name,
      coro: lane.coro,
      thread: lane.thread,
      index: lane.index,
      t0: lane.t0,
      segments: lane.segments,
      open: lane.open ? { ...lane.open, t1: now, open: true } : null,
      done: lane.done,
    }));
    const arrows = [];
    for (const lane of lanes) {
      if (lane.open?.kind === 'wait') push_arrows(arrows, lane, lane.open, this.by_name);
      for (let i = Math.max(0, lane.waits.length - max_closed_arrows); i < lane.waits.length; i += 1) {
        push_arrows(arrows, lane, lane.segments[lane.waits[i]], this.by_name);
      }
    }
    const forks = this.forks.map((fork) => ({ ...fork, kind: this.gather_children.has(fork.to) ? 'gather' : fork.kind }));
    return { lanes, forks: forks.filter((fork) => this.by_name.has(fork.to)), arrows, now, horizon: this.horizon };
  }
}

// The lane of a worker thread: its own name space, beside the tasks' names
export function thread_lane(thread) {
  return `thread ${thread}`;
}

// Arrows from the latest waits of each lane: a task that awaited thousands of times would otherwise
// draw thousands of arrows on top of each other.
const max_closed_arrows = 64;

// A gather over thousands of tasks draws its first arrows only; the wait's label gives the count.
const max_arrows_per_wait = 64;

function push_arrows(arrows, lane, segment, by_name) {
  for (const target of segment.targets.slice(0, max_arrows_per_wait)) {
    if (by_name.has(target)) arrows.push({ from: lane.name, to: target, t0: segment.t0, t1: segment.t1, on: segment.on });
  }
}

// The segments of a laid-out lane in time order, the open one last.
export function lane_segments(lane) {
  return lane.open ? [...lane.segments, lane.open] : lane.segments;
}

// Layout of `events[0..=seq]` in one go.
export function layout_lanes(events, seq, options = {}) {
  const builder = new lane_builder(options);
  const last = Math.min(seq, events.length - 1);
  for (let i = 0; i <= last; i += 1) builder.apply(events[i]);
  return builder.layout();
}

// A time axis that only grows in steps, so the scale does not creep with every event.
export function axis_end(horizon) {
  const steps = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900, 1800, 3600];
  for (const step of steps) if (horizon <= step) return step;
  return Math.ceil(horizon / 600) * 600;
}

// Tick marks for an axis from 0 to `end` seconds, about `count` of them at round values.
export function axis_ticks(end, count = 6) {
  const raw = end / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks = [];
  for (let t = 0; t <= end + 1e-9; t += step) ticks.push(Math.round(t * 1000) / 1000);
  return ticks;
}
