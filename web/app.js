// The page's entry point: connects to the server, runs programs, and redraws every panel on
// animation frames from the state at the chosen seq.

import { continue_sequence } from './lib/decoder.mjs';
import { timeline, line_marks } from './lib/timeline.mjs';
import { axis_end } from './lib/lanes.mjs';
import { merged_order } from './lib/compare.mjs';
import { format_seconds, format_speed, speeds, console_text } from './lib/format.mjs';
import { encode_permalink, decode_permalink } from './lib/permalink.mjs';
import { player } from './lib/player.mjs';
import { describe_event } from './lib/describe.mjs';
import { connection } from './ui/connection.mjs';
import { code_editor } from './ui/editor.mjs';
import { draw_lanes, lane_colour } from './ui/lanes_view.mjs';
import { console_view } from './ui/console_view.mjs';
import { draw_loop } from './ui/loop_view.mjs';
import { predict_view } from './ui/predict.mjs';

const $ = (id) => document.getElementById(id);
const own_program = '__own';
const default_example = 'interleaving';
const default_pair = ['sequential_awaited', 'gather'];
// A run's events stay in the page for time travel; past this many the run is stopped, so that a
// program that never ends cannot fill the tab's memory (about 100 bytes an event).
export const max_events_kept = 200_000;

const page = {
  catalog: [],
  limits: null,
  mode: 'explore',
  program: { scenario: default_example, source: '' },
  speed: 1,
  replay_speed: 1,
  runs: new Map(),
  explore_run: null,
  compare_runs: [null, null],
  compare_order: new merged_order(),
  predict_probe: null,
  run_counter: 0,
  cursor: new player(),
  compare_cursor: new player(),
  started: false,
  link: decode_permalink(location.hash),
  last_link: '',
  wanted_link: '',
  dirty: true,
};

// ---------------------------------------------------------------- connection and messages

const notices = $('notices');
function notify(text, kind = 'error') {
  const item = document.createElement('p');
  item.className = `notice ${kind}`;
  item.textContent = text;
  const close = Object.assign(document.createElement('button'), { type: 'button', className: 'icon tiny', textContent: '×', title: 'Dismiss' });
  close.addEventListener('click', () => item.remove());
  item.append(close);
  notices.append(item);
  while (notices.children.length > 4) notices.firstElementChild.remove();
}

const link = new connection({
  on_state(state, text) {
    const pill = $('connection');
    pill.dataset.state = state;
    pill.textContent = text;
    $('retry').hidden = state !== 'gone';
    if (state !== 'live') lose_live_runs();
    request_draw();
  },
  on_message: handle_message,
  on_protocol_error: (text) => notify(`The server sent something this page cannot read: ${text}`),
});
$('retry').addEventListener('click', () => link.retry());

// A run that was live when the connection dropped will send nothing more.
function lose_live_runs() {
  for (const run of page.runs.values()) {
    if (!run.finished) run.finished = { status: 'cancelled', reason: 'the connection to the server was lost', elapsed: run.timeline.head.t, lost: true };
  }
}

function handle_message(message) {
  switch (message.type) {
    case 'hello':
      page.catalog = message.scenarios;
      page.limits = message.limits;
      fill_pickers();
      if (!page.started) start_page();
      break;
    case 'events': {
      const run = page.runs.get(message.run);
      if (!run || run.overflowed) break;
      let events = message.events;
      if (run.timeline.length + events.length > max_events_kept) {
        events = events.slice(0, max_events_kept - run.timeline.length);
        overflow(run);
      }
      try {
        run.timeline.push(continue_sequence(run.timeline.length, events));
      } catch (error) {
        notify(`Run ${message.run}: ${error.message}`);
      }
      for (const event of events) run.horizon = Math.max(run.horizon, event.t, event.when ?? 0, event.t + (event.delay ?? 0));
      break;
    }
    case 'run_finished': {
      const run = page.runs.get(message.run);
      if (!run) break;
      run.finished = message;
      if (message.status === 'cancelled' && run.purpose === 'explore' && !run.cancelled_by_us) {
        notify(`The run was stopped: ${message.reason ?? 'cancelled'}.`, 'warning');
      }
      if (run === page.predict_probe) predict_probe_done(run);
      break;
    }
    case 'error': {
      const run = message.run ? page.runs.get(message.run) : undefined;
      if (run && message.code === 'syntax_error') {
        run.syntax_error = message;
      } else {
        notify(`The server refused: ${message.message} (${message.code})`);
      }
      break;
    }
    default:
      break;
  }
  request_draw();
}

