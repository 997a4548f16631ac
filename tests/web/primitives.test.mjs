import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timeline } from '../../web/lib/timeline.mjs';
import { primitives_panel, tasks_of } from '../../web/lib/primitives.mjs';
import { catalog_groups } from '../../web/lib/catalog.mjs';
import { example_message } from './fixtures.mjs';

test("the protocol's example: a Lock taken, then waited on, then a Timeout made", () => {
  const run = new timeline();
  run.push(example_message('events_primitives').events);
  const at = (seq) => run.state_at(seq).primitives;
  assert.equal(at(0).size, 1);
  assert.deepEqual(at(0).get(1).snapshot, { locked: false, holder: null, waiters: [], waiters_count: 0 });
  assert.equal(at(1).get(1).snapshot.holder, 'Task-2');
  assert.deepEqual(at(2).get(1).snapshot.waiters, ['Task-3']);
  assert.deepEqual([...at(4).values()].map((p) => [p.id, p.kind, p.line]), [[1, 'Lock', 8], [2, 'Timeout', 10]]);
  // Back in time: the Lock as it was, the Timeout not made yet
  assert.equal(at(1).get(1).snapshot.waiters.length, 0);
  assert.equal(at(1).has(2), false);
  assert.deepEqual(run.primitive_lines.lines_at(1, 4), [4, 8]);
  assert.deepEqual(run.primitive_lines.lines_at(1, 0), [8]);
  assert.deepEqual(tasks_of(at(2).get(1)), [{ task: 'Task-2', role: 'holds' }, { task: 'Task-3', role: 'waits' }]);
});

test('the panel shows the first cards and counts the rest; each card as its kind says', () => {
  const primitives = new Map();
  for (let id = 1; id <= 45; id += 1) {
    primitives.set(id, { id, kind: 'Queue', line: 3, seq: id, snapshot: { size: 25, maxsize: 0, unfinished: 25, items: Array.from({ length: 20 }, (_, i) => `'j${i}'`), getters: [], getters_count: 0, putters: ['Task-2'], putters_count: 30 } });
  }
  const panel = primitives_panel(primitives, 40);
  assert.equal(panel.cards.length, 40);
  assert.equal(panel.more, 5);
  const card = panel.cards[0];
  assert.equal(card.kind, 'Queue');
  assert.deepEqual(card.lists.map((l) => [l.name, l.more]), [['items', 5], ['getters', 0], ['putters', 29]]);
  // A card is made once per state of its primitive
  assert.equal(primitives_panel(primitives, 40).cards[0], card);
  const timeout = primitives_panel(new Map([[1, { id: 1, kind: 'Timeout', line: 9, seq: 0, snapshot: { phase: 'expired', when: 2.5, task: 'Task-1' } }]]), 40).cards[0];
  assert.equal(timeout.alert, true);
  assert.deepEqual(timeout.facts, [['deadline', { seconds: 2.5 }], ['guards', { task: 'Task-1' }]]);
});

test('the catalog in its groups, in its order', () => {
  const catalog = [{ id: 'a', group: 'Tutorial' }, { id: 'b', group: 'Tutorial' }, { id: 'c', group: 'Queues' }, { id: 'd' }];
  assert.deepEqual(catalog_groups(catalog).map((g) => [g.name, g.scenarios.map((s) => s.id)]), [['Tutorial', ['a', 'b']], ['Queues', ['c']], [null, ['d']]]);
});
