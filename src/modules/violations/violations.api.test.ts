import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import { localDateOf } from '../../platform/time';
import { ATTENDANCE_DAY_UPDATED, type AttendanceDayUpdated } from '../attendance/attendance.events';
import { vn } from './test/fixtures';

/** A multipart form with text fields and files, as the browser's FormData sends it. */
function form(fields: Record<string, string>, files: Array<{ name: string; type: string; data: Buffer }>) {
  const boundary = `----kc${randomUUID()}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files)
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.data, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

function lateToday(personId: string, unitId: string): AttendanceDayUpdated {
  const date = localDateOf(new Date());
  return {
    personId,
    unitId,
    date,
    revision: 1,
    computedAt: new Date().toISOString(),
    dayStatus: 'LATE',
    sessions: [
      {
        session: 'MORNING',
        status: 'LATE',
        scheduledStart: vn(date, '07:30'),
        scheduledEnd: vn(date, '11:30'),
        checkIn: vn(date, '07:52'),
        checkOut: vn(date, '11:31'),
        checkInPunchId: randomUUID(),
        checkOutPunchId: randomUUID(),
        lateMinutes: 22,
        earlyLeaveMinutes: 0,
        justificationId: null,
      },
    ],
  };
}

for (const kind of dbKinds()) {
  describe(`violations HTTP API [${kind}]`, () => {
    let t: TestApp;
    let staff: Session;
    let chairman: Session;
    let head: Session;
    let otherCommune: Session;
    let id: string;
    before(async () => {
      // Counts violations and notices from zero: the demo agency without its replayed history.
      t = await startTestApp(kind, { env: { KC_DEMO_HISTORY: 'off' } });
      staff = await loginAs(t.app, 'canbo');
      chairman = await loginAs(t.app, 'chutich');
      head = await loginAs(t.app, 'truongphong');
      otherCommune = await loginAs(t.app, 'chutichtp');
      await t.ctx.bus.publish(ATTENDANCE_DAY_UPDATED, lateToday(t.demo.persons.TT005 as string, t.demo.units['TT-PKT'] as string));
      await t.settle();
    });
    after(async () => t.close());

    it('shows the staff member their own violation with the explanation action and the requested clip', async () => {
      const list = (await staff.get('/api/violations')).json();
      assert.equal(list.total, 1);
      id = list.items[0].id;
      assert.equal(list.items[0].kind, 'LATE');
      assert.equal(list.items[0].state, 'EXPLANATION_REQUESTED');
      const detail = (await staff.get(`/api/violations/${id}`)).json();
      assert.deepEqual(detail.allowedActions, ['explain']);
      // The deadline is a day (end of a working day of her unit), never earlier than the day after today.
      assert.match(detail.case.explanationDueOn, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(detail.case.explanationDueOn > localDateOf(new Date()));
      assert.equal(detail.judgement.proposedActionLabel.vi, 'Nhắc nhở');
      assert.deepEqual(detail.evidence.map((e: { kind: string; status: string }) => `${e.kind}:${e.status}`).sort(), ['CLIP:REQUESTED', 'SNAPSHOT:REQUESTED']);
      assert.equal(detail.discipline, null, 'the regime panel is for leaders');
      const inbox = (await staff.get('/api/notifications')).json();
      assert.equal(inbox.unread, 1);
      assert.match(inbox.items[0].title, /^Đi muộn ngày \d{2}\/\d{2}\/\d{4}$/);
    });

    it('refuses bad input and people outside the case, changing nothing', async () => {
      const tooShort = form({ body: 'ngắn' }, []);
      const r1 = await t.app.inject({ method: 'POST', url: `/api/violations/${id}/explanations`, headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf, 'content-type': tooShort.contentType }, payload: tooShort.payload });
      assert.equal(r1.statusCode, 400);
      assert.equal(r1.json().code, 'EXPLANATION_TOO_SHORT');
      const exe = form({ body: 'Tôi bị hỏng xe trên đường đi làm.' }, [{ name: 'virus.exe', type: 'application/x-msdownload', data: Buffer.from('MZ') }]);
      const r2 = await t.app.inject({ method: 'POST', url: `/api/violations/${id}/explanations`, headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf, 'content-type': exe.contentType }, payload: exe.payload });
      assert.equal(r2.statusCode, 400);
      assert.equal(r2.json().code, 'FILE_TYPE_NOT_ALLOWED');
      const byLeader = form({ body: 'Giải trình thay cho người khác.' }, []);
      const r3 = await t.app.inject({ method: 'POST', url: `/api/violations/${id}/explanations`, headers: { cookie: chairman.cookie, 'x-csrf-token': chairman.csrf, 'content-type': byLeader.contentType }, payload: byLeader.payload });
      assert.equal(r3.statusCode, 403);
      assert.equal((await otherCommune.get(`/api/violations/${id}`)).statusCode, 403);
      assert.equal((await head.send('POST', `/api/violations/${id}/decision`, { decision: 'REMINDED', reason: 'Nhắc nhở' })).statusCode, 403);
      const early = await chairman.send('POST', `/api/violations/${id}/decision`, { decision: 'REMINDED', reason: 'Nhắc nhở lần đầu' });
      assert.equal(early.statusCode, 409);
      assert.equal(early.json().code, 'EXPLANATION_PENDING');
      const unknown = await chairman.send('POST', `/api/violations/${id}/decision`, { decision: 'REMINDED', reason: 'Nhắc nhở', form: 'KHIEN_TRACH' });
      assert.equal(unknown.statusCode, 400);
      const detail = (await staff.get(`/api/violations/${id}`)).json();
      assert.equal(detail.case.state, 'EXPLANATION_REQUESTED');
      assert.equal(detail.explanations.length, 0);
    });

    it('lets the staff member explain with a PDF, and the chairman read it and decide with a reason', async () => {
      const pdf = Buffer.from('%PDF-1.4\n% giấy xác nhận sửa xe\n');
      const f = form({ body: 'Sáng nay xe máy của tôi bị thủng lốp trên đường đi làm, có giấy xác nhận của tiệm sửa xe kèm theo.' }, [{ name: 'giay-xac-nhan.pdf', type: 'application/pdf', data: pdf }]);
      const res = await t.app.inject({ method: 'POST', url: `/api/violations/${id}/explanations`, headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf, 'content-type': f.contentType }, payload: f.payload });
      assert.equal(res.statusCode, 201, res.body);

      const seen = (await chairman.get(`/api/violations/${id}`)).json();
      assert.equal(seen.case.state, 'EXPLAINED');
      assert.ok(seen.allowedActions.includes('decide'));
      assert.equal(seen.discipline.regime.code, 'ND172_2025');
      const file = seen.explanations[0].files[0];
      assert.equal(file.fileName, 'giay-xac-nhan.pdf');
      const dl = await chairman.get(`/api/violations/${id}/explanation-files/${file.id}`);
      assert.equal(dl.statusCode, 200);
      assert.deepEqual(dl.rawPayload, pdf);
      const leaderInbox = (await chairman.get('/api/notifications')).json();
      assert.ok(leaderInbox.items.some((n: { kind: string }) => n.kind === 'explanation_submitted'));

      const decided = await chairman.send('POST', `/api/violations/${id}/decision`, { decision: 'DISMISSED', reason: 'Lý do khách quan, có xác nhận' });
      assert.equal(decided.statusCode, 200, decided.body);
      assert.equal(decided.json().state, 'CLOSED');
      const audit = await t.ctx.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 OR details->>'violationId' = $1 ORDER BY seq`, [id]);
      assert.ok(audit.some((a) => a.action === 'workflow.explain'));
      assert.ok(audit.some((a) => a.action === 'workflow.decide'));
      assert.ok(audit.some((a) => a.action === 'violations.attachment_view'));
      const dash = (await chairman.get('/api/violations/dashboard')).json();
      assert.equal(dash.today.byUnit[0].count, 1);
      assert.equal(dash.today.byUnit[0].people[0].violationId, id);
    });

    it('shows a fact awaiting justification without actions, refuses a decision (409), and shows its kind history', async () => {
      const personId = t.demo.persons.TT005 as string;
      const unitId = t.demo.units['TT-PKT'] as string;
      const base = lateToday(personId, unitId);
      const date = '2026-06-01';
      const sessions = (pending: boolean) =>
        base.sessions.map((s) => ({
          ...s,
          scheduledStart: vn(date, '07:30'),
          scheduledEnd: vn(date, '11:30'),
          checkIn: vn(date, '07:52'),
          checkOut: vn(date, '11:31'),
          arrivalPermission: pending ? { requestId: randomUUID(), status: 'PENDING' as const } : null,
        }));
      await t.ctx.bus.publish(ATTENDANCE_DAY_UPDATED, { ...base, date, sessions: sessions(true) });
      await t.settle();
      const [row] = await t.ctx.db.query<{ id: string }>('SELECT id FROM violations WHERE person_id = $1 AND occurred_on = $2', [personId, date]);
      assert.ok(row);
      const awaiting = (await chairman.get(`/api/violations/${row.id}`)).json();
      assert.equal(awaiting.kind, 'AWAITING_JUSTIFICATION');
      assert.equal(awaiting.kindLabel.vi, 'Chờ hợp thức hóa');
      assert.equal(awaiting.judgement.judged, false);
      assert.deepEqual(awaiting.allowedActions, []);
      const refused = await chairman.send('POST', `/api/violations/${row.id}/decision`, { decision: 'REMINDED', reason: 'Nhắc nhở' });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().code, 'AWAITING_JUSTIFICATION');

      // The permission request is withdrawn: the same violation becomes a late arrival, judged now, with its history.
      await t.ctx.bus.publish(ATTENDANCE_DAY_UPDATED, { ...base, date, revision: 2, sessions: sessions(false) });
      await t.settle();
      const late = (await staff.get(`/api/violations/${row.id}`)).json();
      assert.equal(late.kind, 'LATE');
      assert.equal(late.judgement.judged, true);
      assert.deepEqual(late.judgement.countedFrom, [], 'the June late arrival is the first upheld one of its month');
      assert.match(late.judgement.rulesBasis.vi, /^theo /);
      assert.deepEqual(late.kindChanges.map((k: { from: string; to: string; cause: string; notified: boolean }) => [k.from, k.to, k.cause, k.notified]), [
        ['AWAITING_JUSTIFICATION', 'LATE', 'REQUEST_NOT_APPROVED', true],
      ]);
      assert.equal(late.kindChanges[0].causeLabel.vi, 'Đơn không được phê duyệt hoặc đã rút lại');
      assert.deepEqual(late.allowedActions, ['explain']);
    });
  });
}