// ---------------------------------------------------------------- programs and runs

function scenario(id) {
  return page.catalog.find((s) => s.id === id);
}

function fill_pickers() {
  const options = (selected) => [
    ...page.catalog.map((s) => new Option(s.title, s.id, false, s.id === selected)),
    new Option('Your own program', own_program, false, selected === own_program),
  ];
  $('program-picker').replaceChildren(...options(page.program.scenario ?? own_program));
  document.querySelectorAll('.compare-picker').forEach((picker, i) => {
    const current = picker.value || page.link.compare?.[i] || default_pair[i];
    picker.replaceChildren(...page.catalog.map((s) => new Option(s.title, s.id, false, s.id === current)));
  });
}

function show_program() {
  const entry = page.program.scenario ? scenario(page.program.scenario) : null;
  $('program-title').textContent = entry ? entry.title : 'Your own program';
  $('program-summary').textContent = entry ? entry.summary : 'Write any asyncio program in the editor and press Run. Errors show at their line.';
  $('program-notes').hidden = !entry;
  $('program-notes').querySelector('p').textContent = entry ? entry.notes : '';
  $('program-picker').value = page.program.scenario ?? own_program;
}

function select_program(id) {
  if (id === own_program) {
    page.program = { scenario: null, source: editor.text() };
  } else {
    const entry = scenario(id);
    if (!entry) return notify(`There is no example "${id}" in this server's catalog.`);
    page.program = { scenario: id, source: entry.source };
    editor.set_text(entry.source);
  }
  show_program();
  if (page.mode === 'predict') predict.reset('Press Run: the printed lines appear here shuffled.');
  request_draw();
}

function start_run(purpose, program, { speed = page.speed, virtual = false } = {}) {
  if (!link.live) {
    notify('Not connected to the server: the program cannot run until it is back.');
    return null;
  }
  page.run_counter += 1;
  const id = `${purpose}-${page.run_counter}`;
  const request = { type: 'run', run: id };
  if (program.scenario) request.scenario = program.scenario;
  else request.source = program.source;
  if (virtual || speed === 'instant') request.clock = 'virtual';
  else request.speed = speed;
  const run = { id, purpose, timeline: new timeline(), finished: null, syntax_error: null, source: program.source, scenario: program.scenario, horizon: 0 };
  page.runs.set(id, run);
  link.send(request);
  return run;
}

// A run past the page's bound: stopped at the server, its first events kept for time travel.
function overflow(run) {
  run.overflowed = true;
  run.cancelled_by_us = true;
  if (!run.finished && link.live) link.send({ type: 'cancel', run: run.id });
  if (run.purpose === 'probe') return; // predict mode says it in its own panel
  notify(`This run passed ${max_events_kept.toLocaleString('en')} events, as many as the page keeps for time travel: it was stopped there, and its first ${max_events_kept.toLocaleString('en')} events are here to explore. Fewer loop rounds or tasks make a run that fits.`, 'warning');
}

function cancel_run(run) {
  if (run && !run.finished && link.live) {
    run.cancelled_by_us = true;
    link.send({ type: 'cancel', run: run.id });
  }
  if (run) page.runs.delete(run.id);
}

function run_explore({ hold_at } = {}) {
  cancel_run(page.explore_run);
  const virtual = hold_at !== undefined;
  page.explore_run = start_run('explore', page.program, { virtual });
  page.cursor.reset();
  if (hold_at !== undefined) page.cursor.hold(hold_at, Infinity);
  request_draw();
}

function run_pressed() {
  if (page.mode === 'predict') return predict_start();
  run_explore();
}

// ---------------------------------------------------------------- predict first

const predict = new predict_view({ list: $('predict-list'), hint: $('predict-hint'), check: $('predict-check'), score: $('predict-score') });

function predict_start() {
  cancel_run(page.predict_probe);
  cancel_run(page.explore_run);
  page.explore_run = null;
  predict.reset('Reading what the program prints…');
  page.predict_probe = start_run('probe', page.program, { virtual: true });
}

