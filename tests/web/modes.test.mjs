// Each mode's logic without a page: the real store and runner over a fake connection, a fake program
// card, and recorded runs fed as the server streams them. A mode's frame is what its panels show.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { run_store } from '../../web/lib/run_store.mjs';
import { runner } from '../../web/lib/runner.mjs';
import { explore_mode } from '../../web/modes/explore.mjs';
import { predict_mode, probe_outcome, printed_lines } from '../../web/modes/predict.mjs';
import { compare_mode } from '../../web/modes/compare.mjs';
import { example_message, recorded_run, fake_link, load_events } from './fixtures.mjs';
import { read_run_file, load_run_file, run_file_text, run_file_of, finished_message } from '../../web/lib/run_file.mjs';

// The program card: which program, at which speed; the editor holds it unless told otherwise.
function fake_program(scenario = 'interleaving', { speed = 'instant', edited = false } = {}) {
  return {
    program: { scenario, source: `# ${scenario}\n` },
    speed,
    editor: { text: () => 'print("mine")\n' },
    holds: (run) => Boolean(run) && !edited,
  };
}

function page(options = {}) {
  const store = new run_store(options);
  store.handle_message(example_message('hello'));
  const link = fake_link();
  const runs = new runner(store, link, (text) => assert.fail(`unexpected notice: ${text}`));
  const feed = (name, run, settings) => {
    for (const message of recorded_run(name, run.id, settings)) store.handle_message(message);
  };
  return { store, link, runs, feed };
}

// A recording with its prints left out (but the one at `kept`), renumbered.
function without_prints(name, kept = null) {
  return load_events(name).filter((e) => e.kind !== 'print' || e.seq === kept).map((e, seq) => ({ ...e, seq }));
}

// The prediction list, as a record of what the mode asked of it.
function fake_view() {
  return { calls: [], reset(hint) { this.calls.push(['reset', hint]); }, offer(lines) { this.calls.push(['offer', lines]); }, mark(printed, finished) { this.calls.push(['mark', printed.length, finished]); } };
}

test('explore: before a run, the frame says what to do', () => {
  const { runs } = page();
  const explore = new explore_mode({ runner: runs, program: fake_program() });
  const frame = explore.frame();
  assert.equal(frame.seq, -1);
  assert.equal(frame.bar.position, 'no run yet');
  assert.equal(frame.bar.describe, 'Pick a program and press Run.');
  assert.equal(frame.total, '');
  assert.equal(frame.run_label, '▶ Run');
  assert.deepEqual(explore.link(frame.seq), { scenario: 'interleaving' });
});

test('explore: a run live, then finished, seen at its end and back in time', () => {
  const { runs, link, store } = page();
  const explore = new explore_mode({ runner: runs, program: fake_program() });
  explore.run_pressed();
  assert.deepEqual(link.sent, [{ type: 'run', run: 'explore-1', scenario: 'interleaving', clock: 'virtual' }]);
  const messages = recorded_run('interleaving', explore.run.id);
  for (const message of messages.slice(0, 2)) store.handle_message(message);
  let frame = explore.frame();
  assert.equal(frame.bar.position, 'event 32 of 32 (live)');
  assert.equal(frame.bar.live, true);
  assert.equal(frame.run_label, '↻ Restart');
  assert.equal(frame.total, 'of 2.0 s…');
  for (const message of messages.slice(2)) store.handle_message(message);
  frame = explore.frame();
  assert.equal(frame.bar.position, 'event 69 of 69');
  assert.equal(frame.total, 'total 2.0 s');
  assert.equal(frame.total_status, 'ok');
  assert.equal(frame.clock, '2.0 s');
  assert.equal(frame.finished_here, true);
  assert.deepEqual(explore.link(frame.seq), { scenario: 'interleaving', step: 68 });

  explore.cursor.hold(9, Infinity);
  frame = explore.frame();
  assert.equal(frame.seq, 9);
  assert.equal(frame.bar.describe, 'Task-1 prints "This goes first!".');
  assert.deepEqual(frame.marks.map((m) => [m.line, m.task]), [[6, 'Task-1']]);
  assert.equal(frame.total, 'of 2.0 s', 'the total shows at the end only');
  assert.equal(frame.finished_here, false);
});

