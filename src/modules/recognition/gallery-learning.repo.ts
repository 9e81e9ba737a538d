import type { Db } from '../../platform/ports/db';

/** SQL of the learning gallery over face_sightings.probe_embedding (written by the gate for AUTO and REVIEW passes). */

/** How long a pass' description may wait to be used: after this it is discarded whatever happened (issue 14 contract). */
export const PROBE_MAX_AGE_MS = 7 * 24 * 3_600_000;

export interface ProbeRow {
  id: string;
  unit_id: string;
  camera_id: string;
  verdict: 'AUTO' | 'REVIEW' | 'UNKNOWN';
  review_status: 'PENDING' | 'CONFIRMED' | 'REJECTED' | null;
  review_reason: string | null;
  person_id: string | null;
  frames: number;
  candidates: { personId: string; score: number }[];
  engine: string | null;
  punch_id: string | null;
  first_seen_at: Date;
  probe_embedding: Uint8Array;
}

/** Clears every pass description older than PROBE_MAX_AGE_MS (unused: a review nobody decided, a job that was off). */
export async function clearStaleProbes(db: Db, now: Date): Promise<number> {
  const rows = await db.query<{ id: string }>(
    'UPDATE face_sightings SET probe_embedding = NULL WHERE probe_embedding IS NOT NULL AND first_seen_at < $1 RETURNING id',
    [new Date(now.getTime() - PROBE_MAX_AGE_MS)],
  );
  return rows.length;
}

/** Whether any pass description waits (the job starts the face engine only when there is something to learn). */
export async function hasProbes(db: Db): Promise<boolean> {
  return (await db.query('SELECT 1 FROM face_sightings WHERE probe_embedding IS NOT NULL LIMIT 1')).length > 0;
}

/**
 * Passes ready for a decision, oldest first: automatic ones whose punch has had `settleMs` to be annulled, reviews a
 * person decided (confirmed: learn or refuse; rejected: discard), and anything that should carry no description at
 * all (UNKNOWN). Pending reviews and fresh automatic passes wait.
 */
export async function readyProbes(db: Db, now: Date, settleMs: number, limit: number): Promise<ProbeRow[]> {
  return db.query<ProbeRow>(
    `SELECT id, unit_id, camera_id, verdict, review_status, review_reason, person_id, frames, candidates,
            engine_meta->>'engine' AS engine, punch_id, first_seen_at, probe_embedding
       FROM face_sightings
      WHERE probe_embedding IS NOT NULL
        AND ((verdict = 'AUTO' AND first_seen_at <= $1) OR review_status IN ('CONFIRMED', 'REJECTED') OR verdict = 'UNKNOWN')
      ORDER BY first_seen_at, id LIMIT $2`,
    [new Date(now.getTime() - settleMs), limit],
  );
}

export async function clearProbe(db: Db, sightingId: string): Promise<void> {
  await db.query('UPDATE face_sightings SET probe_embedding = NULL WHERE id = $1', [sightingId]);
}

/** Learned templates (learned since `since`) with their pass' punch, for the annulment re-check. */
export async function learnedWithPunches(
  db: Db,
  since: Date,
): Promise<{ template_id: string; person_id: string; sighting_id: string; punch_id: string | null; first_seen_at: Date; unit_id: string }[]> {
  return db.query(
    `SELECT t.id AS template_id, t.person_id, s.id AS sighting_id, s.punch_id, s.first_seen_at, s.unit_id
       FROM face_templates t JOIN face_sightings s ON s.id = t.sighting_id
      WHERE t.source IN ('GATE_AUTO', 'GATE_REVIEW') AND t.learned_at >= $1`,
    [since],
  );
}