function predict_probe_done(run) {
  page.runs.delete(run.id);
  page.predict_probe = null;
  if (run.overflowed || run.finished?.status === 'cancelled') {
    predict.reset(run.overflowed
      ? `This program runs past ${max_events_kept.toLocaleString('en')} events before it ends: too long to predict. Pick a shorter one, or explore it instead.`
      : 'The run was stopped before it ended, so there is nothing to predict.');
    return;
  }
  const lines = run.timeline.head.console.filter((c) => c.kind === 'print').map((c) => console_text(c.text));
  if (lines.length < 2) {
    predict.reset(lines.length ? 'It prints one line: there is no order to guess. Here it runs.' : 'It prints nothing: there is no order to guess. Here it runs.');
    run_explore();
    return;
  }
  predict.offer(lines);
}

$('predict-check').addEventListener('click', () => {
  $('predict-check').hidden = true;
  run_explore();
});

// ---------------------------------------------------------------- modes

function set_mode(mode) {
  page.mode = mode;
  for (const button of document.querySelectorAll('.modes button')) button.setAttribute('aria-pressed', String(button.dataset.mode === mode));
  $('explore').hidden = mode === 'compare';
  $('compare').hidden = mode !== 'compare';
  $('predict').hidden = mode !== 'predict';
  document.body.dataset.mode = mode;
  if (mode === 'predict') predict.reset('Press Run: the printed lines appear here shuffled.');
  request_draw();
}
document.querySelectorAll('.modes button').forEach((button) => button.addEventListener('click', () => set_mode(button.dataset.mode)));

function compare_pair() {
  return [...document.querySelectorAll('.compare-picker')].map((picker) => picker.value);
}

function run_compare({ hold_at } = {}) {
  page.compare_runs.forEach(cancel_run);
  const virtual = hold_at !== undefined;
  page.compare_runs = compare_pair().map((id, i) => start_run(`compare${i}`, { scenario: id, source: scenario(id)?.source }, { virtual }));
  page.compare_cursor.reset();
  if (virtual) page.compare_cursor.hold(hold_at, Infinity);
  request_draw();
}
$('compare-run').addEventListener('click', () => run_compare());
document.querySelectorAll('.compare-picker').forEach((picker) => picker.addEventListener('change', () => request_draw()));

// ---------------------------------------------------------------- editor, speed, transport

const editor = new code_editor($('editor'), {
  on_change(text) {
    const entry = page.program.scenario ? scenario(page.program.scenario) : null;
    if (entry && entry.source === text) return;
    page.program = { scenario: null, source: text };
    show_program();
    request_draw();
  },
});

const speed_picker = $('speed-picker');
speed_picker.replaceChildren(...[...speeds, 'instant'].map((s) => new Option(format_speed(s), String(s))));
function set_speed(speed) {
  page.speed = speed;
  speed_picker.value = String(speed);
  request_draw();
}
speed_picker.addEventListener('change', () => set_speed(speed_picker.value === 'instant' ? 'instant' : Number(speed_picker.value)));

$('program-picker').addEventListener('change', (event) => select_program(event.target.value));
$('run').addEventListener('click', run_pressed);

// Bring the merged order up to date with the compare runs; a held or replaying cursor stays on its event.
function sync_compare() {
  const cursor = page.compare_cursor;
  const order = page.compare_order;
  const held = order.update(page.compare_runs.map((run) => run?.timeline ?? null), cursor.following ? null : cursor.seq);
  if (!cursor.following) cursor.seq = held;
  return order;
}

// What the transport moves: the explore run's events, or in compare mode both runs' merged.
function track() {
  if (page.mode === 'compare') {
    const order = sync_compare();
    return {
      cursor: page.compare_cursor,
      events: order.entries,
      is_print: (i) => order.event_at(i)?.event.kind === 'print',
      finished: page.compare_runs.every((run) => !run || run.finished),
    };
  }
  const run = page.explore_run;
  const events = run ? run.timeline.events : [];
  return { cursor: page.cursor, events, is_print: (i) => events[i].kind === 'print', finished: !run || Boolean(run.finished) };
}

