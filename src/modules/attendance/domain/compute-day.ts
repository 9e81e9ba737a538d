import { localToEpoch } from '../../../platform/time';
import type { PlannedSession } from '../../calendar';
import { dayOffOf } from './day-off';
import { judgeDeviation } from './permissions';
import {
  type AttendanceStatus,
  type DayInput,
  type DayResult,
  type Explanation,
  type JustificationInput,
  type OutageInput,
  PERMISSION_TYPES,
  type PunchInput,
  type SessionResult,
  SYSTEM_DEFAULT_REGULATION,
  WORKING_ELSEWHERE,
} from './types';

const MIN = 60_000;

/** Drops punches closer than `debounceMs` to the previous kept one; input order does not matter. */
export function debouncePunches(punches: readonly PunchInput[], debounceMs: number): { kept: PunchInput[]; dropped: PunchInput[] } {
  const sorted = [...punches].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const kept: PunchInput[] = [];
  const dropped: PunchInput[] = [];
  for (const p of sorted) {
    const last = kept[kept.length - 1];
    // Same direction (or unknown) within the debounce window = the same passage seen twice.
    if (last && p.at - last.at < debounceMs && (p.direction ?? null) === (last.direction ?? null)) dropped.push(p);
    else kept.push(p);
  }
  return { kept, dropped };
}

interface Window {
  planned: PlannedSession;
  from: number;
  to: number;
}

/**
 * Each planned session owns the punches of its window: from `checkInOpens` before its start to the middle of the
 * lunch break (morning) or `checkOutCloses` after its end (afternoon). Punches outside every window are off-shift.
 */
function sessionWindows(input: DayInput): Window[] {
  const { plan, rules, date } = input;
  const s = plan.sessions;
  return s.map((planned, i) => {
    const prev = s[i - 1];
    const next = s[i + 1];
    const fromMin = prev ? (prev.end + planned.start) / 2 : planned.start - rules.checkInOpensMinutes;
    const toMin = next ? (planned.end + next.start) / 2 : planned.end + rules.checkOutClosesMinutes;
    return { planned, from: localToEpoch(date, fromMin), to: localToEpoch(date, toMin) };
  });
}

const overlaps = (o: OutageInput, from: number, to: number) => o.from < to && (o.to === null || o.to > from);

interface Pair {
  checkIn: PunchInput | null;
  checkOut: PunchInput | null;
}

/** First IN-capable punch is the check-in, last OUT-capable punch after it is the check-out. */
function pairOf(punches: readonly PunchInput[], midpoint: number, debounceMs: number): Pair {
  if (punches.length === 0) return { checkIn: null, checkOut: null };
  const checkIn = punches.find((p) => p.direction !== 'OUT') ?? null;
  let checkOut: PunchInput | null = null;
  for (let i = punches.length - 1; i >= 0; i--) {
    const p = punches[i] as PunchInput;
    if (p.direction === 'IN' || p === checkIn) continue;
    if (checkIn && p.at - checkIn.at < debounceMs) continue;
    if (checkIn && p.at < checkIn.at) continue;
    checkOut = p;
    break;
  }
  // A lone undirected punch in the second half of the session is a check-out whose check-in is missing.
  if (checkIn && !checkOut && checkIn.direction == null && checkIn.at >= midpoint) return { checkIn: null, checkOut: checkIn };
  return { checkIn, checkOut };
}

const SEVERITY: AttendanceStatus[] = [
  'LEAVE_NOT_REPORTED',
  'ABSENT_NO_REASON',
  'AWAITING_JUSTIFICATION',
  'MISSING_CHECKOUT',
  'LATE_AND_EARLY_LEAVE',
  'LATE',
  'EARLY_LEAVE',
  'SOURCE_OFFLINE',
  'ON_LEAVE',
  'ON_TRIP',
  'PRESENT',
  'HOLIDAY',
  'NON_WORKING_DAY',
  'NOT_EMPLOYED',
];

/** The day's headline: the most serious session status; late in one session and early in another combine. */
export function combineDayStatus(statuses: readonly AttendanceStatus[]): AttendanceStatus {
  const has = (s: AttendanceStatus) => statuses.includes(s);
  if (!has('LEAVE_NOT_REPORTED') && !has('ABSENT_NO_REASON') && !has('AWAITING_JUSTIFICATION') && !has('MISSING_CHECKOUT')) {
    if (has('LATE_AND_EARLY_LEAVE') || (has('LATE') && has('EARLY_LEAVE'))) return 'LATE_AND_EARLY_LEAVE';
  }
  for (const s of SEVERITY) if (has(s)) return s;
  return 'NON_WORKING_DAY';
}

