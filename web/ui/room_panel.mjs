// The room's controls in the top bar and its mark on the scrubber: Present (or End room, and open a
// poll), a code to join, what the room is (its code and link, how many follow; or whom this page follows), Follow when
// a viewer stepped away, and the presenter's step marked on a detached viewer's scrubber.

import { read_code, room_link, presenter, viewer } from '../lib/room.mjs';

const $ = (id) => document.getElementById(id);

export class room_panel {
  // `on_present()`, `on_end()`, `on_join(code)`, `on_follow()`: what the buttons ask; `notify(text)`.
  constructor({ on_present, on_end, on_join, on_follow, on_poll, notify }) {
    $('present').addEventListener('click', () => on_present());
    $('poll-open').addEventListener('click', () => on_poll());
    $('end-room').addEventListener('click', () => on_end());
    $('follow').addEventListener('click', () => on_follow());
    $('join-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const code = read_code($('room-code').value);
      if (code) on_join(code);
      else notify('A room code is six letters and digits, as the presenter shows it.', 'warning');
    });
  }

  // `room`: null, a presenter or a viewer (lib/room.mjs); `bar`: the frame's bar (length, seq).
  draw(room, bar) {
    const role = room instanceof presenter ? 'presenter' : room instanceof viewer ? 'viewer' : null;
    const open = role === 'presenter' && room.state === 'open';
    const creating = role === 'presenter' && room.state === 'creating';
    const returning = role === 'presenter' && (room.state === 'reconnecting' || room.state === 'reclaiming');
    const viewing = role === 'viewer' && room.state !== 'idle' && room.state !== 'ended';
    $('present').hidden = open || creating || returning || viewing;
    $('join-form').hidden = open || creating || returning || viewing;
    $('end-room').hidden = !open;
    $('poll-open').hidden = !open || room.events.length !== 1 || room.poll?.state === 'open';
    $('follow').hidden = !(role === 'viewer' && room.state === 'detached');
    const state = $('room-state');
    const link = $('room-link');
    let text = '';
    if (creating) text = 'Opening a room…';
    else if (open) text = `Room ${room.code} · ${room.viewers} following`;
    else if (returning) text = `Room ${room.code} · reconnecting…`;
    else if (viewing && room.reconnecting) text = `Room ${room.code} · reconnecting…`;
    else if (viewing && room.state === 'joining') text = `Joining room ${room.code}…`;
    else if (viewing) text = `Room ${room.code}${room.following ? ' · following the presenter' : ' · on your own'}${room.presenter_away ? ' · the presenter is away' : ''}`;
    else if (room?.state === 'ended' && room.code) text = `Room ${room.code} ended`;
    state.hidden = !text;
    state.textContent = text;
    state.dataset.role = role ?? '';
    state.dataset.state = room?.state ?? '';
    if (open) {
      const href = room_link(location.href, room.code);
      if (link.href !== href) {
        link.href = href;
        link.textContent = href;
      }
    }
    link.hidden = !open;
    // The presenter's step on a viewer's scrubber, while the viewer is on its own
    const mark = $('room-mark');
    const marked = role === 'viewer' && room.state === 'detached' && room.position && bar.length > 1;
    mark.hidden = !marked;
    if (marked) {
      const at = Math.max(0, Math.min(room.position.seq, bar.length - 1)) + 1;
      mark.style.left = `${(at / bar.length) * 100}%`;
      mark.dataset.seq = String(room.position.seq);
    }
  }
}
