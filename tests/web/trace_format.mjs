// A check of a trace against the Trace Event Format as its specification documents it (Google's
// "Trace Event Format" document; Perfetto's "JSON trace format" page): the JSON object form, the
// fields each phase needs, and what viewers rely on — complete slices on one thread nest, every flow
// has one start and one finish that bind to slices, every thread used is named. No npm package checks
// these (the ones there parse node's own trace files or build traces), so the check is written out
// here from the documents. Returns the problems found, [] when none.

const phases = new Set(['X', 'B', 'E', 'i', 'I', 's', 't', 'f', 'M', 'C', 'b', 'e', 'n']);
const metadata_names = new Set(['process_name', 'process_labels', 'process_sort_index', 'thread_name', 'thread_sort_index']);

export function trace_problems(trace) {
  const problems = [];
  if (trace === null || typeof trace !== 'object' || !Array.isArray(trace.traceEvents)) return ['a trace is an object with a traceEvents array'];
  if (trace.displayTimeUnit !== undefined && !['ms', 'ns'].includes(trace.displayTimeUnit)) problems.push('displayTimeUnit is "ms" or "ns"');
  const named_threads = new Set();
  const used_threads = new Set();
  const slices = new Map();
  const flows = new Map();
  trace.traceEvents.forEach((e, i) => {
    const where = `traceEvents[${i}] (${JSON.stringify(e).slice(0, 100)})`;
    if (!phases.has(e.ph)) return problems.push(`${where}: unknown ph`);
    if (typeof e.name !== 'string') problems.push(`${where}: name is a string`);
    if (!Number.isInteger(e.pid) || !Number.isInteger(e.tid)) problems.push(`${where}: pid and tid are integers`);
    if (e.args !== undefined && (e.args === null || typeof e.args !== 'object')) problems.push(`${where}: args is an object`);
    if (e.ph === 'M') {
      if (!metadata_names.has(e.name)) problems.push(`${where}: unknown metadata name`);
      if (e.name === 'thread_name') {
        if (typeof e.args?.name !== 'string') problems.push(`${where}: thread_name needs args.name`);
        named_threads.add(`${e.pid}/${e.tid}`);
      }
      if (e.name.endsWith('sort_index') && !Number.isInteger(e.args?.sort_index)) problems.push(`${where}: sort_index is an integer`);
      return undefined;
    }
    if (typeof e.ts !== 'number' || !(e.ts >= 0)) problems.push(`${where}: ts is a number of microseconds`);
    if (typeof e.cat !== 'string') problems.push(`${where}: cat is a string`);
    used_threads.add(`${e.pid}/${e.tid}`);
    const thread = `${e.pid}/${e.tid}`;
    if (e.ph === 'X') {
      if (typeof e.dur !== 'number' || e.dur < 0) problems.push(`${where}: a complete event has dur >= 0`);
      if (!slices.has(thread)) slices.set(thread, []);
      slices.get(thread).push(e);
    }
    if ((e.ph === 'i' || e.ph === 'I') && e.s !== undefined && !['g', 'p', 't'].includes(e.s)) problems.push(`${where}: instant scope s is g, p or t`);
    if (e.ph === 's' || e.ph === 't' || e.ph === 'f') {
      if (e.id === undefined) problems.push(`${where}: a flow event has an id`);
      if (e.bp !== undefined && e.bp !== 'e') problems.push(`${where}: bp is "e" when given`);
      const key = `${e.cat}/${e.id}`;
      if (!flows.has(key)) flows.set(key, []);
      flows.get(key).push(e);
    }
    return undefined;
  });
  for (const thread of used_threads) if (!named_threads.has(thread)) problems.push(`thread ${thread} has events but no thread_name`);
  // Complete events on one thread nest: sorted by start (longer first), each lies within the slice
  // still open around it, or after it (intervals half-open, so one may start where another ends).
  for (const [thread, list] of slices) {
    const sorted = list.slice().sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const open = [];
    for (const s of sorted) {
      while (open.length && open.at(-1).ts + open.at(-1).dur <= s.ts && !(open.at(-1).dur === 0 && s.dur === 0 && open.at(-1).ts === s.ts)) open.pop();
      const parent = open.at(-1);
      if (parent && s.ts + s.dur > parent.ts + parent.dur) problems.push(`thread ${thread}: "${s.name}" at ${s.ts} (+${s.dur}) overlaps "${parent.name}" at ${parent.ts} (+${parent.dur}) without nesting in it`);
      open.push(s);
    }
  }
  // A flow: one start, then its finish no earlier; each binds to a slice around its ts on its thread.
  const encloses = (e) => (slices.get(`${e.pid}/${e.tid}`) ?? []).some((s) => s.ts <= e.ts && e.ts <= s.ts + s.dur);
  for (const [key, list] of flows) {
    const starts = list.filter((e) => e.ph === 's');
    const finishes = list.filter((e) => e.ph === 'f');
    if (starts.length !== 1 || finishes.length !== 1) { problems.push(`flow ${key}: one "s" and one "f"`); continue; }
    if (finishes[0].ts < starts[0].ts) problems.push(`flow ${key}: finishes before it starts`);
    for (const e of [starts[0], finishes[0]]) if (!encloses(e)) problems.push(`flow ${key}: its "${e.ph}" at ${e.ts} on thread ${e.tid} binds to no slice`);
  }
  return problems;
}
