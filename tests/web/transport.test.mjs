// The transport over a track of recorded events: stepping, holding, following, replays that stop at
// the end of a finished run, jumps between prints, the replay speed, and its whole state read on one
// page and set on another (as a presenter's page will drive a viewer's).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { transport } from '../../web/lib/transport.mjs';
import { player } from '../../web/lib/player.mjs';
import { load_events } from './fixtures.mjs';

// A track over a recording, as a mode gives it; `changes` counts what the page was told.
function over(name, { finished = true } = {}) {
  const track = { cursor: new player(), events: load_events(name), finished };
  track.is_print = (i) => track.events[i].kind === 'print';
  const moved = { changes: 0 };
  const time = new transport(() => track);
  time.listen(() => { moved.changes += 1; });
  return { track, time, moved, at: () => track.cursor.position(track.events.length) };
}

const interleaving_prints = [9, 15, 29, 41];

test('step, hold and follow move the cursor inside the run, and each move is told', () => {
  const { time, moved, at, track } = over('interleaving');
  assert.equal(at(), 68, 'a new track follows the end');
  time.hold(-1);
  assert.equal(at(), -1);
  time.step(1);
  time.step(1);
  assert.equal(at(), 1);
  time.step(-5);
  assert.equal(at(), -1);
  time.hold(500);
  assert.equal(at(), 68);
  assert.equal(track.cursor.following, false);
  time.follow();
  assert.equal(track.cursor.following, true);
  assert.equal(moved.changes, 6);
});

test('next print and previous print stop on each print in turn, and stay put past the last', () => {
  const { time, at } = over('interleaving');
  time.hold(-1);
  const forward = [];
  for (let i = 0; i < 5; i += 1) {
    time.jump_print(true);
    forward.push(at());
  }
  assert.deepEqual(forward, [...interleaving_prints, 41]);
  time.jump_print(false);
  time.jump_print(false);
  assert.equal(at(), 15);
});

test('a replay moves on with the frames, and stops at the end of a finished run', () => {
  const { time, track, at } = over('interleaving');
  time.toggle_play();
  assert.equal(track.cursor.playing, true);
  assert.equal(at(), -1, 'a replay from the end starts again');
  assert.equal(time.tick(0.001), false, 'less than a beat: nothing moves');
  assert.equal(time.tick(0.5), true);
  assert.ok(at() > 0 && at() < 68);
  time.tick(100);
  assert.equal(at(), 68);
  assert.equal(track.cursor.playing, false, 'paused at the end');
  assert.equal(time.tick(1), false);
});

test('a replay of a live run waits at the end for more', () => {
  const { time, track, at } = over('interleaving', { finished: false });
  time.hold(10);
  time.toggle_play();
  time.tick(100);
  assert.equal(at(), 68);
  assert.equal(track.cursor.playing, true);
});

test('pause holds where the replay got to; with no events there is nothing to play', () => {
  const { time, track, at } = over('interleaving');
  time.hold(3);
  time.toggle_play();
  time.toggle_play();
  assert.equal(track.cursor.playing, false);
  assert.equal(at(), 3);
  const empty = over('interleaving');
  empty.track.events = [];
  empty.time.toggle_play();
  assert.equal(empty.track.cursor.playing, false);
  assert.equal(empty.moved.changes, 0);
});

test('the replay speed goes up and down the list and stops at its ends; an unknown one is 1×', () => {
  const { time } = over('sleep');
  assert.equal(time.replay_speed, 1);
  time.nudge_replay_speed(1);
  time.nudge_replay_speed(1);
  assert.equal(time.replay_speed, 4);
  for (let i = 0; i < 5; i += 1) time.nudge_replay_speed(1);
  assert.equal(time.replay_speed, 8);
  for (let i = 0; i < 9; i += 1) time.nudge_replay_speed(-1);
  assert.equal(time.replay_speed, 0.25);
  time.set_replay_speed(3);
  assert.equal(time.replay_speed, 1);
});

test('a faster replay gets further in the same real time', () => {
  const slow = over('gather');
  const fast = over('gather');
  fast.time.set_replay_speed(8);
  for (const { time } of [slow, fast]) {
    time.hold(-1);
    time.toggle_play();
    time.tick(1);
  }
  assert.ok(fast.at() > slow.at(), `${fast.at()} > ${slow.at()}`);
});

test('one page\'s position set on another shows the same moment: held, replaying, or following', () => {
  const presenter = over('gather');
  const viewer = over('gather');
  presenter.time.hold(-1);
  presenter.time.jump_print(true);
  presenter.time.set_replay_speed(2);
  viewer.time.apply(presenter.time.position());
  assert.deepEqual(viewer.time.position(), { seq: 15, following: false, playing: false, replay_speed: 2 });

  presenter.time.toggle_play();
  viewer.time.apply(presenter.time.position());
  assert.equal(viewer.track.cursor.playing, true);
  presenter.time.tick(0.5);
  viewer.time.tick(0.5);
  assert.equal(viewer.at(), presenter.at(), 'the same frames replay the same way');

  presenter.time.follow();
  viewer.time.apply(presenter.time.position());
  assert.equal(viewer.track.cursor.following, true);
  assert.equal(viewer.at(), 80);
});

test('a position past the events that have arrived is kept until they do', () => {
  const viewer = over('gather');
  const arrived = viewer.track.events;
  viewer.track.events = arrived.slice(0, 10);
  viewer.time.apply({ seq: 40 });
  assert.equal(viewer.at(), 9);
  viewer.track.events = arrived;
  assert.equal(viewer.at(), 40);
});
