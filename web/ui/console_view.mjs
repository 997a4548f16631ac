// The console: printed lines with their order number and program time; warnings and stderr set
// apart. Lines at a seq are a prefix of the run's lines, so only the difference is redrawn.

import { format_seconds, order_mark, console_text } from '../lib/format.mjs';

function line_item(entry) {
  const li = document.createElement('li');
  li.className = `console-line ${entry.kind}`;
  li.dataset.seq = entry.seq;
  if (entry.kind === 'print') {
    li.dataset.n = entry.n;
    const mark = document.createElement('span');
    mark.className = 'order';
    mark.textContent = order_mark(entry.n);
    mark.title = `printed ${entry.n}${entry.n === 1 ? 'st' : entry.n === 2 ? 'nd' : entry.n === 3 ? 'rd' : 'th'}`;
    li.append(mark);
  } else {
    const mark = document.createElement('span');
    mark.className = 'order';
    mark.textContent = entry.kind === 'warning' ? '⚠' : '✗';
    mark.title = entry.kind;
    li.append(mark);
  }
  const text = document.createElement(entry.kind === 'stderr' ? 'pre' : 'span');
  text.className = 'text';
  text.textContent = console_text(entry.text);
  const when = document.createElement('span');
  when.className = 'when';
  when.textContent = `${format_seconds(entry.t)}${entry.line ? ` · line ${entry.line}` : ''}`;
  li.append(text, when);
  return li;
}

// A warning's stderr text repeats the warning: show the warning alone.
export function visible_entries(entries) {
  return entries.filter((entry, i) => !(entry.kind === 'stderr' && i > 0 && entries[i - 1].kind === 'warning' && entry.text.includes(entries[i - 1].text.split(': ').slice(1).join(': '))));
}

export class console_view {
  constructor(list) {
    this.list = list;
    this.key = null;
    this.count = 0;
  }

  draw(run_key, entries) {
    const shown = visible_entries(entries);
    if (run_key !== this.key) {
      this.list.replaceChildren();
      this.key = run_key;
      this.count = 0;
    }
    while (this.count > shown.length) {
      this.list.lastElementChild.remove();
      this.count -= 1;
    }
    const fragment = document.createDocumentFragment();
    for (let i = this.count; i < shown.length; i += 1) fragment.append(line_item(shown[i]));
    if (fragment.childNodes.length) {
      this.list.append(fragment);
      this.list.scrollTop = this.list.scrollHeight;
    }
    this.count = shown.length;
    this.list.dataset.empty = shown.length === 0;
  }
}
