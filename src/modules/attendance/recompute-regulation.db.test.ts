import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { MemoryBus } from '../../../test/helpers/adapters';
import { forEachDb } from '../../../test/helpers/db';
import type { Db } from '../../platform/ports/db';
import { localToInstant } from '../../platform/time';
import { addCalendarDay, createSchedule } from '../calendar';
import { ATTENDANCE_DAY_UPDATED, type AttendanceDayParsed, attendanceDayUpdatedSchema } from './attendance.events';
import { DEFAULT_RULES } from './domain/types';
import { decideJustification, requestJustification } from './justifications.service';
import { ingestPunch } from './punches.service';
import { type AttendanceDeps, recomputeRange } from './recompute.service';
import { upsertRules } from './rules.repo';
import { personMonth } from './timesheet.service';

/**
 * Through the set-based recompute and the outbox (issue 13, C3): every published day says which work regulation's
 * thresholds were used and why a day is off; the unit's own grace is the one applied (D14); a pending leave makes the
 * day "chờ hợp thức hóa" and a rejection turns it into an absence aged in working days (D3, D8).
 */
const SYSTEM = { id: '00000000-0000-4000-8000-00000000ffff', name: 'test', personId: null };
const BASIS = 'Quy chế làm việc của UBND xã, ban hành kèm Quyết định 12/QĐ-UBND ngày 02/01/2026';

async function world(db: Db) {
  const unit = randomUUID();
  const other = randomUUID();
  for (const [id, code] of [
    [unit, 'REG-U'],
    [other, 'REG-O'],
  ] as const)
    await db.query(`INSERT INTO org_units (id, code, name, unit_type, admin_level, valid_from) VALUES ($1, $2, $2, 'KHAC', 'KHAC', '2020-01-01')`, [id, code]);
  const person = async (u: string, code: string) => {
    const id = randomUUID();
    await db.query(`INSERT INTO persons (id, employee_code, full_name, category, unit_id, search_text) VALUES ($1, $2, $2, 'CONG_CHUC', $3, $2)`, [id, code, u]);
    await db.query(`INSERT INTO person_unit_history (id, person_id, unit_id, valid_from) VALUES ($1, $2, $3, '2020-01-01')`, [randomUUID(), id, u]);
    return id;
  };
  for (const u of [unit, other])
    await createSchedule(db, null, {
      unitId: u,
      name: 'Giờ làm việc',
      validFrom: '2020-01-01',
      weekdays: [1, 2, 3, 4, 5],
      periods: [{ startsOn: '01-01', morning: { start: '07:30', end: '11:30' }, afternoon: { start: '13:30', end: '17:00' } }],
      docNumber: null,
      docDate: null,
    });
  await addCalendarDay(db, null, { date: '2026-03-30', kind: 'HOLIDAY', name: 'Ngày nghỉ của đơn vị (thử nghiệm)', unitId: unit, legalBasis: 'Thông báo 3/TB-UBND' });
  await upsertRules(db, unit, { ...DEFAULT_RULES, lateGraceMinutes: 10 }, BASIS);
  await db.query(`INSERT INTO punch_sources (id, kind, name) VALUES ('reg-cam', 'CAMERA', 'reg-cam') ON CONFLICT (id) DO NOTHING`);
  return { unit, other, a: await person(unit, 'REG-A'), b: await person(other, 'REG-B') };
}

async function punch(db: Db, personId: string, date: string, minutes: number) {
  const at = new Date(localToInstant(date).getTime() + minutes * 60_000);
  await ingestPunch(db, { source: 'reg-cam', sourceEventId: `${personId}-${at.toISOString()}`, personId, at, deviceTime: null, receivedAt: at, direction: null }, { now: at });
}

async function published(db: Db, personId: string): Promise<AttendanceDayParsed[]> {
  const rows = await db.query<{ data: unknown }>('SELECT data FROM event_outbox WHERE subject = $1 ORDER BY seq', [ATTENDANCE_DAY_UPDATED]);
  return rows.map((r) => attendanceDayUpdatedSchema.parse(r.data)).filter((e) => e.personId === personId);
}
const latest = (events: AttendanceDayParsed[], date: string) => events.filter((e) => e.date === date).sort((x, y) => y.revision - x.revision)[0];

