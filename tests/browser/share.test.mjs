// Compare mode's two totals, and a permalink that reopens the same program, speed and step.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test, server_and_browser, screenshot, saved_url } from './harness.mjs';

const fixture = server_and_browser();

const drawn = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

test('compare mode: sequential and gather side by side, with both totals', async () => {
  const page = await fixture.browser.context.newPage();
  await page.goto(`${fixture.server.url}#speed=8`);
  await page.waitForSelector('#connection[data-state="live"]');
  await page.click('.modes button[data-mode="compare"]');
  assert.deepEqual(await page.$$eval('.compare-picker', (pickers) => pickers.map((p) => p.value)), ['sequential_awaited', 'gather']);
  await page.click('#compare-run');
  await page.waitForFunction(() => [...document.querySelectorAll('.compare-total')].every((o) => !o.textContent.endsWith('…') && o.textContent !== '—'), null, { timeout: 15_000 });
  assert.deepEqual(await page.$$eval('.compare-total', (totals) => totals.map((o) => o.textContent)), ['6.0 s', '3.0 s']);
  assert.equal(await page.locator('#compare-lanes .group').count(), 2);
  assert.match(await saved_url(page), /#compare=sequential_awaited%2Cgather/);
  await screenshot(page, 'compare');
  await page.close();
});

test('a permalink reopened in a new page restores program, speed and step', async () => {
  const page = await fixture.browser.context.newPage();
  await page.goto(`${fixture.server.url}#example=gather&speed=4`);
  await page.waitForSelector('#connection[data-state="live"]');
  await page.click('#run');
  await page.waitForFunction(() => document.querySelector('#total').textContent === 'total 3.0 s', null, { timeout: 10_000 });
  await page.keyboard.press('Home');
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  await page.keyboard.press('ArrowRight');
  await drawn(page);
  const link = await saved_url(page);
  const position = await page.textContent('#position');
  const lines = await page.$$eval('#console .console-line', (items) => items.map((li) => li.textContent));
  assert.match(link, /example=gather&speed=4&step=22/);
  assert.equal(lines.length, 2);

  const reopened = await fixture.browser.context.newPage();
  await reopened.goto(link);
  await reopened.waitForFunction((expected) => document.querySelector('#position').textContent === expected, position.replace(' (live)', ''), { timeout: 10_000 });
  assert.equal(await reopened.$eval('#program-picker', (p) => p.value), 'gather');
  assert.equal(await reopened.$eval('#speed-picker', (p) => p.value), '4');
  assert.deepEqual(await reopened.$$eval('#console .console-line', (items) => items.map((li) => li.textContent)), lines);
  assert.equal(await saved_url(reopened), link);
  await screenshot(reopened, 'permalink');
  await page.close();
  await reopened.close();
});

test('compare mode travels in time: both programs at one moment, and a link reopens that moment', async () => {
  const page = await fixture.browser.context.newPage();
  await page.goto(`${fixture.server.url}#compare=sequential_awaited,gather&speed=instant`);
  await page.waitForSelector('#connection[data-state="live"]');
  await page.waitForFunction(() => [...document.querySelectorAll('.compare-total')].every((o) => /^\d+\.\d s$/.test(o.textContent)), null, { timeout: 15_000 });
  const side = (i) => page.$$eval(`.side[data-side="${i}"] .console-line .text`, (items) => items.map((li) => li.textContent));
  const totals = () => page.$$eval('.compare-total', (outputs) => outputs.map((o) => o.textContent));

  await page.keyboard.press('Home');
  await drawn(page);
  assert.deepEqual([await side(0), await side(1)], [[], []]);
  assert.equal(await page.textContent('#compare-clock'), '0.0 s');
  assert.match(await page.textContent('#position'), /^event 0 of \d+, both programs$/);

  // Print by print: each press shows one more line in one of the two consoles, time never goes back
  let printed = 0;
  let clock = 0;
  let gather_done = null;
  for (let press = 0; press < 12; press += 1) { // each program prints six lines
    await page.keyboard.press('n');
    await drawn(page);
    const [left, right] = [await side(0), await side(1)];
    assert.equal(left.length + right.length, printed + 1, `press ${press + 1}`);
    printed += 1;
    const now = Number.parseFloat(await page.textContent('#compare-clock'));
    assert.ok(now >= clock, 'the shared clock only moves forward');
    clock = now;
    if (right.length === 6 && gather_done === null) {
      // The address follows the view at most four times a second: let it catch up with this moment
      // (data-link says 'saved' also while the view's newest link has not been asked for yet)
      await page.waitForTimeout(400);
      gather_done = { left, right, totals: await totals(), clock: now, link: await saved_url(page) };
    }
  }
  // When gather has printed everything, at 3.0 s, sequential has only just finished its first sleep
  assert.equal(gather_done.clock, 3);
  assert.match(gather_done.totals[1], /^3\.0 s/);
  assert.equal(gather_done.totals[0], '3.0 s…', 'sequential is still running');
  assert.ok(!gather_done.left.includes('Done toasting bagel.'), 'sequential has not toasted yet');
  assert.equal(clock, 6);
  assert.equal((await totals())[0], '6.0 s…', 'the last print comes before the run ends');
  await page.keyboard.press('End');
  await drawn(page);
  assert.deepEqual(await totals(), ['6.0 s', '3.0 s']);
  assert.match(gather_done.link, /compare=sequential_awaited%2Cgather&speed=instant&step=\d+/);

  // The reopened page runs both programs again and holds the link's step. It shows that moment once the
  // events of both runs up to it have arrived: before gather's have, the clock can already read 3.0 s
  // with gather's side still empty. Wait for the whole moment, then compare it (a diff if it never comes).
  const reopened = await fixture.browser.context.newPage();
  await reopened.goto(gather_done.link);
  const moment_of = (view) => view.evaluate(() => ({
    clock: document.querySelector('#compare-clock').textContent,
    left: [...document.querySelectorAll('.side[data-side="0"] .console-line .text')].map((li) => li.textContent),
    right: [...document.querySelectorAll('.side[data-side="1"] .console-line .text')].map((li) => li.textContent),
    totals: [...document.querySelectorAll('.compare-total')].map((o) => o.textContent),
  }));
  const expected = { clock: '3.0 s', left: gather_done.left, right: gather_done.right, totals: gather_done.totals };
  await reopened.waitForFunction((want) => {
    const texts = (selector) => JSON.stringify([...document.querySelectorAll(selector)].map((node) => node.textContent));
    return document.querySelector('#compare-clock').textContent === want.clock
      && texts('.side[data-side="0"] .console-line .text') === JSON.stringify(want.left)
      && texts('.side[data-side="1"] .console-line .text') === JSON.stringify(want.right)
      && texts('.compare-total') === JSON.stringify(want.totals);
  }, expected, { timeout: 10_000 }).catch(() => {});
  assert.deepEqual(await moment_of(reopened), expected);
  await screenshot(reopened, 'compare-time-travel');
  await page.close();
  await reopened.close();
});

test('the replay speed is its own setting, kept in the link', async () => {
  const page = await fixture.browser.context.newPage();
  await page.goto(`${fixture.server.url}#example=interleaving&speed=instant`);
  await page.waitForSelector('#connection[data-state="live"]');
  assert.equal(await page.$eval('#replay-speed', (p) => p.value), '1');
  await page.keyboard.press(']');
  await page.keyboard.press(']');
  await page.keyboard.press(']');
  await drawn(page);
  assert.equal(await page.$eval('#replay-speed', (p) => p.value), '8');
  assert.equal(await page.$eval('#speed-picker', (p) => p.value), 'instant', 'the live speed is untouched');
  await page.click('#run');
  await page.waitForFunction(() => document.querySelector('#total').textContent === 'total 2.0 s');
  // A replay at 8×: the program's 2 s and a beat per event pass in well under the 1× replay's time
  const started = Date.now();
  await page.click('#play');
  await page.waitForFunction(() => document.querySelector('#play').getAttribute('aria-label') === 'Pause');
  await page.waitForFunction(() => document.querySelector('#play').getAttribute('aria-label') === 'Replay', null, { timeout: 20_000 });
  const took = Date.now() - started;
  assert.equal(await page.textContent('#total'), 'total 2.0 s', 'the replay ran to the end');
  // At 1× this replay takes about 13 s (2 program seconds and a beat per event); at 8×, under 2 s.
  // The bound leaves a wide margin for a busy machine and still fails if the setting were ignored.
  assert.ok(took < 8000, `replay at 8× took ${took} ms`);
  const replay_link = await saved_url(page);
  assert.match(replay_link, /replay=8/);
  const reopened = await fixture.browser.context.newPage();
  await reopened.goto(replay_link);
  await reopened.waitForSelector('#connection[data-state="live"]');
  assert.equal(await reopened.$eval('#replay-speed', (p) => p.value), '8');
  await page.close();
  await reopened.close();
});

test('a program that imports random: its seed is shown and kept in the link, which replays python3\'s numbers for it', async () => {
  const source = 'import random\n\nfor i in range(3):\n    print(random.randint(1, 1000), random.choice("abcdef"))\n';
  const page = await fixture.browser.context.newPage();
  await page.goto(`${fixture.server.url}#code=${Buffer.from(source).toString('base64url')}&speed=instant`);
  await page.waitForSelector('#connection[data-state="live"]');
  await page.click('#run');
  await page.waitForFunction(() => /random seed \d+$/.test(document.querySelector('#total').textContent), null, { timeout: 10_000 });
  const seed = (await page.textContent('#total')).match(/random seed (\d+)$/)[1];
  const lines = await page.$$eval('#console .console-line .text', (items) => items.map((li) => li.textContent));
  const python = execFileSync('/usr/bin/python3', ['-c', `import random\nrandom.seed(${seed})\nexec(${JSON.stringify(source)})`], { encoding: 'utf8' });
  assert.deepEqual(lines, python.trimEnd().split('\n'), 'the numbers CPython draws after random.seed(S)');
  await drawn(page);
  const link = await saved_url(page);
  assert.match(link, new RegExp(`&seed=${seed}`));

  const reopened = await fixture.browser.context.newPage();
  await reopened.goto(link);
  await reopened.waitForFunction((n) => document.querySelectorAll('#console .console-line').length === n, lines.length, { timeout: 10_000 });
  assert.deepEqual(await reopened.$$eval('#console .console-line .text', (items) => items.map((li) => li.textContent)), lines);
  // The seed is the run's: stepped back before its end (and before the event that reported it), it stays
  await reopened.keyboard.press('Home');
  await reopened.waitForFunction(() => document.querySelector('#position').textContent.startsWith('event 0 of'));
  await drawn(reopened);
  assert.match(await reopened.textContent('#total'), new RegExp(`^of .* · random seed ${seed}$`));
  await reopened.click('#run');
  // The link's run shows its seed until the new run ends: wait for the new run's own seed (another one)
  await reopened.waitForFunction((old) => {
    const shown = document.querySelector('#total').textContent.match(/random seed (\d+)$/);
    return shown !== null && shown[1] !== old;
  }, seed, { timeout: 10_000 });
  assert.notEqual((await reopened.textContent('#total')).match(/random seed (\d+)$/)[1], seed, 'Run again: a new seed');
  await page.close();
  await reopened.close();
});
