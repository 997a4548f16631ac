// Two runs on one time axis: their events merged in program-time order, so that one cursor steps,
// scrubs and replays both at once. An entry says which run's event comes next and how far each run
// has got after it; ties in time go in seq order, the left run first, so the two advance side by side.
//
// While the runs stream, a batch from the slower one can belong before entries already merged. Only
// the entries from the earliest new event on are merged again (live, that is the last moment or two),
// and a held position is carried to the same event, so that the view does not jump under the user.

export class merged_order {
  constructor() {
    this.entries = [];
    this.sources = [null, null];
    this.lengths = [0, 0];
  }

  // Follow the runs' timelines (either may be null). `held`, a position in the merged order, comes
  // back as the position of the same event afterwards (-1 and null come back unchanged).
  update(timelines, held = null) {
    const events = timelines.map((t) => (t ? t.events : []));
    const lengths = events.map((e) => e.length);
    const same_runs = timelines.every((t, i) => t === this.sources[i]);
    if (same_runs && lengths.every((n, i) => n === this.lengths[i])) return held;

    let from = 0;
    if (same_runs) {
      // A run's new events come after its earlier ones in time: entries before the earliest stay
      let earliest = Infinity;
      events.forEach((list, side) => {
        if (list.length > this.lengths[side]) earliest = Math.min(earliest, list[this.lengths[side]].t);
      });
      from = first_at_or_after(this.entries, earliest);
    }
    const anchor = held !== null && held >= from && held < this.entries.length ? this.entries[held] : null;
    this.sources = timelines.slice();
    this.lengths = lengths;
    this.entries.length = from;
    const [i, j] = from > 0 ? this.entries[from - 1].seqs.map((seq) => seq + 1) : [0, 0];
    merge_into(this.entries, events, i, j);
    // Before `from` nothing moved; past the end (a link's step, waiting for its events) stays as asked
    if (!anchor) return held;
    for (let k = from; k < this.entries.length; k += 1) {
      if (this.entries[k].side === anchor.side && this.entries[k].seq === anchor.seq) return k;
    }
    return held;
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

// The first entry at time `t` or later (entries are in time order).
function first_at_or_after(entries, t) {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (entries[middle].t < t) low = middle + 1;
    else high = middle;
  }
  return low;
}

// Append the merge of left[i..] and right[j..] to `entries`.
function merge_into(entries, [left, right], i, j) {
  while (i < left.length || j < right.length) {
    const take_left = j >= right.length || (i < left.length && (left[i].t < right[j].t || (left[i].t === right[j].t && i <= j)));
    if (take_left) {
      entries.push({ t: left[i].t, side: 0, seq: i, seqs: [i, j - 1] });
      i += 1;
    } else {
      entries.push({ t: right[j].t, side: 1, seq: j, seqs: [i - 1, j] });
      j += 1;
    }
  }
}

export function merge(runs) {
  const entries = [];
  merge_into(entries, runs, 0, 0);
  return entries;
}
