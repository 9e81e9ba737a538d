import { randomUUID } from 'node:crypto';
import { AppError, errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { formatDateVi, formatTimestampVi, isLocalDate, localDateOf, localToInstant } from '../../platform/time';
import { type AuditActor, recordAudit } from '../audit';
import {
  activeCorrectionClash,
  cancelCorrectionRow,
  clearDirtyDay,
  type CorrectionRow,
  decideCorrectionRow,
  getCorrection,
  insertCorrection,
  punchForCorrection,
  punchNear,
} from './corrections.repo';
import { enqueueDirty } from './dirty-queue';
import { assertDecidable } from './request-decision';
import { personPlans } from './plans';
import { ingestPunch } from './punches.service';
import { type AttendanceDeps, recomputeTargets } from './recompute.service';
import { assertWithinHorizon } from './request-horizon';

/**
 * Correction of a missed or wrong punch, asked by the staff member (or by a manager for them) and decided by the
 * competent leader. Punches are immutable: an approved "add" is ingested through ingestPunch as a punch of the source
 * `correction` whose event id names the request; an approved "void" is read by the computation as a punch to ignore
 * (loadVoidedPunchIds). A rejection changes nothing and keeps its reason.
 */

/** The source of every punch an approved correction adds (punch_sources.kind 'CORRECTION', migration 0540). */
export const CORRECTION_SOURCE = 'correction';
/** "I entered at 07:28": a punch of the person this close already exists, or another request says the same. */
const SAME_PASSAGE_MS = 2 * 60_000;

type Actor = AuditActor & { id: string };

export type CorrectionRequest =
  | { personId: string; kind: 'ADD_PUNCH'; date: string; minute: number; direction: 'IN' | 'OUT'; reason: string; attachmentRef?: string | null }
  | { personId: string; kind: 'VOID_PUNCH'; punchId: string; reason: string; attachmentRef?: string | null };

export async function findCorrection(db: Db, id: string, lock = false): Promise<CorrectionRow> {
  const row = await getCorrection(db, id, lock);
  if (!row) throw errors.notFound('Correction request', 'đơn điều chỉnh chấm công');
  return row;
}

async function unitOnDate(db: Db, personId: string, date: string): Promise<string> {
  const [plan] = await personPlans(db, personId, date, date);
  if (!plan) throw errors.notFound('Person', 'cán bộ');
  if (!plan.employed)
    throw new AppError(422, 'NOT_EMPLOYED_ON_DATE', `Ngày ${formatDateVi(date)} cán bộ chưa hoặc không còn công tác.`, `The person was not employed on ${date}.`);
  return plan.unitId;
}

export async function requestCorrection(db: Db, actor: Actor, req: CorrectionRequest, now: Date): Promise<CorrectionRow> {
  const reason = req.reason.trim();
  if (reason.length === 0) throw errors.badRequest('REASON_REQUIRED', 'Cần nêu lý do.', 'A reason is required.');
  const today = localDateOf(now);
  let date: string;
  let at: Date | null = null;
  let punchId: string | null = null;
  if (req.kind === 'ADD_PUNCH') {
    if (!isLocalDate(req.date)) throw errors.badRequest('DATE_INVALID', 'Ngày không hợp lệ.', 'Invalid date.');
    assertWithinHorizon(req.date, today, 0);
    date = req.date;
    at = localToInstant(req.date, req.minute);
    if (at.getTime() > now.getTime())
      throw errors.badRequest(
        'REQUEST_IN_FUTURE',
        `Thời điểm ${formatTimestampVi(at)} chưa đến: chỉ bổ sung được lượt chấm công đã qua.`,
        `${at.toISOString()} has not come yet: only past punches can be added.`,
        { at: at.toISOString() },
      );
  } else {
    const punch = await punchForCorrection(db, req.punchId);
    if (!punch || punch.person_id !== req.personId)
      throw errors.badRequest(
        'CORRECTION_PUNCH_UNKNOWN',
        'Không tìm thấy lượt chấm công này trong dữ liệu của cán bộ.',
        'This punch is not among the punches of this person.',
        { punchId: req.punchId },
      );
    if (punch.annulled)
      throw errors.conflict('PUNCH_ALREADY_VOID', 'Lượt chấm công này đã bị hủy.', 'This punch has already been annulled.', { punchId: punch.id });
    date = localDateOf(punch.at);
    assertWithinHorizon(date, today, 0);
    punchId = punch.id;
  }
  const unitId = await unitOnDate(db, req.personId, date);
  return db.transaction(async (tx) => {
    if (at) {
      const seen = await punchNear(tx, req.personId, at, SAME_PASSAGE_MS);
      if (seen)
        throw errors.conflict(
          'CORRECTION_PUNCH_EXISTS',
          `Đã có lượt chấm công lúc ${formatTimestampVi(seen.at)}: không cần bổ sung.`,
          `There already is a punch at ${seen.at.toISOString()}: nothing to add.`,
          { punchId: seen.id },
        );
    }
    const clash = await activeCorrectionClash(tx, req.personId, at ? { kind: 'ADD_PUNCH', at, windowMs: SAME_PASSAGE_MS } : { kind: 'VOID_PUNCH', punchId: punchId as string });
    if (clash)
      throw errors.conflict('REQUEST_OVERLAPS', 'Đã có đơn điều chỉnh khác cho lượt chấm công này.', 'Another correction request covers this punch.', clash);
    const row = await insertCorrection(tx, {
      id: randomUUID(),
      person_id: req.personId,
      unit_id: unitId,
      kind: req.kind,
      date,
      at,
      direction: req.kind === 'ADD_PUNCH' ? req.direction : null,
      punch_id: punchId,
      reason,
      attachment_ref: req.attachmentRef?.trim() || null,
      requested_by: actor.id,
      requested_at: now,
    });
    await recordAudit(tx, {
      actor,
      action: 'attendance.correction_create',
      entityType: 'punch_correction',
      entityId: row.id,
      unitId,
      reason,
      details: { kind: row.kind, personId: row.person_id, date, at: at?.toISOString() ?? null, direction: row.direction, punchId },
    });
    return row;
  });
}

async function recomputeDay(deps: AttendanceDeps, row: CorrectionRow): Promise<void> {
  await recomputeTargets(deps, new Map([[row.person_id, new Set([row.date])]]));
  await clearDirtyDay(deps.db, row.person_id, row.date);
}

/**
 * Approves or rejects a pending correction. The route has checked the approver's scope and competence; here nobody
 * decides on their own request, a rejection needs its reason, and an approval ingests or voids in one transaction
 * with the audit rows. The day is recomputed at once (and queued, should that fail).
 */
export async function decideCorrection(
  deps: AttendanceDeps,
  actor: Actor & { personId: string | null },
  id: string,
  decision: 'APPROVED' | 'REJECTED',
  note: string | null,
  expectedVersion?: number,
): Promise<CorrectionRow> {
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    const cur = await findCorrection(tx, id, true);
    assertDecidable(cur, actor, decision, note, expectedVersion);
    let createdPunchId: string | null = null;
    if (decision === 'APPROVED' && cur.kind === 'ADD_PUNCH') {
      // The normal ingestion path (validation, audit row, dirty queue), joined to this transaction.
      const out = await ingestPunch(
        tx,
        { source: CORRECTION_SOURCE, sourceEventId: `correction:${cur.id}`, personId: cur.person_id, at: cur.at as Date, direction: cur.direction },
        { now, origin: { kind: 'server' } },
      );
      createdPunchId = out.punchId;
    }
    const updated = await decideCorrectionRow(tx, id, { status: decision, decidedBy: actor.id, decidedAt: now, note: note?.trim() || null, createdPunchId });
    await enqueueDirty(tx, [{ personId: cur.person_id, date: cur.date }]);
    await recordAudit(tx, {
      actor,
      action: decision === 'APPROVED' ? 'attendance.correction_approve' : 'attendance.correction_reject',
      entityType: 'punch_correction',
      entityId: id,
      unitId: cur.unit_id,
      reason: note,
      details: { kind: cur.kind, personId: cur.person_id, date: cur.date, punchId: cur.punch_id, createdPunchId },
    });
    return updated;
  });
  if (row.status === 'APPROVED') await recomputeDay(deps, row);
  return row;
}

/** Withdraws a pending correction (the requester or an approver). An approved one is undone by a new request. */
export async function cancelCorrection(deps: AttendanceDeps, actor: Actor, id: string, reason: string): Promise<CorrectionRow> {
  return deps.db.transaction(async (tx) => {
    const cur = await findCorrection(tx, id, true);
    if (cur.status !== 'PENDING')
      throw errors.conflict('REQUEST_CLOSED', 'Chỉ hủy được đơn đang chờ duyệt.', 'Only a pending request can be withdrawn.', { status: cur.status });
    const updated = await cancelCorrectionRow(tx, id, actor.id, deps.now());
    await recordAudit(tx, { actor, action: 'attendance.correction_cancel', entityType: 'punch_correction', entityId: id, unitId: cur.unit_id, reason, details: {} });
    return updated;
  });
}
