import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDb } from '../../../test/helpers/db';
import { recordAudit, verifyAuditChain } from './audit.service';

forEachDb('audit hash chain', (getDb) => {
  it('chains entries and verifies an intact log', async () => {
    const db = await getDb();
    for (let i = 0; i < 25; i++)
      await recordAudit(db, {
        actor: { id: null, name: 'tester', ip: '127.0.0.1' },
        action: 'test.write',
        entityType: 'thing',
        entityId: String(i),
        details: { i, nested: { b: 2, a: 1, list: [3, 'ă', null] }, at: new Date('2026-01-02T03:04:05.678Z') },
      });
    const v = await verifyAuditChain(db, 7);
    assert.equal(v.ok, true);
    assert.equal(v.checked, 25);
  });

  it('refuses UPDATE and DELETE on the log', async () => {
    const db = await getDb();
    await assert.rejects(db.query(`UPDATE audit_log SET actor_name = 'x' WHERE seq = 1`), /append-only/);
    await assert.rejects(db.query('DELETE FROM audit_log WHERE seq = 2'), /append-only/);
  });

  it('names the tampered row when someone bypasses the trigger', async () => {
    const db = await getDb();
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await db.query(`UPDATE audit_log SET details = jsonb_set(details, '{i}', '999') WHERE seq = 13`);
    await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    const v = await verifyAuditChain(db, 5);
    assert.equal(v.ok, false);
    assert.equal(v.brokenAt?.seq, 13);
    assert.equal(v.brokenAt?.problem, 'content_changed');
    assert.equal(v.checked, 12);
  });

  it('detects a deleted row in the middle as a missing link', async () => {
    const db = await getDb();
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await db.query(`UPDATE audit_log SET details = jsonb_set(details, '{i}', '12') WHERE seq = 13`);
    await db.query('DELETE FROM audit_log WHERE seq = 20');
    await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    const v = await verifyAuditChain(db);
    assert.equal(v.brokenAt?.seq, 20);
    assert.equal(v.brokenAt?.problem, 'row_missing');
  });
});
