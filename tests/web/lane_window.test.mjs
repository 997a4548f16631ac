// Which rows the lanes view draws for a run of thousands of tasks, and the curves cut to them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rows_in_view, row_shown, span_shown, band_of, cubic_part, curve_in_band, row_chunk } from '../../web/lib/lane_window.mjs';

const rows = (view_top, view_bottom, extra = {}) => rows_in_view({ top: 26, row: 24, count: 3000, view_top, view_bottom, margin: 0, ...extra });

test('a screen of rows in the middle of 3,000 lanes, widened to whole chunks', () => {
  // Rows 100..139 (y 26 + 2400 .. 26 + 3360) are on screen
  const shown = rows(26 + 2400, 26 + 3360);
  assert.equal(shown.first, 96);
  assert.equal(shown.last, 143);
  assert.equal(shown.first % row_chunk, 0);
  assert.equal((shown.last + 1) % row_chunk, 0);
  assert.ok(row_shown(shown, 100) && row_shown(shown, 139) && !row_shown(shown, 95) && !row_shown(shown, 144));
});

test('the margin adds rows above and below; the ends of the run clamp', () => {
  const shown = rows(26 + 2400, 26 + 3360, { margin: 960 });
  assert.deepEqual([shown.first, shown.last], [48, 191]);
  assert.deepEqual(Object.values(rows(-500, 460, { margin: 960 })), [0, 63]);
  const end = rows(26 + 2990 * 24, 26 + 2990 * 24 + 960, { margin: 960 });
  assert.equal(end.last, 2999);
  // The SVG far below the screen, or above it: no rows
  assert.ok(rows(-5000, -4000).last < rows(-5000, -4000).first);
  assert.ok(rows(100_000, 101_000).last < rows(100_000, 101_000).first);
  assert.ok(rows_in_view({ top: 0, row: 24, count: 0, view_top: 0, view_bottom: 900, margin: 0 }).last < 0);
});

test('a few lanes all fit: every row is drawn', () => {
  const shown = rows_in_view({ top: 26, row: 46, count: 5, view_top: -300, view_bottom: 660, margin: 960 });
  assert.deepEqual([shown.first, shown.last], [0, 4]);
});

test('rows without chunks, for the overlay', () => {
  const shown = rows(26 + 2400, 26 + 3360, { chunk: 1 });
  assert.deepEqual([shown.first, shown.last], [100, 140]);
});

test('a curve from row to row is drawn when it crosses the window', () => {
  const shown = { first: 100, last: 140 };
  assert.ok(span_shown(shown, 0, 2500));
  assert.ok(span_shown(shown, 2500, 0));
  assert.ok(span_shown(shown, 140, 3000));
  assert.ok(!span_shown(shown, 0, 99));
  assert.ok(!span_shown(shown, 141, 2999));
});

const on_curve = (p, t) => {
  const u = 1 - t;
  return [0, 1].map((k) => u * u * u * p[0][k] + 3 * u * u * t * p[1][k] + 3 * u * t * t * p[2][k] + t * t * t * p[3][k]);
};

test('the part of a curve is the same curve, point for point', () => {
  const p = [[100, 38], [88, 46], [88, 60_000], [100, 60_008]];
  const part = cubic_part(p, 0.3, 0.7);
  for (const s of [0, 0.25, 0.5, 1]) {
    const [x, y] = on_curve(part, s);
    const [ox, oy] = on_curve(p, 0.3 + 0.4 * s);
    assert.ok(Math.abs(x - ox) < 1e-6 && Math.abs(y - oy) < 1e-6, `at ${s}`);
  }
});

test('a fork 60,000 px long is cut to the band of rows drawn, and left whole when it fits', () => {
  const p = [[100, 38], [88, 46], [88, 60_000], [100, 60_008]];
  const band = band_of({ first: 100, last: 140 }, 26, 24);
  assert.deepEqual(band, { lo: 2426, hi: 3410 });
  const d = curve_in_band(p, band);
  const numbers = d.match(/-?[\d.]+/g).map(Number);
  assert.ok(Math.abs(numbers[1] - band.lo) < 0.1 && Math.abs(numbers[7] - band.hi) < 0.1, d);
  // Its points lie on the original curve: x at the band's top is the original's x there
  const t = 0.5; // somewhere; find the original's x at the cut's y by bisection
  let low = 0;
  let high = 1;
  for (let i = 0; i < 60; i += 1) {
    const middle = (low + high) / 2;
    if (on_curve(p, middle)[1] < band.lo) low = middle;
    else high = middle;
  }
  assert.ok(Math.abs(on_curve(p, low)[0] - numbers[0]) < 0.05, `${on_curve(p, low)[0]} vs ${numbers[0]} (${t})`);
  assert.equal(curve_in_band([[10, 50], [0, 58], [0, 92], [10, 100]], band_of({ first: 0, last: 40 }, 26, 24)), 'M10,50 C0,58 0,92 10,100');
  // Upward (a lane above its parent) is cut the same way, from its own start
  const up = curve_in_band([[100, 60_008], [88, 60_000], [88, 46], [100, 38]], band).match(/-?[\d.]+/g).map(Number);
  assert.ok(Math.abs(up[1] - band.hi) < 0.1 && Math.abs(up[7] - band.lo) < 0.1);
  // Wholly outside: nothing
  assert.equal(curve_in_band([[10, 5000], [0, 5008], [0, 9000], [10, 9008]], band), '');
});
