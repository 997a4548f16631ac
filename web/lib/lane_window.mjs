// Which lanes the lanes view draws: the rows in the browser's viewport and a margin around them. A run
// with thousands of tasks keeps its layout for every lane (the SVG is as tall as all of them, so the
// page scrolls through the whole tree), but only the rows near the screen get SVG; the forks, arrows,
// boxes, cancels and deadlines are drawn when they cross those rows. Pure: ui/lanes_view.mjs reads
// where the SVG is on screen and hands the numbers here.

// Rows are added and dropped in chunks of this many, so a scroll of a few pixels changes nothing
export const row_chunk = 16;

// The rows `first..last` (inclusive; none when last < first) of a group of `count` rows of `row` px
// starting at `top` px in the SVG, that lie within `margin` px of the viewport `view_top..view_bottom`
// (px in the SVG's own coordinates). The window is widened to whole chunks of `chunk` rows.
export function rows_in_view({ top, row, count, view_top, view_bottom, margin, chunk = row_chunk }) {
  if (count <= 0 || view_bottom <= view_top) return { first: 0, last: -1 };
  const from = Math.floor((view_top - margin - top) / row);
  const to = Math.floor((view_bottom + margin - top) / row);
  if (to < 0 || from >= count) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(from / chunk) * chunk);
  const last = Math.min(count - 1, (Math.floor(to / chunk) + 1) * chunk - 1);
  return { first, last };
}

// Whether a row is in the window
export function row_shown(window, row) {
  return row >= window.first && row <= window.last;
}

// Whether something drawn from row `a` to row `b` (a curve, a box) crosses the window
export function span_shown(window, a, b) {
  return Math.max(a, b) >= window.first && Math.min(a, b) <= window.last;
}

// What a margin is worth: one screen above and one below, at least 400 px, so that a scroll of less
// than a screen draws no new lanes. The overlay (forks, arrows, boxes, marks) is drawn again every
// frame anyway, so it only needs a quarter of a screen: less of it to paint.
export function margin_of(view_height) {
  return Math.max(400, view_height);
}

export function overlay_margin_of(view_height) {
  return Math.max(100, view_height / 4);
}

// The pixel band of the rows in a window: `top` of the group, `row` px a row
export function band_of(window, top, row) {
  return { lo: top + window.first * row, hi: top + (window.last + 1) * row };
}

function point(p, t) {
  const u = 1 - t;
  return [
    u * u * u * p[0][0] + 3 * u * u * t * p[1][0] + 3 * u * t * t * p[2][0] + t * t * t * p[3][0],
    u * u * u * p[0][1] + 3 * u * u * t * p[1][1] + 3 * u * t * t * p[2][1] + t * t * t * p[3][1],
  ];
}

// The part of the cubic Bézier `p` (four [x, y] points) between t0 and t1, as a cubic of its own
// (de Casteljau): the same curve, point for point
export function cubic_part(p, t0, t1) {
  const lerp = (a, b, t) => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
  const split = (q, t) => {
    const a = lerp(q[0], q[1], t);
    const b = lerp(q[1], q[2], t);
    const c = lerp(q[2], q[3], t);
    const d = lerp(a, b, t);
    const e = lerp(b, c, t);
    const f = lerp(d, e, t);
    return [[q[0], a, d, f], [f, e, c, q[3]]];
  };
  const after = t0 > 0 ? split(p, t0)[1] : p;
  if (t1 >= 1) return after;
  return split(after, (t1 - t0) / (1 - t0))[0];
}

// Where a curve whose y only grows (or only falls) with t reaches y
function t_at(p, y) {
  const rising = p[3][1] >= p[0][1];
  let low = 0;
  let high = 1;
  for (let i = 0; i < 40; i += 1) {
    const middle = (low + high) / 2;
    if ((point(p, middle)[1] < y) === rising) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

// The SVG path of a cubic Bézier from row to row (a fork, an arrow), cut to the band of rows drawn:
// a curve from the first lane to the 2,500th is 60,000 px long, and a dashed stroke that long costs
// the browser seconds to paint on every frame, though all but a screen of it is off screen. Inside the
// band it is the same curve. Its y must only grow or only fall along it (the lanes' curves do: their
// control points sit 8 to 20 px inside their ends).
export function curve_in_band(p, band) {
  const y0 = p[0][1];
  const y3 = p[3][1];
  const top = Math.min(y0, y3);
  const bottom = Math.max(y0, y3);
  const d = (q) => `M${q[0][0]},${q[0][1]} C${q[1][0]},${q[1][1]} ${q[2][0]},${q[2][1]} ${q[3][0]},${q[3][1]}`;
  if (top >= band.lo && bottom <= band.hi) return d(p);
  if (bottom < band.lo || top > band.hi) return '';
  const ta = t_at(p, y0 <= y3 ? band.lo : band.hi);
  const tb = t_at(p, y0 <= y3 ? band.hi : band.lo);
  const t0 = (y0 <= y3 ? top < band.lo : bottom > band.hi) ? ta : 0;
  const t1 = (y0 <= y3 ? bottom > band.hi : top < band.lo) ? tb : 1;
  const round = (q) => q.map(([x, y]) => [Math.round(x * 100) / 100, Math.round(y * 100) / 100]);
  return d(round(cubic_part(p, t0, t1)));
}
