import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decode_message, continue_sequence, protocol_error } from '../../web/lib/decoder.mjs';

const example = (name) => readFileSync(new URL(`../../protocol/examples/${name}.json`, import.meta.url), 'utf8');

test('every server example of the protocol decodes', () => {
  for (const name of ['hello', 'events', 'run_finished_ok', 'run_finished_error', 'run_finished_cancelled', 'error', 'error_syntax']) {
    const message = decode_message(example(name));
    assert.equal(typeof message.type, 'string', name);
  }
});

test('a message type this client does not know is ignored', () => {
  assert.equal(decode_message('{"type":"weather","sunny":true}'), null);
});

test('unknown fields are kept out of the way', () => {
  const message = decode_message('{"type":"error","code":"x","message":"m","future":1}');
  assert.equal(message.code, 'x');
});

test('bad frames throw a protocol_error naming the fault', () => {
  assert.throws(() => decode_message('nope'), protocol_error);
  assert.throws(() => decode_message('[1]'), /not an object/);
  assert.throws(() => decode_message('{"type":"events","run":"a","events":[{"seq":"0"}]}'), /"seq" should be number/);
});

test('events must continue the run without a gap', () => {
  assert.equal(continue_sequence(2, [{ seq: 2 }, { seq: 3 }]).length, 2);
  assert.throws(() => continue_sequence(2, [{ seq: 4 }]), /expected seq 2, got 4/);
});
