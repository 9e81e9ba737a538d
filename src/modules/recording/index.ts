/**
 * recording — the segment index (one row per closed ~10 s MP4), recording gaps, retention by days and by disk
 * quota with legal holds, the disk-full guard, the playback timeline, evidence exports (clips by stream copy
 * across segments, snapshots at an instant) with manifest + SHA-256, the evidence library, incidents, and the
 * audit of every view and download. Owns tables recording_segments, recording_gaps, legal_holds,
 * evidence_exports, evidence_links, incidents, incident_footage.
 *
 * For other modules (violations, attendance): `exportClip`, `exportSnapshot`, `linkEvidence`, `getEvidence`,
 * `verifyEvidence` — each takes the AppContext.
 */
import type { AppContext, KcModule } from '../../platform/module';
import { isDatabaseUnavailable } from '../../platform/db/unavailable';
import type { AuditActor } from '../audit/audit.service';
import { attachSegmentSink, cameraServices } from '../cameras';
import * as evidence from './evidence.service';
import { evidenceRoutes } from './evidence.routes';
import { incidentRoutes } from './incidents.routes';
import { recordingRoutes } from './recording.routes';
import { applyRetention } from './retention';
import { SegmentIndexer } from './segment-index';

export type { EvidenceManifest, EvidenceRow, VerifyResult } from './evidence.service';
export { evidenceDto, MAX_CLIP_SECONDS } from './evidence.service';
export { SegmentIndexer } from './segment-index';
export { applyRetention, pruneByQuota, pruneByAge, pruneForDisk } from './retention';

function deps(ctx: AppContext): evidence.EvidenceDeps {
  const { engine, recordingsRoot } = cameraServices(ctx);
  return { db: ctx.db, blobs: ctx.blobs, engine, recordingsRoot, now: ctx.now };
}

/** Export [from, to] of a camera as evidence. `masked` defaults to true: privacy masks are burned in unless asked otherwise. */
export function exportClip(ctx: AppContext, req: { cameraId: string; from: Date; to: Date; reason: string; actor: AuditActor; masked?: boolean }) {
  return evidence.exportClip(deps(ctx), req);
}

export function exportSnapshot(
  ctx: AppContext,
  req: { cameraId: string; at: Date; reason: string; actor: AuditActor; masked?: boolean; format?: 'jpeg' | 'png' },
) {
  return evidence.exportSnapshot(deps(ctx), req);
}

export function linkEvidence(ctx: AppContext, req: { exportId: string; targetType: 'VIOLATION' | 'INCIDENT'; targetId: string; actor: AuditActor }) {
  return evidence.linkEvidence(ctx.db, req);
}

export async function getEvidence(ctx: AppContext, id: string) {
  return evidence.evidenceDto(await evidence.getEvidenceRow(ctx.db, id));
}

export function verifyEvidence(ctx: AppContext, id: string) {
  return evidence.verifyEvidence(ctx, id);
}

/** Retention runs every minute; the disk guard keeps at least 2 GB or 5 % of the disk free. */
const RETENTION_EVERY_MS = 60_000;
let timer: NodeJS.Timeout | undefined;
let running: Promise<unknown> | undefined;
let indexer: SegmentIndexer | undefined;

export const recordingModule: KcModule = {
  name: 'recording',
  routes: async (app, ctx) => {
    await recordingRoutes(app, ctx);
    await evidenceRoutes(app, ctx);
    await incidentRoutes(app, ctx);
  },
  start: (ctx) => {
    const { recordingsRoot } = cameraServices(ctx);
    indexer = new SegmentIndexer(ctx.db, recordingsRoot, ctx.log);
    attachSegmentSink(ctx, indexer);
    const pass = () => {
      if (running) return;
      running = applyRetention(ctx.db, recordingsRoot, ctx.now(), { minFreeBytes: 2 * 1024 ** 3, minFreeRatio: 0.05 }, ctx.log)
        // Without the database nothing is deleted (rows go first); the next pass, a minute later, tries again.
        .catch((err) =>
          isDatabaseUnavailable(err) ? ctx.log.warn({ err }, 'retention pass skipped: database unavailable') : ctx.log.error({ err }, 'retention pass failed'),
        )
        .finally(() => {
          running = undefined;
        });
    };
    timer = setInterval(pass, RETENTION_EVERY_MS);
    timer.unref();
    pass();
  },
  stop: async () => {
    clearInterval(timer);
    // Segments waiting for the database stay in incoming/ and are indexed at the next start.
    indexer?.close();
    indexer = undefined;
    await running;
  },
};
