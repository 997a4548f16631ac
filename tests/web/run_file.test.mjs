// Run files: what the page saves opens again with the same events, program and end; the protocol's
// example file parses; bad files are refused with the line at fault.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { run_file_text, read_run_file, load_run_file, max_run_file_bytes, run_file_error, run_file_of } from '../../web/lib/run_file.mjs';
import { run_store } from '../../web/lib/run_store.mjs';
import { load_events } from './fixtures.mjs';

// The header against protocol/run_files/header.schema.json: its required fields, types, consts, enums
// (the keywords that schema uses), one level of nesting.
const header_schema = JSON.parse(readFileSync(new URL('../../protocol/run_files/header.schema.json', import.meta.url), 'utf8'));
const type_of = (v) => (v === null ? 'null' : Number.isInteger(v) ? 'integer' : Array.isArray(v) ? 'array' : typeof v);
function schema_problems(value, schema, where = 'header') {
  const problems = [];
  if (schema.const !== undefined && value !== schema.const) problems.push(`${where} is not ${schema.const}`);
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${where} is not one of ${schema.enum}`);
  if (schema.type) {
    const types = [].concat(schema.type);
    if (!types.includes(type_of(value)) && !(types.includes('number') && type_of(value) === 'integer')) problems.push(`${where} is not ${types}`);
  }
  if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${where} is below ${schema.minimum}`);
  for (const field of schema.required ?? []) if (!(value && field in value)) problems.push(`${where}.${field} is missing`);
  for (const [field, inner] of Object.entries(schema.properties ?? {})) if (value && field in value) problems.push(...schema_problems(value[field], inner, `${where}.${field}`));
  return problems;
}

const program = { source: 'import asyncio\n', scenario: 'gather', file_name: null };
const settings = { clock: 'virtual', speed: 1 };

test('a saved run reads back: header, every event, and the end the server would have sent', () => {
  const events = load_events('gather');
  const text = run_file_text({ events, program, settings, loopscope: '0.1.0' });
  assert.equal(text.split('\n').length, events.length + 2); // the header, the events, the last newline
  const file = read_run_file(text);
  assert.deepEqual(file.header, { loopscope: '0.1.0', program, settings });
  assert.deepEqual(schema_problems(JSON.parse(text.split('\n')[0]), header_schema), []);
  assert.deepEqual(file.events, events);
  assert.deepEqual(file.finished, { type: 'run_finished', status: 'ok', elapsed: 3, exit_status: 0 });
});

test('an opened file becomes a run in the store through handle_message, like a server run', () => {
  const store = new run_store();
  const notes = [];
  store.listen((note) => notes.push(note.type));
  const events = load_events('gather');
  const run = load_run_file(store, read_run_file(run_file_text({ events, program, settings })));
  assert.equal(run.timeline.length, events.length);
  assert.equal(run.finished.status, 'ok');
  assert.equal(run.scenario, 'gather');
  assert.equal(run.source, program.source);
  assert.equal(run.timeline.view_at(events.length - 1).state.console.length, 6);
  assert.ok(notes.includes('finished'));
});

test('the protocol\'s example run file parses', () => {
  const text = readFileSync(new URL('../../protocol/run_files/example.jsonl', import.meta.url), 'utf8');
  const file = read_run_file(text);
  assert.deepEqual(schema_problems(JSON.parse(text.split('\n')[0]), header_schema), []);
  assert.deepEqual(schema_problems({ format: 'other', version: 0, program: {}, settings: { clock: 'fast' } }, header_schema).length, 8);
  assert.equal(file.header.settings.clock, 'virtual');
  assert.match(file.header.program.source, /asyncio\.run\(main\(\)\)/);
  assert.equal(file.events.at(-1).kind, 'run_finished');
  assert.equal(file.finished.status, 'ok');
});

