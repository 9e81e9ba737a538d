import { localDateOf, localToEpoch } from '../../../platform/time';
import { computeDay } from './compute-day';
import type { DayInput, JustificationType, PunchInput, SessionResult } from './types';

/**
 * Today's attendance of one person while the day is under way ("Hôm nay"): arrived (on time / late), not yet
 * arrived, on leave, day off, left. Provisional by design: it is read from the same inputs and the same day
 * computation (computeDay: session windows, debounce, pairing, grace, permissions, leave, holidays) as the closed
 * day, applied to the punches received so far; it is never stored as a day result, never announced, and never
 * opens a violation (those still come from the closed day, after the session's end and the grace rules).
 */
export const TODAY_STATUSES = ['ARRIVED', 'LATE', 'NOT_YET', 'ON_LEAVE', 'DAY_OFF', 'LEFT'] as const;
export type TodayStatus = (typeof TODAY_STATUSES)[number];

/** The day computation's inputs minus what only a closed day has (asOf, workingDaysSince), plus the clock. */
export type TodayInput = Omit<DayInput, 'asOf' | 'workingDaysSince'> & {
  now: number;
};

export interface TodayResult {
  status: TodayStatus;
  /** Epoch ms of the first check-in of a planned (not justified) session, if any. */
  arrivedAt: number | null;
  /** Minutes late the day computation counts so far (after grace; an approved late-arrival permission excuses); null when not late. */
  lateMinutes: number | null;
  /** LEFT only: the check-out that ended the person's last planned session of the day. */
  leftAt: number | null;
  /** When the person is expected: the first planned session's start, or the end of an approved late-arrival window covering it. */
  expectedStart: number | null;
  /** The punch source of the arrival (or of the departure when no arrival was seen). */
  source: string | null;
  /** ON_LEAVE: the approved request type (leave, trip, training…). */
  justificationType: JustificationType | null;
}

const NONE: Omit<TodayResult, 'status'> = {
  arrivedAt: null,
  lateMinutes: null,
  leftAt: null,
  expectedStart: null,
  source: null,
  justificationType: null,
};

/** Null when the person is not employed on the date (before joining, after leaving): not part of today's list. */
export function todayStatus(input: TodayInput): TodayResult | null {
  if (!input.employed) return null;
  // Only the punches of this local date received up to now: last night's punches belong to yesterday.
  const punches: PunchInput[] = input.punches.filter((p) => p.at <= input.now && localDateOf(p.at) === input.date);
  const day = computeDay({
    ...input,
    punches,
    asOf: input.now,
    workingDaysSince: 0,
  });
  if (input.plan.sessions.length === 0) return { status: 'DAY_OFF', ...NONE };

  const planned = day.sessions.filter((s) => s.justificationId === null);
  if (planned.length === 0) {
    const j = input.justifications.find((x) => x.id === day.sessions[0]?.justificationId);
    return { status: 'ON_LEAVE', ...NONE, justificationType: j?.type ?? null };
  }
  const expectedStart = expectedStartOf(input, planned[0] as SessionResult);
  const sourceOf = (id: string | null) => punches.find((p) => p.id === id)?.source ?? null;

  const arrival = planned.find((s) => s.checkIn !== null) ?? null;
  // Minutes late so far: an approved permission means not late, even where the regulation keeps the minutes on the timesheet.
  const late = planned
    .filter((s) => s.checkIn !== null && s.lateMinutes > 0 && s.arrivalPermission?.status !== 'APPROVED')
    .reduce((n, s) => n + s.lateMinutes, 0);

  // Left: the person's last planned session of the day has its check-out (a lunch check-out before an afternoon
  // session is not leaving). A check-out before work began (an OUT before the first IN) is not a departure.
  const last = planned[planned.length - 1] as SessionResult;
  const firstStart = planned[0]?.scheduledStart ?? 0;
  const leftAt = last.checkOut !== null && last.checkOut >= firstStart && (last.checkIn === null || last.checkOut > last.checkIn) ? last.checkOut : null;

  if (leftAt !== null) {
    return {
      status: 'LEFT',
      ...NONE,
      arrivedAt: arrival?.checkIn ?? null,
      lateMinutes: late > 0 ? late : null,
      leftAt,
      expectedStart,
      source: arrival ? sourceOf(arrival.checkInPunchId) : sourceOf(last.checkOutPunchId),
    };
  }
  if (!arrival) return { status: 'NOT_YET', ...NONE, expectedStart };
  return {
    status: late > 0 ? 'LATE' : 'ARRIVED',
    ...NONE,
    arrivedAt: arrival.checkIn,
    lateMinutes: late > 0 ? late : null,
    expectedStart,
    source: sourceOf(arrival.checkInPunchId),
  };
}

/** The first planned session's start, moved to the end of an approved late-arrival window that covers it. */
function expectedStartOf(input: TodayInput, first: SessionResult): number | null {
  const start = first.scheduledStart;
  if (start === null) return null;
  for (const j of input.justifications) {
    if (j.type !== 'LATE_ARRIVAL_PERMISSION' || j.status !== 'APPROVED') continue;
    if (j.window) {
      const from = localToEpoch(input.date, j.window.fromMin);
      const to = localToEpoch(input.date, j.window.toMin);
      if (from <= start && to > start) return to;
    } else if (first.session !== 'FULL' && j.sessions.includes(first.session)) return first.scheduledEnd;
  }
  return start;
}
