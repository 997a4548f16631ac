// One event in words, for the line under the transport ("Task-2 awaits asyncio.sleep(2)").

import { format_seconds, console_text, short_repr } from './format.mjs';

function article(word) { return /^[AEIOU]/.test(word ?? '') ? 'an' : 'a'; }

// A primitive's state in words: its fields as they stand (protocol/README.md, asyncio's primitives)
export function describe_snapshot(snapshot) {
  if (!snapshot) return 'its state is unknown';
  const parts = [];
  const tasks = (list) => (list.length ? list.join(', ') : 'none');
  if ('locked' in snapshot) parts.push(snapshot.locked ? `held by ${snapshot.holder ?? 'no task'}` : 'free');
  if ('set' in snapshot) parts.push(snapshot.set ? 'set' : 'not set');
  if ('value' in snapshot) parts.push(`value ${snapshot.value}`);
  if ('phase' in snapshot) parts.push(snapshot.phase);
  if ('count' in snapshot) parts.push(`${snapshot.count} of ${snapshot.parties} inside`);
  if ('size' in snapshot) parts.push(`${snapshot.size} item${snapshot.size === 1 ? '' : 's'}${snapshot.items?.length ? ` (${snapshot.items.join(', ')}${snapshot.size > snapshot.items.length ? ', …' : ''})` : ''}`);
  if ('when' in snapshot && snapshot.when !== null) parts.push(`deadline ${format_seconds(snapshot.when)}`);
  if ('members' in snapshot) parts.push(`members: ${tasks(snapshot.members)}`);
  if ('waiters' in snapshot) parts.push(`waiting: ${tasks(snapshot.waiters)}`);
  if (snapshot.getters?.length) parts.push(`getters waiting: ${tasks(snapshot.getters)}`);
  if (snapshot.putters?.length) parts.push(`putters waiting: ${tasks(snapshot.putters)}`);
  return parts.join('; ');
}

export function describe_event(event) {
  if (!event) return 'Before the first event: nothing has happened yet.';
  const who = event.task ?? (event.thread ? `worker thread ${event.thread}` : 'the loop');
  switch (event.kind) {
    case 'run_started': return 'The run starts.';
    case 'loop': return `Event loop ${event.loop} is ${event.state}.`;
    case 'loop_wait':
      if (event.when === undefined) return 'Nothing is ready and no timer is set: the loop waits for a worker thread to hand it a result.';
      return `Nothing is ready: the loop sleeps until its next timer, at ${format_seconds(event.when)}.`;
    case 'runner_cancel_all': return `main returned with tasks still pending (${event.children.join(', ')}): asyncio.run cancels them.`;
    case 'task_created': return `${event.task ?? 'asyncio.run'} creates ${event.target} for ${event.coro}(); its first step joins the ready queue.`;
    case 'handle_queued': return `call_soon: ${event.callback} joins the back of the ready queue.`;
    case 'handle_run': return `The loop takes ${event.callback} from the front of the ready queue and runs it.`;
    case 'timer_scheduled': return `${who} sets a timer for ${format_seconds(event.delay)}: due at ${format_seconds(event.when)}.`;
    case 'timer_fired': return `The timer due at ${format_seconds(event.when)} fires: ${event.callback} joins the ready queue.`;
    case 'timer_cancelled': return `Timer ${event.handle} is cancelled; it will never fire.`;
    case 'handle_cancelled': return `Handle ${event.handle} is cancelled: it leaves the ready queue without running.`;
    case 'step_begin': return `${who} runs ${event.coro}() from line ${event.line ?? '—'}.`;
    case 'step_end':
      if (event.status === 'await') return `${who} suspends at line ${event.line} and gives the loop back.`;
      if (event.status === 'yield') return `${who} yields (sleep(0)) and goes to the back of the ready queue.`;
      if (event.status === 'return') return `${who} returns.`;
      return `${who} raises.`;
    case 'task_cancel_requested': {
      const why = { timeout: `its timeout (#${event.primitive}) expired`, taskgroup: `its TaskGroup (#${event.primitive}) is shutting down`,
        wait_for: 'wait_for ran out of time', gather: 'its gather was cancelled', 'asyncio.run': 'main returned with it still pending' }[event.cause];
      const asker = event.cause === 'asyncio.run' ? 'asyncio.run' : who;
      const message = event.message ? ` (message: ${short_repr(JSON.stringify(event.message), 40)})` : '';
      return `${asker} asks ${event.target} to cancel${why ? `: ${why}` : ''}${message}.`;
    }
    case 'primitive_created': return `${who} makes ${article(event.target)} ${event.target} (#${event.primitive}): ${describe_snapshot(event.snapshot)}.`;
    case 'primitive_state': return `#${event.primitive} changes: ${describe_snapshot(event.snapshot)}.`;
    case 'task_done':
      if (event.status === 'result') return `${event.task} is done: it returned ${short_repr(event.result, 60)}.`;
      if (event.status === 'cancelled') return `${event.task} is cancelled.`;
      return `${event.task} ended with ${event.error?.type ?? 'an exception'}.`;
    case 'await_begin':
      if (event.on === 'sleep') return `${who} awaits asyncio.sleep(${event.delay}).`;
      if (event.on === 'coroutine') return `${who} awaits ${event.target}(): it runs inline, in the same task.`;
      if (event.on === 'task') return `${who} awaits task ${event.target}.`;
      if (event.on === 'gather') return `${who} awaits gather(${(event.children ?? []).join(', ')}).`;
      return `${who} awaits a future.`;
    case 'await_end':
      return event.error ? `The await raises ${event.error.type} into ${who}.` : `The await gives ${who} ${short_repr(event.result, 60)}.`;
    case 'print': return `${who} prints "${console_text(event.text)}".`;
    case 'warning': return `${event.category}: ${event.message}.`;
    case 'stderr': return 'Python writes to stderr.';
    case 'blocking_sleep':
      if (event.thread) return `${who} calls time.sleep(${event.delay}): that thread alone waits ${format_seconds(event.delay)}; the loop goes on.`;
      return `${who} calls time.sleep(${event.delay}): the whole loop is blocked for ${format_seconds(event.delay)}.`;
    case 'thread_started': return `The default executor starts worker thread ${event.thread}.`;
    case 'thread_run_begin': return `Worker thread ${event.thread} runs ${event.callback}.`;
    case 'thread_run_end':
      if (event.status === 'ok') return `Worker thread ${event.thread}: ${event.callback} returns ${event.result}; call_soon_threadsafe hands it to the loop.`;
      return `Worker thread ${event.thread}: ${event.callback} raises ${event.error?.type}; call_soon_threadsafe hands it to the loop.`;
    case 'run_finished':
      return event.status === 'ok' ? 'The run is finished.' : `The run ended: ${event.error?.type ?? event.status}${event.error?.message ? `: ${event.error.message}` : ''}.`;
    default: return `${event.kind}`;
  }
}
