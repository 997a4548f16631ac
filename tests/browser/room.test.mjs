// A classroom room with three pages against a real loopscope: a presenter and two viewers. The viewers
// follow five steps, a jump, a replay and its pause; one steps away on its own (the presenter's step
// marked on its scrubber) and follows again; a poll with two answers; a reload of the presenter's page
// takes the room back; closing the presenter's page tells the viewers, who keep their step.

import assert from 'node:assert/strict';
import { test, server_and_browser, screenshot, start_server } from './harness.mjs';

const fixture = server_and_browser();
let presenter = null;
let viewers = [];

const position = (page) => page.textContent('#position');

// Wait until a viewer shows the presenter's event (the room moves it within a frame or two).
async function follows(viewer, expected) {
  try {
    await viewer.waitForFunction((text) => document.querySelector('#position').textContent === text, expected, { timeout: 10_000 });
  } catch (error) {
    throw new Error(`the viewer shows "${await position(viewer)}", not the presenter's "${expected}"`, { cause: error });
  }
}

// For a viewer page whose connection the test drops: every websocket the page opens is kept, and
// `drop_connection()` closes the newest from the page's side, as a network blip would end it (the
// server forgets the viewer; the page sees its socket close and goes through its real reconnection).
// Each state the room panel shows is recorded, with the page's step at that moment.
function watch_connection() {
  const Native = window.WebSocket;
  window.opened_sockets = [];
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      window.opened_sockets.push(this);
    }
  };
  window.drop_connection = () => window.opened_sockets.at(-1).close();
  window.room_states = [];
  addEventListener('DOMContentLoaded', () => {
    const state = document.querySelector('#room-state');
    new MutationObserver(() => {
      const last = window.room_states.at(-1);
      const now = { state: state.dataset.state, text: state.textContent, position: document.querySelector('#position').textContent };
      if (!last || last.state !== now.state || last.text !== now.text) window.room_states.push(now);
    }).observe(state, { attributes: true, childList: true, characterData: true, subtree: true });
  });
}

// Wait for the next animation frames to have drawn what a key asked for.
const drawn = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

async function presenter_steps(key) {
  await presenter.keyboard.press(key);
  await drawn(presenter);
  return position(presenter);
}

test('a presenter opens a room on its run and gets a code and a link', async () => {
  presenter = await fixture.browser.context.newPage();
  await presenter.goto(`${fixture.server.url}#example=gather&speed=instant`);
  await presenter.waitForSelector('#connection[data-state="live"]');
  await presenter.waitForFunction(() => document.querySelector('#program-picker').value === 'gather');
  await presenter.click('#run');
  await presenter.waitForFunction(() => document.querySelector('#total').textContent === 'total 3.0 s', null, { timeout: 10_000 });
  // The first event: a room's step is an event (a page at the start, before any, shows the first)
  await presenter.keyboard.press('Home');
  await presenter.keyboard.press('ArrowRight');
  await presenter.click('#present');
  await presenter.waitForSelector('#room-state[data-state="open"]');
  assert.match(await presenter.textContent('#room-state'), /^Room [2-9A-Z]{6} · 0 following$/);
  assert.match(await presenter.textContent('#room-link'), /\?room=[2-9A-Z]{6}$/);
  assert.equal(await presenter.isVisible('#present'), false);
});

test('two viewers open the link, see the program and follow five steps, a jump, a replay and its pause', async () => {
  const link = await presenter.textContent('#room-link');
  const code = link.slice(-6);
  viewers = [await fixture.browser.context.newPage(), await fixture.browser.context.newPage()];
  await viewers[0].addInitScript(watch_connection);
  await viewers[0].goto(link);
  // The second types the code
  await viewers[1].goto(fixture.server.url);
  await viewers[1].waitForSelector('#connection[data-state="live"]');
  await viewers[1].fill('#room-code', code.toLowerCase());
  await viewers[1].click('#join-form button[type="submit"]');
  for (const viewer of viewers) {
    await viewer.waitForSelector('#room-state[data-state="following"]');
    assert.equal(await viewer.inputValue('#program-picker'), 'gather');
  }
  await presenter.waitForFunction(() => / · 2 following$/.test(document.querySelector('#room-state').textContent));
  for (const viewer of viewers) await follows(viewer, await position(presenter));
  for (let i = 0; i < 5; i += 1) {
    const expected = await presenter_steps('ArrowRight');
    for (const viewer of viewers) await follows(viewer, expected);
  }
  assert.match(await position(viewers[0]), /^event 6 of \d+$/, 'the first event, then five steps');
  const jumped = await presenter_steps('n');
  assert.ok(Number(jumped.match(/^event (\d+)/)[1]) > 7, `the next print is a jump, not a step: ${jumped}`);
  for (const viewer of viewers) await follows(viewer, jumped);
  // Play: the viewers replay too; pause: they stop on the presenter's event
  await presenter.keyboard.press(' ');
  for (const viewer of viewers) await viewer.waitForSelector('#play[aria-label="Pause"]');
  await presenter.waitForFunction((from) => document.querySelector('#position').textContent !== from, jumped);
  const paused = await presenter_steps(' ');
  for (const viewer of viewers) {
    await viewer.waitForSelector('#play[aria-label="Replay"]');
    await follows(viewer, paused);
  }
  assert.deepEqual(
    await viewers[0].$$eval('#console .console-line .text', (lines) => lines.map((l) => l.textContent)),
    await presenter.$$eval('#console .console-line .text', (lines) => lines.map((l) => l.textContent)),
  );
  await screenshot(viewers[0], 'room-viewer-following');
});

