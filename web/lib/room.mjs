// A classroom room (protocol/README.md, "Rooms"), the page's side: what a presenter and what a viewer
// know and send. Pure: it is fed the server's room messages by `handle_message` and the presenter's
// transport moves by `moved`, sends through `send(message)`, and tells the page what to do as notes,
// as the run store does:
//   { type: 'created', code }            the presenter's room is open
//   { type: 'reclaimed', programs, position }  the presenter has its room back (after a reload or a drop):
//                                         programs [{ scenario, source, events }], position in transport form
//   { type: 'status' }                    viewers or poll tallies changed (presenter)
//   { type: 'joined', programs }          a viewer has every event: programs [{ scenario, source, events }]
//   { type: 'position', position }        a viewer that follows should show this (transport.apply form)
//   { type: 'poll' }                      the poll opened, closed or was revealed (viewer)
//   { type: 'ended', text }               the room is over; a viewer keeps what it has
//   { type: 'presenter', away, text }     a viewer's presenter dropped its connection (away) or is back
//   { type: 'reconnecting', text }        the connection dropped: a viewer keeps what it has and rejoins;
//                                         a presenter reclaims its room (room_reclaim) once it is back
//   { type: 'rejoined' }                  the viewer is back in its room (a 'position' follows if it follows)
//   { type: 'refused', text }             the server refused a room message

// A presenter's moves reach the server at most this often (the latest wins): 20 a second is the rate
// the server's fan-out is measured at (docs/performance.md), and more than a class can see.
export const position_interval_ms = 50;

// A viewer whose connection drops rejoins its room each time the connection is back, at most this many
// times in a row without getting back in (the connection itself backs off between its attempts,
// ui/connection.mjs); then it stops following, as when the room ends.
export const max_rejoins = 5;

// Where a presenter's page keeps its room's code and secret: the tab's sessionStorage, so that a reload
// of that tab reclaims the room (the server keeps it room_linger after the connection drops), and no
// other tab, nor a link, ever carries the secret.
export const presenting_key = 'loopscope.presenting';

export const code_alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const code_length = 6;

// A code typed or read out: spaces and case do not matter; null when it cannot be a code.
export function read_code(text) {
  const code = String(text ?? '').replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== code_length || [...code].some((c) => !code_alphabet.includes(c))) return null;
  return code;
}

// The link that opens a page as a viewer of `code`: the page's own address, ?room=CODE.
export function room_link(href, code) {
  const url = new URL(href);
  url.search = `?room=${code}`;
  url.hash = '';
  return url.toString();
}

const room_modes = ['explore', 'predict', 'compare'];

// A transport position (seq, playing, replay_speed) and a mode, as the room's `room_position` fields:
// the step inside the room's `length` events, the speed inside the server's bounds.
export function room_position({ seq, playing, replay_speed }, mode, length, limits = {}) {
  const { min_speed = 0.01, max_speed = 10_000 } = limits ?? {};
  return {
    step: Math.max(0, Math.min(seq, length - 1)),
    playing: Boolean(playing),
    speed: Math.max(min_speed, Math.min(replay_speed, max_speed)),
    mode: room_modes.includes(mode) ? mode : 'explore',
  };
}

// A room's position as the viewer's transport takes it (`transport.apply`), with the mode to show.
export function transport_position({ step, playing, speed, mode }) {
  return { seq: step, following: false, playing, replay_speed: speed, mode };
}

const same = (a, b) => a && b && a.step === b.step && a.playing === b.playing && a.speed === b.speed && a.mode === b.mode;

// The refusals a room can get, in the words a teacher or student needs.
const refusal_texts = {
  unknown_room: 'There is no room with this code: check it with the presenter.',
  room_full: 'This room is full.',
  presenter_gone: 'The presenter is away from this room: it goes on when they are back.',
  too_many_rooms: 'The server has as many rooms as it can hold; try again later.',
  room_too_large: 'This run is too large to present.',
};

class room_base {
  constructor(send) {
    this.send = send;
    this.listeners = [];
    this.code = null;
    this.ended = null;
  }

  listen(listener) {
    this.listeners.push(listener);
  }

  tell(note) {
    for (const listener of this.listeners) listener(note);
  }

  // A refused room message: told, and true when it was about this room.
  refused(message) {
    if (message.type !== 'error' || message.room === undefined || message.room !== this.code) return false;
    this.tell({ type: 'refused', code: message.code, text: refusal_texts[message.code] ?? `The server refused: ${message.message} (${message.code})` });
    return true;
  }
}

