import { setBlobOwnerPerson } from '../../platform/blob-owners/blob-owners';
import { AppError, errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { type AuditActor, recordAudit } from '../audit';
import { namesFor, personsWithReference } from './passes.repo';
import type { PunchSink } from './gate-pipeline';

/** The punch sink a confirmation uses: the reviewer is recorded with the punch (attendance shows "confirmed by"). */
export type ReviewPunchSink = (db: Db, punch: Parameters<PunchSink>[1] & { confirmedBy?: string | null }) => ReturnType<PunchSink>;

export interface ReviewItem {
  id: string;
  cameraId: string;
  unitId: string;
  /** When the face was first seen in this pass (the punch time a confirmation gives). */
  seenAt: Date;
  reason: string | null;
  masked: boolean;
  snapshotKey: string | null;
  /** Frames of the pass and track fragments merged into it (one review item per pass, however it was tracked). */
  frames: number;
  fragments: number;
  cameraName: string | null;
  /** hasReference: a reference face can be shown (GET /api/recognition/persons/:id/reference-photo answers 200). */
  candidates: { personId: string; score: number; fullName: string | null; employeeCode: string | null; hasReference: boolean }[];
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
    first_seen_at: Date;
    review_reason: string | null;
    masked: boolean;
    snapshot_key: string | null;
    frames: number;
    fragments: number;
    candidates: { personId: string; score: number }[];
    liveness: number | null;
    liveness_detail: { components?: Record<string, number | null> } | null;
  }>(
    `SELECT s.id, s.camera_id, s.unit_id, s.first_seen_at, s.review_reason, s.masked, s.snapshot_key, s.frames, s.fragments,
            s.candidates, s.liveness, s.liveness_detail
       FROM face_sightings s
      WHERE s.review_status = 'PENDING' AND s.unit_id = ANY($1::uuid[]) ORDER BY s.first_seen_at DESC LIMIT $2`,
    [unitIds, limit],
  );
  const ids = [...new Set(rows.flatMap((r) => r.candidates.map((c) => c.personId)))];
  const names = await namesFor(db, { personIds: ids });
  const referenced = new Set(ids.length ? await personsWithReference(db, ids) : []);
  return rows.map((r) => ({
    id: r.id,
    cameraId: r.camera_id,
    unitId: r.unit_id,
    seenAt: r.first_seen_at,
    reason: r.review_reason,
    masked: r.masked,
    snapshotKey: r.snapshot_key,
    frames: r.frames,
    fragments: r.fragments,
    cameraName: names.camera(r.camera_id),
    candidates: r.candidates.map((c) => ({
      ...c,
      fullName: names.person(c.personId)?.fullName ?? null,
      employeeCode: names.person(c.personId)?.employeeCode ?? null,
      hasReference: referenced.has(c.personId),
    })),
    liveness: r.liveness,
    livenessComponents: r.liveness_detail?.components ?? null,
  }));
}

async function loadPending(db: Db, sightingId: string) {
  const row = (
    await db.query<{ id: string; unit_id: string; camera_id: string; first_seen_at: Date; review_status: string | null; candidates: { personId: string }[]; snapshot_key: string | null }>(
      'SELECT id, unit_id, camera_id, first_seen_at, review_status, candidates, snapshot_key FROM face_sightings WHERE id = $1 FOR UPDATE',
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
  deps: { db: Db; punch: ReviewPunchSink },
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
      at: row.first_seen_at,
      direction,
      confidence: null,
      sourceKind: 'CAMERA',
      evidence: { snapshotKey: row.snapshot_key ?? undefined, sightingId },
      confirmedBy: actor.id ?? null,
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
    // The pass' description is not this person's face as far as anyone knows: it must never feed the learning gallery.
    await tx.query(`UPDATE face_sightings SET review_status = 'REJECTED', reviewed_by = $2, reviewed_at = $3, probe_embedding = NULL WHERE id = $1`, [
      sightingId,
      actor.id ?? null,
      now,
    ]);
    await recordAudit(tx, { actor, action: 'faces.review_reject', entityType: 'face_sighting', entityId: sightingId, unitId: row.unit_id, reason }, now);
  });
}

export interface BulkConfirmOutcome {
  id: string;
  ok: boolean;
  punchId?: string;
  code?: string;
  message_vi?: string;
  message_en?: string;
}

/**
 * Confirms several passes of one person, each in its own transaction exactly as one confirmation (punch, audit,
 * snapshot owner): a pass someone else decided meanwhile, or where the person is not a candidate, is reported and
 * the others still go through. Scope was checked for every item by the caller before anything is written.
 */
export async function bulkConfirmReviews(
  deps: { db: Db; punch: ReviewPunchSink },
  actor: AuditActor,
  items: Array<{ id: string; personId: string; direction: 'IN' | 'OUT' | null }>,
  now: Date,
): Promise<BulkConfirmOutcome[]> {
  const out: BulkConfirmOutcome[] = [];
  for (const item of items) {
    try {
      const { punchId } = await confirmReview(deps, actor, item.id, item.personId, item.direction, now);
      out.push({ id: item.id, ok: true, punchId });
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      out.push({ id: item.id, ok: false, code: err.code, message_vi: err.messageVi, message_en: err.messageEn });
    }
  }
  return out;
}
