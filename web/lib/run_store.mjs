// The runs the page holds and the server's catalog, fed one protocol message at a time by
// `handle_message`. It does not know where a message came from (the live websocket today; a run file
// opened offline or a classroom room later) and sends nothing: what the page should do about a message
// (say something, stop a run at the server, finish a prediction) goes out as a note to its listeners.
//
// Notes: { type: 'hello' }, { type: 'notice', text, kind }, { type: 'overflow', run },
// { type: 'finished', run }, and { type: 'changed' } after every message.

import { continue_sequence } from './decoder.mjs';
import { timeline } from './timeline.mjs';

// A run's events stay in the page for time travel; past this many the run is stopped, so that a
// program that never ends cannot fill the tab's memory (about 100 bytes an event).
export const max_events_kept = 200_000;

// How far a run's time axis reaches: the program time its events got to (a time.sleep blocking the
// loop gets to its end), and the deadline of every timer still pending at its head, which the clock
// will reach unless the timer is cancelled. A cancelled timer never fired, so it no longer counts: a
// finished run's horizon is the time it ran, not a sleep it cut short.
function horizon_of(run, events) {
  for (const event of events) {
    run.reached = Math.max(run.reached, event.t, event.kind === 'blocking_sleep' ? event.t + event.delay : 0);
  }
  const timers = run.timeline.head.timers;
  return Math.max(run.reached, timers.length ? timers[timers.length - 1].when : 0);
}

export class run_store {
  constructor({ max_events = max_events_kept } = {}) {
    this.max_events = max_events;
    this.catalog = [];
    this.limits = null;
    this.server = null; // hello's `server`, loopscope/<version>
    this.runs = new Map();
    this.counter = 0;
    this.listeners = [];
  }

  listen(listener) {
    this.listeners.push(listener);
  }

  tell(note) {
    for (const listener of this.listeners) listener(note);
  }

  scenario(id) {
    return this.catalog.find((s) => s.id === id);
  }

  // A new, empty run for `program` ({ scenario, source }); its id is `<purpose>-<n>`.
  add_run(purpose, program) {
    this.counter += 1;
    const id = `${purpose}-${this.counter}`;
    const run = { id, purpose, timeline: new timeline(), finished: null, syntax_error: null, source: program.source, scenario: program.scenario, horizon: 0, reached: 0 };
    this.runs.set(id, run);
    return run;
  }

  remove(run) {
    if (run) this.runs.delete(run.id);
  }

  // A run that was live when its source went away will get nothing more.
  lose_live_runs(reason) {
    for (const run of this.runs.values()) {
      if (!run.finished) run.finished = { status: 'cancelled', reason, elapsed: run.timeline.head.t, lost: true };
    }
  }

  handle_message(message) {
    switch (message.type) {
      case 'hello':
        this.catalog = message.scenarios;
        this.limits = message.limits;
        this.server = message.server ?? null;
        this.tell({ type: 'hello' });
        break;
      case 'events':
        this.add_events(message);
        break;
      case 'run_finished': {
        const run = this.runs.get(message.run);
        if (!run) break;
        run.finished = message;
        if (message.status === 'cancelled' && run.purpose === 'explore' && !run.cancelled_by_us) {
          this.tell({ type: 'notice', text: `The run was stopped: ${message.reason ?? 'cancelled'}.`, kind: 'warning' });
        }
        this.tell({ type: 'finished', run });
        break;
      }
      case 'error': {
        const run = message.run ? this.runs.get(message.run) : undefined;
        if (run && message.code === 'syntax_error') run.syntax_error = message;
        else this.tell({ type: 'notice', text: `The server refused: ${message.message} (${message.code})`, kind: 'error' });
        break;
      }
      default:
        break;
    }
    this.tell({ type: 'changed' });
  }

  add_events(message) {
    const run = this.runs.get(message.run);
    if (!run || run.overflowed) return;
    let events = message.events;
    if (run.timeline.length + events.length > this.max_events) {
      events = events.slice(0, this.max_events - run.timeline.length);
      this.overflow(run);
    }
    try {
      run.timeline.push(continue_sequence(run.timeline.length, events));
    } catch (error) {
      this.tell({ type: 'notice', text: `Run ${message.run}: ${error.message}`, kind: 'error' });
    }
    run.horizon = horizon_of(run, events);
  }

  // A run past the page's bound: its first events kept for time travel, the rest refused.
  overflow(run) {
    run.overflowed = true;
    run.cancelled_by_us = true;
    this.tell({ type: 'overflow', run });
    if (run.purpose === 'probe') return; // predict mode says it in its own panel
    const kept = this.max_events.toLocaleString('en');
    this.tell({ type: 'notice', kind: 'warning', text: `This run passed ${kept} events, as many as the page keeps for time travel: it was stopped there, and its first ${kept} events are here to explore. Fewer loop rounds or tasks make a run that fits.` });
  }
}
