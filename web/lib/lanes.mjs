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
// Lanes read as a tree: a task's lane goes right after the last descendant of the task that created
// it (`row`, `depth`, `parent`), so rows only ever shift down as tasks appear. Around the lanes: the
// TaskGroups (`boxes` of kind `taskgroup`, their members from the group's `primitive_state` snapshots and the tasks
// `group.create_task` made) and the gathers (kind `gather`, the children an `await gather` names), the
// cancellation requests (`cancels`: from the lane of the task that asked, or from what asked when no
// task did), where a CancelledError surfaced on a lane, and the `Timeout` deadlines (`deadlines`, on
// the lane of the task a timeout guards, at its current `when`). Each lane's state at the step
// (pending, running, waiting, done, cancelled, failed) is what its open segment and end say.
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
    this.order = []; // the lanes in tree order
    this.cancels = []; // task_cancel_requested, in order: only ever appended
    this.live_gathers = new Map(); // await gather's seq → its state, until the awaiting task resumes
    this.closed_gathers = []; // gathers awaited to the end: only ever appended
    this.kinds = []; // a primitive's kind (Queue, Lock …) by its id: set once, when it is made
    this.live_wait_fors = new Map(); // wait_for's timer handle → its deadline, until it fires or is cancelled
    this.live_groups = new Map(); // TaskGroup id → its state, while it has a block
    this.closed_groups = []; // TaskGroups whose block is over: only ever appended
    this.live_timeouts = new Map(); // Timeout id → its state, until it finishes or expires
    this.closed_timeouts = []; // only ever appended
    this.last_created = null; // the task the latest task_created made, for the TaskGroup that adds it
    this.rows_cache = null; // gathers' rows while the lanes stay the same (not part of a snapshot)
    this.now = 0;
    this.horizon = 0;
  }

  // A new lane goes after the last descendant of its parent (a root after every lane)
  add_lane(lane, parent) {
    this.lanes.push(lane);
    this.by_name.set(lane.name, lane);
    if (!parent) {
      this.order.push(lane);
      return;
    }
    lane.parent = parent.name;
    lane.parent_index = parent.index;
    lane.depth = parent.depth + 1;
    const at = this.order.indexOf(parent) + parent.subtree;
    if (at === this.order.length) this.order.push(lane);
    else this.order.splice(at, 0, lane);
    for (let up = parent; up; up = up.parent_index === null ? null : this.lanes[up.parent_index]) up.subtree += 1;
  }

  apply(event) {
    this.now = event.t;
    this.horizon = Math.max(this.horizon, event.t);
    const lane = event.task ? this.by_name.get(event.task) : event.thread ? this.by_name.get(thread_lane(event.thread)) : undefined;
    switch (event.kind) {
      case 'timer_scheduled':
        this.horizon = Math.max(this.horizon, event.when);
        // asyncio.wait_for's deadline: the timer it schedules (call_later(timeout, _release_waiter, …))
        // in the step that began awaiting it
        if (lane && lane.wait_for_begun && event.callback?.startsWith('_release_waiter')) {
          lane.wait_for_begun = false;
          this.live_wait_fors.set(event.handle, {
            id: event.handle, kind: 'wait_for', t0: event.t, t1: null, line: event.line, phase: 'active', when: event.when, delay: event.delay, task: lane.name, moves: 0,
          });
        }
        break;
      case 'timer_fired':
      case 'timer_cancelled': {
        const deadline = this.live_wait_fors.get(event.handle);
        if (deadline) {
          this.live_wait_fors.delete(event.handle);
          this.closed_timeouts.push({ ...deadline, t1: event.t, phase: event.kind === 'timer_fired' ? 'expired' : 'finished' });
        }
        break;
      }
      case 'thread_started': {
        const name = thread_lane(event.thread);
        this.add_lane(new_lane(name, 'thread', this.lanes.length, event.t, event.thread), null);
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
        const created = new_lane(event.target, event.coro, this.lanes.length, event.t);
        // Which step of which task made it, and at which line: a gather awaited there made it
        created.made_in = lane ? lane.step : null;
        created.made_at = event.line;
        this.add_lane(created, event.task ? lane ?? null : null);
        this.last_created = event.target;
        open_segment(created, 'ready', event.t);
        this.forks.push({ from: event.task, to: event.target, t: event.t, line: event.line, kind: event.task ? 'create_task' : 'asyncio.run' });
        break;
      }
      case 'step_begin':
        if (lane) {
          lane.step = event.seq;
          // What it waits on next is what it joins in this step (a task made straight on a library
          // coroutine makes no await_begin of its own)
          lane.waits_on = null;
          open_segment(lane, 'run', event.t, { line: event.line });
        }
        break;
      case 'await_begin':
        if (event.on === 'gather') this.gather_begin(event, lane);
        if (lane) {
          lane.pending_await = event;
          lane.waits_on = null;
          if (event.on === 'coroutine' && event.target === 'wait_for') lane.wait_for_begun = true;
        }
        break;
      case 'await_end':
        if (lane && is_cancelled_error(event.error)) lane.surfaced.push({ t: event.t, line: event.line, seq: event.seq });
        // Nothing of the awaiting task runs inside a gather: its next await_end is the gather's
        if (lane && lane.gather !== null) this.gather_end(lane, event.t);
        break;
      case 'task_cancel_requested':
        this.cancels.push({
          seq: event.seq, t: event.t, from: event.task ?? null, to: event.target, cause: event.cause ?? null,
          primitive: event.primitive ?? null, message: event.message ?? null, line: event.line,
        });
        break;
      case 'primitive_created':
      case 'primitive_state':
        this.primitive(event);
        break;
      case 'step_end':
        if (lane) this.step_end(lane, event);
        break;
      case 'handle_queued': {
        const woken = this.by_name.get(callback_task(event.callback));
        if (woken && woken.open && woken.open.kind !== 'ready' && woken.open.kind !== 'run') open_segment(woken, 'ready', event.t);
        break;
      }
      case 'blocking_sleep':
        if (lane && lane.thread) {
          open_segment(lane, 'worker_sleep', event.t, { delay: event.delay, until: event.t + event.delay, line: event.line, callback: lane.open?.callback });
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
          if (done.gather !== null) this.gather_end(done, event.t);
          done.done = { t: event.t, status: event.status, result: event.result ?? null, error: event.error ?? null };
        }
        break;
      }
      default:
        break;
    }
    if (lane && lane.open && lane.open.kind === 'blocked' && event.kind !== 'blocking_sleep') open_segment(lane, 'run', event.t);
    // A worker thread's next event after its time.sleep: it runs again
    if (lane && lane.thread && lane.open && lane.open.kind === 'worker_sleep' && event.kind !== 'blocking_sleep' && event.kind !== 'thread_run_end') {
      open_segment(lane, 'run', event.t, { callback: lane.open.callback });
    }
  }

  // An await on gather: its bracket, and the children it made itself (a fork of kind gather): those
  // made in this same step at this line. The events do not say who made a task; a task made earlier,
  // or on another line, is drawn as made by create_task, whatever made it.
  gather_begin(event, lane) {
    const children = event.children ?? [];
    for (const child of children) {
      const made = this.by_name.get(child);
      if (made && lane && made.parent === lane.name && made.made_in === lane.step && made.made_at === event.line) this.gather_children.add(child);
    }
    if (!lane) return;
    if (lane.gather !== null) this.gather_end(lane, event.t);
    lane.gather = event.seq;
    this.live_gathers.set(event.seq, { seq: event.seq, t: event.t, t1: null, task: event.task, line: event.line, children });
  }

  gather_end(lane, t) {
    const gather = this.live_gathers.get(lane.gather);
    lane.gather = null;
    if (!gather) return;
    this.live_gathers.delete(gather.seq);
    this.closed_gathers.push({ ...gather, t1: t });
  }

  // TaskGroups and Timeouts: the live ones change in place, a finished one is frozen and kept; what a
  // task waiting on a primitive waits on (it is listed among the primitive's waiters in its own step)
  primitive(event) {
    const id = event.primitive;
    const snapshot = event.snapshot ?? {};
    const created = event.kind === 'primitive_created';
    if (created) this.kinds[id] = event.target;
    const waiter = event.task ? this.by_name.get(event.task) : undefined;
    if (waiter && waits_in(snapshot, waiter.name)) waiter.waits_on = id;
    if (created && event.target === 'TaskGroup') {
      this.live_groups.set(id, { id, t0: event.t, t1: null, line: event.line, phase: snapshot.phase, task: snapshot.task ?? null, members: [], known: new Set(), count: 0, errors: 0 });
    } else if (created && event.target === 'Timeout') {
      this.live_timeouts.set(id, { id, t0: event.t, t1: null, line: event.line, phase: snapshot.phase, when: snapshot.when ?? null, task: snapshot.task ?? null, moves: 0 });
    }
    const group = this.live_groups.get(id);
    if (group) {
      const count = snapshot.members_count ?? 0;
      // group.create_task: the task just made joins the group (it may be past the snapshot's first 20)
      const join = (member) => {
        if (group.known.has(member)) return;
        group.known.add(member);
        group.members.push(member);
      };
      if (!created && count > group.count && this.last_created) join(this.last_created);
      for (const member of snapshot.members ?? []) join(member);
      Object.assign(group, { phase: snapshot.phase, task: snapshot.task ?? group.task, count, errors: snapshot.errors ?? 0 });
      // Its block is over (or aborting: no task can join any more) and its last member is done
      if ((snapshot.phase === 'exiting' || snapshot.phase === 'cancelling') && count === 0) {
        group.t1 = event.t;
        delete group.known;
        this.live_groups.delete(id);
        this.closed_groups.push(group);
      }
      return;
    }
    const timeout = this.live_timeouts.get(id);
    if (timeout) {
      const when = snapshot.when ?? null;
      if (!created && when !== timeout.when) timeout.moves += 1;
      Object.assign(timeout, { phase: snapshot.phase, when, task: snapshot.task ?? timeout.task });
      if (when !== null) this.horizon = Math.max(this.horizon, when);
      if (snapshot.phase === 'expired' || snapshot.phase === 'finished') {
        timeout.t1 = event.t;
        this.live_timeouts.delete(id);
        this.closed_timeouts.push(timeout);
      }
    }
  }

  step_end(lane, event) {
    lane.wait_for_begun = false;
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
        // What it waits on, as the events name it: the coroutine awaited, and the primitive whose
        // waiters list it (a task made of Queue.put itself has no await of its own)
        const primitive = lane.waits_on;
        open_segment(lane, 'wait', event.t, {
          on: on.on, targets: [], line: event.line, target: on.on === 'coroutine' ? on.target ?? null : null,
          primitive, primitive_kind: primitive === null ? null : this.kinds[primitive] ?? null,
        });
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
      lanes: this.lanes.map((lane) => ({ ...lane, segment_count: lane.segments.length, wait_count: lane.waits.length, surfaced_count: lane.surfaced.length, open: lane.open && { ...lane.open } })),
      forks: this.forks,
      fork_count: this.forks.length,
      gather_children: [...this.gather_children],
      order: this.order.map((lane) => lane.index),
      cancels: this.cancels,
      cancel_count: this.cancels.length,
      live_gathers: [...this.live_gathers.values()],
      closed_gathers: this.closed_gathers,
      closed_gather_count: this.closed_gathers.length,
      kinds: this.kinds,
      kind_count: this.kinds.length,
      live_wait_fors: [...this.live_wait_fors.values()],
      live_groups: [...this.live_groups.values()].map(({ known, ...group }) => ({ ...group, members: [...group.members] })),
      closed_groups: this.closed_groups,
      closed_group_count: this.closed_groups.length,
      live_timeouts: [...this.live_timeouts.values()].map((timeout) => ({ ...timeout })),
      closed_timeouts: this.closed_timeouts,
      closed_timeout_count: this.closed_timeouts.length,
      last_created: this.last_created,
      now: this.now,
      horizon: this.horizon,
    };
  }

  // A builder that continues from a snapshot, with arrays of its own.
  static restore(snapshot) {
    const builder = new lane_builder({ include_internal: snapshot.include_internal });
    builder.lanes = snapshot.lanes.map(({ segment_count, wait_count, surfaced_count, ...lane }) => ({
      ...lane, segments: lane.segments.slice(0, segment_count), waits: lane.waits.slice(0, wait_count),
      surfaced: lane.surfaced.slice(0, surfaced_count), open: lane.open && { ...lane.open },
    }));
    for (const lane of builder.lanes) builder.by_name.set(lane.name, lane);
    builder.forks = snapshot.forks.slice(0, snapshot.fork_count);
    builder.gather_children = new Set(snapshot.gather_children);
    builder.order = snapshot.order.map((index) => builder.lanes[index]);
    builder.cancels = snapshot.cancels.slice(0, snapshot.cancel_count);
    builder.live_gathers = new Map(snapshot.live_gathers.map((gather) => [gather.seq, gather]));
    builder.closed_gathers = snapshot.closed_gathers.slice(0, snapshot.closed_gather_count);
    builder.kinds = snapshot.kinds.slice(0, snapshot.kind_count);
    builder.live_wait_fors = new Map(snapshot.live_wait_fors.map((deadline) => [deadline.id, deadline]));
    builder.live_groups = new Map(snapshot.live_groups.map((group) => [group.id, { ...group, members: [...group.members], known: new Set(group.members) }]));
    builder.closed_groups = snapshot.closed_groups.slice(0, snapshot.closed_group_count);
    builder.live_timeouts = new Map(snapshot.live_timeouts.map((timeout) => [timeout.id, { ...timeout }]));
    builder.closed_timeouts = snapshot.closed_timeouts.slice(0, snapshot.closed_timeout_count);
    builder.last_created = snapshot.last_created;
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
      row: 0,
      depth: lane.depth,
      parent: lane.parent,
      t0: lane.t0,
      segments: lane.segments,
      open: lane.open ? { ...lane.open, t1: now, open: true } : null,
      done: lane.done,
      state: lane_state(lane),
      surfaced: lane.surfaced,
    }));
    for (let row = 0; row < this.order.length; row += 1) lanes[this.order[row].index].row = row;
    const arrows = [];
    for (const lane of lanes) {
      if (lane.open?.kind === 'wait') push_arrows(arrows, lane, lane.open, this.by_name);
      for (let i = Math.max(0, lane.waits.length - max_closed_arrows); i < lane.waits.length; i += 1) {
        push_arrows(arrows, lane, lane.segments[lane.waits[i]], this.by_name);
      }
    }
    const forks = this.forks.map((fork) => ({ ...fork, kind: this.gather_children.has(fork.to) ? 'gather' : fork.kind }));
    const row_of = (name) => {
      const lane = this.by_name.get(name);
      return lane ? lanes[lane.index].row : undefined;
    };
    return {
      lanes, forks: forks.filter((fork) => this.by_name.has(fork.to)), arrows, now, horizon: this.horizon,
      boxes: [...this.taskgroup_boxes(row_of), ...this.gather_boxes(row_of)],
      cancels: this.cancel_arrows(),
      deadlines: this.deadline_marks(),
    };
  }

  // TaskGroups around their members' rows: the latest that ended, then the live ones
  taskgroup_boxes(row_of) {
    const boxes = [];
    const groups = [...this.closed_groups.slice(-max_boxes), ...this.live_groups.values()];
    for (const group of groups) {
      let first_row = Infinity;
      let last_row = -Infinity;
      for (const member of group.members) {
        const row = row_of(member);
        if (row === undefined) continue;
        first_row = Math.min(first_row, row);
        last_row = Math.max(last_row, row);
      }
      if (first_row === Infinity) continue;
      boxes.push({
        kind: 'taskgroup', id: group.id, label: `TaskGroup #${group.id}`, task: group.task, t0: group.t0, t1: group.t1 ?? this.now,
        open: group.t1 === null, phase: group.phase, members: group.members, count: group.count, errors: group.errors, first_row, last_row,
      });
    }
    return boxes;
  }

  // Gathers: brackets from when the gather was awaited until the awaiting task resumed (or now),
  // around the rows of its children only: one bracket per run of neighbouring rows
  gather_boxes(row_of) {
    const boxes = [];
    const live = [...this.live_gathers.values()];
    for (const gather of [...this.closed_gathers.slice(-max_boxes), ...live.slice(-max_boxes)]) {
      const rows = this.gather_rows(gather, row_of);
      if (!rows) continue;
      boxes.push({
        kind: 'gather', id: gather.seq, label: gather.task ? `gather · ${gather.task}` : 'gather', task: gather.task, t0: gather.t, t1: gather.t1 ?? this.now,
        open: gather.t1 === null, members: gather.children, count: gather.children.length, ...rows,
      });
    }
    return boxes;
  }

  // The rows of a gather's children as runs of neighbouring rows; they change only when a lane is
  // added, so a frame of a gather over thousands of tasks does not sort them again
  gather_rows(gather, row_of) {
    if (this.rows_cache?.lanes !== this.lanes.length) this.rows_cache = { lanes: this.lanes.length, of: new Map() };
    let rows = this.rows_cache.of.get(gather.seq);
    if (rows !== undefined) return rows;
    const found = [];
    for (const child of gather.children) {
      const row = row_of(child);
      if (row !== undefined) found.push(row);
    }
    rows = null;
    if (found.length > 0) {
      found.sort((a, b) => a - b);
      const runs = [];
      for (const row of found) {
        const last = runs[runs.length - 1];
        // Past the bound, the last bracket stretches over the rest: every child stays inside one
        if (last && (row <= last[1] + 1 || runs.length >= max_runs)) last[1] = row;
        else runs.push([row, row]);
      }
      rows = { first_row: found[0], last_row: found[found.length - 1], runs };
    }
    this.rows_cache.of.set(gather.seq, rows);
    return rows;
  }

  // The latest cancellation requests whose task has a lane: from the asking task's lane, or from a
  // mark that names the cause
  cancel_arrows() {
    const arrows = [];
    for (const cancel of this.cancels.slice(-max_cancel_arrows)) {
      if (!this.by_name.has(cancel.to)) continue;
      const from = cancel.from && this.by_name.has(cancel.from) ? cancel.from : null;
      arrows.push({ ...cancel, from, cause_label: cause_label(cancel) });
    }
    return arrows;
  }

  // Timeouts and wait_fors that guard a task with a lane, at their deadline as it is now. The time
  // the block had (`span_t1`) ends at the deadline, or where the block ended in time.
  deadline_marks() {
    const marks = [];
    const live = [...this.live_timeouts.values(), ...this.live_wait_fors.values()];
    for (const timeout of [...this.closed_timeouts.slice(-max_deadlines), ...live.slice(-max_deadlines)]) {
      if (timeout.when === null || !timeout.task || !this.by_name.has(timeout.task)) continue;
      const label = timeout.kind === 'wait_for' ? `wait_for ${timeout.delay} s` : `timeout #${timeout.id}`;
      const span_t1 = timeout.phase === 'finished' ? Math.min(timeout.t1, timeout.when) : timeout.when;
      marks.push({ ...timeout, kind: timeout.kind ?? 'timeout', label, span_t1 });
    }
    return marks;
  }
}

