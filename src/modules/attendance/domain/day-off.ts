import type { DayPlan } from '../../calendar';
import type { DayOff } from './types';

/**
 * Confirmed / proposed status of a holiday the Prime Minister chooses (Tết window, second Quốc khánh day). The
 * calendar's DayPlan carries it when the calendar data has it; read defensively so older plans give null.
 */
function holidayStatus(holiday: NonNullable<DayPlan['holiday']>): DayOff['status'] {
  const raw = (holiday as { status?: unknown }).status;
  return raw === 'CONFIRMED' || raw === 'PROPOSED' ? raw : null;
}

/**
 * Why the date is not a working day for the person, from the day plan: a holiday, nghỉ bù or hoán đổi day (with
 * the legal basis the calendar holds), or the weekly rest / a rostered day off. Null when the person works that
 * day (including duty on a holiday) and when no schedule applies at all (that is missing data, not a day off).
 */
export function dayOffOf(plan: DayPlan): DayOff | null {
  if (plan.sessions.length > 0) return null;
  if (plan.dayType === 'HOLIDAY' && plan.holiday && plan.holiday.kind !== 'MAKEUP_WORKDAY')
    return { kind: plan.holiday.kind, name: plan.holiday.name, legalBasis: plan.holiday.legalBasis, status: holidayStatus(plan.holiday) };
  if (plan.notes.includes('NO_SCHEDULE')) return null;
  const rostered = plan.notes.some((n) => n.startsWith('ROSTER:OFF_DUTY'));
  return { kind: 'WEEKLY_REST', name: rostered ? 'Nghỉ theo lịch phân công' : 'Nghỉ hằng tuần', legalBasis: null, status: null };
}
