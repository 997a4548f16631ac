// The bar at the bottom that travels in time: its buttons and scrubber move the transport, and
// `draw` shows where the current mode's track is, with the event at the cursor in words.

import { speeds, format_speed } from '../lib/format.mjs';

const $ = (id) => document.getElementById(id);

export class transport_bar {
  constructor(transport) {
    this.transport = transport;
    $('to-start').addEventListener('click', () => transport.hold(-1));
    $('step-back').addEventListener('click', () => transport.step(-1));
    $('step-forward').addEventListener('click', () => transport.step(1));
    $('play').addEventListener('click', () => transport.toggle_play());
    $('next-print').addEventListener('click', (event) => transport.jump_print(!event.shiftKey));
    $('to-end').addEventListener('click', () => transport.follow());
    $('scrub').addEventListener('input', (event) => transport.hold(Number(event.target.value)));
    this.replay_picker = $('replay-speed');
    this.replay_picker.replaceChildren(...speeds.map((s) => new Option(format_speed(s), String(s))));
    this.replay_picker.addEventListener('change', () => transport.set_replay_speed(Number(this.replay_picker.value)));
    transport.listen(() => { this.replay_picker.value = String(transport.replay_speed); });
  }

  // `bar`: { length, seq, position, describe, live } as a mode's frame gives it.
  draw({ length, seq, position, describe, live }) {
    const { cursor } = this.transport.track();
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
}
