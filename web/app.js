// The page's entry point, wiring only: the run store fed by the connection, the program card, the
// modes, the transport and its bar, the keys and the address bar; then one draw per animation frame
// at most, of the current mode. What each piece does is in its own module (web/README.md).

import { run_store } from './lib/run_store.mjs';
import { runner } from './lib/runner.mjs';
import { transport } from './lib/transport.mjs';
import { speeds } from './lib/format.mjs';
import { encode_permalink, decode_permalink } from './lib/permalink.mjs';
import { opening, page_view } from './lib/page_link.mjs';
import { read_run_file, load_run_file, run_file_of, file_stem, finished_message } from './lib/run_file.mjs';
import { presenter, viewer, read_code, room_position } from './lib/room.mjs';
import { trace_of } from './lib/trace_export.mjs';
import { connection } from './ui/connection.mjs';
import { connection_pill } from './ui/connection_pill.mjs';
import { code_editor } from './ui/editor.mjs';
import { program_panel, default_example } from './ui/program_panel.mjs';
import { predict_view } from './ui/predict.mjs';
import { transport_bar } from './ui/transport_bar.mjs';
import { listen_to_keys } from './ui/keyboard.mjs';
import { notices } from './ui/notices.mjs';
import { restore_theme, toggle_theme } from './ui/theme.mjs';
import { mode_switch } from './ui/mode_switch.mjs';
import { address_bar } from './ui/address_bar.mjs';
import { run_file_controls } from './ui/run_files.mjs';
import { room_panel } from './ui/room_panel.mjs';
import { poll_view } from './ui/poll_view.mjs';
import { explore_mode, explore_views } from './modes/explore.mjs';
import { predict_mode, printed_lines } from './modes/predict.mjs';
import { compare_mode, compare_pickers, compare_views } from './modes/compare.mjs';

const $ = (id) => document.getElementById(id);
const notify = notices($('notices'));
let started = false;
let dirty = true;
const request_draw = () => { dirty = true; };

// ---------------------------------------------------------------- runs, from the server

const store = new run_store();
const pill = connection_pill(() => link.retry());
const link = new connection({
  on_state(state, text) {
    pill(state, text);
    if (state === 'live') {
      // A viewer whose connection dropped goes back into its room; a presenter takes its room back
      if (room instanceof viewer) room.rejoin();
      if (room instanceof presenter) room.reconnected();
    } else {
      store.lose_live_runs('the connection to the server was lost');
      if (state === 'gone') room?.gone();
      else room?.lost();
    }
    request_draw();
  },
  on_message(message) {
    if (room?.handle_message(message)) request_draw();
    else store.handle_message(message);
  },
  on_protocol_error: (text) => notify(`The server sent something this page cannot read: ${text}`),
});
const runs = new runner(store, link, notify);
const wanted = decode_permalink(location.hash);

// ---------------------------------------------------------------- the program card and the modes

const editor = new code_editor($('editor'), { on_change: (text) => program.edited(text) });
const program = new program_panel(store, editor, { on_select: () => mode.program_changed?.(), on_change: request_draw, notify });
// The primitives panel's hover and click light a primitive's lines and lanes
const light = (what) => { explore.light(what); request_draw(); };
const explore = new explore_mode({ runner: runs, program, views: explore_views(editor, light) });
const prediction = new predict_view({ list: $('predict-list'), hint: $('predict-hint'), check: $('predict-check'), score: $('predict-score') }, () => {
  // In a room's poll, the button sends the answer; the presenter reveals the run
  if (room instanceof viewer && room.poll?.state === 'open') {
    room.answer_poll(prediction.order_indices());
    prediction.elements.hint.textContent = 'Your answer is in. The presenter reveals the run.';
  } else {
    predict.check();
  }
  request_draw();
});
const predict = new predict_mode({ store, runner: runs, explore, view: prediction });
const pickers = new compare_pickers(request_draw);
const compare = new compare_mode({ store, runner: runs, program, pair: () => pickers.pair(), views: compare_views((side, what) => { compare.light(side, what); request_draw(); }) });
const modes = { explore, predict, compare };
const switcher = new mode_switch(modes, (name) => user_set_mode(name));
let mode = explore;

