// The page's side of a classroom room (web/lib/room.mjs), fed the protocol's room examples and
// recorded sequences: a presenter's positions throttled and conflated, a viewer that follows, detaches
// and follows again, the poll's state, the room's end, refusals.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { presenter, viewer, read_code, room_link, room_position, transport_position, position_interval_ms, poll_table, max_rejoins } from '../../web/lib/room.mjs';
import { transport } from '../../web/lib/transport.mjs';
import { player } from '../../web/lib/player.mjs';
import { readFileSync } from 'node:fs';
import { example_message, load_events } from './fixtures.mjs';

// A client message's example as the page must send it (the decoder reads only the server's).
const client_example = (name) => JSON.parse(readFileSync(new URL(`../../protocol/examples/${name}.json`, import.meta.url), 'utf8'));

const secret = '3f9c2a61d0b84e57a1c6f0e29b7d4c18';

function presenting() {
  const sent = [];
  const notes = [];
  const room = new presenter((m) => sent.push(m));
  room.listen((note) => notes.push(note));
  return { room, sent, notes };
}

function viewing() {
  const sent = [];
  const notes = [];
  const room = new viewer((m) => sent.push(m));
  room.listen((note) => notes.push(note));
  return { room, sent, notes };
}

const start = { step: 0, playing: false, speed: 1, mode: 'explore' };
const at = (step, extra = {}) => ({ ...start, step, ...extra });

function open_room() {
  const p = presenting();
  p.room.create([{ scenario: 'gather' }], start);
  p.room.handle_message(example_message('room_created'));
  return p;
}

test('codes: typed in any case with spaces; anything else is not a code; the link is ?room=CODE', () => {
  assert.equal(read_code(' k7q x4m '), 'K7QX4M');
  assert.equal(read_code('K7QX4'), null, 'too short');
  assert.equal(read_code('K7QX4O'), null, 'O is not in the alphabet');
  assert.equal(read_code(''), null);
  assert.equal(room_link('http://127.0.0.1:8080/?x=1#example=gather', 'K7QX4M'), 'http://127.0.0.1:8080/?room=K7QX4M');
});

test('positions: the step inside the room, the speed inside the server bounds, a known mode', () => {
  const limits = example_message('hello').limits;
  assert.deepEqual(room_position({ seq: -1, playing: false, replay_speed: 1 }, 'explore', 61, limits), at(0));
  assert.deepEqual(room_position({ seq: 99, playing: true, replay_speed: 0.001 }, 'predict', 61, limits), { step: 60, playing: true, speed: 0.01, mode: 'predict' });
  assert.deepEqual(room_position({ seq: 3, playing: false, replay_speed: 4 }, 'compare', 61, limits), at(3, { speed: 4, mode: 'compare' }));
  assert.deepEqual(transport_position(example_message('room_position')), { seq: 42, following: false, playing: true, replay_speed: 0.5, mode: 'explore' });
});

test('a presenter creates a room on its programs and gets the code; status tells the viewers and tallies', () => {
  const { room, sent, notes } = presenting();
  room.create([{ scenario: 'gather' }], at(0, { speed: 2 }));
  assert.deepEqual(sent, [{ type: 'room_create', programs: [{ scenario: 'gather' }], step: 0, playing: false, speed: 2, mode: 'explore' }]);
  room.moved(at(5), 0);
  assert.equal(sent.length, 1, 'nothing is sent before the room is open');
  assert.equal(room.handle_message(example_message('room_created')), true);
  assert.equal(room.state, 'open');
  assert.equal(room.code, 'K7QX4M');
  assert.equal(room.length(), 61);
  assert.deepEqual(notes, [{ type: 'created', code: 'K7QX4M' }]);
  room.handle_message(example_message('room_status'));
  assert.equal(room.viewers, 2);
  assert.deepEqual(room.poll, { state: 'open', lines: 3, answers: 2, all_right: 1, places: [[1, 1, 0], [1, 1, 0], [0, 0, 2]] });
  assert.equal(room.handle_message({ ...example_message('room_status'), room: 'OTHER2' }), false, 'another room is not this one');
});