function step(delta) {
  const { cursor, events } = track();
  cursor.step(delta, events.length);
  request_draw();
}
function hold(seq) {
  const { cursor, events } = track();
  cursor.hold(seq, events.length);
  request_draw();
}
function follow() {
  track().cursor.follow();
  request_draw();
}
function toggle_play() {
  const { cursor, events } = track();
  if (!events.length) return;
  if (cursor.playing) cursor.pause(events.length);
  else cursor.play(events.length);
  request_draw();
}
function jump_print(forward) {
  const { cursor, events, is_print } = track();
  const at = cursor.position(events.length);
  for (let i = forward ? at + 1 : at - 1; i >= 0 && i < events.length; i += forward ? 1 : -1) {
    if (is_print(i)) {
      cursor.hold(i, events.length);
      break;
    }
  }
  request_draw();
}
$('to-start').addEventListener('click', () => hold(-1));
$('step-back').addEventListener('click', () => step(-1));
$('step-forward').addEventListener('click', () => step(1));
$('play').addEventListener('click', toggle_play);
$('next-print').addEventListener('click', (event) => jump_print(!event.shiftKey));
$('to-end').addEventListener('click', follow);
$('scrub').addEventListener('input', (event) => hold(Number(event.target.value)));

const replay_picker = $('replay-speed');
replay_picker.replaceChildren(...speeds.map((s) => new Option(format_speed(s), String(s))));
function set_replay_speed(speed) {
  page.replay_speed = speeds.includes(speed) ? speed : 1;
  replay_picker.value = String(page.replay_speed);
  request_draw();
}
replay_picker.addEventListener('change', () => set_replay_speed(Number(replay_picker.value)));
function nudge_replay_speed(delta) {
  const index = speeds.indexOf(page.replay_speed) + delta;
  if (index >= 0 && index < speeds.length) set_replay_speed(speeds[index]);
}

// ---------------------------------------------------------------- theme and keyboard

function set_theme(theme) {
  document.documentElement.dataset.theme = theme;
  try { localStorage.setItem('loopscope-theme', theme); } catch { /* private mode: the choice lasts this page only */ }
}
function current_theme() {
  return document.documentElement.dataset.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}
try {
  const saved = localStorage.getItem('loopscope-theme');
  if (saved) document.documentElement.dataset.theme = saved;
} catch { /* no storage: follow the system */ }
$('theme').addEventListener('click', () => set_theme(current_theme() === 'dark' ? 'light' : 'dark'));
$('help-button').addEventListener('click', () => $('help').showModal());

document.addEventListener('keydown', (event) => {
  if (event.target.closest?.('.cm-editor')) {
    if (event.key === 'Escape') event.target.blur();
    return;
  }
  if (event.target.closest?.('input, select, textarea, dialog') || event.ctrlKey || event.metaKey || event.altKey) return;
  const key = event.key;
  const actions = {
    ' ': toggle_play,
    ArrowLeft: () => step(-1),
    ArrowRight: () => step(1),
    Home: () => hold(-1),
    End: follow,
    '[': () => nudge_replay_speed(-1),
    ']': () => nudge_replay_speed(1),
    n: () => jump_print(true),
    N: () => jump_print(false),
    r: () => (page.mode === 'compare' ? run_compare() : run_pressed()),
    c: () => set_mode('compare'),
    p: () => set_mode('predict'),
    e: () => set_mode('explore'),
    t: () => $('theme').click(),
    '?': () => $('help').showModal(),
  };
  let action = actions[key];
  if (!action && /^[1-6]$/.test(key)) action = () => set_speed(speeds[Number(key) - 1]);
  if (!action) return;
  if (event.target.closest?.('button') && (key === ' ' || key === 'Enter')) return;
  event.preventDefault();
  action();
});

// ---------------------------------------------------------------- the first hello

function start_page() {
  page.started = true;
  const wanted = page.link;
  if (wanted.error) notify(wanted.error);
  if (wanted.speed !== undefined) set_speed(speeds.includes(wanted.speed) || wanted.speed === 'instant' ? wanted.speed : 1);
  else set_speed(1);
  set_replay_speed(wanted.replay ?? 1);
  if (wanted.source !== undefined) {
    select_program(own_program);
    editor.set_text(wanted.source);
    page.program = { scenario: null, source: wanted.source };
    show_program();
  } else {
    const id = wanted.scenario && scenario(wanted.scenario) ? wanted.scenario : scenario(default_example) ? default_example : page.catalog[0]?.id;
    if (wanted.scenario && !scenario(wanted.scenario)) notify(`The link names an example this server does not have ("${wanted.scenario}").`);
    select_program(id);
  }
  set_mode(wanted.mode ?? 'explore');
  if (wanted.mode === 'compare') run_compare(wanted.step !== undefined ? { hold_at: wanted.step } : {});
  else if (wanted.step !== undefined) run_explore({ hold_at: wanted.step });
}