test('explore: pressing Run again cancels the live run and starts over', () => {
  const { runs, link, store, feed } = page();
  const explore = new explore_mode({ runner: runs, program: fake_program('gather', { speed: 4 }) });
  explore.run_pressed();
  const first = explore.run;
  store.handle_message(recorded_run('gather', first.id)[0]);
  explore.cursor.hold(3, Infinity);
  explore.run_pressed();
  assert.deepEqual(link.sent.map((m) => [m.type, m.run, m.speed]), [['run', 'explore-1', 4], ['cancel', 'explore-1', undefined], ['run', 'explore-2', 4]]);
  assert.equal(store.runs.has(first.id), false);
  assert.equal(explore.cursor.following, true);
  feed('gather', explore.run);
  assert.equal(explore.frame().total, 'total 3.0 s');
});

test('explore: a link\'s step runs on the virtual clock and holds there while the events come', () => {
  const { runs, link, feed } = page();
  const explore = new explore_mode({ runner: runs, program: fake_program('gather', { speed: 2 }) });
  explore.open({});
  assert.deepEqual(link.sent, [], 'a link without a step does not run');
  explore.open({ step: 22 });
  assert.equal(link.sent[0].clock, 'virtual');
  assert.equal(explore.frame().seq, -1);
  feed('gather', explore.run);
  assert.equal(explore.frame().seq, 22);
  assert.equal(explore.frame().bar.position, 'event 23 of 81');
});

test('explore: the error and the marks show only while the editor holds the program that ran', () => {
  const { runs, store } = page();
  const program = fake_program(null);
  const explore = new explore_mode({ runner: runs, program });
  explore.run_pressed();
  assert.equal(explore.run.id, 'explore-1');
  store.counter = 1;
  explore.run = store.add_run('mine', program.program); // the protocol example's run id, mine-2
  store.handle_message(example_message('run_finished_error'));
  assert.deepEqual(explore.frame().error, { line: 5, text: 'ZeroDivisionError: division by zero (line 5)' });
  assert.match(explore.frame().total, /^stopped by ZeroDivisionError at 1\.0 s$/);
  const edited = new explore_mode({ runner: runs, program: fake_program(null, { edited: true }) });
  edited.run = explore.run;
  assert.equal(edited.frame().error, null);
  assert.deepEqual(edited.link(-1), { source: 'print("mine")\n' });
});

test('predict: what the probe run tells the prediction list', () => {
  const run_of = (name, settings) => {
    const store = new run_store(settings);
    const run = store.add_run('probe', {});
    for (const message of recorded_run(name, run.id)) store.handle_message(message);
    return run;
  };
  assert.deepEqual(probe_outcome(run_of('interleaving'), 200_000), { lines: ['This goes first!', 'This goes second!', 'This goes third!', 'This goes fourth!'] });
  assert.match(probe_outcome(run_of('interleaving', { max_events: 20 }), 20).hint, /^This program runs past 20 events before it ends: too long to predict/);
  const stopped = run_of('gather');
  stopped.finished = { status: 'cancelled' };
  assert.match(probe_outcome(stopped, 200_000).hint, /stopped before it ended/);
  const silent = new run_store().add_run('probe', {});
  silent.timeline.push(without_prints('sleep'));
  silent.finished = { status: 'ok' };
  assert.equal(printed_lines(silent.timeline.head.console).length, 0);
  assert.deepEqual(probe_outcome(silent, 200_000), { hint: 'It prints nothing: there is no order to guess. Here it runs.', then_explore: true });
});