test('a viewer steps on its own, sees the presenter marked, and follows again', async () => {
  const [alone, other] = viewers;
  await alone.keyboard.press('ArrowLeft');
  await alone.keyboard.press('ArrowLeft');
  await alone.waitForSelector('#room-state[data-state="detached"]');
  assert.equal(await alone.isVisible('#follow'), true);
  const own = await position(alone);
  const presenter_at = Number((await position(presenter)).match(/^event (\d+)/)[1]) - 1;
  assert.equal(await alone.getAttribute('#room-mark', 'data-seq'), String(presenter_at));
  assert.equal(await alone.isVisible('#room-mark'), true);
  const moved = await presenter_steps('ArrowRight');
  await follows(other, moved);
  // The room moved on without this viewer; its mark moved with the room
  await alone.waitForFunction((seq) => document.querySelector('#room-mark').dataset.seq === seq, String(presenter_at + 1));
  assert.equal(await position(alone), own);
  await screenshot(alone, 'room-viewer-detached');
  await alone.click('#follow');
  await follows(alone, moved);
  await alone.waitForSelector('#room-state[data-state="following"]');
  assert.equal(await alone.isVisible('#follow'), false);
  assert.equal(await alone.isVisible('#room-mark'), false);
});

test("a viewer whose connection drops says it is reconnecting, keeps its step, rejoins the room and follows on", async () => {
  const [dropped, other] = viewers;
  const code = (await presenter.textContent('#room-link')).slice(-6);
  const before = await position(dropped);
  const lines = () => dropped.$$eval('#console .console-line .text', (items) => items.map((li) => li.textContent));
  const printed = await lines();
  await dropped.evaluate(() => { window.room_states.length = 0; });
  await dropped.evaluate(() => window.drop_connection());
  await dropped.waitForFunction(() => window.room_states.some((s) => s.state === 'reconnecting'));
  await dropped.waitForSelector('#room-state[data-state="following"]', { timeout: 15_000 });
  const states = await dropped.evaluate(() => window.room_states);
  // (rejoining, between the connection's return and the room's answer, may last less than a frame)
  assert.deepEqual(states.map((s) => s.state).filter((state) => state !== 'rejoining'), ['reconnecting', 'following']);
  assert.equal(states[0].text, `Room ${code} · reconnecting…`);
  assert.ok(states.every((s) => s.position === before), `the page kept its step while away: ${JSON.stringify(states)}`);
  assert.deepEqual(await lines(), printed, 'and what it printed');
  // Both connections said which room they are for (the link's and the new one), so that a proxy sends
  // them to the server holding it
  assert.deepEqual(await dropped.evaluate(() => window.opened_sockets.map((socket) => new URL(socket.url).search)), [`?room=${code}`, `?room=${code}`]);
  assert.equal(await dropped.evaluate(() => window.opened_sockets.length), 2);
  await presenter.waitForFunction(() => / · 2 following$/.test(document.querySelector('#room-state').textContent));
  const moved = await presenter_steps('ArrowRight');
  for (const viewer of [dropped, other]) await follows(viewer, moved);
  await screenshot(dropped, 'room-viewer-rejoined');
});

