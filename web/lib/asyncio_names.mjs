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
