// The primitives panel: every asyncio primitive the run has made by the cursor (lib/primitives.mjs
// makes the cards), one card each: its kind, #id and line, its state, and its tasks as chips in their
// lanes' colours. Hovering a card, or clicking it (pinned until clicked again), lights it: the mode
// then lights the lines its events were at and the lanes of its tasks.

import { format_seconds } from '../lib/format.mjs';
import { chip } from './loop_view.mjs';

// As many chips as the loop panel shows in one list (a wait queue on the wire holds at most 20).
const max_chips = 40;

function chips(items, make) {
  const list = document.createElement('ol');
  list.className = 'chips';
  const shown = items.slice(0, max_chips).map(make);
  list.append(...shown);
  return list;
}

function more_chip(count) {
  return chip(`… ${count} more`, null, { more: String(count) });
}

function task_chip(name, colour_of) {
  return chip(name, colour_of(name), { task: name });
}

// A fact's value: text, a task's chip, or program seconds.
function value_of(value, colour_of) {
  if (value && typeof value === 'object' && 'task' in value) {
    const list = document.createElement('ol');
    list.className = 'chips inline';
    list.append(task_chip(value.task, colour_of));
    return list;
  }
  const span = document.createElement('span');
  span.textContent = value && typeof value === 'object' && 'seconds' in value ? format_seconds(value.seconds) : String(value);
  return span;
}

function card_node(card, colour_of, lit) {
  const li = document.createElement('li');
  li.className = 'primitive';
  li.tabIndex = 0;
  li.setAttribute('role', 'button');
  li.setAttribute('aria-pressed', String(lit === 'pinned'));
  li.dataset.primitive = String(card.id);
  li.dataset.kind = card.kind;
  li.dataset.state = card.state;
  if (card.alert) li.dataset.alert = 'true';
  if (lit) li.dataset.lit = lit;
  li.title = 'Hover or click: light the lines that use it and the lanes of its tasks';

  const head = document.createElement('div');
  head.className = 'primitive-head';
  const kind = document.createElement('strong');
  kind.textContent = card.kind;
  const id = document.createElement('span');
  id.className = 'primitive-id';
  id.textContent = `#${card.id}`;
  const state = document.createElement('span');
  state.className = 'primitive-state';
  state.textContent = card.state;
  const line = document.createElement('span');
  line.className = 'primitive-line';
  line.textContent = card.line ? `line ${card.line}` : '';
  head.append(kind, id, state, line);
  li.append(head);

  if (card.facts.length) {
    const facts = document.createElement('dl');
    facts.className = 'primitive-facts';
    for (const [name, value] of card.facts) {
      const dt = document.createElement('dt');
      dt.textContent = name;
      const dd = document.createElement('dd');
      dd.dataset.fact = name;
      dd.append(value_of(value, colour_of));
      facts.append(dt, dd);
    }
    li.append(facts);
  }
  for (const entry of card.lists) {
    const row = document.createElement('div');
    row.className = 'primitive-list';
    row.dataset.list = entry.name;
    const name = document.createElement('span');
    name.className = 'primitive-list-name';
    name.textContent = entry.hint ? `${entry.name} ` : entry.name;
    if (entry.hint) {
      const hint = document.createElement('span');
      hint.className = 'hint';
      hint.textContent = entry.hint;
      name.append(hint);
    }
    const make = entry.name === 'items' ? (text) => chip(text, null, { item: text }) : (task) => task_chip(task, colour_of);
    const list = chips(entry.items ?? entry.tasks, make);
    const hidden = Math.max(0, (entry.items ?? entry.tasks).length - max_chips) + entry.more;
    if (hidden) list.append(more_chip(hidden));
    if (entry.woken) list.append(chip(`${entry.woken} woken, not run yet`, null, { woken: String(entry.woken) }));
    if (!list.children.length) list.append(chip(entry.name === 'items' ? 'empty' : 'none', null, { empty: 'true' }));
    row.append(name, list);
    li.append(row);
  }
  return li;
}

