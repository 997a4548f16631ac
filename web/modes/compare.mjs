// Compare: two catalog programs run side by side on one time axis, and one cursor walks both runs'
// events merged in program-time order (lib/compare.mjs), so that any moment shows both programs.
//
// `compare_mode` holds the two runs, the merged order and the cursor and makes a frame;
// `compare_pickers` are the two program pickers, `compare_views` the panels that show a frame.

import { timeline } from '../lib/timeline.mjs';
import { player } from '../lib/player.mjs';
import { merged_order } from '../lib/compare.mjs';
import { format_seconds } from '../lib/format.mjs';
import { describe_event } from '../lib/describe.mjs';
import { total_text } from '../lib/run_summary.mjs';
import { axis_end } from '../lib/lanes.mjs';
import { draw_lanes, lane_colour } from '../ui/lanes_view.mjs';
import { primitives_panel, primitive_light } from '../lib/primitives.mjs';
import { primitives_view, light_lanes } from '../ui/primitives_view.mjs';
import { console_view } from '../ui/console_view.mjs';
import { catalog_options } from '../ui/program_panel.mjs';

export const default_pair = ['sequential_awaited', 'gather'];
const empty_view = new timeline().view_at(-1);
// Each side's primitives panel shows this many cards, then a count.
const max_primitives = 40;

// A side's task colours: its lanes' (the right side's lanes start 3 colours on).
function side_colours(layout, offset) {
  const colours = new Map(layout.lanes.map((lane) => [lane.name, lane_colour(lane.index + offset)]));
  return (name) => colours.get(name) ?? null;
}
const $ = (id) => document.getElementById(id);

export class compare_mode {
  // `pair()`: the two catalog ids picked; `program`: { speed } (the live speed of the program card).
  // `views`: the panels that show a frame (compare_views on the page; none in the tests).
  constructor({ store, runner, program, pair, views = [] }) {
    this.name = 'compare';
    this.sections = ['compare'];
    this.store = store;
    this.runner = runner;
    this.program = program;
    // Per side, the primitive lit by the pointer over its card and the one pinned by a click (it wins)
    this.lit = [new primitive_light(), new primitive_light()];
    this.pair = pair;
    this.views = views;
    this.runs = [null, null];
    this.order = new merged_order();
    this.cursor = new player();
    // A link's step: a position in the merged order of both whole runs, kept as that number until both
    // runs have ended (before that, either side's earlier events may still arrive and go before it)
    this.link_step = null;
  }

  // Run both programs again; with `hold_at` (a link's step) on the virtual clock, held there.
  start({ hold_at } = {}) {
    this.runs.forEach((run) => this.runner.cancel(run));
    const virtual = hold_at !== undefined;
    this.runs = this.pair().map((id, i) => this.runner.start(`compare${i}`, { scenario: id, source: this.store.scenario(id)?.source }, { speed: this.program.speed, virtual }));
    this.cursor.reset();
    this.link_step = null;
    if (virtual) {
      this.cursor.hold(hold_at, Infinity);
      this.link_step = this.cursor.seq;
    }
  }

  // Two runs that did not start here (a classroom room's): shown from their first event.
  show(runs) {
    this.runs.forEach((run) => this.runner.cancel(run));
    this.runs = runs;
    this.order = new merged_order();
    this.cursor.reset();
    this.link_step = null;
    this.cursor.hold(0, Infinity);
  }

  run_pressed() {
    this.start();
  }

  // A link in compare mode always runs the pair, held at its step if it names one.
  open({ step }) {
    this.start(step !== undefined ? { hold_at: step } : {});
  }

  // Bring the merged order up to date with the runs; a held or replaying cursor stays on its event.
  sync() {
    const timelines = this.runs.map((run) => run?.timeline ?? null);
    if (this.link_step !== null) {
      if (this.cursor.following || this.cursor.seq !== this.link_step) {
        this.link_step = null; // the viewer moved: from now on the cursor stays on its event
      } else {
        this.order.update(timelines, null);
        if (this.runs.every((run) => !run || run.finished)) this.link_step = null;
        return this.order;
      }
    }
    const held = this.order.update(timelines, this.cursor.following ? null : this.cursor.seq);
    if (!this.cursor.following) this.cursor.seq = held;
    return this.order;
  }

  track() {
    const order = this.sync();
    return {
      cursor: this.cursor,
      events: order.entries,
      is_print: (i) => order.event_at(i)?.event.kind === 'print',
      finished: this.runs.every((run) => !run || run.finished),
    };
  }

  // A side's primitives panel: `{ hover: id | null }` as the pointer moves, `{ pin: id }` on a click
  // (a second click on the pinned one unpins it). It lights the lanes of that side's tasks it names.
  light(side, what) {
    this.lit[side].set(what);
  }