forEachDb('attendance day event: regulation, day off, awaiting justification', (getDb) => {
  let w: Awaited<ReturnType<typeof world>>;
  let requestId: string;
  let deps: AttendanceDeps;
  before(async () => {
    const db = await getDb();
    w = await world(db);
    deps = { db, bus: new MemoryBus(), now: () => localToInstant('2026-04-02', 8 * 60) }; // Thursday 2/4/2026 08:00
    // Tue 10/3: absent, a leave request filed and pending. Wed 11/3: in at 07:38, out 17:02 (8 minutes late).
    requestId = (await requestJustification(db, SYSTEM, { personId: w.a, type: 'ANNUAL_LEAVE', startDate: '2026-03-10', startHalf: 'MORNING', endDate: '2026-03-10', endHalf: 'AFTERNOON', reason: 'Việc gia đình' }, deps.now())).id;
    for (const p of [w.a, w.b]) {
      await punch(db, p, '2026-03-11', 7 * 60 + 38);
      await punch(db, p, '2026-03-11', 17 * 60 + 2);
    }
    await recomputeRange(deps, { from: '2026-03-09', to: '2026-03-31', personIds: [w.a, w.b] });
  });

  it('every day of the unit names its own regulation; its 10-minute grace makes 07:38 on time', async () => {
    const events = await published(await getDb(), w.a);
    assert.ok(events.length >= 20);
    for (const e of events) assert.deepEqual(e.regulation, { source: 'UNIT', unitId: w.unit, legalBasis: BASIS });
    const wed = latest(events, '2026-03-11');
    assert.equal(wed?.dayStatus, 'PRESENT');
    assert.equal(wed?.sessions[0]?.lateMinutes, 0);
  });

  it('a unit without a regulation is judged by the system default, and says so (5-minute grace: 07:38 is late)', async () => {
    const events = await published(await getDb(), w.b);
    const wed = latest(events, '2026-03-11');
    assert.deepEqual(wed?.regulation, { source: 'SYSTEM_DEFAULT', unitId: null, legalBasis: null });
    assert.equal(wed?.dayStatus, 'LATE');
    assert.equal(wed?.sessions[0]?.lateMinutes, 8);
  });

  it('the event says why a day is off: the unit holiday with its legal basis, the weekend as weekly rest', async () => {
    const events = await published(await getDb(), w.a);
    assert.deepEqual(latest(events, '2026-03-30')?.dayOff, { kind: 'HOLIDAY', name: 'Ngày nghỉ của đơn vị (thử nghiệm)', legalBasis: 'Thông báo 3/TB-UBND', status: 'CONFIRMED' });
    assert.equal(latest(events, '2026-03-28')?.dayOff?.kind, 'WEEKLY_REST');
    assert.equal(latest(events, '2026-03-11')?.dayOff, null);
    // On the other unit 30/3 is an ordinary Monday.
    assert.equal(latest(await published(await getDb(), w.b), '2026-03-30')?.dayOff, null);
  });

  it('a pending leave: "chờ hợp thức hóa" with the request; a Friday absence is not yet "not reported" after the holiday', async () => {
    const events = await published(await getDb(), w.a);
    const tue = latest(events, '2026-03-10');
    assert.equal(tue?.dayStatus, 'AWAITING_JUSTIFICATION');
    assert.deepEqual(tue?.sessions.map((s) => s.absenceRequestId), [requestId, requestId]);
    // Fri 27/3: Sat, Sun, Mon 30/3 (the unit's holiday) are not working days; Tue 31 and Wed 1/4 are: 2 of 3.
    assert.equal(latest(events, '2026-03-27')?.dayStatus, 'ABSENT_NO_REASON');
    // Thu 12/3 has long passed its three working days.
    assert.equal(latest(events, '2026-03-12')?.dayStatus, 'LEAVE_NOT_REPORTED');
    // Fri 27/3 for the person of the other unit: Mon 30, Tue 31, Wed 1/4 worked there → not reported.
    assert.equal(latest(await published(await getDb(), w.b), '2026-03-27')?.dayStatus, 'LEAVE_NOT_REPORTED');
  });

  it('rejected: the same day becomes "not reported" (its working days are over), with no request named', async () => {
    const db = await getDb();
    await decideJustification(deps, { ...SYSTEM, personId: null }, requestId, 'REJECTED', 'Không đủ căn cứ');
    await recomputeRange(deps, { from: '2026-03-10', to: '2026-03-10', personIds: [w.a] });
    const tue = latest(await published(db, w.a), '2026-03-10');
    assert.equal(tue?.dayStatus, 'LEAVE_NOT_REPORTED');
    assert.ok((tue?.revision ?? 0) >= 2);
    assert.deepEqual(tue?.sessions.map((s) => s.absenceRequestId), [null, null]);
  });

  it("the person's month shows the regulation and the day off", async () => {
    const m = await personMonth(await getDb(), w.a, '2026-03');
    const holiday = m.days.find((d) => d.date === '2026-03-30');
    assert.equal(holiday?.dayOff?.kind, 'HOLIDAY');
    assert.equal(holiday?.regulation?.source, 'UNIT');
  });
});
