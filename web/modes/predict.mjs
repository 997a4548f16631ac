// Predict first: a probe run on the virtual clock reads what the program prints; the learner orders
// the printed lines (ui/predict.mjs), then "Check" runs the program in explore and each place is marked
// as the lines print. Built on explore: same run, cursor, panels and link.

import { console_text } from '../lib/format.mjs';

const ready_hint = 'Press Run: the printed lines appear here shuffled.';

// The printed lines in a console, as the prediction list shows them.
export function printed_lines(console) {
  return console.filter((c) => c.kind === 'print').map((c) => console_text(c.text));
}

// What to do once the probe run has ended: { lines } to offer, or { hint } to say instead, and
// `then_explore` when the program simply runs (there is no order to guess).
export function probe_outcome(run, max_events) {
  if (run.overflowed) return { hint: `This program runs past ${max_events.toLocaleString('en')} events before it ends: too long to predict. Pick a shorter one, or explore it instead.` };
  if (run.finished?.status === 'cancelled') return { hint: 'The run was stopped before it ended, so there is nothing to predict.' };
  const lines = printed_lines(run.timeline.head.console);
  if (lines.length >= 2) return { lines };
  return { hint: lines.length ? 'It prints one line: there is no order to guess. Here it runs.' : 'It prints nothing: there is no order to guess. Here it runs.', then_explore: true };
}

export class predict_mode {
  // `explore`: the explore mode it shares; `view`: the prediction list ({ reset(hint), offer(lines),
  // mark(printed, finished) }).
  constructor({ store, runner, explore, view }) {
    this.name = 'predict';
    this.sections = ['explore', 'predict'];
    this.store = store;
    this.runner = runner;
    this.explore = explore;
    this.view = view;
    this.probe = null;
    store.listen((note) => {
      if (note.type === 'finished' && note.run === this.probe) this.probe_done(note.run);
    });
  }

  enter() {
    this.view.reset(ready_hint);
  }

  program_changed() {
    this.view.reset(ready_hint);
  }

  // Run: first the probe, which reads the lines to order.
  run_pressed() {
    this.runner.cancel(this.probe);
    this.runner.cancel(this.explore.run);
    this.explore.run = null;
    this.view.reset('Reading what the program prints…');
    this.probe = this.runner.start('probe', this.explore.program.program, { virtual: true });
  }

  probe_done(run) {
    this.store.remove(run);
    this.probe = null;
    const outcome = probe_outcome(run, this.store.max_events);
    if (outcome.lines) return this.view.offer(outcome.lines);
    this.view.reset(outcome.hint);
    if (outcome.then_explore) this.explore.start();
  }

  // "Check: run it": the real run, marked as it prints.
  check() {
    this.explore.start();
  }

  open(wanted) {
    this.explore.open(wanted);
  }

  track() {
    return this.explore.track();
  }

  draw() {
    const frame = this.explore.draw();
    if (this.explore.run) this.view.mark(printed_lines(frame.state.console), frame.finished_here);
    return frame;
  }

  link(seq) {
    return this.explore.link(seq);
  }
}
