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
  // "Chờ hợp thức hóa": no presence, but a PENDING request (leave, trip…) covers the session (D3). Whether the
  // absence had a valid reason is for the approver to decide, so it is not ABSENT_NO_REASON meanwhile.
  'AWAITING_JUSTIFICATION',
] as const;
export const attendanceStatusSchema = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof attendanceStatusSchema>;

export const SESSION_KINDS = ['MORNING', 'AFTERNOON', 'FULL'] as const;
export const sessionKindSchema = z.enum(SESSION_KINDS);
export type SessionKind = z.infer<typeof sessionKindSchema>;

const isoDateTime = z.string().datetime({ offset: true });

/** A late-arrival / early-leave permission (part of a session, from–to) covering the late check-in / early check-out. */
export const permissionRefSchema = z.object({ requestId: z.string(), status: z.enum(['APPROVED', 'PENDING']) });

/** Which work regulation's thresholds (grace, reporting days) applied: the unit's own, the installation-wide one, or the built-in default. */
export const regulationRefSchema = z.object({
  source: z.enum(['UNIT', 'NATIONAL', 'SYSTEM_DEFAULT']),
  unitId: z.string().nullable(),
  legalBasis: z.string().nullable(),
});

/** Why the date is not a working day (null on working days). */
export const dayOffSchema = z.object({
  kind: z.enum(['HOLIDAY', 'COMPENSATORY', 'SWAPPED_OFF', 'WEEKLY_REST']),
  name: z.string(),
  legalBasis: z.string().nullable(),
  status: z.enum(['CONFIRMED', 'PROPOSED']).nullable(),
});

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
  // Added by issue 13 (C3); defaults keep events published before it valid.
  absenceRequestId: z.string().nullable().default(null),
  arrivalPermission: permissionRefSchema.nullable().default(null),
  departurePermission: permissionRefSchema.nullable().default(null),
});
/** A session as a producer may write it (the issue-13 fields optional, so older events and fixtures still fit). */
export type AttendanceSessionEvent = z.input<typeof attendanceSessionSchema>;
/** A session after `attendanceSessionSchema.parse`: every field present. */
export type AttendanceSessionParsed = z.output<typeof attendanceSessionSchema>;

export const attendanceDayUpdatedSchema = z.object({
  personId: z.string().uuid(),
  unitId: z.string().uuid(),
  /** Local calendar date in Asia/Ho_Chi_Minh. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  revision: z.number().int().positive(),
  computedAt: isoDateTime,
  sessions: z.array(attendanceSessionSchema),
  dayStatus: attendanceStatusSchema,
  regulation: regulationRefSchema.default({ source: 'SYSTEM_DEFAULT', unitId: null, legalBasis: null }),
  dayOff: dayOffSchema.nullable().default(null),
});
/** The event as a producer may write it (issue-13 fields optional: older events still parse). */
export type AttendanceDayUpdated = z.input<typeof attendanceDayUpdatedSchema>;
/** The event after `attendanceDayUpdatedSchema.parse`: every field present (regulation SYSTEM_DEFAULT, dayOff null by default). */
export type AttendanceDayParsed = z.output<typeof attendanceDayUpdatedSchema>;

/** Deterministic event id (UUID-shaped, name-based SHA-1 like UUID v5) for one revision of one person-day. */
export function attendanceDayEventId(personId: string, date: string, revision: number): string {
  const h = createHash('sha1').update(`${ATTENDANCE_DAY_UPDATED}|${personId}|${date}|${revision}`).digest('hex');
  const variant = ((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16).padStart(2, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}