test('a poll with two answers: the presenter sees the distribution live, reveals, and each viewer sees its result', async () => {
  const [offered, right] = viewers;
  await presenter.click('#poll-open');
  await presenter.waitForSelector('#poll-results:not([hidden])');
  const lines = await presenter.$$eval('#poll-table th[scope="row"]', (rows) => rows.map((r) => r.textContent));
  const n = lines.length;
  assert.ok(n >= 4, `gather prints at least four lines: ${lines}`);
  for (const viewer of viewers) {
    await viewer.waitForFunction((count) => document.querySelectorAll('#predict-list li').length === count, n);
    assert.equal(await viewer.textContent('#predict-check'), 'Send my answer');
  }
  // One sends the order as offered (each line one place late, the first last); the other moves the
  // last line to the top, which is the run's order
  await offered.click('#predict-check');
  for (let i = 0; i < n - 1; i += 1) await right.click('#predict-list li[data-index="0"] button[data-move="up"]');
  await right.click('#predict-check');
  await presenter.waitForFunction(() => document.querySelector('#poll-summary').textContent.startsWith('2 answers, 1 with the whole order right'));
  const cell = (line, place) => presenter.textContent(`#poll-table td[data-line="${line}"][data-place="${place}"]`);
  assert.equal(await cell(0, 0), '1', 'the right viewer put the first line first');
  assert.equal(await cell(0, n - 1), '1', 'the other put it last');
  for (let line = 1; line < n; line += 1) {
    assert.equal(await cell(line, line), '1');
    assert.equal(await cell(line, line - 1), '1');
  }
  await screenshot(presenter, 'room-presenter-poll');
  await presenter.click('#poll-reveal');
  await presenter.waitForFunction(() => /revealed/.test(document.querySelector('#poll-summary').textContent));
  await right.waitForFunction(() => /had (\d+) of \1 lines in the right place/.test(document.querySelector('#predict-hint').textContent));
  await offered.waitForFunction(() => /had 0 of \d+ lines in the right place/.test(document.querySelector('#predict-hint').textContent));
  // The run to everyone at once: the viewers follow the presenter to its end, every place marked
  const end = await position(presenter);
  for (const viewer of viewers) await follows(viewer, end);
  await right.waitForFunction(() => [...document.querySelectorAll('#predict-list li')].every((li) => li.dataset.verdict === 'right'));
  await screenshot(right, 'room-viewer-revealed');
});

