import { AppError, errors } from '../../platform/errors';
import { imageError } from '../../platform/image/limits';
import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';
import type { FaceEngine } from '../../platform/ports/face-engine';
import { type AuditActor, recordAudit } from '../audit';
import { currentConsent } from './consent.service';
import type { QualityReport } from './domain/quality';
import { analysePhoto, keepingPhotos, storePhotoTemplates } from './enrollment-photo';

export interface EnrollFile {
  name: string;
  bytes: Uint8Array;
  /** The upload was cut at the size limit. */
  truncated?: boolean;
}

export interface FileReport {
  file: string;
  ok: boolean;
  code?: string;
  message_vi?: string;
  message_en?: string;
  templateIds?: string[];
  quality?: QualityReport;
}

export const MAX_FILES_PER_REQUEST = 50;

export function consentRequired(): AppError {
  return new AppError(
    409,
    'CONSENT_REQUIRED',
    'Chưa có sự đồng ý rõ ràng của người này cho dữ liệu sinh trắc học; không thể đăng ký khuôn mặt.',
    'This person has not given explicit consent to biometric processing; faces cannot be enrolled.',
  );
}

/**
 * Enrolls photos of one consenting person. Each file is checked on its own (decodable, exactly one face, size,
 * sharpness, pose) and gets its own verdict; good photos become templates plus synthetic masked copies drawn from
 * their landmarks. With `deps.blobs`, accepted photos are also kept (issue 14: a new face engine makes its own
 * templates from them; same retention as the templates, erased with them — re-embed.photos.ts); without it only
 * embeddings are stored, and such a person must be enrolled again after an engine upgrade.
 */
export async function enrollPhotos(
  deps: { db: Db; engine: FaceEngine; blobs?: BlobStore },
  actor: AuditActor,
  personId: string,
  files: EnrollFile[],
  source: 'UPLOAD' | 'WEBCAM' | 'IMPORT' | 'GATE',
  now: Date,
): Promise<FileReport[]> {
  const { db, engine } = deps;
  if (files.length === 0 || files.length > MAX_FILES_PER_REQUEST) {
    throw errors.badRequest('ENROLL_FILE_COUNT', `Cần từ 1 đến ${MAX_FILES_PER_REQUEST} ảnh.`, `Send 1 to ${MAX_FILES_PER_REQUEST} photos.`);
  }
  const person = (await db.query<{ unit_id: string; status: string }>('SELECT unit_id, status FROM persons WHERE id = $1', [personId]))[0];
  if (!person) throw errors.notFound('Person', 'cán bộ');
  if ((await currentConsent(db, personId)).decision !== 'GIVEN') throw consentRequired();

  const reports: FileReport[] = [];
  for (const file of files) {
    try {
      reports.push(await enrollOne(deps, actor, personId, person.unit_id, file, source, now));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      reports.push({ file: file.name, ok: false, code: error.code, message_vi: error.messageVi, message_en: error.messageEn });
    }
  }
  return reports;
}

async function enrollOne(
  deps: { db: Db; engine: FaceEngine; blobs?: BlobStore },
  actor: AuditActor,
  personId: string,
  unitId: string,
  file: EnrollFile,
  source: 'UPLOAD' | 'WEBCAM' | 'IMPORT' | 'GATE',
  now: Date,
): Promise<FileReport> {
  const { db, engine } = deps;
  if (file.truncated) throw imageError('IMAGE_TOO_LARGE');
  const photo = await analysePhoto(engine, file.bytes);
  if (!photo.ok) return { file: file.name, ok: false, code: photo.code, message_vi: photo.message_vi, message_en: photo.message_en, quality: photo.quality };
  const quality = photo.quality;
  const templateIds = await keepingPhotos(deps.blobs, personId, [file.bytes], (kept) =>
    db.transaction(async (tx) => {
      const createdBy = actor.id ?? null;
      const common = { personId, engine: engine.meta.engine, createdBy, at: now, fileName: file.name, source };
      const ids = await kept.record(tx, 0, { ...common, unitId }, (photoId) => storePhotoTemplates(tx, photo, { ...common, photoId }));
      await recordAudit(tx, {
        actor,
        action: 'faces.enroll',
        entityType: 'person',
        entityId: personId,
        unitId,
        details: { file: file.name, source, templates: ids.length, engine: engine.meta.engine, photoStored: kept.stored[0] !== undefined },
      }, now);
      return ids;
    }),
  );
  return { file: file.name, ok: true, templateIds, quality };
}
