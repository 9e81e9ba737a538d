import type { Db } from '../../platform/ports/db';

/** Legal holds (table legal_holds): footage of a camera in a time range that retention must keep until released. */

export interface LegalHoldRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  reason: string;
  created_at: Date;
  released_at: Date | null;
}

/** Every hold of a camera, released ones included, latest start first. */
export async function listHolds(db: Db, cameraId: string): Promise<LegalHoldRow[]> {
  return db.query<LegalHoldRow>(
    'SELECT id, starts_at, ends_at, reason, created_at, released_at FROM legal_holds WHERE camera_id = $1 ORDER BY starts_at DESC',
    [cameraId],
  );
}

/** Holds in force that overlap [from, to] (the playback timeline). */
export async function activeHoldsInRange(db: Db, cameraId: string, from: Date, to: Date): Promise<Array<{ id: string; starts_at: Date; ends_at: Date; reason: string }>> {
  return db.query<{ id: string; starts_at: Date; ends_at: Date; reason: string }>(
    `SELECT id, starts_at, ends_at, reason FROM legal_holds
        WHERE camera_id = $1 AND released_at IS NULL AND ends_at > $2 AND starts_at < $3 ORDER BY starts_at`,
    [cameraId, from.toISOString(), to.toISOString()],
  );
}

export async function insertHold(
  db: Db,
  h: { id: string; cameraId: string; unitId: string; from: Date; to: Date; reason: string; createdBy: string | null },
): Promise<void> {
  await db.query(
    'INSERT INTO legal_holds (id, camera_id, unit_id, starts_at, ends_at, reason, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7)',
    [h.id, h.cameraId, h.unitId, h.from.toISOString(), h.to.toISOString(), h.reason, h.createdBy],
  );
}

export async function getHold(db: Db, id: string): Promise<{ camera_id: string; released_at: Date | null } | undefined> {
  return (await db.query<{ camera_id: string; released_at: Date | null }>('SELECT camera_id, released_at FROM legal_holds WHERE id = $1', [id]))[0];
}

export async function releaseHold(db: Db, id: string, releasedBy: string | null): Promise<void> {
  await db.query('UPDATE legal_holds SET released_at = now(), released_by = $2 WHERE id = $1', [id, releasedBy]);
}
