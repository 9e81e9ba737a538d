import { localToEpoch } from '../../../platform/time';
import type { PlannedSession } from '../../calendar';
import type { JustificationInput, JustificationType, PermissionRef } from './types';

const MIN = 60_000;

const overlapMs = (a: readonly [number, number], b: readonly [number, number]) => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));

/** The permitted interval of a permission on `date` (epoch ms); a permission without a window covers its whole sessions. */
function permittedInterval(j: JustificationInput, date: string, planned: PlannedSession): [number, number] | null {
  if (j.window) return [localToEpoch(date, j.window.fromMin), localToEpoch(date, j.window.toMin)];
  if (!j.sessions.includes(planned.session)) return null;
  return [localToEpoch(date, planned.start), localToEpoch(date, planned.end)];
}

/** How one late arrival (or early leave) is judged against the permissions of its kind. */
export interface DeviationVerdict {
  /** Minutes to record as late (early); 0 = not late (early). */
  minutes: number;
  /** The permission covering the deviation (every minute beyond grace inside its window), else null. */
  permission: PermissionRef | null;
  /** Minutes excused by an APPROVED permission that did not cover the whole deviation (the rest is still late). */
  excusedMinutes: number;
  /** The request behind `excusedMinutes`. */
  partialRequestId: string | null;
}

/**
 * Lateness of a check-in (gap = [scheduled start, check-in]) or early leave of a check-out (gap = [check-out,
 * scheduled end]) under the unit's grace and the person's permissions of that kind (domain.md §1.3: grace and
 * counting are the agency's regulation; MISA AMIS-style "đơn xin đi muộn / về sớm" from–to):
 * - within grace: not late, no permission needed;
 * - a permission whose window leaves at most the grace outside it covers the deviation: APPROVED → 0 minutes
 *   (or the measured minutes when the regulation says approved minutes still count), PENDING → the measured minutes
 *   until the leader decides (the session stays late, the violation waits: C3);
 * - otherwise the minutes an APPROVED window excuses are taken off and the rest is late, with no permission attached
 *   (so a violation is opened for the minutes beyond the window). A PENDING permission excuses nothing yet.
 */
export function judgeDeviation(opts: {
  gap: [number, number];
  graceMs: number;
  type: JustificationType;
  justifications: readonly JustificationInput[];
  date: string;
  planned: PlannedSession;
  approvedCountsAsLate: boolean;
}): DeviationVerdict {
  const measuredMs = opts.gap[1] - opts.gap[0];
  const none: DeviationVerdict = { minutes: 0, permission: null, excusedMinutes: 0, partialRequestId: null };
  if (measuredMs <= opts.graceMs) return none;
  const measured = Math.ceil(measuredMs / MIN);
  let best: { id: string; excusedMs: number } | null = null;
  for (const status of ['APPROVED', 'PENDING'] as const) {
    for (const j of opts.justifications) {
      if (j.type !== opts.type || j.status !== status) continue;
      const interval = permittedInterval(j, opts.date, opts.planned);
      if (!interval) continue;
      const excusedMs = overlapMs(opts.gap, interval);
      if (excusedMs <= 0) continue;
      if (measuredMs - excusedMs <= opts.graceMs) {
        const permission: PermissionRef = { requestId: j.id, status };
        const minutes = status === 'PENDING' || opts.approvedCountsAsLate ? measured : 0;
        return { ...none, minutes, permission };
      }
      if (status === 'APPROVED' && (!best || excusedMs > best.excusedMs)) best = { id: j.id, excusedMs };
    }
  }
  if (!best) return { ...none, minutes: measured };
  return { minutes: Math.ceil((measuredMs - best.excusedMs) / MIN), permission: null, excusedMinutes: Math.floor(best.excusedMs / MIN), partialRequestId: best.id };
}
