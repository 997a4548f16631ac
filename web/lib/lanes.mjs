// Lane layout: one lane per task on a time axis in program seconds, built from a run's events up
// to a seq. Pure data (seconds and lane indices); ui/lanes_view.mjs turns it into SVG.
//
// A lane is a row of segments: `ready` (queued, not yet running), `run` (a step: no program time
// passes while a task runs, so it is an instant unless time.sleep blocks), `sleep` (awaiting
// asyncio.sleep, with its delay), `wait` (awaiting a task or a gather: `targets` says which),
// `blocked` (time.sleep holding the whole loop). Forks join a parent lane to the lanes it creates.

import { runner_coros, callback_task } from './timeline.mjs';

function close_segment(lane, t) {
  if (lane.open) {
    lane.open.t1 = t;
    lane.segments.push(lane.open);
    lane.open = null;
  }
}

function open_segment(lane, kind, t, extra = {}) {
  close_segment(lane, t);
  lane.open = { kind, t0: t, t1: t, ...extra };
}

// Layout of `events[0..=seq]`. `include_internal` shows asyncio.run's shutdown tasks too.
export function layout_lanes(events, seq, { include_internal = false } = {}) {
  const lanes = [];
  const by_name = new Map();
  const forks = [];
  const gather_children = new Set();
  let now = 0;
  let horizon = 0;
  const last = Math.min(seq, events.length - 1);

  for (let i = 0; i <= last; i += 1) {
    const event = events[i];
    now = event.t;
    horizon = Math.max(horizon, now);
    const lane = event.task ? by_name.get(event.task) : undefined;
    switch (event.kind) {
      case 'task_created': {
        if (!include_internal && runner_coros.has(event.coro)) break;
        const created = { name: event.target, coro: event.coro, index: lanes.length, t0: event.t, segments: [], open: null, done: null, seq: event.seq };
        lanes.push(created);
        by_name.set(event.target, created);
        open_segment(created, 'ready', event.t);
        forks.push({ from: event.task, to: event.target, t: event.t, line: event.line, kind: event.task ? 'create_task' : 'asyncio.run' });
        break;
      }
      case 'step_begin':
        if (lane) open_segment(lane, 'run', event.t, { line: event.line });
        break;
      case 'await_begin':
        if (event.on === 'gather') for (const child of event.children ?? []) gather_children.add(child);
        if (lane) lane.pending_await = event;
        break;
      case 'step_end':
        if (!lane) break;
        if (event.status === 'await') {
          const on = lane.pending_await ?? { on: 'future' };
          if (on.on === 'sleep') {
            open_segment(lane, 'sleep', event.t, { delay: on.delay, until: event.t + on.delay, line: event.line });
            horizon = Math.max(horizon, event.t + on.delay);
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
        break;
      case 'await_end':
        break;
      case 'timer_scheduled':
        horizon = Math.max(horizon, event.when);
        break;
      case 'handle_queued': {
        const woken = by_name.get(callback_task(event.callback));
        if (woken && woken.open && woken.open.kind !== 'ready' && woken.open.kind !== 'run') open_segment(woken, 'ready', event.t);
        break;
      }
      case 'blocking_sleep':
        if (lane) {
          open_segment(lane, 'blocked', event.t, { delay: event.delay, until: event.t + event.delay, line: event.line });
          horizon = Math.max(horizon, event.t + event.delay);
        }
        break;
      case 'task_done': {
        const done = by_name.get(event.task);
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
  }

  for (const fork of forks) if (gather_children.has(fork.to)) fork.kind = 'gather';
  const result_lanes = lanes.map((lane) => {
    const segments = lane.segments.slice();
    if (lane.open) segments.push({ ...lane.open, t1: now, open: true });
    return { name: lane.name, coro: lane.coro, index: lane.index, t0: lane.t0, segments, done: lane.done };
  });
  const arrows = [];
  for (const lane of result_lanes) {
    for (const segment of lane.segments) {
      if (segment.kind !== 'wait') continue;
      for (const target of segment.targets) {
        if (by_name.has(target)) arrows.push({ from: lane.name, to: target, t: segment.t0, on: segment.on });
      }
    }
  }
  return {
    lanes: result_lanes,
    forks: forks.filter((fork) => by_name.has(fork.to)),
    arrows,
    now,
    horizon,
  };
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
