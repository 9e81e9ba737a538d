import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { forEachDb } from '../../../test/helpers/db';
import type { Db } from '../../platform/ports/db';
import { addCalendarDay, addWorkingDays, createSchedule, deadlineAfter, seedOfficial2026, unitAncestry } from '.';

/**
 * The calendar module's public deadline arithmetic on a real database: a province schedule (Monday–Friday), the
 * official 2026 calendar, and a commune with one local holiday of its own.
 */
forEachDb('calendar: deadlines in working days', (getDb) => {
  let db: Db;
  const province = randomUUID();
  const commune = randomUUID();
  const division = randomUUID();
  const neighbour = randomUUID();
  before(async () => {
    db = await getDb();
    const unit = (id: string, code: string, name: string, parent: string | null) =>
      db.query(`INSERT INTO org_units (id, code, name, unit_type, admin_level, parent_id, valid_from) VALUES ($1, $2, $3, 'UBND_XA', 'XA', $4, '2025-07-01')`, [
        id,
        `${code}-${id.slice(0, 6)}`,
        name,
        parent,
      ]);
    await unit(province, 'T', 'UBND tỉnh', null);
    await unit(commune, 'X', 'UBND xã A', province);
    await unit(division, 'P', 'Phòng Kinh tế xã A', commune);
    await unit(neighbour, 'Y', 'UBND xã B', province);
    await createSchedule(db, null, {
      unitId: province,
      name: 'Giờ làm việc hành chính',
      validFrom: '2025-01-01',
      weekdays: [1, 2, 3, 4, 5],
      periods: [{ startsOn: '01-01', morning: { start: '07:30', end: '11:30' }, afternoon: { start: '13:30', end: '17:00' } }],
    });
    // The official 2025–2027 schedules ship with the migrations (audit D1): seeding again adds nothing.
    assert.equal(await seedOfficial2026(db), 0);
    await addCalendarDay(db, null, { date: '2026-03-10', kind: 'HOLIDAY', name: 'Lễ hội truyền thống của xã', unitId: commune, legalBasis: 'Quyết định của UBND xã (thử)' });
  });

  it('walks the unit chain from a division up to the province', async () => {
    assert.deepEqual(await unitAncestry(db, division), [division, commune, province]);
    assert.deepEqual(await unitAncestry(db, null), []);
  });

  it('skips the nine days of Tết 2026 and 30/4–1/5, counts the làm bù Saturday', async () => {
    assert.equal(await addWorkingDays(db, division, '2026-02-12', 3), '2026-02-24');
    assert.equal(await addWorkingDays(db, division, '2026-04-29', 3), '2026-05-06');
    assert.equal(await addWorkingDays(db, division, '2026-01-08', 3), '2026-01-12');
    assert.equal(await addWorkingDays(db, division, '2026-08-27', 2), '2026-09-03');
    // 20 working days from Friday 06/02/2026: Tết and the commune's own holiday on 10/03 are both skipped.
    assert.equal(await addWorkingDays(db, division, '2026-02-06', 20), '2026-03-16');
    assert.equal(await addWorkingDays(db, neighbour, '2026-02-06', 20), '2026-03-13');
  });

  it('applies the commune holiday to its division but not to the neighbouring commune', async () => {
    assert.equal(await addWorkingDays(db, division, '2026-03-09', 1), '2026-03-11');
    assert.equal(await addWorkingDays(db, neighbour, '2026-03-09', 1), '2026-03-10');
  });

  it('keeps calendar-day deadlines in calendar days', async () => {
    assert.equal(await deadlineAfter(db, division, '2026-02-12', { days: 3, kind: 'CALENDAR' }), '2026-02-15');
    assert.equal(await deadlineAfter(db, division, '2026-02-12', { days: 3, kind: 'WORKING' }), '2026-02-24');
  });
});
