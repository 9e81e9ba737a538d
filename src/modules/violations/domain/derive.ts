import type { AttendanceDayParsed, AttendanceDayUpdated, AttendanceSessionParsed } from '../../attendance';
import type { RuleConfig, ViolationKind } from '../../rules';

/**
 * The fields CONTRACT C3 adds to the attendance day event, as attendance declares them. Events published before them
 * (and stored on the bus) lack them, so values are still read defensively (`?? null`).
 */
type Session = AttendanceSessionParsed;
export type Regulation = AttendanceDayParsed['regulation'];
export type DayOff = NonNullable<AttendanceDayParsed['dayOff']>;
type Day = AttendanceDayParsed;

/** Which part of a person-day-session a violation is about: the fact, whatever its kind turns out to be. */
export type FactPart = 'ABSENCE' | 'ARRIVAL' | 'DEPARTURE';
export type AutoKind = Exclude<ViolationKind, 'OTHER'>;

/** A violation that an attendance day implies under the unit's rules. */
export interface Candidate {
  /** The fact (CONTRACT C5): stable across revisions and kind changes of the same person, day, scope and part. */
  key: string;
  fact: FactPart;
  /** MORNING / AFTERNOON / FULL for one session, DAY for a whole-day absence. */
  scope: string;
  kind: AutoKind;
  session: string | null;
  minutes: number | null;
  facts: Record<string, unknown>;
  /** The pending request that makes the fact AWAITING_JUSTIFICATION, if any. */
  pendingRequestId: string | null;
  /** Time around which the gate clip is cut (check-in for late, check-out for early leave). */
  evidenceAt: string | null;
  punchId: string | null;
  /** Scheduled span of the sessions concerned, for the gate-coverage check of an absence. */
  span: { start: string | null; end: string | null };
}

export function sourceKey(personId: string, date: string, scope: string, fact: FactPart): string {
  return `att:${personId}:${date}:${scope}:${fact}`;
}

/** The fact part and scope of a stored key (retracted / superseded suffixes ignored); undefined for other keys. */
export function factOfKey(key: string | null): { scope: string; fact: FactPart } | undefined {
  const m = key?.split('#')[0]?.match(/^att:[^:]+:[^:]+:([A-Z]+):(ABSENCE|ARRIVAL|DEPARTURE)$/);
  return m ? { scope: m[1] as string, fact: m[2] as FactPart } : undefined;
}

/** Two absence scopes of one day overlap when either is the whole day or both name the same session. */
export function scopesOverlap(a: string, b: string): boolean {
  return a === b || a === 'DAY' || b === 'DAY';
}

function sessionFacts(s: Session): Record<string, unknown> {
  return {
    session: s.session,
    status: s.status,
    scheduledStart: s.scheduledStart,
    scheduledEnd: s.scheduledEnd,
    checkIn: s.checkIn,
    checkOut: s.checkOut,
    lateMinutes: s.lateMinutes,
    earlyLeaveMinutes: s.earlyLeaveMinutes,
    absenceRequestId: s.absenceRequestId ?? null,
    arrivalPermission: s.arrivalPermission ?? null,
    departurePermission: s.departurePermission ?? null,
  };
}

/**
 * A session with no presence that a pending request covers (C3 status AWAITING_JUSTIFICATION). Events of the older
 * shape said ABSENT_NO_REASON with the pending request beside it; both mean the same fact.
 */
function awaitingRequest(s: Session): string | null {
  if ((s.status as string) === 'AWAITING_JUSTIFICATION') return s.absenceRequestId ?? 'unknown';
  if (s.status === 'ABSENT_NO_REASON' && s.absenceRequestId) return s.absenceRequestId;
  return null;
}

/** The absence kind of one session under the rules, or null when the session is no counted absence. */
function absenceKind(s: Session, counts: ReadonlySet<string>): AutoKind | null {
  const countsAbsence = counts.has('ABSENT_NO_REASON') || counts.has('LEAVE_NOT_REPORTED');
  if (awaitingRequest(s)) return countsAbsence ? 'AWAITING_JUSTIFICATION' : null;
  if (s.status === 'ABSENT_NO_REASON' || s.status === 'LEAVE_NOT_REPORTED') return counts.has(s.status) ? s.status : null;
  return null;
}

/** Of a whole day's sessions, the kind the day gets: an unexcused part outweighs a part awaiting a decision. */
const DAY_PRIORITY: AutoKind[] = ['LEAVE_NOT_REPORTED', 'ABSENT_NO_REASON', 'AWAITING_JUSTIFICATION'];

/**
 * The violations implied by one attendance day (CONTRACT C3, C5). A session an approved justification covers
 * implies nothing; a day off (holiday, nghỉ bù, weekly rest) implies nothing. A late arrival or early leave under an
 * APPROVED permission implies nothing; under a PENDING one it awaits justification, as does an absence a pending
 * request covers. Late and early minutes are the attendance's (one grace setting: the unit's work regulation).
 * Absences of every working session of the day form one whole-day fact, so a day away counts once.
 */