test('a presenter that cannot open a room is told why and can try again', () => {
  const { room, notes } = presenting();
  room.create([{ scenario: 'gather' }], start);
  room.handle_message({ type: 'error', code: 'too_many_rooms', message: 'the server has 100 rooms' });
  assert.equal(room.state, 'idle');
  assert.match(notes[0].text, /as many rooms as it can hold/);
});

test('positions are throttled: at most one per interval, the latest wins, no repeats', () => {
  const { room, sent } = open_room();
  sent.length = 0;
  room.moved(at(0), 1000);
  assert.equal(sent.length, 0, 'the room starts where it was created: nothing to send');
  room.moved(at(1), 1000);
  assert.deepEqual(sent, [{ type: 'room_position', room: 'K7QX4M', secret, ...at(1) }]);
  // Five quick steps within the interval: only the last goes, once its turn comes
  for (let step = 2; step <= 6; step += 1) room.moved(at(step), 1000 + step);
  assert.equal(sent.length, 1);
  room.flush(1000 + position_interval_ms - 1);
  assert.equal(sent.length, 1);
  room.flush(1000 + position_interval_ms);
  assert.deepEqual(sent.at(-1), { type: 'room_position', room: 'K7QX4M', secret, ...at(6) });
  room.flush(5000);
  assert.equal(sent.length, 2, 'nothing waits once the latest is sent');
  // Moving back to what was sent, before the turn: nothing more to send
  room.moved(at(7), 5000);
  room.moved(at(8), 5001);
  room.moved(at(7), 5002);
  room.flush(9000);
  assert.deepEqual(sent.slice(2).map((m) => m.step), [7]);
});

test("a presenter's poll and close carry the secret", () => {
  const { room, sent } = open_room();
  sent.length = 0;
  room.open_poll(3);
  room.reveal();
  room.close();
  assert.deepEqual(sent, [
    client_example('room_poll_open'),
    { type: 'room_poll', room: 'K7QX4M', secret, action: 'reveal' },
    client_example('room_close'),
  ]);
  room.moved(at(3), 1e9);
  assert.equal(sent.length, 3, 'a closed room sends no more');
});

// A viewer joining a room on the recorded hello run: room_joined, then its events in two messages.
function joined_hello() {
  const v = viewing();
  const events = load_events('sleep');
  v.room.join('K7QX4M');
  const joined = { ...example_message('room_joined'), events: [events.length] };
  v.room.handle_message(joined);
  v.room.handle_message({ type: 'room_events', room: 'K7QX4M', program: 0, events: events.slice(0, 10) });
  assert.equal(v.notes.length, 0, 'nothing to show until every event is in');
  v.room.handle_message({ type: 'room_events', room: 'K7QX4M', program: 0, events: events.slice(10) });
  return { ...v, events };
}

test("a viewer joins: once the events are in, the room's program and position are shown", () => {
  const { room, sent, notes, events } = joined_hello();
  assert.deepEqual(sent, [client_example('room_join')]);
  assert.equal(room.state, 'following');
  assert.equal(notes[0].type, 'joined');
  assert.equal(notes[0].programs[0].scenario, 'hello');
  assert.equal(notes[0].programs[0].events.length, events.length);
  assert.deepEqual(notes[1], { type: 'position', position: { seq: 7, following: false, playing: false, replay_speed: 1, mode: 'explore' } });
});

test("a viewer follows, detaches on its own step (the room's position is kept), and follows again", () => {
  const { room, notes } = joined_hello();
  notes.length = 0;
  room.handle_message(example_message('room_position'));
  assert.equal(notes.length, 1);
  room.detach();
  room.handle_message({ ...example_message('room_position'), step: 50, playing: false });
  assert.equal(notes.length, 1, 'a detached viewer is not moved');
  assert.equal(room.position.seq, 50, 'but knows where the room is');
  room.follow();
  assert.deepEqual(notes.at(-1), { type: 'position', position: { seq: 50, following: false, playing: false, replay_speed: 0.5, mode: 'explore' } });
  assert.equal(room.following, true);
});