function wholeDay(input: DayInput, status: AttendanceStatus, explanations: Explanation[]): DayResult {
  return {
    personId: input.personId,
    date: input.date,
    dayStatus: status,
    sessions: [
      {
        session: 'FULL',
        status,
        scheduledStart: null,
        scheduledEnd: null,
        checkIn: null,
        checkOut: null,
        checkInPunchId: null,
        checkOutPunchId: null,
        lateMinutes: 0,
        earlyLeaveMinutes: 0,
        workedMinutes: 0,
        justificationId: null,
        absenceRequestId: null,
        arrivalPermission: null,
        departurePermission: null,
      },
    ],
    workedMinutes: 0,
    explanations,
    regulation: input.regulation ?? { ...SYSTEM_DEFAULT_REGULATION },
    dayOff: dayOffOf(input.plan),
  };
}

/**
 * The attendance of one person on one local date, with the reasons. Pure and deterministic: the same inputs give
 * the same result whatever order the punches arrived in, so recomputation is idempotent.
 */
export function computeDay(input: DayInput): DayResult {
  const { plan, rules } = input;
  const explanations: Explanation[] = [];
  const debounceMs = rules.debounceSeconds * 1000;
  // A punch an approved correction declared wrong is ignored as if it never happened (the raw row stays).
  const voided = new Set(input.voidedPunchIds ?? []);
  const valid = voided.size === 0 ? input.punches : input.punches.filter((p) => !voided.has(p.id));
  if (valid.length < input.punches.length) explanations.push({ code: 'PUNCHES_VOIDED', params: { count: input.punches.length - valid.length } });
  const { kept, dropped } = debouncePunches(valid, debounceMs);
  if (dropped.length > 0) explanations.push({ code: 'PUNCHES_DEBOUNCED', params: { count: dropped.length } });

  if (!input.employed) return wholeDay(input, 'NOT_EMPLOYED', [{ code: 'NOT_EMPLOYED' }]);
  const fullSession = input.justifications.filter((j) => !PERMISSION_TYPES.has(j.type));
  if (plan.sessions.length === 0) {
    if (plan.dayType === 'HOLIDAY') {
      const ex: Explanation[] = [{ code: 'HOLIDAY', params: { name: plan.holiday?.name ?? '', kind: plan.holiday?.kind ?? '' } }];
      if (kept.length > 0) ex.push({ code: 'PUNCHES_ON_DAY_OFF', params: { count: kept.length } });
      return wholeDay(input, 'HOLIDAY', ex);
    }
    const ex: Explanation[] = [{ code: plan.notes.includes('NO_SCHEDULE') ? 'NO_SCHEDULE' : 'NON_WORKING_DAY' }];
    if (kept.length > 0) ex.push({ code: 'PUNCHES_ON_DAY_OFF', params: { count: kept.length } });
    return wholeDay(input, 'NON_WORKING_DAY', ex);
  }
  if (plan.holiday && plan.dayType === 'WORKING') explanations.push({ code: 'DUTY_ON_DAY_OFF', params: { name: plan.holiday.name } });
  if (plan.notes.includes('CALENDAR:MAKEUP_WORKDAY')) explanations.push({ code: 'MAKEUP_WORKDAY' });

  const windows = sessionWindows(input);
  const used = new Set<string>();
  const pairs = windows.map((w) => {
    const inWindow = kept.filter((p) => p.at >= w.from && p.at < w.to);
    for (const p of inWindow) used.add(p.id);
    const mid = localToEpoch(input.date, (w.planned.start + w.planned.end) / 2);
    return pairOf(inWindow, mid, debounceMs);
  });
  const offShift = kept.filter((p) => !used.has(p.id));
  if (offShift.length > 0) explanations.push({ code: 'PUNCHES_OUTSIDE_WINDOWS', params: { count: offShift.length } });

  // Without required lunch punches, "in in the morning, out in the afternoon" is one continuous presence.
  const bridged =
    !rules.lunchPunchesRequired &&
    pairs.length === 2 &&
    pairs[0]?.checkIn != null &&
    pairs[0].checkOut == null &&
    pairs[1]?.checkIn == null &&
    pairs[1]?.checkOut != null;
  if (bridged) explanations.push({ code: 'LUNCH_BRIDGED' });

  const sessions: SessionResult[] = windows.map((w, i) => {
    const { planned } = w;
    const pair = pairs[i] as Pair;
    const start = localToEpoch(input.date, planned.start);
    const end = localToEpoch(input.date, planned.end);
    const base: SessionResult = {
      session: planned.session,
      status: 'PRESENT',
      scheduledStart: start,
      scheduledEnd: end,
      checkIn: pair.checkIn?.at ?? null,
      checkOut: pair.checkOut?.at ?? null,
      checkInPunchId: pair.checkIn?.id ?? null,
      checkOutPunchId: pair.checkOut?.id ?? null,
      lateMinutes: 0,
      earlyLeaveMinutes: 0,
      workedMinutes: pair.checkIn && pair.checkOut ? Math.floor((pair.checkOut.at - pair.checkIn.at) / MIN) : 0,
      justificationId: null,
      absenceRequestId: null,
      arrivalPermission: null,
      departurePermission: null,
    };
    const sess = planned.session;
    const justification = fullSession.find((j) => j.status === 'APPROVED' && j.sessions.includes(sess));
    if (justification) {
      const status = WORKING_ELSEWHERE.has(justification.type) ? 'ON_TRIP' : 'ON_LEAVE';
      explanations.push({ code: 'JUSTIFIED', session: sess, params: { type: justification.type, id: justification.id } });
      if (pair.checkIn || pair.checkOut) explanations.push({ code: 'PUNCH_DURING_JUSTIFICATION', session: sess });
      return { ...base, status, justificationId: justification.id };
    }
    const outagesHere = input.outages.filter((o) => overlaps(o, w.from, w.to));
    const morningBridge = bridged && i === 0;
    const afternoonBridge = bridged && i === 1;

    if (!pair.checkIn && !pair.checkOut) {
      if (outagesHere.length > 0) {
        explanations.push({ code: 'SOURCE_OFFLINE', session: sess, params: { sources: outagesHere.map((o) => o.source).join(', ') } });
        return { ...base, status: 'SOURCE_OFFLINE' };
      }
      // D3: while the approver has not decided, the absence is "chờ hợp thức hóa", not "không có lý do chính đáng".
      const pending = fullSession.find((j) => j.status === 'PENDING' && j.sessions.includes(sess));
      if (pending) {
        explanations.push({ code: 'JUSTIFICATION_PENDING', session: sess, params: { id: pending.id, type: pending.type } });
        return { ...base, status: 'AWAITING_JUSTIFICATION', absenceRequestId: pending.id };
      }
      // D8: "sau N ngày làm việc" — counted on the unit's calendar, not in calendar days.
      if (input.workingDaysSince >= rules.leaveNotReportedAfterDays) {
        explanations.push({ code: 'LEAVE_NOT_REPORTED', session: sess, params: { days: rules.leaveNotReportedAfterDays } });
        return { ...base, status: 'LEAVE_NOT_REPORTED' };
      }
      explanations.push({ code: 'NO_PUNCH', session: sess });
      return { ...base, status: 'ABSENT_NO_REASON' };
    }

    let late = 0;
    let early = 0;
    let lateUncertain = false;
    let earlyUncertain = false;
    let arrivalPermission: SessionResult['arrivalPermission'] = null;
    let departurePermission: SessionResult['departurePermission'] = null;
    const judge = { justifications: input.justifications, date: input.date, planned, approvedCountsAsLate: rules.approvedPermissionCountsAsLate };
    if (pair.checkIn && !afternoonBridge) {
      const v = judgeDeviation({ ...judge, gap: [start, pair.checkIn.at], graceMs: rules.lateGraceMinutes * MIN, type: 'LATE_ARRIVAL_PERMISSION' });
      arrivalPermission = v.permission;
      if (v.partialRequestId) explanations.push({ code: 'PERMISSION_EXCEEDED', session: sess, params: { id: v.partialRequestId, excused: v.excusedMinutes, minutes: v.minutes } });
      // The source being down before the check-in means the person may have come in unseen.
      if (v.minutes > 0 && v.permission?.status !== 'APPROVED' && input.outages.some((o) => overlaps(o, w.from, pair.checkIn?.at as number))) lateUncertain = true;
      else late = v.minutes;
    }
    if (pair.checkOut && !morningBridge) {
      const v = judgeDeviation({ ...judge, gap: [pair.checkOut.at, end], graceMs: rules.earlyGraceMinutes * MIN, type: 'EARLY_LEAVE_PERMISSION' });
      departurePermission = v.permission;
      if (v.partialRequestId) explanations.push({ code: 'PERMISSION_EXCEEDED', session: sess, params: { id: v.partialRequestId, excused: v.excusedMinutes, minutes: v.minutes } });
      if (v.minutes > 0 && v.permission?.status !== 'APPROVED' && input.outages.some((o) => overlaps(o, pair.checkOut?.at as number, w.to))) earlyUncertain = true;
      else early = v.minutes;
    }
    for (const p of [arrivalPermission, departurePermission])
      if (p) explanations.push({ code: p.status === 'APPROVED' ? 'PERMISSION_APPROVED' : 'PERMISSION_PENDING', session: sess, params: { id: p.requestId } });
    const result = { ...base, lateMinutes: late, earlyLeaveMinutes: early, arrivalPermission, departurePermission };
    const incomplete = (!pair.checkIn && !afternoonBridge) || (!pair.checkOut && !morningBridge);
    if (incomplete) {
      if (outagesHere.length > 0) {
        explanations.push({ code: 'SOURCE_OFFLINE', session: sess, params: { sources: outagesHere.map((o) => o.source).join(', ') } });
        return { ...result, status: 'SOURCE_OFFLINE' };
      }
      explanations.push({ code: pair.checkIn ? 'MISSING_CHECKOUT' : 'MISSING_CHECKIN', session: sess });
      return { ...result, status: 'MISSING_CHECKOUT' };
    }
    if (lateUncertain || earlyUncertain) {
      explanations.push({ code: 'SOURCE_OFFLINE_TIMING', session: sess });
      if (late === 0 && early === 0) return { ...result, status: 'SOURCE_OFFLINE' };
    }
    if (late > 0) explanations.push({ code: 'LATE', session: sess, params: { minutes: late } });
    if (early > 0) explanations.push({ code: 'EARLY_LEAVE', session: sess, params: { minutes: early } });
    const status: AttendanceStatus = late > 0 && early > 0 ? 'LATE_AND_EARLY_LEAVE' : late > 0 ? 'LATE' : early > 0 ? 'EARLY_LEAVE' : 'PRESENT';
    return { ...result, status };
  });

  if (bridged) {
    const m = sessions[0] as SessionResult;
    const a = sessions[1] as SessionResult;
    m.workedMinutes = Math.max(0, Math.floor(((m.scheduledEnd as number) - (m.checkIn as number)) / MIN));
    a.workedMinutes = Math.max(0, Math.floor(((a.checkOut as number) - (a.scheduledStart as number)) / MIN));
  }
  return {
    personId: input.personId,
    date: input.date,
    dayStatus: combineDayStatus(sessions.map((s) => s.status)),
    sessions,
    workedMinutes: sessions.reduce((n, s) => n + s.workedMinutes, 0),
    explanations,
    regulation: input.regulation ?? { ...SYSTEM_DEFAULT_REGULATION },
    dayOff: dayOffOf(plan),
  };
}

/** Which sessions of `date` a justification from (startDate, startHalf) to (endDate, endHalf) covers. */
export function coveredSessions(
  j: { startDate: string; startHalf: 'MORNING' | 'AFTERNOON'; endDate: string; endHalf: 'MORNING' | 'AFTERNOON' },
  date: string,
): Array<'MORNING' | 'AFTERNOON'> {
  if (date < j.startDate || date > j.endDate) return [];
  const out: Array<'MORNING' | 'AFTERNOON'> = [];
  const morningOk = !(date === j.startDate && j.startHalf === 'AFTERNOON');
  const afternoonOk = !(date === j.endDate && j.endHalf === 'MORNING');
  if (morningOk) out.push('MORNING');
  if (afternoonOk) out.push('AFTERNOON');
  return out;
}

export type { JustificationInput };
