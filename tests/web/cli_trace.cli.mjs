// `loopscope run --trace` writes the same trace as the page's export (web/lib/trace_export.mjs) of the
// same run: the C++ writer (server/cli/trace_export.cpp) and the JavaScript one are held equal here,
// on the catalog's programs and one with a cancel, a long non-ASCII print and fractional sleeps; and
// the --events file it writes beside it is a run file the page reads. Needs LOOPSCOPE_BINARY (CTest's
// web.cli_trace sets it); not part of web.unit, which runs without a build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { read_run_file } from '../../web/lib/run_file.mjs';
import { trace_of } from '../../web/lib/trace_export.mjs';
import { trace_problems } from './trace_format.mjs';

const binary = process.env.LOOPSCOPE_BINARY;
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = mkdtempSync(path.join(tmpdir(), 'loopscope-cli-trace-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// Every catalog program, and one with a cancel, a long non-ASCII print and fractional sleeps
const catalog = path.join(repo, 'server/catalog/programs');
const programs = [
  ...readdirSync(catalog).filter((name) => name.endsWith('.py')).sort().map((name) => path.join(catalog, name)),
  path.join(repo, 'tests/web/programs/cancel_unicode.py'),
];

test('LOOPSCOPE_BINARY names the loopscope to test', () => assert.ok(binary, 'set LOOPSCOPE_BINARY (ctest -R web.cli_trace does)'));

for (const program of programs) {
  const stem = path.basename(program, '.py');
  test(`${stem}: --trace is the page's export of --events`, () => {
    const events_file = path.join(work, `${stem}.jsonl`);
    const trace_file = path.join(work, `${stem}.trace.json`);
    spawnSync(binary, ['run', program, '--clock', 'virtual', '--events', events_file, '--trace', trace_file], { stdio: 'ignore' });
    const run = read_run_file(readFileSync(events_file, 'utf8'));
    assert.equal(run.header.program.source, readFileSync(program, 'utf8'));
    const from_cli = JSON.parse(readFileSync(trace_file, 'utf8'));
    const from_page = JSON.parse(JSON.stringify(trace_of(run.events, { name: `loopscope: ${stem}`, loopscope: run.header.loopscope })));
    assert.deepEqual(from_cli, from_page);
    assert.deepEqual(trace_problems(from_cli), []);
  });
}

test('the --trace of a run: steps at least 1 µs wide, waits between them, a Lock\'s waiters named by it', () => {
  const trace = JSON.parse(readFileSync(path.join(work, 'lost_update.trace.json'), 'utf8'));
  assert.ok(trace.traceEvents.filter((e) => e.cat === 'step').every((e) => e.dur >= 1));
  assert.ok(trace.traceEvents.some((e) => e.cat === 'wait' && e.name === 'wait Lock #1'));
  assert.ok(trace.traceEvents.some((e) => e.cat === 'sleep' && e.dur > 0));
});

test('the cancel program: a cancel flow, and a long print cut at 60 code points', () => {
  const trace = JSON.parse(readFileSync(path.join(work, 'cancel_unicode.trace.json'), 'utf8'));
  assert.equal(trace.traceEvents.filter((e) => e.cat === 'cancel').length, 2);
  const long = trace.traceEvents.find((e) => e.cat === 'print' && e.args.text.startsWith('é'));
  assert.equal([...long.name].length, 60);
  assert.ok(long.name.endsWith('é…'));
  assert.ok(trace.traceEvents.some((e) => e.name === 'sleep(0.25)') && trace.traceEvents.some((e) => e.name === 'sleep(1e-7)'));
});

test('a trace path that cannot be written is refused before the run', () => {
  const done = spawnSync(binary, ['run', programs[0], '--trace', path.join(work, 'no/such/dir/t.json')], { encoding: 'utf8' });
  assert.equal(done.status, 2);
  assert.match(done.stderr, /can't write the trace to/);
  assert.equal(done.stdout, '');
  assert.match(execFileSync(binary, ['run', '--help'], { encoding: 'utf8' }), /--trace FILE\.json/);
});
