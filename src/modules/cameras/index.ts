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
 * - `getCamera`, `listCameras`, `cameraRights`: read access for recording, recognition, attendance.
 * - `seedDemoCameras(ctx, demo)`: the four demo cameras (see demo.ts for the source used).
 */
import type { AppContext, KcModule } from '../../platform/module';
import type { Db } from '../../platform/ports/db';
import { rightsFor } from './camera-access';
import { type CameraRow, getCameraRow, listCameraRows } from './cameras.repo';
import { cameraRoutes } from './cameras.routes';
import { prepareDemoSources, seedDemoCameras, stopDemoSource, warnDemoSourcesUnavailable } from './demo';
import { type CameraFrame, type FrameHandler, frameHub } from './frame-hub';
import { grantRoutes } from './grants.routes';
import { liveRoutes } from './live.routes';
import { discoveryRoutes } from './onvif/discovery.routes';
import type { SegmentSink } from './runtime';
import { cameraServices } from './services';

export type { CameraFrame, FrameHandler, FrameStats } from './frame-hub';
export type { CameraRights } from './camera-access';
export type { CameraRow } from './cameras.repo';
export type { SegmentSink } from './runtime';
export { cameraDto, type CameraDto } from './cameras.service';
export { LOCATION_LABELS, LOCATION_TYPES, type LocationType } from './domain/camera-rules';
export { cameraServices } from './services';
export { seedDemoCameras };

/** Subscribe to sampled frames of one camera. The handler runs one frame at a time; slow handlers lose frames, never recording. */
export function onFrames(cameraId: string, handler: (frame: CameraFrame) => Promise<void> | void, opts?: { queueSize?: number }): () => void {
  return frameHub.subscribe(cameraId, handler as FrameHandler, opts);
}

export function frameStats(cameraId: string) {
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

let started: AppContext | undefined;

export const camerasModule: KcModule = {
  name: 'cameras',
  routes: async (app, ctx) => {
    await cameraRoutes(app, ctx);
    await grantRoutes(app, ctx);
    await liveRoutes(app, ctx);
    await discoveryRoutes(app, ctx);
  },
  seedDemo: async (ctx, demo) => {
    await seedDemoCameras(ctx, demo);
  },
  start: async (ctx) => {
    started = ctx;
    await prepareDemoSources(ctx).catch((err) => warnDemoSourcesUnavailable(ctx, err));
    await cameraServices(ctx).runtime.startAll();
  },
  stop: async () => {
    if (!started) return;
    const ctx = started;
    started = undefined;
    // SIGINT to every ffmpeg so each finalises its last segment.
    await cameraServices(ctx).runtime.stopAll();
    await stopDemoSource();
  },
};