  // Both programs at the cursor's moment.
  frame() {
    const pair = this.pair();
    const order = this.sync();
    const position = this.cursor.position(order.length);
    const seqs = order.seqs_at(position);
    let horizon = 0;
    const sides = this.runs.map((run, i) => {
      const entry = this.store.scenario(pair[i]);
      const { state, layout } = run ? run.timeline.view_at(seqs[i]) : empty_view;
      horizon = Math.max(horizon, run ? run.horizon : 0);
      // A side's total shows once the cursor has passed that run's end (or the last event the page kept)
      const ended = run && (state.finished || (run.finished && seqs[i] >= run.timeline.length - 1));
      const total = !run ? 'not run yet' : ended ? total_text(run) : `at ${format_seconds(state.t)}`;
      return {
        title: `${i === 0 ? 'Left' : 'Right'}: ${entry?.title ?? pair[i]} — ${total}`,
        layout,
        now: state.t,
        colour_offset: i * 3,
        total: ended && run.finished?.status === 'ok' ? format_seconds(run.finished.elapsed) : run ? `${format_seconds(state.t)}…` : '—',
        status: ended && run.finished ? run.finished.status : '',
        run_id: run?.id ?? null,
        console: state.console,
        primitives: primitives_panel(state.primitives, max_primitives),
        colour_of: side_colours(layout, i * 3),
        // What a side's lit primitive lights at its seq: the tasks its state names
        lit: this.lit[i].at(state.primitives),
      };
    });
    const live = this.runs.some((run) => run && !run.finished);
    const current = order.event_at(position);
    return {
      seq: position,
      sides,
      horizon,
      clock: format_seconds(current ? current.event.t : 0),
      bar: {
        length: order.length,
        seq: position,
        position: this.runs[0] ? `event ${position + 1} of ${order.length}, both programs${live ? ' (live)' : ''}` : 'not run yet',
        describe: current ? `${current.side === 0 ? 'Left' : 'Right'}: ${describe_event(current.event)}` : this.runs[0] ? describe_event(null) : 'Pick two programs and press Run both.',
        live,
      },
    };
  }

  draw() {
    const frame = this.frame();
    for (const view of this.views) view.paint(frame);
    return frame;
  }

  link(seq) {
    const view = { compare: this.pair() };
    if (this.runs[0] && seq >= 0) view.step = seq;
    return view;
  }
}

// The two program pickers: which pair runs.
export class compare_pickers {
  // `on_change()`: a picker changed.
  constructor(on_change) {
    this.pickers = [...document.querySelectorAll('.compare-picker')];
    this.pickers.forEach((picker) => picker.addEventListener('change', () => on_change()));
  }

  pair() {
    return this.pickers.map((picker) => picker.value);
  }

  // Show this pair (a room's), as long as the catalog offers it.
  set(pair) {
    this.pickers.forEach((picker, i) => { if (pair[i]) picker.value = pair[i]; });
  }

  // The catalog arrived: offer it on both sides, keeping a choice already made (or a link's).
  fill(catalog, wanted) {
    this.pickers.forEach((picker, i) => {
      const current = picker.value || wanted?.[i] || default_pair[i];
      picker.replaceChildren(...catalog_options(catalog, current));
    });
  }
}

// The panels compare draws, each { paint(frame) }: a new panel is one more entry here.
// `light(side, what)`: a side's primitives panel was hovered or clicked (compare_mode.light, then a redraw).
export function compare_views(light = () => {}) {
  const consoles = [...document.querySelectorAll('.compare .console')].map((list) => new console_view(list));
  // One primitives panel per run; a lit card lights its tasks' lanes on its side (there is no code view)
  const primitives = [0, 1].map((i) => new primitives_view(
    document.querySelector(`.side[data-side="${i}"] .primitives`), document.querySelector(`.side[data-side="${i}"] .primitives-count`), (what) => light(i, what)));
  return [
    { paint: (frame) => frame.sides.forEach((side, i) => primitives[i].paint({ primitives: side.primitives, colour_of: side.colour_of, lit: side.lit })) },
    { paint: (frame) => draw_lanes($('compare-lanes'), frame.sides, axis_end(frame.horizon)) },
    { paint: (frame) => light_lanes($('compare-lanes'), frame.sides.map((side) => (side.lit ? side.lit.tasks : null))) },
    {
      paint(frame) {
        frame.sides.forEach((side, i) => {
          const shown = document.querySelector(`.side[data-side="${i}"] .compare-total`);
          shown.textContent = side.total;
          shown.dataset.status = side.status;
          consoles[i].draw(side.run_id, side.console);
        });
        $('compare-clock').textContent = frame.clock;
      },
    },
  ];
}
