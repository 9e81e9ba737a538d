import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, isoWeekday } from '../../../platform/time';
import { OFFICIAL_2026, proposeHolidays } from './holidays';
import { hungKingsDate, lunarToSolar, solarToLunar, tetDate } from './lunar';
import { type CalendarData, pickPeriod, type WorkSchedule } from './schedule';
import { isWorkingDay, nthWorkingDayAfter } from './working-days';

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it('reproduces the official Tết and Giỗ Tổ dates (domain.md §2.3)', () => {
    const expected: Record<number, [string, string]> = {
      2024: ['2024-02-10', '2024-04-18'],
      2025: ['2025-01-29', '2025-04-07'],
      2026: ['2026-02-17', '2026-04-26'],
      2027: ['2027-02-06', '2027-04-16'],
      2028: ['2028-01-26', '2028-04-04'],
      2029: ['2029-02-13', '2029-04-23'],
      2030: ['2030-02-02', '2030-04-12'],
    };
    for (const [y, [tet, hung]] of Object.entries(expected)) {
      assert.equal(tetDate(Number(y)), tet, `Tết ${y}`);
      assert.equal(hungKingsDate(Number(y)), hung, `Giỗ Tổ ${y}`);
    }
  });
  it('Tết 2030 is 2 February in Việt Nam (3 February at UTC+8)', () => {
    assert.equal(tetDate(2030), '2030-02-02');
    assert.equal(lunarToSolar({ day: 1, month: 1, year: 2030, leap: false }, 8), '2030-02-03');
  });
  it('converts both ways', () => {
    assert.deepEqual(solarToLunar('2026-02-16'), { day: 29, month: 12, year: 2025, leap: false });
    for (let d = '2025-01-01'; d <= '2026-12-31'; d = addDays(d, 17)) assert.equal(lunarToSolar(solarToLunar(d)), d);
  });
});

describe('holidays as data', () => {
  it('the seeded 2026 calendar has the make-up Saturdays and the nghỉ bù of Giỗ Tổ', () => {
    const by = new Map(OFFICIAL_2026.map((d) => [d.date, d.kind]));
    assert.equal(by.get('2026-01-10'), 'MAKEUP_WORKDAY');
    assert.equal(by.get('2026-08-22'), 'MAKEUP_WORKDAY');
    assert.equal(by.get('2026-04-27'), 'COMPENSATORY');
    assert.equal(isoWeekday('2026-01-10'), 6);
    assert.ok(OFFICIAL_2026.every((d) => d.legalBasis));
  });
  it('proposes 2027 with Tết on Saturday and nghỉ bù after weekend holidays', () => {
    const p = proposeHolidays(2027);
    const dates = p.map((x) => x.date);
    assert.ok(dates.includes('2027-02-06') && dates.includes('2027-04-16'));
    // 1/5/2027 is a Saturday → a compensatory day on the next working day not already off (Mon 3/5).
    assert.ok(p.some((x) => x.kind === 'COMPENSATORY' && x.date === '2027-05-03'));
    assert.ok(p.every((x) => x.kind !== 'COMPENSATORY' || isoWeekday(x.date) <= 5));
  });
});

describe('seasons', () => {
  it('picks the seasonal period, wrapping over the year end', () => {
    const periods = [
      { startsOn: '04-16', morning: null, afternoon: null },
      { startsOn: '10-16', morning: null, afternoon: null },
    ];
    assert.equal(pickPeriod(periods, '2026-01-05')?.startsOn, '10-16');
    assert.equal(pickPeriod(periods, '2026-04-15')?.startsOn, '10-16');
    assert.equal(pickPeriod(periods, '2026-04-16')?.startsOn, '04-16');
    assert.equal(pickPeriod(periods, '2026-12-31')?.startsOn, '10-16');
  });
});

describe('deadlines in working days (ngày làm việc)', () => {
  const schedule: WorkSchedule = {
    id: 's',
    unitId: 'province',
    name: 'Giờ làm việc',
    validFrom: '2024-04-16',
    validTo: null,
    weekdays: [1, 2, 3, 4, 5],
    periods: [{ startsOn: '01-01', morning: { start: '07:30', end: '12:00' }, afternoon: { start: '13:30', end: '17:00' } }],
    docNumber: null,
    docDate: null,
  };
  const data: Pick<CalendarData, 'schedules' | 'days'> = { schedules: [schedule], days: [...OFFICIAL_2026] };
  const commune = ['commune', 'province'];
  const after = (from: string, n: number) => nthWorkingDayAfter(data, commune, from, n, '2026-12-31');

  it('skips Tết Bính Ngọ: 3 working days after Thu 12/02/2026 is Tue 24/02/2026', () => {
    assert.equal(after('2026-02-12', 3), '2026-02-24');
    assert.equal(after('2026-02-13', 1), '2026-02-23');
  });
  it('skips 30/4–1/5 and Quốc khánh 2026 (with the swapped Monday 31/8)', () => {
    assert.equal(after('2026-04-29', 3), '2026-05-06');
    assert.equal(after('2026-08-27', 2), '2026-09-03');
    // Giỗ Tổ on Sunday 26/4 gives a nghỉ bù on Monday 27/4.
    assert.equal(after('2026-04-24', 1), '2026-04-28');
  });
  it('counts the làm bù Saturdays 10/01/2026 and 22/08/2026, and skips the swapped Friday 02/01/2026', () => {
    assert.equal(isWorkingDay(data, commune, '2026-01-10'), true);
    assert.equal(isWorkingDay(data, commune, '2026-01-02'), false);
    assert.equal(after('2026-01-08', 3), '2026-01-12');
    assert.equal(after('2026-08-20', 2), '2026-08-22');
    assert.equal(after('2025-12-31', 1), '2026-01-05');
  });
  it('applies a unit holiday only to that unit subtree, and says when the horizon is too short', () => {
    const local = { ...data, days: [...data.days, { date: '2026-03-10', kind: 'HOLIDAY' as const, name: 'Lễ hội địa phương', unitId: 'commune', legalBasis: 'QĐ UBND xã' }] };
    assert.equal(nthWorkingDayAfter(local, commune, '2026-03-09', 1, '2026-12-31'), '2026-03-11');
    assert.equal(nthWorkingDayAfter(local, ['other', 'province'], '2026-03-09', 1, '2026-12-31'), '2026-03-10');
    assert.equal(nthWorkingDayAfter(data, commune, '2026-02-12', 3, '2026-02-20'), null);
  });
  it('falls back to Monday–Friday when a unit has no schedule', () => {
    assert.equal(nthWorkingDayAfter({ schedules: [], days: [] }, ['x'], '2026-11-20', 3, '2026-12-31'), '2026-11-25');
  });
});
