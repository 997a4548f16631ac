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
  order.update([sequential, gather]);
  const entries = order.entries.slice();
  order.update([sequential, gather]);
  assert.deepEqual(order.entries, entries, 'nothing new: nothing changes');
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
  order.update([left, null]);
  assert.equal(order.length, events.length);
  assert.deepEqual(order.seqs_at(5), [5, -1]);
});

// Two runs that stream in batches of uneven size, one ahead of the other, as two live runs do.
function stream_both(left_events, right_events, batches, on_batch) {
  const runs = [new timeline(), new timeline()];
  const sources = [left_events, right_events];
  const sent = [0, 0];
  for (const [side, count] of batches) {
    runs[side].push(sources[side].slice(sent[side], sent[side] + count));
    sent[side] += count;
    on_batch(runs);
  }
  return runs;
}

test('merged batch by batch while both stream, the order is the one merged at the end in one go', () => {
  const left = load_events('many_tasks');
  const right = load_events('gather');
  const order = new merged_order();
  const batches = [];
  for (let k = 0; k < 60; k += 1) batches.push([k % 3 === 0 ? 1 : 0, 1 + ((k * 37) % 29)]);
  batches.push([0, left.length], [1, right.length]);
  stream_both(left, right, batches, (runs) => order.update(runs));
  assert.deepEqual(order.entries, merge([left, right]));
});

test('a held position stays on its event when the slower run\'s batch lands before it', () => {
  const left = load_events('sequential_awaited');
  const right = load_events('gather');
  const order = new merged_order();
  const runs = [new timeline(), new timeline()];
  runs[0].push(left); // sequential has streamed to its end; gather has only begun
  runs[1].push(right.slice(0, 5));
  order.update(runs);
  const held = order.entries.findIndex((e) => e.side === 0 && e.t === 3);
  const event = order.event_at(held).event;
  runs[1].push(right.slice(5)); // gather's events up to 3.0 s belong before the held one
  const moved = order.update(runs, held);
  assert.ok(moved > held, 'earlier events were inserted before it');
  assert.equal(order.event_at(moved).event, event, 'the same event');
  assert.equal(order.update(runs, moved), moved, 'no new events: the position stays');
  assert.equal(order.update(runs, -1), -1);
});

test('a position past the end (a link opened before its runs have streamed) waits there', () => {
  const order = new merged_order();
  const runs = [new timeline(), new timeline()];
  const left = load_events('sequential_awaited');
  const right = load_events('gather');
  let held = 100;
  runs[0].push(left.slice(0, 20));
  held = order.update(runs, held);
  assert.equal(held, 100);
  runs[0].push(left.slice(20));
  runs[1].push(right);
  held = order.update(runs, held);
  assert.equal(held, 100);
  assert.deepEqual(order.seqs_at(held), merge([left, right])[100].seqs);
});
