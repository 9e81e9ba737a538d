import { randomUUID } from 'node:crypto';
import { AppError, errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { formatDateVi, isLocalDate, localDateOf, minutesToHhmm } from '../../platform/time';
import { type AuditActor, recordAudit } from '../audit';
import { enqueueDirty } from './dirty-queue';
import { activeRequestsOfSession, insertPermission } from './justifications.repo';
import type { JustificationRow } from './justifications.service';
import { personPlans } from './plans';
import { assertWithinHorizon, PERMISSION_AHEAD_DAYS, type PermissionRequestType } from './request-horizon';

/**
 * Permission to arrive late or leave early for part of a session ("đơn xin đi muộn, về sớm", as in MISA AMIS): one
 * date, a from–to window inside one working session, a reason. Stored as a justification with a window, so the
 * approver's inbox, approval, rejection, cancellation and the recomputation are those of every other request.
 */
export interface PermissionRequest {
  personId: string;
  type: PermissionRequestType;
  date: string;
  fromMin: number;
  toMin: number;
  reason: string;
  documentRef?: string | null;
}

const hhmm = (m: number) => minutesToHhmm(m);

export async function requestPermission(db: Db, actor: AuditActor & { id: string }, req: PermissionRequest, now: Date): Promise<JustificationRow> {
  if (!isLocalDate(req.date)) throw errors.badRequest('DATE_INVALID', 'Ngày không hợp lệ.', 'Invalid date.');
  if (!(req.fromMin < req.toMin))
    throw errors.badRequest(
      'PERMISSION_WINDOW_INVALID',
      `Giờ kết thúc (${hhmm(req.toMin)}) phải sau giờ bắt đầu (${hhmm(req.fromMin)}).`,
      `The end time (${hhmm(req.toMin)}) must be after the start time (${hhmm(req.fromMin)}).`,
      { from: hhmm(req.fromMin), to: hhmm(req.toMin) },
    );
  const reason = req.reason.trim();
  if (reason.length === 0) throw errors.badRequest('REASON_REQUIRED', 'Cần nêu lý do.', 'A reason is required.');
  assertWithinHorizon(req.date, localDateOf(now), PERMISSION_AHEAD_DAYS);
  const [plan] = await personPlans(db, req.personId, req.date, req.date);
  if (!plan) throw errors.notFound('Person', 'cán bộ');
  if (!plan.employed || plan.sessions.length === 0)
    throw new AppError(
      422,
      'NOT_A_WORKING_DAY',
      `Ngày ${formatDateVi(req.date)} không phải ngày làm việc của cán bộ này: không cần xin phép.`,
      `${req.date} is not a working day for this person: no permission is needed.`,
      { date: req.date, dayType: plan.dayType },
    );
  const session = plan.sessions.find((s) => req.fromMin >= s.start && req.toMin <= s.end);
  if (!session)
    throw new AppError(
      422,
      'PERMISSION_OUTSIDE_SESSION',
      `Khoảng ${hhmm(req.fromMin)}–${hhmm(req.toMin)} phải nằm trong một buổi làm việc (${plan.sessions.map((s) => `${hhmm(s.start)}–${hhmm(s.end)}`).join(', ')}).`,
      `The window ${hhmm(req.fromMin)}–${hhmm(req.toMin)} must lie inside one working session (${plan.sessions.map((s) => `${hhmm(s.start)}–${hhmm(s.end)}`).join(', ')}).`,
      { sessions: plan.sessions.map((s) => ({ session: s.session, start: hhmm(s.start), end: hhmm(s.end) })) },
    );
  return db.transaction(async (tx) => {
    const active = await activeRequestsOfSession(tx, req.personId, req.date, session.session);
    // Another permission of the same kind whose window overlaps, or a leave / trip that already covers the session.
    const clash = active.find((a) =>
      a.window_from_min === null || a.window_to_min === null ? true : a.type === req.type && a.window_from_min < req.toMin && req.fromMin < a.window_to_min,
    );
    if (clash)
      throw errors.conflict('REQUEST_OVERLAPS', 'Đã có đơn khác trong khoảng thời gian này.', 'Another request covers part of this period.', {
        id: clash.id,
        type: clash.type,
        status: clash.status,
      });
    const row = await insertPermission(tx, {
      id: randomUUID(),
      personId: req.personId,
      unitId: plan.unitId,
      type: req.type,
      date: req.date,
      session: session.session,
      fromMin: req.fromMin,
      toMin: req.toMin,
      reason,
      documentRef: req.documentRef ?? null,
      requestedBy: actor.id,
      requestedAt: now,
    });
    // A pending permission turns a late arrival into "awaiting justification" (C3): the day is recomputed.
    await enqueueDirty(tx, [{ personId: req.personId, date: req.date }]);
    await recordAudit(tx, {
      actor,
      action: 'attendance.request_create',
      entityType: 'justification',
      entityId: row.id,
      unitId: plan.unitId,
      reason,
      details: { type: req.type, personId: req.personId, date: req.date, session: session.session, window: `${hhmm(req.fromMin)}–${hhmm(req.toMin)}` },
    });
    return row;
  });
}
