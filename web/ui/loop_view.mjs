// The event loop panel: loop state, the task running now, the ready queue and the pending timers.

import { format_seconds } from '../lib/format.mjs';
import { callback_task, timer_label } from '../lib/asyncio_names.mjs';

export function chip(text, colour, attributes = {}) {
  const li = document.createElement('li');
  li.className = 'chip';
  if (colour) li.style.setProperty('--lane', colour);
  else li.classList.add('plain');
  for (const [key, value] of Object.entries(attributes)) li.dataset[key] = value;
  li.textContent = text;
  return li;
}

// A queue of thousands (a program with thousands of tasks) shows its front and a count of the rest.
const max_chips = 40;

function chips(list, items, make, empty) {
  const shown = items.slice(0, max_chips).map(make);
  if (items.length > max_chips) shown.push(chip(`… ${items.length - max_chips} more`, null, { more: String(items.length - max_chips) }));
  if (!items.length) shown.push(chip(empty, null, { empty: 'true' }));
  list.replaceChildren(...shown);
}

export function draw_loop(elements, state, colour_of) {
  const loop = state.loop;
  elements.state.dataset.state = loop.state;
  elements.state.textContent = loop.id === null ? 'no loop yet' : `loop ${loop.id}: ${loop.state}`;
  const running = state.running ? state.tasks.get(state.running) : null;
  elements.running.textContent = running ? `${running.name} · ${running.coro}()` : loop.state === 'running' ? 'no task — the loop picks what runs next' : '—';
  chips(elements.ready, state.ready, (h) => chip(h.callback, colour_of(callback_task(h.callback)), { handle: h.handle }), 'empty');
  chips(elements.timers, state.timers, (h) => {
    const label = timer_label(h);
    return chip(`due ${format_seconds(h.when)} → ${label.text}`, colour_of(label.task), { handle: h.handle, when: h.when });
  }, 'none');
}
