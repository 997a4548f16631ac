// asyncio's primitives (Queue, Lock, Event, Semaphore, Condition, Barrier, Timeout, TaskGroup) as the
// events announce them: `primitive_created`, then `primitive_state` with the whole new `snapshot`.
//
// The state keeps one entry per primitive in a Map (creation order, as ids only grow). An entry is
// never changed once made: a new snapshot makes a new entry, so a checkpoint of the timeline copies
// the Map and shares its entries.

export const queue_kinds = new Set(['Queue', 'LifoQueue', 'PriorityQueue']);

export function empty_primitives() {
  return new Map();
}

export function copy_primitives(primitives) {
  return new Map(primitives);
}

// Folds one event into `primitives` (a Map id → entry); other kinds are left alone.
export function apply_primitive(primitives, event) {
  if (event.kind === 'primitive_created') {
    primitives.set(event.primitive, {
      id: event.primitive,
      kind: event.target,
      line: event.line ?? null,
      created_seq: event.seq,
      seq: event.seq,
      snapshot: event.snapshot ?? {},
    });
  } else if (event.kind === 'primitive_state') {
    const entry = primitives.get(event.primitive);
    if (entry) primitives.set(event.primitive, { ...entry, seq: event.seq, snapshot: event.snapshot ?? {} });
  }
}

// Which primitive a panel lights: the one under the pointer, or the one pinned by a click (it wins).
// `set({ hover: id | null })` as the pointer moves, `set({ pin: id })` on a click (a second click on
// the pinned one unpins it); `at(primitives)`: the lit one's id, whether pinned, its entry and the
// tasks its state names, from a state's primitives table, or null when none is lit or it is not made yet.
export class primitive_light {
  constructor() {
    this.hover = null;
    this.pinned = null;
  }

  set({ hover, pin }) {
    if (hover !== undefined) this.hover = hover;
    if (pin !== undefined) this.pinned = this.pinned === pin ? null : pin;
  }

  at(primitives) {
    const id = this.pinned ?? this.hover;
    const entry = id === null ? undefined : primitives.get(id);
    if (!entry) return null;
    return { id, pinned: this.pinned === id, tasks: new Set(tasks_of(entry).map((t) => t.task)) };
  }
}

// The tasks a primitive's snapshot names, each with its role: the holder or owner first, then the
// tasks waiting on it in the order they will be woken. Only what the snapshot says.
export function tasks_of(entry) {
  const s = entry.snapshot;
  const roles = [];
  const add = (name, role) => { if (name) roles.push({ task: name, role }); };
  switch (entry.kind) {
    case 'Lock':
    case 'Condition':
      add(s.holder, 'holds');
      break;
    case 'Timeout':
      add(s.task, 'guarded');
      break;
    case 'TaskGroup':
      add(s.task, 'owner');
      for (const name of s.members ?? []) add(name, 'member');
      break;
    default:
      break;
  }
  for (const name of s.waiters ?? []) add(name, 'waits');
  for (const name of s.getters ?? []) add(name, 'gets');
  for (const name of s.putters ?? []) add(name, 'puts');
  return roles;
}

// The source lines of a run's primitive events, per primitive: id → Map(line → first seq). Events only
// ever append, so this grows with the run and needs no checkpoints; `lines_at` reads it at a seq.
export class primitive_lines {
  constructor() {
    this.by_id = new Map();
  }

  // `index`: the event's place in the run (its seq; the page's state_at counts places).
  add(event, index) {
    if (event.kind !== 'primitive_created' && event.kind !== 'primitive_state') return;
    if (event.line === null || event.line === undefined) return;
    let lines = this.by_id.get(event.primitive);
    if (!lines) {
      lines = new Map();
      this.by_id.set(event.primitive, lines);
    }
    if (!lines.has(event.line)) lines.set(event.line, index);
  }

  // The lines that primitive `id`'s events were at, up to and including the event `seq`, ascending.
  lines_at(id, seq) {
    const lines = this.by_id.get(id);
    if (!lines) return [];
    const shown = [];
    for (const [line, first] of lines) if (first <= seq) shown.push(line);
    return shown.sort((a, b) => a - b);
  }
}

// Entries never change, so a card made once for an entry is kept for every later frame.
const cards_made = new WeakMap();

