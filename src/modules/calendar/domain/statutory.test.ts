import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoWeekday } from '../../../platform/time';
import { proposeHolidays } from './holidays';
import { solarToLunar } from './lunar';
import { OFFICIAL_2025, OFFICIAL_2026, SCHEDULE_2027 } from './official-schedules';
import { dayOffOf } from './day-off';
import { type CalendarDay, resolveDayPlan } from './schedule';
import { extraNationalDay, generatedDays, withStatutoryDays } from './statutory';
import { scheduleReadiness, yearToRemind } from './readiness';

/**
 * Holidays by law (BLLĐ 2019 Điều 111 khoản 3, Điều 112; domain.md §2; audit D1, D9). Expected dates come from
 * domain.md §2.3 (Giỗ Tổ at UTC+7) and the calendar, not from the generator.
 */
const GIO_TO: Record<number, string> = { 2025: '2025-04-07', 2026: '2026-04-26', 2027: '2027-04-16', 2028: '2028-04-04', 2029: '2029-04-23', 2030: '2030-04-12' };
const byDate = (days: ReturnType<typeof generatedDays>) => new Map(days.map((d) => [d.date, d]));

describe('Điều 112 days for every year, with no stored row', () => {
  for (let y = 2025; y <= 2030; y++) {
    it(`${y}: 1/1, Giỗ Tổ, 30/4, 1/5 and 2/9 are CONFIRMED holidays citing Điều 112`, () => {
      const m = byDate(generatedDays(y, []));
      for (const date of [`${y}-01-01`, GIO_TO[y] as string, `${y}-04-30`, `${y}-05-01`, `${y}-09-02`]) {
        const d = m.get(date);
        assert.ok(d, `${date} generated`);
        assert.equal(d.kind, 'HOLIDAY');
        assert.equal(d.status, 'CONFIRMED');
        assert.equal(d.legalBasis, 'Bộ luật Lao động 2019, Điều 112');
        assert.equal(d.unitId, null);
        assert.equal(d.source, 'RULE');
      }
    });
  }

  it('a far-future year has them too, and a year before BLLĐ 2019 took effect has none', () => {
    const m = byDate(generatedDays(2093, []));
    for (const date of ['2093-01-01', '2093-04-30', '2093-05-01', '2093-09-02']) assert.equal(m.get(date)?.status, 'CONFIRMED', date);
    assert.ok([...m.values()].some((d) => d.name.startsWith('Giỗ Tổ') && solarToLunar(d.date).month === 3 && solarToLunar(d.date).day === 10));
    assert.deepEqual(generatedDays(2019, []), []);
  });

  it('nghỉ bù on the next working day when a holiday falls on a weekly rest day (Điều 111 khoản 3)', () => {
    const y27 = byDate(generatedDays(2027, []));
    // 1/5/2027 is a Saturday → Monday 3/5.
    assert.equal(isoWeekday('2027-05-01'), 6);
    assert.equal(y27.get('2027-05-03')?.kind, 'COMPENSATORY');
    assert.equal(y27.get('2027-05-03')?.status, 'CONFIRMED');
    assert.match(y27.get('2027-05-03')?.legalBasis ?? '', /Điều 111 khoản 3/);
    // Giỗ Tổ 26/4/2026 is a Sunday → Monday 27/4 (domain.md R2.2).
    assert.equal(byDate(generatedDays(2026, [])).get('2026-04-27')?.kind, 'COMPENSATORY');
    // 1/1/2028 is a Saturday → Monday 3/1; 30/4/2028 is a Sunday and Monday 1/5 is itself a holiday → Tuesday 2/5.
    const y28 = byDate(generatedDays(2028, []));
    assert.equal(y28.get('2028-01-03')?.kind, 'COMPENSATORY');
    assert.equal(y28.get('2028-05-02')?.kind, 'COMPENSATORY');
    assert.equal(y28.get('2028-05-01')?.kind, 'HOLIDAY');
    // No nghỉ bù ever lands on a weekend, and none without a weekend holiday before it.
    for (let y = 2025; y <= 2030; y++)
      for (const d of generatedDays(y, [])) if (d.kind === 'COMPENSATORY') assert.ok(isoWeekday(d.date) <= 5, `${d.date} weekday`);
    assert.equal(generatedDays(2025, []).filter((d) => d.kind === 'COMPENSATORY' && d.status === 'CONFIRMED').length, 0, 'no Điều 112 day of 2025 is on a weekend');
  });

  it('2/9 on a Sunday (2029): the nghỉ bù steps over the PM-chosen extra day, so it is only proposed', () => {
    const m = byDate(generatedDays(2029, []));
    assert.equal(m.get('2029-09-03')?.status, 'PROPOSED');
    assert.equal(m.get('2029-09-04')?.kind, 'COMPENSATORY');
    assert.equal(m.get('2029-09-04')?.status, 'PROPOSED');
    assert.equal(m.get('2029-09-04')?.legalBasis, null);
  });

  it('the PM-chosen days are PROPOSED with no legal basis, with a note that the notice is awaited', () => {
    const guesses = generatedDays(2028, []).filter((d) => d.status === 'PROPOSED');
    assert.ok(guesses.length >= 6, 'Tết window (5 days) + the second Quốc khánh day');
    for (const g of guesses) {
      assert.equal(g.legalBasis, null, `${g.date} has no legal basis`);
      assert.match(g.note ?? '', /chờ thông báo của Bộ Nội vụ/);
    }
    // Tết 2028 is Wed 26/1: giao thừa Tue 25/1 … mùng 4 Sat 29/1 → nghỉ bù Mon 31/1 (proposed with it).
    const m = byDate(generatedDays(2028, []));
    for (const date of ['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28', '2028-01-29']) assert.equal(m.get(date)?.status, 'PROPOSED', date);
    assert.equal(m.get('2028-01-31')?.kind, 'COMPENSATORY');
    assert.equal(m.get('2028-01-31')?.status, 'PROPOSED');
  });
});