test('predict: Run probes on the virtual clock, offers the printed lines, then Check runs and marks', () => {
  const { runs, link, store, feed } = page();
  const explore = new explore_mode({ runner: runs, program: fake_program('interleaving', { speed: 1 }) });
  const view = fake_view();
  const painted = [];
  explore.views = [{ paint: (frame) => painted.push(frame.seq) }];
  const predict = new predict_mode({ store, runner: runs, explore, view });
  predict.enter();
  explore.run_pressed();
  const earlier = explore.run;
  predict.run_pressed();
  assert.equal(explore.run, null);
  assert.equal(store.runs.has(earlier.id), false, 'the explore run is cancelled');
  assert.deepEqual(link.sent.at(-1), { type: 'run', run: 'probe-2', scenario: 'interleaving', clock: 'virtual' });
  feed('interleaving', predict.probe);
  assert.equal(predict.probe, null);
  assert.equal(store.runs.has('probe-2'), false, 'the probe is forgotten once read');
  assert.deepEqual(view.calls.map((c) => c[0]), ['reset', 'reset', 'offer']);
  assert.equal(view.calls[2][1].length, 4);

  predict.check();
  assert.deepEqual(link.sent.at(-1), { type: 'run', run: 'explore-3', scenario: 'interleaving', speed: 1 });
  const [first, ...rest] = recorded_run('interleaving', explore.run.id, { batch: 20 });
  store.handle_message(first);
  predict.draw();
  for (const message of rest) store.handle_message(message);
  predict.draw();
  assert.deepEqual(view.calls.slice(3), [['mark', 2, false], ['mark', 4, true]]);
  assert.deepEqual(painted, [19, 68]);
  assert.equal(predict.track().cursor, explore.cursor, 'the transport moves explore\'s cursor');
});

test('predict: a program that prints one line is simply run', () => {
  const { runs, link, store } = page();
  const explore = new explore_mode({ runner: runs, program: fake_program('hello') });
  const view = fake_view();
  const predict = new predict_mode({ store, runner: runs, explore, view });
  predict.run_pressed();
  const events = without_prints('interleaving', 9);
  store.handle_message({ type: 'events', run: predict.probe.id, events });
  store.handle_message({ type: 'run_finished', run: predict.probe.id, status: 'ok', elapsed: 2 });
  assert.deepEqual(view.calls.at(-1), ['reset', 'It prints one line: there is no order to guess. Here it runs.']);
  assert.equal(link.sent.at(-1).run, explore.run.id);
});

test('compare: both catalog programs run, and at the end each side shows its total', () => {
  const { runs, link, store, feed } = page();
  const compare = new compare_mode({ store, runner: runs, program: { speed: 8 }, pair: () => ['sequential_awaited', 'gather'] });
  assert.equal(compare.frame().bar.describe, 'Pick two programs and press Run both.');
  compare.run_pressed();
  assert.deepEqual(link.sent.map((m) => [m.run, m.scenario, m.speed]), [['compare0-1', 'sequential_awaited', 8], ['compare1-2', 'gather', 8]]);
  feed('sequential_awaited', compare.runs[0]);
  feed('gather', compare.runs[1]);
  const frame = compare.frame();
  assert.deepEqual(frame.sides.map((s) => s.total), ['6.0 s', '3.0 s']);
  assert.deepEqual(frame.sides.map((s) => s.status), ['ok', 'ok']);
  assert.equal(frame.bar.position, `event ${64 + 81} of ${64 + 81}, both programs`);
  assert.equal(frame.clock, '6.0 s');
  assert.deepEqual(compare.link(frame.seq), { compare: ['sequential_awaited', 'gather'], step: 144 });
});

test('compare: at the moment gather prints its last line, sequential is half way', () => {
  const { runs, store, feed } = page();
  const compare = new compare_mode({ store, runner: runs, program: { speed: 'instant' }, pair: () => ['sequential_awaited', 'gather'] });
  compare.open({});
  feed('sequential_awaited', compare.runs[0]);
  feed('gather', compare.runs[1]);
  const { events, is_print, cursor } = compare.track();
  const prints = [...events.keys()].filter(is_print);
  assert.equal(prints.length, 12);
  const last_of_gather = prints.filter((i) => events[i].side === 1).at(-1);
  cursor.hold(last_of_gather, events.length);
  const frame = compare.frame();
  assert.equal(frame.clock, '3.0 s');
  assert.deepEqual(frame.sides.map((s) => s.total), ['3.0 s…', '3.0 s…'], 'neither run has ended at its last print');
  assert.deepEqual(frame.sides.map((s) => printed_lines(s.console).length), [3, 6]);
  assert.match(frame.bar.describe, /^Right: Task-1 prints/);
});

