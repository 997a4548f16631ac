// What a permalink opens against the server's catalog, and the link of what is on screen.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { opening, page_view } from '../../web/lib/page_link.mjs';
import { encode_permalink, decode_permalink } from '../../web/lib/permalink.mjs';

const catalog = [{ id: 'hello' }, { id: 'interleaving' }, { id: 'gather' }];

test('an empty link opens the default example, explore mode, speed 1', () => {
  assert.deepEqual(opening({}, catalog, 'interleaving'), { notices: [], mode: 'explore', step: undefined, speed: 1, replay: 1, scenario: 'interleaving' });
  assert.equal(opening({}, [{ id: 'hello' }], 'interleaving').scenario, 'hello', 'a catalog without it: its first');
});

test('a link\'s example, speeds, mode and step', () => {
  const plan = opening(decode_permalink('#example=gather&speed=instant&replay=0.5&step=22&mode=predict'), catalog, 'interleaving');
  assert.deepEqual(plan, { notices: [], mode: 'predict', step: 22, speed: 'instant', replay: 0.5, scenario: 'gather' });
  assert.equal(opening({ speed: 3 }, catalog, 'interleaving').speed, 1, 'a speed the picker does not have');
});

test('the user\'s own code, and what cannot be opened said in words', () => {
  assert.equal(opening({ source: 'print(1)\n' }, catalog, 'interleaving').source, 'print(1)\n');
  const plan = opening({ scenario: 'dance', error: 'the link\'s code could not be read' }, catalog, 'interleaving');
  assert.equal(plan.scenario, 'interleaving');
  assert.deepEqual(plan.notices, ['the link\'s code could not be read', 'The link names an example this server does not have ("dance").']);
});

test('the link of the view: shared settings and the mode\'s part; 1× replay is left out', () => {
  assert.equal(encode_permalink(page_view({ mode: 'explore', speed: 4, replay_speed: 1 }, { scenario: 'gather', step: 22 })), '#example=gather&speed=4&step=22');
  assert.equal(encode_permalink(page_view({ mode: 'compare', speed: 'instant', replay_speed: 8 }, { compare: ['a', 'b'] })), '#compare=a%2Cb&speed=instant&replay=8');
  assert.equal(encode_permalink(page_view({ mode: 'predict', speed: 1, replay_speed: 1 }, { scenario: 'gather' })), '#example=gather&speed=1&mode=predict');
});

test('a run\'s random seed travels in the link, exactly, and nothing else passes for one', () => {
  assert.equal(encode_permalink(page_view({ mode: 'explore', speed: 1, replay_speed: 1 }, { scenario: 'gather', step: 3, seed: 9007199254740991 })),
    '#example=gather&speed=1&step=3&seed=9007199254740991');
  assert.equal(decode_permalink('#example=gather&seed=6160046264349771').seed, 6160046264349771);
  assert.equal(opening(decode_permalink('#example=gather&seed=42'), catalog, 'interleaving').seed, 42);
  for (const bad of ['-1', '1.5', 'x', '9007199254740992', '12345678901234567'])
    assert.equal(decode_permalink(`#example=gather&seed=${bad}`).seed, undefined, bad);
  assert.equal('seed' in opening({}, catalog, 'interleaving'), false);
});