test("a viewer's transport applies the room position; its own step is what detaches it", () => {
  const { room, events } = joined_hello();
  const track = { cursor: new player(), events, finished: true, is_print: () => false };
  const time = new transport(() => track);
  let applying = false;
  time.listen(() => { if (!applying) room.detach(); });
  room.listen((note) => {
    if (note.type !== 'position') return;
    applying = true;
    time.apply(note.position);
    applying = false;
  });
  for (let step = 1; step <= 5; step += 1) room.handle_message({ type: 'room_position', room: 'K7QX4M', step, playing: false, speed: 1, mode: 'explore' });
  assert.equal(time.position().seq, 5);
  assert.equal(room.following, true);
  time.step(1);
  assert.equal(room.following, false);
  room.handle_message({ type: 'room_position', room: 'K7QX4M', step: 20, playing: false, speed: 1, mode: 'explore' });
  assert.equal(time.position().seq, 6, 'detached: the room moved, this page did not');
  room.follow();
  assert.equal(time.position().seq, 20);
});

test("a viewer's poll: opened, answered (the latest counts), revealed with its score; a new poll drops the answer", () => {
  const { room, sent, notes } = joined_hello();
  sent.length = 0;
  room.answer_poll([0, 1, 2]);
  assert.equal(sent.length, 0, 'no poll is open');
  room.handle_message(example_message('room_poll'));
  assert.deepEqual(room.poll, { state: 'open', lines: 3 });
  room.answer_poll([1, 0, 2]);
  assert.deepEqual(sent, [client_example('room_answer')]);
  room.handle_message({ type: 'room_poll', room: 'K7QX4M', state: 'revealed', lines: 3 });
  assert.equal(room.score(), 1);
  room.answer_poll([0, 1, 2]);
  assert.equal(sent.length, 1, 'no answer once revealed');
  room.handle_message(example_message('room_poll'));
  assert.equal(room.answer, null);
  assert.equal(notes.filter((n) => n.type === 'poll').length, 3);
});

test('the room ends: the viewer is told and moves no more', () => {
  const { room, notes } = joined_hello();
  room.handle_message(example_message('room_ended'));
  assert.equal(room.state, 'ended');
  assert.match(notes.at(-1).text, /presenter has left/);
  notes.length = 0;
  room.handle_message(example_message('room_position'));
  assert.equal(notes.length, 0);
  room.follow();
  assert.equal(notes.length, 0, 'nothing to follow');
});

// The room's messages again on a new connection: room_joined at `step`, then every event at once.
function rejoined(room, events, step) {
  room.handle_message({ ...example_message('room_joined'), events: [events.length], position: { step, playing: false, speed: 1, mode: 'explore' } });
  room.handle_message({ type: 'room_events', room: 'K7QX4M', program: 0, events });
}

test('a dropped connection: the viewer keeps what it has, rejoins once the connection is back, and follows on', () => {
  const { room, sent, notes, events } = joined_hello();
  sent.length = 0;
  notes.length = 0;
  room.lost();
  room.lost(); // the connection goes through several states while it reconnects: told once
  assert.equal(room.state, 'reconnecting');
  assert.equal(room.reconnecting, true);
  assert.deepEqual(notes.map((n) => n.type), ['reconnecting']);
  assert.equal(sent.length, 0, 'nothing is sent on a connection that is down');
  room.rejoin();
  assert.deepEqual(sent, [client_example('room_join')], 'the same room, joined again');
  rejoined(room, events, 12);
  assert.equal(room.state, 'following');
  assert.deepEqual(notes.slice(1).map((n) => n.type), ['rejoined', 'position'], "the page's runs stay: no second 'joined'");
  assert.equal(notes.at(-1).position.seq, 12, 'where the room is now');
  room.handle_message({ type: 'room_position', room: 'K7QX4M', step: 13, playing: false, speed: 1, mode: 'explore' });
  assert.equal(notes.at(-1).position.seq, 13);
});

