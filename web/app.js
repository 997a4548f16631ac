// The page's entry point: connects to the server, runs programs, and redraws every panel on
// animation frames from the state at the chosen seq.

import { continue_sequence } from './lib/decoder.mjs';
import { timeline, line_marks } from './lib/timeline.mjs';
import { layout_lanes, axis_end } from './lib/lanes.mjs';
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

const page = {
  catalog: [],
  limits: null,
  mode: 'explore',
  program: { scenario: default_example, source: '' },
  speed: 1,
  runs: new Map(),
  explore_run: null,
  compare_runs: [null, null],
  predict_probe: null,
  run_counter: 0,
  cursor: new player(),
  started: false,
  link: decode_permalink(location.hash),
  last_link: '',
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
      if (!run) break;
      try {
        run.timeline.push(continue_sequence(run.timeline.length, message.events));
      } catch (error) {
        notify(`Run ${message.run}: ${error.message}`);
      }
      for (const event of message.events) run.horizon = Math.max(run.horizon, event.t, event.when ?? 0, event.t + (event.delay ?? 0));
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
  $('transport').hidden = mode === 'compare';
  $('predict').hidden = mode !== 'predict';
  document.body.dataset.mode = mode;
  if (mode === 'predict') predict.reset('Press Run: the printed lines appear here shuffled.');
  request_draw();
}
document.querySelectorAll('.modes button').forEach((button) => button.addEventListener('click', () => set_mode(button.dataset.mode)));

function compare_pair() {
  return [...document.querySelectorAll('.compare-picker')].map((picker) => picker.value);
}

function run_compare() {
  page.compare_runs.forEach(cancel_run);
  page.compare_runs = compare_pair().map((id, i) => start_run(`compare${i}`, { scenario: id, source: scenario(id)?.source }));
  request_draw();
}
$('compare-run').addEventListener('click', run_compare);
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

function events_length() {
  return page.explore_run ? page.explore_run.timeline.length : 0;
}
function step(delta) {
  page.cursor.step(delta, events_length());
  request_draw();
}
function toggle_play() {
  const length = events_length();
  if (!length) return;
  if (page.cursor.playing) page.cursor.pause(length);
  else page.cursor.play(length);
  request_draw();
}
function jump_print(forward) {
  const run = page.explore_run;
  if (!run) return;
  const at = page.cursor.position(run.timeline.length);
  const target = forward ? run.timeline.next_print(at) : run.timeline.previous_print(at);
  if (target !== null) page.cursor.hold(target, run.timeline.length);
  request_draw();
}
$('to-start').addEventListener('click', () => { page.cursor.hold(-1, events_length()); request_draw(); });
$('step-back').addEventListener('click', () => step(-1));
$('step-forward').addEventListener('click', () => step(1));
$('play').addEventListener('click', toggle_play);
$('next-print').addEventListener('click', (event) => jump_print(!event.shiftKey));
$('to-end').addEventListener('click', () => { page.cursor.follow(); request_draw(); });
$('scrub').addEventListener('input', (event) => { page.cursor.hold(Number(event.target.value), events_length()); request_draw(); });

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
    Home: () => { page.cursor.hold(-1, events_length()); request_draw(); },
    End: () => { page.cursor.follow(); request_draw(); },
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
  if (wanted.mode === 'compare') run_compare();
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

function draw_explore() {
  const run = page.explore_run;
  const events = run ? run.timeline.events : [];
  const length = events.length;
  const seq = page.cursor.position(length);
  const state = run ? run.timeline.state_at(seq) : new timeline().state_at(-1);
  const layout = layout_lanes(events, seq);
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

  // Transport
  const scrub = $('scrub');
  scrub.max = String(Math.max(-1, length - 1));
  scrub.value = String(seq);
  $('position').textContent = run ? `event ${seq + 1} of ${length}${run.finished ? '' : ' (live)'}` : 'no run yet';
  $('describe').textContent = run ? describe_event(events[seq]) : 'Pick a program and press Run.';
  $('play').textContent = page.cursor.playing ? '❚❚' : '▶';
  $('play').setAttribute('aria-label', page.cursor.playing ? 'Pause' : 'Replay');
  $('to-end').setAttribute('aria-pressed', String(page.cursor.following));
  $('run').textContent = run && !run.finished ? '↻ Restart' : '▶ Run';

  if (page.mode === 'predict' && run) {
    predict.mark(state.console.filter((c) => c.kind === 'print').map((c) => console_text(c.text)), Boolean(run.finished) && seq >= length - 1);
  }
  return seq;
}

function draw_compare() {
  const pair = compare_pair();
  const groups = [];
  let horizon = 0;
  page.compare_runs.forEach((run, i) => {
    const side = document.querySelector(`.side[data-side="${i}"]`);
    const entry = scenario(pair[i]);
    const events = run ? run.timeline.events : [];
    const state = run ? run.timeline.head : null;
    const layout = layout_lanes(events, events.length - 1);
    horizon = Math.max(horizon, run ? run.horizon : 0);
    groups.push({ title: `${i === 0 ? 'Left' : 'Right'}: ${entry?.title ?? pair[i]} — ${run ? total_text(run) : 'not run yet'}`, layout, now: state ? state.t : 0, colour_offset: i * 3 });
    side.querySelector('.compare-total').textContent = run?.finished?.status === 'ok' ? format_seconds(run.finished.elapsed) : run ? `${format_seconds(state.t)}…` : '—';
    compare_consoles[i].draw(run?.id ?? null, state ? state.console : []);
  });
  if (!page.compare_runs[0]) groups.forEach((g) => { g.layout = { lanes: [], forks: [], arrows: [], now: 0, horizon: 0 }; });
  draw_lanes($('compare-lanes'), groups, axis_end(horizon));
}

function update_link(seq) {
  const view = { speed: page.speed, mode: page.mode };
  if (page.mode === 'compare') view.compare = compare_pair();
  else if (page.program.scenario) view.scenario = page.program.scenario;
  else view.source = editor.text();
  if (page.mode !== 'compare' && page.explore_run && seq >= 0) view.step = seq;
  const hash = encode_permalink(view);
  if (hash !== page.last_link) {
    page.last_link = hash;
    history.replaceState(null, '', hash);
  }
}

let last_frame = performance.now();
function frame(now) {
  const elapsed = Math.min(0.25, (now - last_frame) / 1000);
  last_frame = now;
  const run = page.explore_run;
  if (run && page.cursor.playing) {
    const speed = page.speed === 'instant' ? 8 : page.speed;
    if (page.cursor.tick(elapsed, speed, run.timeline.events)) page.dirty = true;
    if (run.finished && page.cursor.at_end(run.timeline.length)) {
      page.cursor.pause(run.timeline.length);
      page.dirty = true;
    }
  }
  if (page.dirty && page.started) {
    page.dirty = false;
    if (page.mode === 'compare') {
      draw_compare();
      update_link(-1);
    } else {
      update_link(draw_explore());
    }
  }
  requestAnimationFrame(frame);
}

new ResizeObserver(request_draw).observe(document.body);
link.connect();
requestAnimationFrame(frame);

// A link pasted into this tab changes only the fragment: open it as the page it names.
window.addEventListener('hashchange', () => {
  if (location.hash !== page.last_link) location.reload();
});
