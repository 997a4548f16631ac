// Draws lane layouts (lib/lanes.mjs) as SVG: one group of lanes per program (two in compare mode)
// on one shared time axis in program seconds.

import { axis_ticks, lane_segments } from '../lib/lanes.mjs';
import { format_seconds, short_repr } from '../lib/format.mjs';

const svg_ns = 'http://www.w3.org/2000/svg';
const axis_gap = 14; // room left of 0 s for the fork curves
const lane_height = 46;
const compact_lane_height = 24; // when a program has more lanes than fit a screen
const compact_from = 14;
const axis_height = 26;
const group_head = 26;
const min_run_px = 5;

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

// The segments worth drawing. A lane with more segments than its width has room for (a task that
// slept 1,500 times on a 2 s axis) is drawn at pixel resolution: the instants between its waits are left
// out, neighbouring segments of one kind closer than a pixel become one bar that says how many it
// holds, and a sliver of another kind inside a pixel already drawn is skipped. DOM in proportion to the
// screen, not to the run, and a lane busy all along still looks busy.
function visible_segments(lane, x, width) {
  if (lane.segments.length < width / 8) return lane_segments(lane);
  const shown = [];
  let last = null;
  let last_x1 = -Infinity;
  for (const segment of lane.segments) {
    const x0 = x(segment.t0);
    const x1 = x(segment.t1);
    if (x1 - x0 < 0.01 && (segment.kind === 'run' || segment.kind === 'ready')) continue;
    if (last && segment.kind === last.kind && x0 - last_x1 < 1) {
      last.t1 = segment.t1;
      last.merged += 1;
      last_x1 = x1;
      continue;
    }
    if (x1 - x0 < 1 && x0 < last_x1 + 1) continue;
    last = { ...segment, merged: 1 };
    shown.push(last);
    last_x1 = x1;
  }
  if (lane.open) shown.push(lane.open);
  return shown;
}