test('a detached viewer that reconnects is detached again: it is told no position', () => {
  const { room, notes, events } = joined_hello();
  room.detach();
  room.lost();
  room.rejoin();
  notes.length = 0;
  rejoined(room, events, 12);
  assert.equal(room.state, 'detached');
  assert.deepEqual(notes.map((n) => n.type), ['rejoined']);
  assert.equal(room.position.seq, 12, 'the room is marked where it is');
  room.follow();
  assert.equal(notes.at(-1).position.seq, 12);
});

test('the room ended while the connection was down: the viewer is told so, and keeps what it has', () => {
  for (const code of ['presenter_gone', 'unknown_room']) {
    const { room, notes } = joined_hello();
    room.lost();
    room.rejoin();
    assert.equal(room.handle_message({ type: 'error', code, room: 'K7QX4M', message: '…' }), true);
    assert.equal(room.state, 'ended');
    assert.match(notes.at(-1).text, /room has ended while the connection was down/);
  }
});

test('rejoins are bounded: after max_rejoins in a row without getting back in, the viewer stops', () => {
  const { room, sent, notes } = joined_hello();
  sent.length = 0;
  for (let i = 0; i < max_rejoins; i += 1) {
    room.lost();
    room.rejoin();
  }
  assert.equal(sent.length, max_rejoins);
  room.lost();
  room.rejoin();
  assert.equal(sent.length, max_rejoins, 'no more tries');
  assert.equal(room.state, 'ended');
  assert.match(notes.at(-1).text, /could not be rejoined after 5 tries/);
});

test('a connection that is gone for good ends the viewer; a viewer that never joined has nothing to rejoin', () => {
  const { room, notes } = joined_hello();
  room.lost();
  room.gone();
  assert.equal(room.state, 'ended');
  assert.match(notes.at(-1).text, /cannot be reached/);
  const idle = viewing();
  idle.room.lost();
  idle.room.rejoin();
  assert.equal(idle.room.state, 'idle');
  assert.equal(idle.sent.length, 0);
});

test('a code nobody has: the viewer is told', () => {
  const { room, notes } = viewing();
  room.join('K7QX4N');
  assert.equal(room.handle_message(example_message('error_room')), true);
  assert.equal(room.state, 'idle');
  assert.match(notes[0].text, /no room with this code/);
});

test("the presenter's table of a poll: a row per printed line, how many put it at each place", () => {
  const { room } = open_room();
  room.handle_message(example_message('room_status'));
  const table = poll_table(room.poll, ['Start brewing coffee...', 'Start toasting bagel...', 'Done brewing coffee.']);
  assert.equal(table.summary, '2 answers, 1 with the whole order right (answers open)');
  assert.equal(table.places, 3);
  assert.deepEqual(table.rows.map((r) => [r.text, r.counts, r.right]), [
    ['Start brewing coffee...', [1, 1, 0], 0],
    ['Start toasting bagel...', [1, 1, 0], 1],
    ['Done brewing coffee.', [0, 0, 2], 2],
  ]);
  assert.equal(poll_table(null, []), null, 'no poll yet');
});

// A tab's sessionStorage, in memory.
function memory_storage() {
  const items = new Map();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => items.set(k, String(v)), removeItem: (k) => items.delete(k), items };
}

test("a presenter's tab keeps the room's code and secret for a reload, and forgets them when the room ends", () => {
  const storage = memory_storage();
  const room = new presenter(() => {}, { storage });
  assert.equal(presenter.remembered(storage), null);
  room.create([{ scenario: 'gather' }], start);
  room.handle_message(example_message('room_created'));
  assert.deepEqual(presenter.remembered(storage), { code: 'K7QX4M', secret });
  room.close();
  assert.equal(presenter.remembered(storage), null, 'a closed room is not reclaimed');
  storage.setItem('loopscope.presenting', '{not json');
  assert.equal(presenter.remembered(storage), null);
  storage.setItem('loopscope.presenting', JSON.stringify({ code: 'K7QX4O', secret }));
  assert.equal(presenter.remembered(storage), null, 'not a code');
});

// The room taken back: room_reclaimed at step 12 with a poll open, then the hello run's events in two messages.
function reclaim_hello(room) {
  const events = load_events('sleep');
  room.handle_message({ ...example_message('room_reclaimed'), events: [events.length] });
  room.handle_message({ type: 'room_events', room: 'K7QX4M', program: 0, events: events.slice(0, 10) });
  room.handle_message({ type: 'room_events', room: 'K7QX4M', program: 0, events: events.slice(10) });
  return events;
}