test('a file without the header (what --events wrote before) still opens, its program unknown', () => {
  const events = load_events('sleep');
  const file = read_run_file(`${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
  assert.equal(file.events.length, events.length);
  assert.equal(file.header.program.source, null);
});

test('a run cut short reads as cancelled, with its events', () => {
  const events = load_events('gather').slice(0, 10);
  const file = read_run_file(run_file_text({ events, program, settings }));
  assert.equal(file.finished.status, 'cancelled');
  assert.match(file.finished.reason, /ends before the run finished/);
});

test('a run that failed keeps its error', () => {
  const events = load_events('sleep');
  events[events.length - 1] = { ...events.at(-1), status: 'error', error: { type: 'ZeroDivisionError', message: 'division by zero', line: 3 } };
  const file = read_run_file(run_file_text({ events, program, settings }));
  assert.deepEqual([file.finished.status, file.finished.exit_status, file.finished.error.type], ['error', 1, 'ZeroDivisionError']);
});

test('bad files are refused with the line at fault', () => {
  const good = run_file_text({ events: load_events('sleep'), program, settings }).split('\n');
  const refused = (lines) => {
    try {
      read_run_file(lines.join('\n'));
    } catch (error) {
      assert.ok(error instanceof run_file_error);
      return error.message;
    }
    return assert.fail('the file was accepted');
  };
  const swap = (index, line) => good.map((l, i) => (i === index ? line : l));
  assert.equal(refused(swap(3, '{"seq": 2, "t": 0, "kind"')), refused(swap(3, '{"seq": 2, "t": 0, "kind"'))); // stable
  assert.match(refused(swap(3, '{"seq": 2, "t": 0, "kind"')), /^line 4: not JSON/);
  assert.match(refused(swap(3, '[1, 2]')), /^line 4: not a JSON object/);
  assert.match(refused(swap(3, '{"seq": 7, "t": 0, "kind": "print"}')), /^line 4: expected the event with seq 2, got 7/);
  assert.match(refused(swap(3, '{"seq": 2, "kind": "print"}')), /^line 4: the event has no number "t"/);
  assert.match(refused(swap(0, '{"format": "something-else", "version": 1}')), /^line 1: this is not a loopscope run file/);
  assert.match(refused(swap(0, '{"format": "loopscope-run", "version": 2}')), /^line 1: the file was made by a newer loopscope \(run file version 2\)/);
  assert.match(refused(swap(0, '{"hello": 1}')), /^line 1: this is not a loopscope run file/);
  assert.match(refused(['']), /the file is empty/);
  assert.match(refused([good[0]]), /holds no events/);
  const last = JSON.parse(good.at(-2));
  assert.match(refused([...good.slice(0, -2), JSON.stringify({ ...last, t: -1 })]), /time goes backwards/);
});

test('a file past the size bound is refused before it is read', () => {
  assert.throws(() => read_run_file(' '.repeat(max_run_file_bytes + 1)), /larger than 64 MiB/);
});

// A run that used random: its seed is the engine's last event's, and the file gives it back
test('a run file keeps the random seed: the end read from it carries it, and so does the header', () => {
  const events = load_events('random_naps');
  const source = readFileSync(new URL('fixtures/random_naps.py', import.meta.url), 'utf8');
  const store = new run_store();
  const live = store.add_run('explore', { scenario: null, source });
  live.settings = { clock: 'virtual', speed: null };
  store.handle_message({ type: 'events', run: live.id, events });
  store.handle_message({ type: 'run_finished', run: live.id, status: 'ok', elapsed: 2, exit_status: 0, random_seed: 1234 });
  const text = run_file_of(live, { loopscope: '0.1.0' });
  assert.equal(JSON.parse(text.split('\n')[0]).settings.random_seed, 1234);
  assert.deepEqual(schema_problems(JSON.parse(text.split('\n')[0]), header_schema), []);
  const file = read_run_file(text);
  assert.equal(file.finished.random_seed, 1234);
  assert.equal(file.header.settings.random_seed, 1234);
  const opened = load_run_file(new run_store(), file);
  assert.equal(opened.finished.random_seed, 1234);
  assert.equal(opened.settings.random_seed, 1234);
  // A file cut short (saved while live) still has the seed its header kept
  const cut = read_run_file(text.split('\n').slice(0, 20).join('\n'));
  assert.equal(cut.finished.random_seed, undefined);
  assert.equal(load_run_file(new run_store(), cut).settings.random_seed, 1234);
});

// Offline there is no catalog: the file says what the example was called and what its notes said
test("a catalog example's run file keeps its title, summary and notes, and reads them back", () => {
  const store = new run_store();
  const run = store.add_run('explore', { scenario: 'gather', source: 'import asyncio\n' });
  store.handle_message({ type: 'events', run: run.id, events: load_events('gather') });
  const example = { id: 'gather', title: 'asyncio.gather: 3 seconds', summary: 'Both at once.', notes: 'Three seconds, not six.', source: 'x' };
  const text = run_file_of(run, { example });
  const header = JSON.parse(text.split('\n')[0]);
  assert.deepEqual(header.program, { source: 'import asyncio\n', scenario: 'gather', file_name: null, title: example.title, summary: example.summary, notes: example.notes });
  assert.deepEqual(schema_problems(header, header_schema), []);
  const file = read_run_file(text);
  assert.equal(file.header.program.title, example.title);
  assert.equal(file.header.program.notes, example.notes);
  // Saved again from a page without the catalog, the file still says it
  const reopened = load_run_file(new run_store(), file);
  assert.equal(JSON.parse(run_file_of(reopened).split('\n')[0]).program.notes, example.notes);
  // The user's own program has none
  const own = store.add_run('explore', { scenario: null, source: 'print(1)\n' });
  assert.equal('title' in JSON.parse(run_file_of(own, { example }).split('\n')[0]).program, false);
});
