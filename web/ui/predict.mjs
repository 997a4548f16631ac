// Predict first: before a run, the learner puts the program's printed lines in the order they
// expect; as the run prints, each place is marked right or wrong.

export class predict_view {
  // `on_check()`: "Check: run it" was pressed (it hides until the next offer).
  constructor(elements, on_check) {
    this.elements = elements;
    this.lines = [];
    this.key = '';
    elements.check.addEventListener('click', () => {
      elements.check.hidden = true;
      on_check();
    });
    elements.list.addEventListener('dragstart', (event) => {
      this.dragged = event.target.closest('li');
      event.dataTransfer.effectAllowed = 'move';
    });
    elements.list.addEventListener('dragover', (event) => {
      event.preventDefault();
      const over = event.target.closest('li');
      if (!over || !this.dragged || over === this.dragged) return;
      const after = event.clientY > over.getBoundingClientRect().top + over.offsetHeight / 2;
      over[after ? 'after' : 'before'](this.dragged);
    });
    elements.list.addEventListener('drop', (event) => {
      event.preventDefault();
      this.dragged = null;
      this.read_order();
    });
    elements.list.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-move]');
      if (!button) return;
      const li = button.closest('li');
      const sibling = button.dataset.move === 'up' ? li.previousElementSibling : li.nextElementSibling;
      if (sibling) sibling[button.dataset.move === 'up' ? 'before' : 'after'](li);
      this.read_order();
      button.focus();
    });
  }

  // Shuffle so that no line starts in its own place when that is possible (a rotation by one).
  offer(lines) {
    this.lines = lines;
    const shuffled = lines.map((text, i) => ({ text, i }));
    shuffled.push(shuffled.shift());
    this.elements.list.replaceChildren(...shuffled.map(({ text, i }) => {
      const li = document.createElement('li');
      li.draggable = true;
      li.dataset.index = i;
      const span = document.createElement('span');
      span.className = 'predict-text';
      span.textContent = text;
      const up = Object.assign(document.createElement('button'), { type: 'button', className: 'icon tiny', textContent: '↑', title: 'Move up' });
      up.dataset.move = 'up';
      const down = Object.assign(document.createElement('button'), { type: 'button', className: 'icon tiny', textContent: '↓', title: 'Move down' });
      down.dataset.move = 'down';
      const verdict = Object.assign(document.createElement('span'), { className: 'verdict' });
      li.append(span, verdict, up, down);
      return li;
    }));
    this.read_order();
    this.elements.hint.textContent = 'Drag the lines (or use ↑ ↓) into the order you expect them to print, then check.';
    this.elements.check.hidden = false;
    this.elements.check.textContent = 'Check: run it';
    this.elements.score.textContent = '';
    this.key = '';
  }

  // The order as the lines' numbers (their place in the run's output), as a room's poll answer is.
  order_indices() {
    return [...this.elements.list.children].map((li) => Number(li.dataset.index));
  }

  read_order() {
    this.order = [...this.elements.list.children].map((li) => li.querySelector('.predict-text').textContent);
  }

  // Mark each place against what the run printed so far.
  mark(printed, finished) {
    const key = `${printed.length}:${finished}`;
    if (key === this.key || !this.order) return;
    this.key = key;
    let right = 0;
    [...this.elements.list.children].forEach((li, i) => {
      const verdict = li.querySelector('.verdict');
      if (i >= printed.length) {
        li.dataset.verdict = 'pending';
        verdict.textContent = '';
        return;
      }
      const ok = printed[i] === this.order[i];
      right += ok ? 1 : 0;
      li.dataset.verdict = ok ? 'right' : 'wrong';
      verdict.textContent = ok ? '✓' : `✗ it printed “${printed[i]}”`;
    });
    if (finished) this.elements.score.textContent = `${right} of ${this.order.length} in the right place.`;
  }

  reset(hint) {
    this.order = null;
    this.elements.list.replaceChildren();
    this.elements.check.hidden = true;
    this.elements.score.textContent = '';
    this.elements.hint.textContent = hint;
  }
}
