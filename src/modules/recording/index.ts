/**
 * recording — the segment index (one row per closed ~10 s MP4), recording gaps, retention by days and by disk
 * quota with legal holds, the disk-full guard, the playback timeline, evidence exports (clips by stream copy
 * across segments, snapshots at an instant) with manifest + SHA-256, the evidence library, incidents, and the
 * audit of every view and download. Owns tables recording_segments, recording_gaps, legal_holds,
 * evidence_exports, evidence_links, incidents, incident_footage.
 *
 * For other modules (violations): `exportClip`, `exportSnapshot`, `linkEvidence` — each takes the AppContext.
 */
import type { AppContext } from '../../platform/module';
import type { AuditActor } from '../audit';
import { cameraServices } from '../cameras';
import * as evidence from './evidence.service';

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