test('compare: two runs from elsewhere (a room\'s) are shown at a step of their merged order, as the presenter\'s page counts it', () => {
  const { runs, store, feed } = page();
  // The presenter's page: its own runs of the pair, held at gather's last print
  const presenting = new compare_mode({ store, runner: runs, program: { speed: 'instant' }, pair: () => ['sequential_awaited', 'gather'] });
  presenting.open({});
  feed('sequential_awaited', presenting.runs[0]);
  feed('gather', presenting.runs[1]);
  const shown = presenting.track();
  const step = [...shown.events.keys()].filter(shown.is_print).filter((i) => shown.events[i].side === 1).at(-1);
  shown.cursor.hold(step, shown.events.length);
  // The viewer's page: the same programs' events as a room sends them, loaded as runs of the store
  const room_runs = ['sequential_awaited', 'gather'].map((scenario) => {
    const events = load_events(scenario);
    return load_run_file(store, { header: { program: { scenario, source: '' } }, events, finished: finished_message(events) }, 'room');
  });
  const viewing = new compare_mode({ store, runner: runs, program: { speed: 'instant' }, pair: () => ['sequential_awaited', 'gather'] });
  viewing.show(room_runs);
  assert.equal(viewing.frame().seq, 0, 'shown from the first event');
  viewing.track().cursor.hold(step, Infinity);
  const [theirs, ours] = [presenting.frame(), viewing.frame()];
  assert.equal(ours.seq, theirs.seq);
  assert.equal(ours.clock, theirs.clock);
  assert.deepEqual(ours.sides.map((s) => printed_lines(s.console)), theirs.sides.map((s) => printed_lines(s.console)));
});

test('compare: a held moment stays on its event while the slower run\'s earlier events arrive', () => {
  const { runs, store } = page();
  const compare = new compare_mode({ store, runner: runs, program: { speed: 1 }, pair: () => ['sequential_awaited', 'gather'] });
  compare.open({});
  const [right_first, ...right_rest] = recorded_run('gather', compare.runs[1].id, { batch: 20 });
  for (const message of recorded_run('sequential_awaited', compare.runs[0].id)) store.handle_message(message);
  store.handle_message(right_first);
  const { events, is_print, cursor } = compare.track();
  const last_print = [...events.keys()].filter(is_print).at(-1);
  cursor.hold(last_print, events.length);
  const held = events[last_print];
  assert.equal(held.t, 6);
  for (const message of right_rest) store.handle_message(message);
  const frame = compare.frame();
  const now = compare.track().events[frame.seq];
  assert.ok(frame.seq > last_print, 'gather\'s events up to 3 s came in before it');
  assert.deepEqual([now.side, now.seq], [held.side, held.seq]);
});

test('explore: a run opened from a file replaces the run on screen, held at its first event, and saves as it came', () => {
  const { runs, link, store } = page();
  const explore = new explore_mode({ runner: runs, program: fake_program() });
  explore.run_pressed(); // a live run at the server, replaced by the file's
  const events = load_events('gather');
  const text = run_file_text({ events, program: { source: '# gather\n', scenario: 'gather', file_name: '/tmp/gather.py' }, settings: { clock: 'virtual', speed: 1 }, loopscope: '0.0.9' });
  const run = load_run_file(store, read_run_file(text));
  explore.show(run);
  assert.deepEqual(link.sent.at(-1), { type: 'cancel', run: 'explore-1' });
  assert.equal(store.runs.has('explore-1'), false);
  const frame = explore.frame();
  assert.equal(frame.seq, 0);
  assert.equal(frame.bar.position, `event 1 of ${events.length}`);
  assert.equal(frame.bar.live, false);
  explore.cursor.step(1000, run.timeline.length);
  assert.equal(explore.frame().total, 'total 3.0 s');
  // Saved again, the file says what it said, its events included
  assert.equal(run_file_of(run, { loopscope: '0.1.0' }), text);
});

