import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { ZDate, ZText } from '../../platform/http/schemas';
import { type AuditActor, recordAudit } from '../audit';
import { addDays, daysBetween, localDateOf, localToInstant } from '../../platform/time';

/**
 * Gate enrollment periods: a manager lets one gate camera collect faces for enrollment between two dates.
 * Privacy (domain.md §9.3, data minimisation): collection is bounded in time (at most MAX_PERIOD_DAYS), stops at
 * once when the period is closed, only groups faces that did not match anyone confidently, and every group nobody
 * assigned is deleted — embeddings and face crops — `retentionDays` after the period ends (its end date, or the
 * closing day when closed earlier). Assigned groups become templates of a consenting person; discarded groups are
 * deleted at once.
 */
export const MAX_PERIOD_DAYS = 60;
export const DEFAULT_RETENTION_DAYS = 14;

export const periodInputSchema = z.strictObject({
  cameraId: z.uuid(),
  startsOn: ZDate,
  endsOn: ZDate,
  retentionDays: z.number().int().min(1).max(90).default(DEFAULT_RETENTION_DAYS),
  note: ZText(500).optional(),
});
export type PeriodInput = z.infer<typeof periodInputSchema>;

export type PeriodState = 'SCHEDULED' | 'COLLECTING' | 'ENDED' | 'CLOSED';

export interface PeriodDto {
  id: string;
  cameraId: string;
  cameraName: string;
  unitId: string;
  unitName: string;
  startsOn: string;
  endsOn: string;
  retentionDays: number;
  state: PeriodState;
  note: string | null;
  openedBy: string;
  openedAt: Date;
  closedBy: string | null;
  closedAt: Date | null;
  /** From this instant unassigned groups are deleted. */
  purgeAfter: Date;
  purgedAt: Date | null;
  pendingGroups: number;
  groupsAssigned: number;
  groupsDiscarded: number;
  groupsPurged: number;
  templatesCreated: number;
}

/** Midnight (Asia/Ho_Chi_Minh) after `day`, plus `days` days. */
function vietnamMidnightAfter(day: string, days: number): Date {
  return localToInstant(addDays(day, days + 1));
}

function stateOf(r: { status: string; starts_on: string; ends_on: string }, today: string): PeriodState {
  if (r.status === 'CLOSED') return 'CLOSED';
  if (today < r.starts_on) return 'SCHEDULED';
  return today > r.ends_on ? 'ENDED' : 'COLLECTING';
}

/** The camera a period is for, refused unless it is a gate camera where recognition is allowed. */
export async function gateCameraFor(db: Db, cameraId: string): Promise<{ id: string; unit_id: string; name: string }> {
  const cam = (
    await db.query<{ id: string; unit_id: string; name: string; location_type: string; recognition_allowed: boolean }>(
      'SELECT id, unit_id, name, location_type, recognition_allowed FROM cameras WHERE id = $1',
      [cameraId],
    )
  )[0];
  if (!cam) throw errors.notFound('Camera', 'camera');
  if (cam.location_type !== 'GATE' || !cam.recognition_allowed) {
    throw new AppError(
      409,
      'GATE_RECOGNITION_REQUIRED',
      'Chỉ mở đợt đăng ký cho camera cổng đã được phép nhận diện khuôn mặt.',
      'Enrollment periods are only for gate cameras where face recognition is allowed.',
      { locationType: cam.location_type, recognitionAllowed: cam.recognition_allowed },
    );
  }
  return cam;
}

