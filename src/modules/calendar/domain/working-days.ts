import { addDays, isoWeekday } from '../../../platform/time';
import { type CalendarDay, type CalendarData, pickCalendarDay, pickSchedule } from './schedule';

/**
 * Deadlines counted in days. The law and the units' work regulations state some deadlines in working days (ngày làm
 * việc: giải trình, triệu tập họp kiểm điểm…) and others in calendar days (thời hạn xử lý kỷ luật 90 ngày); every
 * deadline in the rule data says which, and only the working-day kind looks at the calendar.
 */
export type DayCountKind = 'WORKING' | 'CALENDAR';
export interface DayCount {
  days: number;
  kind: DayCountKind;
}

/** QĐ 188/1999/QĐ-TTg: 40-hour week, Monday to Friday — used when a unit has no schedule at all. */
const DEFAULT_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5];

/**
 * Whether `date` is an official working day of the unit (`ancestry` = the unit then its parents): a holiday, nghỉ bù
 * or hoán đổi day is not; a làm bù Saturday is; otherwise the weekdays of the unit's schedule decide. Rosters and
 * per-person hours are deliberately ignored: a one-stop desk open on Saturday morning does not make Saturday a
 * working day for counting an administrative deadline.
 */
export function isWorkingDay(data: Pick<CalendarData, 'schedules' | 'days'>, ancestry: readonly string[], date: string): boolean {
  const day: CalendarDay | null = pickCalendarDay(data.days, ancestry, date);
  if (day) return day.kind === 'MAKEUP_WORKDAY';
  const weekdays = pickSchedule(data.schedules, ancestry, date)?.weekdays ?? DEFAULT_WEEKDAYS;
  return weekdays.includes(isoWeekday(date));
}

/**
 * The `n`-th working day after `from` (the day of `from` itself is not counted), or null when the answer lies beyond
 * `horizon` — the last date whose calendar rows the caller loaded, so a missing holiday is never assumed away.
 */
export function nthWorkingDayAfter(
  data: Pick<CalendarData, 'schedules' | 'days'>,
  ancestry: readonly string[],
  from: string,
  n: number,
  horizon: string,
): string | null {
  if (!Number.isInteger(n) || n < 0) throw new Error(`bad day count ${n}`);
  let d = from;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (d > horizon) return null;
    if (isWorkingDay(data, ancestry, d)) left--;
  }
  return d;
}
