import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/ports/db';
import { cosine, meanEmbedding } from '../../platform/image/embedding';
import { fromBytes, toBytes } from './templates.repo';

/** The centroid follows at most this many passes, so a group keeps adapting (new glasses, haircut) instead of freezing. */
const CENTROID_MEMORY = 20;

/**
 * The gate-enrollment period whose groups a face may join. There is no other scope any more: outside an enrollment
 * period a stranger's embedding is discarded at once and never grouped (Luật 91/2025 Điều 9; audit D11, issue 14),
 * so faces collected for enrollment never mix with strangers and strangers are never kept as templates.
 */
export type ClusterScope = { periodId: string; cameraId: string };

/**
 * Puts a not-confidently-matched face of an enrollment period into the period's group of the most similar face, or
 * starts a new group, so one person is one group with a count rather than one entry per pass. The group's embedding
 * is the running mean of its passes.
 */
export async function assignUnknownCluster(
  db: Db,
  unitId: string,
  engine: string,
  embedding: Float32Array,
  at: Date,
  threshold: number,
  scope: ClusterScope,
): Promise<string> {
  const rows = await db.query<{ id: string; embedding: Uint8Array | null; sightings: number }>(
    'SELECT id, embedding, sightings FROM face_unknown_clusters WHERE enrollment_period_id = $1 AND engine = $2 AND embedding IS NOT NULL ORDER BY last_seen DESC LIMIT 500',
    [scope.periodId, engine],
  );
  let best: { id: string; score: number; centroid: Float32Array; sightings: number } | undefined;
  for (const r of rows) {
    if (!r.embedding) continue;
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
    [id, unitId, engine, toBytes(embedding), at, scope.periodId, scope.cameraId],
  );
  return id;
}
