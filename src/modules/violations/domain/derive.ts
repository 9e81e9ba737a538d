import type { AttendanceDayUpdated, AttendanceSessionEvent } from '../../attendance';
import type { RuleConfig, ViolationKind } from '../../rules';

/** A violation that an attendance day implies under the unit's rules. */
export interface Candidate {
  /** Stable per person, date, kind and session: later revisions of the same day find it again. */
  key: string;
  kind: Exclude<ViolationKind, 'OTHER'>;
  session: string | null;
  minutes: number | null;
  facts: Record<string, unknown>;
  /** Time around which the gate clip is cut (check-in for late, check-out for early leave). */
  evidenceAt: string | null;
  punchId: string | null;
  /** Scheduled span of the sessions concerned, for the gate-coverage check of an absence. */
  span: { start: string | null; end: string | null };
}

export function sourceKey(personId: string, date: string, kind: string, session: string | null): string {
  return `att:${personId}:${date}:${kind}:${session ?? 'DAY'}`;
}

function sessionFacts(s: AttendanceSessionEvent): Record<string, unknown> {
  return {
    session: s.session,
    status: s.status,
    scheduledStart: s.scheduledStart,
    scheduledEnd: s.scheduledEnd,
    checkIn: s.checkIn,
    checkOut: s.checkOut,
    lateMinutes: s.lateMinutes,
    earlyLeaveMinutes: s.earlyLeaveMinutes,
  };
}

/**
 * The violations implied by one attendance day. A session with a justification (approved leave, trip) implies
 * nothing. Absences of every working session of the day become one whole-day violation, so a day away counts once.
 */
export function deriveCandidates(day: AttendanceDayUpdated, rules: RuleConfig): Candidate[] {
  const out: Candidate[] = [];
  const counts = new Set(rules.counts);
  const sessions = day.sessions.filter((s) => s.justificationId === null);
  for (const s of sessions) {
    const late = s.status === 'LATE' || s.status === 'LATE_AND_EARLY_LEAVE';
    const early = s.status === 'EARLY_LEAVE' || s.status === 'LATE_AND_EARLY_LEAVE';
    if (late && counts.has('LATE') && s.lateMinutes > rules.graceMinutes.late)
      out.push({
        key: sourceKey(day.personId, day.date, 'LATE', s.session),
        kind: 'LATE',
        session: s.session,
        minutes: s.lateMinutes,
        facts: sessionFacts(s),
        evidenceAt: s.checkIn,
        punchId: s.checkInPunchId,
        span: { start: s.scheduledStart, end: s.scheduledEnd },
      });
    if (early && counts.has('EARLY_LEAVE') && s.earlyLeaveMinutes > rules.graceMinutes.earlyLeave)
      out.push({
        key: sourceKey(day.personId, day.date, 'EARLY_LEAVE', s.session),
        kind: 'EARLY_LEAVE',
        session: s.session,
        minutes: s.earlyLeaveMinutes,
        facts: sessionFacts(s),
        evidenceAt: s.checkOut,
        punchId: s.checkOutPunchId,
        span: { start: s.scheduledStart, end: s.scheduledEnd },
      });
  }
  for (const kind of ['ABSENT_NO_REASON', 'LEAVE_NOT_REPORTED'] as const) {
    if (!counts.has(kind)) continue;
    const hit = sessions.filter((s) => s.status === kind);
    if (hit.length === 0) continue;
    const working = day.sessions.filter((s) => s.status !== 'NON_WORKING_DAY' && s.status !== 'HOLIDAY');
    const wholeDay = hit.length === working.length;
    const groups = wholeDay ? [hit] : hit.map((s) => [s]);
    for (const g of groups) {
      const first = g[0] as AttendanceSessionEvent;
      const last = g[g.length - 1] as AttendanceSessionEvent;
      out.push({
        key: sourceKey(day.personId, day.date, kind, wholeDay ? null : first.session),
        kind,
        session: wholeDay ? null : first.session,
        minutes: null,
        facts: { sessions: g.map(sessionFacts), dayStatus: day.dayStatus },
        evidenceAt: null,
        punchId: null,
        span: { start: first.scheduledStart, end: last.scheduledEnd },
      });
    }
  }
  return out;
}

/** Why a violation no longer follows from the day: a justification arrived, or the attendance itself changed. */
export function retractionCause(
  day: AttendanceDayUpdated,
  session: string | null,
): { reason: 'JUSTIFIED' | 'ATTENDANCE_CORRECTED'; justificationId: string | null; status: string } {
  const relevant = session ? day.sessions.filter((s) => s.session === session) : day.sessions;
  const justified = relevant.find((s) => s.justificationId !== null || s.status === 'ON_LEAVE' || s.status === 'ON_TRIP');
  if (justified) return { reason: 'JUSTIFIED', justificationId: justified.justificationId, status: justified.status };
  return { reason: 'ATTENDANCE_CORRECTED', justificationId: null, status: relevant[0]?.status ?? day.dayStatus };
}