// ---------------------------------------------------------------- drawing

const console_panel = new console_view($('console'));
const compare_consoles = [...document.querySelectorAll('.compare .console')].map((list) => new console_view(list));

function request_draw() {
  page.dirty = true;
}

function colour_map(layout) {
  const colours = new Map(layout.lanes.map((lane) => [lane.name, lane_colour(lane.index)]));
  return (name) => colours.get(name) ?? null;
}

function total_text(run) {
  if (!run) return '';
  if (!run.finished) return 'running…';
  if (run.finished.status === 'ok') return `total ${format_seconds(run.finished.elapsed)}`;
  if (run.finished.status === 'error') return `stopped by ${run.finished.error?.type ?? 'an error'} at ${format_seconds(run.finished.elapsed)}`;
  return `cancelled at ${format_seconds(run.finished.elapsed)}`;
}

function error_of(run) {
  if (!run) return null;
  if (run.syntax_error) return { line: run.syntax_error.line, text: run.syntax_error.message };
  const error = run.finished?.error;
  if (run.finished?.status === 'error' && error) return { line: error.line, text: `${error.type}: ${error.message}${error.line ? ` (line ${error.line})` : ''}` };
  return null;
}

const empty_view = new timeline().view_at(-1);

// The transport's controls and the line that tells the event at the cursor in words.
function draw_transport(length, seq, cursor, { position, describe, live }) {
  const scrub = $('scrub');
  scrub.max = String(Math.max(-1, length - 1));
  scrub.value = String(seq);
  $('position').textContent = position;
  $('describe').textContent = describe;
  $('play').textContent = cursor.playing ? '❚❚' : '▶';
  $('play').setAttribute('aria-label', cursor.playing ? 'Pause' : 'Replay');
  $('to-end').setAttribute('aria-pressed', String(cursor.following));
  $('to-end').textContent = live ? 'live' : 'end';
}

function draw_explore() {
  const run = page.explore_run;
  const length = run ? run.timeline.length : 0;
  const seq = page.cursor.position(length);
  const { state, layout } = run ? run.timeline.view_at(seq) : empty_view;
  const colour_of = colour_map(layout);
  draw_lanes($('lanes'), [{ layout, now: state.t }], axis_end(run ? run.horizon : 0));
  console_panel.draw(run?.id ?? null, state.console);
  draw_loop({ state: $('loop-state'), running: $('running-now'), ready: $('ready-queue'), timers: $('timers') }, state, colour_of);
  $('clock').textContent = format_seconds(state.t);
  $('total').textContent = run && run.finished && seq >= length - 1 ? total_text(run) : run ? `of ${format_seconds(run.horizon)}${run.finished ? '' : '…'}` : '';
  $('total').dataset.status = run?.finished?.status ?? '';

  // The code: marks only while the editor still holds the program that ran
  const same_code = run && (run.scenario ? page.program.scenario === run.scenario : editor.text() === run.source);
  const marks = same_code ? line_marks(state).map((m) => ({ ...m, colour: colour_of(m.task) ?? 'var(--accent)' })) : [];
  const error = same_code && (seq >= length - 1 || run.syntax_error) ? error_of(run) : null;
  editor.mark(marks, error);
  const run_error = $('run-error');
  run_error.hidden = !error;
  run_error.textContent = error ? `${error.line ? `Line ${error.line}: ` : ''}${error.text}` : '';

  draw_transport(length, seq, page.cursor, {
    position: run ? `event ${seq + 1} of ${length}${run.finished ? '' : ' (live)'}` : 'no run yet',
    describe: run ? describe_event(run.timeline.events[seq]) : 'Pick a program and press Run.',
    live: run && !run.finished,
  });
  $('run').textContent = run && !run.finished ? '↻ Restart' : '▶ Run';

  if (page.mode === 'predict' && run) {
    predict.mark(state.console.filter((c) => c.kind === 'print').map((c) => console_text(c.text)), Boolean(run.finished) && seq >= length - 1);
  }
  return seq;
}

