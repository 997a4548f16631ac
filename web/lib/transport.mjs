// The position in time and how it moves: step, hold at a seq, follow the live end, replay at a speed,
// jump to the next print. What it moves is the current mode's track, asked for on every call:
//   track() → { cursor: player, events: [...with .t], is_print(i), finished }
// Every move goes through here and is told to the listeners (the page redraws; a presenter's page
// would send it on), and `position()` / `apply()` read and set the whole state, so that something
// other than this page's keys (a presenter's page) can drive it.

import { speeds } from './format.mjs';

export class transport {
  constructor(track) {
    this.track = track;
    this.replay_speed = 1;
    this.listeners = [];
  }

  listen(listener) {
    this.listeners.push(listener);
  }

  moved() {
    for (const listener of this.listeners) listener();
  }

  step(delta) {
    const { cursor, events } = this.track();
    cursor.step(delta, events.length);
    this.moved();
  }

  hold(seq) {
    const { cursor, events } = this.track();
    cursor.hold(seq, events.length);
    this.moved();
  }

  follow() {
    this.track().cursor.follow();
    this.moved();
  }

  toggle_play() {
    const { cursor, events } = this.track();
    if (!events.length) return;
    if (cursor.playing) cursor.pause(events.length);
    else cursor.play(events.length);
    this.moved();
  }

  jump_print(forward) {
    const { cursor, events, is_print } = this.track();
    const at = cursor.position(events.length);
    for (let i = forward ? at + 1 : at - 1; i >= 0 && i < events.length; i += forward ? 1 : -1) {
      if (is_print(i)) {
        cursor.hold(i, events.length);
        break;
      }
    }
    this.moved();
  }

  set_replay_speed(speed) {
    this.replay_speed = speeds.includes(speed) ? speed : 1;
    this.moved();
  }

  nudge_replay_speed(delta) {
    const index = speeds.indexOf(this.replay_speed) + delta;
    if (index >= 0 && index < speeds.length) this.set_replay_speed(speeds[index]);
  }

  // One animation frame, `real_seconds` after the last: a replay moves on, and stops at the end of a
  // finished run. Returns whether anything moved (then the page draws).
  tick(real_seconds) {
    const { cursor, events, finished } = this.track();
    if (!cursor.playing) return false;
    let moved = cursor.tick(real_seconds, this.replay_speed, events);
    if (finished && cursor.at_end(events.length)) {
      cursor.pause(events.length);
      moved = true;
    }
    return moved;
  }

  // The whole state, as another page would need it to show the same moment.
  position() {
    const { cursor, events } = this.track();
    return { seq: cursor.position(events.length), following: cursor.following, playing: cursor.playing, replay_speed: this.replay_speed };
  }

  // Set the state from outside. A seq past the events that have arrived is kept as asked (the
  // cursor shows the last one until more come), as a permalink's step is.
  apply({ seq, following = false, playing = false, replay_speed = this.replay_speed }) {
    const { cursor } = this.track();
    this.replay_speed = speeds.includes(replay_speed) ? replay_speed : 1;
    if (following) cursor.follow();
    else cursor.hold(seq, Infinity);
    if (playing && !following) {
      cursor.playing = true;
      cursor.debt = 0;
    }
    this.moved();
  }
}
