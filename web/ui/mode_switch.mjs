// The mode buttons in the top bar, and which of the page's sections show: each mode lists its
// sections (by element id), and every other mode's sections are hidden.

export class mode_switch {
  // `on_pick(name)`: a mode button was pressed.
  constructor(modes, on_pick) {
    this.modes = modes;
    this.sections = new Set(Object.values(modes).flatMap((mode) => mode.sections));
    this.buttons = [...document.querySelectorAll('.modes button')];
    for (const button of this.buttons) button.addEventListener('click', () => on_pick(button.dataset.mode));
  }

  show(name) {
    const mode = this.modes[name];
    for (const button of this.buttons) button.setAttribute('aria-pressed', String(button.dataset.mode === name));
    for (const id of this.sections) document.getElementById(id).hidden = !mode.sections.includes(id);
    document.body.dataset.mode = name;
  }
}
