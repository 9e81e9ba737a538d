/**
 * recognition — face recognition at the gate (issue 5): biometric consent records, enrollment with quality checks,
 * face templates (embeddings only), the gate pipeline (detect → track → describe → match → one decision per pass),
 * sightings with snapshot and engine metadata, the review queue and unknown-face groups. Punches go to the
 * attendance module through its `ingestPunch`; frames come from the cameras module's `onFrames`.
 * Owns tables biometric_consents, face_templates, face_sightings, face_unknown_clusters, face_enrollment_periods,
 * face_enrollment_samples (enrollment from the gate camera) and face_liveness_policies (heuristic liveness signal),
 * face_imports and face_import_files (bulk enrollment from a zip named by employee code, run as a background job).
 */
import type { AppContext, KcModule } from '../../platform/module';
import { gateEnrollmentRoutes } from './gate-enrollment.routes';
import { startZipImports, stopZipImports } from './enrollment-zip.jobs';
import { zipImportRoutes } from './enrollment-zip.routes';
import { recognitionRoutes } from './recognition.routes';
import { recognitionRuntime } from './runtime';

export { currentConsent, recordConsent, purgeTemplatesOfLeavers } from './consent.service';
export { enrollPhotos, type FileReport } from './enrollment.service';
export { GatePipeline, type PunchSink } from './gate-pipeline';
export { confirmReview, rejectReview, listPendingReviews } from './review.service';
export { purgeExpiredGateGroups } from './gate-enrollment.groups';
export { recognitionRuntime };

let started: AppContext | undefined;

export const recognitionModule: KcModule = {
  name: 'recognition',
  routes: async (app, ctx) => {
    await recognitionRoutes(app, ctx);
    await gateEnrollmentRoutes(app, ctx);
    await zipImportRoutes(app, ctx);
  },
  start: async (ctx) => {
    started = ctx;
    await startZipImports(ctx);
    if (!ctx.config.face.recognition) return;
    await recognitionRuntime(ctx).start();
  },
  stop: async () => {
    if (started) await stopZipImports(started);
    if (started) await recognitionRuntime(started).stop();
    started = undefined;
  },
};
