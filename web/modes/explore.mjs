// Explore: run the program card's program and travel through its events. Predict first is built on
// it (same run, same cursor); see web/README.md for the interface every mode has.
//
// `explore_mode` holds the run and the cursor and turns them into a frame (plain data: what every
// panel shows at the cursor); `explore_views` are the panels that put a frame on the page. Only the
// views touch the DOM, so the mode runs under node's tests with a fake runner and program.

import { timeline, line_marks } from '../lib/timeline.mjs';
import { player } from '../lib/player.mjs';
import { format_seconds } from '../lib/format.mjs';
import { describe_event } from '../lib/describe.mjs';
import { total_text, error_of, uses_random, run_seed, seed_text } from '../lib/run_summary.mjs';

import { axis_end } from '../lib/lanes.mjs';
import { draw_lanes, lane_colour } from '../ui/lanes_view.mjs';
import { console_view } from '../ui/console_view.mjs';
import { draw_loop } from '../ui/loop_view.mjs';
import { primitives_panel, primitive_light } from '../lib/primitives.mjs';
import { primitives_view, light_lanes } from '../ui/primitives_view.mjs';

const empty_view = new timeline().view_at(-1);
// The primitives panel shows this many cards, then a count (as the loop panel does with its chips).
export const max_primitives = 40;
const $ = (id) => document.getElementById(id);

// Each task's lane colour, for the panels that show tasks beside the lanes.
export function colours_of(layout) {
  const colours = new Map(layout.lanes.map((lane) => [lane.name, lane_colour(lane.index)]));
  return (name) => colours.get(name) ?? null;
}

export class explore_mode {
  // `runner`: starts and cancels runs; `program`: { program, speed, holds(run) } (the program card).
  // `views`: the panels that show a frame (explore_views on the page; none in the tests).
  constructor({ runner, program, views = [] }) {
    this.name = 'explore';
    this.sections = ['explore'];
    this.runner = runner;
    this.program = program;
    this.views = views;
    this.run = null;
    this.cursor = new player();
    // The primitive lit by the pointer over its card, and the one pinned by a click (it wins)
    this.lit = new primitive_light();
  }

  // The primitives panel: `{ hover: id | null }` as the pointer moves, `{ pin: id }` on a click (a
  // second click on the pinned one unpins it).
  light(what) {
    this.lit.set(what);
  }

  // What the lit primitive lights at this seq: the lines its events were at so far, and the tasks its
  // state names (holder, owner, members, waiters). Null when none is lit or it is not made yet.
  lit_at(state, seq) {
    const lit = this.lit.at(state.primitives);
    return lit && { ...lit, lines: this.run.timeline.primitive_lines.lines_at(lit.id, seq) };
  }

  // Run the program again; with `hold_at` (a link's step) on the virtual clock, held at that seq; a
  // link's seed is the first run's random seed, so that the link replays what it showed.
  start({ hold_at } = {}) {
    this.runner.cancel(this.run);
    const virtual = hold_at !== undefined;
    const random_seed = this.link_seed ?? undefined;
    this.link_seed = undefined;
    this.run = this.runner.start('explore', this.program.program, { speed: this.program.speed, virtual, random_seed });
    this.cursor.reset();
    this.lit = new primitive_light();
    if (virtual) this.cursor.hold(hold_at, Infinity);
  }

  // A run that did not start here (a file opened on the page): shown from its first event.
  show(run) {
    this.runner.cancel(this.run);
    this.run = run;
    this.cursor.reset();
    this.lit = new primitive_light();
    this.cursor.hold(0, run.timeline.length);
  }

  // The Run button and the R key.
  run_pressed() {
    this.start();
  }

  // A link opens this mode: run at once only when it names a step; its seed is the next run's.
  open({ step, seed }) {
    this.link_seed = seed;
    if (step !== undefined) this.start({ hold_at: step });
  }

  track() {
    const run = this.run;
    const events = run ? run.timeline.events : [];
    return { cursor: this.cursor, events, is_print: (i) => events[i].kind === 'print', finished: !run || Boolean(run.finished) };
  }

