import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/ports/db';
import { cosine, meanEmbedding } from '../../platform/image/embedding';
import { fromBytes, toBytes } from './templates.repo';

/** Similarity above which an unknown face joins an existing group (same stranger seen again). */
export const UNKNOWN_SAME_FACE = 0.5;

/** The centroid follows at most this many passes, so a group keeps adapting (new glasses, haircut) instead of freezing. */
const CENTROID_MEMORY = 20;

/**
 * Which groups a face may join: ordinary stranger groups of the unit (no period), or only the groups of one gate
 * enrollment period, so faces collected for enrollment never mix with strangers seen outside the period.
 */
export type ClusterScope = { periodId: string; cameraId: string } | undefined;

/**
 * Puts an unknown face into the group of the most similar recent unknown of the same unit and engine (and period,
 * when given), or starts a new group, so a repeat stranger is one entry with a count rather than one entry per pass.
 * The group's embedding is the running mean of its passes.
 */
export async function assignUnknownCluster(
  db: Db,
  unitId: string,
  engine: string,
  embedding: Float32Array,
  at: Date,
  threshold = UNKNOWN_SAME_FACE,
  scope?: ClusterScope,
): Promise<string> {
  const rows = scope
    ? await db.query<{ id: string; embedding: Uint8Array; sightings: number }>(
        'SELECT id, embedding, sightings FROM face_unknown_clusters WHERE enrollment_period_id = $1 AND engine = $2 ORDER BY last_seen DESC LIMIT 500',
        [scope.periodId, engine],
      )
    : await db.query<{ id: string; embedding: Uint8Array; sightings: number }>(
        'SELECT id, embedding, sightings FROM face_unknown_clusters WHERE unit_id = $1 AND engine = $2 AND enrollment_period_id IS NULL ORDER BY last_seen DESC LIMIT 500',
        [unitId, engine],
      );
  let best: { id: string; score: number; centroid: Float32Array; sightings: number } | undefined;
  for (const r of rows) {
    const centroid = fromBytes(r.embedding);
    const s = cosine(embedding, centroid);
    if (s >= threshold && (!best || s > best.score)) best = { id: r.id, score: s, centroid, sightings: r.sightings };
  }
  if (best) {
    const w = Math.min(best.sightings, CENTROID_MEMORY);
    const mixed = best.centroid.map((c, i) => c * w + (embedding[i] as number));
    await db.query('UPDATE face_unknown_clusters SET sightings = sightings + 1, last_seen = $2, embedding = $3 WHERE id = $1', [
      best.id,
      at,
      toBytes(meanEmbedding([mixed])),
    ]);
    return best.id;
  }
  const id = randomUUID();
  await db.query(
    `INSERT INTO face_unknown_clusters (id, unit_id, engine, embedding, sightings, first_seen, last_seen, enrollment_period_id, camera_id)
     VALUES ($1,$2,$3,$4,1,$5,$5,$6,$7)`,
    [id, unitId, engine, toBytes(embedding), at, scope?.periodId ?? null, scope?.cameraId ?? null],
  );
  return id;
}
