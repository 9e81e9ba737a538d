import { addDays, isoWeekday } from '../../../platform/time';
import { hungKingsDate, solarToLunar, tetDate } from './lunar';
import { AWAITING_NOTICE, LC_111_3, LC_112 } from './official-schedules';
import type { CalendarDay, CalendarDayKind, CalendarDayStatus } from './schedule';

/**
 * Holidays by law for any year, so that no database depends on someone typing 30/4 in (audit D1). BLLĐ 2019 Điều 112
 * fixes 1/1, 30/4, 1/5, 2/9 and Giỗ Tổ Hùng Vương (10/3 âm lịch, UTC+7): CONFIRMED. Điều 111 khoản 3 adds a nghỉ bù
 * on the next working day when one falls on a weekly rest day. The PM's choices (the Tết window, the second Quốc
 * khánh day) are only expected: PROPOSED with no legal basis, and only while no stored row covers that occasion.
 *
 * The weekly rest days are those of the national default week (Mon–Fri, QĐ 188/1999/QĐ-TTg), so the generated nghỉ
 * bù is national. A unit with other rest days (a one-stop desk open on Saturdays, a 6-day school) arranges its own
 * (domain.md R2.3) by adding unit-level days, which win over national ones for its staff.
 *
 * These days are merged into what `loadCalendarDays` returns; a stored national row of the same date wins.
 */

/** BLLĐ 2019 is in force from 1/1/2021 (Điều 220); earlier years had other rules and no attendance in this system. */
export const FIRST_LAW_YEAR = 2021;
/** PM-choice guesses only from the first shipped year on: nothing before it is ever computed for attendance. */
export const FIRST_GUESS_YEAR = 2025;

