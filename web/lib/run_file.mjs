// A run file: one run kept as text, to open again on any page without a server (protocol/README.md,
// "Run files"). The first line is a header object (the format and its version, the program and its
// settings), then one event a line exactly as `events` messages carry them. `loopscope run --events`
// writes the same format. A file without the header (what `--events` wrote before the header existed)
// still opens: its events are all there, only the program is unknown.

export const run_file_format = 'loopscope-run';
export const run_file_version = 1;

// A run file is read whole into the tab; past this size the page refuses it before reading. The page
// keeps at most 200,000 events a run (run_store.mjs), about 20 MB as text, so this leaves room.
export const max_run_file_bytes = 64 * 1024 * 1024;

// How many events go to the store in one `events` message, as the server would batch them.
const batch = 512;

export class run_file_error extends Error {
  constructor(line, text) {
    super(line ? `line ${line}: ${text}` : text);
    this.line = line;
  }
}

// What a catalog example says about itself, kept in the file so that a page with no catalog (no
// server) shows it as it was shown live.
const example_texts = ['title', 'summary', 'notes'];

// The file's text for a run's `events`, with `program` ({ source, scenario, file_name }, and a catalog
// example's title, summary and notes) and `settings` ({ clock, speed, random_seed }); `loopscope` is
// the version that made the run.
export function run_file_text({ events, program = {}, settings = {}, loopscope = null }) {
  const header = {
    format: run_file_format,
    version: run_file_version,
    loopscope,
    program: { source: program.source ?? null, scenario: program.scenario ?? null, file_name: program.file_name ?? null },
    settings: { clock: settings.clock ?? null, speed: settings.speed ?? null },
  };
  for (const field of example_texts) if (typeof program[field] === 'string') header.program[field] = program[field];
  if (Number.isSafeInteger(settings.random_seed)) header.settings.random_seed = settings.random_seed;
  const lines = [JSON.stringify(header)];
  for (const event of events) lines.push(JSON.stringify(event));
  return `${lines.join('\n')}\n`;
}

function is_object(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function check_header(header) {
  if (header.format !== run_file_format) throw new run_file_error(1, `this is not a loopscope run file (its format is ${JSON.stringify(header.format)}, not "${run_file_format}")`);
  if (!Number.isInteger(header.version) || header.version < 1) throw new run_file_error(1, 'the header has no version');
  if (header.version > run_file_version) {
    throw new run_file_error(1, `the file was made by a newer loopscope (run file version ${header.version}); this page reads version ${run_file_version}`);
  }
  const program = is_object(header.program) ? header.program : {};
  const settings = is_object(header.settings) ? header.settings : {};
  const text = (value) => (typeof value === 'string' ? value : null);
  const read = {
    loopscope: text(header.loopscope),
    program: { source: text(program.source), scenario: text(program.scenario), file_name: text(program.file_name) },
    settings: { clock: text(settings.clock), speed: typeof settings.speed === 'number' ? settings.speed : null },
  };
  for (const field of example_texts) if (typeof program[field] === 'string') read.program[field] = program[field];
  if (Number.isSafeInteger(settings.random_seed) && settings.random_seed >= 0) read.settings.random_seed = settings.random_seed;
  return read;
}

// What a run file holds: { header, events, finished } where `finished` is the `run_finished` message
// the server would have sent (from the engine's last event, `run_finished`; a file cut short reads
// as a cancelled run). Throws run_file_error naming the first line at fault.
export function read_run_file(text) {
  if (text.length > max_run_file_bytes) throw new run_file_error(0, `the file is larger than ${max_run_file_bytes / 1024 / 1024} MiB, the most a page opens`);
  const lines = text.split('\n');
  while (lines.length && lines.at(-1).trim() === '') lines.pop();
  if (!lines.length) throw new run_file_error(0, 'the file is empty');
  let header = { loopscope: null, program: { source: null, scenario: null, file_name: null }, settings: { clock: null, speed: null } };
  const events = [];
  lines.forEach((line, index) => {
    const number = index + 1;
    let value;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new run_file_error(number, `not JSON (${error.message})`);
    }
    if (!is_object(value)) throw new run_file_error(number, 'not a JSON object');
    if (index === 0 && 'format' in value) {
      header = check_header(value);
      return;
    }
    if (index === 0 && !('kind' in value)) throw new run_file_error(1, `this is not a loopscope run file (its first line has no "format" and is not an event)`);
    if (value.seq !== events.length) throw new run_file_error(number, `expected the event with seq ${events.length}, got ${JSON.stringify(value.seq)}`);
    if (typeof value.t !== 'number') throw new run_file_error(number, 'the event has no number "t"');
    if (typeof value.kind !== 'string') throw new run_file_error(number, 'the event has no string "kind"');
    if (events.length && value.t < events.at(-1).t) throw new run_file_error(number, `time goes backwards (t ${value.t} after ${events.at(-1).t})`);
    events.push(value);
  });
  if (!events.length) throw new run_file_error(0, 'the file holds no events');
  return { header, events, finished: finished_message(events) };
}

export function finished_message(events) {
  const last = events.at(-1);
  if (last.kind !== 'run_finished') {
    return { type: 'run_finished', status: 'cancelled', elapsed: last.t, exit_status: 1, reason: 'the file ends before the run finished' };
  }
  const message = { type: 'run_finished', status: last.status ?? 'ok', elapsed: last.t, exit_status: last.status === 'ok' ? 0 : 1 };
  // The seed the run's random module started from: the page shows it, its link replays it
  if (Number.isSafeInteger(last.random_seed)) message.random_seed = last.random_seed;
  if (last.error) {
    if (message.status === 'error') message.error = last.error;
    else message.reason = last.error.message;
  }
  return message;
}

// Puts a read file into the store as a run of `purpose`, through the same messages a server sends.
export function load_run_file(store, { header, events, finished }, purpose = 'file') {
  const run = store.add_run(purpose, { scenario: header.program.scenario, source: header.program.source ?? '' });
  run.from_file = header;
  run.settings = { ...header.settings };
  for (let i = 0; i < events.length; i += batch) store.handle_message({ type: 'events', run: run.id, events: events.slice(i, i + batch) });
  store.handle_message({ ...finished, run: run.id });
  return run;
}

// The name a run's files get: its example's id, or its program file's name, or "program".
export function file_stem(run) {
  const file_name = run.from_file?.program.file_name;
  if (run.scenario) return run.scenario;
  if (file_name) return file_name.split(/[\\/]/).pop().replace(/\.py$/, '') || 'program';
  return 'program';
}

// The run file of a run in the store: its events so far, its program and settings (a run opened from
// a file keeps what its file said). `loopscope`: the version the page's server gave, if any;
// `example`: the catalog's entry for the run's example ({ title, summary, notes }), if it ran one.
export function run_file_of(run, { loopscope = null, example = null } = {}) {
  const from = run.from_file;
  const program = { source: run.source || from?.program.source || null, scenario: run.scenario ?? null, file_name: from?.program.file_name ?? null };
  if (run.scenario) for (const field of example_texts) program[field] = example?.[field] ?? from?.program[field];
  const settings = { ...(run.settings ?? from?.settings ?? {}) };
  const seed = run.finished?.random_seed;
  if (seed !== undefined) settings.random_seed = seed;
  return run_file_text({ events: run.timeline.events, program, settings, loopscope: from?.loopscope ?? loopscope });
}
