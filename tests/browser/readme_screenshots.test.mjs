// The README's pictures of the page, taken here so that they stay true: each view at a step where it
// shows what the README says of it, in light and dark, at a desktop's size (the window) and a
// phone's (the screen, scrolled to the view's card). Each scene first checks that the page shows what the picture is for.
// The pictures go to the screenshots directory; with LOOPSCOPE_README_SCREENSHOTS=DIR (see
// scripts/readme_screenshots.sh) they go to DIR instead, which is how docs/screenshots/ is refreshed.
// The README must show exactly the pictures this file takes (no picture of a scene that is gone, none
// missing). Their pixels are not compared with the committed ones (fonts and antialiasing differ from
// one machine to another): what keeps them true is each scene's check, and taking them anew with the
// script whenever a view changes.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, server_and_browser, screenshot_dir } from './harness.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const committed_dir = path.join(repo, 'docs/screenshots');
const out_dir = process.env.LOOPSCOPE_README_SCREENSHOTS ?? path.join(screenshot_dir, 'readme');

const desktop = { width: 1440, height: 1080 };
const phone = { width: 390, height: 844 };
const themes = ['light', 'dark'];

// name: the picture's file name's start; open: the page's fragment; step: where the cursor goes (none:
// the run is played to its end); card: the view a phone's picture shows; shows: a check on the page
// before the picture is taken.
const scenes = [
  {
    name: 'task-tree',
    open: '#example=taskgroup_failure&speed=instant',
    card: '#lanes',
    async shows(page) {
      assert.equal(await page.locator('#lanes .box-taskgroup').count(), 1, 'the TaskGroup\'s box');
      assert.ok(await page.locator('#lanes .cancel').count() >= 2, 'the group\'s cancel arrows');
    },
  },
  {
    name: 'timeout',
    open: '#example=timeout_block&speed=instant&step=58',
    card: '#lanes',
    async shows(page) {
      assert.equal(await page.locator('#lanes .deadline.deadline-expired[data-task="Task-1"]').count(), 1, 'the timeout\'s deadline on main\'s lane, red');
      assert.equal(await page.locator('#primitives .primitive[data-kind="Timeout"]').getAttribute('data-state'), 'expired', 'the Timeout\'s card, expired');
    },
  },
  {
    name: 'lock',
    open: '#example=locked_deposits&speed=instant&step=51',
    card: '#primitives',
    async shows(page) {
      const lock = page.locator('#primitives .primitive[data-kind="Lock"]');
      assert.equal(await lock.count(), 1, 'the Lock\'s card');
      assert.equal(await lock.locator('.primitive-facts dd[data-fact="holder"]').textContent(), 'Task-3', 'Bob holds it');
      assert.deepEqual(await lock.locator('.primitive-list[data-list="waiters"] .chip').allTextContents(), ['Task-4'], 'Cat waits');
    },
  },
  {
    name: 'queue',
    open: '#example=queue_workers&speed=instant&step=61',
    card: '#primitives',
    async shows(page) {
      assert.equal(await page.locator('#primitives .primitive[data-kind="Queue"]').count(), 1, 'the Queue\'s card');
    },
  },
  {
    name: 'worker-threads',
    open: '#example=to_thread&speed=instant',
    card: '#lanes',
    async shows(page) {
      assert.equal(await page.locator('#lanes .fork[data-kind="to_thread"]').count(), 2, 'two worker lanes forked from the loop');
    },
  },
  {
    name: 'compare',
    open: '#compare=wait_for_timeout,timeout_block&speed=instant',
    card: '#compare-lanes',
    async shows(page) {
      assert.ok(await page.locator('#compare-lanes .lane').count() >= 4, 'both programs\' lanes');
    },
  },
];

const picture_names = scenes.flatMap((s) => themes.flatMap((t) => [`${s.name}-${t}-desktop.png`, `${s.name}-${t}-phone.png`]));

// A PNG's width and height, from its IHDR chunk.
function png_size(file) {
  const bytes = readFileSync(file);
  assert.equal(bytes.toString('latin1', 1, 4), 'PNG', `${file} is a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const drawn = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

const fixture = server_and_browser();

async function open_scene(scene, theme, viewport) {
  const page = await fixture.browser.context.newPage();
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
  await page.goto(`${fixture.server.url}${scene.open}`);
  await page.waitForSelector('#connection[data-state="live"]');
  const step = /step=(\d+)/.exec(scene.open);
  if (step) {
    await page.waitForFunction((text) => document.querySelector('#position').textContent.startsWith(text), `event ${Number(step[1]) + 1} of`);
  } else {
    // A compare link runs both programs itself; explore's waits for Run
    if (!scene.open.includes('compare=')) await page.click('#run');
    // Played to the end: each run's total shown with how it ended
    await page.waitForFunction(() => {
      const totals = [...document.querySelectorAll(document.querySelector('#compare').hidden ? '#total' : '.compare-total')];
      return totals.length > 0 && totals.every((t) => t.dataset.status === 'ok');
    });
  }
  await drawn(page);
  return page;
}

for (const scene of scenes) {
  test(`${scene.name}: light and dark, desktop and phone`, async () => {
    mkdirSync(out_dir, { recursive: true });
    for (const theme of themes) {
      const wide = await open_scene(scene, theme, desktop);
      assert.equal(await wide.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), theme === 'dark');
      await scene.shows(wide);
      await wide.screenshot({ path: path.join(out_dir, `${scene.name}-${theme}-desktop.png`) });
      await wide.close();

      const narrow = await open_scene(scene, theme, phone);
      // The card that holds the view, as a phone's user scrolls to it (the lanes draw what is near the
      // window only)
      const card = narrow.locator(`.card:has(${scene.card})`).first();
      await card.scrollIntoViewIfNeeded();
      await narrow.evaluate(() => window.dispatchEvent(new Event('scroll')));
      await drawn(narrow);
      await scene.shows(narrow);
      const box = await card.boundingBox();
      assert.ok(box.width <= phone.width, `${scene.name}: the card fits a phone's width (${box.width} px)`);
      // The card's top at the window's: the phone's screen as its user sees it, the transport below
      await narrow.evaluate((y) => window.scrollBy(0, y), box.y - 8);
      await drawn(narrow);
      await narrow.screenshot({ path: path.join(out_dir, `${scene.name}-${theme}-phone.png`) });
      await narrow.close();
    }
    for (const theme of themes) {
      assert.deepEqual(png_size(path.join(out_dir, `${scene.name}-${theme}-desktop.png`)), desktop);
      assert.deepEqual(png_size(path.join(out_dir, `${scene.name}-${theme}-phone.png`)), phone);
    }
  });
}

test('the README shows exactly these pictures, each committed at the size this run takes it', () => {
  const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
  const shown = [...readme.matchAll(/docs\/screenshots\/([\w-]+\.png)/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(shown)].sort(), [...picture_names].sort(), 'README.md links each picture once, and no other');
  for (const name of picture_names) {
    const file = path.join(committed_dir, name);
    assert.ok(existsSync(file), `docs/screenshots/${name} is committed (scripts/readme_screenshots.sh makes them)`);
    const taken = png_size(path.join(out_dir, name));
    const kept = png_size(file);
    assert.deepEqual(kept, taken, `docs/screenshots/${name}: the size this run takes it at`);
  }
});