export class primitives_view {
  // `list`: the panel's <ol>; `count`: where the total goes; `light({ hover } | { pin })`: the user
  // pointed at a card (id, or null when the pointer left) or clicked one.
  constructor(list, count, light) {
    this.list = list;
    this.count = count;
    this.drawn = null;
    const id_of = (event) => {
      const card = event.target.closest?.('[data-primitive]');
      return card ? Number(card.dataset.primitive) : null;
    };
    // Only a change of the card under the pointer asks for a draw
    let hovered = null;
    const hover = (id) => {
      if (id === hovered) return;
      hovered = id;
      light({ hover: id });
    };
    list.addEventListener('mouseover', (event) => hover(id_of(event)));
    list.addEventListener('mouseleave', () => hover(null));
    // The keyboard: a card with the focus is lit as one under the pointer; Enter or space pins it
    list.addEventListener('focusin', (event) => hover(id_of(event)));
    list.addEventListener('focusout', (event) => { if (!list.contains(event.relatedTarget)) hover(null); });
    list.addEventListener('click', (event) => {
      const id = id_of(event);
      if (id !== null) light({ pin: id });
    });
    list.addEventListener('keydown', (event) => {
      const id = id_of(event);
      if (id === null || (event.key !== 'Enter' && event.key !== ' ')) return;
      event.preventDefault();
      light({ pin: id });
    });
  }

  // panel: { cards, more, total } (primitives_panel); lit: { id, pinned } or null.
  paint({ primitives: panel, colour_of, lit }) {
    const lit_of = (card) => (lit && lit.id === card.id ? (lit.pinned ? 'pinned' : 'hover') : '');
    const lit_key = lit ? `${lit.id}${lit.pinned ? 'p' : ''}` : '';
    const drawn = this.drawn;
    const same = drawn && drawn.more === panel.more && drawn.cards.length === panel.cards.length && drawn.cards.every((card, i) => card === panel.cards[i]);
    if (same && drawn.lit === lit_key) return;
    if (same) {
      // Only the lighting changed: the cards stay (and keep the keyboard's focus)
      drawn.lit = lit_key;
      panel.cards.forEach((card, i) => {
        const node = this.list.children[i];
        if (lit_of(card)) node.dataset.lit = lit_of(card);
        else delete node.dataset.lit;
        node.setAttribute('aria-pressed', String(lit_of(card) === 'pinned'));
      });
      return;
    }
    this.drawn = { cards: panel.cards, more: panel.more, lit: lit_key };
    // A card with the keyboard's focus keeps it when the cards are made anew
    const focused = this.list.contains(document.activeElement) ? document.activeElement.dataset.primitive : undefined;
    const nodes = panel.cards.map((card) => card_node(card, colour_of, lit_of(card)));
    if (panel.more) {
      const more = document.createElement('li');
      more.className = 'primitive-more';
      more.dataset.more = String(panel.more);
      more.textContent = `… ${panel.more} more`;
      nodes.push(more);
    }
    this.list.replaceChildren(...nodes);
    if (focused !== undefined) this.list.querySelector(`[data-primitive="${focused}"]`)?.focus();
    this.list.dataset.empty = String(panel.total === 0);
    this.count.textContent = panel.total ? `· ${panel.total} made` : '';
  }
}

// Lights the lanes of `tasks` (a Set, or null for none) in a lanes SVG, dimming the others; in compare,
// an array of them, one per group of lanes (`[data-group]`, a side's), since both sides have a Task-1.
// Lanes are `g.lane[data-task]` (ui/lanes_view.mjs); they are marked again every frame while something
// is lit, since the lanes' drawing may have made them anew.
export function light_lanes(svg, tasks) {
  const per_group = Array.isArray(tasks) ? tasks : null;
  const lit = per_group ? per_group.some(Boolean) : Boolean(tasks);
  if (!lit && !svg.classList.contains('has-lit')) return;
  svg.classList.toggle('has-lit', lit);
  const mark = (root, set) => {
    for (const lane of root.querySelectorAll('g.lane')) lane.classList.toggle('lit', Boolean(set) && set.has(lane.dataset.task));
  };
  if (per_group) svg.querySelectorAll('[data-group]').forEach((root, i) => mark(root, per_group[i]));
  else mark(svg, tasks);
}
