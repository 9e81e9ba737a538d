/**
 * calendar — work calendars as data: schedules per unit with seasonal periods and the document that set them,
 * holidays / nghỉ bù / hoán đổi / làm bù (the official 2026 calendar seeded), rosters and per-person hours, and the
 * Vietnamese lunar calendar (UTC+7) used to propose Tết and Giỗ Tổ Hùng Vương for future years. Other modules count
 * deadlines in working days (ngày làm việc) of a unit through `addWorkingDays` / `deadlineAfter`.
 */
import type { KcModule } from '../../platform/module';
import { calendarRoutes } from './calendar.routes';

export { resolveDayPlan, type DayPlan, type CalendarData, type WorkSchedule, type CalendarDay } from './domain/schedule';
export { OFFICIAL_2026, proposeHolidays } from './domain/holidays';
export { solarToLunar, lunarToSolar, tetDate, hungKingsDate } from './domain/lunar';
export { createSchedule, addCalendarDay, seedOfficial2026, createRoster, createOverride } from './calendar.service';
export { loadCalendarData } from './calendar.repo';
export { isWorkingDay, nthWorkingDayAfter, type DayCount, type DayCountKind } from './domain/working-days';
export { addWorkingDays, deadlineAfter, unitAncestry } from './working-days';

export const calendarModule: KcModule = { name: 'calendar', routes: calendarRoutes };