export async function openPeriod(db: Db, actor: AuditActor, input: PeriodInput, now: Date): Promise<{ id: string }> {
  const today = localDateOf(now);
  if (input.endsOn < input.startsOn) {
    throw errors.badRequest('PERIOD_DATES_INVALID', 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.', 'The end date must be on or after the start date.');
  }
  if (input.endsOn < today) {
    throw errors.badRequest('PERIOD_IN_PAST', 'Đợt đăng ký phải kết thúc từ hôm nay trở đi.', 'The period must end today or later.');
  }
  const days = daysBetween(input.startsOn, input.endsOn) + 1;
  if (days > MAX_PERIOD_DAYS) {
    throw errors.badRequest(
      'PERIOD_TOO_LONG',
      `Một đợt đăng ký dài tối đa ${MAX_PERIOD_DAYS} ngày (hạn chế thu thập dữ liệu sinh trắc học).`,
      `A period lasts at most ${MAX_PERIOD_DAYS} days (biometric collection is kept to what is needed).`,
      { days },
    );
  }
  return db.transaction(async (tx) => {
    const cam = await gateCameraFor(tx, input.cameraId);
    const overlap = await tx.query<{ id: string }>(
      `SELECT id FROM face_enrollment_periods WHERE camera_id = $1 AND status = 'OPEN' AND NOT (ends_on < $2::date OR starts_on > $3::date)`,
      [cam.id, input.startsOn, input.endsOn],
    );
    if (overlap.length) {
      throw errors.conflict('PERIOD_OVERLAP', 'Camera này đã có một đợt đăng ký đang mở trùng thời gian.', 'This camera already has an open period over these dates.', {
        periodId: overlap[0]?.id,
      });
    }
    const id = randomUUID();
    await tx.query(
      `INSERT INTO face_enrollment_periods (id, camera_id, unit_id, starts_on, ends_on, retention_days, status, note, opened_by, opened_by_name,
         opened_at, purge_after)
       VALUES ($1,$2,$3,$4,$5,$6,'OPEN',$7,$8,$9,$10,$11)`,
      [id, cam.id, cam.unit_id, input.startsOn, input.endsOn, input.retentionDays, input.note ?? null, actor.id ?? null, actor.name, now, vietnamMidnightAfter(input.endsOn, input.retentionDays)],
    );
    await recordAudit(
      tx,
      {
        actor,
        action: 'faces.gate_enroll_period_open',
        entityType: 'face_enrollment_period',
        entityId: id,
        unitId: cam.unit_id,
        details: { cameraId: cam.id, startsOn: input.startsOn, endsOn: input.endsOn, retentionDays: input.retentionDays },
      },
      now,
    );
    return { id };
  });
}

/** Stops collection at once; unassigned groups are then deleted `retentionDays` after today (or earlier if already due). */
export async function closePeriod(db: Db, actor: AuditActor, id: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const p = (
      await tx.query<{ status: string; unit_id: string; retention_days: number; purge_after: Date }>(
        'SELECT status, unit_id, retention_days, purge_after FROM face_enrollment_periods WHERE id = $1 FOR UPDATE',
        [id],
      )
    )[0];
    if (!p) throw errors.notFound('Enrollment period', 'đợt đăng ký');
    if (p.status !== 'OPEN') throw errors.conflict('PERIOD_CLOSED', 'Đợt đăng ký này đã đóng.', 'This period is already closed.');
    const purgeAfter = new Date(Math.min(p.purge_after.getTime(), vietnamMidnightAfter(localDateOf(now), p.retention_days).getTime()));
    await tx.query(
      `UPDATE face_enrollment_periods SET status = 'CLOSED', closed_by = $2, closed_by_name = $3, closed_at = $4, purge_after = $5 WHERE id = $1`,
      [id, actor.id ?? null, actor.name, now, purgeAfter],
    );
    const pending = (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM face_unknown_clusters WHERE enrollment_period_id = $1', [id]))[0]?.n ?? 0;
    await recordAudit(tx, { actor, action: 'faces.gate_enroll_period_close', entityType: 'face_enrollment_period', entityId: id, unitId: p.unit_id, details: { pendingGroups: pending, purgeAfter } }, now);
  });
}

export async function listPeriods(db: Db, unitIds: string[], now: Date, id?: string): Promise<PeriodDto[]> {
  const rows = await db.query<{
    id: string;
    camera_id: string;
    camera_name: string;
    unit_id: string;
    unit_name: string;
    starts_on: string;
    ends_on: string;
    retention_days: number;
    status: string;
    note: string | null;
    opened_by_name: string;
    opened_at: Date;
    closed_by_name: string | null;
    closed_at: Date | null;
    purge_after: Date;
    purged_at: Date | null;
    pending: number;
    groups_assigned: number;
    groups_discarded: number;
    groups_purged: number;
    templates_created: number;
  }>(
    `SELECT p.*, c.name AS camera_name, u.name AS unit_name,
            (SELECT count(*)::int FROM face_unknown_clusters k WHERE k.enrollment_period_id = p.id) AS pending
       FROM face_enrollment_periods p JOIN cameras c ON c.id = p.camera_id JOIN org_units u ON u.id = p.unit_id
      WHERE p.unit_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR p.id = $2)
      ORDER BY p.opened_at DESC LIMIT 200`,
    [unitIds, id ?? null],
  );
  const today = localDateOf(now);
  return rows.map((r) => ({
    id: r.id,
    cameraId: r.camera_id,
    cameraName: r.camera_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    retentionDays: r.retention_days,
    state: stateOf(r, today),
    note: r.note,
    openedBy: r.opened_by_name,
    openedAt: r.opened_at,
    closedBy: r.closed_by_name,
    closedAt: r.closed_at,
    purgeAfter: r.purge_after,
    purgedAt: r.purged_at,
    pendingGroups: r.pending,
    groupsAssigned: r.groups_assigned,
    groupsDiscarded: r.groups_discarded,
    groupsPurged: r.groups_purged,
    templatesCreated: r.templates_created,
  }));
}

/** Gate cameras with recognition allowed in the given units: the ones a period can be opened for. */
export async function listGateCameras(db: Db, unitIds: string[]): Promise<{ id: string; name: string; unitId: string; unitName: string }[]> {
  const rows = await db.query<{ id: string; name: string; unit_id: string; unit_name: string }>(
    `SELECT c.id, c.name, c.unit_id, u.name AS unit_name FROM cameras c JOIN org_units u ON u.id = c.unit_id
      WHERE c.location_type = 'GATE' AND c.recognition_allowed AND c.unit_id = ANY($1::uuid[]) ORDER BY u.name, c.name`,
    [unitIds],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, unitId: r.unit_id, unitName: r.unit_name }));
}
