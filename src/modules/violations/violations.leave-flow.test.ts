import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import { decideJustification, recomputeRange, requestJustification } from '../attendance';
import { submitExplanation } from './explanations.service';

/**
 * Acceptance 1 through the real attendance module rather than hand-made events: computing a day without punches
 * publishes attendance.day_updated.v1 and opens an absence violation; a leave requested and approved afterwards
 * recomputes the day (ON_LEAVE, next revision) and the violation is retracted with the justification and revision.
 */
for (const kind of dbKinds()) {
  describe(`violations follow the attendance module [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      // A day the demo never computed, and no violation before this test's own.
      t = await startTestApp(kind, { env: { KC_DEMO_HISTORY: 'off' } });
    });
    after(async () => t.close());

    it('opens the absence, then retracts it when a leave for that day is approved afterwards', async () => {
      const db = t.ctx.db;
      // A Tuesday five weeks back: before the demo's three weeks of punches, so the day has never been computed.
      const d = new Date(t.ctx.now().getTime() - 35 * 86_400_000);
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 5) % 7));
      const date = d.toISOString().slice(0, 10);
      const personId = t.demo.persons.TT005 as string;
      const [staffUser] = await db.query<{ id: string; username: string }>(`SELECT id, username FROM users WHERE username = 'canbo'`);
      assert.ok(staffUser);
      const deps = { db, bus: t.ctx.bus, now: t.ctx.now };
      // The demo agency went live on its first seeded day; this day lies before it, so move go-live back to it.
      await db.query('UPDATE org_attendance_go_live SET go_live_on = $1 WHERE go_live_on > $1', [date]);
      await recomputeRange(deps, { from: date, to: date, personIds: [personId] });
      await t.settle();
      const opened = await db.query<{ id: string; kind: string; attendance_revision: number }>(
        `SELECT id, kind, attendance_revision FROM violations WHERE person_id = $1 AND occurred_on = $2 AND retracted_at IS NULL`,
        [personId, date],
      );
      // The attendance module calls a day away without any request LEAVE_NOT_REPORTED (or ABSENT_NO_REASON): one whole-day violation.
      assert.equal(opened.length, 1, `one whole-day absence on ${date}`);
      assert.ok(['ABSENT_NO_REASON', 'LEAVE_NOT_REPORTED'].includes(opened[0]?.kind ?? ''), opened[0]?.kind);

      // She files a personal-leave request for that day afterwards (sick child, say) and it is approved.
      const pending = await requestJustification(
        db,
        { id: staffUser.id, name: staffUser.username },
        { personId, type: 'PERSONAL_PAID', startDate: date, startHalf: 'MORNING', endDate: date, endHalf: 'AFTERNOON', reason: 'Con ốm, đã báo miệng Trưởng phòng' },
        t.ctx.now(),
      );
      // A leader of the person's unit approves the leave (not the person themself).
      const [approver] = await db.query<{ id: string; username: string; person_id: string }>(
        `SELECT u.id, u.username, u.person_id FROM users u WHERE u.username = 'chutich'`,
      );
      assert.ok(approver);
      await decideJustification(deps, { id: approver.id, name: approver.username, personId: approver.person_id }, pending.id, 'APPROVED', 'Đồng ý');
      await t.settle();

      const after = await db.query<{ id: string; retraction_reason: string; retraction_details: { justificationId: string; revision: number }; attendance_revision: number }>(
        `SELECT id, retraction_reason, retraction_details, attendance_revision FROM violations WHERE id = ANY($1::uuid[])`,
        [opened.map((v) => v.id)],
      );
      for (const v of after) {
        assert.equal(v.retraction_reason, 'JUSTIFIED');
        assert.equal(v.retraction_details.justificationId, pending.id);
        assert.ok(v.attendance_revision > (opened.find((o) => o.id === v.id)?.attendance_revision ?? 0));
      }
      const states = await db.query<{ state: string }>('SELECT state FROM violation_cases WHERE violation_id = ANY($1::uuid[])', [opened.map((v) => v.id)]);
      assert.ok(states.every((s) => s.state === 'RETRACTED'));
      const trail = await db.query(`SELECT 1 FROM violation_case_transitions WHERE violation_id = ANY($1::uuid[]) AND to_state = 'RETRACTED'`, [opened.map((v) => v.id)]);
      assert.equal(trail.length, opened.length);
    });

    /**
     * Acceptance 1 of issue 13 through the real attendance module, its calendar and its working-day threshold: absent
     * Monday → explanation filed → "not reported" once the threshold passed → leave filed (pending) → rejected.
     * The attendance clock is moved by hand (deps.now); exactly one violation exists for the day throughout.
     */
    it('keeps one violation for an absence through explanation, "not reported", a pending leave and its rejection', async () => {
      const db = t.ctx.db;
      const d = new Date(t.ctx.now().getTime() - 49 * 86_400_000);
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
      const monday = d.toISOString().slice(0, 10);
      const at = (days: number) => new Date(new Date(`${monday}T08:00:00+07:00`).getTime() + days * 86_400_000);
      const personId = t.demo.persons.TT005 as string;
      const [staffUser] = await db.query<{ id: string; username: string }>(`SELECT id, username FROM users WHERE username = 'canbo'`);
      const [approver] = await db.query<{ id: string; username: string; person_id: string }>(`SELECT id, username, person_id FROM users WHERE username = 'chutich'`);
      assert.ok(staffUser && approver);
      await db.query('UPDATE org_attendance_go_live SET go_live_on = $1 WHERE go_live_on > $1', [monday]);
      const ofDay = () =>
        db.query<{ id: string; kind: string; retracted_at: Date | null }>('SELECT id, kind, retracted_at FROM violations WHERE person_id = $1 AND occurred_on = $2', [personId, monday]);
      const recompute = async (now: Date) => {
        await recomputeRange({ db, bus: t.ctx.bus, now: () => now }, { from: monday, to: monday, personIds: [personId] });
        await t.settle();
      };

      await recompute(at(1));
      const [opened] = await ofDay();
      assert.equal(opened?.kind, 'ABSENT_NO_REASON', 'Tuesday morning: absent, not yet "not reported"');
      const id = opened.id;
      await submitExplanation(db, t.ctx.blobs, { violationId: id, personId, body: 'Tôi bị ốm đột xuất, đã nhắn tin báo Trưởng phòng.', files: [{ fileName: 'don-thuoc.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4 đơn thuốc') }] }, { id: staffUser.id, name: staffUser.username }, t.ctx.now());

      await recompute(at(7));
      assert.deepEqual((await ofDay()).map((v) => [v.id, v.kind]), [[id, 'LEAVE_NOT_REPORTED']], 'past the working-day threshold, the same violation');

      const leave = await requestJustification(
        db,
        { id: staffUser.id, name: staffUser.username },
        { personId, type: 'SICK_LEAVE', startDate: monday, startHalf: 'MORNING', endDate: monday, endHalf: 'AFTERNOON', reason: 'Ốm đột xuất' },
        at(7),
      );
      await recompute(at(7));
      assert.deepEqual((await ofDay()).map((v) => [v.id, v.kind]), [[id, 'AWAITING_JUSTIFICATION']]);

      await decideJustification({ db, bus: t.ctx.bus, now: () => at(8) }, { id: approver.id, name: approver.username, personId: approver.person_id }, leave.id, 'REJECTED', 'Không có giấy tờ của cơ sở y tế');
      await recompute(at(8));
      const rows = await ofDay();
      assert.deepEqual(rows.map((v) => [v.id, v.kind, v.retracted_at]), [[id, 'LEAVE_NOT_REPORTED', null]], 'exactly one violation for the day, ever');
      const [c] = await db.query<{ state: string }>('SELECT state FROM violation_cases WHERE violation_id = $1', [id]);
      assert.equal(c?.state, 'EXPLAINED');
      const files = await db.query('SELECT f.id FROM violation_explanations e JOIN violation_explanation_files f ON f.explanation_id = e.id WHERE e.violation_id = $1', [id]);
      assert.equal(files.length, 1);
      const toPerson = await db.query<{ kind: string; body: string | null }>(`SELECT kind FROM notifications WHERE entity_id = $1 AND user_id = $2 ORDER BY created_at`, [id, staffUser.id]);
      assert.deepEqual(toPerson.map((n) => n.kind), ['violation_opened', 'violation_kind_changed', 'violation_kind_changed']);
      const changes = await db.query<{ to_kind: string; cause: string; notified: boolean }>('SELECT to_kind, cause, notified FROM violation_kind_changes WHERE violation_id = $1 ORDER BY seq', [id]);
      assert.deepEqual(changes.map((k) => [k.to_kind, k.cause, k.notified]), [
        ['LEAVE_NOT_REPORTED', 'NOT_REPORTED_IN_TIME', true],
        ['AWAITING_JUSTIFICATION', 'REQUEST_PENDING', false],
        ['LEAVE_NOT_REPORTED', 'REQUEST_NOT_APPROVED', true],
      ]);
    });
  });
}
