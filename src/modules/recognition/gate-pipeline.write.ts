import { encodeJpeg } from '../../platform/image/codec';
import { cropRgb } from '../../platform/image/pixels';
import { BLOB_KINDS, recordBlobOwner, setBlobOwnerPerson } from '../../platform/blob-owners/blob-owners';
import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';
import type { FaceBox, RgbImage } from '../../platform/ports/face-engine';
import type { PassVerdict } from './domain/decide-pass';
import { packDescribed } from './domain/described-bytes';
import type { LivenessResult } from './domain/liveness';
import type { Described } from './domain/match';

/** The rows of face_sightings the gate writes: one per pass, inserted once and refined afterwards. */

/** What a punch needs from the attendance module (its `ingestPunch`, injected so tests and modules stay decoupled). */
export type PunchSink = (
  db: Db,
  punch: {
    source: string;
    sourceEventId: string;
    personId: string;
    at: Date;
    direction?: 'IN' | 'OUT' | null;
    confidence?: number | null;
    sourceKind?: 'CAMERA';
    evidence?: { snapshotKey?: string; sightingId?: string };
  },
) => Promise<{ status: string; punchId: string }>;

const kindOf = (v: PassVerdict) => (v.kind === 'auto' ? 'AUTO' : v.kind === 'review' ? 'REVIEW' : 'UNKNOWN') as 'AUTO' | 'REVIEW' | 'UNKNOWN';
export { kindOf };

/** The pass' mean description is kept only for AUTO and REVIEW (the learning gallery); never a stranger's (D11). */
const probeOf = (v: PassVerdict, probe: Described | null) => (probe && v.kind !== 'unknown' ? packDescribed(probe) : null);

export interface NewSighting {
  id: string;
  camera: { id: string; unitId: string };
  verdict: PassVerdict;
  firstSeen: Date;
  lastSeen: Date;
  frames: number;
  liveness: LivenessResult;
  engineMeta: unknown;
  snapshot: { image: RgbImage; box: FaceBox };
  unknownClusterId: string | null;
  probe: Described | null;
  now: Date;
}

/** Writes the snapshot, then the row and the snapshot's owner in one transaction (the snapshot goes if that fails). */
export async function insertSighting(db: Db, blobs: BlobStore, s: NewSighting): Promise<string> {
  const { verdict } = s;
  const snapshotKey = `faces/sightings/${s.firstSeen.toISOString().slice(0, 10)}/${s.id}.jpg`;
  const { image, box } = s.snapshot;
  const pad = box.width;
  await blobs.put(snapshotKey, await encodeJpeg(cropRgb(image, box.x - pad, box.y - pad, box.width + 2 * pad, box.height + 2 * pad)), 'image/jpeg');
  const personId = verdict.kind === 'auto' ? verdict.personId : null;
  await db
    .transaction(async (tx) => {
      await tx.query(
        `INSERT INTO face_sightings (id, camera_id, unit_id, seen_at, first_seen_at, last_seen_at, frames, verdict, review_reason, person_id,
           score, masked, liveness, liveness_detail, candidates, engine_meta, snapshot_key, unknown_cluster_id, review_status,
           probe_embedding, decided_at, decision_latency_ms, created_at)
         VALUES ($1,$2,$3,$4,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$20)`,
        [
          s.id,
          s.camera.id,
          s.camera.unitId,
          s.firstSeen,
          s.lastSeen,
          s.frames,
          kindOf(verdict),
          verdict.kind === 'review' ? verdict.reason : null,
          personId,
          verdict.candidates[0]?.score ?? null,
          verdict.masked,
          s.liveness.score,
          JSON.stringify({ components: s.liveness.components, raw: s.liveness.raw, frames: s.liveness.frames }),
          JSON.stringify(verdict.candidates),
          JSON.stringify(s.engineMeta),
          snapshotKey,
          s.unknownClusterId,
          verdict.kind === 'review' ? 'PENDING' : null,
          probeOf(verdict, s.probe),
          s.now,
          Math.max(0, Math.round(s.now.getTime() - s.firstSeen.getTime())),
        ],
      );
      await recordBlobOwner(tx, { key: snapshotKey, kind: BLOB_KINDS.sighting, unitId: s.camera.unitId, personId, createdBy: `camera:${s.camera.id}` });
    })
    .catch(async (err: unknown) => {
      await blobs.delete(snapshotKey).catch(() => undefined);
      throw err;
    });
  return snapshotKey;
}