test("reloading the presenter's page takes its room back: the viewers keep following, told it was away and is back", async () => {
  const code = (await presenter.textContent('#room-state')).match(/^Room ([2-9A-Z]{6})/)[1];
  const before = await position(presenter);
  const told = (viewer, pattern) => viewer.waitForFunction((source) => [...document.querySelectorAll('#notices .notice')].some((n) => new RegExp(source).test(n.textContent)), pattern.source);
  await presenter.reload();
  // The tab kept the room's code and secret (sessionStorage): the page reclaims it, on its own
  await presenter.waitForSelector('#room-state[data-state="open"]', { timeout: 10_000 });
  await presenter.waitForFunction((text) => document.querySelector('#room-state').textContent === text, `Room ${code} · 2 following`);
  assert.equal(await position(presenter), before, "the page shows the room's run where the room is");
  for (const viewer of viewers) {
    await told(viewer, /presenter's connection dropped/);
    await told(viewer, /presenter is back/);
    // The notice and the room's line are drawn apart: wait for the line to say it, as a viewer would
    await viewer.waitForFunction((text) => document.querySelector('#room-state').textContent === text, `Room ${code} · following the presenter`);
    assert.equal(await position(viewer), before);
  }
  const moved = await presenter_steps('ArrowLeft');
  for (const viewer of viewers) await follows(viewer, moved);
  await screenshot(presenter, 'room-presenter-reclaimed');
});

test("closing the presenter's page tells the viewers, who keep what they have and still follow the room", async () => {
  const last = await position(presenter);
  const code = (await presenter.textContent('#room-state')).match(/^Room ([2-9A-Z]{6})/)[1];
  await presenter.close();
  for (const viewer of viewers) {
    // The room waits room_linger (60 s) for its presenter; the viewers are told, and keep their step
    await viewer.waitForFunction((text) => document.querySelector('#room-state').textContent === text, `Room ${code} · following the presenter · the presenter is away`);
    assert.equal(await position(viewer), last);
  }
  await screenshot(viewers[0], 'room-viewer-presenter-away');
  for (const viewer of viewers) await viewer.close();
});

// Both sides of compare mode at one moment, as the page shows them.
const moment_of = (page) => page.evaluate(() => ({
  position: document.querySelector('#position').textContent,
  clock: document.querySelector('#compare-clock').textContent,
  left: [...document.querySelectorAll('.side[data-side="0"] .console-line .text')].map((li) => li.textContent),
  right: [...document.querySelectorAll('.side[data-side="1"] .console-line .text')].map((li) => li.textContent),
  totals: [...document.querySelectorAll('.compare-total')].map((o) => o.textContent),
}));

// Wait until `page` shows the moment `expected` (a diff if it never does).
async function shows_moment(page, expected) {
  await page.waitForFunction((want) => {
    const texts = (selector) => JSON.stringify([...document.querySelectorAll(selector)].map((node) => node.textContent));
    return document.querySelector('#position').textContent === want.position
      && document.querySelector('#compare-clock').textContent === want.clock
      && texts('.side[data-side="0"] .console-line .text') === JSON.stringify(want.left)
      && texts('.side[data-side="1"] .console-line .text') === JSON.stringify(want.right)
      && texts('.compare-total') === JSON.stringify(want.totals);
  }, expected, { timeout: 10_000 }).catch(() => {});
  assert.deepEqual(await moment_of(page), expected);
}

let compare_presenter = null;
let compare_viewer = null;

test('a room presented from compare mode: the viewer sees both runs at the presenter\'s step, print by print', async () => {
  compare_presenter = await fixture.browser.context.newPage();
  await compare_presenter.goto(`${fixture.server.url}#compare=sequential_awaited,gather&speed=instant`);
  await compare_presenter.waitForSelector('#connection[data-state="live"]');
  await compare_presenter.waitForFunction(() => [...document.querySelectorAll('.compare-total')].every((o) => /^\d+\.\d s$/.test(o.textContent)), null, { timeout: 15_000 });
  // Part way: both programs have printed, neither all of it
  await compare_presenter.keyboard.press('Home');
  for (let i = 0; i < 5; i += 1) await compare_presenter.keyboard.press('n');
  await drawn(compare_presenter);
  await compare_presenter.click('#present');
  await compare_presenter.waitForSelector('#room-state[data-state="open"]');
  const start = await moment_of(compare_presenter);
  assert.ok(start.left.length > 0 && start.right.length > 0 && start.left.length + start.right.length === 5, `both sides have printed: ${JSON.stringify(start)}`);

  compare_viewer = await fixture.browser.context.newPage();
  await compare_viewer.addInitScript(watch_connection);
  await compare_viewer.goto(await compare_presenter.textContent('#room-link'));
  await compare_viewer.waitForSelector('#room-state[data-state="following"]', { timeout: 15_000 });
  await compare_viewer.waitForSelector('#compare:not([hidden])');
  assert.deepEqual(await compare_viewer.$$eval('.compare-picker', (pickers) => pickers.map((p) => p.value)), ['sequential_awaited', 'gather']);
  await shows_moment(compare_viewer, start);
  // Print by print, then a step back, then the end: the viewer shows each of the presenter's moments
  for (const key of ['n', 'n', 'ArrowLeft', 'End']) {
    await compare_presenter.keyboard.press(key);
    await drawn(compare_presenter);
    await shows_moment(compare_viewer, await moment_of(compare_presenter));
  }
  assert.deepEqual((await moment_of(compare_viewer)).totals, ['6.0 s', '3.0 s']);
  await compare_presenter.keyboard.press('Home');
  for (let i = 0; i < 3; i += 1) await compare_presenter.keyboard.press('n');
  await drawn(compare_presenter);
  await shows_moment(compare_viewer, await moment_of(compare_presenter));
  await screenshot(compare_viewer, 'room-viewer-compare');
});

test('the server restarts: the viewer reconnects, finds its room gone and says the room has ended, keeping both runs', async () => {
  const kept = await moment_of(compare_viewer);
  await compare_viewer.evaluate(() => { window.room_states.length = 0; });
  // A crash, not a shutdown: no close frames, no room_ended; the rooms go with the process
  const { port } = fixture.server;
  await new Promise((resolve) => {
    fixture.server.process.once('exit', resolve);
    fixture.server.process.kill('SIGKILL');
  });
  await compare_viewer.waitForFunction(() => window.room_states.some((s) => s.state === 'reconnecting'));
  fixture.server = await start_server(port);
  await compare_viewer.waitForSelector('#room-state[data-state="ended"]', { timeout: 20_000 });
  await compare_viewer.waitForFunction(() => [...document.querySelectorAll('#notices .notice')].some((n) => /room has ended while the connection was down/.test(n.textContent)));
  const states = await compare_viewer.evaluate(() => window.room_states.map((s) => s.state));
  assert.deepEqual(states.filter((state) => state !== 'rejoining'), ['reconnecting', 'ended']);
  assert.match(await compare_viewer.textContent('#room-state'), /^Room [2-9A-Z]{6} ended$/);
  assert.deepEqual(await moment_of(compare_viewer), kept, 'the viewer keeps both runs at the last step');
  assert.equal(await compare_viewer.isVisible('#present'), true);
  // The presenter's room went with the server: it is told so
  await compare_presenter.waitForSelector('#room-state[data-state="ended"]');
  await compare_presenter.waitForSelector('#connection[data-state="live"]', { timeout: 20_000 });
  await screenshot(compare_viewer, 'room-viewer-server-restarted');
  // While the server was down, a retry may have been refused (Chromium logs it): nothing else may happen
  const problems = fixture.browser.problems.splice(0).filter((problem) => !/ERR_CONNECTION_REFUSED/.test(problem));
  assert.deepEqual(problems, []);
  await compare_presenter.close();
  await compare_viewer.close();
});
