import { createHash, randomUUID } from 'node:crypto';
import { BLOB_KINDS, recordBlobOwner } from '../../platform/blob-owners/blob-owners';
import { AppError, errors } from '../../platform/errors';
import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';
import { recordAudit } from '../audit';
import type { AuthenticatedSource } from './source-auth';

/**
 * Evidence images of punches (F1). Keys are always made by the server: the gate pipeline stores its sighting
 * snapshot itself, a device uploads its image here and gets an id back. A client never names a blob key, and a punch
 * only serves a blob whose registered owner the reader may see.
 */
export const PUNCH_EVIDENCE_KIND = BLOB_KINDS.punchEvidence;
/** Owner kinds a punch may show as its evidence; an explanation attachment or footage is never served through one. */
export const PUNCH_EVIDENCE_SERVABLE_KINDS = [BLOB_KINDS.punchEvidence, BLOB_KINDS.sighting] as const;
export const MAX_EVIDENCE_BYTES = 2 * 1024 * 1024;
/** Uploads no punch has claimed yet, per source: a device cannot fill the disk with images that lead nowhere. */
export const MAX_UNCLAIMED_UPLOADS = 500;

const isJpeg = (b: Buffer) => b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

/** Stores a device's evidence image under a server-made key, owned by the source's unit; the device gets an id. */
export async function storeDeviceEvidence(
  deps: { db: Db; blobs: BlobStore; now: () => Date },
  source: AuthenticatedSource,
  image: Buffer,
): Promise<{ evidenceId: string; bytes: number }> {
  if (image.length === 0 || image.length > MAX_EVIDENCE_BYTES || !isJpeg(image))
    throw errors.badRequest(
      'EVIDENCE_INVALID',
      `Ảnh bằng chứng phải là tệp JPEG, không rỗng, tối đa ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`,
      `The evidence must be a non-empty JPEG image of at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`,
    );
  const [pending] = await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM punch_evidence_uploads WHERE source_id = $1 AND punch_id IS NULL', [
    source.id,
  ]);
  if ((pending?.n ?? 0) >= MAX_UNCLAIMED_UPLOADS)
    throw new AppError(
      429,
      'EVIDENCE_BACKLOG_FULL',
      'Thiết bị đã gửi quá nhiều ảnh chưa gắn với lượt chấm công nào. Hãy gửi các lượt chấm công trước.',
      'The device has too many images no punch refers to yet. Send the punches first.',
      { limit: MAX_UNCLAIMED_UPLOADS },
    );
  const now = deps.now();
  const id = randomUUID();
  const key = `punch-evidence/${now.toISOString().slice(0, 7).replace('-', '/')}/${id}.jpg`;
  const sha256 = createHash('sha256').update(image).digest('hex');
  await deps.blobs.put(key, image, 'image/jpeg');
  try {
    await deps.db.transaction(async (tx) => {
      await tx.query('INSERT INTO punch_evidence_uploads (id, source_id, blob_key, size_bytes, sha256, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        id,
        source.id,
        key,
        image.length,
        sha256,
        now,
      ]);
      await recordBlobOwner(tx, { key, kind: PUNCH_EVIDENCE_KIND, unitId: source.unitId, personId: null, createdBy: `source:${source.id}` });
      await recordAudit(tx, {
        actor: { id: null, name: `source:${source.id}` },
        action: 'attendance.evidence_upload',
        entityType: 'punch_evidence',
        entityId: id,
        unitId: source.unitId,
        details: { sourceId: source.id, sourceKind: source.kind, bytes: image.length, sha256 },
      });
    });
  } catch (e) {
    // A file with no record is never left behind.
    await deps.blobs.delete(key).catch(() => undefined);
    throw e;
  }
  return { evidenceId: id, bytes: image.length };
}

/** The key of an upload of this source, for an item that references it; 422 when the source did not upload it. */
export async function findDeviceEvidence(tx: Db, evidenceId: string, sourceId: string): Promise<string> {
  const [row] = await tx.query<{ blob_key: string }>('SELECT blob_key FROM punch_evidence_uploads WHERE id = $1 AND source_id = $2', [evidenceId, sourceId]);
  if (!row)
    throw new AppError(422, 'EVIDENCE_UNKNOWN', 'Không tìm thấy ảnh bằng chứng do thiết bị này gửi lên.', 'No evidence image uploaded by this device has this id.', {
      evidenceId,
    });
  return row.blob_key;
}

/**
 * Binds an upload to the punch that references it (once), and narrows the blob's owner to that person and their unit
 * (inside the source's unit, so no reader who could see it before loses it; the person gains self access).
 */
export async function claimDeviceEvidence(tx: Db, input: { evidenceId: string; key: string; punchId: string; personId: string; personUnitId: string }): Promise<void> {
  const claimed = await tx.query('UPDATE punch_evidence_uploads SET punch_id = $2 WHERE id = $1 AND punch_id IS NULL RETURNING id', [input.evidenceId, input.punchId]);
  if (claimed.length === 0)
    throw errors.conflict('EVIDENCE_ALREADY_USED', 'Ảnh bằng chứng này đã gắn với một lượt chấm công khác.', 'This evidence image already belongs to another punch.', {
      evidenceId: input.evidenceId,
    });
  await tx.query('UPDATE blob_owners SET person_id = $2, unit_id = $3 WHERE key = $1 AND kind = $4 AND person_id IS NULL', [
    input.key,
    input.personId,
    input.personUnitId,
    PUNCH_EVIDENCE_KIND,
  ]);
}

/**
 * A key handed over by server code in this process (the gate pipeline's sighting snapshot): registered as the
 * person's evidence unless the blob already has an owner (then that owner stands: nothing can be re-owned this way).
 */
export async function recordServerEvidenceOwner(tx: Db, key: string, personId: string, unitId: string, sourceId: string): Promise<void> {
  await recordBlobOwner(tx, { key, kind: PUNCH_EVIDENCE_KIND, unitId, personId, createdBy: `source:${sourceId}` });
}
