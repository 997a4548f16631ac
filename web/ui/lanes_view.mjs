// Draws lane layouts (lib/lanes.mjs) as SVG: one group of lanes per program (two in compare mode)
// on one shared time axis in program seconds. Lanes sit in the layout's tree order, each indented
// under the task that created it; TaskGroups and gathers are boxes around their members' lanes,
// cancellation requests red arrows, timeouts deadline marks on the lane they guard.

import { axis_ticks, wait_label } from '../lib/lanes.mjs';
import { rows_in_view, row_shown, span_shown, margin_of, overlay_margin_of, band_of, curve_in_band } from '../lib/lane_window.mjs';
import { format_seconds, short_repr } from '../lib/format.mjs';

const svg_ns = 'http://www.w3.org/2000/svg';
const axis_gap = 14; // room left of 0 s for the fork curves
const lane_height = 46;
const compact_lane_height = 24; // when a program has more lanes than fit a screen
const compact_from = 14;
const axis_height = 26;
const group_head = 26;
const min_run_px = 5;
const indent_px = 10; // a level of the task tree
const max_indent = 6;
const max_surfaced = 32; // CancelledError marks drawn on one lane
// A lane's label: the text's width estimated per character, without asking the browser to measure
// (the clip path cuts what an estimate gets wrong). The state keeps the room its longest word needs.
const name_char_px = 8; // .lane-name: 13px bold
const coro_char_px = 7.3; // .lane-coro: 12px monospace
const state_char_px = 6.6; // .lane-state: 11px bold
// Forks, wait arrows and cancel arrows whose far end is off the rows drawn (they only pass through
// them, or leave from a lane on screen: main's forks to 3,000 tasks): at most this many of each. One
// that ends on a row drawn (at most one fork into each lane) is always drawn.
const max_passing = 16;

// Lane colours, distinguishable in light and dark and for common colour blindness (Okabe–Ito).
export const lane_colours = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#8c6bb1', '#999933'];
export const lane_colour = (index) => lane_colours[index % lane_colours.length];

