import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/ports/db';
import type { ViolationKind } from '../rules';

/**
 * Why the kind of one fact changed (the visible history of CONTRACT C5):
 * REQUEST_PENDING — a request (leave, trip, permission) now covers it and awaits a decision;
 * REQUEST_NOT_APPROVED — that request was rejected or withdrawn, so the fact is a violation again;
 * NOT_REPORTED_IN_TIME — the absence stayed unreported past the regulation's working-day threshold;
 * ATTENDANCE_RECOMPUTED — any other recomputation of the day (a calendar or schedule change, a correction).
 */
export type KindChangeCause = 'REQUEST_PENDING' | 'REQUEST_NOT_APPROVED' | 'NOT_REPORTED_IN_TIME' | 'ATTENDANCE_RECOMPUTED';

export interface KindChangeRow {
  id: string;
  seq: number;
  violation_id: string;
  from_kind: ViolationKind;
  to_kind: ViolationKind;
  cause: KindChangeCause;
  attendance_revision: number | null;
  details: Record<string, unknown>;
  notified: boolean;
  at: Date;
}

export async function insertKindChange(db: Db, c: Omit<KindChangeRow, 'id' | 'seq'>): Promise<void> {
  await db.query(
    `INSERT INTO violation_kind_changes (id, violation_id, from_kind, to_kind, cause, attendance_revision, details, notified, at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [randomUUID(), c.violation_id, c.from_kind, c.to_kind, c.cause, c.attendance_revision, JSON.stringify(c.details), c.notified, c.at.toISOString()],
  );
}

export async function kindChangesOf(db: Db, violationId: string): Promise<KindChangeRow[]> {
  return db.query<KindChangeRow>('SELECT * FROM violation_kind_changes WHERE violation_id = $1 ORDER BY seq', [violationId]);
}
