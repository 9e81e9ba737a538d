import { AppError } from '../../platform/errors';
import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';
import type { FaceEngine } from '../../platform/ports/face-engine';
import { recordAudit } from '../audit';
import { currentConsent } from './consent.service';
import { analysePhoto, storePhotoTemplates } from './enrollment-photo';
import { LEARNING_ACTOR } from './gallery-learning.service';
import { personsNeedingEnrollment, photosToEmbed, recordPhotoEmbedding } from './re-embed.photos';

export interface ReEmbedSummary {
  engine: string;
  /** Photos this run turned into templates of the engine. */
  enrolled: number;
  /** Photos the engine's quality checks refused (recorded: not retried). */
  rejected: number;
  /** Photos whose file is missing or unreadable (recorded as rejected). */
  unreadable: number;
  /** People with templates of other engines only and no stored photo: they must be enrolled again. */
  needEnrollment: number;
}

export interface ReEmbedDeps {
  db: Db;
  blobs: BlobStore;
  engine: FaceEngine;
  now: () => Date;
  log?: (msg: string, extra?: Record<string, unknown>) => void;
  /** Set to stop between two photos (server shutdown); the next run resumes. */
  stopped?: () => boolean;
}

/**
 * Re-embedding on an engine upgrade (issue 14): templates belong to one engine (loadGallery filters by engine id), so
 * when the running engine differs from the one people were enrolled with, it makes its own templates from the stored
 * enrollment photos — the same checks, the same synthetic masked copies as at enrollment. Idempotent and resumable:
 * each photo's templates and its progress row (face_photo_embeddings) are one transaction, and photos already
 * processed by this engine are skipped. Progress goes to the log every `logEvery` photos.
 */
export async function reEmbedStoredPhotos(deps: ReEmbedDeps, logEvery = 20): Promise<ReEmbedSummary> {
  const { db, blobs, engine } = deps;
  const engineId = engine.meta.engine;
  const summary: ReEmbedSummary = { engine: engineId, enrolled: 0, rejected: 0, unreadable: 0, needEnrollment: 0 };
  let done = 0;
  for (;;) {
    const batch = await photosToEmbed(db, engineId, 20);
    if (batch.length === 0 || deps.stopped?.()) break;
    if (done === 0) deps.log?.('re-embedding stored enrollment photos for the running face engine', { engine: engineId });
    for (const photo of batch) {
      if (deps.stopped?.()) break;
      let analysis: Awaited<ReturnType<typeof analysePhoto>> | undefined;
      try {
        analysis = await analysePhoto(engine, await blobs.getBuffer(photo.key));
      } catch (error) {
        // A decoding refusal (AppError IMAGE_*) or a missing file: recorded, not retried on every start. Anything
        // else (the store or the engine failing) stops the run; the next one resumes here.
        if (!(error instanceof AppError) && (await blobs.stat(photo.key)) !== undefined) throw error;
      }
      const now = deps.now();
      await db.transaction(async (tx) => {
        // Consent may have been withdrawn while the photo was analysed: the photo is then erased, nothing is made.
        if ((await currentConsent(tx, photo.personId)).decision !== 'GIVEN') return;
        if (!analysis || !analysis.ok) {
          await recordPhotoEmbedding(tx, { photoId: photo.id, engine: engineId, outcome: 'REJECTED', reason: analysis ? analysis.code : 'UNREADABLE', templates: 0, at: now });
          if (analysis) summary.rejected++;
          else summary.unreadable++;
          return;
        }
        const ids = await storePhotoTemplates(tx, analysis, {
          personId: photo.personId,
          engine: engineId,
          createdBy: null,
          at: now,
          fileName: photo.fileName ?? photo.id,
          source: photo.source,
          photoId: photo.id,
        });
        await recordPhotoEmbedding(tx, { photoId: photo.id, engine: engineId, outcome: 'ENROLLED', templates: ids.length, at: now });
        await recordAudit(tx, {
          actor: LEARNING_ACTOR,
          action: 'faces.re_embed',
          entityType: 'person',
          entityId: photo.personId,
          unitId: null,
          details: { photoId: photo.id, engine: engineId, templates: ids.length },
        }, now);
        summary.enrolled++;
      });
      done++;
      if (done % logEvery === 0) deps.log?.('re-embedding progress', { engine: engineId, done, enrolled: summary.enrolled, rejected: summary.rejected + summary.unreadable });
    }
  }
  const missing = await personsNeedingEnrollment(db, engineId);
  summary.needEnrollment = missing.length;
  if (done > 0 || missing.length > 0) {
    deps.log?.('re-embedding finished', { ...summary, needEnrollmentSample: missing.slice(0, 10) });
  }
  return summary;
}
