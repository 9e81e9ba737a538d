import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import { addDays, localDateOf } from '../../platform/time';
import { onCalendarChanged } from './calendar-changes';

/**
 * Calendar changes reach attendance through the hook attendance registers (calendar imports nothing from attendance):
 * the closed days a holiday or roster changes are queued for recomputation in the transaction that writes the change.
 */
for (const kind of dbKinds()) {
  describe(`calendar changes queue attendance days [${kind}]`, () => {
    let t: TestApp;
    let admin: Session;
    let date: string;
    let unitId: string;
    before(async () => {
      t = await startTestApp(kind, { env: { KC_DEMO_HISTORY: 'off' } });
      admin = await loginAs(t.app, 'admin');
      // A closed day (before today in Vietnam), so it is queued; the economic division has staff.
      date = addDays(localDateOf(new Date()), -10);
      unitId = t.demo.units['TT-PKT'] as string;
    });
    after(async () => t.close());
    beforeEach(async () => {
      await t.ctx.db.query('DELETE FROM attendance_dirty');
    });

    const dirtyOn = async (d: string) =>
      (await t.ctx.db.query<{ person_id: string }>('SELECT person_id FROM attendance_dirty WHERE date = $1 ORDER BY person_id', [d])).map((r) => r.person_id);

    it('a holiday added after the fact queues its day for everyone in the unit, and so does removing it', async () => {
      const added = await admin.send('POST', '/api/calendar/days', { date, kind: 'HOLIDAY', name: 'Nghỉ đột xuất', unitId, legalBasis: 'Quyết định số 1/QĐ-UBND' });
      assert.equal(added.statusCode, 201, added.body);
      const queued = await dirtyOn(date);
      assert.ok(queued.length > 0);
      assert.equal(added.json().queuedForRecompute, queued.length);

      await t.ctx.db.query('DELETE FROM attendance_dirty');
      const removed = await admin.send('DELETE', `/api/calendar/days/${added.json().id}`, { reason: 'Nhập nhầm ngày' });
      assert.equal(removed.statusCode, 200, removed.body);
      assert.equal(removed.json().queuedForRecompute, queued.length);
      assert.deepEqual(await dirtyOn(date), queued);
    });

    it('a roster on a closed date queues that date for the unit', async () => {
      const res = await admin.send('POST', '/api/calendar/rosters', {
        unitId,
        date,
        validFrom: date,
        session: 'MORNING',
        kind: 'OFF_DUTY',
        note: 'Nghỉ bù trực',
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.ok((await dirtyOn(date)).length > 0);
    });

    it('a change whose consequences cannot be queued is not written either', async () => {
      const failing = onCalendarChanged(t.ctx, async () => {
        throw new Error('queue unavailable');
      });
      try {
        const other = addDays(date, -1);
        const res = await admin.send('POST', '/api/calendar/days', { date: other, kind: 'HOLIDAY', name: 'Không được ghi', unitId, legalBasis: 'Thử nghiệm' });
        assert.equal(res.statusCode, 500, res.body);
        const rows = await t.ctx.db.query('SELECT 1 FROM calendar_days WHERE date = $1 AND unit_id = $2', [other, unitId]);
        assert.equal(rows.length, 0);
        assert.deepEqual(await dirtyOn(other), []);
      } finally {
        failing();
      }
    });
  });
}
