// The websocket to the server, with the truth about it: connecting, live, reconnecting (with
// backoff and a countdown), or gone (after too many failed attempts; `retry()` starts again).

import { decode_message, protocol_error } from '../lib/decoder.mjs';

const first_backoff_ms = 500;
const max_backoff_ms = 8000;
const attempts_before_gone = 8;

export class connection {
  constructor({ on_state, on_message, on_protocol_error }) {
    this.on_state = on_state;
    this.on_message = on_message;
    this.on_protocol_error = on_protocol_error;
    this.socket = null;
    this.backoff_ms = first_backoff_ms;
    this.failures = 0;
    this.timer = null;
    this.room = null; // the room code a viewer follows: said when connecting (protocol/README.md, "Across servers")
  }

  url() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${scheme}//${location.host}/ws${this.room ? `?room=${encodeURIComponent(this.room)}` : ''}`;
  }

  connect() {
    clearInterval(this.timer);
    this.on_state('connecting', this.failures ? `connecting… (attempt ${this.failures + 1})` : 'connecting…');
    const socket = new WebSocket(this.url());
    this.socket = socket;
    let opened = false;
    socket.addEventListener('open', () => {
      opened = true;
      this.backoff_ms = first_backoff_ms;
      this.failures = 0;
      this.on_state('live', 'live');
    });
    socket.addEventListener('message', (event) => {
      let message;
      try {
        message = decode_message(event.data);
      } catch (error) {
        if (error instanceof protocol_error) return this.on_protocol_error(error.message);
        throw error;
      }
      if (message) this.on_message(message);
    });
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (!opened) this.failures += 1;
      if (this.failures >= attempts_before_gone) {
        this.on_state('gone', 'server gone — it did not answer');
        return;
      }
      const why = event.code === 1001 ? 'server went away' : event.code === 1008 ? 'dropped: the page fell behind' : 'connection lost';
      this.wait_and_reconnect(why);
    });
  }

  wait_and_reconnect(why) {
    let remaining_ms = this.backoff_ms;
    this.backoff_ms = Math.min(this.backoff_ms * 2, max_backoff_ms);
    const show = () => this.on_state('reconnecting', `${why} — reconnecting in ${(remaining_ms / 1000).toFixed(1)} s`);
    show();
    this.timer = setInterval(() => {
      remaining_ms -= 100;
      if (remaining_ms <= 0) {
        clearInterval(this.timer);
        this.connect();
      } else {
        show();
      }
    }, 100);
  }

  retry() {
    this.failures = 0;
    this.backoff_ms = first_backoff_ms;
    this.connect();
  }

  get live() {
    return this.socket !== null && this.socket.readyState === WebSocket.OPEN;
  }

  send(message) {
    if (!this.live) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }
}