describe('the second Quốc khánh day follows the weekday (audit D9)', () => {
  it('matches the precedents 2021–2026 and puts 2027 on Friday 3/9', () => {
    const precedent: Record<number, string> = {
      2021: '2021-09-03', // Thu → Fri
      2022: '2022-09-01', // Fri → Thu
      2023: '2023-09-01', // Sat → Fri
      2024: '2024-09-03', // Mon → Tue (btv.org.vn: 31/8–3/9)
      2025: '2025-09-01', // Tue → Mon (8726/VPCP-KGVX)
      2026: '2026-09-01', // Wed → Tue (9441/TB-BNV)
    };
    for (const [y, date] of Object.entries(precedent)) assert.equal(extraNationalDay(Number(y)), date, y);
    assert.equal(extraNationalDay(2027), '2027-09-03');
    assert.equal(isoWeekday('2027-09-03'), 5);
  });

  it('proposals label the guess PM_CHOICE_GUESS, PROPOSED, without "BLLĐ 2019, Điều 112"', () => {
    const p = proposeHolidays(2027);
    const extra = p.find((d) => d.date === '2027-09-03');
    assert.equal(extra?.basis, 'PM_CHOICE_GUESS');
    assert.equal(extra?.status, 'PROPOSED');
    assert.equal(extra?.legalBasis, null);
    assert.ok(!p.some((d) => d.date === '2027-09-01'), 'no 1/9 guess any more');
    for (const d of p.filter((x) => x.basis === 'PM_CHOICE_GUESS')) assert.equal(d.legalBasis, null, d.date);
    assert.equal(p.find((d) => d.date === '2027-04-16')?.basis, 'LUNAR');
    assert.equal(p.find((d) => d.date === '2027-04-30')?.basis, 'FIXED_DATE');
    assert.equal(p.find((d) => d.date === '2027-05-03')?.basis, 'WEEKEND_COMPENSATION');
  });
});