function new_lane(name, coro, index, t0, thread) {
  return {
    name, coro, thread, index, t0, parent: null, parent_index: null, depth: 0, subtree: 1,
    segments: [], waits: [], surfaced: [], open: null, done: null, pending_await: null,
    step: null, made_in: null, made_at: null, gather: null, waits_on: null, wait_for_begun: false,
  };
}

// A lane's state at the current step, from what its events say
function lane_state(lane) {
  if (lane.done) return lane.done.status === 'result' ? 'done' : lane.done.status === 'cancelled' ? 'cancelled' : 'failed';
  switch (lane.open?.kind) {
    case 'ready': return 'pending';
    case 'sleep': return 'waiting';
    case 'worker_sleep': return 'running';
    case 'wait': return 'waiting';
    case 'run':
    case 'blocked': return 'running';
    default: return lane.thread ? 'idle' : 'running';
  }
}

// What asked for a cancellation, when no task did (or as well as the task that did)
export function cause_label(cancel) {
  switch (cancel.cause) {
    case 'timeout': return `timeout #${cancel.primitive}`;
    case 'taskgroup': return `TaskGroup #${cancel.primitive}`;
    case 'wait_for':
    case 'gather':
    case 'asyncio.run': return cancel.cause;
    default: return 'cancel()';
  }
}

