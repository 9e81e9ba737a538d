import { z } from 'zod';
import { attendanceStatusSchema, sessionKindSchema } from './attendance.events';
import { JUSTIFICATION_TYPES } from './domain/types';
import type { PersonMonth } from './timesheet.service';

/**
 * Response schemas of the timesheet, person-month, punch and work-regulation routes (attendance.routes.ts). The
 * serializer keeps only the fields listed here, so each schema lists every field the services return.
 */

/** The answer of an action that has nothing else to say. */
export const ZOk = z.object({ ok: z.boolean() });

export const ZAttendanceStatus = attendanceStatusSchema.meta({ id: 'AttendanceStatus' });
export const ZSessionKind = sessionKindSchema.meta({ id: 'AttendanceSessionKind' });
export const ZJustificationType = z.enum(JUSTIFICATION_TYPES).meta({ id: 'LeaveRequestType' });
export const ZHalfDay = z.enum(['MORNING', 'AFTERNOON']).meta({ id: 'LeaveHalfDay' });
/** Kinds of punch sources (the punch_sources CHECK constraint; MANUAL is the built-in source of manual punches). */
export const ZPunchSourceKind = z.enum(['CAMERA', 'DEVICE', 'MANUAL', 'MOBILE', 'IMPORT', 'CORRECTION']).meta({ id: 'PunchSourceKind' });

/** A late-arrival / early-leave permission covering a late check-in / early check-out, and where it stands. */
export const ZPermissionRef = z.object({ requestId: z.string(), status: z.enum(['APPROVED', 'PENDING']) }).meta({ id: 'AttendancePermissionRef' });

/** Which work regulation's thresholds applied: the unit's own, the installation-wide one, or the built-in default. */
export const ZRegulationRef = z
  .object({ source: z.enum(['UNIT', 'NATIONAL', 'SYSTEM_DEFAULT']), unitId: z.string().nullable(), legalBasis: z.string().nullable() })
  .meta({ id: 'AttendanceRegulationRef' });

/** Why a date is not a working day: holiday, nghỉ bù, hoán đổi or weekly rest, with the calendar's legal basis and status. */
export const ZDayOff = z
  .object({
    kind: z.enum(['HOLIDAY', 'COMPENSATORY', 'SWAPPED_OFF', 'WEEKLY_REST']),
    name: z.string(),
    legalBasis: z.string().nullable(),
    status: z.enum(['CONFIRMED', 'PROPOSED']).nullable(),
  })
  .meta({ id: 'AttendanceDayOff' });

/** One cell of the month grid: the day's status and the lateness of each session. */
const ZTimesheetCell = z
  .object({
    status: ZAttendanceStatus,
    sessions: z.array(
      z.object({
        session: z.string(),
        status: ZAttendanceStatus,
        lateMinutes: z.number(),
        earlyLeaveMinutes: z.number(),
        /** AWAITING_JUSTIFICATION: the pending request behind it. */
        absenceRequestId: z.string().nullable(),
        arrivalPermission: ZPermissionRef.nullable(),
        departurePermission: ZPermissionRef.nullable(),
      }),
    ),
    revision: z.number().int(),
  })
  .meta({ id: 'TimesheetCell' });

const ZTimesheetRow = z
  .object({
    personId: z.string(),
    employeeCode: z.string(),
    fullName: z.string(),
    unitId: z.string(),
    /** Keyed by date (YYYY-MM-DD); days without a computed day are absent. */
    cells: z.record(z.string(), ZTimesheetCell),
    /** present, late, early, absent, leave, trip, missing, offline: day counts. */
    totals: z.record(z.string(), z.number()),
  })
  .meta({ id: 'TimesheetRow' });

export const ZTimesheet = z
  .object({
    month: z.string(),
    days: z.array(z.object({ date: z.string(), weekday: z.number().int() })),
    rows: z.array(ZTimesheetRow),
  })
  .meta({ id: 'Timesheet' });

/** A computed session as stored with the day (instants as ISO strings). */
export const ZAttendanceSession = z
  .object({
    session: ZSessionKind,
    status: ZAttendanceStatus,
    scheduledStart: z.string().nullable(),
    scheduledEnd: z.string().nullable(),
    checkIn: z.string().nullable(),
    checkOut: z.string().nullable(),
    checkInPunchId: z.string().nullable(),
    checkOutPunchId: z.string().nullable(),
    lateMinutes: z.number(),
    earlyLeaveMinutes: z.number(),
    workedMinutes: z.number(),
    justificationId: z.string().nullable(),
    /** AWAITING_JUSTIFICATION ("Chờ hợp thức hóa"): the pending request behind it. */
    absenceRequestId: z.string().nullable(),
    arrivalPermission: ZPermissionRef.nullable(),
    departurePermission: ZPermissionRef.nullable(),
  })
  .meta({ id: 'AttendanceSession' });