/** The punch made from this pass; the decision counts as stored once the punch is (decided_at, latency). */
export async function recordPunch(db: Db, id: string, punchId: string, now: Date): Promise<void> {
  await db.query(
    `UPDATE face_sightings SET punch_id = $2, decided_at = $3,
            decision_latency_ms = GREATEST(0, ROUND(EXTRACT(EPOCH FROM ($3::timestamptz - first_seen_at)) * 1000))::integer
      WHERE id = $1`,
    [id, punchId, now],
  );
}

/** Later evidence of the same pass: its last frame, frame count and merged fragments, never its verdict. */
export async function refineSighting(
  db: Db,
  id: string,
  r: { lastSeen: Date; frames: number; fragments: number; own?: { verdict: PassVerdict; liveness: LivenessResult; probe: Described | null } },
): Promise<void> {
  if (!r.own) {
    await db.query('UPDATE face_sightings SET last_seen_at = GREATEST(last_seen_at, $2), frames = $3, fragments = $4 WHERE id = $1', [id, r.lastSeen, r.frames, r.fragments]);
    return;
  }
  const { verdict, liveness, probe } = r.own;
  // Score and candidates from every frame of the pass; the probe only while the row may still keep one.
  await db.query(
    `UPDATE face_sightings SET last_seen_at = GREATEST(last_seen_at, $2), frames = $3, fragments = $4, score = COALESCE($5, score),
            candidates = $6, liveness = $7, liveness_detail = $8,
            probe_embedding = CASE WHEN verdict IN ('AUTO', 'REVIEW') AND review_status IS DISTINCT FROM 'REJECTED' THEN $9::bytea ELSE NULL END
      WHERE id = $1`,
    [
      id,
      r.lastSeen,
      r.frames,
      r.fragments,
      verdict.kind === 'unknown' ? null : (verdict.candidates[0]?.score ?? null),
      JSON.stringify(verdict.candidates),
      liveness.score,
      JSON.stringify({ components: liveness.components, raw: liveness.raw, frames: liveness.frames }),
      probe ? packDescribed(probe) : null,
    ],
  );
}

/**
 * A later fragment brought stronger evidence (a REVIEW pass whose next fragment matched confidently): the row takes
 * the new verdict unless a reviewer decided it meanwhile. Returns false when a human had already decided.
 */
export async function upgradeSighting(db: Db, id: string, u: { verdict: PassVerdict; probe: Described | null; now: Date }): Promise<boolean> {
  const { verdict } = u;
  const personId = verdict.kind === 'auto' ? verdict.personId : null;
  const rows = await db.query<{ snapshot_key: string | null }>(
    `UPDATE face_sightings SET verdict = $2, review_reason = $3, person_id = $4, score = $5, masked = $6, candidates = $7,
            review_status = $8, probe_embedding = $9, unknown_cluster_id = CASE WHEN $2 = 'UNKNOWN' THEN unknown_cluster_id END,
            decided_at = $10, decision_latency_ms = GREATEST(0, ROUND(EXTRACT(EPOCH FROM ($10::timestamptz - first_seen_at)) * 1000))::integer
      WHERE id = $1 AND (review_status IS NULL OR review_status = 'PENDING')
      RETURNING snapshot_key`,
    [
      id,
      kindOf(verdict),
      verdict.kind === 'review' ? verdict.reason : null,
      personId,
      verdict.candidates[0]?.score ?? null,
      verdict.masked,
      JSON.stringify(verdict.candidates),
      verdict.kind === 'review' ? 'PENDING' : null,
      probeOf(verdict, u.probe),
      u.now,
    ],
  );
  const key = rows[0]?.snapshot_key;
  if (key && personId) await setBlobOwnerPerson(db, key, personId);
  return rows.length > 0;
}