export class presenter extends room_base {
  // `send(message)`: to the server; `interval_ms`: the least time between two positions sent;
  // `storage`: where the room's code and secret are kept for a reload (sessionStorage), or null.
  constructor(send, { interval_ms = position_interval_ms, storage = null } = {}) {
    super(send);
    this.interval_ms = interval_ms;
    this.storage = storage;
    // idle → creating → open → ended; open → reconnecting (the connection dropped) → reclaiming
    // (room_reclaim sent) → open, or ended when the room is gone
    this.state = 'idle';
    this.received = []; // a reclaim's room_events, by program
    this.secret = null;
    this.events = [];
    this.viewers = 0;
    this.poll = null; // room_status's poll: { state, lines, answers, all_right, places }
    this.sent = null; // the last position sent
    this.pending = null; // a newer one waiting for its turn
    this.last_sent_at = -Infinity;
  }

  // The room a reload of this tab left behind: { code, secret }, or null.
  static remembered(storage) {
    try {
      const kept = JSON.parse(storage?.getItem(presenting_key) ?? 'null');
      return kept && read_code(kept.code) && typeof kept.secret === 'string' ? { code: read_code(kept.code), secret: kept.secret } : null;
    } catch {
      return null;
    }
  }

  remember() {
    this.storage?.setItem(presenting_key, JSON.stringify({ code: this.code, secret: this.secret }));
  }

  forget() {
    this.storage?.removeItem(presenting_key);
  }

  // Take a room (back) with its secret: after a reload (`remembered`), or when the connection is back.
  reclaim(code, secret) {
    this.state = 'reclaiming';
    this.code = code;
    this.secret = secret;
    this.ended = null;
    this.pending = null;
    this.received = [];
    this.send({ type: 'room_reclaim', room: code, secret });
  }

  // Open a room on `programs` ([{scenario} | {source}], two for compare) starting at `position`.
  create(programs, position) {
    this.state = 'creating';
    this.code = null;
    this.ended = null;
    this.pending = null;
    this.sent = null;
    this.start = position;
    this.send({ type: 'room_create', programs, ...position });
  }

  // The room's number of events, in the mode's steps (compare: both programs' merged).
  length() {
    return this.events.reduce((sum, n) => sum + n, 0);
  }

  handle_message(message) {
    if (this.state === 'creating' && message.type === 'error' && message.run === undefined && message.room === undefined) {
      this.state = 'idle';
      this.tell({ type: 'refused', code: message.code, text: refusal_texts[message.code] ?? `The room could not open: ${message.message} (${message.code})` });
      return true;
    }
    if (message.type === 'room_created' && this.state === 'creating') {
      this.state = 'open';
      this.code = message.room;
      this.secret = message.secret;
      this.events = message.events;
      this.sent = this.start;
      this.remember();
      this.tell({ type: 'created', code: this.code });
      return true;
    }
    if (message.room === undefined || message.room !== this.code) return false;
    if (this.state === 'reclaiming') return this.reclaiming(message);
    if (message.type === 'room_ended' && message.reason === 'reclaimed') {
      this.end('This room is now presented from another page: this one no longer drives it.');
      return true;
    }
    if (message.type === 'room_status') {
      this.viewers = message.viewers;
      this.poll = message.poll ?? null;
      this.tell({ type: 'status' });
      return true;
    }
    return this.refused(message);
  }

  // The presenter's transport (or mode) moved, at `now` ms: send it, or keep it until the interval is
  // up (then `flush` sends the latest). Nothing is sent while the room is not open, nor a repeat.
  moved(position, now) {
    if (this.state !== 'open') return;
    this.pending = same(position, this.sent) ? null : position;
    this.flush(now);
  }

  // Called every frame: sends a waiting position once its turn has come.
  flush(now) {
    if (this.state !== 'open' || !this.pending || now - this.last_sent_at < this.interval_ms) return;
    this.send({ type: 'room_position', room: this.code, secret: this.secret, ...this.pending });
    this.sent = this.pending;
    this.pending = null;
    this.last_sent_at = now;
  }

  secret_message(type, fields = {}) {
    if (this.state !== 'open') return;
    this.send({ type, room: this.code, secret: this.secret, ...fields });
  }

  open_poll(lines) {
    this.secret_message('room_poll', { action: 'open', lines });
  }

  close_poll() {
    this.secret_message('room_poll', { action: 'close' });
  }

  reveal() {
    this.secret_message('room_poll', { action: 'reveal' });
  }

  close() {
    this.secret_message('room_close');
    this.state = 'ended';
    this.forget();
  }

