import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { format_seconds, order_mark, console_text } from '../../web/lib/format.mjs';
import { encode_permalink, decode_permalink } from '../../web/lib/permalink.mjs';
import { player } from '../../web/lib/player.mjs';
import { describe_event, describe_snapshot } from '../../web/lib/describe.mjs';
import { load_events } from './fixtures.mjs';

test('program seconds read as the tutorial says them', () => {
  assert.equal(format_seconds(3), '3.0 s');
  assert.equal(format_seconds(6), '6.0 s');
  assert.equal(format_seconds(2.25), '2.25 s');
  assert.equal(format_seconds(-0.0001), '0.0 s');
});

test('order marks are circled up to 20', () => {
  assert.deepEqual([1, 2, 3, 4].map(order_mark), ['①', '②', '③', '④']);
  assert.equal(order_mark(21), '(21)');
  assert.equal(console_text('hi\n'), 'hi');
});

test('a permalink holds the program, speed and step, and reads back', () => {
  const source = 'import asyncio\nprint("é ✓")\n';
  assert.deepEqual(decode_permalink(encode_permalink({ source, speed: 4, step: 12 })), { source, speed: 4, step: 12 });
  assert.deepEqual(decode_permalink(encode_permalink({ scenario: 'gather', speed: 'instant' })), { scenario: 'gather', speed: 'instant' });
  assert.deepEqual(decode_permalink(encode_permalink({ mode: 'compare', compare: ['a', 'b'], speed: 2 })), { mode: 'compare', compare: ['a', 'b'], speed: 2 });
  assert.deepEqual(decode_permalink('#speed=-1&step=x'), {});
  assert.deepEqual(decode_permalink(encode_permalink({ scenario: 'gather', speed: 'instant', replay: 0.5, step: 3 })), { scenario: 'gather', speed: 'instant', replay: 0.5, step: 3 });
  assert.deepEqual(decode_permalink(encode_permalink({ mode: 'compare', compare: ['a', 'b'], speed: 1, step: 40 })), { mode: 'compare', compare: ['a', 'b'], speed: 1, step: 40 });
  assert.deepEqual(decode_permalink('#replay=0'), {});
});

test('replay spends program time over speed, plus a beat per event', () => {
  const events = load_events('sleep');
  const cursor = new player();
  cursor.play(events.length);
  cursor.tick(0.01, 1, events);
  assert.equal(cursor.seq, -1);
  cursor.tick(1, 1, events);
  const at = cursor.seq;
  assert.ok(at > 0 && events[at].t === 0, 'a second of beats shows the steps at t = 0, not the 5 s sleep');
  cursor.tick(100, 8, events);
  assert.equal(cursor.seq, events.length - 1);
});

test('stepping holds the cursor inside the run', () => {
  const cursor = new player();
  cursor.step(-1, 10);
  assert.equal(cursor.position(10), 8);
  cursor.hold(99, 10);
  assert.equal(cursor.position(10), 9);
  cursor.hold(-5, 10);
  assert.equal(cursor.position(10), -1);
});

test('every event of a run reads as a sentence', () => {
  for (const event of load_events('gather')) assert.match(describe_event(event), /\w/);
  assert.equal(describe_event(load_events('gather')[15]), 'Task-2 prints "Start brewing coffee...".');
});

test('worker threads read as sentences', () => {
  const example = JSON.parse(readFileSync(new URL('../../protocol/examples/events_threads.json', import.meta.url), 'utf8'));
  const said = example.events.map(describe_event);
  assert.deepEqual(said.slice(0, 3), [
    'The default executor starts worker thread asyncio_0.',
    'Worker thread asyncio_0 runs download(1).',
    'worker thread asyncio_0 calls time.sleep(1): that thread alone waits 1.0 s; the loop goes on.',
  ]);
  assert.ok(said.includes('worker thread asyncio_0 prints "downloaded".'));
  assert.ok(said.includes("Worker thread asyncio_0: download(1) returns 'data'; call_soon_threadsafe hands it to the loop."));
});

test('asyncio primitives and cancel causes read as sentences', () => {
  const example = JSON.parse(readFileSync(new URL('../../protocol/examples/events_primitives.json', import.meta.url), 'utf8'));
  const [created, taken, waited, timeout, cancel] = example.events;
  assert.equal(describe_event(created), 'Task-1 makes a Lock (#1): free; waiting: none.');
  assert.equal(describe_event(taken), '#1 changes: held by Task-2; waiting: none.');
  assert.equal(describe_event(waited), '#1 changes: held by Task-2; waiting: Task-3.');
  assert.equal(describe_event(timeout), 'Task-1 makes a Timeout (#2): created; deadline 2.5 s.');
  assert.equal(describe_event(cancel), 'the loop asks Task-1 to cancel: its timeout (#2) expired.');
  assert.equal(describe_snapshot({ size: 3, maxsize: 0, unfinished: 3, items: ["'a'", '2'], getters: [], putters: ['Task-4'] }).includes('putters waiting: Task-4'), true);
  assert.equal(describe_event({ kind: 'task_cancel_requested', task: 'Task-1', target: 'Task-2', message: 'stop' }), 'Task-1 asks Task-2 to cancel (message: "stop").');
});

test('a loop that waits for a worker thread, with no timer set, says so', () => {
  assert.equal(describe_event({ kind: 'loop_wait', task: null, loop: 1 }), 'Nothing is ready and no timer is set: the loop waits for a worker thread to hand it a result.');
});
