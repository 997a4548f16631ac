import { test } from 'node:test';
import assert from 'node:assert/strict';
import { merge, merged_order } from '../../web/lib/compare.mjs';
import { timeline } from '../../web/lib/timeline.mjs';
import { load_events } from './fixtures.mjs';

function run_of(name) {
  const run = new timeline();
  run.push(load_events(name));
  return run;
}

test('merged events keep program-time order and each run\'s own order, each event once', () => {
  const left = load_events('sequential_awaited');
  const right = load_events('gather');
  const entries = merge([left, right]);
  assert.equal(entries.length, left.length + right.length);
  for (let k = 1; k < entries.length; k += 1) assert.ok(entries[k - 1].t <= entries[k].t, `t at ${k}`);
  for (const side of [0, 1]) {
    const seqs = entries.filter((e) => e.side === side).map((e) => e.seq);
    assert.deepEqual(seqs, [...seqs.keys()]);
  }
});

test('at the same instant the two runs advance side by side, the left first', () => {
  const entries = merge([[{ t: 0 }, { t: 0 }, { t: 1 }], [{ t: 0 }, { t: 0 }]]);
  assert.deepEqual(entries.map((e) => [e.side, e.seq]), [[0, 0], [1, 0], [0, 1], [1, 1], [0, 2]]);
  assert.deepEqual(entries.map((e) => e.seqs), [[0, -1], [0, 0], [1, 0], [1, 1], [2, 1]]);
});

test('sequential against gather: when gather has finished at 3.0 s, sequential is half way', () => {
  const order = new merged_order();
  const sequential = run_of('sequential_awaited');
  const gather = run_of('gather');
  assert.equal(order.update([sequential, gather]), true);
  assert.equal(order.update([sequential, gather]), false, 'nothing new: no rebuild');
  const gather_end = order.entries.findLastIndex((e) => e.side === 1);
  const [left, right] = order.seqs_at(gather_end);
  assert.equal(right, gather.length - 1);
  assert.equal(gather.state_at(right).finished.status, 'ok');
  assert.equal(sequential.state_at(left).t, 3);
  assert.equal(sequential.state_at(left).finished, null, 'sequential still runs');
  assert.deepEqual(order.seqs_at(-1), [-1, -1]);
  assert.deepEqual(order.seqs_at(order.length - 1), [sequential.length - 1, gather.length - 1]);
  assert.equal(order.event_at(gather_end).event.kind, 'run_finished');
});

test('a run still streaming: the merge follows it as it grows', () => {
  const order = new merged_order();
  const left = new timeline();
  const events = load_events('sleep');
  left.push(events.slice(0, 10));
  order.update([left, null]);
  assert.equal(order.length, 10);
  left.push(events.slice(10));
  assert.equal(order.update([left, null]), true);
  assert.equal(order.length, events.length);
  assert.deepEqual(order.seqs_at(5), [5, -1]);
});
