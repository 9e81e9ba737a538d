import { randomUUID } from 'node:crypto';
import { encodeJpeg } from '../../platform/image/codec';
import { BLOB_KINDS, forgetBlobOwners, recordBlobOwner } from '../../platform/blob-owners/blob-owners';
import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';
import { type DetectedFace, type FaceEngine, type RgbImage } from '../../platform/ports/face-engine';
import { localDateOf } from '../../platform/time';
import type { Described } from './domain/match';
import { checkEnrollmentQuality, type QualityReport } from './domain/quality';
import { sampleQuality } from './domain/sample-quality';
import { toBytes } from './templates.repo';
import { assignUnknownCluster } from './unknowns.repo';
import { cropRgb } from '../../platform/image/pixels';
import { meanEmbedding } from '../../platform/image/embedding';

/** The part of a pass the enrollment collection needs: each frame's image, detection and embeddings. */
export interface PassFrame {
  image: RgbImage;
  face: DetectedFace;
  described: Described;
  atMs: number;
}

export interface ActivePeriod {
  id: string;
  unitId: string;
}

/** Best faces kept per pass, and per group (older, weaker ones are dropped with their images beyond that). */
export const SAMPLES_PER_PASS = 2;
export const MAX_SAMPLES_PER_GROUP = 12;
/** Quality is measured on the largest faces of a pass only: aligning every frame would cost more than it tells. */
const FRAMES_EXAMINED = 6;

/** The enrollment period collecting at this camera on the pass's (Vietnamese) date, if any. Not cached: closing stops at once. */
export async function activeEnrollmentPeriod(db: Db, cameraId: string, at: Date): Promise<ActivePeriod | undefined> {
  const day = localDateOf(at);
  const rows = await db.query<{ id: string; unit_id: string }>(
    `SELECT id, unit_id FROM face_enrollment_periods
      WHERE camera_id = $1 AND status = 'OPEN' AND starts_on <= $2::date AND ends_on >= $2::date
      ORDER BY opened_at LIMIT 1`,
    [cameraId, day],
  );
  const r = rows[0];
  return r ? { id: r.id, unitId: r.unit_id } : undefined;
}

/**
 * Adds one not-confidently-matched pass to the period's group of that person (or a new group): the pass's mean
 * embedding is clustered against the period's groups only, and its best faces (enrollment quality checks, size,
 * sharpness, pose) are kept as samples with a padded face crop for the reviewer. Returns the group id, or undefined
 * when no face of the pass passes the enrollment quality checks: such a pass (a far-away face, a false detection on
 * a poster or a test pattern) could never become a template, so it is not collected and is handled as before.
 */
export async function collectPass(
  deps: { db: Db; blobs: BlobStore; engine: FaceEngine },
  period: ActivePeriod,
  cameraId: string,
  sightingId: string,
  frames: PassFrame[],
  liveness: number | null,
  now: Date,
): Promise<string | undefined> {
  const { db, blobs, engine } = deps;
  const examined = [...frames].sort((a, b) => b.face.box.width - a.face.box.width).slice(0, FRAMES_EXAMINED);
  const rated = examined
    .map((f) => {
      const report: QualityReport = checkEnrollmentQuality([f.face], engine.align(f.image, f.face));
      return { f, report, quality: sampleQuality(report) };
    })
    .filter((r) => r.report.ok)
    .sort((a, b) => b.quality - a.quality)
    .slice(0, SAMPLES_PER_PASS);
  if (rated.length === 0) return undefined;
  const seenAt = new Date(Math.max(...frames.map((f) => f.atMs)));
  const clusterId = await assignUnknownCluster(
    db,
    period.unitId,
    engine.meta.engine,
    meanEmbedding(frames.map((f) => f.described.full)),
    seenAt,
    engine.meta.thresholds.match,
    { periodId: period.id, cameraId },
  );
  for (const { f, report, quality } of rated) {
    const id = randomUUID();
    // A crop two face-widths wide: the reviewer sees the face large, and there is enough context around it to re-align
    // the face for synthetic masked copies at assignment.
    const pad = f.face.box.width / 2;
    const x0 = Math.max(0, Math.floor(f.face.box.x - pad));
    const y0 = Math.max(0, Math.floor(f.face.box.y - pad));
    const crop = cropRgb(f.image, f.face.box.x - pad, f.face.box.y - pad, f.face.box.width + 2 * pad, f.face.box.height + 2 * pad);
    const key = `faces/enrollment/${period.id}/${id}.jpg`;
    await blobs.put(key, await encodeJpeg(crop, 90), 'image/jpeg');
    // The sample row and its crop's owner (the period's unit) in one transaction.
    const inserted = await db
      .transaction(async (tx) => {
        await tx.query(
          `INSERT INTO face_enrollment_samples (id, cluster_id, period_id, sighting_id, engine, embedding, upper_embedding, maskedness, quality,
             quality_report, liveness, image_key, landmarks, box, seen_at, created_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)`,
          [
            id,
            clusterId,
            period.id,
            sightingId,
            engine.meta.engine,
            toBytes(f.described.full),
            toBytes(f.described.upper),
            f.described.maskedness,
            quality,
            JSON.stringify(report),
            liveness,
            key,
            JSON.stringify(f.face.landmarks.map((p) => ({ x: p.x - x0, y: p.y - y0 }))),
            JSON.stringify({ x: f.face.box.x - x0, y: f.face.box.y - y0, width: f.face.box.width, height: f.face.box.height }),
            new Date(f.atMs),
            now,
          ],
        );
        await recordBlobOwner(tx, { key, kind: BLOB_KINDS.enrollmentSample, unitId: period.unitId, personId: null, createdBy: `camera:${cameraId}` });
      })
      .then(
        () => true,
        // Foreign-key violation: the group was assigned or discarded a moment ago, so this face is simply not kept.
        (err: unknown) => {
          if ((err as { code?: string }).code === '23503') return false;
          throw err;
        },
      );
    if (!inserted) await blobs.delete(key).catch(() => undefined);
  }
  // Bound what a group keeps: the weakest samples beyond the cap go, images first so no row points to a lost file.
  const extra = await db.query<{ id: string; image_key: string }>(
    'SELECT id, image_key FROM face_enrollment_samples WHERE cluster_id = $1 ORDER BY quality DESC, seen_at DESC OFFSET $2',
    [clusterId, MAX_SAMPLES_PER_GROUP],
  );
  for (const e of extra) await blobs.delete(e.image_key).catch(() => undefined);
  if (extra.length)
    await db.transaction(async (tx) => {
      await tx.query('DELETE FROM face_enrollment_samples WHERE id = ANY($1::uuid[])', [extra.map((e) => e.id)]);
      await forgetBlobOwners(tx, extra.map((e) => e.image_key));
    });
  return clusterId;
}