const restDay = (date: string) => isoWeekday(date) >= 6;
const WEEKDAY_VI = ['', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'];
const ddmm = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}`;
const OFF: ReadonlySet<CalendarDayKind> = new Set(['HOLIDAY', 'COMPENSATORY', 'SWAPPED_OFF']);

/**
 * The second Quốc khánh day the PM is likeliest to choose (audit D9), from the weekday of 2/9: the neighbour that
 * joins the holiday to a weekend. Precedents: 2021 Thu → Fri 3/9; 2022 Fri → Thu 1/9; 2023 Sat → Fri 1/9; 2024 Mon →
 * Tue 3/9 (btv.org.vn: 31/8–3/9); 2025 Tue → Mon 1/9; 2026 Wed → Tue 1/9 (with Mon 31/8 swapped). Sunday has no
 * precedent: 1/9 would be a Saturday, so Monday 3/9 (2/9's own nghỉ bù then moves to Tuesday).
 */
export function extraNationalDay(year: number): string {
  const wd = isoWeekday(`${year}-09-02`);
  return wd === 1 || wd === 4 || wd === 7 ? `${year}-09-03` : `${year}-09-01`;
}

function lunarLabel(date: string): string {
  const l = solarToLunar(date);
  return l.month === 1 ? `mùng ${l.day}` : `${l.day} tháng Chạp`;
}

interface Gen extends CalendarDay {
  status: CalendarDayStatus;
  source: 'RULE';
}

const gen = (date: string, kind: CalendarDayKind, name: string, status: CalendarDayStatus, legalBasis: string | null): Gen => ({
  date,
  kind,
  name,
  unitId: null,
  legalBasis: status === 'PROPOSED' ? null : legalBasis,
  status,
  note: status === 'PROPOSED' ? AWAITING_NOTICE : null,
  source: 'RULE',
});

/** The dates Điều 112 fixes for `year` (CONFIRMED), without nghỉ bù. */
export function fixedHolidays(year: number): Gen[] {
  if (year < FIRST_LAW_YEAR) return [];
  return [
    gen(`${year}-01-01`, 'HOLIDAY', 'Tết Dương lịch', 'CONFIRMED', LC_112),
    gen(hungKingsDate(year), 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'CONFIRMED', LC_112),
    gen(`${year}-04-30`, 'HOLIDAY', 'Ngày Chiến thắng', 'CONFIRMED', LC_112),
    gen(`${year}-05-01`, 'HOLIDAY', 'Ngày Quốc tế lao động', 'CONFIRMED', LC_112),
    gen(`${year}-09-02`, 'HOLIDAY', 'Quốc khánh', 'CONFIRMED', LC_112),
  ];
}

/** The expected Tết window: giao thừa day (last day of tháng Chạp) + mùng 1–4, PROPOSED. */
export function expectedTet(year: number): Gen[] {
  const tet = tetDate(year);
  return [-1, 0, 1, 2, 3].map((i) => {
    const date = addDays(tet, i);
    return gen(date, 'HOLIDAY', `Tết Nguyên đán (${lunarLabel(date)}, dự kiến)`, 'PROPOSED', null);
  });
}

export function expectedExtraNationalDay(year: number): Gen {
  return gen(extraNationalDay(year), 'HOLIDAY', 'Quốc khánh (ngày liền kề, dự kiến)', 'PROPOSED', null);
}

/** Whether `stored` has a national row near Tết of `year` (then the official or an admin's window is entered). */
const tetCovered = (year: number, stored: readonly CalendarDay[]) => {
  const tet = tetDate(year);
  return stored.some((d) => d.unitId === null && d.date >= addDays(tet, -12) && d.date <= addDays(tet, 12));
};
const nationalDayCovered = (year: number, stored: readonly CalendarDay[]) =>
  stored.some((d) => d.unitId === null && d.date >= `${year}-08-22` && d.date <= `${year}-09-06` && d.date !== `${year}-09-02`);

/**
 * The generated days of `year` given the stored rows of that year: Điều 112 days, the PM-choice guesses of the
 * occasions no stored national row covers yet, and a nghỉ bù (Điều 111 khoản 3) for each of those holidays that falls
 * on Saturday or Sunday, on the next Mon–Fri that is not one of those holidays. Days whose date has a stored
 * national row are left out: the stored row wins. A nghỉ bù shares its holiday's status (PROPOSED when it steps
 * over a proposed day).
 */
export function generatedDays(year: number, stored: readonly CalendarDay[]): Gen[] {
  if (year < FIRST_LAW_YEAR) return [];
  const storedNational = new Map(stored.filter((d) => d.unitId === null).map((d) => [d.date, d]));
  const holidays = fixedHolidays(year);
  if (year >= FIRST_GUESS_YEAR) {
    if (!tetCovered(year, stored)) holidays.push(...expectedTet(year));
    if (!nationalDayCovered(year, stored)) holidays.push(expectedExtraNationalDay(year));
  }
  holidays.sort((a, b) => a.date.localeCompare(b.date));
  // A stored row on a holiday's date decides that date; if it makes it a working day, no nghỉ bù follows from it.
  const effective = holidays.filter((h) => {
    const s = storedNational.get(h.date);
    return !s || OFF.has(s.kind);
  });
  // Only the law's own days push a nghỉ bù further: when the computed date already has a stored row (the notice's
  // own nghỉ bù, as 27/4/2026), that row stands for it.
  const taken = new Set<string>(effective.map((h) => h.date));
  const proposedDates = new Set(effective.filter((h) => h.status === 'PROPOSED').map((h) => h.date));
  const out: Gen[] = [...effective];
  for (const h of effective) {
    if (!restDay(h.date)) continue;
    let c = addDays(h.date, 1);
    // The nghỉ bù date is only as certain as every day it steps over (2/9 on a Sunday: after the PM's extra day).
    let status = h.status;
    while (restDay(c) || taken.has(c)) {
      if (proposedDates.has(c)) status = 'PROPOSED';
      c = addDays(c, 1);
    }
    taken.add(c);
    const name = `Nghỉ bù ${h.name.replace(/, dự kiến\)$/, ')').replace(/ \(dự kiến\)$/, '')} (trùng ${WEEKDAY_VI[isoWeekday(h.date)]} ${ddmm(h.date)}${status === 'PROPOSED' ? ', dự kiến' : ''})`;
    out.push(gen(c, 'COMPENSATORY', name, status, LC_111_3));
  }
  return out.filter((d) => !storedNational.has(d.date)).sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Stored rows (those of every year the range touches, so a nghỉ bù knows what is already off) merged with the
 * generated days, cut to [from, to], in date order with national rows first.
 */
export function withStatutoryDays<T extends CalendarDay>(stored: readonly T[], from: string, to: string): Array<T | Gen> {
  const out: Array<T | Gen> = stored.filter((d) => d.date >= from && d.date <= to);
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    const ofYear = stored.filter((d) => d.date.startsWith(`${y}-`));
    for (const g of generatedDays(y, ofYear)) if (g.date >= from && g.date <= to) out.push(g);
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || Number(a.unitId !== null) - Number(b.unitId !== null));
}