test("a presenter whose connection drops keeps the room and takes it back with the secret once it is back", () => {
  const { room, sent, notes } = open_room();
  sent.length = 0;
  notes.length = 0;
  room.lost();
  room.lost(); // told once
  assert.equal(room.state, 'reconnecting');
  assert.deepEqual(notes.map((n) => n.type), ['reconnecting']);
  room.moved(at(3), 1e9);
  assert.equal(sent.length, 0, 'nothing is sent while the room is not ours');
  room.reconnected();
  assert.deepEqual(sent, [client_example('room_reclaim')]);
  assert.equal(room.state, 'reclaiming');
  const events = reclaim_hello(room);
  assert.equal(room.state, 'open');
  const reclaimed = notes.at(-1);
  assert.equal(reclaimed.type, 'reclaimed');
  assert.equal(reclaimed.programs[0].events.length, events.length);
  assert.equal(reclaimed.programs[0].scenario, 'hello');
  assert.deepEqual(reclaimed.position, { seq: 12, following: false, playing: true, replay_speed: 1, mode: 'explore' });
  assert.deepEqual(room.poll, { state: 'open', lines: 3 });
  // It drives again from where the room is: the same position is no move
  room.moved(at(12, { playing: true }), 2e9);
  assert.equal(sent.length, 1);
  room.moved(at(13), 3e9);
  assert.deepEqual(sent.at(-1), { type: 'room_position', room: 'K7QX4M', secret, ...at(13) });
});

test("a reloaded presenter's page reclaims from what its tab kept; a room gone meanwhile ends and is forgotten", () => {
  const storage = memory_storage();
  storage.setItem('loopscope.presenting', JSON.stringify({ code: 'K7QX4M', secret }));
  const sent = [];
  const notes = [];
  const room = new presenter((m) => sent.push(m), { storage });
  room.listen((note) => notes.push(note));
  const kept = presenter.remembered(storage);
  room.reclaim(kept.code, kept.secret);
  assert.deepEqual(sent, [client_example('room_reclaim')]);
  reclaim_hello(room);
  assert.equal(room.state, 'open');
  assert.equal(room.code, 'K7QX4M');

  // Too late: the server no longer has the room
  const late = new presenter(() => {}, { storage });
  const told = [];
  late.listen((note) => told.push(note));
  late.reclaim('K7QX4M', secret);
  assert.equal(late.handle_message({ type: 'error', code: 'unknown_room', room: 'K7QX4M', message: '…' }), true);
  assert.equal(late.state, 'ended');
  assert.match(told.at(-1).text, /has ended/);
  assert.equal(presenter.remembered(storage), null);
});

test('another page took the room: this presenter stops driving it', () => {
  const { room, sent, notes } = open_room();
  room.handle_message({ type: 'room_ended', room: 'K7QX4M', reason: 'reclaimed' });
  assert.equal(room.state, 'ended');
  assert.match(notes.at(-1).text, /presented from another page/);
  sent.length = 0;
  room.moved(at(5), 1e9);
  assert.equal(sent.length, 0);
});

test("a viewer is told when the presenter's connection drops and when the presenter is back, and follows on", () => {
  const { room, notes } = joined_hello();
  notes.length = 0;
  room.handle_message(example_message('room_presenter'));
  assert.equal(room.presenter_away, true);
  assert.equal(room.state, 'following', 'still in the room');
  assert.deepEqual(notes.map((n) => [n.type, n.away]), [['presenter', true]]);
  assert.match(notes.at(-1).text, /waits for them/);
  room.handle_message({ type: 'room_presenter', room: 'K7QX4M', state: 'back' });
  assert.equal(room.presenter_away, false);
  assert.match(notes.at(-1).text, /back/);
  room.handle_message({ type: 'room_position', room: 'K7QX4M', step: 13, playing: false, speed: 1, mode: 'explore' });
  assert.equal(notes.at(-1).position.seq, 13);
});
