/**
 * calendar — work calendars as data: schedules per unit with seasonal periods and the document that set them,
 * holidays / nghỉ bù / hoán đổi / làm bù, rosters and per-person hours, and the Vietnamese lunar calendar (UTC+7).
 * The holidays BLLĐ 2019 Điều 112 fixes (and their nghỉ bù, Điều 111 k3) exist for every year without a row
 * (domain/statutory.ts, merged under stored rows); the official 2025–2027 schedules ship by migration, each day
 * CONFIRMED (with its legal basis) or PROPOSED (a PM choice not announced yet: a day off, flagged). From 1 November
 * the calendar admins are reminded when next year is not confirmed. Other modules count deadlines in working days
 * (ngày làm việc) of a unit through `addWorkingDays` / `deadlineAfter`, read day plans with `loadCalendarData` +
 * `resolveDayPlan` (+ `dayOffOf` for the day's reason off), and learn of changes through `onCalendarChanged`.
 */
export {
  resolveDayPlan,
  type CalendarData,
  type CalendarDay,
  type CalendarDayStatus,
  type DayPlan,
  type PlannedSession,
  type RosterEntry,
  type SchedulePeriod,
  type SessionName,
  type TimeRange,
} from './domain/schedule';
export { OFFICIAL_2025, OFFICIAL_2026, SCHEDULE_2027, SHIPPED_SCHEDULES } from './domain/holidays';
export { generatedDays, withStatutoryDays, extraNationalDay } from './domain/statutory';
export { createSchedule, addCalendarDay, seedOfficial2026, createRoster, createOverride } from './calendar.service';
export { loadCalendarData } from './calendar.repo';
export { isWorkingDay, type DayCount } from './domain/working-days';
export { addWorkingDays, deadlineAfter, unitAncestry } from './working-days';
export { onCalendarChanged, type CalendarChange, type CalendarChangeHook } from './calendar-changes';
export { dayOffOf, officialDate, type DayOff } from './domain/day-off';
export { scheduleReadiness, type ScheduleReadiness } from './domain/readiness';
