import { setBlobOwnerPerson } from '../../platform/blob-owners/blob-owners';
import { AppError, errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { type AuditActor, recordAudit } from '../audit';
import type { PunchSink } from './gate-pipeline';

export interface ReviewItem {
  id: string;
  cameraId: string;
  unitId: string;
  seenAt: Date;
  reason: string | null;
  masked: boolean;
  snapshotKey: string | null;
  candidates: { personId: string; score: number; fullName: string | null; employeeCode: string | null }[];
  /** Heuristic liveness signal of the pass (not certified anti-spoofing) and its components; null for one-frame passes. */
  liveness: number | null;
  livenessComponents: Record<string, number | null> | null;
}

/** Pending passes of the given units, newest first, with the top candidates' names for the reviewer. */
export async function listPendingReviews(db: Db, unitIds: string[], limit = 100): Promise<ReviewItem[]> {
  const rows = await db.query<{
    id: string;
    camera_id: string;
    unit_id: string;
    seen_at: Date;
    review_reason: string | null;
    masked: boolean;
    snapshot_key: string | null;
    candidates: { personId: string; score: number }[];
    liveness: number | null;
    liveness_detail: { components?: Record<string, number | null> } | null;
  }>(
    `SELECT id, camera_id, unit_id, seen_at, review_reason, masked, snapshot_key, candidates, liveness, liveness_detail FROM face_sightings
      WHERE review_status = 'PENDING' AND unit_id = ANY($1::uuid[]) ORDER BY seen_at DESC LIMIT $2`,
    [unitIds, limit],
  );
  const ids = [...new Set(rows.flatMap((r) => r.candidates.map((c) => c.personId)))];
  const people = ids.length
    ? await db.query<{ id: string; full_name: string; employee_code: string }>(
        'SELECT id, full_name, employee_code FROM persons WHERE id = ANY($1::uuid[])',
        [ids],
      )
    : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  return rows.map((r) => ({
    id: r.id,
    cameraId: r.camera_id,
    unitId: r.unit_id,
    seenAt: r.seen_at,
    reason: r.review_reason,
    masked: r.masked,
    snapshotKey: r.snapshot_key,
    candidates: r.candidates.map((c) => ({
      ...c,
      fullName: byId.get(c.personId)?.full_name ?? null,
      employeeCode: byId.get(c.personId)?.employee_code ?? null,
    })),
    liveness: r.liveness,
    livenessComponents: r.liveness_detail?.components ?? null,
  }));
}

async function loadPending(db: Db, sightingId: string) {
  const row = (
    await db.query<{ id: string; unit_id: string; camera_id: string; seen_at: Date; review_status: string | null; candidates: { personId: string }[]; snapshot_key: string | null }>(
      'SELECT id, unit_id, camera_id, seen_at, review_status, candidates, snapshot_key FROM face_sightings WHERE id = $1 FOR UPDATE',
      [sightingId],
    )
  )[0];
  if (!row) throw errors.notFound('Sighting', 'lượt nhận diện');
  if (row.review_status !== 'PENDING') {
    throw new AppError(409, 'REVIEW_ALREADY_DECIDED', 'Lượt nhận diện này đã được xem xét.', 'This pass has already been reviewed.', {
      status: row.review_status,
    });
  }
  return row;
}

/**
 * A reviewer confirms who passed: the punch is created with the reviewer as the decision maker and the sighting as
 * evidence. Only a person among the candidates can be chosen (the reviewer judges the machine's proposal; anyone
 * else is a manual punch in the attendance module).
 */
export async function confirmReview(
  deps: { db: Db; punch: PunchSink },
  actor: AuditActor,
  sightingId: string,
  personId: string,
  direction: 'IN' | 'OUT' | null,
  now: Date,
): Promise<{ punchId: string }> {
  return deps.db.transaction(async (tx) => {
    const row = await loadPending(tx, sightingId);
    if (!row.candidates.some((c) => c.personId === personId)) {
      throw errors.badRequest('REVIEW_NOT_A_CANDIDATE', 'Người được chọn không nằm trong danh sách gợi ý.', 'The chosen person is not among the candidates.');
    }
    const punch = await deps.punch(tx, {
      source: `camera-review:${row.camera_id}`,
      sourceEventId: sightingId,
      personId,
      at: row.seen_at,
      direction,
      confidence: null,
      sourceKind: 'CAMERA',
      evidence: { snapshotKey: row.snapshot_key ?? undefined, sightingId },
    });
    await tx.query(
      `UPDATE face_sightings SET review_status = 'CONFIRMED', person_id = $2, reviewed_by = $3, reviewed_at = $4, punch_id = $5 WHERE id = $1`,
      [sightingId, personId, actor.id ?? null, now, punch.punchId],
    );
    // The snapshot is now known to be about this person, who may see it (blob owners, issue 11).
    if (row.snapshot_key) await setBlobOwnerPerson(tx, row.snapshot_key, personId);
    await recordAudit(tx, { actor, action: 'faces.review_confirm', entityType: 'face_sighting', entityId: sightingId, unitId: row.unit_id, details: { personId, punchId: punch.punchId } }, now);
    return { punchId: punch.punchId };
  });
}

export async function rejectReview(db: Db, actor: AuditActor, sightingId: string, reason: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await loadPending(tx, sightingId);
    await tx.query(`UPDATE face_sightings SET review_status = 'REJECTED', reviewed_by = $2, reviewed_at = $3 WHERE id = $1`, [
      sightingId,
      actor.id ?? null,
      now,
    ]);
    await recordAudit(tx, { actor, action: 'faces.review_reject', entityType: 'face_sighting', entityId: sightingId, unitId: row.unit_id, reason }, now);
  });
}
