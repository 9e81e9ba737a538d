import { CALENDAR_DAY_KIND_LABELS } from '../../../platform/glossary';
import { isoWeekday } from '../../../platform/time';
import type { CalendarDayStatus, DayPlan } from './schedule';
import { type CalendarData, pickCalendarDay } from './schedule';
import { isWorkingDay } from './working-days';

/**
 * Why a day is not a working day, in the shape of the attendance day event's `dayOff` (CONTRACT C3): a holiday,
 * nghỉ bù or hoán đổi with its name, legal basis and status — what a retraction cause "Ngày nghỉ theo lịch: <name>
 * (<legal basis>)" is written from — or the weekly rest day of the unit's schedule.
 */
export interface DayOff {
  kind: 'HOLIDAY' | 'COMPENSATORY' | 'SWAPPED_OFF' | 'WEEKLY_REST';
  name: string;
  legalBasis: string | null;
  status: CalendarDayStatus | null;
}

const WEEKDAY_VI = ['', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'];
export const weeklyRest = (date: string): DayOff => ({ kind: 'WEEKLY_REST', name: `${CALENDAR_DAY_KIND_LABELS.WEEKLY_REST.vi} (${WEEKDAY_VI[isoWeekday(date)]})`, legalBasis: null, status: null });

/**
 * From a person's day plan: the holiday when the calendar makes the day off; WEEKLY_REST when the schedule has no
 * session that weekday (not when an off-duty roster leaves the person off, nor without any schedule).
 */
export function dayOffOf(plan: DayPlan): DayOff | null {
  if (plan.holiday && plan.holiday.kind !== 'MAKEUP_WORKDAY' && plan.dayType === 'HOLIDAY')
    return { kind: plan.holiday.kind, name: plan.holiday.name, legalBasis: plan.holiday.legalBasis, status: plan.holiday.status };
  if (plan.dayType !== 'NON_WORKING' || plan.notes.includes('NO_SCHEDULE') || plan.notes.some((n) => n.startsWith('ROSTER:OFF_DUTY')))
    return null;
  return weeklyRest(plan.date);
}

/** One date of a unit's official calendar (`ancestry` = the unit then its parents); rosters are not looked at. */
export function officialDate(data: Pick<CalendarData, 'schedules' | 'days'>, ancestry: readonly string[], date: string): { date: string; working: boolean; dayOff: DayOff | null } {
  if (isWorkingDay(data, ancestry, date)) return { date, working: true, dayOff: null };
  const d = pickCalendarDay(data.days, ancestry, date);
  if (d && d.kind !== 'MAKEUP_WORKDAY') return { date, working: false, dayOff: { kind: d.kind, name: d.name, legalBasis: d.legalBasis, status: d.status ?? 'CONFIRMED' } };
  return { date, working: false, dayOff: weeklyRest(date) };
}
