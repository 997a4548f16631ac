// The page's keyboard: which command a key press means. Pure, so the map can be tested and shown;
// ui/keyboard.mjs reads the press from the DOM and runs the command.
//
// A press: { key, modifier (ctrl, meta or alt held), in_editor, in_field (input, select, textarea or
// a dialog), on_button }. The answer: null (not ours: leave it to the browser), 'blur' (Escape leaves
// the editor), or { command, arg } with the command's name and its argument.

export const key_map = {
  ' ': ['toggle_play'],
  ArrowLeft: ['step', -1],
  ArrowRight: ['step', 1],
  Home: ['hold', -1],
  End: ['follow'],
  '[': ['nudge_replay_speed', -1],
  ']': ['nudge_replay_speed', 1],
  n: ['jump_print', true],
  N: ['jump_print', false],
  r: ['run'],
  c: ['mode', 'compare'],
  p: ['mode', 'predict'],
  e: ['mode', 'explore'],
  t: ['theme'],
  '?': ['help'],
};

export function key_command({ key, modifier = false, in_editor = false, in_field = false, on_button = false }) {
  // The editor keeps its keys; Escape gives them back to the page
  if (in_editor) return key === 'Escape' ? 'blur' : null;
  if (in_field || modifier) return null;
  let entry = key_map[key];
  if (!entry && /^[1-6]$/.test(key)) entry = ['speed', Number(key) - 1];
  if (!entry) return null;
  // A focused button's own keys press the button
  if (on_button && (key === ' ' || key === 'Enter')) return null;
  return { command: entry[0], arg: entry[1] };
}
