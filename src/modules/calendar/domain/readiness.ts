import { addDays } from '../../../platform/time';
import { tetDate } from './lunar';
import type { CalendarDay } from './schedule';

/**
 * Whether a year's official schedule is in: no national day of it is still PROPOSED, and a confirmed Tết window
 * exists (the PM chooses it every year, BLLĐ 2019 Điều 112 khoản 3; the Bộ Nội vụ notice usually comes in Oct–Nov).
 * Pure: `days` are the national and unit days of the year as `loadCalendarDays` returns them.
 */
export interface ScheduleReadiness {
  year: number;
  confirmed: boolean;
  tetConfirmed: boolean;
  proposed: CalendarDay[];
  /** From this date on the calendar admins are told (1 November of the year before). */
  remindFrom: string;
}

export const remindFrom = (year: number) => `${year - 1}-11-01`;

export function scheduleReadiness(year: number, days: readonly CalendarDay[]): ScheduleReadiness {
  const tet = tetDate(year);
  const national = days.filter((d) => d.unitId === null && d.date.startsWith(`${year}-`));
  const proposed = national.filter((d) => d.status === 'PROPOSED');
  const tetConfirmed = national.some(
    (d) => d.kind === 'HOLIDAY' && (d.status ?? 'CONFIRMED') === 'CONFIRMED' && d.date >= addDays(tet, -12) && d.date <= addDays(tet, 12),
  );
  return { year, confirmed: tetConfirmed && proposed.length === 0, tetConfirmed, proposed, remindFrom: remindFrom(year) };
}

/** The year whose schedule the admins must be reminded of on `today` (yyyy-mm-dd), or null before 1 November. */
export function yearToRemind(today: string): number | null {
  const y = Number(today.slice(0, 4));
  return today >= remindFrom(y + 1) ? y + 1 : null;
}
