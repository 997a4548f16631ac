// The code editor (CodeMirror 6, bundled in vendor/): Python highlighting, one mark per task on the
// line it is on (in its lane's colour), an error shown at its line in words, and the lines of the
// primitive lit in the primitives panel.

import {
  EditorState, StateField, StateEffect, EditorView, Decoration, WidgetType, keymap, lineNumbers,
  highlightActiveLine, drawSelection, highlightSpecialChars, defaultKeymap, history, historyKeymap,
  indentWithTab, syntaxHighlighting, HighlightStyle, indentUnit, bracketMatching, python, tags,
} from '../vendor/codemirror.js';

const set_marks = StateEffect.define();

// A line that thousands of tasks wait on shows this many badges, then a count of the rest
const max_badges = 6;
// and names this many of them in its data-tasks
const max_named = 64;

class badges_widget extends WidgetType {
  constructor(marks, more) {
    super();
    this.marks = marks;
    this.more = more;
    this.key = JSON.stringify([marks, more]);
  }
  eq(other) {
    return other.key === this.key;
  }
  toDOM() {
    const span = document.createElement('span');
    span.className = 'cm-task-badges';
    for (const mark of this.marks) {
      const badge = document.createElement('span');
      badge.className = 'cm-task-badge';
      badge.style.setProperty('--lane', mark.colour);
      badge.dataset.task = mark.task;
      badge.textContent = `${mark.running ? '▶ ' : ''}${mark.task}${mark.running ? '' : ` · ${mark.status}`}`;
      span.append(badge);
    }
    if (this.more) {
      const badge = document.createElement('span');
      badge.className = 'cm-task-badge cm-task-more';
      badge.dataset.more = String(this.more);
      badge.textContent = `+ ${this.more} more`;
      span.append(badge);
    }
    return span;
  }
}

class error_widget extends WidgetType {
  constructor(text) {
    super();
    this.text = text;
  }
  eq(other) {
    return other.text === this.text;
  }
  toDOM() {
    const div = document.createElement('div');
    div.className = 'cm-error-message';
    div.setAttribute('role', 'alert');
    div.textContent = this.text;
    return div;
  }
}

// marks: [{line, task, colour, running}], error: {line, text} | null, lit: {id, lines} | null (the
// lines of the primitive lit in the primitives panel)
function build_decorations(state, { marks, error, lit }) {
  const ranges = [];
  for (const number of lit ? lit.lines : []) {
    if (number < 1 || number > state.doc.lines) continue;
    ranges.push(Decoration.line({ attributes: { class: 'cm-primitive-lit', 'data-primitive': String(lit.id) } }).range(state.doc.line(number).from));
  }
  const by_line = new Map();
  for (const mark of marks) {
    if (mark.line < 1 || mark.line > state.doc.lines) continue;
    if (!by_line.has(mark.line)) by_line.set(mark.line, []);
    by_line.get(mark.line).push(mark);
  }
  for (const [number, line_marks] of by_line) {
    const line = state.doc.line(number);
    const first = line_marks.find((m) => m.running) ?? line_marks[0];
    ranges.push(Decoration.line({
      attributes: {
        class: `cm-lit${first.running ? ' cm-lit-running' : ''}`,
        style: `--lane: ${first.colour}`,
        'data-line': String(number),
        'data-tasks': line_marks.slice(0, max_named).map((m) => m.task).join(' '),
        'data-count': String(line_marks.length),
      },
    }).range(line.from));
    // The running task's badge first when it is past the first few
    const shown = line_marks.slice(0, max_badges);
    if (first.running && !shown.includes(first)) shown[shown.length - 1] = first;
    ranges.push(Decoration.widget({ widget: new badges_widget(shown, line_marks.length - shown.length), side: 1 }).range(line.to));
  }
  if (error && error.line >= 1 && error.line <= state.doc.lines) {
    const line = state.doc.line(error.line);
    ranges.push(Decoration.line({ attributes: { class: 'cm-error-line', 'data-line': String(error.line) } }).range(line.from));
    ranges.push(Decoration.widget({ widget: new error_widget(error.text), side: 2, block: true }).range(line.to));
  }
  return Decoration.set(ranges, true);
}

const marks_field = StateField.define({
  create: () => Decoration.none,
  update(value, transaction) {
    for (const effect of transaction.effects) if (effect.is(set_marks)) return build_decorations(transaction.state, effect.value);
    return transaction.docChanged ? Decoration.none : value.map(transaction.changes);
  },
  provide: (field) => EditorView.decorations.from(field),
});

const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword], color: 'var(--code-keyword)', fontWeight: '600' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--code-string)' },
  { tag: tags.comment, color: 'var(--code-comment)', fontStyle: 'italic' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--code-number)' },
  { tag: [tags.function(tags.variableName), tags.function(tags.definition(tags.variableName))], color: 'var(--code-function)' },
  { tag: tags.definition(tags.variableName), color: 'var(--code-definition)' },
  { tag: [tags.className, tags.typeName], color: 'var(--code-type)' },
  { tag: tags.operator, color: 'var(--code-operator)' },
]);

export class code_editor {
  constructor(parent, { on_change }) {
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc: '',
        extensions: [
          lineNumbers(), highlightSpecialChars(), history(), drawSelection(), highlightActiveLine(),
          bracketMatching(), indentUnit.of('    '), EditorState.tabSize.of(4),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          python(), syntaxHighlighting(highlight), marks_field, EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': 'Python program' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !this.setting) on_change(this.text());
          }),
        ],
      }),
    });
    this.last_marks = '';
  }

  text() {
    return this.view.state.doc.toString();
  }

  set_text(text) {
    this.setting = true;
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
    this.setting = false;
    this.last_marks = '';
  }

  // Redraws the marks only when they changed (this runs on every animation frame that draws).
  mark(marks, error, lit = null) {
    const key = JSON.stringify([marks, error, lit]);
    if (key === this.last_marks) return;
    this.last_marks = key;
    this.view.dispatch({ effects: set_marks.of({ marks, error, lit }) });
  }

  focus() {
    this.view.focus();
  }
}
