// The playback cursor over a run's events: follow the live end, hold at a seq, or replay at a
// speed. Replay spends each event's program time divided by the speed, plus a short beat per event
// so that steps at the same instant (most of them) can still be seen one after another.

export const beat_seconds = 0.12;

export class player {
  constructor() {
    this.reset();
  }

  reset() {
    this.seq = -1;
    this.following = true;
    this.playing = false;
    this.debt = 0;
  }

  // The seq to draw, given how many events there are.
  position(length) {
    return this.following ? length - 1 : Math.min(this.seq, length - 1);
  }

  hold(seq, length) {
    this.following = false;
    this.playing = false;
    this.seq = Math.max(-1, Math.min(seq, length - 1));
  }

  step(delta, length) {
    this.hold(this.position(length) + delta, length);
  }

  follow() {
    this.following = true;
    this.playing = false;
  }

  play(length) {
    const at = this.position(length);
    this.following = false;
    this.seq = at >= length - 1 ? -1 : at;
    this.playing = true;
    this.debt = 0;
  }

  pause(length) {
    this.hold(this.position(length), length);
  }

  // Advance a replay by `real_seconds` at `speed`; returns true when the seq moved.
  tick(real_seconds, speed, events) {
    if (!this.playing) return false;
    this.debt += real_seconds * speed;
    const start = this.seq;
    while (this.seq < events.length - 1) {
      const next = events[this.seq + 1];
      const before = this.seq >= 0 ? events[this.seq].t : 0;
      const cost = next.t - before + beat_seconds;
      if (this.debt < cost) break;
      this.debt -= cost;
      this.seq += 1;
    }
    if (this.seq >= events.length - 1) this.debt = 0;
    return this.seq !== start;
  }

  // A replay that reached the end of a finished run stops there.
  at_end(length) {
    return this.position(length) >= length - 1;
  }
}
