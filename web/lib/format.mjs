// How numbers and values read on the page: program seconds, order numbers, one-line texts.

// Program seconds, one decimal unless the value needs more (2.25 s), never "-0.0".
export function format_seconds(t) {
  if (!Number.isFinite(t)) return '—';
  const rounded = Math.round(t * 1000) / 1000;
  const text = Number.isInteger(rounded * 10) ? rounded.toFixed(1) : String(rounded);
  return `${text === '-0.0' ? '0.0' : text} s`;
}

const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

// The tutorial numbers its steps ①②③…; past 20 there is no circled digit, so (21).
export function order_mark(n) {
  return n >= 1 && n <= circled.length ? circled[n - 1] : `(${n})`;
}

// A print's text without its trailing newline, for one console line.
export function console_text(text) {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

// A repr shortened for a label on a lane.
export function short_repr(repr, max = 28) {
  if (repr === undefined || repr === null) return '';
  return repr.length > max ? `${repr.slice(0, max - 1)}…` : repr;
}

// The speeds the page offers: live runs and replays alike (program seconds per real second).
export const speeds = [0.25, 0.5, 1, 2, 4, 8];

export function format_speed(speed) {
  return speed === 'instant' ? 'instant' : `${speed}×`;
}
