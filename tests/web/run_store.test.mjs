// The run store fed recorded message sequences (the protocol's examples and recorded runs), as the
// connection, a run file or a room would feed it; and the runner that asks the server for runs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run_store, max_events_kept } from '../../web/lib/run_store.mjs';
import { runner } from '../../web/lib/runner.mjs';
import { example_message, recorded_run, fake_link, load_events } from './fixtures.mjs';

// A store and every note it told, by type.
function watched_store(options) {
  const store = new run_store(options);
  const notes = [];
  store.listen((note) => notes.push(note));
  const of = (type) => notes.filter((n) => n.type === type);
  return { store, notes, of };
}

const program = { scenario: 'interleaving', source: 'print(1)\n' };

test('hello fills the catalog and the limits, and says so', () => {
  const { store, of } = watched_store();
  store.handle_message(example_message('hello'));
  assert.ok(store.catalog.length > 0);
  assert.equal(store.scenario('hello').title, 'Hello World: a coroutine');
  assert.equal(store.limits.max_tasks, 10000);
  assert.equal(of('hello').length, 1);
  assert.equal(of('changed').length, 1);
});

test('a recorded run, batch by batch: every event kept in order, its horizon, its end', () => {
  const { store, of } = watched_store();
  const run = store.add_run('explore', program);
  assert.equal(run.id, 'explore-1');
  const messages = recorded_run('interleaving', run.id, { batch: 7 });
  for (const message of messages.slice(0, 3)) store.handle_message(message);
  assert.equal(run.timeline.length, 21);
  assert.equal(run.finished, null);
  for (const message of messages.slice(3)) store.handle_message(message);
  assert.equal(run.timeline.length, 69);
  assert.deepEqual(run.timeline.head.console.filter((c) => c.kind === 'print').map((c) => c.text), ['This goes first!\n', 'This goes second!\n', 'This goes third!\n', 'This goes fourth!\n']);
  assert.equal(run.horizon, 2);
  assert.equal(run.finished.status, 'ok');
  assert.deepEqual(of('finished').map((n) => n.run), [run]);
  assert.deepEqual(of('notice'), []);
  assert.equal(of('changed').length, messages.length);
});

test('a run\'s horizon reaches its latest event, and a timer\'s deadline before the clock gets there', () => {
  const { store } = watched_store();
  const hi = store.add_run('hi', program);
  store.runs.set('hi', hi);
  const example = example_message('events');
  example.events.at(-1).t = 0.75;
  store.handle_message(example);
  assert.equal(hi.horizon, 0.75);
  const sleeper = store.add_run('explore', program);
  const [first] = recorded_run('sleep', sleeper.id, { batch: 12 });
  store.handle_message(first);
  assert.equal(sleeper.timeline.head.t, 0);
  assert.equal(sleeper.horizon, 5, 'the 5 s sleep\'s timer');
});

// "of X s" is the program time the run took: a timer cancelled before it fired is time that never ran
test('a cancelled timer leaves the horizon: a finished run reaches the time it ran, no further', () => {
  for (const [name, elapsed] of [['wait_for_timeout', 7], ['cancel_cleanup', 2], ['timeout_block', 5], ['gather', 3]]) {
    const { store } = watched_store();
    const run = store.add_run('explore', program);
    for (const message of recorded_run(name, run.id, { batch: 5 })) store.handle_message(message);
    assert.equal(run.horizon, elapsed, name);
  }
  // While cancel_cleanup's 10 s download sleeps, its timer is the horizon; main cancels it at t = 2
  const { store } = watched_store();
  const run = store.add_run('explore', program);
  const events = load_events('cancel_cleanup');
  const cancelled = events.findIndex((e) => e.kind === 'timer_cancelled');
  store.handle_message({ type: 'events', run: run.id, events: events.slice(0, cancelled) });
  assert.equal(run.horizon, 10);
  store.handle_message({ type: 'events', run: run.id, events: events.slice(cancelled, cancelled + 1) });
  assert.equal(run.horizon, 2);
});

test('two runs streamed at once, their batches interleaved, each keep exactly their own events', () => {
  const { store, of } = watched_store();
  const left = store.add_run('compare0', program);
  const right = store.add_run('compare1', program);
  const streams = [recorded_run('sequential_awaited', left.id, { batch: 5 }), recorded_run('gather', right.id, { batch: 9 })];
  while (streams.some((s) => s.length)) {
    for (const stream of streams) if (stream.length) store.handle_message(stream.shift());
  }
  assert.deepEqual(left.timeline.events, load_events('sequential_awaited'));
  assert.deepEqual(right.timeline.events, load_events('gather'));
  assert.deepEqual([left.finished.elapsed, right.finished.elapsed], [6, 3]);
  assert.deepEqual(of('finished').map((n) => n.run), [right, left], 'gather ends first');
  assert.deepEqual(of('notice'), []);
});

test('messages for runs the store does not hold change nothing', () => {
  const { store, of } = watched_store();
  for (const message of recorded_run('gather', 'someone-else')) store.handle_message(message);
  assert.equal(store.runs.size, 0);
  assert.deepEqual(of('finished'), []);
  assert.deepEqual(of('notice'), []);
});

test('a gap in a run\'s events is a notice, and the batch is not kept', () => {
  const { store, of } = watched_store();
  const run = store.add_run('explore', program);
  const [first, second, third] = recorded_run('interleaving', run.id, { batch: 10 });
  store.handle_message(first);
  store.handle_message(third);
  assert.equal(run.timeline.length, 10);
  assert.match(of('notice')[0].text, /^Run explore-1: events out of order: expected seq 10, got 20$/);
  store.handle_message(second);
  assert.equal(run.timeline.length, 20);
});