/** Why a day got its status: a code with parameters, and the sentence in both languages. */
export const ZAttendanceExplanation = z
  .object({
    code: z.string(),
    session: ZSessionKind.optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    vi: z.string(),
    en: z.string(),
  })
  .meta({ id: 'AttendanceExplanation' });

/** One date of a person's month; the status fields are null on a date nothing was computed for. */
export const ZAttendanceDay = z
  .object({
    date: z.string(),
    unitId: z.string().nullable(),
    status: ZAttendanceStatus.nullable(),
    revision: z.number().int().nullable(),
    computedAt: z.string().nullable(),
    sessions: z.array(ZAttendanceSession),
    explanations: z.array(ZAttendanceExplanation),
    /** Which regulation applied (null on days computed before issue 13). */
    regulation: ZRegulationRef.nullable(),
    dayOff: ZDayOff.nullable(),
  })
  .meta({ id: 'AttendanceDay' });

export const ZPunch = z
  .object({
    id: z.string(),
    at: z.string(),
    /** The same instant in Vietnam time, without an offset. */
    localTime: z.string(),
    source: z.string(),
    /** CAMERA, DEVICE, MANUAL, MOBILE or IMPORT. */
    sourceKind: z.string(),
    /** IN, OUT or null. */
    direction: z.string().nullable(),
    /** AUTO or MANUAL. */
    kind: z.string(),
    deviceTime: z.string().nullable(),
    receivedAt: z.string(),
    hasEvidence: z.boolean(),
    manualReason: z.string().nullable(),
    /** Name of the reviewer who confirmed the gate pass behind a `camera-review:*` punch; null otherwise. */
    confirmedBy: z.string().nullable(),
    annulled: z.object({ reason: z.string(), at: z.string() }).nullable(),
  })
  .meta({ id: 'Punch' });

export const ZPersonMonth = z
  .object({
    personId: z.string(),
    month: z.string(),
    days: z.array(ZAttendanceDay),
    punches: z.array(ZPunch),
    justifications: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        startDate: z.string(),
        /** MORNING or AFTERNOON, like endHalf. */
        startHalf: z.string(),
        endDate: z.string(),
        endHalf: z.string(),
        /** PENDING, APPROVED, REJECTED or CANCELLED. */
        status: z.string(),
        reason: z.string(),
      }),
    ),
  })
  .meta({ id: 'PersonAttendanceMonth' });

export const ZManualPunchResult = z.object({ punchId: z.string() }).meta({ id: 'ManualPunchResult' });

export const ZOutageReport = z
  .object({
    outageId: z.string(),
    /** Days queued for recomputation ([from, to], null when none), and how many person-days that is. */
    recompute: z.object({ from: z.string().nullable(), to: z.string().nullable(), personDays: z.number().int() }),
    /** The unit's go-live date when the outage started before it and was clipped. */
    clippedToGoLive: z.string().nullable(),
    message_vi: z.string(),
    message_en: z.string(),
  })
  .meta({ id: 'SourceOutageReport' });

export const ZAttendanceRules = z
  .object({
    lateGraceMinutes: z.number().int(),
    earlyGraceMinutes: z.number().int(),
    debounceSeconds: z.number().int(),
    checkInOpensMinutes: z.number().int(),
    checkOutClosesMinutes: z.number().int(),
    lunchPunchesRequired: z.boolean(),
    /** Working days of the unit's calendar after which an absence with no request becomes "not reported". */
    leaveNotReportedAfterDays: z.number().int(),
    approvedPermissionCountsAsLate: z.boolean(),
  })
  .meta({ id: 'AttendanceRules' });

export const ZAttendanceRulesList = z
  .object({
    defaults: ZAttendanceRules,
    /** unitId null: the national default. */
    entries: z.array(z.object({ unitId: z.string().nullable(), rules: ZAttendanceRules, legalBasis: z.string().nullable() })),
  })
  .meta({ id: 'AttendanceRulesList' });

/**
 * The person-month as the API shows it. Only the sessions change type: the service reads them from the stored day
 * (jsonb, so `unknown[]`), where recompute.service.ts wrote them in the ZAttendanceSession shape.
 */
export function personMonthDto(m: PersonMonth): z.output<typeof ZPersonMonth> {
  // Days stored before issue 13 lack the request / permission fields: they read as none.
  const none = { absenceRequestId: null, arrivalPermission: null, departurePermission: null };
  return { ...m, days: m.days.map((d) => ({ ...d, sessions: (d.sessions as z.output<typeof ZAttendanceSession>[]).map((s) => ({ ...none, ...s })) })) };
}
