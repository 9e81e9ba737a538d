import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * Contract with the modules that react to attendance (violations, reports). After a (re)computation that changes a
 * person-day, the attendance module publishes one `attendance.day_updated.v1` event for that day. The event id is
 * derived from (personId, date, revision), so a redelivered or re-published event carries the same id and consumers
 * can dedupe on it. A higher revision of the same day supersedes the lower ones.
 */
export const ATTENDANCE_DAY_UPDATED = 'attendance.day_updated.v1' as const;

export const ATTENDANCE_STATUSES = [
  'PRESENT',
  'LATE',
  'EARLY_LEAVE',
  'LATE_AND_EARLY_LEAVE',
  'ABSENT_NO_REASON',
  'ON_LEAVE',
  'ON_TRIP',
  'HOLIDAY',
  'NON_WORKING_DAY',
  'MISSING_CHECKOUT',
  'SOURCE_OFFLINE',
  'LEAVE_NOT_REPORTED',
  'NOT_EMPLOYED',
] as const;
export const attendanceStatusSchema = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof attendanceStatusSchema>;

export const SESSION_KINDS = ['MORNING', 'AFTERNOON', 'FULL'] as const;
export const sessionKindSchema = z.enum(SESSION_KINDS);
export type SessionKind = z.infer<typeof sessionKindSchema>;

const isoDateTime = z.string().datetime({ offset: true });

export const attendanceSessionSchema = z.object({
  session: sessionKindSchema,
  status: attendanceStatusSchema,
  scheduledStart: isoDateTime.nullable(),
  scheduledEnd: isoDateTime.nullable(),
  checkIn: isoDateTime.nullable(),
  checkOut: isoDateTime.nullable(),
  checkInPunchId: z.string().nullable(),
  checkOutPunchId: z.string().nullable(),
  lateMinutes: z.number().int().nonnegative(),
  earlyLeaveMinutes: z.number().int().nonnegative(),
  justificationId: z.string().nullable(),
});
export type AttendanceSessionEvent = z.infer<typeof attendanceSessionSchema>;

export const attendanceDayUpdatedSchema = z.object({
  personId: z.string().uuid(),
  unitId: z.string().uuid(),
  /** Local calendar date in Asia/Ho_Chi_Minh. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  revision: z.number().int().positive(),
  computedAt: isoDateTime,
  sessions: z.array(attendanceSessionSchema),
  dayStatus: attendanceStatusSchema,
});
export type AttendanceDayUpdated = z.infer<typeof attendanceDayUpdatedSchema>;

/** Deterministic event id (UUID-shaped, name-based SHA-1 like UUID v5) for one revision of one person-day. */
export function attendanceDayEventId(personId: string, date: string, revision: number): string {
  const h = createHash('sha1').update(`${ATTENDANCE_DAY_UPDATED}|${personId}|${date}|${revision}`).digest('hex');
  const variant = ((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16).padStart(2, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}
