import { AppError, errors } from '../../platform/errors';
import { decodeImage, imageError } from '../../platform/adapters/face-common/image';
import { drawSyntheticMask } from '../../platform/adapters/face-common/mask';
import type { Db } from '../../platform/ports/db';
import type { FaceEngine } from '../../platform/ports/face-engine';
import { type AuditActor, recordAudit } from '../audit/audit.service';
import { currentConsent } from './consent.service';
import { checkEnrollmentQuality, QUALITY_MESSAGES, type QualityReport } from './domain/quality';
import { insertTemplate } from './templates.repo';

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

/** Synthetic masked copies per photo: one per mask colour family keeps the gallery small (light and dark masks). */
const MASK_VARIANTS = [0, 2];
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
 * their landmarks. Raw photos are not stored: only embeddings (data minimisation, domain.md §9.3).
 */
export async function enrollPhotos(
  deps: { db: Db; engine: FaceEngine },
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
  deps: { db: Db; engine: FaceEngine },
  actor: AuditActor,
  personId: string,
  unitId: string,
  file: EnrollFile,
  source: 'UPLOAD' | 'WEBCAM' | 'IMPORT' | 'GATE',
  now: Date,
): Promise<FileReport> {
  const { db, engine } = deps;
  if (file.truncated) throw imageError('IMAGE_TOO_LARGE');
  const image = await decodeImage(file.bytes);
  const faces = await engine.detect(image);
  const aligned = faces.length === 1 ? engine.align(image, faces[0] as (typeof faces)[0]) : undefined;
  const quality = checkEnrollmentQuality(faces, aligned);
  if (!quality.ok) {
    const first = quality.issues[0] as keyof typeof QUALITY_MESSAGES;
    const text = quality.issues.map((i) => QUALITY_MESSAGES[i]);
    return {
      file: file.name,
      ok: false,
      code: first,
      message_vi: text.map((t) => t.vi).join(' '),
      message_en: text.map((t) => t.en).join(' '),
      quality,
    };
  }
  const face = faces[0] as (typeof faces)[0];
  const bare = await engine.describe(image, face);
  const masked: Awaited<ReturnType<FaceEngine['describe']>>[] = [];
  for (const colour of MASK_VARIANTS) masked.push(await engine.describe(drawSyntheticMask(image, face.landmarks, colour), face));

  const templateIds = await db.transaction(async (tx) => {
    const common = { personId, engine: engine.meta.engine, createdBy: actor.id ?? null, at: now, fileName: file.name };
    const id = await insertTemplate(tx, {
      ...common,
      source,
      embedding: bare.embedding,
      upperEmbedding: bare.upperEmbedding,
      maskedness: bare.maskedness,
      quality,
    });
    const ids = [id];
    for (const m of masked) {
      ids.push(
        await insertTemplate(tx, {
          ...common,
          source: 'SYNTHETIC_MASK',
          derivedFrom: id,
          embedding: m.embedding,
          upperEmbedding: m.upperEmbedding,
          maskedness: m.maskedness,
        }),
      );
    }
    await recordAudit(tx, {
      actor,
      action: 'faces.enroll',
      entityType: 'person',
      entityId: personId,
      unitId,
      details: { file: file.name, source, templates: ids.length, engine: engine.meta.engine },
    }, now);
    return ids;
  });
  return { file: file.name, ok: true, templateIds, quality };
}
