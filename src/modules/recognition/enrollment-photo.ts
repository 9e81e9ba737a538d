import { decodeImage } from '../../platform/image/codec';
import { drawSyntheticMask } from '../../platform/image/mask';
import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';
import type { FaceDescription, FaceEngine } from '../../platform/ports/face-engine';
import { checkEnrollmentQuality, QUALITY_MESSAGES, type QualityIssue, type QualityReport } from './domain/quality';
import { type PhotoSource, putEnrollmentPhoto, recordEnrollmentPhoto, recordPhotoEmbedding, type StoredPhoto } from './re-embed.photos';
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

/** What the enrollment records of a kept photo: whose, where from, by whom, and the engine its templates are of. */
export interface KeptPhotoRecord {
  personId: string;
  unitId: string | null;
  engine: string;
  fileName: string | null;
  source: PhotoSource;
  createdBy: string | null;
  at: Date;
}

/** The photos of one enrollment write, put in the blob store before its transaction (see keepingPhotos). */
export interface KeptPhotos {
  /** Per photo given to keepingPhotos, in order: its stored file, or undefined when photos are not kept. */
  readonly stored: ReadonlyArray<StoredPhoto | undefined>;
  /**
   * Inside the transaction: photo i's row and blob owner, then the templates `insert` makes from it (told the photo's
   * id, or null when not kept), then the engine's progress row (so the re-embed job counts it done for this engine).
   * Returns the template ids. A photo never recorded (its person turned out blocked) has its file deleted afterwards.
   */
  record(tx: Db, i: number, r: KeptPhotoRecord, insert: (photoId: string | null) => Promise<string[]>): Promise<string[]>;
}

/**
 * Enrollment photos kept for re-embedding on an engine upgrade (issue 14; re-embed.photos.ts), the same way on every
 * path that makes templates from a picture of a person — single upload or webcam, zip import, gate-enrollment
 * assignment: the files are put before the transaction (files cannot join it), `write` runs the transaction and
 * records them with `record`, and every file is deleted again if `write` fails, as is any file it did not record.
 * Without `blobs` nothing is kept (such a person must be enrolled again after an engine upgrade).
 */
export async function keepingPhotos<T>(
  blobs: BlobStore | undefined,
  personId: string,
  photos: readonly Uint8Array[],
  write: (kept: KeptPhotos) => Promise<T>,
): Promise<T> {
  const stored: Array<StoredPhoto | undefined> = [];
  const recorded = new Set<string>();
  const drop = async (keep: (s: StoredPhoto) => boolean) => {
    for (const s of stored) if (s && blobs && !keep(s)) await blobs.delete(s.key).catch(() => undefined);
  };
  try {
    for (const bytes of photos) stored.push(blobs ? await putEnrollmentPhoto(blobs, personId, bytes) : undefined);
    const result = await write({
      stored,
      async record(tx, i, r, insert) {
        const photo = stored[i];
        if (photo) await recordEnrollmentPhoto(tx, photo, r);
        const ids = await insert(photo?.id ?? null);
        if (photo) {
          await recordPhotoEmbedding(tx, { photoId: photo.id, engine: r.engine, outcome: 'ENROLLED', templates: ids.length, at: r.at });
          recorded.add(photo.id);
        }
        return ids;
      },
    });
    await drop((s) => recorded.has(s.id));
    return result;
  } catch (error) {
    await drop(() => false);
    throw error;
  }
}