  // room_reclaimed, then each program's room_events: the room is this page's again once all are in.
  reclaiming(message) {
    if (message.type === 'room_reclaimed') {
      this.events = message.events;
      this.programs = message.programs;
      this.start = { ...message.position };
      this.poll = message.poll ? { ...message.poll } : null;
      this.received = message.programs.map(() => []);
      return true;
    }
    if (message.type === 'room_events' && this.received[message.program]) {
      this.received[message.program].push(...message.events);
      if (this.received.some((events, i) => events.length < this.events[i])) return true;
      this.state = 'open';
      this.sent = this.start;
      this.last_sent_at = -Infinity;
      this.remember();
      const programs = this.programs.map((p, i) => ({ scenario: p.scenario ?? null, source: p.source, events: this.received[i] }));
      this.received = [];
      this.tell({ type: 'reclaimed', programs, position: transport_position(this.start) });
      return true;
    }
    if (message.type === 'error') {
      // The room went meanwhile (room_linger passed, the server restarted), or it is not ours
      this.end(message.code === 'unknown_room' ? 'The room you presented has ended: its time to come back ran out.' : `The room could not be taken back: ${message.message} (${message.code})`);
      return true;
    }
    return true;
  }

  end(text) {
    this.state = 'ended';
    this.forget();
    this.tell({ type: 'ended', text });
  }

  // The connection dropped: the server keeps the room (its viewers following) for room_linger, and
  // this page takes it back when the connection returns (`reconnected`).
  lost() {
    if (this.state === 'idle' || this.state === 'ended' || this.state === 'reconnecting') return;
    if (this.state === 'creating') {
      this.end('The connection to the server was lost before the room opened.');
      return;
    }
    this.state = 'reconnecting';
    this.tell({ type: 'reconnecting', text: 'The connection to the server dropped: your class keeps following, and the room is yours again once it is back…' });
  }

  reconnected() {
    if (this.state === 'reconnecting' || this.state === 'reclaiming') this.reclaim(this.code, this.secret);
  }

  // The connection will not come back: the room ends on the server after room_linger.
  gone() {
    if (this.state === 'idle' || this.state === 'ended') return;
    this.end('The server cannot be reached: this page no longer presents the room.');
  }
}

export class viewer extends room_base {
  constructor(send) {
    super(send);
    // idle → joining → following | detached → ended; following | detached → reconnecting (the connection
    // dropped) → rejoining (room_join sent again) → following | detached, as it was, or ended
    this.state = 'idle';
    this.programs = [];
    this.counts = [];
    this.received = [];
    this.position = null; // the room's latest, transport form
    this.poll = null; // { state, lines }
    this.answer = null; // the order this viewer sent
    this.loaded = false; // the page has shown the room's programs ('joined' was told)
    this.resume = 'following'; // what a rejoin comes back to: 'following' or 'detached'
    this.rejoins = 0; // rejoins tried since the viewer was last in its room
    this.presenter_away = false; // the presenter's connection dropped; the room waits for it
  }

  join(code) {
    this.state = 'joining';
    this.code = code;
    this.ended = null;
    this.send({ type: 'room_join', room: code });
  }

  // Whether the page shows the room's position as it moves.
  get following() {
    return this.state === 'following';
  }

  // Whether the viewer is away from its room for a while (its connection dropped) and will try to get back.
  get reconnecting() {
    return this.state === 'reconnecting' || this.state === 'rejoining';
  }

  // The viewer moved on its own: the room's position is still kept (and marked), not shown.
  detach() {
    if (this.state === 'following') this.state = 'detached';
    else if (this.reconnecting) this.resume = 'detached';
  }

  // Follow again: the latest position is shown at once.
  follow() {
    if (this.reconnecting) this.resume = 'following';
    if (this.state !== 'detached') return;
    this.state = 'following';
    if (this.position) this.tell({ type: 'position', position: this.position });
  }

  answer_poll(order) {
    if (this.poll?.state !== 'open' || this.ended || this.reconnecting) return;
    this.answer = order;
    this.send({ type: 'room_answer', room: this.code, order });
  }

  // How many of this viewer's answer's places were right (the right order is 0, 1, 2, …).
  score() {
    return this.answer ? this.answer.filter((line, place) => line === place).length : null;
  }

