import { createHash, randomUUID } from 'node:crypto';
import type { Access } from '../../platform/access';
import { BLOB_KINDS, blobCreator, recordBlobOwner } from '../../platform/blob-owners/blob-owners';
import { AppError, errors } from '../../platform/errors';
import type { AppContext } from '../../platform/module';
import { recordAudit } from '../audit';
import { FIELD_STATES } from './domain/states';
import { itemOf } from './field.service';
import { requireMember, requireState, visibleInspection } from './guards';
import { getFinding, photoByClientId, type PhotoRow } from './inspections.repo';

/** Photos taken on site: at most 8 MB, JPEG/PNG/WebP judged by their bytes (never by name or declared type). */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;

/** The image type the bytes are, or null: JPEG (FF D8 FF), PNG (its 8-byte signature), WebP (RIFF….WEBP). */
export function sniffImage(b: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export const photoTooLarge = () =>
  new AppError(413, 'PHOTO_TOO_LARGE', 'Ảnh vượt quá 8 MB; hãy giảm kích thước ảnh rồi gửi lại.', 'The photo is larger than 8 MB; resize it and send it again.', { maxBytes: MAX_PHOTO_BYTES });

export interface PhotoInput {
  clientId: string;
  findingId: string | null;
  itemId: string | null;
  takenAt: Date | null;
  lat: number | null;
  lon: number | null;
  data: Buffer;
}

const ext = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;

/**
 * Stores a photo once per clientId: a repeated clientId (the device's queue retrying after a lost answer) returns the
 * stored photo and writes nothing. The file goes to the blob store first, then its record, owner and audit entry in
 * one transaction; a file whose transaction failed is deleted again.
 */
export async function savePhoto(ctx: AppContext, access: Access, id: string, input: PhotoInput, now: Date): Promise<{ photo: PhotoRow; created: boolean }> {
  const { i, s } = await visibleInspection(ctx.db, access, id);
  requireMember(s);
  const existing = await photoByClientId(ctx.db, id, input.clientId);
  if (existing) return { photo: existing, created: false };
  requireState(i, FIELD_STATES);
  if (input.data.length > MAX_PHOTO_BYTES) throw photoTooLarge();
  const type = sniffImage(input.data);
  if (!type)
    throw new AppError(415, 'PHOTO_NOT_IMAGE', 'Tệp không phải ảnh JPEG, PNG hoặc WebP.', 'The file is not a JPEG, PNG or WebP image.', { bytes: input.data.length });
  if (input.findingId && !(await getFinding(ctx.db, id, input.findingId))) throw errors.notFound('Finding', 'nội dung ghi nhận');
  if (input.itemId) await itemOf(ctx.db, i, input.itemId);
  if ((input.lat === null) !== (input.lon === null) || (input.lat !== null && Math.abs(input.lat) > 90) || (input.lon !== null && Math.abs(input.lon) > 180))
    throw errors.badRequest('PHOTO_LOCATION', 'Vị trí cần cả vĩ độ và kinh độ hợp lệ.', 'A location needs both a valid latitude and longitude.');
  const photoId = randomUUID();
  const key = `inspections/${id}/photos/${photoId}.${ext[type]}`;
  const sha256 = createHash('sha256').update(input.data).digest('hex');
  await ctx.blobs.put(key, input.data, type);
  try {
    const out = await ctx.db.transaction(async (tx) => {
      const [row] = await tx.query<PhotoRow>(
        `INSERT INTO inspection_photos (id, inspection_id, finding_id, item_id, blob_key, sha256, content_type, bytes, taken_at, lat, lon, client_id, created_by, created_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) ON CONFLICT (inspection_id, client_id) DO NOTHING RETURNING *`,
        [photoId, id, input.findingId, input.itemId, key, sha256, type, input.data.length, input.takenAt?.toISOString() ?? null, input.lat, input.lon, input.clientId, access.principal.userId, now.toISOString()],
      );
      if (!row) return null;
      await recordBlobOwner(tx, { key, kind: BLOB_KINDS.inspectionPhoto, unitId: i.target_unit_id, personId: null, createdBy: blobCreator(access.actor()) });
      await recordAudit(tx, { actor: access.actor(), action: 'inspections.photo', entityType: 'inspection', entityId: id, unitId: i.target_unit_id, details: { photoId, sha256, bytes: input.data.length, findingId: input.findingId } }, now);
      return row;
    });
    if (out) return { photo: out, created: true };
  } catch (e) {
    await ctx.blobs.delete(key).catch(() => undefined);
    throw e;
  }
  // Lost the race to a concurrent retry with the same clientId: keep its photo, drop this file.
  await ctx.blobs.delete(key).catch(() => undefined);
  return { photo: (await photoByClientId(ctx.db, id, input.clientId)) as PhotoRow, created: false };
}

export function photoDto(p: PhotoRow) {
  return {
    id: p.id,
    clientId: p.client_id,
    findingId: p.finding_id,
    itemId: p.item_id,
    contentType: p.content_type,
    bytes: Number(p.bytes),
    sha256: p.sha256,
    takenAt: p.taken_at,
    lat: p.lat,
    lon: p.lon,
    url: `/api/inspections/${p.inspection_id}/photos/${p.id}`,
    createdAt: p.created_at,
  };
}