// What the primitives panel shows: the first `max` primitives (creation order) and how many more.
// Each card: kind, id, line, and its fields as the snapshot table of protocol/README.md gives them.
export function primitives_panel(primitives, max) {
  const cards = [];
  for (const entry of primitives.values()) {
    if (cards.length >= max) break;
    let card = cards_made.get(entry);
    if (!card) {
      card = card_of(entry);
      cards_made.set(entry, card);
    }
    cards.push(card);
  }
  return { cards, more: primitives.size - cards.length, total: primitives.size };
}

// The most tasks a snapshot lists in `waiters`, `getters`, `putters`, `members` (protocol/README.md).
export const listed_on_wire = 20;

// A list of task names from a snapshot and the wait queue's whole length. The list leaves out the
// waiters that were woken but have not run yet, and the count keeps them: when the list is shorter
// than the wire's bound, the difference is exactly those (`woken`); at the bound it may also be
// waiters not listed (`more`).
function waiting(names, count) {
  const list = names ?? [];
  const rest = Math.max(0, (count ?? list.length) - list.length);
  return list.length < listed_on_wire ? { tasks: list, more: 0, woken: rest } : { tasks: list, more: rest, woken: 0 };
}

function card_of(entry) {
  const s = entry.snapshot;
  const card = { id: entry.id, kind: entry.kind, line: entry.line, seq: entry.seq, state: '', alert: false, facts: [], lists: [] };
  switch (entry.kind) {
    case 'Queue':
    case 'LifoQueue':
    case 'PriorityQueue': {
      const items = s.items ?? [];
      card.state = `${s.size ?? items.length}${s.maxsize ? ` / ${s.maxsize}` : ''} item${s.size === 1 ? '' : 's'}`;
      card.facts.push(['size', s.maxsize ? `${s.size} of ${s.maxsize}` : `${s.size} (no maxsize)`], ['unfinished', String(s.unfinished ?? 0)]);
      const order = entry.kind === 'Queue' ? 'next first' : entry.kind === 'LifoQueue' ? 'next last' : 'heap order';
      card.lists.push({ name: 'items', hint: order, items, more: Math.max(0, (s.size ?? items.length) - items.length), woken: 0 });
      card.lists.push({ name: 'getters', ...waiting(s.getters, s.getters_count) });
      card.lists.push({ name: 'putters', ...waiting(s.putters, s.putters_count) });
      break;
    }
    case 'Lock':
      card.state = s.locked ? 'locked' : 'unlocked';
      card.facts.push(['holder', s.holder ? { task: s.holder } : '—']);
      card.lists.push({ name: 'waiters', ...waiting(s.waiters, s.waiters_count) });
      break;
    case 'Event':
      card.state = s.set ? 'set' : 'not set';
      card.lists.push({ name: 'waiters', ...waiting(s.waiters, s.waiters_count) });
      break;
    case 'Semaphore':
    case 'BoundedSemaphore':
      card.state = s.value === undefined ? 'value too large to show' : `value ${s.value}`;
      card.lists.push({ name: 'waiters', ...waiting(s.waiters, s.waiters_count) });
      break;
    case 'Condition':
      card.state = s.locked ? 'locked' : 'unlocked';
      card.facts.push(['holder', s.holder ? { task: s.holder } : '—']);
      if (s.lock !== undefined && s.lock !== null) card.facts.push(['lock', `#${s.lock}`]);
      card.lists.push({ name: 'waiters', hint: 'in wait()', ...waiting(s.waiters, s.waiters_count) });
      break;
    case 'Barrier':
      card.state = s.phase ?? '';
      card.alert = s.phase === 'broken';
      card.facts.push(['inside', `${s.count ?? 0} of ${s.parties ?? '?'}`]);
      card.lists.push({ name: 'waiters', ...waiting(s.waiters, s.waiters_count) });
      break;
    case 'Timeout':
      card.state = s.phase ?? '';
      card.alert = s.phase === 'expiring' || s.phase === 'expired';
      card.facts.push(['deadline', s.when === null || s.when === undefined ? 'none' : { seconds: s.when }], ['guards', s.task ? { task: s.task } : '—']);
      break;
    case 'TaskGroup':
      card.state = s.phase ?? '';
      card.alert = s.phase === 'cancelling' || (s.errors ?? 0) > 0;
      card.facts.push(['owner', s.task ? { task: s.task } : '—'], ['errors', String(s.errors ?? 0)]);
      card.lists.push({ name: 'members', hint: 'not done', tasks: s.members ?? [], more: Math.max(0, (s.members_count ?? 0) - (s.members ?? []).length), woken: 0 });
      break;
    default:
      card.state = '';
      break;
  }
  return card;
}
