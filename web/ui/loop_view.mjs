// The event loop panel: loop state, the task running now, the ready queue and the pending timers.

import { format_seconds } from '../lib/format.mjs';
import { callback_task } from '../lib/timeline.mjs';

function chip(text, colour, attributes = {}) {
  const li = document.createElement('li');
  li.className = 'chip';
  if (colour) li.style.setProperty('--lane', colour);
  else li.classList.add('plain');
  for (const [key, value] of Object.entries(attributes)) li.dataset[key] = value;
  li.textContent = text;
  return li;
}

export function draw_loop(elements, state, colour_of) {
  const loop = state.loop;
  elements.state.dataset.state = loop.state;
  elements.state.textContent = loop.id === null ? 'no loop yet' : `loop ${loop.id}: ${loop.state}`;
  const running = state.running ? state.tasks.get(state.running) : null;
  elements.running.textContent = running ? `${running.name} · ${running.coro}()` : loop.state === 'running' ? 'no task — the loop picks what runs next' : '—';
  elements.ready.replaceChildren(...state.ready.map((h) => chip(h.callback, colour_of(callback_task(h.callback)), { handle: h.handle })));
  if (!state.ready.length) elements.ready.append(chip('empty', null, { empty: 'true' }));
  elements.timers.replaceChildren(...state.timers.map((h) => chip(`due ${format_seconds(h.when)} → ${h.task ?? 'callback'}`, colour_of(h.task), { handle: h.handle, when: h.when })));
  if (!state.timers.length) elements.timers.append(chip('none', null, { empty: 'true' }));
}
