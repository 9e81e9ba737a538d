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
] as const;
export type JustificationType = (typeof JUSTIFICATION_TYPES)[number];

/** Trips, training, field work and work from home are working time elsewhere (domain.md R3.9, R3.10). */
export const WORKING_ELSEWHERE: ReadonlySet<JustificationType> = new Set([
  'BUSINESS_TRIP',
  'TRAINING',
  'FIELD_WORK',
  'WORK_FROM_HOME',
]);

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
  /** An absence with no justification (not even a pending request) becomes LEAVE_NOT_REPORTED after this many days. */
  leaveNotReportedAfterDays: number;
}

export const DEFAULT_RULES: AttendanceRules = {
  lateGraceMinutes: 5,
  earlyGraceMinutes: 5,
  debounceSeconds: 120,
  checkInOpensMinutes: 120,
  checkOutClosesMinutes: 240,
  lunchPunchesRequired: false,
  leaveNotReportedAfterDays: 3,
};

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
  /** When the computation runs (epoch ms); decides LEAVE_NOT_REPORTED. */
  asOf: number;
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
}

export interface DayResult {
  personId: string;
  date: string;
  dayStatus: AttendanceStatus;
  sessions: SessionResult[];
  workedMinutes: number;
  explanations: Explanation[];
}
