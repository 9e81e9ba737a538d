import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { forEachDb } from '../../../test/helpers/db';
import type { Db } from '../../platform/ports/db';
import { localToInstant } from '../../platform/time';
import { addRole, createUser } from '../auth';
import { loadCalendarDays } from './calendar.repo';
import { addCalendarDay, confirmCalendarDay } from './calendar.service';
import { SHIPPED_SCHEDULES } from './domain/official-schedules';
import { remindUnconfirmedSchedule, SCHEDULE_REMINDER_TEMPLATE } from './schedule-reminder';
import { addWorkingDays } from './working-days';

/**
 * Holidays on every database (audit D1): the shipped schedules are in after the migrations alone, the Điều 112 days
 * of any year appear without a row, a stored row wins, a guess is confirmed only with its notice, and the calendar
 * admins are reminded from 1 November, once per year.
 */
const actor = { id: null, name: 'Kiểm thử' };
const at = (date: string, hhmm = '08:00') => localToInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)));

forEachDb('calendar: holidays shipped and by law', (getDb) => {
  let db: Db;
  before(async () => {
    db = await getDb();
  });

  it('the migrations alone write the official 2025, 2026 and 2027 schedules, as in official-schedules.ts', async () => {
    const rows = await db.query<{ date: string; kind: string; name: string; legal_basis: string | null; status: string; note: string | null }>(
      "SELECT date, kind, name, legal_basis, status, note FROM calendar_days WHERE unit_id IS NULL AND date BETWEEN '2025-01-01' AND '2027-12-31' ORDER BY date",
    );
    assert.deepEqual(
      rows.map((r) => ({ ...r, date: String(r.date) })),
      SHIPPED_SCHEDULES.map((d) => ({ date: d.date, kind: d.kind, name: d.name, legal_basis: d.legalBasis, status: d.status, note: d.note ?? null })),
    );
  });

  it('a year nobody entered has the Điều 112 days and their nghỉ bù; a stored row of the same date wins', async () => {
    let days = await loadCalendarDays(db, '2031-01-01', '2031-12-31');
    const rule = days.find((d) => d.date === '2031-04-30');
    assert.equal(rule?.source, 'RULE');
    assert.equal(rule?.id, null);
    assert.equal(rule?.status, 'CONFIRMED');
    await addCalendarDay(db, actor, { date: '2031-04-30', kind: 'HOLIDAY', name: 'Ngày Chiến thắng (thông báo thử)', unitId: null, legalBasis: 'Thông báo 1/TB-BNV (thử)' });
    days = await loadCalendarDays(db, '2031-01-01', '2031-12-31');
    const on = days.filter((d) => d.date === '2031-04-30');
    assert.equal(on.length, 1);
    assert.equal(on[0]?.source, 'STORED');
    assert.equal(on[0]?.name, 'Ngày Chiến thắng (thông báo thử)');
    assert.ok(days.some((d) => d.date === '2031-09-02' && d.source === 'RULE'));
  });

  it('a PROPOSED day counts as a day off for working-day deadlines (Tết 2027 as shipped)', async () => {
    // Thu 4/2/2027 + 1 working day: Fri 5/2 … Thu 11/2 are proposed days off (Tết + nghỉ bù) → Fri 12/2.
    assert.equal(await addWorkingDays(db, null, '2027-02-04', 1), '2027-02-12');
    // Thu 29/4/2027 + 1: 30/4 (Fri), 1/5 (Sat), nghỉ bù 3/5 (Mon) → Tue 4/5.
    assert.equal(await addWorkingDays(db, null, '2027-04-29', 1), '2027-05-04');
  });

  it('a proposed day is confirmed only with the notice, once; the entered notice replaces a guess of the same date', async () => {
    const [tet] = await db.query<{ id: string }>("SELECT id FROM calendar_days WHERE date = '2027-02-06' AND unit_id IS NULL");
    assert.ok(tet);
    await assert.rejects(confirmCalendarDay(db, actor, tet.id, ' '), (e: { code?: string }) => e.code === 'CALENDAR_LEGAL_BASIS_REQUIRED');
    const confirmed = await confirmCalendarDay(db, actor, tet.id, 'Thông báo 9999/TB-BNV ngày 20/10/2026 (thử)');
    assert.equal(confirmed.status, 'CONFIRMED');
    assert.equal(confirmed.name, 'Tết Nguyên đán Đinh Mùi (mùng 1)');
    await assert.rejects(confirmCalendarDay(db, actor, tet.id, 'Thông báo khác'), (e: { code?: string }) => e.code === 'CALENDAR_DAY_ALREADY_CONFIRMED');

    await addCalendarDay(db, actor, { date: '2027-09-03', kind: 'HOLIDAY', name: 'Quốc khánh (ngày liền kề)', unitId: null, legalBasis: 'Thông báo 9999/TB-BNV ngày 20/10/2026 (thử)' });
    const after = (await loadCalendarDays(db, '2027-09-03', '2027-09-03')).filter((d) => d.unitId === null);
    assert.equal(after.length, 1);
    assert.equal(after[0]?.status, 'CONFIRMED');
    assert.equal(after[0]?.legalBasis, 'Thông báo 9999/TB-BNV ngày 20/10/2026 (thử)');
    // A confirmed day is not silently replaced.
    await assert.rejects(
      addCalendarDay(db, actor, { date: '2027-09-03', kind: 'HOLIDAY', name: 'Khác', unitId: null, legalBasis: 'Khác' }),
      (e: { code?: string }) => e.code === 'CALENDAR_DAY_EXISTS',
    );
  });

  it('from 1 November the calendar admins are told once that next year is not confirmed; not before, not for a confirmed year', async () => {
    const unitId = randomUUID();
    await db.query(
      `INSERT INTO org_units (id, code, name, unit_type, admin_level, valid_from) VALUES ($1, $2, 'UBND xã Thử lịch', 'UBND_XA', 'XA', '2025-07-01')`,
      [unitId, `L${unitId.slice(0, 8)}`],
    );
    const manager = await createUser(db, { username: `lich${unitId.slice(0, 6)}`, displayName: 'Chánh Văn phòng thử', password: 'Mat-khau-thu-2026!', roles: [] }, actor);
    await addRole(db, manager, { role: 'office_chief', unitId, validFrom: '2025-07-01' }, actor);
    const staffUser = await createUser(db, { username: `cb${unitId.slice(0, 6)}`, displayName: 'Cán bộ thử', password: 'Mat-khau-thu-2026!', roles: [] }, actor);
    await addRole(db, staffUser, { role: 'staff', unitId, validFrom: '2025-07-01' }, actor);
    const notices = async (userId: string) =>
      db.query<{ title: string; entity_id: string }>('SELECT title, entity_id FROM notifications WHERE user_id = $1 AND kind = $2', [userId, SCHEDULE_REMINDER_TEMPLATE]);

    // 2026 is confirmed (official rows): nothing in November 2025.
    assert.equal((await remindUnconfirmedSchedule(db, at('2025-11-03'))).inApp, 0);
    // 31 October 2026, late evening (UTC+7): not yet.
    assert.equal((await remindUnconfirmedSchedule(db, at('2026-10-31', '23:59'))).inApp, 0);
    assert.equal((await notices(manager)).length, 0);
    // 1 November 2026: 2027 still has proposed days → one notice to the holder of calendar.manage, none to staff.
    const first = await remindUnconfirmedSchedule(db, at('2026-11-01', '00:30'));
    assert.equal(first.year, 2027);
    assert.equal(first.inApp, 1);
    const got = await notices(manager);
    assert.equal(got.length, 1);
    assert.match(got[0]?.title ?? '', /2027/);
    assert.equal(got[0]?.entity_id, '2027');
    assert.equal((await notices(staffUser)).length, 0);
    // The hourly job runs again the next days: no second notice for the same year.
    assert.equal((await remindUnconfirmedSchedule(db, at('2026-11-02'))).inApp, 0);
    assert.equal((await remindUnconfirmedSchedule(db, at('2026-12-31', '23:00'))).inApp, 0);
    assert.equal((await notices(manager)).length, 1);
    // January: no reminder season.
    assert.equal((await remindUnconfirmedSchedule(db, at('2027-01-05'))).year, null);
  });
});