  handle_message(message) {
    if (message.room === undefined || message.room !== this.code) return false;
    switch (message.type) {
      case 'room_joined': {
        // A rejoin keeps this viewer's answer to a poll that is still the same one
        const same_poll = this.state === 'rejoining' && message.poll?.state !== undefined && this.poll?.lines === message.poll.lines && this.poll?.state !== 'revealed';
        this.programs = message.programs;
        this.counts = message.events;
        this.received = message.programs.map(() => []);
        this.position = transport_position(message.position);
        this.poll = message.poll ?? null;
        this.presenter_away = false; // a room_presenter follows if it is
        if (!same_poll) this.answer = null;
        this.arrived();
        return true;
      }
      case 'room_events':
        if ((this.state !== 'joining' && this.state !== 'rejoining') || !this.received[message.program]) return true;
        this.received[message.program].push(...message.events);
        this.arrived();
        return true;
      case 'room_position':
        this.position = transport_position(message);
        if (this.state === 'following') this.tell({ type: 'position', position: this.position });
        return true;
      case 'room_poll':
        if (message.state === 'open' && this.poll?.state !== 'open') this.answer = null;
        this.poll = { state: message.state, lines: message.lines };
        this.tell({ type: 'poll' });
        return true;
      case 'room_presenter':
        this.presenter_away = message.state === 'away';
        this.tell({
          type: 'presenter',
          away: this.presenter_away,
          text: this.presenter_away ? "The presenter's connection dropped: the room waits for them to come back." : 'The presenter is back.',
        });
        return true;
      case 'room_ended':
        this.presenter_away = false;
        this.end(message.reason, message.reason === 'closed' ? 'The presenter closed the room. What you see stays here to explore.' : 'The presenter has left, so the room has ended. What you see stays here to explore.');
        return true;
      case 'error':
        if (this.state === 'rejoining') {
          // The room went while this viewer was away (its presenter left, or the server restarted)
          if (message.code === 'presenter_gone' || message.code === 'unknown_room') {
            this.end('presenter_left', 'The room has ended while the connection was down. What you see stays here to explore.');
            return true;
          }
          this.refused(message);
          this.end('refused', 'This page could not rejoin the room. What you see stays here to explore.');
          return true;
        }
        if (this.state === 'joining') this.state = 'idle';
        return this.refused(message);
      default:
        return false;
    }
  }

  end(reason, text) {
    this.state = 'ended';
    this.ended = reason;
    this.tell({ type: 'ended', text });
  }

  // Once every program's events are in, the page can show the room: then where it is. A rejoin's
  // programs are the ones the page shows already (a room's programs never change): it only follows on.
  arrived() {
    if ((this.state !== 'joining' && this.state !== 'rejoining') || this.received.some((events, i) => events.length < this.counts[i])) return;
    const rejoined = this.state === 'rejoining' && this.loaded;
    this.state = rejoined ? this.resume : 'following';
    this.rejoins = 0;
    if (rejoined) {
      this.tell({ type: 'rejoined' });
    } else {
      this.loaded = true;
      this.tell({ type: 'joined', programs: this.programs.map((p, i) => ({ scenario: p.scenario ?? null, source: p.source, events: this.received[i] })) });
    }
    if (this.state === 'following') this.tell({ type: 'position', position: this.position });
  }

  // The connection dropped: the server has forgotten this viewer. It keeps what it has and waits for
  // the connection to come back (`rejoin`). Told once per drop, however many states the connection
  // goes through meanwhile.
  lost() {
    if (this.state === 'idle' || this.state === 'ended' || this.state === 'reconnecting') return;
    if (this.state === 'following' || this.state === 'detached') this.resume = this.state;
    this.state = 'reconnecting';
    this.tell({ type: 'reconnecting', text: 'The connection to the server dropped: reconnecting to the room…' });
  }

  // The connection is back: join the room again, unless that has failed too often in a row.
  rejoin() {
    if (this.state !== 'reconnecting') return;
    if (this.rejoins >= max_rejoins) {
      this.end('lost', `The room could not be rejoined after ${max_rejoins} tries: this page no longer follows it. What you see stays here.`);
      return;
    }
    this.rejoins += 1;
    this.state = 'rejoining';
    this.send({ type: 'room_join', room: this.code });
  }

  // The connection will not come back (the server did not answer): the viewer stops following.
  gone() {
    if (this.state === 'idle' || this.state === 'ended') return;
    this.end('lost', 'The server cannot be reached: this page no longer follows the room. What you see stays here.');
  }
}

// The presenter's view of a poll's tallies (room_status's poll) over the run's printed lines:
// a row per line, in the order the run prints them, with how many put it at each place (the right
// place is the line's own number), and the summary in words.
export function poll_table(poll, lines) {
  if (!poll) return null;
  const rows = lines.slice(0, poll.lines).map((text, line) => ({ text, counts: poll.places?.[line] ?? Array(poll.lines).fill(0), right: line }));
  const state = poll.state === 'open' ? 'answers open' : poll.state === 'closed' ? 'answers closed' : 'revealed';
  const answers = poll.answers ?? 0;
  const summary = `${answers} ${answers === 1 ? 'answer' : 'answers'}, ${poll.all_right ?? 0} with the whole order right (${state})`;
  return { rows, places: poll.lines, summary };
}