// groups: [{title?, layout, now, colour_offset?}]; end: the axis' last second.
export function draw_lanes(svg, groups, end) {
  const width = Math.max(300, svg.parentElement.clientWidth);
  const narrow = width < 600;
  const label_width = narrow ? 92 : 150;
  const right_pad = narrow ? 56 : 120; // room for the last done label
  const height = lanes_height(groups);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
  const x = (t) => label_width + axis_gap + (t / end) * (width - label_width - axis_gap - right_pad);
  const root = element('g');

  const defs = element('defs');
  const marker = element('marker', { id: `${svg.id}-arrow`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  marker.append(element('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' }));
  const hatch = element('pattern', { id: `${svg.id}-hatch`, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  hatch.append(element('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch-line' }));
  defs.append(marker, hatch);
  root.append(defs);

  // Axis and grid
  for (const tick of axis_ticks(end, width < 600 ? 4 : 8)) {
    root.append(element('line', { x1: x(tick), x2: x(tick), y1: axis_height - 4, y2: height, class: 'grid' }));
    root.append(element('text', { x: x(tick), y: axis_height - 9, class: 'tick', 'text-anchor': 'middle' }, format_seconds(tick)));
  }

  let y = axis_height;
  const titled = groups.length > 1;
  for (const group of groups) {
    if (titled) {
      root.append(element('text', { x: 8, y: y + 18, class: 'group-title' }, group.title));
      y += group_head;
    }
    const lane_y = new Map();
    const colour_offset = group.colour_offset ?? 0;
    const lanes_root = element('g', { class: 'group', 'data-group': group.title ?? '' });
    const row = height_of_lane(groups);
    const compact = row === compact_lane_height;
    for (const lane of group.layout.lanes) {
      const top = y + lane.index * row;
      const mid = top + row / 2;
      lane_y.set(lane.name, mid);
      const colour = lane_colour(lane.index + colour_offset);
      const g = element('g', { class: 'lane', 'data-task': lane.name, style: `--lane: ${colour}` });
      g.append(element('line', { x1: 0, x2: width, y1: top + row, y2: top + row, class: 'lane-rule' }));
      g.append(element('rect', { x: 8, y: mid - 7, width: 6, height: 14, rx: 2, class: 'lane-swatch' }));
      if (compact) {
        g.append(element('text', { x: 20, y: mid + 4, class: 'lane-name' }, `${lane.name} · ${lane.coro}()`));
      } else {
        g.append(element('text', { x: 20, y: mid - 3, class: 'lane-name' }, lane.name));
        g.append(element('text', { x: 20, y: mid + 12, class: 'lane-coro' }, `${lane.coro}()`));
      }
      for (const segment of visible_segments(lane, x, width)) g.append(draw_segment(segment, lane, mid, x, svg.id));
      if (lane.done) {
        const cx = x(lane.done.t);
        g.append(element('circle', { cx, cy: mid, r: 6, class: `done done-${lane.done.status}`, 'data-t': lane.done.t }));
        const text = lane.done.status === 'result' ? `→ ${short_repr(lane.done.result)}` : lane.done.status === 'cancelled' ? 'cancelled' : `✗ ${lane.done.error?.type ?? 'error'}`;
        const room = width - cx;
        const anchor = room > text.length * 7 + 12 ? 'start' : 'end';
        // Compact rows have no room above the lane: the label sits beside the mark
        g.append(element('text', { x: anchor === 'start' ? cx + 10 : cx - 10, y: compact ? mid + 4 : mid - 12, class: 'done-label', 'text-anchor': anchor }, text));
      }
      lanes_root.append(g);
    }
    for (const fork of group.layout.forks) {
      const to = lane_y.get(fork.to);
      const from = fork.from ? lane_y.get(fork.from) : undefined;
      if (to === undefined || from === undefined) continue;
      const fx = x(fork.t);
      lanes_root.append(element('path', { d: `M${fx},${from} C${fx - 12},${from + 8} ${fx - 12},${to - 8} ${fx},${to}`, class: `fork fork-${fork.kind}`, 'data-kind': fork.kind, 'data-to': fork.to }));
      if (!compact) lanes_root.append(element('text', { x: fx + 6, y: to - 13, class: 'fork-label' }, `${fork.kind === 'gather' ? 'gather' : 'create_task'} from ${fork.from}`));
    }
    for (const arrow of group.layout.arrows) {
      const from = lane_y.get(arrow.from);
      const to = lane_y.get(arrow.to);
      if (from === undefined || to === undefined) continue;
      const ax = x(arrow.t1) - 4;
      const sign = to > from ? 1 : -1;
      lanes_root.append(element('path', {
        d: `M${ax},${from + sign * 10} C${ax + 16},${from + sign * 20} ${ax + 16},${to - sign * 16} ${ax},${to - sign * 9}`,
        class: 'wait-arrow', 'marker-end': `url(#${svg.id}-arrow)`, 'data-from': arrow.from, 'data-to': arrow.to,
      }));
    }
    // Now: where this run's clock is
    const group_height = Math.max(1, group.layout.lanes.length) * row;
    lanes_root.append(element('line', { x1: x(group.now), x2: x(group.now), y1: y, y2: y + group_height, class: 'now' }));
    root.append(lanes_root);
    y += group_height;
  }
  svg.replaceChildren(root);
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
    case 'blocked': {
      const planned = x(segment.until);
      if (segment.open) g.append(element('rect', { x: x0, y: mid - 9, width: Math.max(2, planned - x0), height: 18, rx: 4, class: 'planned' }));
      const w = Math.max(2, x(segment.t1) - x0);
      g.append(element('rect', { x: x0, y: mid - 9, width: w, height: 18, rx: 4, class: `${segment.kind}-bar` }));
      const what = segment.kind === 'sleep' ? 'sleep' : 'time.sleep';
      const label = segment.merged > 1 ? `${segment.merged} × ${what}` : `${what} ${format_seconds(segment.delay)}${segment.kind === 'blocked' ? ' · loop blocked' : ''}`;
      if (Math.max(planned, x0 + w) - x0 > label.length * 6.5 + 8) g.append(element('text', { x: x0 + 6, y: mid + 4, class: 'bar-label' }, label));
      else g.append(element('title', {}, label));
      break;
    }
    case 'wait': {
      const w = Math.max(2, x(segment.t1) - x0);
      g.append(element('rect', { x: x0, y: mid - 9, width: w, height: 18, rx: 4, class: 'wait-bar', fill: `url(#${id}-hatch)` }));
      const gathered = segment.targets.length > 4 ? `${segment.targets.length} tasks` : segment.targets.join(', ');
      const label = segment.on === 'gather' ? `await gather(${gathered})` : segment.on === 'task' ? `await ${segment.targets[0]}` : `await ${segment.on}`;
      if (w > label.length * 6.5 + 8) g.append(element('text', { x: x0 + 6, y: mid + 4, class: 'bar-label' }, label));
      else g.append(element('title', {}, label));
      break;
    }
    default:
      break;
  }
  return g;
}
