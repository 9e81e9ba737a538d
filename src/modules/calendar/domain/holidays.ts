import { addDays, isoWeekday } from '../../../platform/time';
import { hungKingsDate, tetDate } from './lunar';
import type { CalendarDay, CalendarDayKind } from './schedule';

/**
 * The official 2026 calendar for cán bộ, công chức, viên chức (domain.md §2.2), seeded once. Later years are entered
 * by an administrator from the Bộ Nội vụ notice; `proposeHolidays` only pre-fills that screen.
 */
const LC = 'Bộ luật Lao động 2019, Điều 112';
const VPCP_12729 = 'Công văn 12729/VPCP-KGVX ngày 25/12/2025';
const TB_9441 = 'Thông báo 9441/TB-BNV ngày 16/10/2025';

const d = (date: string, kind: CalendarDayKind, name: string, legalBasis: string): CalendarDay => ({
  date,
  kind,
  name,
  unitId: null,
  legalBasis,
});

export const OFFICIAL_2026: readonly CalendarDay[] = [
  d('2026-01-01', 'HOLIDAY', 'Tết Dương lịch', LC),
  d('2026-01-02', 'SWAPPED_OFF', 'Nghỉ hoán đổi Tết Dương lịch (làm bù thứ Bảy 10/01/2026)', VPCP_12729),
  d('2026-01-10', 'MAKEUP_WORKDAY', 'Làm bù cho ngày 02/01/2026', VPCP_12729),
  d('2026-02-16', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (29 tháng Chạp)', TB_9441),
  d('2026-02-17', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 1)', TB_9441),
  d('2026-02-18', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 2)', TB_9441),
  d('2026-02-19', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 3)', TB_9441),
  d('2026-02-20', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 4)', TB_9441),
  d('2026-04-26', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', LC),
  d('2026-04-27', 'COMPENSATORY', 'Nghỉ bù Giỗ Tổ Hùng Vương (trùng Chủ nhật 26/4)', `${LC}; Điều 111 khoản 3`),
  d('2026-04-30', 'HOLIDAY', 'Ngày Chiến thắng', LC),
  d('2026-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động', LC),
  d('2026-08-22', 'MAKEUP_WORKDAY', 'Làm bù cho ngày 31/8/2026', TB_9441),
  d('2026-08-31', 'SWAPPED_OFF', 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8/2026)', TB_9441),
  d('2026-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề)', TB_9441),
  d('2026-09-02', 'HOLIDAY', 'Quốc khánh', LC),
];

export interface ProposedDay extends CalendarDay {
  /** Why it is proposed; the admin confirms against the official notice before saving. */
  basis: 'FIXED_DATE' | 'LUNAR' | 'WEEKEND_COMPENSATION' | 'PM_CHOICE_GUESS';
}

const isWeekend = (date: string) => isoWeekday(date) >= 6;

/**
 * Proposed holidays for a year: fixed-date holidays, Tết and Giỗ Tổ from the lunar calendar (UTC+7), a guess for
 * the PM-chosen Tết window (giao thừa day + mùng 1–4) and the second National Day, and a nghỉ bù on the next
 * working day for each holiday that falls on a weekend (Điều 111 khoản 3). Never saved automatically.
 */
export function proposeHolidays(year: number): ProposedDay[] {
  const out: ProposedDay[] = [];
  const add = (date: string, name: string, basis: ProposedDay['basis'], kind: CalendarDayKind = 'HOLIDAY') =>
    out.push({ date, kind, name, unitId: null, legalBasis: LC, basis });
  add(`${year}-01-01`, 'Tết Dương lịch', 'FIXED_DATE');
  const tet = tetDate(year);
  add(addDays(tet, -1), 'Tết Nguyên đán (giao thừa, dự kiến)', 'PM_CHOICE_GUESS');
  for (let i = 0; i < 4; i++) add(addDays(tet, i), `Tết Nguyên đán (mùng ${i + 1})`, i === 0 ? 'LUNAR' : 'PM_CHOICE_GUESS');
  add(hungKingsDate(year), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'LUNAR');
  add(`${year}-04-30`, 'Ngày Chiến thắng', 'FIXED_DATE');
  add(`${year}-05-01`, 'Ngày Quốc tế lao động', 'FIXED_DATE');
  add(`${year}-09-01`, 'Quốc khánh (ngày liền kề, dự kiến)', 'PM_CHOICE_GUESS');
  add(`${year}-09-02`, 'Quốc khánh', 'FIXED_DATE');
  out.sort((a, b) => a.date.localeCompare(b.date));

  const taken = new Set(out.map((p) => p.date));
  const compensations: ProposedDay[] = [];
  for (const p of out) {
    if (!isWeekend(p.date)) continue;
    let c = addDays(p.date, 1);
    while (isWeekend(c) || taken.has(c)) c = addDays(c, 1);
    taken.add(c);
    compensations.push({
      date: c,
      kind: 'COMPENSATORY',
      name: `Nghỉ bù ${p.name}`,
      unitId: null,
      legalBasis: `${LC}; Điều 111 khoản 3`,
      basis: 'WEEKEND_COMPENSATION',
    });
  }
  return [...out, ...compensations].sort((a, b) => a.date.localeCompare(b.date));
}
