// Two runs on one time axis: their events merged in program-time order, so that one cursor steps,
// scrubs and replays both at once. An entry says which run's event comes next and how far each run
// has got after it; ties in time go in seq order, the left run first, so the two advance side by side.

export class merged_order {
  constructor() {
    this.entries = [];
    this.sources = [null, null];
    this.lengths = [0, 0];
  }

  // Follow the runs' timelines (either may be null); rebuilds only when one has grown or changed.
  update(timelines) {
    const lengths = timelines.map((t) => (t ? t.length : 0));
    if (timelines.every((t, i) => t === this.sources[i]) && lengths.every((n, i) => n === this.lengths[i])) return false;
    this.sources = timelines.slice();
    this.lengths = lengths;
    this.entries = merge(timelines.map((t) => (t ? t.events : [])));
    return true;
  }

  get length() {
    return this.entries.length;
  }

  // How far each run has got at merged position `position` (-1: before either starts).
  seqs_at(position) {
    if (position < 0 || this.entries.length === 0) return [-1, -1];
    return this.entries[Math.min(position, this.entries.length - 1)].seqs;
  }

  // The event at merged position `position`, with the side it belongs to.
  event_at(position) {
    const entry = this.entries[position];
    if (!entry) return null;
    return { side: entry.side, event: this.sources[entry.side].events[entry.seq] };
  }
}

export function merge([left, right]) {
  const entries = new Array(left.length + right.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < entries.length; k += 1) {
    const take_left = j >= right.length || (i < left.length && (left[i].t < right[j].t || (left[i].t === right[j].t && i <= j)));
    if (take_left) {
      entries[k] = { t: left[i].t, side: 0, seq: i, seqs: [i, j - 1] };
      i += 1;
    } else {
      entries[k] = { t: right[j].t, side: 1, seq: j, seqs: [i - 1, j] };
      j += 1;
    }
  }
  return entries;
}
