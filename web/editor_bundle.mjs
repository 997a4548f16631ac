// The bundle's entry: the parts of CodeMirror 6 the page uses, built by build.mjs into
// vendor/codemirror.js (gitignored; `cmake --build` makes it).
export { EditorState, StateField, StateEffect, RangeSetBuilder, Compartment } from '@codemirror/state';
export { EditorView, Decoration, WidgetType, keymap, lineNumbers, highlightActiveLine, drawSelection, highlightSpecialChars } from '@codemirror/view';
export { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
export { syntaxHighlighting, HighlightStyle, indentUnit, bracketMatching } from '@codemirror/language';
export { python } from '@codemirror/lang-python';
export { tags } from '@lezer/highlight';