function set_mode(name) {
  mode = modes[name];
  switcher.show(name);
  mode.enter?.();
  presenter_moved();
  request_draw();
}

// A mode the user picked: a viewer of a room is then on its own
function user_set_mode(name) {
  set_mode(name);
  stepped_away();
}

function run_pressed(which = mode) {
  stepped_away();
  which.run_pressed();
  request_draw();
}

store.listen((note) => {
  if (note.type === 'notice') notify(note.text, note.kind);
  if (note.type === 'hello') {
    program.fill();
    pickers.fill(store.catalog, wanted.compare);
    if (!started) start_page();
  }
  if (note.type === 'changed') request_draw();
});

// ---------------------------------------------------------------- transport, keys and buttons

const time = new transport(() => mode.track());
const bar = new transport_bar(time);
time.listen(request_draw);

// The transport's keys are named after its methods
const moves = ['toggle_play', 'step', 'hold', 'follow', 'nudge_replay_speed', 'jump_print'];
listen_to_keys({
  ...Object.fromEntries(moves.map((name) => [name, (arg) => time[name](arg)])),
  run: () => run_pressed(),
  mode: user_set_mode,
  theme: toggle_theme,
  help: () => $('help').showModal(),
  speed: (index) => program.set_speed(speeds[index]),
});
$('run').addEventListener('click', () => run_pressed());
$('compare-run').addEventListener('click', () => run_pressed(compare));
$('help-button').addEventListener('click', () => $('help').showModal());
restore_theme($('theme'));

// ---------------------------------------------------------------- the first hello opens the link

function start_page() {
  started = true;
  const code = read_code(new URLSearchParams(location.search).get('room'));
  if (code) {
    // A viewer's link: the room says what to show
    program.set_speed(program.speed);
    set_mode('explore');
    return join_room(code);
  }
  if (reclaimable) {
    // This tab presented a room before its reload: take it back; the room says what to show
    program.set_speed(program.speed);
    set_mode('explore');
    return reclaim_room(reclaimable);
  }
  const plan = opening(wanted, store.catalog, default_example);
  for (const text of plan.notices) notify(text);
  program.set_speed(plan.speed);
  time.set_replay_speed(plan.replay);
  if (plan.source !== undefined) program.open_source(plan.source);
  else program.select(plan.scenario);
  set_mode(plan.mode);
  mode.open({ step: plan.step, seed: plan.seed });
}

// ---------------------------------------------------------------- run files: save, open (also offline), export

