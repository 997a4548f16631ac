// Names asyncio gives things, as they appear in the events: its runner's own tasks and the callbacks
// that step a task.

// asyncio.run's own shutdown tasks: real tasks, but no part of the program a learner wrote.
export const runner_coros = new Set(['shutdown_asyncgens', 'shutdown_default_executor']);

const task_callback = /^Task\.__(step|wakeup)\((.*)\)$/;

// The task a ready-queue callback will step, if any.
export function callback_task(callback) {
  const match = task_callback.exec(callback ?? '');
  return match ? match[2] : null;
}

// The callback asyncio.sleep schedules: when its timer fires, it wakes the task that slept.
const sleep_callback = 'sleep._set_result_unless_cancelled';

// What a pending timer will do, as the loop panel lists it ("due 1 s → …"): `{ text, task }`, `task` the one whose
// colour it takes. asyncio.sleep's timer wakes the task that scheduled it; any other timer (the
// program's `call_later(f, …)`, a timeout's) runs its callback, named as the ready queue names it.
export function timer_label(timer) {
  if (timer.callback === sleep_callback && timer.task) return { text: timer.task, task: timer.task };
  return { text: timer.callback ?? 'callback', task: callback_task(timer.callback) };
}