  // Everything the explore panels show at the cursor.
  frame() {
    const run = this.run;
    const length = run ? run.timeline.length : 0;
    const seq = this.cursor.position(length);
    const { state, layout } = run ? run.timeline.view_at(seq) : empty_view;
    const at_end = seq >= length - 1;
    // The code's marks only while the editor still holds the program that ran
    const same_code = this.program.holds(run);
    const lit = run ? this.lit_at(state, seq) : null;
    return {
      seq,
      run_id: run?.id ?? null,
      state,
      layout,
      colour_of: colours_of(layout),
      horizon: run ? run.horizon : 0,
      clock: format_seconds(state.t),
      // The run's seed at every step once it is known, not only at the end that reported it
      total: run && run.finished && at_end ? total_text(run) + seed_text(run) : run ? `of ${format_seconds(run.horizon)}${run.finished ? '' : '…'}${seed_text(run)}` : '',
      total_status: run?.finished?.status ?? '',
      marks: same_code ? line_marks(state) : [],
      primitives: primitives_panel(state.primitives, max_primitives),
      lit,
      lit_lines: same_code && lit ? lit.lines : [],
      error: same_code && (at_end || run.syntax_error) ? error_of(run) : null,
      finished_here: Boolean(run?.finished) && at_end,
      run_label: run && !run.finished ? '↻ Restart' : '▶ Run',
      bar: {
        length,
        seq,
        position: run ? `event ${seq + 1} of ${length}${run.finished ? '' : ' (live)'}` : 'no run yet',
        describe: run ? describe_event(run.timeline.events[seq]) : 'Pick a program and press Run.',
        live: Boolean(run && !run.finished),
      },
    };
  }

  draw() {
    const frame = this.frame();
    for (const view of this.views) view.paint(frame);
    return frame;
  }

  // The permalink's part for this mode: the program, and the step and the run's random seed once
  // there is a run.
  link(seq) {
    const view = {};
    if (this.program.program.scenario) view.scenario = this.program.program.scenario;
    else view.source = this.program.editor.text();
    if (this.run && seq >= 0) view.step = seq;
    const seed = run_seed(this.run);
    if (seed !== null && uses_random(this.run)) view.seed = seed;
    return view;
  }
}

// The panels explore draws, each { paint(frame) }: a new panel is one more entry here.
// `light(what)`: the primitives panel's hover and click (explore_mode's `light`, then a draw).
export function explore_views(editor, light = () => {}) {
  const console_panel = new console_view($('console'));
  const primitives_panel_view = new primitives_view($('primitives'), $('primitives-count'), light);
  return [
    {
      // The code: each task's line in its lane's colour, and the error at its line. First: applying the
      // marks, CodeMirror reads the document's selection, which lays the page out at once; before the
      // other panels have written, there is nothing to lay out yet (docs/performance.md)
      paint({ marks, error, colour_of, lit, lit_lines }) {
        editor.mark(marks.map((m) => ({ ...m, colour: colour_of(m.task) ?? 'var(--accent)' })), error, lit ? { id: lit.id, lines: lit_lines } : null);
        const run_error = $('run-error');
        run_error.hidden = !error;
        run_error.textContent = error ? `${error.line ? `Line ${error.line}: ` : ''}${error.text}` : '';
      },
    },
    { paint: (frame) => draw_lanes($('lanes'), [{ layout: frame.layout, now: frame.state.t }], axis_end(frame.horizon)) },
    { paint: (frame) => light_lanes($('lanes'), frame.lit ? frame.lit.tasks : null) },
    primitives_panel_view,
    { paint: (frame) => console_panel.draw(frame.run_id, frame.state.console) },
    { paint: (frame) => draw_loop({ state: $('loop-state'), running: $('running-now'), ready: $('ready-queue'), timers: $('timers') }, frame.state, frame.colour_of) },
    {
      paint(frame) {
        $('clock').textContent = frame.clock;
        $('total').textContent = frame.total;
        $('total').dataset.status = frame.total_status;
        $('run').textContent = frame.run_label;
      },
    },
  ];
}