test('explore: a link\'s seed is the first run\'s random_seed, the finished run\'s seed is in the link, and a program using random shows it', () => {
  const { runs, link, store } = page();
  const program = { program: { source: 'import random\nprint(random.random())\n' }, speed: 'instant', editor: { text: () => 'import random\nprint(random.random())\n' }, holds: () => true };
  const explore = new explore_mode({ runner: runs, program });
  explore.open({ step: undefined, seed: 42 });
  assert.deepEqual(link.sent, [], 'a link without a step does not run');
  explore.run_pressed();
  assert.deepEqual(link.sent[0], { type: 'run', run: 'explore-1', source: 'import random\nprint(random.random())\n', clock: 'virtual', random_seed: 42 });
  assert.equal(explore.link(0).seed, 42, 'the seed asked for, before the run finishes');
  store.handle_message({ type: 'run_finished', run: 'explore-1', status: 'ok', elapsed: 0, exit_status: 0, random_seed: 42 });
  assert.match(explore.frame().total, / · random seed 42$/);
  explore.run_pressed();
  assert.equal(link.sent.at(-1).random_seed, undefined, 'pressing Run again draws a new seed');
  store.handle_message({ type: 'run_finished', run: 'explore-2', status: 'ok', elapsed: 0, exit_status: 0, random_seed: 77 });
  assert.equal(explore.link(0).seed, 77);
  assert.match(explore.frame().total, / · random seed 77$/);
});

test('explore: a program without random shows no seed', () => {
  const { runs, store } = page();
  const explore = new explore_mode({ runner: runs, program: fake_program() });
  explore.run_pressed();
  for (const message of recorded_run('interleaving', explore.run.id)) store.handle_message(message);
  assert.doesNotMatch(explore.frame().total, /seed/);
});

test('explore: the link of a program without random has no seed', () => {
  const { runs, store } = page();
  const explore = new explore_mode({ runner: runs, program: fake_program() });
  explore.run_pressed();
  store.handle_message({ type: 'run_finished', run: explore.run.id, status: 'ok', elapsed: 0, exit_status: 0, random_seed: 5 });
  assert.equal(explore.link(0).seed, undefined);
});

// The seed is the run's: it shows at every step, not only at the end that reported it
test('explore: a run that used random shows its seed at every step, live, from a file and from a link', () => {
  const source = readFileSync(new URL('fixtures/random_naps.py', import.meta.url), 'utf8');
  const events = load_events('random_naps');
  const program = { program: { scenario: null, source }, speed: 'instant', editor: { text: () => source }, holds: () => true };
  const { runs, store } = page();
  const explore = new explore_mode({ runner: runs, program });
  explore.run_pressed();
  store.handle_message({ type: 'events', run: explore.run.id, events });
  store.handle_message({ type: 'run_finished', run: explore.run.id, status: 'ok', elapsed: 2, exit_status: 0, random_seed: 1234 });
  for (const seq of [0, 30, events.length - 2, events.length - 1]) {
    explore.cursor.hold(seq, events.length);
    assert.match(explore.frame().total, / · random seed 1234$/, `live run, step ${seq}`);
    assert.equal(explore.link(seq).seed, 1234);
  }
  // Opened from its file: the same at every step
  const file = read_run_file(run_file_of(explore.run));
  explore.show(load_run_file(store, file));
  for (const seq of [0, 30, events.length - 1]) {
    explore.cursor.hold(seq, events.length);
    assert.match(explore.frame().total, / · random seed 1234$/, `from the file, step ${seq}`);
    assert.equal(explore.link(seq).seed, 1234);
  }
  // A link's run, held at a step while it is still live: the seed the link asked for
  explore.open({ step: 5, seed: 1234 });
  store.handle_message({ type: 'events', run: explore.run.id, events: events.slice(0, 10) });
  assert.match(explore.frame().total, / · random seed 1234$/);
});
