import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { forEachDb } from '../../../test/helpers/db';
import { DEFAULT_RULES } from './domain/types';
import { debounceSecondsFor, upsertRules } from './rules.repo';

/**
 * The gate camera folds a person's repeat pass within the debounce of the unit's work regulation (issue 14): the unit's
 * own value, else the nearest parent's, else the national entry, else the built-in default.
 */
forEachDb('debounce in force for a unit', (getDb) => {
  it('reads the unit, then its parents, then the national entry, then the default', async () => {
    const db = await getDb();
    const [parent, child, grandchild, other] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const [id, code, up] of [
      [parent, 'DB-P', null],
      [child, 'DB-C', parent],
      [grandchild, 'DB-G', child],
      [other, 'DB-O', null],
    ] as const) {
      await db.query(`INSERT INTO org_units (id, code, name, unit_type, admin_level, valid_from, parent_id) VALUES ($1, $2, $2, 'KHAC', 'KHAC', '2020-01-01', $3)`, [id, code, up]);
    }
    assert.equal(await debounceSecondsFor(db, grandchild), DEFAULT_RULES.debounceSeconds);
    await upsertRules(db, null, { ...DEFAULT_RULES, debounceSeconds: 300 }, null);
    assert.equal(await debounceSecondsFor(db, grandchild), 300);
    await upsertRules(db, parent, { ...DEFAULT_RULES, debounceSeconds: 45 }, null);
    assert.equal(await debounceSecondsFor(db, grandchild), 45);
    assert.equal(await debounceSecondsFor(db, other), 300);
    await upsertRules(db, grandchild, { ...DEFAULT_RULES, debounceSeconds: 600 }, null);
    assert.equal(await debounceSecondsFor(db, grandchild), 600);
    assert.equal(await debounceSecondsFor(db, child), 45);
  });
});