// Boxes, cancel arrows and deadlines drawn at most: the latest ones
const max_boxes = 64;
const max_runs = 64; // brackets of one gather whose children's rows are apart
const max_cancel_arrows = 64;
const max_deadlines = 64;

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

// What a wait segment says it waits on: `await Queue.get (#2)`, `await Lock.acquire (#1)` for an
// `async with lock`, `await gather(Task-2, Task-3)`; only what the events name
export function wait_label(segment) {
  if (segment.on === 'gather') return `await gather(${segment.targets.length > 4 ? `${segment.targets.length} tasks` : segment.targets.join(', ')})`;
  if (segment.on === 'task') return `await ${segment.targets[0]}`;
  const kind = segment.primitive_kind;
  const id = segment.primitive === null || segment.primitive === undefined ? '' : ` (#${segment.primitive})`;
  let what = segment.target ?? null;
  if (kind && (what === null || what.startsWith('_ContextManagerMixin.'))) what = what === null ? kind : `${kind}.acquire`;
  if (what === null) return `await ${segment.on}`;
  return `await ${what}${id}`;
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

// Whether a primitive's snapshot lists `task` among the tasks waiting on it
function waits_in(snapshot, task) {
  return snapshot.waiters?.includes(task) || snapshot.getters?.includes(task) || snapshot.putters?.includes(task) || false;
}

// `CancelledError` or `asyncio.exceptions.CancelledError`, as the error's type is written
function is_cancelled_error(error) {
  return error?.type === 'CancelledError' || error?.type?.endsWith('.CancelledError') === true;
}
