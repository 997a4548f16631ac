// Not a test: how smoothly the page draws a program streamed live at speed 1, and how quickly it
// jumps to random steps afterwards, the way docs/performance.md ("A queue of 10,000 items") measured
// them.
//
//   LOOPSCOPE_BINARY=build/ci/server/loopscope node tests/browser/measure_stream.mjs [PROGRAM.py] [JUMPS] [--trace FILE.json] [--profile]
//
// PROGRAM.py defaults to tests/browser/programs/queue_10000.py; JUMPS to 20. It starts a server and
// Debian's chromium (harness.mjs), runs the program at speed 1 while counting animation frames
// (their gaps: median and 5th-percentile frames a second, the longest gap), waits for the last event
// on the page, then sets the scrubber to JUMPS random steps (seeded: the same steps every time),
// each timed from the input event to the second animation frame after it, with the script, layout
// and style time Chromium counted meanwhile. --trace records a Chromium trace of the stream and the
// jumps (open it in ui.perfetto.dev) and prints the main thread's CPU a frame while streaming; --profile prints the functions that took the most time of their
// own, while streaming and while jumping (CDP's sampling profiler).

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { start_server, stop_server, open_browser } from './harness.mjs';

const args = process.argv.slice(2);
const trace_at = args.indexOf('--trace');
const trace_file = trace_at >= 0 ? args.splice(trace_at, 2)[1] : null;
const profile_at = args.indexOf('--profile');
const profiling = profile_at >= 0 && Boolean(args.splice(profile_at, 1));
const here = path.dirname(fileURLToPath(import.meta.url));
const program = args[0] ?? path.join(here, 'programs/queue_10000.py');
const jumps = Number(args[1] ?? 20);
const source = readFileSync(program, 'utf8');

