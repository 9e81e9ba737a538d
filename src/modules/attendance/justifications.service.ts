import { randomUUID } from 'node:crypto';
import { errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { type AuditActor, recordAudit } from '../audit';
import { dateRange, isLocalDate } from '../../platform/time';
import { annualEntitlement, chargedDays } from './domain/leave';
import { JUSTIFICATION_TYPES, type JustificationType } from './domain/types';
import { personPlans } from './plans';
import { enqueueDirty } from './dirty-queue';
import { assertDecidable } from './request-decision';
import { isPermissionType } from './request-horizon';
import { type AttendanceDeps, recomputeTargets } from './recompute.service';

export type Half = 'MORNING' | 'AFTERNOON';
export type JustificationStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'CANCELLED';

export interface JustificationRow {
  id: string;
  person_id: string;
  unit_id: string;
  type: JustificationType;
  start_date: string;
  start_half: Half;
  end_date: string;
  end_half: Half;
  status: JustificationStatus;
  reason: string;
  document_ref: string | null;
  charged_days: number;
  requested_by: string | null;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  version: number;
  /** Late-arrival / early-leave permissions: the permitted minutes after local midnight; null for other requests. */
  window_from_min: number | null;
  window_to_min: number | null;
}

export interface JustificationRequest {
  personId: string;
  type: JustificationType;
  startDate: string;
  startHalf: Half;
  endDate: string;
  endHalf: Half;
  reason: string;
  documentRef?: string | null;
}

type Actor = AuditActor & { id: string };

async function getJustification(db: Db, id: string, lock = false): Promise<JustificationRow> {
  const [row] = await db.query<JustificationRow>(`SELECT * FROM justifications WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  if (!row) throw errors.notFound('Request', 'đơn');
  return row;
}

export { getJustification };

/** A leave / trip / training / WFH request. The unit is the person's unit on the first day. */
export async function requestJustification(db: Db, actor: Actor, req: JustificationRequest, now = new Date()): Promise<JustificationRow> {
  if (!JUSTIFICATION_TYPES.includes(req.type)) throw errors.badRequest('TYPE_UNKNOWN', 'Loại đơn không hợp lệ.', 'Unknown request type.');
  // A permission names minutes of one session; it has its own route and checks (permissions.service.ts).
  if (isPermissionType(req.type))
    throw errors.badRequest(
      'PERMISSION_NEEDS_WINDOW',
      'Đơn xin đi muộn, về sớm cần ngày và khoảng giờ (từ – đến): hãy dùng mẫu đơn xin đi muộn, về sớm.',
      'A late-arrival / early-leave permission needs a date and a time window: use the permission form.',
    );
  if (!isLocalDate(req.startDate) || !isLocalDate(req.endDate))
    throw errors.badRequest('DATE_INVALID', 'Ngày không hợp lệ.', 'Invalid date.');
  if (req.endDate < req.startDate || (req.endDate === req.startDate && req.startHalf === 'AFTERNOON' && req.endHalf === 'MORNING'))
    throw errors.badRequest('RANGE_INVALID', 'Thời điểm kết thúc phải sau thời điểm bắt đầu.', 'The end must not be before the start.');
  if (dateRange(req.startDate, req.endDate).length > 366)
    throw errors.badRequest('RANGE_TOO_LONG', 'Một đơn không được dài quá một năm.', 'A request cannot exceed one year.');
  if (req.reason.trim().length === 0) throw errors.badRequest('REASON_REQUIRED', 'Cần nêu lý do.', 'A reason is required.');
  const plans = await personPlans(db, req.personId, req.startDate, req.endDate);
  if (plans.length === 0) throw errors.notFound('Person', 'cán bộ');
  const charged = chargedDays(req, plans);
  const unitId = plans[0]?.unitId as string;
  if (req.type === 'ANNUAL_LEAVE') {
    // Annual leave is charged against the year of its first day; pending requests already hold their days.
    const balance = await leaveBalance(db, req.personId, Number(req.startDate.slice(0, 4)));
    const available = balance.remainingDays - balance.pendingDays;
    if (charged > available)
      throw errors.conflict(
        'LEAVE_BALANCE_EXCEEDED',
        `Số ngày phép năm còn lại không đủ (còn ${available}, đơn này cần ${charged}).`,
        `Not enough annual leave left (${available} available, this request needs ${charged}).`,
        { available, requested: charged },
      );
  }
  return db.transaction(async (tx) => {
    const overlapping = await tx.query<{ id: string; start_date: string; start_half: Half; end_date: string; end_half: Half }>(
      `SELECT id, start_date, start_half, end_date, end_half FROM justifications
        WHERE person_id = $1 AND status IN ('PENDING', 'APPROVED') AND start_date <= $3 AND end_date >= $2`,
      [req.personId, req.startDate, req.endDate],
    );
    const halfIndex = (d: string, h: Half) => `${d}${h === 'MORNING' ? 'a' : 'b'}`;
    const a0 = halfIndex(req.startDate, req.startHalf);
    const a1 = halfIndex(req.endDate, req.endHalf);
    const clash = overlapping.find((o) => halfIndex(o.start_date, o.start_half) <= a1 && halfIndex(o.end_date, o.end_half) >= a0);
    if (clash)
      throw errors.conflict('REQUEST_OVERLAPS', 'Đã có đơn khác trong khoảng thời gian này.', 'Another request covers part of this period.', {
        id: clash.id,
      });
    const id = randomUUID();
    const [row] = await tx.query<JustificationRow>(
      `INSERT INTO justifications (id, person_id, unit_id, type, start_date, start_half, end_date, end_half, status, reason,
                                   document_ref, charged_days, requested_by, requested_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'PENDING', $9, $10, $11, $12, $13) RETURNING *`,
      [id, req.personId, unitId, req.type, req.startDate, req.startHalf, req.endDate, req.endHalf, req.reason.trim(), req.documentRef ?? null, charged, actor.id, now],
    );
    // A pending request changes "leave not reported" back to "absent, request pending".
    await enqueueDirty(tx, dateRange(req.startDate, req.endDate).map((date) => ({ personId: req.personId, date })));
    await recordAudit(tx, {
      actor,
      action: 'attendance.request_create',
      entityType: 'justification',
      entityId: id,
      unitId,
      reason: req.reason.trim(),
      details: { type: req.type, personId: req.personId, from: `${req.startDate} ${req.startHalf}`, to: `${req.endDate} ${req.endHalf}`, charged },
    });
    return row as JustificationRow;
  });
}

async function recomputeRequestDays(deps: AttendanceDeps, row: JustificationRow): Promise<void> {
  const targets = new Map([[row.person_id, new Set(dateRange(row.start_date, row.end_date))]]);
  await recomputeTargets(deps, targets);
  await deps.db.query('DELETE FROM attendance_dirty WHERE person_id = $1 AND date BETWEEN $2 AND $3', [row.person_id, row.start_date, row.end_date]);
}

/**
 * Approves or rejects a pending request. The caller has checked the approver's role over the request's unit; here
 * the rule is that nobody decides on their own request. The affected days are recomputed at once.
 */
export async function decideJustification(
  deps: AttendanceDeps,
  actor: Actor & { personId: string | null },
  id: string,
  decision: 'APPROVED' | 'REJECTED',
  note: string | null,
  expectedVersion?: number,
): Promise<JustificationRow> {
  const row = await deps.db.transaction(async (tx) => {
    const cur = await getJustification(tx, id, true);
    assertDecidable(cur, actor, decision, note, expectedVersion);
    const [updated] = await tx.query<JustificationRow>(
      `UPDATE justifications SET status = $2, decided_by = $3, decided_at = $4, decision_note = $5, version = version + 1
        WHERE id = $1 RETURNING *`,
      [id, decision, actor.id, deps.now(), note?.trim() || null],
    );
    await enqueueDirty(tx, dateRange(cur.start_date, cur.end_date).map((date) => ({ personId: cur.person_id, date })));
    await recordAudit(tx, {
      actor,
      action: decision === 'APPROVED' ? 'attendance.request_approve' : 'attendance.request_reject',
      entityType: 'justification',
      entityId: id,
      unitId: cur.unit_id,
      reason: note,
      details: { type: cur.type, personId: cur.person_id },
    });
    return updated as JustificationRow;
  });
  await recomputeRequestDays(deps, row);
  return row;
}

/** Withdraws a request: the requester while pending; an approver also after approval (trip called off). */
export async function cancelJustification(deps: AttendanceDeps, actor: Actor, id: string, reason: string, canCancelApproved: boolean): Promise<JustificationRow> {
  const row = await deps.db.transaction(async (tx) => {
    const cur = await getJustification(tx, id, true);
    if (cur.status === 'CANCELLED' || cur.status === 'REJECTED')
      throw errors.conflict('REQUEST_CLOSED', 'Đơn này đã kết thúc.', 'This request is already closed.', { status: cur.status });
    if (cur.status === 'APPROVED' && !canCancelApproved) throw errors.forbidden({ reason: 'approved requests are cancelled by an approver' });
    const [updated] = await tx.query<JustificationRow>(
      `UPDATE justifications SET status = 'CANCELLED', cancelled_by = $2, cancelled_at = $3, version = version + 1 WHERE id = $1 RETURNING *`,
      [id, actor.id, deps.now()],
    );
    await enqueueDirty(tx, dateRange(cur.start_date, cur.end_date).map((date) => ({ personId: cur.person_id, date })));
    await recordAudit(tx, { actor, action: 'attendance.request_cancel', entityType: 'justification', entityId: id, unitId: cur.unit_id, reason, details: { previous: cur.status } });
    return updated as JustificationRow;
  });
  await recomputeRequestDays(deps, row);
  return row;
}

export interface LeaveBalance {
  personId: string;
  year: number;
  entitlement: ReturnType<typeof annualEntitlement>;
  usedDays: number;
  pendingDays: number;
  remainingDays: number;
}

/** Annual leave balance: entitlement − approved annual leave starting in the year; pending shown apart. */
export async function leaveBalance(db: Db, personId: string, year: number): Promise<LeaveBalance> {
  const [person] = await db.query<{ joined_on: string | null }>('SELECT joined_on FROM persons WHERE id = $1', [personId]);
  if (!person) throw errors.notFound('Person', 'cán bộ');
  const [adj] = await db.query<{ base_days: number | null; extra_days: number; carried_days: number }>(
    'SELECT base_days, extra_days, carried_days FROM leave_entitlements WHERE person_id = $1 AND year = $2',
    [personId, year],
  );
  const entitlement = annualEntitlement({
    joinedOn: person.joined_on,
    year,
    baseDays: adj?.base_days ?? undefined,
    extraDays: adj?.extra_days ?? 0,
    carriedDays: adj?.carried_days ?? 0,
  });
  const [sums] = await db.query<{ used: number | null; pending: number | null }>(
    `SELECT sum(charged_days) FILTER (WHERE status = 'APPROVED') AS used, sum(charged_days) FILTER (WHERE status = 'PENDING') AS pending
       FROM justifications WHERE person_id = $1 AND type = 'ANNUAL_LEAVE' AND start_date BETWEEN $2 AND $3`,
    [personId, `${year}-01-01`, `${year}-12-31`],
  );
  const used = Number(sums?.used ?? 0);
  const pending = Number(sums?.pending ?? 0);
  return { personId, year, entitlement, usedDays: used, pendingDays: pending, remainingDays: entitlement.total - used };
}
