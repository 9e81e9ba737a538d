import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import type { Db } from '../../platform/ports/db';
import { addDays, localDateOf, localToEpoch } from '../../platform/time';
import { isWorkingDay, loadCalendarData, unitAncestry } from '../calendar';
import { loadGoLiveIndex } from '../org';
import { setAttendanceGoLive } from '../org/go-live';

/**
 * GET /api/attendance/today (issue 14, "Hôm nay"): the live status follows the punches as they arrive, within the
 * caller's scope, and writes nothing (no day row, no event, no violation). The app's clock is set to a working day
 * after the demo's history (no demo punches on it), so "late" is deterministic.
 */
type TodayBody = {
  date: string;
  summary: Record<string, number>;
  persons: Array<{
    personId: string;
    employeeCode: string;
    unitId: string;
    status: string;
    arrivedAt: string | null;
    lateMinutes: number | null;
    source: string | null;
  }>;
};

/** The first working day of the unit's calendar after `from`. */
export async function nextWorkingDay(db: Db, unitId: string, from: string): Promise<string> {
  const anc = await unitAncestry(db, unitId);
  const cal = await loadCalendarData(db, from, addDays(from, 20), null);
  for (let d = addDays(from, 1); ; d = addDays(d, 1)) if (isWorkingDay(cal, anc, d)) return d;
}