// The functions that took the most time of their own in a CPU profile (CDP's Profiler), by file:line
function top_functions(profile, count = 12) {
  const self = new Map();
  const by_id = new Map(profile.nodes.map((node) => [node.id, node]));
  const ms = new Map();
  profile.samples.forEach((id, i) => ms.set(id, (ms.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  for (const [id, spent] of ms) {
    const { functionName, url, lineNumber } = by_id.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*\/web\//, '')}:${lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + spent);
  }
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, count).map(([key, spent]) => `    ${spent.toFixed(0).padStart(6)} ms  ${key}`).join('\n');
}

// From a trace: the page's main-thread CPU (`tdur`) per frame drawn while the run streamed (before the
// first jump's input event), by kind of work
function stream_cpu(trace) {
  const events = trace.traceEvents ?? trace;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const slices = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
  const first_jump = Math.min(...slices.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input').map((e) => e.ts));
  const cpu = new Map();
  let frames = 0;
  for (const e of slices) {
    if (e.ts >= first_jump) continue;
    if (e.name === 'Commit') frames += 1;
    cpu.set(e.name, (cpu.get(e.name) ?? 0) + (e.tdur ?? 0) / 1000);
  }
  const per_frame = (name) => ((cpu.get(name) ?? 0) / Math.max(1, frames)).toFixed(2);
  const kinds = ['RunTask', 'FireAnimationFrame', 'FunctionCall', 'Layout', 'Paint', 'UpdateLayoutTree', 'PrePaint', 'Layerize', 'Commit'];
  return `  main thread's CPU a frame while streaming (${frames} frames): ${kinds.map((name) => `${name} ${per_frame(name)}`).join(', ')} ms\n` +
    '  (RunTask: all of it; FireAnimationFrame: the page\'s draw; FunctionCall: that and the messages\' handling)';
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

// A small seeded generator (mulberry32), so that every run jumps to the same steps
function random_of(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const server = await start_server();
const browser = await open_browser();
try {
  const page = await browser.context.newPage();
  // When the server's last message for the run arrived, by the page's own websocket
  let finished_at = null;
  page.on('websocket', (socket) => socket.on('framereceived', (frame) => {
    if (typeof frame.payload === 'string' && frame.payload.length < 4096 && JSON.parse(frame.payload).type === 'run_finished') finished_at = Date.now();
  }));
  await page.goto(`${server.url}#code=${Buffer.from(source).toString('base64url')}&speed=1`);
  await page.waitForSelector('#connection[data-state="live"]');
  await page.waitForFunction(() => document.querySelector('#program-title').textContent === 'Your own program');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  if (trace_file) {
    await cdp.send('Tracing.start', {
      transferMode: 'ReturnAsStream',
      traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] },
    });
  }

  // The frames while the run streams: from Run to the run's last event on the page
  await page.evaluate(() => {
    window.frame_gaps = [];
    window.frames_on = true;
    let last = performance.now();
    const tick = (now) => {
      window.frame_gaps.push(now - last);
      last = now;
      if (window.frames_on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const before_stream = await metrics();
  const started = Date.now();
  await page.click('#run');
  await page.waitForFunction(() => /^total /.test(document.querySelector('#total').textContent), null, { timeout: 600_000, polling: 250 });
  const drawn_at = Date.now();
  const streamed = drawn_at - started;
  await page.evaluate(() => { window.frames_on = false; });
  const after_stream = await metrics();
  const gaps = (await page.evaluate(() => window.frame_gaps)).slice(2);
  const position = await page.textContent('#position');
  const d = (a, b, name) => (b[name] - a[name]).toFixed(2);
  console.log(`stream: ${position} on screen ${streamed} ms after Run, ${finished_at === null ? '?' : drawn_at - finished_at} ms after run_finished arrived; ${gaps.length} frames`);
  console.log(`  fps median ${(1000 / percentile(gaps, 0.5)).toFixed(1)}, 5th percentile ${(1000 / percentile(gaps, 0.95)).toFixed(1)}; longest frame ${Math.max(...gaps).toFixed(1)} ms; frames over 20 ms: ${gaps.filter((g) => g > 20).length}`);
  console.log(`  Chromium: script ${d(before_stream, after_stream, 'ScriptDuration')} s, layout ${d(before_stream, after_stream, 'LayoutDuration')} s (${d(before_stream, after_stream, 'LayoutCount')}), style ${d(before_stream, after_stream, 'RecalcStyleDuration')} s, task ${d(before_stream, after_stream, 'TaskDuration')} s, heap ${(after_stream.JSHeapUsedSize / 1e6).toFixed(0)} MB`);

  if (profiling) console.log(`  the most time of their own while streaming:\n${top_functions((await cdp.send('Profiler.stop')).profile)}`);

  // Jumps to random steps through the scrubber
  if (profiling) await cdp.send('Profiler.start');
  const length = Number(await page.getAttribute('#scrub', 'max')) + 1;
  const random = random_of(14);
  const times = [];
  for (let i = 0; i < jumps; i += 1) {
    const step = Math.floor(random() * length);
    const before = await metrics();
    const ms = await page.evaluate((step) => new Promise((resolve) => {
      const t0 = performance.now();
      const scrub = document.querySelector('#scrub');
      scrub.value = String(step);
      scrub.dispatchEvent(new Event('input', { bubbles: true }));
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
    }), step);
    const after = await metrics();
    times.push(ms);
    const card = await page.$eval('#primitives .primitive[data-kind="Queue"] .primitive-state', (node) => node.textContent).catch(() => '—');
    console.log(`  jump to ${String(step).padStart(6)}: ${ms.toFixed(1).padStart(6)} ms  ${await page.textContent('#position')}  queue ${card}  script ${d(before, after, 'ScriptDuration')} s, layout ${d(before, after, 'LayoutDuration')} s, style ${d(before, after, 'RecalcStyleDuration')} s`);
  }
  console.log(`jumps: median ${percentile(times, 0.5).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
  if (profiling) console.log(`  the most time of their own while jumping:\n${top_functions((await cdp.send('Profiler.stop')).profile)}`);
  if (trace_file) {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    const { stream } = await complete;
    const chunks = [];
    for (;;) {
      const { data, eof } = await cdp.send('IO.read', { handle: stream });
      chunks.push(data);
      if (eof) break;
    }
    await cdp.send('IO.close', { handle: stream });
    const text = chunks.join('');
    writeFileSync(trace_file, text);
    console.log(`trace: ${trace_file}`);
    console.log(stream_cpu(JSON.parse(text)));
  }
} finally {
  await browser.close();
  await stop_server(server);
}
