// What a permalink opens, and the permalink of what is on screen (lib/permalink.mjs encodes it).

import { speeds } from './format.mjs';

// The page a link asks for, checked against the server's catalog: { notices, speed, replay, mode,
// step, seed (when the link has one), and either source (the user's own code) or scenario (a catalog id) }. What the catalog does
// not have falls back to the default example, or the catalog's first.
export function opening(link, catalog, default_example) {
  const has = (id) => catalog.some((s) => s.id === id);
  const plan = { notices: [], mode: link.mode ?? 'explore', step: link.step };
  if (link.seed !== undefined) plan.seed = link.seed;
  if (link.error) plan.notices.push(link.error);
  plan.speed = link.speed !== undefined && (speeds.includes(link.speed) || link.speed === 'instant') ? link.speed : 1;
  plan.replay = link.replay ?? 1;
  if (link.source !== undefined) {
    plan.source = link.source;
  } else {
    plan.scenario = link.scenario && has(link.scenario) ? link.scenario : has(default_example) ? default_example : catalog[0]?.id;
    if (link.scenario && !has(link.scenario)) plan.notices.push(`The link names an example this server does not have ("${link.scenario}").`);
  }
  return plan;
}

// The view to put in the address bar: the settings every mode shares and the mode's own part
// ({ scenario | source | compare, step }).
export function page_view({ mode, speed, replay_speed }, mode_part) {
  const view = { speed, mode, ...mode_part };
  if (replay_speed !== 1) view.replay = replay_speed;
  return view;
}