const version = () => store.server?.replace(/^loopscope\//, '') ?? null;
// Explore's run (predict's too): what Save and Export take
function shown_run() {
  if (!explore.run) notify('Run a program first: then its run can be saved or exported.', 'warning');
  return explore.run;
}
run_file_controls({
  notify,
  open(name, text) {
    let file;
    try {
      file = read_run_file(text);
    } catch (error) {
      notify(`${name} cannot be opened: ${error.message}`);
      return;
    }
    // A page without a server (offline, or the server gone) starts with the file
    started = true;
    set_mode('explore');
    program.set_speed(program.speed); // the speed picker shows it even if no server ever said hello
    const { scenario, source, title } = file.header.program;
    if (scenario && store.scenario(scenario)?.source === source) program.select(scenario);
    else if (scenario && !store.scenario(scenario) && title !== undefined && source !== null) program.open_saved_example(file.header.program);
    else if (source !== null) program.open_source(source);
    explore.show(load_run_file(store, file));
    request_draw();
  },
  save() {
    const run = shown_run();
    const example = run?.scenario ? store.scenario(run.scenario) ?? null : null;
    return run && { name: `${file_stem(run)}.loopscope.jsonl`, text: run_file_of(run, { loopscope: version(), example }) };
  },
  trace() {
    const run = shown_run();
    const name = file_stem(run ?? {});
    return run && { name: `${name}.trace.json`, text: JSON.stringify(trace_of(run.timeline.events, { name: `loopscope: ${name}`, loopscope: run.from_file?.loopscope ?? version() })) };
  },
});

// ---------------------------------------------------------------- a classroom room: present, or follow

let room = null; // a presenter or a viewer (lib/room.mjs), or none
let applying = false; // the room is moving this page, not the user
let room_runs = []; // a viewer's: the room's programs' runs, in the store

const panel = new room_panel({
  notify,
  on_present: present,
  on_end() {
    room.close();
    notify('The room is closed: its viewers keep what they have.', 'warning');
    request_draw();
  },
  on_join: join_room,
  on_follow() {
    room.follow();
    request_draw();
  },
  on_poll: open_poll,
});

// A poll: the presenter's run's printed lines, numbered in the order it prints them.
let poll_lines = [];
const polls = new poll_view({
  on_close() {
    room.close_poll();
  },
  on_reveal() {
    room.reveal();
    time.follow(); // to the run's end, for everyone at once
  },
});

function open_poll() {
  const run = explore.run;
  const lines = run?.finished ? printed_lines(run.timeline.head.console) : [];
  if (lines.length < 2) return notify('A poll orders the lines a run prints: run a program that prints two lines or more, to its end, then open it.', 'warning');
  poll_lines = lines;
  set_mode('predict');
  prediction.reset('The class is ordering the printed lines; their answers are tallied below.');
  time.hold(0); // the run's first event: nothing printed yet (a room's step is an event)
  room.open_poll(lines.length);
}

// A viewer's side of the poll: the lines offered in predict's list while it is open, the result after.
function viewer_poll() {
  if (!(room instanceof viewer) || !room.poll || !room_runs[0]) return;
  const lines = printed_lines(room_runs[0].timeline.head.console);
  if (room.poll.state === 'open' && mode === predict && !prediction.order && room.answer === null) {
    prediction.offer(lines);
    prediction.elements.hint.textContent = 'The presenter asks: in which order will these lines print? Drag them (or use ↑ ↓), then send your answer.';
    prediction.elements.check.textContent = 'Send my answer';
  }
  if (room.poll.state === 'closed' && room.answer === null) prediction.elements.check.hidden = true;
  if (room.poll.state === 'revealed' && room.answer) {
    prediction.elements.hint.textContent = `The presenter revealed the run: your answer had ${room.score()} of ${room.answer.length} lines in the right place.`;
  }
}

// The programs on screen, as the room records them: the program card's, or compare's pair.
function room_programs() {
  if (mode === compare) return pickers.pair().map((scenario) => ({ scenario }));
  const { scenario, source } = program.program;
  return [scenario ? { scenario } : { source }];
}

function present() {
  if (!link.live) return notify('Not connected to the server: a room opens once it is back.', 'warning');
  if (room instanceof viewer && room.state !== 'ended') room.send({ type: 'room_leave', room: room.code });
  // The room shows a run: the presenter's own, from the same program (the engine is deterministic)
  if (!mode.track().events.length) run_pressed();
  new_presenter();
  link.room = null;
  room.create(room_programs(), room_position(time.position(), mode.name, Infinity, store.limits));
  request_draw();
}

function new_presenter() {
  room = new presenter((message) => link.send(message), { storage: session_storage() });
  room.listen((note) => {
    // A reconnection goes to /ws?room=CODE: behind a proxy, to the server that holds the room
    if (note.type === 'created') link.room = note.code;
    if (note.type === 'reclaimed') show_reclaimed(note);
    if (note.type === 'refused' || note.type === 'ended' || note.type === 'reconnecting') notify(note.text, 'warning');
    request_draw();
  });
}

// A reload of a presenter's page: its room, taken back with the secret this tab kept.
function reclaim_room({ code, secret }) {
  new_presenter();
  link.room = code;
  room.reclaim(code, secret);
  request_draw();
}

// The room is this page's again: after a reload it shows the room's recorded run, where the room is
// (after a dropped connection, the same run and step it shows already).
function show_reclaimed({ programs, position }) {
  notify('The room is yours again: your class has followed it all along.', 'info');
  // The page moves to where the room is: none of these moves is the presenter's to send
  applying = true;
  load_room(programs);
  if (room.poll) poll_lines = printed_lines(room_runs[0].timeline.head.console);
  if (position.mode !== mode.name) set_mode(position.mode);
  if (mode === compare) compare.show(room_runs);
  else explore.show(room_runs[0]);
  time.apply(position);
  applying = false;
}

// The tab's sessionStorage, or null where the page may not use it (a sandboxed frame, a file:// page).
function session_storage() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function presenter_moved() {
  if (applying || !(room instanceof presenter) || room.state !== 'open') return;
  room.moved(room_position(time.position(), mode.name, room.length(), store.limits), performance.now());
  // A position held back for its turn goes then, even if no frame comes (a hidden tab gets none)
  if (room.pending) setTimeout(() => room.flush(performance.now()), room.interval_ms + 5);
}

function join_room(code) {
  if (room instanceof presenter && room.state === 'open') return notify('This page presents a room: end it before following another.', 'warning');
  if (!link.live) return notify('Not connected to the server: the room can be joined once it is back.', 'warning');
  if (room instanceof viewer && room.state !== 'ended' && room.state !== 'idle') room.send({ type: 'room_leave', room: room.code });
  room = new viewer((message) => link.send(message));
  // A reconnection goes to /ws?room=CODE, so that a proxy sends it to the server that holds the room
  link.room = code;
  room.listen((note) => {
    if (note.type === 'joined') load_room(note.programs);
    if (note.type === 'position') show_room_position(note.position);
    if (note.type === 'poll' || note.type === 'rejoined') viewer_poll();
    if (note.type === 'refused') notify(note.text, 'warning');
    if (note.type === 'ended') notify(note.text, 'warning');
    if (note.type === 'presenter') notify(note.text, note.away ? 'warning' : 'info');
    request_draw();
  });
  room.join(code);
  request_draw();
}

// A viewer's room: its programs' events become runs in the store, as a run file's do.
function load_room(programs) {
  room_runs.forEach((run) => store.remove(run));
  room_runs = programs.map(({ scenario, source, events }) => load_run_file(store, { header: { program: { scenario, source } }, events, finished: finished_message(events) }, 'room'));
  const [first] = programs;
  if (programs.length === 1) {
    if (first.scenario && store.scenario(first.scenario)?.source === first.source) program.select(first.scenario);
    else program.open_source(first.source);
  } else {
    pickers.set(programs.map((p) => p.scenario));
  }
}

// Where the presenter is, on a viewer's page that follows: the mode, the room's runs, the step.
function show_room_position(position) {
  applying = true;
  if (position.mode !== mode.name) set_mode(position.mode);
  if (mode === compare) {
    if (compare.runs[0] !== room_runs[0] && room_runs.length === 2) compare.show(room_runs);
  } else if (explore.run !== room_runs[0]) {
    explore.show(room_runs[0]);
  }
  time.apply(position);
  applying = false;
  viewer_poll();
}

// The user moved this page: a viewer is then on its own (the presenter's step stays marked).
function stepped_away() {
  if (!applying && room instanceof viewer && room.following) {
    room.detach();
    request_draw();
  }
}

time.listen(() => {
  presenter_moved();
  stepped_away();
});

// ---------------------------------------------------------------- drawing

const address = new address_bar();
let last_frame = performance.now();
function frame(now) {
  const elapsed = Math.min(0.25, (now - last_frame) / 1000);
  last_frame = now;
  if (started && time.tick(elapsed)) dirty = true;
  if (dirty && started) {
    dirty = false;
    const shown = mode.draw();
    bar.draw(shown.bar);
    panel.draw(room, shown.bar);
    polls.draw(room instanceof presenter && room.state === 'open' ? room.poll : null, poll_lines);
    address.want(encode_permalink(page_view({ mode: mode.name, speed: program.speed, replay_speed: time.replay_speed }, mode.link(shown.seq))));
  }
  address.flush(now);
  if (room instanceof presenter) room.flush(now);
  requestAnimationFrame(frame);
}

new ResizeObserver(request_draw).observe(document.body);
// The lanes view draws the rows near the screen only: a scroll brings others into view
addEventListener('scroll', request_draw, { passive: true });
// A viewer's link (?room=CODE): the first connection already says which room, so that a proxy in front
// of several servers sends it to the one that holds it
// A presenter's tab that is reloaded reclaims its room, through the server that holds it too
const reclaimable = read_code(new URLSearchParams(location.search).get('room')) ? null : presenter.remembered(session_storage());
link.room = read_code(new URLSearchParams(location.search).get('room')) ?? reclaimable?.code ?? null;
link.connect();
requestAnimationFrame(frame);
