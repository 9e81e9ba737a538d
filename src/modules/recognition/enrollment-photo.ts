import { decodeImage } from '../../platform/image/codec';
import { drawSyntheticMask } from '../../platform/image/mask';
import type { Db } from '../../platform/ports/db';
import type { FaceDescription, FaceEngine } from '../../platform/ports/face-engine';
import { checkEnrollmentQuality, QUALITY_MESSAGES, type QualityIssue, type QualityReport } from './domain/quality';
import { insertTemplate } from './templates.repo';

/** Synthetic masked copies per photo: one per mask colour family keeps the gallery small (light and dark masks). */
export const MASK_VARIANTS = [0, 2];

export type PhotoAnalysis =
  | { ok: true; quality: QualityReport; bare: FaceDescription; masked: FaceDescription[] }
  | { ok: false; code: QualityIssue; message_vi: string; message_en: string; quality: QualityReport };

/**
 * Everything done to one enrollment photo before anything is written: decode (throws AppError IMAGE_* with a clear
 * reason), detect, quality checks, then the embeddings of the photo and of its synthetic masked copies.
 * Shared by single upload, webcam capture and zip import so the three paths accept exactly the same photos.
 */
export async function analysePhoto(engine: FaceEngine, bytes: Uint8Array): Promise<PhotoAnalysis> {
  const image = await decodeImage(bytes);
  const faces = await engine.detect(image);
  const aligned = faces.length === 1 ? engine.align(image, faces[0] as (typeof faces)[0]) : undefined;
  const quality = checkEnrollmentQuality(faces, aligned);
  if (!quality.ok) {
    const text = quality.issues.map((i) => QUALITY_MESSAGES[i]);
    return {
      ok: false,
      code: quality.issues[0] as QualityIssue,
      message_vi: text.map((t) => t.vi).join(' '),
      message_en: text.map((t) => t.en).join(' '),
      quality,
    };
  }
  const face = faces[0] as (typeof faces)[0];
  const bare = await engine.describe(image, face);
  const masked: FaceDescription[] = [];
  for (const colour of MASK_VARIANTS) masked.push(await engine.describe(drawSyntheticMask(image, face.landmarks, colour), face));
  return { ok: true, quality, bare, masked };
}

/** Writes one accepted photo's template and its synthetic masked copies (caller owns the transaction and the audit). */
export async function storePhotoTemplates(
  tx: Db,
  photo: Extract<PhotoAnalysis, { ok: true }>,
  t: {
    personId: string;
    engine: string;
    createdBy: string | null;
    at: Date;
    fileName: string;
    source: 'UPLOAD' | 'WEBCAM' | 'IMPORT' | 'GATE';
    /** The stored enrollment photo (re-embed.photos.ts) the templates are made from, when it is kept. */
    photoId?: string | null;
  },
): Promise<string[]> {
  const common = { personId: t.personId, engine: t.engine, createdBy: t.createdBy, at: t.at, fileName: t.fileName, photoId: t.photoId ?? null };
  const id = await insertTemplate(tx, {
    ...common,
    source: t.source,
    embedding: photo.bare.embedding,
    upperEmbedding: photo.bare.upperEmbedding,
    maskedness: photo.bare.maskedness,
    quality: photo.quality,
  });
  const ids = [id];
  for (const m of photo.masked) {
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
  return ids;
}
