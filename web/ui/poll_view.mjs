// The presenter's poll panel: the tallies live (how many put each printed line at each place, the
// right place marked), Close answers and Reveal. The table comes from lib/room.mjs's poll_table.

import { poll_table } from '../lib/room.mjs';

const $ = (id) => document.getElementById(id);

export class poll_view {
  // `on_close()`, `on_reveal()`: the buttons.
  constructor({ on_close, on_reveal }) {
    $('poll-close').addEventListener('click', () => on_close());
    $('poll-reveal').addEventListener('click', () => on_reveal());
    this.key = '';
  }

  // `poll`: the presenter's room_status poll, or null; `lines`: the run's printed lines.
  draw(poll, lines) {
    const key = JSON.stringify([poll, lines.length]);
    if (key === this.key) return;
    this.key = key;
    const table = poll_table(poll, lines);
    $('poll-results').hidden = !table;
    if (!table) return;
    $('poll-summary').textContent = table.summary;
    $('poll-close').hidden = poll.state !== 'open';
    $('poll-reveal').hidden = poll.state === 'revealed';
    const head = document.createElement('tr');
    head.append(Object.assign(document.createElement('th'), { textContent: 'line \\ place' }));
    for (let place = 0; place < table.places; place += 1) head.append(Object.assign(document.createElement('th'), { textContent: String(place + 1) }));
    const rows = table.rows.map((row, line) => {
      const tr = document.createElement('tr');
      tr.append(Object.assign(document.createElement('th'), { scope: 'row', textContent: row.text }));
      row.counts.forEach((count, place) => {
        const td = Object.assign(document.createElement('td'), { textContent: String(count) });
        td.dataset.line = String(line);
        td.dataset.place = String(place);
        if (place === row.right) td.dataset.right = '';
        tr.append(td);
      });
      return tr;
    });
    $('poll-table').replaceChildren(head, ...rows);
  }
}
