import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import { addDays, localDateOf, localToInstant, minutesToHhmm } from '../../platform/time';
import { ATTENDANCE_DAY_UPDATED, type AttendanceDayUpdated } from './attendance.events';
import { processDirty } from './dirty-queue';
import { personPlans } from './plans';
import { ingestPunch } from './punches.service';
import { recomputeRange } from './recompute.service';

/**
 * The requests people make every day (issue 13, as in MISA AMIS), through the HTTP API: permission to arrive late
 * for part of a session, and the correction of a missed punch, filed by the staff member (canbo, TT005, Phòng Kinh
 * tế) and decided by the competent leader (truongphong, head of that unit). Written from the issue and CONTRACT C3–C5:
 * an approved permission never opens a violation; approval after the fact retracts what it explains, with a trace;
 * nobody decides their own request; bad input is refused with a code and both messages and writes nothing.
 */

interface ViolationRow {
  id: string;
  kind: string;
  session: string | null;
  retracted_at: Date | null;
  retraction_reason: string | null;
  retraction_details: Record<string, unknown> | null;
}

for (const kind of dbKinds()) {
  describe(`attendance requests: permissions and punch corrections [${kind}]`, () => {
    let t: TestApp;
    let staff: Session;
    let head: Session;
    let chief: Session;
    let canbo: string;
    let pkt: string;
    /** Working days older than the demo's quiet history (no punch, no request), inside the 31-day request horizon. */
    const days: Array<{ date: string; morning: { start: number; end: number }; afternoon: { start: number; end: number } }> = [];
    const events: AttendanceDayUpdated[] = [];

    before(async () => {
      t = await startTestApp(kind, { env: { KC_DEMO_HISTORY: 'off' } });
      await t.bus.subscribe<AttendanceDayUpdated>(ATTENDANCE_DAY_UPDATED, `test-${randomUUID()}`, async (ev) => {
        events.push(ev.data);
      });
      [staff, head, chief] = (await Promise.all(['canbo', 'truongphong', 'chanhvp'].map((u) => loginAs(t.app, u)))) as [Session, Session, Session];
      canbo = t.demo.persons.TT005 as string;
      pkt = t.demo.units['TT-PKT'] as string;
      const today = localDateOf(t.ctx.now());
      const plans = await personPlans(t.ctx.db, canbo, addDays(today, -30), addDays(today, -22));
      for (const p of plans) {
        const [m, a] = p.sessions;
        if (p.employed && m && a && m.session === 'MORNING' && a.session === 'AFTERNOON')
          days.push({ date: p.date, morning: { start: m.start, end: m.end }, afternoon: { start: a.start, end: a.end } });
      }
      assert.ok(days.length >= 5, 'five working days to use');
      // The demo agency went live on its first seeded day; these days lie before it.
      await t.ctx.db.query('UPDATE org_attendance_go_live SET go_live_on = $1 WHERE go_live_on > $1', [days[0]?.date]);
    });
    after(async () => t.close());

    const deps = () => ({ db: t.ctx.db, bus: t.ctx.bus, now: t.ctx.now });
    const punch = (date: string, minute: number, direction: 'IN' | 'OUT') =>
      ingestPunch(t.ctx.db, { source: 'test-gate', sourceEventId: randomUUID(), personId: canbo, at: localToInstant(date, minute), direction }, { now: t.ctx.now() });
    const compute = async (date: string) => {
      await recomputeRange(deps(), { from: date, to: date, personIds: [canbo] });
      await t.settle();
    };
    const violations = (date: string) =>
      t.ctx.db.query<ViolationRow>(
        'SELECT id, kind, session, retracted_at, retraction_reason, retraction_details FROM violations WHERE person_id = $1 AND occurred_on = $2 ORDER BY created_at',
        [canbo, date],
      );
    const cell = async (date: string) => {
      const res = await head.get(`/api/attendance/timesheet?unitId=${pkt}&month=${date.slice(0, 7)}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().rows.find((r: { personId: string }) => r.personId === canbo).cells[date] as { status: string };
    };
    const lastEvent = (date: string) => events.filter((e) => e.personId === canbo && e.date === date).sort((a, b) => b.revision - a.revision)[0];
    const counts = async () => {
      const [j] = await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM justifications WHERE person_id = $1', [canbo]);
      const [c] = await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM punch_corrections WHERE person_id = $1', [canbo]);
      const [p] = await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM punches WHERE person_id = $1', [canbo]);
      return { j: j?.n, c: c?.n, p: p?.n };
    };
    const hhmm = minutesToHhmm;

    it('a late-arrival permission approved in advance: no violation, timesheet per the regulation flag', async () => {
      const d = days[0] as (typeof days)[number];
      const filed = await staff.send('POST', '/api/attendance/requests/permissions', {
        type: 'LATE_ARRIVAL_PERMISSION',
        date: d.date,
        from: hhmm(d.morning.start),
        to: hhmm(d.morning.start + 60),
        reason: 'Đưa con đi khám bệnh buổi sáng',
      });
      assert.equal(filed.statusCode, 201, filed.body);
      const permission = filed.json();
      assert.deepEqual(permission.window, { from: hhmm(d.morning.start), to: hhmm(d.morning.start + 60) });
      assert.equal(permission.status, 'PENDING');

      // The head's inbox offers the decision; the staff member's own list does not.
      const inbox = (await head.get('/api/attendance/requests?box=inbox&kind=permission')).json().items;
      const item = inbox.find((r: { id: string }) => r.id === permission.id);
      assert.ok(item, 'in the head of unit’s inbox');
      assert.equal(item.canDecide, true);
      const mine = (await staff.get('/api/attendance/requests?box=mine')).json().items.find((r: { id: string }) => r.id === permission.id);
      assert.equal(mine.canDecide, false);
      assert.ok(mine.decisionBlock?.message_vi);

      const ok = await head.send('POST', `/api/attendance/requests/${permission.id}/approve`, { note: 'Đồng ý' });
      assert.equal(ok.statusCode, 200, ok.body);

      // She arrives 45 minutes late, inside the permitted window, and works the rest of the day.
      await punch(d.date, d.morning.start + 45, 'IN');
      await punch(d.date, d.afternoon.end + 2, 'OUT');
      await compute(d.date);
      assert.equal((await violations(d.date)).filter((v) => !v.retracted_at).length, 0, 'an approved permission never opens a violation');
      // Default regulation: approved minutes do not count as late.
      assert.equal((await cell(d.date)).status, 'PRESENT');
      const ev = lastEvent(d.date) as AttendanceDayUpdated & { sessions: Array<{ arrivalPermission?: { requestId: string; status: string } | null }> };
      assert.deepEqual(ev.sessions[0]?.arrivalPermission, { requestId: permission.id, status: 'APPROVED' });

      // A unit whose regulation says approved late minutes still count: LATE on the timesheet, still no violation.
      const rules = await chief.send('PUT', '/api/attendance/rules', {
        unitId: pkt,
        legalBasis: 'Quy chế làm việc của Phòng Kinh tế (thử nghiệm)',
        rules: {
          lateGraceMinutes: 5,
          earlyGraceMinutes: 5,
          debounceSeconds: 120,
          checkInOpensMinutes: 120,
          checkOutClosesMinutes: 240,
          lunchPunchesRequired: false,
          leaveNotReportedAfterDays: 3,
          approvedPermissionCountsAsLate: true,
        },
      });
      assert.equal(rules.statusCode, 200, rules.body);
      await compute(d.date);
      assert.equal((await cell(d.date)).status, 'LATE');
      assert.equal((await violations(d.date)).filter((v) => !v.retracted_at).length, 0);
      const del = await t.ctx.db.query('DELETE FROM attendance_rules WHERE unit_id = $1 RETURNING id', [pkt]);
      assert.equal(del.length, 1);
    });

    it('a permission filed after the late arrival was recorded retracts the violation, naming the request', async () => {
      const d = days[1] as (typeof days)[number];
      await punch(d.date, d.morning.start + 40, 'IN');
      await punch(d.date, d.afternoon.end + 1, 'OUT');
      await compute(d.date);
      const opened = (await violations(d.date)).filter((v) => !v.retracted_at);
      assert.equal(opened.length, 1, 'one violation for the late arrival');

      const filed = await staff.send('POST', '/api/attendance/requests/permissions', {
        type: 'LATE_ARRIVAL_PERMISSION',
        date: d.date,
        from: hhmm(d.morning.start),
        to: hhmm(d.morning.start + 45),
        reason: 'Họp tổ dân phố theo giấy mời, đã báo trưởng phòng',
      });
      assert.equal(filed.statusCode, 201, filed.body);
      // While pending, the same violation awaits justification (C3, C5): the filing queued the day for recomputation.
      await processDirty(deps());
      await t.settle();
      const [pending] = await t.ctx.db.query<ViolationRow>('SELECT id, kind, session, retracted_at, retraction_reason, retraction_details FROM violations WHERE id = $1', [opened[0]?.id]);
      assert.equal(pending?.kind, 'AWAITING_JUSTIFICATION');
      assert.equal(pending?.retracted_at, null);
      const ok = await head.send('POST', `/api/attendance/requests/${filed.json().id}/approve`, { note: 'Đồng ý' });
      assert.equal(ok.statusCode, 200, ok.body);
      await t.settle();

      const [v] = await t.ctx.db.query<ViolationRow>('SELECT id, kind, session, retracted_at, retraction_reason, retraction_details FROM violations WHERE id = $1', [opened[0]?.id]);
      assert.ok(v?.retracted_at, 'the violation is retracted');
      const trace = JSON.stringify(v.retraction_details);
      assert.ok(trace.includes(filed.json().id), `the retraction names the request: ${trace}`);
      assert.ok(trace.includes('LATE_ARRIVAL_PERMISSION'), `the retraction names the request type: ${trace}`);
      assert.equal((await violations(d.date)).filter((x) => !x.retracted_at).length, 0);
    });

    it('a correction adding the missed check-in turns the absent morning into presence and retracts the absence', async () => {
      const d = days[2] as (typeof days)[number];
      // The camera saw her leave in the evening but missed her coming in.
      await punch(d.date, d.afternoon.end + 3, 'OUT');
      await compute(d.date);
      const before = (await violations(d.date)).filter((v) => !v.retracted_at);
      assert.ok(before.length >= 1, 'the missed check-in shows as an absence');

      const dayPunches = await staff.get(`/api/attendance/corrections/punches?date=${d.date}`);
      assert.equal(dayPunches.statusCode, 200, dayPunches.body);
      assert.equal(dayPunches.json().items.length, 1);

      const filed = await staff.send('POST', '/api/attendance/corrections', {
        kind: 'ADD_PUNCH',
        date: d.date,
        time: hhmm(d.morning.start - 2),
        direction: 'IN',
        reason: 'Tôi vào cơ quan lúc sáng nhưng camera cổng không nhận diện được (đeo khẩu trang)',
      });
      assert.equal(filed.statusCode, 201, filed.body);
      const correction = filed.json();
      const ok = await head.send('POST', `/api/attendance/corrections/${correction.id}/approve`, { note: 'Đã xác minh với bảo vệ' });
      assert.equal(ok.statusCode, 200, ok.body);
      await t.settle();
      const approved = ok.json();
      assert.equal(approved.status, 'APPROVED');
      assert.ok(approved.createdPunchId, 'the approval ingested a punch');

      // The punch is an ordinary immutable punch of source "correction" whose event id names the request, audited.
      const [p] = await t.ctx.db.query<{ source_id: string; source_event_id: string }>('SELECT source_id, source_event_id FROM punches WHERE id = $1', [approved.createdPunchId]);
      assert.deepEqual(p, { source_id: 'correction', source_event_id: `correction:${correction.id}` });
      const audit = await t.ctx.db.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE (entity_id = $1 AND action = 'attendance.correction_approve') OR (entity_id = $2 AND action = 'attendance.punch_ingest')`,
        [correction.id, approved.createdPunchId],
      );
      assert.equal(audit.length, 2);

      const status = (await cell(d.date)).status;
      assert.equal(status, 'PRESENT');
      const ev = lastEvent(d.date);
      assert.equal(ev?.sessions[0]?.checkInPunchId, approved.createdPunchId);
      for (const v of before) {
        const [now] = await t.ctx.db.query<ViolationRow>('SELECT id, kind, session, retracted_at, retraction_reason, retraction_details FROM violations WHERE id = $1', [v.id]);
        assert.ok(now?.retracted_at, `the absence ${v.kind} is retracted`);
        assert.ok(JSON.stringify(now.retraction_details).includes(correction.id), `the retraction names the correction: ${JSON.stringify(now.retraction_details)}`);
      }
    });

    it('an approved void makes the computation ignore a punch that was not hers; the raw punch stays', async () => {
      const d = days[4] as (typeof days)[number];
      // Someone else was recognised as her at the gate on a day she was away: one lone check-in.
      const wrong = await punch(d.date, d.morning.start + 1, 'IN');
      await compute(d.date);
      assert.equal(lastEvent(d.date)?.sessions[0]?.checkInPunchId, wrong.punchId);
      const list = (await staff.get(`/api/attendance/corrections/punches?date=${d.date}`)).json().items;
      assert.deepEqual(list.map((p: { id: string }) => p.id), [wrong.punchId]);
      const filed = await staff.send('POST', '/api/attendance/corrections', { kind: 'VOID_PUNCH', punchId: wrong.punchId, reason: 'Hôm đó tôi nghỉ ốm ở nhà, lượt này không phải của tôi' });
      assert.equal(filed.statusCode, 201, filed.body);
      const twice = await staff.send('POST', '/api/attendance/corrections', { kind: 'VOID_PUNCH', punchId: wrong.punchId, reason: 'Gửi lại lần nữa' });
      assert.equal(twice.statusCode, 409);
      assert.equal(twice.json().code, 'REQUEST_OVERLAPS');
      const ok = await head.send('POST', `/api/attendance/corrections/${filed.json().id}/approve`, {});
      assert.equal(ok.statusCode, 200, ok.body);
      await t.settle();
      const ev = lastEvent(d.date);
      assert.ok(ev?.sessions.every((s) => s.checkInPunchId !== wrong.punchId && s.checkOutPunchId !== wrong.punchId), 'the voided punch no longer counts');
      assert.notEqual((await cell(d.date)).status, 'MISSING_CHECKOUT');
      const [raw] = await t.ctx.db.query<{ id: string }>('SELECT id FROM punches WHERE id = $1', [wrong.punchId]);
      assert.ok(raw, 'punches are immutable: the row stays');
      const after = (await staff.get(`/api/attendance/corrections/punches?date=${d.date}`)).json().items;
      assert.equal(after[0]?.voidRequestId, filed.json().id);
    });

    it('a rejected correction changes nothing and keeps its reason; a withdrawn one neither', async () => {
      const d = days[3] as (typeof days)[number];
      const wrong = await punch(d.date, d.morning.start + 3, 'IN');
      await punch(d.date, d.afternoon.end + 3, 'OUT');
      const before = await counts();
      const filed = await staff.send('POST', '/api/attendance/corrections', { kind: 'VOID_PUNCH', punchId: wrong.punchId, reason: 'Lượt này không phải của tôi' });
      assert.equal(filed.statusCode, 201, filed.body);
      const noNote = await head.send('POST', `/api/attendance/corrections/${filed.json().id}/reject`, {});
      assert.equal(noNote.statusCode, 400);
      assert.equal(noNote.json().code, 'NOTE_REQUIRED');
      const rejected = await head.send('POST', `/api/attendance/corrections/${filed.json().id}/reject`, { note: 'Ảnh chụp ở cổng cho thấy đúng là đồng chí' });
      assert.equal(rejected.statusCode, 200, rejected.body);
      assert.equal(rejected.json().status, 'REJECTED');
      assert.equal(rejected.json().decisionNote, 'Ảnh chụp ở cổng cho thấy đúng là đồng chí');
      const after = await counts();
      assert.equal(after.p, before.p, 'no punch added');
      const voided = await t.ctx.db.query("SELECT 1 FROM punch_corrections WHERE punch_id = $1 AND status = 'APPROVED'", [wrong.punchId]);
      assert.equal(voided.length, 0);

      const add = await staff.send('POST', '/api/attendance/corrections', { kind: 'ADD_PUNCH', date: d.date, time: hhmm(d.afternoon.start), direction: 'IN', reason: 'Quên quẹt thẻ sau giờ nghỉ trưa' });
      assert.equal(add.statusCode, 201, add.body);
      const withdrawn = await staff.send('POST', `/api/attendance/corrections/${add.json().id}/cancel`, { reason: 'Gửi nhầm ngày' });
      assert.equal(withdrawn.statusCode, 200, withdrawn.body);
      assert.equal(withdrawn.json().status, 'CANCELLED');
      const late = await head.send('POST', `/api/attendance/corrections/${add.json().id}/approve`, {});
      assert.equal(late.statusCode, 409);
      assert.equal((await counts()).p, before.p, 'still no punch added');
    });

    it('nobody decides their own request (403 with code and both messages); the request stays pending', async () => {
      const d = days[3] as (typeof days)[number];
      const own = await head.send('POST', '/api/attendance/requests/permissions', {
        type: 'EARLY_LEAVE_PERMISSION',
        date: d.date,
        from: hhmm(d.afternoon.end - 60),
        to: hhmm(d.afternoon.end),
        reason: 'Đi họp phụ huynh',
      });
      assert.equal(own.statusCode, 201, own.body);
      const self = await head.send('POST', `/api/attendance/requests/${own.json().id}/approve`, {});
      assert.equal(self.statusCode, 403, self.body);
      assert.ok(['COMPETENCE_OWN_CASE', 'SELF_APPROVAL'].includes(self.json().code), self.body);
      assert.ok(self.json().message_vi && self.json().message_en);
      const [row] = await t.ctx.db.query<{ status: string }>('SELECT status FROM justifications WHERE id = $1', [own.json().id]);
      assert.equal(row?.status, 'PENDING');

      const ownCorrection = await head.send('POST', '/api/attendance/corrections', { kind: 'ADD_PUNCH', date: d.date, time: '07:29', direction: 'IN', reason: 'Camera không nhận diện' });
      assert.equal(ownCorrection.statusCode, 201, ownCorrection.body);
      const selfC = await head.send('POST', `/api/attendance/corrections/${ownCorrection.json().id}/approve`, {});
      assert.equal(selfC.statusCode, 403, selfC.body);
      assert.ok(selfC.json().message_vi && selfC.json().message_en);
      const inbox = (await head.get('/api/attendance/corrections?box=unit')).json().items.find((c: { id: string }) => c.id === ownCorrection.json().id);
      assert.equal(inbox.canDecide, false, 'the list never offers a decision the API refuses');
      const mineInInbox = (await head.get('/api/attendance/corrections?box=inbox')).json().items.some((c: { id: string }) => c.id === ownCorrection.json().id);
      assert.equal(mineInInbox, false, 'his own request is not awaiting his approval');
      // The staff member cannot decide a colleague's request either (no role).
      assert.equal((await staff.send('POST', `/api/attendance/corrections/${ownCorrection.json().id}/approve`, {})).statusCode, 403);

      // The office files a permission for her; she still cannot approve it herself, her head of unit can.
      const forHer = await chief.send('POST', '/api/attendance/requests/permissions', {
        personId: canbo,
        type: 'EARLY_LEAVE_PERMISSION',
        date: d.date,
        from: hhmm(d.afternoon.end - 30),
        to: hhmm(d.afternoon.end),
        reason: 'Văn phòng lập hộ: đi nhận hồ sơ tại Sở',
      });
      assert.equal(forHer.statusCode, 201, forHer.body);
      assert.equal(forHer.json().person_id, canbo);
      assert.equal((await staff.send('POST', `/api/attendance/requests/${forHer.json().id}/approve`, {})).statusCode, 403);
      // A staff member cannot file for a colleague.
      const forOther = await staff.send('POST', '/api/attendance/requests/permissions', { ...{ personId: t.demo.persons.TT004, type: 'EARLY_LEAVE_PERMISSION', date: d.date, from: hhmm(d.afternoon.end - 30), to: hhmm(d.afternoon.end), reason: 'Lập hộ' } });
      assert.equal(forOther.statusCode, 403);
      assert.equal((await head.send('POST', `/api/attendance/requests/${forHer.json().id}/approve`, { note: 'Đồng ý' })).statusCode, 200);
    });

    it('bad input: clear 4xx with a code and both messages, nothing written', async () => {
      const d = days[3] as (typeof days)[number];
      const today = localDateOf(t.ctx.now());
      const before = await counts();
      const cases: Array<[string, string, unknown, number, string]> = [
        ['to before from', '/api/attendance/requests/permissions', { type: 'LATE_ARRIVAL_PERMISSION', date: d.date, from: hhmm(d.morning.start + 60), to: hhmm(d.morning.start), reason: 'Lý do hợp lệ' }, 400, 'PERMISSION_WINDOW_INVALID'],
        ['outside the sessions', '/api/attendance/requests/permissions', { type: 'LATE_ARRIVAL_PERMISSION', date: d.date, from: '03:00', to: '04:00', reason: 'Lý do hợp lệ' }, 422, 'PERMISSION_OUTSIDE_SESSION'],
        ['far in the future', '/api/attendance/requests/permissions', { type: 'LATE_ARRIVAL_PERMISSION', date: addDays(today, 400), from: '07:30', to: '08:30', reason: 'Lý do hợp lệ' }, 400, 'REQUEST_TOO_FAR_AHEAD'],
        ['too long after the fact', '/api/attendance/requests/permissions', { type: 'LATE_ARRIVAL_PERMISSION', date: addDays(today, -90), from: '07:30', to: '08:30', reason: 'Lý do hợp lệ' }, 400, 'REQUEST_TOO_LATE'],
        ['a permission through the leave form', '/api/attendance/requests', { type: 'LATE_ARRIVAL_PERMISSION', startDate: d.date, endDate: d.date, reason: 'Lý do hợp lệ' }, 400, 'PERMISSION_NEEDS_WINDOW'],
        ['unknown punch', '/api/attendance/corrections', { kind: 'VOID_PUNCH', punchId: randomUUID(), reason: 'Không phải của tôi' }, 400, 'CORRECTION_PUNCH_UNKNOWN'],
        ['a punch in the future', '/api/attendance/corrections', { kind: 'ADD_PUNCH', date: addDays(today, 3), time: '07:30', direction: 'IN', reason: 'Camera không nhận diện' }, 400, 'REQUEST_IN_FUTURE'],
      ];
      for (const [what, url, body, status, code] of cases) {
        const res = await staff.send('POST', url, body);
        assert.equal(res.statusCode, status, `${what}: ${res.body}`);
        const err = res.json();
        assert.equal(err.code, code, what);
        assert.ok(err.message_vi.length > 5 && err.message_en.length > 5, what);
      }
      // A colleague's punch is not hers to void.
      const other = await ingestPunch(t.ctx.db, { source: 'test-gate', sourceEventId: randomUUID(), personId: t.demo.persons.TT004 as string, at: localToInstant(d.date, d.morning.start), direction: 'IN' }, { now: t.ctx.now() });
      const foreign = await staff.send('POST', '/api/attendance/corrections', { kind: 'VOID_PUNCH', punchId: other.punchId, reason: 'Không phải của tôi' });
      assert.equal(foreign.json().code, 'CORRECTION_PUNCH_UNKNOWN');
      // The same window twice: the second overlaps the first.
      const first = await staff.send('POST', '/api/attendance/requests/permissions', { type: 'EARLY_LEAVE_PERMISSION', date: d.date, from: hhmm(d.morning.end - 30), to: hhmm(d.morning.end), reason: 'Đi khám răng' });
      assert.equal(first.statusCode, 201, first.body);
      const again = await staff.send('POST', '/api/attendance/requests/permissions', { type: 'EARLY_LEAVE_PERMISSION', date: d.date, from: hhmm(d.morning.end - 45), to: hhmm(d.morning.end - 10), reason: 'Đi khám răng' });
      assert.equal(again.statusCode, 409, again.body);
      assert.equal(again.json().code, 'REQUEST_OVERLAPS');
      const afterCounts = await counts();
      assert.equal(afterCounts.c, before.c, 'no correction written');
      assert.equal(afterCounts.j, (before.j ?? 0) + 1, 'only the one valid permission written');
    });
  });
}
