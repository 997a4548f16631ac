// The loop panel's timers: what each pending timer will do when it fires.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timeline } from '../../web/lib/timeline.mjs';
import { timer_label } from '../../web/lib/asyncio_names.mjs';
import { load_events } from './fixtures.mjs';

test('callbacks: a call_later timer is named by its callback, a sleep by the task it wakes', () => {
  const run = new timeline();
  run.push(load_events('callbacks'));
  // After main's call_later(1, hello, 'later'), call_later(0.5, hello, 'timer') and its sleep(1)
  const seq = run.events.findIndex((e) => e.kind === 'timer_scheduled' && e.callback.startsWith('sleep.'));
  const timers = run.state_at(seq).timers.map(timer_label);
  assert.deepEqual(timers, [{ text: "hello('timer')", task: null }, { text: 'Task-1', task: 'Task-1' }]);
  const before_cancel = run.events.findIndex((e) => e.kind === 'timer_cancelled') - 1;
  assert.deepEqual(run.state_at(before_cancel).timers.map((t) => timer_label(t).text), ["hello('timer')", "hello('later')"]);
});

test("a timeout's timer runs its callback: named by it, not by the task that set the deadline", () => {
  const run = new timeline();
  run.push(load_events('timeout_block'));
  const seq = run.events.findIndex((e) => e.kind === 'timer_scheduled' && e.callback === 'Timeout._on_timeout()');
  const timer = run.state_at(seq).timers.find((t) => t.callback === 'Timeout._on_timeout()');
  assert.deepEqual(timer_label(timer), { text: 'Timeout._on_timeout()', task: null });
});