function element(name, attributes = {}, text) {
  const node = document.createElementNS(svg_ns, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function height_of_lane(groups) {
  return groups.some((group) => group.layout.lanes.length >= compact_from) ? compact_lane_height : lane_height;
}

// The height a set of groups needs, so the page can reserve it before events stream in.
export function lanes_height(groups) {
  const titled = groups.length > 1;
  const each = height_of_lane(groups);
  return axis_height + groups.reduce((sum, group) => sum + (titled ? group_head : 0) + Math.max(1, group.layout.lanes.length) * each, 0) + 8;
}

// The segments worth drawing, added to a lane's drawing as they close. A lane with more segments than
// its width has room for (a task that slept 1,500 times on a 2 s axis) is drawn at pixel resolution:
// the instants between its waits are left out, neighbouring segments of one kind closer than a pixel
// become one bar that says how many it holds, and a sliver of another kind inside a pixel already drawn
// is skipped. DOM in proportion to the screen, not to the run, and a lane busy all along looks busy.
class segment_painter {
  constructor(parent, dense, draw) {
    this.parent = parent;
    this.dense = dense;
    this.draw = draw; // segment → SVG node
    this.last = null;
    this.last_node = null;
    this.last_x1 = -Infinity;
    this.stale = false;
  }

  add(segment, x) {
    if (!this.dense) {
      this.parent.append(this.draw(segment));
      return;
    }
    const x0 = x(segment.t0);
    const x1 = x(segment.t1);
    if (x1 - x0 < 0.01 && (segment.kind === 'run' || segment.kind === 'ready')) return;
    if (this.last && segment.kind === this.last.kind && x0 - this.last_x1 < 1) {
      this.last.t1 = segment.t1;
      this.last.merged += 1;
      this.last_x1 = x1;
      this.stale = true;
      return;
    }
    if (x1 - x0 < 1 && x0 < this.last_x1 + 1) return;
    this.flush();
    this.last = { ...segment, merged: 1 };
    this.last_node = this.draw(this.last);
    this.parent.append(this.last_node);
    this.last_x1 = x1;
  }

  // The bar that segments joined since it was drawn, drawn again once: a jump that adds a lane's 1,500
  // sleeps draws each bar once, not once for every sleep it holds
  flush() {
    if (!this.stale) return;
    this.stale = false;
    const node = this.draw(this.last);
    this.last_node.replaceWith(node);
    this.last_node = node;
  }
}

function done_text(done) {
  if (done.status === 'result') return `→ ${short_repr(done.result)}`;
  return done.status === 'cancelled' ? 'cancelled' : `✗ ${done.error?.type ?? 'error'}`;
}

// What one frame draws with: the scale and the rows. A change to any of these redraws everything.
function frame_geometry(svg, groups, end) {
  const width = Math.max(300, svg.parentElement.clientWidth);
  const narrow = width < 600;
  const label_width = narrow ? 92 : 150;
  const right_pad = narrow ? 56 : 120; // room for the last done label
  const row = height_of_lane(groups);
  const height = lanes_height(groups);
  const counts = groups.map((group) => group.layout.lanes.length);
  return {
    key: [width, end, row, height, ...counts].join('|'),
    width,
    height,
    row,
    compact: row === compact_lane_height,
    label_width,
    x: (t) => label_width + axis_gap + (t / end) * (width - label_width - axis_gap - right_pad),
  };
}

// Where the browser's viewport is, in the SVG's coordinates (its viewBox is its size in px), and the
// margin of rows drawn around it (lib/lane_window.mjs)
function view_of(svg) {
  const box = svg.getBoundingClientRect();
  const height = window.innerHeight || document.documentElement.clientHeight;
  return { top: -box.top, bottom: height - box.top, margin: margin_of(height), overlay_margin: overlay_margin_of(height) };
}

// groups: [{title?, layout, now, colour_offset?}]; end: the axis' last second.
//
// Only the lanes near the screen are drawn (the page asks for a draw when it scrolls): the SVG is as
// tall as every lane, but a run of 3,000 tasks has SVG for the fifty or so rows on screen and a margin,
// and the forks, arrows, boxes and marks that cross them. Everything read from the page (the width,
// where the SVG is) is read first, before anything is written, so a frame lays the page out once.
//
// The drawing is kept between frames: while the scale and the rows stay the same, a lane only gains
// the segments that closed since the last frame, and its open segment and done mark are replaced; the
// forks, arrows and the clock line are drawn again. A frame costs what changed, not the run's length.
export function draw_lanes(svg, groups, end) {
  const geometry = frame_geometry(svg, groups, end);
  const view = view_of(svg);
  let kept = svg.lanes_drawing;
  if (!kept || kept.key !== geometry.key || kept.groups.length !== groups.length) {
    kept = start_drawing(svg, groups, end, geometry);
    svg.lanes_drawing = kept;
  }
  const titled = groups.length > 1;
  groups.forEach((group, index) => {
    const drawn = kept.groups[index];
    if (titled) drawn.title.textContent = group.title;
    drawn.root.dataset.group = group.title ?? '';
    update_group(svg, drawn, group, geometry, view);
  });
}

// The parts that stay while the scale does: markers, axis, grid, and an empty place per group.
function start_drawing(svg, groups, end, geometry) {
  const { width, height, x } = geometry;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
  const root = element('g');
  const defs = element('defs');
  const marker = element('marker', { id: `${svg.id}-arrow`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  marker.append(element('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' }));
  const cancel_marker = element('marker', { id: `${svg.id}-cancel`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  cancel_marker.append(element('path', { d: 'M0,0 L10,5 L0,10 z', class: 'cancel-head' }));
  const hatch = element('pattern', { id: `${svg.id}-hatch`, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  hatch.append(element('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch-line' }));
  // A lane's label stays left of the time axis however deep its task is in the tree
  const label_clip = element('clipPath', { id: `${svg.id}-label` });
  label_clip.append(element('rect', { x: 0, y: -lane_height, width: geometry.label_width + 8, height: 2 * lane_height }));
  defs.append(marker, cancel_marker, hatch, label_clip);
  root.append(defs);

  // Axis and grid
  for (const tick of axis_ticks(end, width < 600 ? 4 : 8)) {
    root.append(element('line', { x1: x(tick), x2: x(tick), y1: axis_height - 4, y2: height, class: 'grid' }));
    root.append(element('text', { x: x(tick), y: axis_height - 9, class: 'tick', 'text-anchor': 'middle' }, format_seconds(tick)));
  }

  let y = axis_height;
  const titled = groups.length > 1;
  const kept_groups = groups.map((group) => {
    let title = null;
    if (titled) {
      title = element('text', { x: 8, y: y + 18, class: 'group-title' });
      root.append(title);
      y += group_head;
    }
    const group_root = element('g', { class: 'group' });
    const lanes = element('g');
    const overlay = element('g');
    group_root.append(lanes, overlay);
    root.append(group_root);
    const kept = { title, root: group_root, lanes_node: lanes, overlay, top: y, lanes: new Map() };
    y += Math.max(1, group.layout.lanes.length) * geometry.row;
    return kept;
  });
  svg.replaceChildren(root);
  return { key: geometry.key, groups: kept_groups };
}

function indent_of(lane) {
  return Math.min(lane.depth ?? 0, max_indent) * indent_px;
}

function update_group(svg, drawn, group, geometry, view) {
  const { row, compact, x } = geometry;
  const lane_y = new Map();
  const lane_row = new Map();
  const colour_offset = group.colour_offset ?? 0;
  const present = new Set();
  const shown = rows_in_view({ top: drawn.top, row, count: group.layout.lanes.length, view_top: view.top, view_bottom: view.bottom, margin: view.margin });
  drawn.root.dataset.firstRow = shown.first;
  drawn.root.dataset.lastRow = shown.last;
  // The overlay's rows: the screen's and a quarter of a screen around it. Curves and boxes are cut to
  // them (a dashed curve 60,000 px long is seconds of painting; a hundred of a few screens, a second)
  const near = rows_in_view({ top: drawn.top, row, count: group.layout.lanes.length, view_top: view.top, view_bottom: view.bottom, margin: view.overlay_margin, chunk: 1 });
  const band = band_of(near, drawn.top, row);
  const curve = (points) => curve_in_band(points, band);
  for (const lane of group.layout.lanes) {
    const at = lane.row ?? lane.index;
    lane_row.set(lane.name, at);
    lane_y.set(lane.name, drawn.top + at * row + row / 2);
  }
  // A curve from row a to row b: drawn when it ends on a row drawn, or, up to max_passing, when it
  // starts on one or passes through them
  const budget = { forks: max_passing, arrows: max_passing, cancels: max_passing };
  const crosses = (a, b, kind) => {
    if (row_shown(near, b)) return true;
    if (!span_shown(near, a, b) || budget[kind] <= 0) return false;
    budget[kind] -= 1;
    return true;
  };
  for (const lane of group.layout.lanes) {
    if (!row_shown(shown, lane_row.get(lane.name))) continue;
    const mid = lane_y.get(lane.name);
    present.add(lane.name);
    const header = `${lane.index}|${lane.coro}|${colour_offset}|${lane.depth ?? 0}`;
    let kept = drawn.lanes.get(lane.name);
    if (!kept || kept.header !== header) {
      if (kept) kept.g.remove();
      kept = new_lane(svg, lane, header, geometry, colour_offset);
      drawn.lanes.set(lane.name, kept);
      drawn.lanes_node.append(kept.g);
    }
    // A child added above moves the lane down: only its place changes, not its drawing
    if (kept.mid !== mid) {
      kept.mid = mid;
      kept.g.setAttribute('transform', `translate(0 ${mid})`);
      kept.g.dataset.row = lane.row ?? lane.index;
    }
    const parent_mid = lane.parent ? lane_y.get(lane.parent) : undefined;
    const link = parent_mid === undefined ? null : parent_mid - mid;
    if (link !== kept.link) {
      kept.link = link;
      update_tree_link(kept, lane, link, row);
    }
    update_lane(svg, kept, lane, geometry);
  }
  for (const [name, kept] of drawn.lanes) {
    if (!present.has(name)) {
      kept.g.remove();
      drawn.lanes.delete(name);
    }
  }

  const overlay = [];
  for (const fork of group.layout.forks) {
    const to = lane_y.get(fork.to);
    const from = fork.from ? lane_y.get(fork.from) : undefined;
    if (to === undefined || from === undefined) continue;
    if (!crosses(lane_row.get(fork.from), lane_row.get(fork.to), 'forks')) continue;
    const fx = x(fork.t);
    overlay.push(element('path', { d: curve([[fx, from], [fx - 12, from + 8], [fx - 12, to - 8], [fx, to]]), class: `fork fork-${fork.kind}`, 'data-kind': fork.kind, 'data-to': fork.to }));
    if (!compact) overlay.push(element('text', { x: fx + 6, y: to - 13, class: 'fork-label' }, fork_label(fork)));
  }
  for (const arrow of group.layout.arrows) {
    const from = lane_y.get(arrow.from);
    const to = lane_y.get(arrow.to);
    if (from === undefined || to === undefined) continue;
    if (!crosses(lane_row.get(arrow.from), lane_row.get(arrow.to), 'arrows')) continue;
    const ax = x(arrow.t1) - 4;
    const sign = to > from ? 1 : -1;
    overlay.push(element('path', {
      d: curve([[ax, from + sign * 10], [ax + 16, from + sign * 20], [ax + 16, to - sign * 16], [ax, to - sign * 9]]),
      class: 'wait-arrow', 'marker-end': `url(#${svg.id}-arrow)`, 'data-from': arrow.from, 'data-to': arrow.to,
    }));
  }
  for (const box of group.layout.boxes ?? []) {
    if (span_shown(near, box.first_row, box.last_row)) draw_box(overlay, box, drawn.top, geometry, band);
  }
  for (const cancel of group.layout.cancels ?? []) {
    const to = lane_row.get(cancel.to);
    if (to === undefined || !crosses(lane_row.get(cancel.from) ?? to, to, 'cancels')) continue;
    draw_cancel(overlay, cancel, lane_y, geometry, svg.id, curve);
  }
  for (const deadline of group.layout.deadlines ?? []) {
    if (row_shown(near, lane_row.get(deadline.task))) draw_deadline(overlay, deadline, lane_y, geometry);
  }
  // Now: where this run's clock is
  const group_height = Math.max(1, group.layout.lanes.length) * row;
  overlay.push(element('line', { x1: x(group.now), x2: x(group.now), y1: drawn.top, y2: drawn.top + group_height, class: 'now' }));
  drawn.overlay.replaceChildren(...overlay);
}

// A fork's label. The events say which task made a task and at which line, not whether create_task,
// gather or a TaskGroup did: a gather is named only when it made the task at the line it is awaited
function fork_label(fork) {
  if (fork.kind === 'to_thread') return `started for ${fork.from}`;
  if (fork.kind === 'gather') return `gather from ${fork.from}`;
  return `made by ${fork.from}${fork.line ? ` at line ${fork.line}` : ''}`;
}

function new_lane(svg, lane, header, geometry, colour_offset) {
  const { row, compact, width } = geometry;
  const mid = 0; // the lane's group is moved to its row
  const top = mid - row / 2;
  const indent = indent_of(lane);
  const g = element('g', { class: 'lane', 'data-task': lane.name, 'data-depth': lane.depth ?? 0, style: `--lane: ${lane_colour(lane.index + colour_offset)}` });
  g.append(element('line', { x1: 0, x2: width, y1: top + row, y2: top + row, class: 'lane-rule' }));
  const link = element('path', { class: 'tree-link', d: '' });
  g.append(link);
  g.append(element('rect', { x: 8 + indent, y: mid - 7, width: 6, height: 14, rx: 2, class: 'lane-swatch' }));
  // A worker thread's lane says so where a task's names its coroutine
  const what = lane.thread ? 'worker thread' : `${lane.coro}()`;
  const clip = `url(#${svg.id}-label)`;
  // The state at the label column's right end, never cut; the name and the coroutine shortened with
  // an ellipsis to the room left of it, in full on hover
  const right = geometry.label_width + 6;
  const room = right - (20 + indent);
  const state = element('text', { x: right, y: compact ? mid + 4 : mid - 3, class: 'lane-state', 'text-anchor': 'end' });
  const full = `${lane.name} · ${what}`;
  // A worker thread's line names the thread (its lane is `thread asyncio_0`)
  const label = { name: lane.thread ?? lane.name, what: compact ? what : null, room };
  const name = element('text', { x: 20 + indent, y: compact ? mid + 4 : mid - 3, class: 'lane-name', 'clip-path': clip }, name_line(label, ''));
  name.append(element('title', {}, full));
  g.append(name);
  if (!compact) {
    const coro = element('text', { x: 20 + indent, y: mid + 12, class: 'lane-coro', 'clip-path': clip }, ellipsis(what, room / coro_char_px));
    coro.append(element('title', {}, full));
    g.append(coro);
  }
  g.append(state);
  const segments = element('g');
  const marks = element('g');
  g.append(segments, marks);
  return {
    g, header, segments, marks, link_node: link, link: undefined, mid: undefined, state_node: state, state: null, name_node: name, label,
    surfaced: null, surfaced_count: 0, source: null, count: 0, painter: null, open_node: null, done_key: null, done_nodes: [],
  };
}

// The name line: the name (and, on a compact row, the coroutine) in the room the state leaves
function name_line(label, state) {
  const chars = (label.room - (state.length + 1) * state_char_px) / name_char_px;
  const name = ellipsis(label.name, chars);
  const rest = Math.floor(chars) - name.length - 3;
  return label.what && rest > 1 ? `${name} · ${ellipsis(label.what, rest)}` : name;
}

// `text` in at most `chars` characters, the last of them an ellipsis when it is cut (a coroutine's
// parentheses stay: fetch_with_re…())
function ellipsis(text, chars) {
  const most = Math.max(2, Math.floor(chars));
  if (text.length <= most) return text;
  if (text.endsWith('()') && most > 4) return `${text.slice(0, most - 3)}…()`;
  return `${text.slice(0, most - 1)}…`;
}

// The tree connector: from under the parent's swatch down to this lane's
function update_tree_link(kept, lane, link, row) {
  if (link === null) {
    kept.link_node.setAttribute('d', '');
    return;
  }
  const x0 = 11 + indent_of(lane) - indent_px;
  kept.link_node.setAttribute('d', `M${x0},${link + Math.min(8, row / 3)} V0 H${8 + indent_of(lane)}`);
}

function update_lane(svg, kept, lane, geometry) {
  const { width, compact, x } = geometry;
  const mid = 0;
  if (lane.state !== kept.state) {
    kept.state = lane.state;
    kept.state_node.textContent = lane.state ?? '';
    kept.name_node.firstChild.data = name_line(kept.label, lane.state ?? '');
    kept.state_node.setAttribute('class', `lane-state state-${lane.state}`);
    kept.g.dataset.state = lane.state ?? '';
  }
  // Where a CancelledError surfaced: marks that only ever join, like the closed segments
  const surfaced = lane.surfaced ?? [];
  if (kept.surfaced !== surfaced || surfaced.length < kept.surfaced_count) {
    kept.marks.replaceChildren();
    kept.surfaced = surfaced;
    kept.surfaced_count = 0;
  }
  for (; kept.surfaced_count < Math.min(surfaced.length, max_surfaced); kept.surfaced_count += 1) {
    const mark = surfaced[kept.surfaced_count];
    const mx = x(mark.t);
    const node = element('g', { class: 'surfaced', 'data-t': mark.t });
    node.append(element('path', { d: `M${mx - 5},${mid + 16} L${mx},${mid + 8} L${mx + 5},${mid + 16} z` }));
    node.append(element('title', {}, `CancelledError raised into ${lane.name}${mark.line ? ` at line ${mark.line}` : ''}`));
    kept.marks.append(node);
  }
  const draw = (segment) => draw_segment(segment, lane, mid, x, svg.id);
  const dense = lane.segments.length >= width / 8;
  // Closed segments only ever join the end of the same array; anything else (another run, an earlier
  // moment, the lane turning dense) starts the lane's segments again.
  if (kept.source !== lane.segments || lane.segments.length < kept.count || kept.painter.dense !== dense) {
    kept.segments.replaceChildren();
    kept.open_node = null;
    kept.source = lane.segments;
    kept.count = 0;
    kept.painter = new segment_painter(kept.segments, dense, draw);
  }
  if (kept.open_node) {
    kept.open_node.remove();
    kept.open_node = null;
  }
  for (; kept.count < lane.segments.length; kept.count += 1) kept.painter.add(lane.segments[kept.count], x);
  kept.painter.flush();
  if (lane.open) {
    kept.open_node = draw(lane.open);
    kept.segments.append(kept.open_node);
  }

  const done_key = lane.done ? `${lane.done.t}|${lane.done.status}|${lane.done.result}|${lane.done.error?.type}` : null;
  if (done_key !== kept.done_key) {
    for (const node of kept.done_nodes) node.remove();
    kept.done_nodes = [];
    kept.done_key = done_key;
    if (lane.done) {
      const cx = x(lane.done.t);
      const text = done_text(lane.done);
      const anchor = width - cx > text.length * 7 + 12 ? 'start' : 'end';
      // Compact rows have no room above the lane: the label sits beside the mark
      kept.done_nodes = [
        element('circle', { cx, cy: mid, r: 6, class: `done done-${lane.done.status}`, 'data-t': lane.done.t }),
        element('text', { x: anchor === 'start' ? cx + 10 : cx - 10, y: compact ? mid + 4 : mid - 12, class: 'done-label', 'text-anchor': anchor }, text),
      ];
      kept.g.append(...kept.done_nodes);
    }
  }
}

function draw_segment(segment, lane, mid, x, id) {
  const x0 = x(segment.t0);
  const attrs = { 'data-kind': segment.kind, 'data-task': lane.name, 'data-t0': segment.t0, 'data-t1': segment.t1 };
  const g = element('g', { class: `segment segment-${segment.kind}${segment.open ? ' open' : ''}`, ...attrs });
  switch (segment.kind) {
    case 'ready':
      g.append(element('line', { x1: x0, x2: Math.max(x0 + 2, x(segment.t1)), y1: mid, y2: mid, class: 'ready-line' }));
      break;
    case 'run':
      g.append(element('rect', { x: x0 - 1, y: mid - 11, width: Math.max(min_run_px, x(segment.t1) - x0), height: 22, rx: 2, class: 'run-bar' }));
      break;
    case 'sleep':
    case 'worker_sleep':
    case 'blocked': {
      const planned = x(segment.until);
      if (segment.open) g.append(element('rect', { x: x0, y: mid - 9, width: Math.max(2, planned - x0), height: 18, rx: 4, class: 'planned' }));
      const w = Math.max(2, x(segment.t1) - x0);
      g.append(element('rect', { x: x0, y: mid - 9, width: w, height: 18, rx: 4, class: `${segment.kind.replace('_', '-')}-bar` }));
      // A worker's time.sleep blocks that thread alone: blocking work on its lane, not a wait on the loop
      const what = segment.kind === 'sleep' ? 'sleep' : 'time.sleep';
      const where = segment.kind === 'blocked' ? ' · loop blocked' : segment.kind === 'worker_sleep' ? ' (worker)' : '';
      const label = segment.merged > 1 ? `${segment.merged} × ${what}${where}` : `${what} ${format_seconds(segment.delay)}${where}`;
      if (Math.max(planned, x0 + w) - x0 > label.length * 6.5 + 8) g.append(element('text', { x: x0 + 6, y: mid + 4, class: 'bar-label' }, label));
      else g.append(element('title', {}, label));
      break;
    }
    case 'wait': {
      const w = Math.max(2, x(segment.t1) - x0);
      g.append(element('rect', { x: x0, y: mid - 9, width: w, height: 18, rx: 4, class: 'wait-bar', fill: `url(#${id}-hatch)` }));
      const label = wait_label(segment);
      g.dataset.label = label;
      if (w > label.length * 6.5 + 8) g.append(element('text', { x: x0 + 6, y: mid + 4, class: 'bar-label' }, label));
      else g.append(element('title', {}, label));
      break;
    }
    default:
      break;
  }
  return g;
}

// A TaskGroup: a box around its members' rows for as long as its block lasts; a gather: brackets
// (its edges off the rows drawn are cut to them: their data-first-row and data-last-row say where it is)
function draw_box(overlay, box, top, geometry, band) {
  const { row, compact, x } = geometry;
  const y0 = Math.max(top + box.first_row * row + 2, band.lo - row);
  const y1 = Math.min(top + (box.last_row + 1) * row - 2, band.hi + row);
  const x0 = x(box.t0) - 5;
  const x1 = Math.max(x0 + 10, x(box.t1) + 5);
  const g = element('g', {
    class: `box box-${box.kind}${box.open ? ' open' : ''}`, 'data-kind': box.kind, 'data-id': box.id,
    'data-members': box.members.slice(0, 64).join(' '), 'data-first-row': box.first_row, 'data-last-row': box.last_row,
  });
  const members = box.count > box.members.length ? `${box.count} tasks` : `${box.members.length} task${box.members.length === 1 ? '' : 's'}`;
  if (box.kind === 'taskgroup') {
    g.append(element('rect', { x: x0, y: y0, width: x1 - x0, height: y1 - y0, rx: 6, class: 'box-frame' }));
  } else {
    // A bracket per run of its children's rows, from the await to its end (or now)
    const runs = box.runs ?? [[box.first_row, box.last_row]];
    g.dataset.runs = runs.map(([a, b]) => `${a}-${b}`).join(' ');
    g.dataset.t0 = box.t0;
    g.dataset.t1 = box.t1;
    for (const [first, last] of runs) {
      const ry0 = Math.max(top + first * row + 2, band.lo - row);
      const ry1 = Math.min(top + (last + 1) * row - 2, band.hi + row);
      if (ry1 <= ry0) continue;
      g.append(element('path', { d: `M${x0 + 6},${ry0} H${x0} V${ry1} H${x0 + 6}`, class: 'box-frame' }));
      if (!box.open) g.append(element('path', { d: `M${x1 - 6},${ry0} H${x1} V${ry1} H${x1 - 6}`, class: 'box-frame' }));
    }
  }
  const label = box.kind === 'taskgroup'
    ? `${box.label}${box.phase && box.open ? ` · ${box.phase}` : ''}${box.errors ? ` · ${box.errors} failed` : ''}`
    : box.label;
  // On the box's bottom edge, where the last member's row has room below its bars
  if (!compact) g.append(element('text', { x: x0 + 8, y: y1 - 3, class: 'box-label' }, label));
  g.append(element('title', {}, `${box.label} (${members}: ${box.members.slice(0, 8).join(', ')}${box.members.length > 8 ? ', …' : ''})`));
  overlay.push(g);
}

// A cancellation request at its time: from the asking task's lane, or from a mark naming the cause
function draw_cancel(overlay, cancel, lane_y, geometry, id, curve) {
  const { row, compact, x } = geometry;
  const to = lane_y.get(cancel.to);
  if (to === undefined) return;
  const from = cancel.from && cancel.from !== cancel.to ? lane_y.get(cancel.from) : undefined;
  const cx = x(cancel.t);
  const g = element('g', {
    class: 'cancel', 'data-from': cancel.from ?? '', 'data-to': cancel.to, 'data-cause': cancel.cause ?? '', 'data-label': cancel.cause_label,
    'data-t': cancel.t, 'data-seq': cancel.seq,
  });
  const sign = from === undefined || to > from ? 1 : -1;
  let label_y;
  if (from !== undefined) {
    g.append(element('path', {
      d: curve([[cx, from + sign * 8], [cx - 14, from + sign * 20], [cx - 14, to - sign * 18], [cx, to - sign * 10]]),
      class: 'cancel-arrow', 'marker-end': `url(#${id}-cancel)`,
    }));
    label_y = from + sign * 18;
  } else {
    // No task asked: the arrow starts at a mark above the lane, labelled with what asked
    const my = to - row / 2 + 4;
    g.append(element('path', { d: `M${cx},${my - 4} L${cx + 4},${my} L${cx},${my + 4} L${cx - 4},${my} z`, class: 'cancel-source' }));
    // A compact row has room for the mark only
    if (to - 10 > my + 8) g.append(element('path', { d: `M${cx},${my + 4} V${to - 10}`, class: 'cancel-arrow', 'marker-end': `url(#${id}-cancel)` }));
    label_y = my + 4;
  }
  // The cause is named beside the arrow when asyncio asked, or when no task did: to its left, as the
  // lane's end mark and its label may be on its right
  if (!compact && (cancel.cause || from === undefined)) g.append(element('text', { x: cx - 7, y: label_y, class: 'cancel-label', 'text-anchor': 'end' }, cancel.cause_label));
  const asker = cancel.from ? `${cancel.from} asks` : `${cancel.cause_label} asks`;
  const why = cancel.from && cancel.cause ? ` (${cancel.cause_label})` : '';
  g.append(element('title', {}, `${asker} to cancel ${cancel.to}${why}${cancel.message ? `: ${JSON.stringify(cancel.message)}` : ''}`));
  overlay.push(g);
}

// A timeout's deadline on the lane of the task it guards: where it is now; red once it fires, grey
// once its block ended in time
function draw_deadline(overlay, deadline, lane_y, geometry) {
  const { compact, x } = geometry;
  const mid = lane_y.get(deadline.task);
  if (mid === undefined) return;
  const state = deadline.phase === 'expiring' || deadline.phase === 'expired' ? 'expired' : deadline.phase === 'finished' ? 'finished' : 'active';
  const dx = x(deadline.when);
  const g = element('g', {
    class: `deadline deadline-${state} deadline-${deadline.kind}`, 'data-id': deadline.id, 'data-kind': deadline.kind, 'data-task': deadline.task,
    'data-when': deadline.when, 'data-phase': deadline.phase, 'data-span-end': deadline.span_t1,
  });
  // The time the block has, under the lane's bars: from where the timeout was made to its deadline,
  // or to where the block ended in time
  if (!compact) g.append(element('line', { x1: x(deadline.t0), x2: x(deadline.span_t1 ?? deadline.when), y1: mid + 14, y2: mid + 14, class: 'deadline-span' }));
  g.append(element('line', { x1: dx, x2: dx, y1: mid - 14, y2: mid + 14, class: 'deadline-line' }));
  g.append(element('path', { d: `M${dx},${mid - 14} h-7 l3,3.5 l-3,3.5 h7`, class: 'deadline-flag' }));
  // Left of the flag; a wait_for's right of it, as the arrow of the cancel it makes is labelled on the left
  const right = deadline.kind === 'wait_for';
  if (!compact) g.append(element('text', { x: right ? dx + 5 : dx - 9, y: mid + 22, class: 'deadline-label', 'text-anchor': right ? 'start' : 'end' }, deadline.label));
  const moved = deadline.moves ? `, moved ${deadline.moves} time${deadline.moves === 1 ? '' : 's'}` : '';
  g.append(element('title', {}, `${deadline.label}: deadline ${format_seconds(deadline.when)}${moved} · ${deadline.phase}`));
  overlay.push(g);
}
