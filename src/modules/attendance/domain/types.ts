import type { DayPlan, SessionName } from '../../calendar';
import type { AttendanceStatus, SessionKind } from '../attendance.events';

export type { AttendanceStatus, SessionKind };

export const JUSTIFICATION_TYPES = [
  'ANNUAL_LEAVE',
  'PERSONAL_PAID',
  'PERSONAL_UNPAID',
  'UNPAID_LEAVE',
  'SICK_LEAVE',
  'CHILD_SICK',
  'MATERNITY',
  'COMPENSATORY_OFF',
  'BUSINESS_TRIP',
  'TRAINING',
  'FIELD_WORK',
  'WORK_FROM_HOME',
  'OTHER_APPROVED',
  // Permission for part of a session (from–to): arrive late / leave early (as MISA AMIS "đơn xin đi muộn, về sớm").
  'LATE_ARRIVAL_PERMISSION',
  'EARLY_LEAVE_PERMISSION',
] as const;
export type JustificationType = (typeof JUSTIFICATION_TYPES)[number];

/** Trips, training, field work and work from home are working time elsewhere (domain.md R3.9, R3.10). */
export const WORKING_ELSEWHERE: ReadonlySet<JustificationType> = new Set([
  'BUSINESS_TRIP',
  'TRAINING',
  'FIELD_WORK',
  'WORK_FROM_HOME',
]);

/** Permissions cover minutes of a session (JustificationInput.window), never a whole absence. */
export const PERMISSION_TYPES: ReadonlySet<JustificationType> = new Set(['LATE_ARRIVAL_PERMISSION', 'EARLY_LEAVE_PERMISSION']);

/** A raw punch after clock correction. `at` is epoch milliseconds. */
export interface PunchInput {
  id: string;
  at: number;
  source: string;
  direction?: 'IN' | 'OUT' | null;
}

/** A justification as it bears on one date: which sessions of that date it covers. */
export interface JustificationInput {
  id: string;
  type: JustificationType;
  status: 'APPROVED' | 'PENDING';
  sessions: readonly SessionName[];
  /**
   * Permissions only: the permitted minutes (after local midnight) of this date, e.g. arrive late 07:30–08:30 →
   * {fromMin: 450, toMin: 510}. Minutes of lateness (early leave) inside it are excused, minutes outside it are not.
   * Null on a permission = the whole of the listed sessions.
   */
  window?: { fromMin: number; toMin: number } | null;
}

/** A period when a source that covers this person was down (`to` null = still down). Epoch ms. */
export interface OutageInput {
  source: string;
  from: number;
  to: number | null;
}

/** From the unit's work regulation (quy chế làm việc); defaults below. */
export interface AttendanceRules {
  lateGraceMinutes: number;
  earlyGraceMinutes: number;
  /** Punches closer than this to the previous kept punch are the same passage (double tap, several cameras). */
  debounceSeconds: number;
  /** How long before a session start a punch counts as that session's check-in. */
  checkInOpensMinutes: number;
  /** How long after a session end a punch still counts as its check-out. */
  checkOutClosesMinutes: number;
  /** When false, a day with only a morning check-in and an afternoon check-out is complete (no lunch punches). */
  lunchPunchesRequired: boolean;
  /**
   * An absence with no request (not even a pending one) becomes LEAVE_NOT_REPORTED "sau N ngày làm việc": once the
   * N-th working day of the unit's calendar after the absence is over (weekends, holidays, nghỉ bù and hoán đổi
   * days are not counted, làm bù days are). See DayInput.workingDaysSince.
   */
  leaveNotReportedAfterDays: number;
  /**
   * The unit's regulation: whether the minutes of an APPROVED late-arrival / early-leave permission still count as
   * late / early on the timesheet (status LATE / EARLY_LEAVE with the permission shown) or not (PRESENT). Either
   * way an approved permission never makes a violation.
   */
  approvedPermissionCountsAsLate: boolean;
}

export const DEFAULT_RULES: AttendanceRules = {
  lateGraceMinutes: 5,
  earlyGraceMinutes: 5,
  debounceSeconds: 120,
  checkInOpensMinutes: 120,
  checkOutClosesMinutes: 240,
  lunchPunchesRequired: false,
  leaveNotReportedAfterDays: 3,
  approvedPermissionCountsAsLate: false,
};

/** Which work regulation's thresholds were applied to a day (D7, D14: say so when it is the system default). */
export interface RegulationRef {
  source: 'UNIT' | 'NATIONAL' | 'SYSTEM_DEFAULT';
  unitId: string | null;
  legalBasis: string | null;
}

/** No regulation entry applies: the built-in DEFAULT_RULES were used (notices must say so, D7). */
export const SYSTEM_DEFAULT_REGULATION: RegulationRef = { source: 'SYSTEM_DEFAULT', unitId: null, legalBasis: null };

/** Why a date is not a working day for the person (null on working days). */
export interface DayOff {
  kind: 'HOLIDAY' | 'COMPENSATORY' | 'SWAPPED_OFF' | 'WEEKLY_REST';
  name: string;
  legalBasis: string | null;
  /** For holidays the Prime Minister chooses (Tết window, the second Quốc khánh day): confirmed by the official notice or proposed. */
  status: 'CONFIRMED' | 'PROPOSED' | null;
}

export interface PermissionRef {
  requestId: string;
  status: 'APPROVED' | 'PENDING';
}

export interface DayInput {
  personId: string;
  date: string;
  plan: DayPlan;
  /** False before joining / after leaving. */
  employed: boolean;
  punches: readonly PunchInput[];
  justifications: readonly JustificationInput[];
  outages: readonly OutageInput[];
  rules: AttendanceRules;
  /** Which regulation `rules` come from; copied to the result. Default SYSTEM_DEFAULT. */
  regulation?: RegulationRef;
  /** When the computation runs (epoch ms). */
  asOf: number;
  /**
   * Working days of the person's unit calendar that are over between the date and `asOf`: the days strictly after
   * `date` and strictly before the local date of `asOf` that are working days (calendar's isWorkingDay). The loader
   * may stop counting at rules.leaveNotReportedAfterDays. Decides LEAVE_NOT_REPORTED (D8: a Friday absence seen on
   * Monday morning has 0).
   */
  workingDaysSince: number;
  /** Punches an approved correction declared wrong: ignored as if they did not exist. */
  voidedPunchIds?: readonly string[];
}

export interface Explanation {
  code: string;
  session?: SessionKind;
  params?: Record<string, string | number>;
}

export interface SessionResult {
  session: SessionKind;
  status: AttendanceStatus;
  scheduledStart: number | null;
  scheduledEnd: number | null;
  checkIn: number | null;
  checkOut: number | null;
  checkInPunchId: string | null;
  checkOutPunchId: string | null;
  lateMinutes: number;
  earlyLeaveMinutes: number;
  workedMinutes: number;
  justificationId: string | null;
  /** AWAITING_JUSTIFICATION: the pending request (leave, trip…) that covers this absent session. */
  absenceRequestId: string | null;
  /** The late-arrival permission covering the late check-in. */
  arrivalPermission: PermissionRef | null;
  /** The early-leave permission covering the early check-out. */
  departurePermission: PermissionRef | null;
}

export interface DayResult {
  personId: string;
  date: string;
  dayStatus: AttendanceStatus;
  sessions: SessionResult[];
  workedMinutes: number;
  explanations: Explanation[];
  regulation: RegulationRef;
  dayOff: DayOff | null;
}
