// The program card: which program (a catalog example or the user's own code in the editor), its
// title and notes, and the live speed it runs at. Explore and predict run what it holds.

import { speeds, format_speed } from '../lib/format.mjs';
import { catalog_groups } from '../lib/catalog.mjs';

const $ = (id) => document.getElementById(id);
export const own_program = '__own';
export const default_example = 'interleaving';

// The catalog as a picker's options: one <optgroup> per group, in the catalog's order (plain options
// when the server sends no groups).
export function catalog_options(catalog, selected) {
  return catalog_groups(catalog).flatMap(({ name, scenarios }) => {
    const options = scenarios.map((s) => new Option(s.title, s.id, false, s.id === selected));
    if (name === null) return options;
    const group = document.createElement('optgroup');
    group.label = name;
    group.append(...options);
    return [group];
  });
}

export class program_panel {
  // `editor`: the code editor, whose changes come to `edited`; `on_select()`: another program was
  // picked; `on_change()`: the program or the speed changed.
  constructor(store, editor, { on_select, on_change, notify }) {
    this.store = store;
    this.editor = editor;
    this.on_select = on_select;
    this.on_change = on_change;
    this.notify = notify;
    this.program = { scenario: default_example, source: '' };
    this.speed = 1;
    this.speed_picker = $('speed-picker');
    this.speed_picker.replaceChildren(...[...speeds, 'instant'].map((s) => new Option(format_speed(s), String(s))));
    this.speed_picker.addEventListener('change', () => this.set_speed(this.speed_picker.value === 'instant' ? 'instant' : Number(this.speed_picker.value)));
    $('program-picker').addEventListener('change', (event) => this.select(event.target.value));
  }

  // The catalog arrived: offer its examples.
  fill() {
    const selected = this.program.scenario ?? own_program;
    $('program-picker').replaceChildren(
      ...catalog_options(this.store.catalog, selected),
      new Option('Your own program', own_program, false, selected === own_program));
  }

  set_speed(speed) {
    this.speed = speed;
    this.speed_picker.value = String(speed);
    this.on_change();
  }

  // The example's entry: the catalog's, or what a run file kept of it (a page with no catalog).
  entry() {
    if (!this.program.scenario) return null;
    return this.store.scenario(this.program.scenario) ?? this.program.saved ?? null;
  }

  // Typing turns an example into the user's own program (unless the text is the example's again).
  edited(text) {
    const entry = this.entry();
    if (entry && entry.source === text) return;
    this.program = { scenario: null, source: text };
    this.show();
    this.on_change();
  }

  show() {
    const entry = this.entry();
    $('program-title').textContent = entry ? entry.title : 'Your own program';
    $('program-summary').textContent = entry ? entry.summary : 'Write any asyncio program in the editor and press Run. Errors show at their line.';
    $('program-notes').hidden = !entry;
    $('program-notes').querySelector('p').textContent = entry ? entry.notes : '';
    // An example kept in a run file that the catalog lacks: the picker offers it too
    // (only the file's example last opened: an earlier one's run is gone)
    const picker = $('program-picker');
    const saved = this.program.saved;
    for (const option of [...picker.querySelectorAll('option[data-saved]')]) if (option.value !== saved?.id) option.remove();
    if (saved && ![...picker.options].some((option) => option.value === saved.id)) {
      const option = new Option(saved.title, saved.id);
      option.dataset.saved = 'true';
      picker.prepend(option);
    }
    picker.value = this.program.scenario ?? own_program;
  }

  select(id) {
    if (id === own_program) {
      this.program = { scenario: null, source: this.editor.text() };
    } else {
      const entry = this.store.scenario(id) ?? (this.program.saved?.id === id ? this.program.saved : null);
      if (!entry) return this.notify(`There is no example "${id}" in this server's catalog.`);
      this.program = { scenario: id, source: entry.source, ...(entry === this.program.saved ? { saved: entry } : {}) };
      this.editor.set_text(entry.source);
    }
    this.show();
    this.on_select();
    this.on_change();
  }

  // A catalog example's run opened from its file where the catalog does not have it (no server, or
  // another server's catalog): the example's id, source, title, summary and notes as the file kept them.
  open_saved_example({ scenario, source, title, summary = '', notes = '' }) {
    this.program = { scenario, source, saved: { id: scenario, source, title, summary, notes } };
    this.editor.set_text(source);
    this.show();
    this.on_change();
  }

  // The user's own code, as a link carries it.
  open_source(source) {
    this.select(own_program);
    this.editor.set_text(source);
    this.program = { scenario: null, source };
    this.show();
  }

  // Whether the editor still holds the program that `run` ran (its marks are shown only then).
  holds(run) {
    return Boolean(run) && (run.scenario ? this.program.scenario === run.scenario : this.editor.text() === run.source);
  }
}
