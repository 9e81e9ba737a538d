import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { forEachDb } from '../../../test/helpers/db';
import { applyAttendanceDay, decide } from '../violations';
import { lateDay, makeWorld } from '../violations/test/fixtures';
import { dashboard } from './dashboard.repo';

/**
 * The repeat-offender list counts only upheld violations (audit D4): a violation the leader dismissed (an accepted
 * explanation) or one only awaiting justification is no repeat. Each row lists the violations it is made of.
 */
forEachDb('dashboard: repeat offenders count upheld violations only', (getDb) => {
  it('three late arrivals, one dismissed and one awaiting a permission: not a repeat offender; a fourth upheld one makes three', async () => {
    const db = await getDb();
    const w = await makeWorld(db);
    const leader = { id: w.chairman.userId, name: 'Lê Quang Minh' };
    const evening = (d: string) => new Date(`${d}T18:00:00+07:00`);
    const open = async (d: string) => (await applyAttendanceDay(db, lateDay(w, d, 20), evening(d))).opened[0] as string;
    const a = await open('2026-11-02');
    const b = await open('2026-11-03');
    const pending = lateDay(w, '2026-11-04', 20);
    pending.sessions = pending.sessions.map((s) => (s.session === 'MORNING' ? { ...s, arrivalPermission: { requestId: randomUUID(), status: 'PENDING' as const } } : s));
    await applyAttendanceDay(db, pending, evening('2026-11-04'));
    const c = await open('2026-11-05');
    await decide(db, a, 'DISMISSED', 'Lý do khách quan, có xác nhận', leader, new Date('2026-11-12T09:00:00+07:00'));

    const units = [w.communeId, w.divisionId];
    const before = await dashboard(db, units, '2026-11-12', new Date('2026-11-12T10:00:00+07:00'));
    assert.deepEqual(before.repeatOffenders, [], 'two upheld violations (b, c) are no repeat offence');
    // The trend counts no awaiting fact either: 4 late facts, 1 awaiting → 3 late in the month (the dismissed one
    // stays in the trend: it happened, it was only excused).
    assert.deepEqual(before.trends.monthly.filter((m) => m.month === '2026-11'), [{ month: '2026-11', kind: 'LATE', n: 3 }]);

    const d = await open('2026-11-09');
    const after = await dashboard(db, units, '2026-11-12', new Date('2026-11-12T10:00:00+07:00'));
    assert.equal(after.repeatOffenders.length, 1);
    assert.equal(after.repeatOffenders[0]?.count, 3);
    assert.deepEqual(after.repeatOffenders[0]?.violations.map((v) => [v.id, v.occurredOn]), [
      [b, '2026-11-03'],
      [c, '2026-11-05'],
      [d, '2026-11-09'],
    ]);
  });
});
