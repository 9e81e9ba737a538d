import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import { waitFor } from '../../../test/helpers/wait';
import { addDays, localDateOf } from '../../platform/time';
import { loadGoLiveIndex } from '../org/go-live';
import { enqueueScopeDates, processDirty } from './dirty-queue';

/**
 * Issue 11, F4 "nothing before go-live", through the whole pipeline (attendance → bus → violations → workflow →
 * notifications) on PGlite and PostgreSQL: whatever recomputation is asked for (outage report, recompute route,
 * calendar change, dirty queue), no attendance day, violation or notification exists for a day before the unit's
 * go-live, nor a violation before a person's start date. Before the fix, the probe's 6-month outage opened
 * thousands of LEAVE_NOT_REPORTED violations for pre-go-live dates.
 */
for (const kind of dbKinds()) {
  describe(`nothing is judged before go-live [${kind}]`, () => {
    let t: TestApp;
    let chanhvp: Session;
    let goLive: string;
    let today: string;
    let newcomer: string;
    const deps = () => ({ db: t.ctx.db, bus: t.ctx.bus, now: () => t.ctx.now() });

    before(async () => {
      // Quiet demo history (days computed without events): every violation below comes from this test's requests.
      t = await startTestApp(kind, { env: { KC_DEMO_HISTORY: 'off' } });
      chanhvp = await loginAs(t.app, 'chanhvp');
      today = localDateOf(t.ctx.now());
      goLive = (await loadGoLiveIndex(t.ctx.db)).judgedFrom(t.demo.units['TT-UBND'] as string);
    });
    after(async () => t?.close());

    it('the demo agency goes live on the first day of its seeded history, inherited by its communes', async () => {
      assert.equal(goLive, addDays(today, -28));
      const res = await chanhvp.get(`/api/org/units/${t.demo.units['TT-VP']}/attendance-go-live`);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { unitId: t.demo.units['TT-VP'], own: null, judgedFrom: goLive });
    });

    it('refuses a 6-month outage report with a bilingual explanation, and writes nothing', async () => {
      const res = await chanhvp.send('POST', '/api/attendance/sources/gate-tt-01/outages', {
        startedAt: `${addDays(today, -200)}T00:00:00Z`,
        endedAt: `${addDays(today, -20)}T00:00:00Z`,
        note: 'probe F4',
      });
      assert.equal(res.statusCode, 400, res.body);
      const body = res.json();
      assert.equal(body.code, 'OUTAGE_TOO_LONG');
      assert.match(body.message_vi, /62 ngày/);
      assert.match(body.message_en, /62 days/);
      const [n] = await t.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM source_outages WHERE note = 'probe F4'`);
      assert.equal(n?.n, 0);
    });

    it('clips an outage that starts before go-live: stored as reported, recomputed from go-live on', async () => {
      const res = await chanhvp.send('POST', '/api/attendance/sources/gate-tt-01/outages', {
        startedAt: `${addDays(goLive, -30)}T00:00:00Z`,
        endedAt: `${addDays(goLive, 20)}T00:00:00Z`,
        note: 'power cut straddling go-live',
      });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.clippedToGoLive, goLive);
      assert.equal(body.recompute.from, goLive);
      assert.match(body.message_vi, /không được xét/);
      const [queued] = await t.ctx.db.query<{ first: string | null }>('SELECT min(date)::text AS first FROM attendance_dirty');
      assert.ok(queued?.first && queued.first >= goLive, `queue starts at ${queued?.first}`);
    });

    it('a maximal recompute, a calendar change and the dirty queue judge nothing before go-live or before a start date', async () => {
      const admin = await loginAs(t.app, 'admin');
      const created = await admin.send('POST', '/api/staff', {
        employeeCode: 'NEW-01',
        fullName: 'Trần Văn Mới',
        category: 'CONG_CHUC',
        unitId: t.demo.units['TT-VP'],
        joinedOn: addDays(today, -10),
      });
      assert.equal(created.statusCode, 201, created.body);
      newcomer = created.json().id;
      // A calendar change after the fact queues pre-go-live dates for the whole agency.
      await enqueueScopeDates(t.ctx.db, [t.demo.units['TT-UBND'] as string], [addDays(goLive, -3), addDays(goLive, -2), addDays(goLive, 1)], today);
      // 62 days, 40 of them before go-live: the most one request may ask.
      const res = await chanhvp.send('POST', '/api/attendance/recompute', { unitId: t.demo.units['TT-UBND'], from: addDays(goLive, -40), to: addDays(goLive, 21) });
      assert.ok(res.statusCode === 200 || res.statusCode === 202, res.body);
      const job = await waitFor(
        'the recompute job',
        async () => {
          const r = (await chanhvp.get(`/api/attendance/recompute/${res.json().jobId}`)).json();
          return r.status === 'DONE' ? r : undefined;
        },
        120_000,
      );
      assert.ok(job.skippedBeforeGoLive > 0, 'pre-go-live days were asked and skipped');
      assert.equal(job.done, job.total);
      await processDirty(deps());
      await t.settle();

      const before = await t.ctx.db.query<{ days: number; violations: number; notifications: number }>(
        `SELECT (SELECT count(*)::int FROM attendance_days WHERE date < $1) AS days,
                (SELECT count(*)::int FROM violations WHERE occurred_on < $1) AS violations,
                (SELECT count(*)::int FROM notifications n JOIN violations v ON n.entity_id = v.id::text WHERE v.occurred_on < $1) AS notifications`,
        [goLive],
      );
      assert.deepEqual(before[0], { days: 0, violations: 0, notifications: 0 });
      const [judged] = await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attendance_days WHERE date >= $1', [goLive]);
      assert.ok((judged?.n ?? 0) > 0, 'days from go-live on are judged');
      const [early] = await t.ctx.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM violations WHERE person_id = $1 AND occurred_on < $2',
        [newcomer, addDays(today, -10)],
      );
      assert.equal(early?.n, 0, 'no violation before the start date');
      const statuses = await t.ctx.db.query<{ day_status: string }>(
        'SELECT DISTINCT day_status FROM attendance_days WHERE person_id = $1 AND date < $2',
        [newcomer, addDays(today, -10)],
      );
      assert.ok(statuses.every((s) => s.day_status === 'NOT_EMPLOYED'), JSON.stringify(statuses));
    });

    it('a manager in scope moves the go-live (audited); a neighbour commune cannot', async () => {
      const unit = t.demo.units['TT-UBND'] as string;
      const other = await loginAs(t.app, 'chutichtp');
      const refused = await other.send('PUT', `/api/org/units/${unit}/attendance-go-live`, { goLiveOn: today, reason: 'thử ngoài phạm vi' });
      assert.equal(refused.statusCode, 403, refused.body);
      const res = await chanhvp.send('PUT', `/api/org/units/${unit}/attendance-go-live`, { goLiveOn: addDays(goLive, 7), reason: 'Bắt đầu chấm công chính thức' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().previous, null);
      const [audit] = await t.ctx.db.query<{ details: { before: string | null; after: string } }>(
        `SELECT details FROM audit_log WHERE action = 'org.attendance_go_live_set' AND entity_id = $1 ORDER BY seq DESC LIMIT 1`,
        [unit],
      );
      assert.equal(audit?.details.after, addDays(goLive, 7));
      const sub = (await chanhvp.get(`/api/org/units/${t.demo.units['TT-VP']}/attendance-go-live`)).json();
      assert.equal(sub.judgedFrom, addDays(goLive, 7), 'sub-units inherit the nearest go-live');
    });
  });
}