// Both programs at one moment: the cursor walks their events merged in program-time order.
function draw_compare() {
  const pair = compare_pair();
  const order = sync_compare();
  const position = page.compare_cursor.position(order.length);
  const seqs = order.seqs_at(position);
  const groups = [];
  let horizon = 0;
  page.compare_runs.forEach((run, i) => {
    const side = document.querySelector(`.side[data-side="${i}"]`);
    const entry = scenario(pair[i]);
    const { state, layout } = run ? run.timeline.view_at(seqs[i]) : empty_view;
    horizon = Math.max(horizon, run ? run.horizon : 0);
    // A side's total shows once the cursor has passed that run's end (or the last event the page kept)
    const ended = run && (state.finished || (run.finished && seqs[i] >= run.timeline.length - 1));
    const total = !run ? 'not run yet' : ended ? total_text(run) : `at ${format_seconds(state.t)}`;
    groups.push({ title: `${i === 0 ? 'Left' : 'Right'}: ${entry?.title ?? pair[i]} — ${total}`, layout, now: state.t, colour_offset: i * 3 });
    const shown = side.querySelector('.compare-total');
    shown.textContent = ended && run.finished?.status === 'ok' ? format_seconds(run.finished.elapsed) : run ? `${format_seconds(state.t)}…` : '—';
    shown.dataset.status = ended && run.finished ? run.finished.status : '';
    compare_consoles[i].draw(run?.id ?? null, state.console);
  });
  draw_lanes($('compare-lanes'), groups, axis_end(horizon));

  const live = page.compare_runs.some((run) => run && !run.finished);
  const current = order.event_at(position);
  draw_transport(order.length, position, page.compare_cursor, {
    position: page.compare_runs[0] ? `event ${position + 1} of ${order.length}, both programs${live ? ' (live)' : ''}` : 'not run yet',
    describe: current ? `${current.side === 0 ? 'Left' : 'Right'}: ${describe_event(current.event)}` : page.compare_runs[0] ? describe_event(null) : 'Pick two programs and press Run both.',
    live,
  });
  $('compare-clock').textContent = format_seconds(current ? current.event.t : 0);
  return position;
}

// The address bar follows the view, but at most a few times a second: browsers refuse (and some
// throw on) hundreds of history updates a minute, which a replay or a live run would otherwise make.
const link_interval_ms = 250;
let last_link_at = 0;

function update_link(seq) {
  const view = { speed: page.speed, mode: page.mode };
  if (page.replay_speed !== 1) view.replay = page.replay_speed;
  if (page.mode === 'compare') view.compare = compare_pair();
  else if (page.program.scenario) view.scenario = page.program.scenario;
  else view.source = editor.text();
  const has_run = page.mode === 'compare' ? page.compare_runs[0] : page.explore_run;
  if (has_run && seq >= 0) view.step = seq;
  page.wanted_link = encode_permalink(view);
}

function flush_link(now) {
  if (page.wanted_link && page.wanted_link !== page.last_link && now - last_link_at >= link_interval_ms) {
    last_link_at = now;
    page.last_link = page.wanted_link;
    try {
      history.replaceState(null, '', page.wanted_link);
    } catch {
      // Refused (too many updates): the next one carries the same state
    }
  }
  // Whether the address bar holds the view yet (tests wait on it before they copy the link)
  const status = page.wanted_link === page.last_link ? 'saved' : 'pending';
  if (document.documentElement.dataset.link !== status) document.documentElement.dataset.link = status;
}

let last_frame = performance.now();
function frame(now) {
  const elapsed = Math.min(0.25, (now - last_frame) / 1000);
  last_frame = now;
  if (page.started) {
    const { cursor, events, finished } = track();
    if (cursor.playing) {
      if (cursor.tick(elapsed, page.replay_speed, events)) page.dirty = true;
      if (finished && cursor.at_end(events.length)) {
        cursor.pause(events.length);
        page.dirty = true;
      }
    }
  }
  if (page.dirty && page.started) {
    page.dirty = false;
    update_link(page.mode === 'compare' ? draw_compare() : draw_explore());
  }
  flush_link(now);
  requestAnimationFrame(frame);
}

new ResizeObserver(request_draw).observe(document.body);
link.connect();
requestAnimationFrame(frame);

// A link pasted into this tab changes only the fragment: open it as the page it names.
window.addEventListener('hashchange', () => {
  if (location.hash !== page.last_link) location.reload();
});
