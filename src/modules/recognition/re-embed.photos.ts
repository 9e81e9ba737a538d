import { createHash, randomUUID } from 'node:crypto';
import { BLOB_KINDS, forgetBlobOwner, recordBlobOwner } from '../../platform/blob-owners/blob-owners';
import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';

/**
 * Stored enrollment photos (issue 14): kept so that a new face engine can make its own templates from them
 * (templates are per engine and cannot be converted). Same retention as the templates: erased with them when consent
 * is refused or withdrawn or the person leaves. Blob owner = the person (and their unit), kind ENROLLMENT_PHOTO_KIND.
 * Photos of enrollments made before migration 0725 were never stored: those people must be enrolled again after an
 * engine upgrade.
 */
export const ENROLLMENT_PHOTO_KIND = BLOB_KINDS.enrollmentPhoto;

export type PhotoSource = 'UPLOAD' | 'WEBCAM' | 'IMPORT' | 'GATE';

export interface StoredPhoto {
  id: string;
  key: string;
  sha256: string;
}

/** Puts the photo's bytes in the blob store, before the transaction that records it (delete it if that fails). */
export async function putEnrollmentPhoto(blobs: BlobStore, personId: string, bytes: Uint8Array): Promise<StoredPhoto> {
  const id = randomUUID();
  // No extension: the bytes are kept exactly as uploaded (JPEG, PNG or WebP), decoded by content.
  const key = `faces/enrollment-photos/${personId}/${id}`;
  await blobs.put(key, Buffer.from(bytes), 'application/octet-stream');
  return { id, key, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Records a stored photo and its blob owner (inside the enrollment's transaction). */
export async function recordEnrollmentPhoto(
  tx: Db,
  photo: StoredPhoto,
  p: { personId: string; unitId: string | null; fileName: string | null; source: PhotoSource; createdBy: string | null; at: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO face_enrollment_photos (id, person_id, blob_key, file_name, source, sha256, created_by, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [photo.id, p.personId, photo.key, p.fileName, p.source, photo.sha256, p.createdBy, p.at],
  );
  await recordBlobOwner(tx, {
    key: photo.key,
    kind: ENROLLMENT_PHOTO_KIND,
    unitId: p.unitId,
    personId: p.personId,
    createdBy: p.createdBy ? `user:${p.createdBy}` : 'system',
  });
}

/** What an engine made of a stored photo (written with the templates, so the re-embed job resumes where it stopped). */
export async function recordPhotoEmbedding(
  tx: Db,
  r: { photoId: string; engine: string; outcome: 'ENROLLED' | 'REJECTED'; reason?: string | null; templates: number; at: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO face_photo_embeddings (photo_id, engine, outcome, reason, templates, done_at) VALUES ($1,$2,$3,$4,$5,$6)
     ON CONFLICT (photo_id, engine) DO NOTHING`,
    [r.photoId, r.engine, r.outcome, r.reason ?? null, r.templates, r.at],
  );
}

/**
 * Marks a person's stored photos erased (same transaction as the deletion of their templates); the blobs go at once
 * when the caller has the blob store (deleteErasedPhotos), else on the next sweep of the learning job.
 */
export async function erasePhotosOf(tx: Db, personId: string, now: Date): Promise<number> {
  const rows = await tx.query<{ id: string }>(
    'UPDATE face_enrollment_photos SET erased_at = $2 WHERE person_id = $1 AND erased_at IS NULL RETURNING id',
    [personId, now],
  );
  return rows.length;
}

/** Deletes the blobs of erased photos, then their rows (a failed blob deletion is retried on the next sweep). */
export async function deleteErasedPhotos(db: Db, blobs: BlobStore, personId?: string): Promise<number> {
  const rows = await db.query<{ id: string; blob_key: string }>(
    `SELECT id, blob_key FROM face_enrollment_photos WHERE erased_at IS NOT NULL ${personId ? 'AND person_id = $1' : ''} LIMIT 500`,
    personId ? [personId] : [],
  );
  let deleted = 0;
  for (const r of rows) {
    await blobs.delete(r.blob_key);
    await db.transaction(async (tx) => {
      await forgetBlobOwner(tx, r.blob_key);
      await tx.query('DELETE FROM face_enrollment_photos WHERE id = $1', [r.id]);
    });
    deleted++;
  }
  return deleted;
}

export interface PhotoToEmbed {
  id: string;
  personId: string;
  key: string;
  fileName: string | null;
  source: PhotoSource;
}

/**
 * Stored photos `engine` has not processed yet, of people whose latest consent is GIVEN, oldest first. The job
 * processes them in batches; each photo's templates and progress row are one transaction, so it can stop anywhere.
 */
export async function photosToEmbed(db: Db, engine: string, limit: number): Promise<PhotoToEmbed[]> {
  const rows = await db.query<{ id: string; person_id: string; blob_key: string; file_name: string | null; source: PhotoSource }>(
    `WITH consent AS (
       SELECT DISTINCT ON (person_id) person_id, decision FROM biometric_consents ORDER BY person_id, recorded_at DESC, id
     )
     SELECT f.id, f.person_id, f.blob_key, f.file_name, f.source
       FROM face_enrollment_photos f
       JOIN consent c ON c.person_id = f.person_id AND c.decision = 'GIVEN'
      WHERE f.erased_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM face_photo_embeddings e WHERE e.photo_id = f.id AND e.engine = $1)
      ORDER BY f.created_at, f.id LIMIT $2`,
    [engine, limit],
  );
  return rows.map((r) => ({ id: r.id, personId: r.person_id, key: r.blob_key, fileName: r.file_name, source: r.source }));
}

/** Whether any stored photo is kept at all (the re-embed job starts the face engine only then). */
export async function hasStoredPhotos(db: Db): Promise<boolean> {
  return (await db.query('SELECT 1 FROM face_enrollment_photos WHERE erased_at IS NULL LIMIT 1')).length > 0;
}

/**
 * People with templates of another engine only and no stored photo left for `engine` to use: after an upgrade they
 * are not recognised until enrolled again (enrolled before photos were stored, or every photo rejected by the engine).
 */
export async function personsNeedingEnrollment(db: Db, engine: string): Promise<string[]> {
  const rows = await db.query<{ person_id: string }>(
    `SELECT DISTINCT t.person_id FROM face_templates t
      WHERE t.engine <> $1
        AND NOT EXISTS (SELECT 1 FROM face_templates u WHERE u.person_id = t.person_id AND u.engine = $1)
        AND NOT EXISTS (SELECT 1 FROM face_enrollment_photos f WHERE f.person_id = t.person_id AND f.erased_at IS NULL
                          AND NOT EXISTS (SELECT 1 FROM face_photo_embeddings e WHERE e.photo_id = f.id AND e.engine = $1))
      ORDER BY t.person_id`,
    [engine],
  );
  return rows.map((r) => r.person_id);
}
