// The page's keys on the document: reads a press (lib/keys.mjs says what it means) and runs the
// command from `commands`, a map from command name to a function of its argument.

import { key_command } from '../lib/keys.mjs';

export function listen_to_keys(commands) {
  document.addEventListener('keydown', (event) => {
    const target = event.target;
    const answer = key_command({
      key: event.key,
      modifier: event.ctrlKey || event.metaKey || event.altKey,
      in_editor: Boolean(target.closest?.('.cm-editor')),
      in_field: Boolean(target.closest?.('input, select, textarea, dialog')),
      on_button: Boolean(target.closest?.('button, [role="button"]')),
    });
    if (answer === 'blur') return target.blur();
    if (!answer) return;
    event.preventDefault();
    commands[answer.command](answer.arg);
  });
}