describe('shipped schedules', () => {
  it('2025: Tết Ất Tỵ 25/1–2/2 is 5 Tết weekdays (28 Chạp → mùng 3) between two weekends; 30/4–4/5 with làm bù 26/4; Quốc khánh 30/8–2/9', () => {
    const tet = OFFICIAL_2025.filter((d) => d.name.startsWith('Tết Nguyên đán')).map((d) => d.date);
    assert.deepEqual(tet, ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
    assert.deepEqual(solarToLunar('2025-01-27'), { day: 28, month: 12, year: 2024, leap: false });
    assert.deepEqual(solarToLunar('2025-01-29'), { day: 1, month: 1, year: 2025, leap: false });
    for (const d of ['2025-01-25', '2025-01-26', '2025-02-01', '2025-02-02', '2025-05-03', '2025-05-04', '2025-08-30', '2025-08-31']) assert.ok(isoWeekday(d) >= 6, d);
    const k = new Map(OFFICIAL_2025.map((d) => [d.date, d.kind]));
    assert.equal(k.get('2025-04-26'), 'MAKEUP_WORKDAY');
    assert.equal(k.get('2025-05-02'), 'SWAPPED_OFF');
    assert.equal(k.get('2025-09-01'), 'HOLIDAY');
    assert.ok(OFFICIAL_2025.every((d) => d.status === 'CONFIRMED' && d.legalBasis), 'every 2025 day cites its basis');
    assert.ok(OFFICIAL_2026.every((d) => d.status === 'CONFIRMED' && d.legalBasis));
  });

  it('2027: Điều 112 days CONFIRMED, the PM-chosen ones PROPOSED with no basis — and the same dates the rule generates', () => {
    for (const d of SCHEDULE_2027) {
      if (d.status === 'PROPOSED') assert.equal(d.legalBasis, null, d.date);
      else assert.ok(d.legalBasis?.startsWith('Bộ luật Lao động 2019'), d.date);
    }
    const confirmed = SCHEDULE_2027.filter((d) => d.status === 'CONFIRMED').map((d) => d.date);
    assert.deepEqual(confirmed, ['2027-01-01', '2027-04-16', '2027-04-30', '2027-05-01', '2027-05-03', '2027-09-02']);
    const key = (d: { date: string; kind: string; status?: string }) => `${d.date}:${d.kind}:${d.status}`;
    assert.deepEqual(SCHEDULE_2027.map(key), generatedDays(2027, []).map(key));
  });
});

describe('stored rows win over generated ones', () => {
  it('2026 merged with its official rows is exactly the official rows (no guess, no duplicate)', () => {
    const merged = withStatutoryDays(OFFICIAL_2026, '2026-01-01', '2026-12-31');
    assert.deepEqual(merged.map((d) => d.date), OFFICIAL_2026.map((d) => d.date));
    assert.ok(merged.every((d) => d.source !== 'RULE'));
  });

  it('a stored national row of a generated date replaces it; a unit row adds to it', () => {
    const stored: CalendarDay[] = [
      { date: '2031-04-30', kind: 'HOLIDAY' as const, name: 'Ngày Chiến thắng (theo thông báo)', unitId: null, legalBasis: 'Thông báo 1/TB-BNV', status: 'CONFIRMED' as const },
      { date: '2031-03-10', kind: 'HOLIDAY' as const, name: 'Lễ hội xã', unitId: 'u-1', legalBasis: 'QĐ xã', status: 'CONFIRMED' as const },
    ];
    const merged = withStatutoryDays(stored, '2031-01-01', '2031-12-31');
    const on3004 = merged.filter((d) => d.date === '2031-04-30');
    assert.equal(on3004.length, 1);
    assert.equal(on3004[0]?.name, 'Ngày Chiến thắng (theo thông báo)');
    assert.ok(merged.some((d) => d.date === '2031-03-10' && d.unitId === 'u-1'));
    assert.ok(merged.some((d) => d.date === '2031-05-01' && d.source === 'RULE'));
  });

  it('a stored Tết window replaces the whole guess, not only the dates it shares', () => {
    const official = ['2028-01-24', '2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28'].map((date) => ({
      date,
      kind: 'HOLIDAY' as const,
      name: 'Tết',
      unitId: null,
      legalBasis: 'Thông báo 2/TB-BNV',
      status: 'CONFIRMED' as const,
    }));
    const merged = withStatutoryDays(official, '2028-01-01', '2028-02-28');
    assert.ok(!merged.some((d) => d.date === '2028-01-29'), 'the guessed mùng 4 is gone');
    assert.ok(!merged.some((d) => d.status === 'PROPOSED'));
    assert.equal(scheduleReadiness(2028, merged).tetConfirmed, true);
  });
});

describe('reminder season', () => {
  it('from 1 November the year to remind of is the next one; before, none', () => {
    assert.equal(yearToRemind('2026-10-31'), null);
    assert.equal(yearToRemind('2026-11-01'), 2027);
    assert.equal(yearToRemind('2026-12-31'), 2027);
    assert.equal(yearToRemind('2027-01-01'), null);
  });
  it('2027 as shipped is not confirmed (Tết proposed); 2026 is', () => {
    const r27 = scheduleReadiness(2027, withStatutoryDays(SCHEDULE_2027, '2027-01-01', '2027-12-31'));
    assert.equal(r27.confirmed, false);
    assert.equal(r27.tetConfirmed, false);
    assert.ok(r27.proposed.some((d) => d.date === '2027-02-06'));
    assert.equal(scheduleReadiness(2026, OFFICIAL_2026).confirmed, true);
  });
});

describe('what the day plan tells attendance and violations (CONTRACT C3 dayOff)', () => {
  const schedule = {
    id: 's1',
    unitId: null,
    name: 'Giờ hành chính',
    validFrom: '2025-01-01',
    validTo: null,
    weekdays: [1, 2, 3, 4, 5],
    periods: [{ startsOn: '01-01', morning: { start: '07:30', end: '11:30' }, afternoon: { start: '13:30', end: '17:00' } }],
    docNumber: null,
    docDate: null,
  };
  const data = { schedules: [schedule], days: withStatutoryDays(SCHEDULE_2027, '2027-01-01', '2027-12-31'), rosters: [], overrides: [] };

  it('a proposed Tết day is a day off that says it is only proposed, with no legal basis', () => {
    const plan = resolveDayPlan(data, ['u'], 'p', '2027-02-08');
    assert.equal(plan.dayType, 'HOLIDAY');
    assert.deepEqual(plan.sessions, []);
    assert.equal(plan.holiday?.status, 'PROPOSED');
    assert.deepEqual(dayOffOf(plan), { kind: 'HOLIDAY', name: 'Tết Nguyên đán Đinh Mùi (mùng 3, dự kiến)', legalBasis: null, status: 'PROPOSED' });
  });

  it('a Điều 112 day carries its name and legal basis, enough for "Ngày nghỉ theo lịch: <name> (<legal basis>)"', () => {
    const off = dayOffOf(resolveDayPlan(data, ['u'], 'p', '2027-04-16'));
    assert.deepEqual(off, { kind: 'HOLIDAY', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', legalBasis: 'Bộ luật Lao động 2019, Điều 112', status: 'CONFIRMED' });
    assert.equal(dayOffOf(resolveDayPlan(data, ['u'], 'p', '2027-05-03'))?.kind, 'COMPENSATORY');
    assert.equal(dayOffOf(resolveDayPlan(data, ['u'], 'p', '2027-04-17'))?.kind, 'WEEKLY_REST');
    assert.equal(dayOffOf(resolveDayPlan(data, ['u'], 'p', '2027-04-15')), null);
  });
});
