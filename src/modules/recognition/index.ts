/**
 * recognition — face recognition at the gate (issue 5): biometric consent records, enrollment with quality checks,
 * face templates (embeddings only), the gate pipeline (detect → track → describe → match → one decision per pass),
 * sightings with snapshot and engine metadata, the review queue and unknown-face groups. Punches go to the
 * attendance module through its `ingestPunch`; frames come from the cameras module's `onFrames`.
 * Owns tables biometric_consents, face_templates, face_sightings, face_unknown_clusters, face_enrollment_periods,
 * face_enrollment_samples (enrollment from the gate camera) and face_liveness_policies (heuristic liveness signal),
 * face_imports and face_import_files (bulk enrollment from a zip named by employee code, run as a background job).
 *
 * No module reads recognition; the end-to-end and security tests drive the gate through these two.
 */
export { GatePipeline } from './gate-pipeline';
export { recognitionRuntime } from './runtime';
export type { GateStats } from './gate-stats-types';
export { packDescribed, unpackDescribed } from './domain/described-bytes';