for (const kind of dbKinds()) {
  describe(`attendance today, live [${kind}]`, () => {
    let t: TestApp;
    let head: Session;
    let staff: Session;
    let chief: Session;
    let other: Session;
    let pkt: string;
    let tp: string;
    let canbo: string;
    let day: string;
    let token: string;
    const clock = (hhmm: string) => {
      const [h, m] = hhmm.split(':').map(Number) as [number, number];
      const at = localToEpoch(day, h * 60 + m);
      t.ctx.now = () => new Date(at);
    };
    const today = async (s: Session, query: string) => {
      const res = await s.get(`/api/attendance/today?${query}`);
      return {
        status: res.statusCode,
        body: res.json() as TodayBody & {
          code?: string;
          message_vi?: string;
          message_en?: string;
        },
      };
    };

    before(async () => {
      // Sessions must outlive the jump of the clock to the next working day (a long weekend, Tết).
      t = await startTestApp(kind, {
        env: {
          KC_DEMO_HISTORY: 'off',
          KC_ATTENDANCE_TICK_SECONDS: '0',
          KC_SESSION_HOURS: '720',
        },
      });
      [head, staff, chief, other] = (await Promise.all(['truongphong', 'canbo', 'chanhvp', 'chutichtp'].map((u) => loginAs(t.app, u)))) as [
        Session,
        Session,
        Session,
        Session,
      ];
      pkt = t.demo.units['TT-PKT'] as string;
      tp = t.demo.units['TP-UBND'] as string;
      canbo = t.demo.persons.TT005 as string;
      day = await nextWorkingDay(t.ctx.db, pkt, localDateOf(new Date()));
      const src = await chief.send('POST', '/api/attendance/sources', {
        id: 'term-today-test',
        kind: 'DEVICE',
        name: 'Máy chấm công thử (hôm nay)',
        unitId: t.demo.units['TT-UBND'],
      });
      assert.equal(src.statusCode, 201, src.body);
      token = src.json().token;
    });
    after(async () => t.close());

    it('before anyone comes, everyone of the unit is expected and not yet arrived', async () => {
      clock('07:00');
      const r = await today(head, `unitId=${pkt}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.date, day);
      assert.ok(r.body.persons.length >= 2);
      assert.ok(r.body.persons.every((p) => p.unitId === pkt));
      const lan = r.body.persons.find((p) => p.personId === canbo);
      assert.equal(lan?.status, 'NOT_YET');
      assert.equal(r.body.summary.notYetArrived, r.body.summary.expected);
      assert.equal(r.body.summary.arrived, 0);
    });

    it('a device punch during the session shows the person as arrived and late, and nothing is written for the day', async () => {
      clock('08:05');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/attendance/punches/ingest',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        payload: JSON.stringify({
          items: [
            {
              sourceEventId: 'today-1',
              personId: canbo,
              at: new Date(localToEpoch(day, 8 * 60)).toISOString(),
              direction: 'IN',
            },
          ],
        }),
      });
      assert.equal(res.json().accepted, 1, res.body);
      const r = await today(head, `unitId=${pkt}`);
      const lan = r.body.persons.find((p) => p.personId === canbo);
      assert.equal(lan?.status, 'LATE');
      assert.equal(lan?.lateMinutes, 30, 'winter hours start at 07:30; the default grace is 5 minutes');
      assert.equal(lan?.arrivedAt, new Date(localToEpoch(day, 8 * 60)).toISOString());
      assert.equal(lan?.source, 'term-today-test');
      assert.equal(r.body.summary.arrived, 1);
      assert.equal(r.body.summary.late, 1);
      const rows = await t.ctx.db.query('SELECT 1 FROM attendance_days WHERE person_id = $1 AND date = $2', [canbo, day]);
      assert.equal(rows.length, 0, 'provisional: no day result stored');
      const v = await t.ctx.db.query('SELECT 1 FROM violations WHERE person_id = $1 AND occurred_on = $2', [canbo, day]);
      assert.equal(v.length, 0, 'no violation opens before the day is closed');
    });

    it("the leaders' dashboard section (reports) counts and lists the late and the not-yet-arrived of the caller's scope", async () => {
      const res = await head.get('/api/reports/today-attendance');
      assert.equal(res.statusCode, 200, res.body);
      const s = res.json() as {
        date: string;
        summary: Record<string, number>;
        byUnit: Array<{ unitId: string; summary: Record<string, number> }>;
        late: Array<{ personId: string; lateMinutes: number }>;
        notYet: Array<{ personId: string }>;
      };
      assert.equal(s.date, day);
      assert.deepEqual(
        s.late.map((p) => [p.personId, p.lateMinutes]),
        [[canbo, 30]],
      );
      assert.ok(!s.notYet.some((p) => p.personId === canbo));
      assert.equal(s.summary.notYetArrived, s.notYet.length);
      assert.deepEqual(
        s.byUnit.map((u) => u.unitId),
        [pkt],
      );
      assert.equal((await staff.get('/api/reports/today-attendance')).statusCode, 403);
      assert.equal((await head.get(`/api/reports/today-attendance?unitId=${tp}`)).statusCode, 403);
      const theirs = (await other.get('/api/reports/today-attendance')).json() as { late: unknown[]; byUnit: Array<{ unitId: string }> };
      assert.ok(!theirs.byUnit.some((u) => u.unitId === pkt));
    });

    it('the office chief sees the whole commune, the unit included', async () => {
      const r = await today(chief, `unitId=${t.demo.units['TT-UBND']}`);
      assert.equal(r.status, 200);
      assert.ok(r.body.persons.some((p) => p.personId === canbo && p.status === 'LATE'));
      assert.ok(r.body.persons.some((p) => p.unitId !== pkt));
    });

    it('another commune is out of scope, and its people are invisible', async () => {
      const r = await today(head, `unitId=${tp}`);
      assert.equal(r.status, 403);
      assert.equal(r.body.code, 'OUT_OF_SCOPE');
      assert.ok(r.body.message_vi && r.body.message_en);
      const o = await today(other, `unitId=${pkt}`);
      assert.equal(o.status, 403);
      const own = await today(other, `unitId=${tp}`);
      assert.equal(own.status, 200);
      assert.ok(own.body.persons.length > 0);
      assert.ok(!own.body.persons.some((p) => p.personId === canbo));
      assert.equal((await today(other, `personId=${canbo}`)).status, 403);
    });

    it('a staff member sees only themself, whatever they ask for', async () => {
      const unit = await today(staff, `unitId=${pkt}`);
      assert.equal(unit.status, 200);
      assert.deepEqual(
        unit.body.persons.map((p) => p.personId),
        [canbo],
      );
      const self = await today(staff, '');
      assert.deepEqual(
        self.body.persons.map((p) => p.status),
        ['LATE'],
      );
      assert.equal((await today(staff, `personId=${t.demo.persons.TT004}`)).status, 403);
      assert.equal((await today(staff, `unitId=${tp}`)).status, 403);
    });

    it('bad input: 400 with code and both languages', async () => {
      for (const q of ['date=2026-13-01', 'date=hôm-nay', `unitId=not-a-uuid`, `unitId=${pkt}&extra=1`]) {
        const r = await today(head, q);
        assert.equal(r.status, 400, q);
        assert.equal(r.body.code, 'VALIDATION_FAILED', q);
      }
      const future = await today(head, `unitId=${pkt}&date=${addDays(day, 1)}`);
      assert.equal(future.status, 400);
      assert.equal(future.body.code, 'TODAY_DATE_OUT_OF_RANGE');
      assert.match(future.body.message_vi ?? '', /hôm nay/);
      assert.ok(future.body.message_en);
    });

    it('a past day is shown as of its end', async () => {
      clock('09:00');
      const prev = addDays(day, -1);
      const r = await today(head, `unitId=${pkt}&date=${prev}`);
      assert.equal(r.status, 200);
      assert.equal(r.body.date, prev);
    });

    it("before the unit's attendance go-live nobody there is late or not yet arrived: the unit is listed as not live", async () => {
      clock('09:00');
      const root = t.demo.units['TT-UBND'] as string;
      const before = await loadGoLiveIndex(t.ctx.db);
      assert.ok(before.judgedFrom(pkt) <= day, 'live today before the change');
      const own = before.own(pkt);
      await setAttendanceGoLive(t.ctx.db, { id: null, name: 'test' }, { unitId: pkt, goLiveOn: addDays(day, 1), reason: 'Phòng bắt đầu chấm công từ ngày mai' });
      try {
        const r = await today(head, `unitId=${pkt}`);
        assert.equal(r.status, 200);
        assert.deepEqual(r.body.persons, [], 'nobody of the unit is listed, although Lan punched late today');
        assert.equal(r.body.summary.expected, 0);
        assert.equal(r.body.summary.notYetArrived, 0);
        assert.equal(r.body.summary.late, 0);
        const notLive = (r.body as unknown as { notLive: Array<{ unitId: string; judgedFrom: string; persons: number }> }).notLive;
        assert.equal(notLive.length, 1);
        assert.deepEqual([notLive[0]?.unitId, notLive[0]?.judgedFrom], [pkt, addDays(day, 1)]);
        assert.ok((notLive[0]?.persons ?? 0) >= 2);

        // The whole commune: the other units are live and listed; only the unit not live yet is left out.
        const all = await today(chief, `unitId=${root}`);
        assert.ok(all.body.persons.length > 0);
        assert.ok(!all.body.persons.some((p) => p.unitId === pkt));
        // The person's own view and the leaders' dashboard agree.
        assert.deepEqual((await today(staff, '')).body.persons, []);
        const dash = (await head.get('/api/reports/today-attendance')).json() as {
          summary: Record<string, number>;
          late: unknown[];
          notYet: unknown[];
          notLive: Array<{ unitId: string }>;
        };
        assert.deepEqual([dash.late, dash.notYet, dash.summary.expected], [[], [], 0]);
        assert.deepEqual(dash.notLive.map((u) => u.unitId), [pkt]);
      } finally {
        if (own) await setAttendanceGoLive(t.ctx.db, { id: null, name: 'test' }, { unitId: pkt, goLiveOn: own, reason: 'Trả lại ngày cũ sau phép thử' });
        else await t.ctx.db.query('DELETE FROM org_attendance_go_live WHERE unit_id = $1', [pkt]);
      }
      const back = await today(head, `unitId=${pkt}`);
      assert.equal(back.body.persons.find((p) => p.personId === canbo)?.status, 'LATE', 'live again: the same punch makes her late');
      assert.deepEqual((back.body as unknown as { notLive: unknown[] }).notLive, []);
    });
  });
}
