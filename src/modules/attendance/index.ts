/**
 * attendance — from raw punches and approved justifications to an explainable attendance day per person and
 * session. Owns punches (immutable, idempotent on source + event id), punch sources and their health, clock
 * corrections, justifications (leave, trips, training, WFH) with approval and annual-leave balances, and the
 * computed attendance_days. Publishes `attendance.day_updated.v1` (see attendance.events.ts). Recognition and
 * devices punch through `ingestPunch`; calendar changes reach the dirty queue through calendar's `onCalendarChanged`.
 */
export {
  ATTENDANCE_DAY_UPDATED,
  attendanceDayUpdatedSchema,
  type AttendanceDayUpdated,
  type AttendanceSessionEvent,
  type AttendanceDayParsed,
  type AttendanceSessionParsed,
} from './attendance.events';
export { ingestPunch, ingestPunches } from './punches.service';
export { recomputeRange } from './recompute.service';
export { processDirty } from './dirty-queue';
export { requestJustification, decideJustification } from './justifications.service';
export { attendanceTick } from './jobs';
export { debounceSecondsFor } from './rules.repo';
export { DEMO_SOURCES } from './seed-demo';
export { approvedCorrectionsOfDay, correctionsOfPunches, loadComputeJustifications, loadRequestInputs, loadVoidedPunchIds, requestTypeOf } from './request-inputs.repo';
export { approvedLeavePeriods, type LeavePeriod, type LeavePeriodType } from './leave-periods';
export { requestOutcome, type RequestOutcome } from './request-outcome.repo';
export { punchesOfDay } from './corrections.repo';
export { summarise as summariseToday, todayAttendance, type TodayPerson, type TodaySummary, type TodayView } from './today.service';