test('a syntax error lands on its run; any other error is a notice', () => {
  const { store, of } = watched_store();
  const run = store.add_run('mine', program);
  assert.equal(run.id, 'mine-1');
  store.remove(run);
  store.counter = 2;
  const mine = store.add_run('mine', program);
  store.handle_message(example_message('error_syntax'));
  assert.equal(mine.syntax_error.line, 4);
  assert.deepEqual(of('notice'), []);
  store.handle_message(example_message('error'));
  assert.deepEqual(of('notice').map((n) => [n.kind, n.text]), [['error', 'The server refused: unknown message type "dance" (unknown_type)']]);
});

test('a run that ends with an exception keeps it', () => {
  const { store } = watched_store();
  store.counter = 1;
  const run = store.add_run('mine', program);
  store.handle_message(example_message('run_finished_error'));
  assert.equal(run.finished.error.type, 'ZeroDivisionError');
});

test('a run stopped by the server is a warning in explore only, and not when the page stopped it', () => {
  const { store, of } = watched_store();
  const cancelled = (id) => ({ ...example_message('run_finished_cancelled'), run: id });
  const explore = store.add_run('explore', program);
  const compare = store.add_run('compare0', program);
  const ours = store.add_run('explore', program);
  ours.cancelled_by_us = true;
  for (const run of [explore, compare, ours]) store.handle_message(cancelled(run.id));
  assert.deepEqual(of('notice').map((n) => [n.kind, n.text]), [['warning', 'The run was stopped: cancelled by the client.']]);
  assert.equal(of('finished').length, 3);
});

test('past the event bound a run keeps its first events, says so once, and takes no more', () => {
  const { store, of } = watched_store({ max_events: 30 });
  const run = store.add_run('explore', program);
  for (const message of recorded_run('interleaving', run.id, { batch: 16 })) store.handle_message(message);
  assert.equal(run.timeline.length, 30);
  assert.ok(run.overflowed && run.cancelled_by_us);
  assert.deepEqual(of('overflow').map((n) => n.run), [run]);
  assert.equal(of('notice').length, 1);
  assert.match(of('notice')[0].text, /^This run passed 30 events, as many as the page keeps/);
  assert.equal(run.finished.status, 'ok', 'its end still arrives');
  assert.equal(new run_store().max_events, max_events_kept);
});

test('a probe past the bound says nothing: predict mode says it in its own panel', () => {
  const { store, of } = watched_store({ max_events: 30 });
  const probe = store.add_run('probe', program);
  for (const message of recorded_run('interleaving', probe.id)) store.handle_message(message);
  assert.ok(probe.overflowed);
  assert.deepEqual(of('notice'), []);
});

test('runs still live when the connection goes are ended as lost; ended runs stay as they were', () => {
  const { store } = watched_store();
  const done = store.add_run('explore', program);
  const live = store.add_run('compare0', program);
  for (const message of recorded_run('gather', done.id)) store.handle_message(message);
  for (const message of recorded_run('gather', live.id).slice(0, 3)) store.handle_message(message);
  store.lose_live_runs('the connection to the server was lost');
  assert.equal(done.finished.status, 'ok');
  assert.deepEqual(live.finished, { status: 'cancelled', reason: 'the connection to the server was lost', elapsed: live.timeline.head.t, lost: true });
});

test('the runner asks for a catalog run at a speed, or the user\'s code on the virtual clock', () => {
  const store = new run_store();
  const link = fake_link();
  const runs = new runner(store, link, () => assert.fail('no notice'));
  const left = runs.start('compare0', { scenario: 'gather', source: '…' }, { speed: 4 });
  const mine = runs.start('explore', { scenario: null, source: 'print(1)\n' }, { speed: 'instant' });
  const held = runs.start('explore', { scenario: 'gather' }, { speed: 2, virtual: true });
  assert.deepEqual(link.sent, [
    { type: 'run', run: 'compare0-1', scenario: 'gather', speed: 4 },
    { type: 'run', run: 'explore-2', source: 'print(1)\n', clock: 'virtual' },
    { type: 'run', run: 'explore-3', scenario: 'gather', clock: 'virtual' },
  ]);
  assert.deepEqual([...store.runs.values()], [left, mine, held]);
});

test('the runner cancels a live run at the server, and forgets a run either way', () => {
  const store = new run_store();
  const link = fake_link();
  const runs = new runner(store, link, () => {});
  const live = runs.start('explore', program);
  const done = runs.start('explore', program);
  for (const message of recorded_run('sleep', done.id)) store.handle_message(message);
  link.sent.length = 0;
  runs.cancel(live);
  runs.cancel(done);
  runs.cancel(null);
  assert.deepEqual(link.sent, [{ type: 'cancel', run: live.id }]);
  assert.ok(live.cancelled_by_us);
  assert.equal(store.runs.size, 0);
});

test('without a connection nothing is asked and the user is told', () => {
  const store = new run_store();
  const link = { ...fake_link(), live: false };
  const told = [];
  const runs = new runner(store, link, (text) => told.push(text));
  assert.equal(runs.start('explore', program), null);
  assert.deepEqual(link.sent, []);
  assert.equal(store.runs.size, 0);
  assert.match(told[0], /^Not connected to the server/);
});

test('a run past the bound is cancelled at the server once', () => {
  const store = new run_store({ max_events: 30 });
  const link = fake_link();
  const runs = new runner(store, link, () => {});
  const run = runs.start('explore', program);
  for (const message of recorded_run('interleaving', run.id, { batch: 8 })) store.handle_message(message);
  assert.deepEqual(link.sent.slice(1), [{ type: 'cancel', run: run.id }]);
});