export function deriveCandidates(raw: AttendanceDayUpdated, rules: RuleConfig): Candidate[] {
  const day = raw as Day;
  if (day.dayOff) return [];
  const out: Candidate[] = [];
  const counts: ReadonlySet<string> = new Set(rules.counts);
  const regulation = day.regulation ?? null;
  const sessions = (day.sessions as Session[]).filter((s) => s.justificationId === null);
  for (const s of sessions) {
    const late = (s.status === 'LATE' || s.status === 'LATE_AND_EARLY_LEAVE') && s.lateMinutes > 0;
    const early = (s.status === 'EARLY_LEAVE' || s.status === 'LATE_AND_EARLY_LEAVE') && s.earlyLeaveMinutes > 0;
    const parts = [
      { hit: late && counts.has('LATE'), fact: 'ARRIVAL' as const, kind: 'LATE' as const, minutes: s.lateMinutes, permission: s.arrivalPermission, at: s.checkIn, punch: s.checkInPunchId },
      { hit: early && counts.has('EARLY_LEAVE'), fact: 'DEPARTURE' as const, kind: 'EARLY_LEAVE' as const, minutes: s.earlyLeaveMinutes, permission: s.departurePermission, at: s.checkOut, punch: s.checkOutPunchId },
    ];
    for (const p of parts) {
      if (!p.hit || p.permission?.status === 'APPROVED') continue;
      const pending = p.permission?.status === 'PENDING' ? p.permission.requestId : null;
      out.push({
        key: sourceKey(day.personId, day.date, s.session, p.fact),
        fact: p.fact,
        scope: s.session,
        kind: pending ? 'AWAITING_JUSTIFICATION' : p.kind,
        session: s.session,
        minutes: p.minutes,
        facts: { ...sessionFacts(s), regulation, pendingRequestId: pending },
        pendingRequestId: pending,
        evidenceAt: p.at,
        punchId: p.punch,
        span: { start: s.scheduledStart, end: s.scheduledEnd },
      });
    }
  }
  const hit = sessions.map((s) => ({ s, kind: absenceKind(s, counts) })).filter((h): h is { s: Session; kind: AutoKind } => h.kind !== null);
  if (hit.length === 0) return out;
  const working = day.sessions.filter((s) => s.status !== 'NON_WORKING_DAY' && s.status !== 'HOLIDAY' && s.status !== 'NOT_EMPLOYED');
  const wholeDay = hit.length === working.length;
  const groups = wholeDay ? [hit] : hit.map((h) => [h]);
  for (const g of groups) {
    const first = g[0] as { s: Session; kind: AutoKind };
    const last = g[g.length - 1] as { s: Session; kind: AutoKind };
    const kind = DAY_PRIORITY.find((k) => g.some((h) => h.kind === k)) as AutoKind;
    const pending = kind === 'AWAITING_JUSTIFICATION' ? awaitingRequest(first.s) : null;
    const scope = wholeDay ? 'DAY' : first.s.session;
    out.push({
      key: sourceKey(day.personId, day.date, scope, 'ABSENCE'),
      fact: 'ABSENCE',
      scope,
      kind,
      session: wholeDay ? null : first.s.session,
      minutes: null,
      facts: { sessions: g.map((h) => sessionFacts(h.s)), dayStatus: day.dayStatus, regulation, pendingRequestId: pending },
      pendingRequestId: pending,
      evidenceAt: null,
      punchId: null,
      span: { start: first.s.scheduledStart, end: last.s.scheduledEnd },
    });
  }
  return out;
}

export type RetractionReason = 'JUSTIFIED' | 'PERMISSION_APPROVED' | 'CALENDAR_CHANGED' | 'ATTENDANCE_CORRECTED';

export interface RetractionCause {
  reason: RetractionReason;
  /** The approved request (leave, trip, permission) that explains the fact. */
  justificationId: string | null;
  requestId: string | null;
  /** For a permission: LATE_ARRIVAL_PERMISSION / EARLY_LEAVE_PERMISSION (the fact says which). */
  requestType?: string | null;
  status: string;
  /** For CALENDAR_CHANGED: the day off with its name and legal basis, as the calendar states it. */
  dayOff?: DayOff | null;
}

/**
 * Why a violation no longer follows from the day: the day became a day off (a holiday added afterwards), a
 * permission or a justification was approved, or the attendance itself changed (a correction, a punch found).
 */
export function retractionCause(raw: AttendanceDayUpdated, key: string | null, session: string | null): RetractionCause {
  const day = raw as Day;
  const fact = factOfKey(key);
  const scope = fact?.scope ?? session ?? 'DAY';
  const relevant = (scope === 'DAY' ? day.sessions : day.sessions.filter((s) => s.session === scope)) as Session[];
  const status = relevant[0]?.status ?? day.dayStatus;
  const offDay = relevant.length > 0 && relevant.every((s) => s.status === 'HOLIDAY' || s.status === 'NON_WORKING_DAY');
  if (day.dayOff || offDay) return { reason: 'CALENDAR_CHANGED', justificationId: null, requestId: null, status, dayOff: day.dayOff ?? null };
  const permission = fact?.fact === 'ARRIVAL' ? relevant[0]?.arrivalPermission : fact?.fact === 'DEPARTURE' ? relevant[0]?.departurePermission : null;
  if (permission?.status === 'APPROVED')
    return {
      reason: 'PERMISSION_APPROVED',
      justificationId: permission.requestId,
      requestId: permission.requestId,
      requestType: fact?.fact === 'ARRIVAL' ? 'LATE_ARRIVAL_PERMISSION' : 'EARLY_LEAVE_PERMISSION',
      status,
    };
  const justified = relevant.find((s) => s.justificationId !== null || s.status === 'ON_LEAVE' || s.status === 'ON_TRIP');
  if (justified) return { reason: 'JUSTIFIED', justificationId: justified.justificationId, requestId: justified.justificationId, status: justified.status };
  return { reason: 'ATTENDANCE_CORRECTED', justificationId: null, requestId: null, status };
}
