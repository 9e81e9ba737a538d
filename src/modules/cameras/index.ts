/**
 * cameras — the camera registry (locations, units, stream URLs, sealed credentials, gate direction, recognition
 * flag, privacy masks), connection tests, camera health, the per-camera ingest workers (one ffmpeg process and one
 * RTSP connection per camera: recording segments + live fMP4 + sampled frames) and the live wall endpoint; view
 * grants from unit leaders (grants.*: reason, expiry, audit, open views cut on revocation); ONVIF discovery
 * (onvif/: WS-Discovery probe, GetProfiles/GetStreamUri with a UsernameToken digest) to fill in the add form.
 * Owns tables cameras, camera_grants.
 *
 * For other modules:
 * - `onFrames(cameraId, handler)`: sampled RGB frames of cameras where recognition is allowed, through a bounded
 *   queue that drops (and counts) frames when the handler is slow. Returns an unsubscribe function.
 * - `getCamera`, `listCameras`, `cameraRights`: read access for recording, recognition, violations.
 * - `attachSegmentSink(ctx, sink)` and `cameraServices(ctx)`: recording indexes closed segments and reads the video
 *   engine and the recordings root.
 * - `grantForInspection(tx, …)`, `revokeGrantsFor(tx, …)`, `cutRevokedViews(ctx, …)`: system grants, written in the
 *   caller's transaction (inspections: the team watches the inspected unit's cameras during the window; masked
 *   picture only, never shortening a leader's grant, audited, open views cut after the revocation commits).
 */
import type { AppContext } from '../../platform/module';
import type { Db } from '../../platform/ports/db';
import { rightsFor } from './camera-access';
import { type CameraRow, getCameraRow, listCameraRows } from './cameras.repo';
import { type CameraFrame, type FrameHandler, type FrameStats, frameHub } from './frame-hub';
import type { SegmentSink } from './runtime';
import { cameraServices } from './services';

export type { CameraRow } from './cameras.repo';
export type { SegmentSink } from './runtime';
export { cameraServices } from './services';
export { releaseFrame } from './frame-hub';
export { cutRevokedViews, type GrantedFor, grantForInspection, revokeGrantsFor, type SystemGrantInput } from './system-grants.service';

/** Subscribe to sampled frames of one camera. The handler runs one frame at a time; slow handlers lose frames, never recording. */
export function onFrames(cameraId: string, handler: (frame: CameraFrame) => Promise<void> | void, opts?: { queueSize?: number }): () => void {
  return frameHub.subscribe(cameraId, handler as FrameHandler, opts);
}

/** Frames published to one camera's subscribers and dropped by their bounded queues (gate statistics, /metrics). */
export function frameHubStats(cameraId: string): FrameStats {
  return frameHub.stats(cameraId);
}

export async function getCamera(db: Db, id: string): Promise<CameraRow | undefined> {
  return getCameraRow(db, id);
}

export async function listCameras(db: Db, filter?: { unitIds?: string[]; enabledOnly?: boolean }): Promise<CameraRow[]> {
  return listCameraRows(db, filter);
}

export const cameraRights = rightsFor;

/** The recording module attaches here to index closed segments and record gaps. */
export function attachSegmentSink(ctx: AppContext, sink: SegmentSink): void {
  cameraServices(ctx).runtime.setSink(sink);
}
