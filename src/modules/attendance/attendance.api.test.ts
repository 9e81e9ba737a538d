import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import { addDays, localDateOf } from '../../platform/time';
import { ATTENDANCE_DAY_UPDATED, type AttendanceDayUpdated, attendanceDayEventId, attendanceDayUpdatedSchema } from './attendance.events';

for (const kind of dbKinds()) {
  describe(`attendance HTTP API [${kind}]`, () => {
    let t: TestApp;
    let head: Session;
    let staff: Session;
    let chief: Session;
    let other: Session;
    const events: AttendanceDayUpdated[] = [];
    let pkt: string;
    let canbo: string;
    before(async () => {
      t = await startTestApp(kind);
      await t.bus.subscribe<AttendanceDayUpdated>(ATTENDANCE_DAY_UPDATED, `test-${randomUUID()}`, async (ev) => {
        assert.equal(ev.id, attendanceDayEventId(ev.data.personId, ev.data.date, ev.data.revision));
        events.push(attendanceDayUpdatedSchema.parse(ev.data));
      });
      [head, staff, chief, other] = (await Promise.all(['truongphong', 'canbo', 'chanhvp', 'chutichtp'].map((u) => loginAs(t.app, u)))) as [Session, Session, Session, Session];
      pkt = t.demo.units['TT-PKT'] as string;
      canbo = t.demo.persons.TT005 as string;
    });
    after(async () => t.close());

    const month = () => localDateOf(new Date()).slice(0, 7);

    it('a unit leader approves a pending leave and the day turns from awaiting justification to on leave', async () => {
      const inbox = await head.get('/api/attendance/requests?box=inbox');
      assert.equal(inbox.statusCode, 200, inbox.body);
      const pending = inbox.json().items.find((r: { personId: string; type: string }) => r.personId === canbo && r.type === 'ANNUAL_LEAVE');
      assert.ok(pending, 'the demo seeds a pending leave request for TT005');
      const date = pending.startDate as string;
      const before = await head.get(`/api/attendance/timesheet?unitId=${pkt}&month=${date.slice(0, 7)}`);
      assert.equal(before.statusCode, 200, before.body);
      const row = before.json().rows.find((r: { personId: string }) => r.personId === canbo);
      // Audit D3: this used to expect ABSENT_NO_REASON while the leave waited for the approver; a day a pending
      // request covers is "chờ hợp thức hóa" (AWAITING_JUSTIFICATION), naming the request.
      assert.equal(row.cells[date].status, 'AWAITING_JUSTIFICATION');
      assert.equal(row.cells[date].sessions[0].absenceRequestId, pending.id);

      const self = await staff.send('POST', `/api/attendance/requests/${pending.id}/approve`, {});
      assert.equal(self.statusCode, 403, 'staff cannot approve');
      const ok = await head.send('POST', `/api/attendance/requests/${pending.id}/approve`, { note: 'Đồng ý' });
      assert.equal(ok.statusCode, 200, ok.body);
      const again = await head.send('POST', `/api/attendance/requests/${pending.id}/approve`, {});
      assert.equal(again.statusCode, 409);
      const afterRes = await head.get(`/api/attendance/timesheet?unitId=${pkt}&month=${date.slice(0, 7)}`);
      const cell = afterRes.json().rows.find((r: { personId: string }) => r.personId === canbo).cells[date];
      assert.equal(cell.status, 'ON_LEAVE');
      assert.equal(cell.revision, 2);
      await t.settle();
      const ev = events.find((e) => e.personId === canbo && e.date === date);
      assert.ok(ev, 'an attendance.day_updated.v1 event was published');
      assert.equal(ev.dayStatus, 'ON_LEAVE');
      assert.equal(ev.sessions[0]?.justificationId, pending.id);
      const balance = await staff.get(`/api/attendance/leave-balance?year=${date.slice(0, 4)}`);
      assert.equal(balance.json().usedDays, 1);
    });

    it('scopes the timesheet and the person month', async () => {
      assert.equal((await other.get(`/api/attendance/timesheet?unitId=${pkt}&month=${month()}`)).statusCode, 403);
      assert.equal((await staff.get(`/api/attendance/timesheet?unitId=${pkt}&month=${month()}`)).statusCode, 403);
      const mine = await staff.get(`/api/attendance/persons/${canbo}/month?month=${month()}`);
      assert.equal(mine.statusCode, 200);
      assert.ok(Array.isArray(mine.json().punches));
      assert.equal((await staff.get(`/api/attendance/persons/${t.demo.persons.TT004}/month?month=${month()}`)).statusCode, 403);
    });

    it('exports the timesheet as XLSX (audited)', async () => {
      const res = await chief.get(`/api/attendance/timesheet.xlsx?unitId=${t.demo.units['TT-UBND']}&month=${month()}`);
      assert.equal(res.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      assert.match(String(ws?.getCell(1, 1).value), /BẢNG CHẤM CÔNG THÁNG/);
      assert.ok((ws?.rowCount ?? 0) > 5);
      const audit = await t.ctx.db.query("SELECT 1 FROM audit_log WHERE action = 'attendance.timesheet_export'");
      assert.equal(audit.length, 1);
    });

    it('bad punches from a device: clear errors, idempotent duplicates, never a double count', async () => {
      const created = await chief.send('POST', '/api/attendance/sources', { id: 'term-bad-punches', kind: 'DEVICE', name: 'Máy thử', unitId: t.demo.units['TT-UBND'] });
      assert.equal(created.statusCode, 201, created.body);
      const post = (payload: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/attendance/punches/ingest',
          headers: { authorization: `Bearer ${created.json().token}`, 'content-type': 'application/json' },
          payload,
        });
      const yesterday = addDays(localDateOf(new Date()), -1);
      const at = `${yesterday}T07:20:00+07:00`;
      const items = [
        { sourceEventId: 'bad-1', personId: randomUUID(), at },
        { sourceEventId: 'bad-2', personId: canbo, at: new Date(Date.now() + 3_600_000).toISOString() },
        { sourceEventId: 'bad-3', personId: canbo, at: '2026-13-45T99:00:00Z' },
        { source: 'gate tt', sourceEventId: 'bad-4', personId: canbo, at },
        { sourceEventId: 'ok-1', personId: canbo, at },
        { sourceEventId: 'ok-1', personId: canbo, at },
        { sourceEventId: 'ok-1', personId: canbo, at: `${yesterday}T09:00:00+07:00` },
        'not an object',
      ];
      const res = await post(JSON.stringify({ items }));
      assert.equal(res.statusCode, 200, res.body);
      const codes = res.json().results.map((r: { status: string; code?: string }) => r.code ?? r.status);
      assert.deepEqual(codes, ['PERSON_UNKNOWN', 'PUNCH_IN_FUTURE', 'PUNCH_INVALID', 'PUNCH_INVALID', 'ACCEPTED', 'DUPLICATE', 'PUNCH_EVENT_ID_REUSED', 'PUNCH_INVALID']);
      const n = await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM punches WHERE source_event_id LIKE 'ok-%' OR source_event_id LIKE 'bad-%'");
      assert.equal(n[0]?.n, 1);
      const unknownField = await post(JSON.stringify({ items: [], extra: 1 }));
      assert.equal(unknownField.statusCode, 400);
      const malformed = await post('{"items": [');
      assert.equal(malformed.statusCode, 400);
      await assert.rejects(t.ctx.db.query("UPDATE punches SET at = now() WHERE source_event_id = 'ok-1'"), /immutable/);
    });

    it('manual punches need a reason, are audited and recompute the day', async () => {
      const yesterday = addDays(localDateOf(new Date()), -1);
      const noReason = await chief.send('POST', '/api/attendance/punches/manual', { personId: t.demo.persons.TT004, at: `${yesterday}T07:25:00+07:00`, reason: '' });
      assert.equal(noReason.statusCode, 400);
      const ok = await chief.send('POST', '/api/attendance/punches/manual', { personId: t.demo.persons.TT004, at: `${yesterday}T07:25:00+07:00`, direction: 'IN', reason: 'Camera không nhận diện được do đeo khẩu trang' });
      assert.equal(ok.statusCode, 200, ok.body);
      const audit = await t.ctx.db.query("SELECT reason FROM audit_log WHERE action = 'attendance.manual_punch'");
      assert.equal(audit.length, 1);
      assert.equal((await staff.send('POST', '/api/attendance/punches/manual', { personId: canbo, at: `${yesterday}T07:25:00+07:00`, reason: 'tự chấm công' })).statusCode, 403);
    });

    it('calendar administration: proposals from the lunar calendar, holidays as data', async () => {
      const p = await chief.get('/api/calendar/proposals?year=2027');
      assert.equal(p.statusCode, 200);
      const dates = p.json().items.map((d: { date: string }) => d.date);
      assert.ok(dates.includes('2027-02-06'), 'Tết 2027');
      assert.ok(dates.includes('2027-04-16'), 'Giỗ Tổ 2027');
      const days = await chief.get('/api/calendar/days?year=2026');
      assert.ok(days.json().items.some((d: { date: string; kind: string }) => d.date === '2026-08-22' && d.kind === 'MAKEUP_WORKDAY'));
      // Audit D1: 1/1/2027 used to be typed in by the admin here; it now ships with the database (BLLĐ 2019 Điều 112).
      const shipped = await chief.send('POST', '/api/calendar/days', { date: '2027-01-01', kind: 'HOLIDAY', name: 'Tết Dương lịch', legalBasis: 'Bộ luật Lao động 2019, Điều 112' });
      assert.equal(shipped.statusCode, 409, shipped.body);
      const extra = { date: '2027-06-15', kind: 'HOLIDAY', name: 'Ngày nghỉ thử nghiệm', legalBasis: 'Thông báo thử nghiệm 1/TB' };
      const add = await chief.send('POST', '/api/calendar/days', extra);
      assert.equal(add.statusCode, 201, add.body);
      const dup = await chief.send('POST', '/api/calendar/days', extra);
      assert.equal(dup.statusCode, 409);
      assert.equal((await staff.send('POST', '/api/calendar/days', { date: '2027-01-02', kind: 'HOLIDAY', name: 'Nghỉ thử', legalBasis: 'Thông báo thử' })).statusCode, 403);
    });
  });
}
