import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/ports/db';
import { cosine } from '../../platform/ports/face-engine';
import { fromBytes, toBytes } from './templates.repo';

/** Similarity above which an unknown face joins an existing group (same stranger seen again). */
export const UNKNOWN_SAME_FACE = 0.5;

/**
 * Puts an unknown face into the group of the most similar recent unknown of the same unit and engine, or starts a
 * new group, so a repeat stranger is one entry with a count rather than one entry per pass.
 */
export async function assignUnknownCluster(db: Db, unitId: string, engine: string, embedding: Float32Array, at: Date, threshold = UNKNOWN_SAME_FACE): Promise<string> {
  const rows = await db.query<{ id: string; embedding: Uint8Array }>(
    'SELECT id, embedding FROM face_unknown_clusters WHERE unit_id = $1 AND engine = $2 ORDER BY last_seen DESC LIMIT 500',
    [unitId, engine],
  );
  let best: { id: string; score: number } | undefined;
  for (const r of rows) {
    const s = cosine(embedding, fromBytes(r.embedding));
    if (s >= threshold && (!best || s > best.score)) best = { id: r.id, score: s };
  }
  if (best) {
    await db.query('UPDATE face_unknown_clusters SET sightings = sightings + 1, last_seen = $2 WHERE id = $1', [best.id, at]);
    return best.id;
  }
  const id = randomUUID();
  await db.query(
    'INSERT INTO face_unknown_clusters (id, unit_id, engine, embedding, sightings, first_seen, last_seen) VALUES ($1,$2,$3,$4,1,$5,$5)',
    [id, unitId, engine, toBytes(embedding), at],
  );
  return id;
}
