import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OFFICIAL_2026, proposeHolidays } from './holidays';
import { addDays, isoWeekday, localDateOf, localMinuteOf, localToInstant, monthBounds, toLocalIso } from './local-time';
import { hungKingsDate, lunarToSolar, solarToLunar, tetDate } from './lunar';
import { pickPeriod } from './schedule';

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

describe('time zone and seasons', () => {
  it('local dates never depend on the machine time zone', () => {
    assert.equal(localDateOf(new Date('2026-03-09T23:50:00Z')), '2026-03-10');
    assert.equal(localMinuteOf(new Date('2026-03-09T23:50:00Z')), 6 * 60 + 50);
    assert.equal(localToInstant('2026-03-10', 7 * 60 + 30).toISOString(), '2026-03-10T00:30:00.000Z');
    assert.equal(toLocalIso(new Date('2026-03-10T00:30:00Z')), '2026-03-10T07:30:00+07:00');
    assert.deepEqual(monthBounds('2026-02'), { from: '2026-02-01', to: '2026-02-28' });
  });
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
