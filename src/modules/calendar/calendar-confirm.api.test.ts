import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';

/**
 * The HTTP side of issue 13's holidays (audit D1, D9): proposals never put a legal basis on a PM-choice guess, a
 * proposed day is confirmed only by a calendar admin and only with the notice, the readiness of a year says when the
 * reminder season has begun (the clock is the server's ctx.now), and a unit's dates say why a day is off.
 */
for (const kind of dbKinds()) {
  describe(`calendar: proposals, confirmation, readiness [${kind}]`, () => {
    let t: TestApp;
    let manager: Session;
    let staff: Session;
    before(async () => {
      t = await startTestApp(kind, { env: { KC_DEMO_HISTORY: 'off' } });
      manager = await loginAs(t.app, 'chanhvp');
      staff = await loginAs(t.app, 'canbo');
    });
    after(async () => t.close());

    it('the 2027 proposals put the second Quốc khánh day on Fri 3/9 as a guess, with no legal basis (D9)', async () => {
      const res = await manager.get('/api/calendar/proposals?year=2027');
      assert.equal(res.statusCode, 200);
      const items = res.json().items as Array<{ date: string; basis: string; status: string; legalBasis: string | null }>;
      const extra = items.find((p) => p.date === '2027-09-03');
      assert.deepEqual({ basis: extra?.basis, status: extra?.status, legalBasis: extra?.legalBasis }, { basis: 'PM_CHOICE_GUESS', status: 'PROPOSED', legalBasis: null });
      for (const p of items.filter((x) => x.basis === 'PM_CHOICE_GUESS')) assert.equal(p.legalBasis, null, p.date);
      assert.ok(items.some((p) => p.date === '2027-05-03' && p.basis === 'WEEKEND_COMPENSATION' && p.status === 'CONFIRMED'));
    });

    it('readiness: 2027 is not confirmed; the reminder is due from 1 November 2026, not before', async () => {
      const realNow = t.ctx.now;
      try {
        t.ctx.now = () => new Date('2026-10-31T16:59:00Z'); // 23:59 on 31/10 in Việt Nam
        let r = (await manager.get('/api/calendar/readiness?year=2027')).json();
        assert.equal(r.confirmed, false);
        assert.equal(r.remindFrom, '2026-11-01');
        assert.equal(r.reminderDue, false);
        t.ctx.now = () => new Date('2026-10-31T17:00:00Z'); // 00:00 on 1/11
        r = (await manager.get('/api/calendar/readiness?year=2027')).json();
        assert.equal(r.reminderDue, true);
        assert.ok((r.proposed as Array<{ date: string; status: string }>).every((d) => d.status === 'PROPOSED'));
      } finally {
        t.ctx.now = realNow;
      }
    });

    it('only a calendar admin confirms a proposed day, and only with the notice', async () => {
      const days = (await manager.get('/api/calendar/days?year=2027')).json().items as Array<{ id: string | null; date: string; status: string; source: string }>;
      const tet = days.find((d) => d.date === '2027-02-05');
      assert.equal(tet?.status, 'PROPOSED');
      assert.ok(tet?.id);
      assert.ok(days.some((d) => d.source === 'STORED'));
      const url = `/api/calendar/days/${tet.id}/confirm`;
      assert.equal((await staff.send('POST', url, { legalBasis: 'Thông báo 1/TB-BNV' })).statusCode, 403);
      assert.equal((await manager.send('POST', url, {})).statusCode, 400);
      const ok = await manager.send('POST', url, { legalBasis: 'Thông báo 9999/TB-BNV ngày 20/10/2026 (thử)' });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(typeof ok.json().queuedForRecompute, 'number');
      const again = await manager.send('POST', url, { legalBasis: 'Thông báo khác' });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().code, 'CALENDAR_DAY_ALREADY_CONFIRMED');
      const after = (await manager.get('/api/calendar/days?year=2027')).json().items.find((d: { date: string }) => d.date === '2027-02-05');
      assert.equal(after.status, 'CONFIRMED');
      assert.equal(after.legalBasis, 'Thông báo 9999/TB-BNV ngày 20/10/2026 (thử)');
    });

    it("a unit's dates say why a day is off: Điều 112 day, proposed day, weekly rest", async () => {
      const unitId = t.demo.units['TT-PKT'] as string;
      const res = await staff.get(`/api/calendar/dates?from=2027-09-02&to=2027-09-04&unitId=${unitId}`);
      assert.equal(res.statusCode, 200, res.body);
      const [d2, d3, d4] = res.json().items as Array<{ working: boolean; dayOff: { kind: string; status: string | null; legalBasis: string | null } | null }>;
      assert.deepEqual([d2?.working, d2?.dayOff?.kind, d2?.dayOff?.status], [false, 'HOLIDAY', 'CONFIRMED']);
      assert.deepEqual([d3?.working, d3?.dayOff?.status, d3?.dayOff?.legalBasis], [false, 'PROPOSED', null]);
      assert.deepEqual([d4?.working, d4?.dayOff?.kind], [false, 'WEEKLY_REST']);
      assert.equal((await staff.get('/api/calendar/dates?from=2027-01-01&to=2029-01-01')).statusCode, 400);
    });
  });
}
