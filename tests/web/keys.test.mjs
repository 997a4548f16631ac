// The keyboard map: what each key means, and when a key is left to the editor, a field or a button.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { key_command } from '../../web/lib/keys.mjs';

const command = (key, where = {}) => key_command({ key, ...where });

test('the transport keys', () => {
  assert.deepEqual(command(' '), { command: 'toggle_play', arg: undefined });
  assert.deepEqual(command('ArrowLeft'), { command: 'step', arg: -1 });
  assert.deepEqual(command('ArrowRight'), { command: 'step', arg: 1 });
  assert.deepEqual(command('Home'), { command: 'hold', arg: -1 });
  assert.deepEqual(command('End'), { command: 'follow', arg: undefined });
  assert.deepEqual(command('n'), { command: 'jump_print', arg: true });
  assert.deepEqual(command('N'), { command: 'jump_print', arg: false });
  assert.deepEqual(command('['), { command: 'nudge_replay_speed', arg: -1 });
  assert.deepEqual(command(']'), { command: 'nudge_replay_speed', arg: 1 });
});

test('modes, run, theme, help, and the live speeds on 1 to 6', () => {
  assert.deepEqual(['e', 'p', 'c'].map((key) => command(key)), ['explore', 'predict', 'compare'].map((arg) => ({ command: 'mode', arg })));
  assert.equal(command('r').command, 'run');
  assert.equal(command('t').command, 'theme');
  assert.equal(command('?').command, 'help');
  assert.deepEqual(['1', '3', '6'].map((key) => command(key)), [0, 2, 5].map((arg) => ({ command: 'speed', arg })));
  assert.equal(command('7'), null);
  assert.equal(command('0'), null);
  assert.equal(command('x'), null);
});

test('in the editor every key is the editor\'s, and Escape leaves it', () => {
  assert.equal(command('n', { in_editor: true }), null);
  assert.equal(command(' ', { in_editor: true }), null);
  assert.equal(command('Escape', { in_editor: true }), 'blur');
  assert.equal(command('Escape'), null);
});

test('fields, dialogs and held modifiers keep their keys', () => {
  assert.equal(command('ArrowLeft', { in_field: true }), null);
  assert.equal(command('r', { modifier: true }), null, 'Ctrl-R reloads');
  assert.equal(command('1', { modifier: true }), null);
});

test('a focused button keeps Space and Enter, but not the other keys', () => {
  assert.equal(command(' ', { on_button: true }), null);
  assert.equal(command('Enter', { on_button: true }), null);
  assert.deepEqual(command('ArrowRight', { on_button: true }), { command: 'step', arg: 1 });
});
