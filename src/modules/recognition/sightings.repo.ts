import type { Db } from '../../platform/ports/db';

/** Reads of one gate pass (face_sightings row) that the HTTP routes need before their scope checks. */

/** The pass's unit and its camera's direction (null when the camera is gone or has none), for a review confirmation. */
export async function sightingForReview(db: Db, sightingId: string): Promise<{ unit_id: string; direction: 'IN' | 'OUT' | null } | undefined> {
  return (
    await db.query<{ unit_id: string; direction: 'IN' | 'OUT' | null }>(
      `SELECT s.unit_id, c.direction FROM face_sightings s LEFT JOIN cameras c ON c.id = s.camera_id WHERE s.id = $1`,
      [sightingId],
    )
  )[0];
}

export async function sightingUnit(db: Db, sightingId: string): Promise<{ unit_id: string } | undefined> {
  return (await db.query<{ unit_id: string }>('SELECT unit_id FROM face_sightings WHERE id = $1', [sightingId]))[0];
}

export async function sightingSnapshot(db: Db, sightingId: string): Promise<{ unit_id: string; snapshot_key: string | null } | undefined> {
  return (await db.query<{ unit_id: string; snapshot_key: string | null }>('SELECT unit_id, snapshot_key FROM face_sightings WHERE id = $1', [sightingId]))[0];
}
