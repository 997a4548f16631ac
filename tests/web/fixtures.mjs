// Events of the catalog's programs as the server streams them (recorded with --clock virtual), and
// the protocol's examples.
import { readFileSync } from 'node:fs';
import { decode_message } from '../../web/lib/decoder.mjs';

export function load_events(name) {
  const text = readFileSync(new URL(`fixtures/${name}.jsonl`, import.meta.url), 'utf8');
  return text.trim().split('\n').map((line) => JSON.parse(line));
}

// A protocol example (protocol/examples/<name>.json) as the page receives it: the text, decoded.
export function example_message(name) {
  return decode_message(readFileSync(new URL(`../../protocol/examples/${name}.json`, import.meta.url), 'utf8'));
}

// A recorded run as the server streams it: `events` messages of `batch` events each (the recording's
// last line, the engine's own run_finished event, is an event like the others), then run_finished.
export function recorded_run(name, run, { batch = 16, status = 'ok' } = {}) {
  const events = load_events(name);
  const messages = [];
  for (let i = 0; i < events.length; i += batch) messages.push({ type: 'events', run, events: events.slice(i, i + batch) });
  messages.push({ type: 'run_finished', run, status, elapsed: events.at(-1).t, exit_status: status === 'ok' ? 0 : 1 });
  return messages.map((message) => decode_message(JSON.stringify(message)));
}

// A connection that is live and keeps what the page sent.
export function fake_link() {
  return { live: true, sent: [], send(message) { this.sent.push(message); return true; } };
}
