import path from 'node:path';
import type { AppContext } from '../../platform/module';
import type { VideoEngine } from '../../platform/ports/video';
import { LiveSessions } from './live-sessions';
import { CameraRuntime } from './runtime';
import { SecretBox } from './secret-box';

export interface CameraServices {
  engine: VideoEngine;
  box: SecretBox;
  runtime: CameraRuntime;
  recordingsRoot: string;
  /** Open live views, so a revoked grant can cut them. */
  liveSessions: LiveSessions;
}

const byCtx = new WeakMap<AppContext, CameraServices>();

/**
 * The camera module's long-lived objects for one application context: the video engine (the context's), the
 * credential box and the runtime with the camera workers. Created on first use; routes and `start` share them.
 */
export function cameraServices(ctx: AppContext): CameraServices {
  let s = byCtx.get(ctx);
  if (!s) {
    const engine = ctx.video;
    const box = SecretBox.fromConfig(ctx.config);
    const recordingsRoot = path.join(ctx.config.dataDir, 'recordings');
    const runtime = new CameraRuntime({ db: ctx.db, log: ctx.log, engine, box }, { recordingsRoot });
    s = { engine, box, runtime, recordingsRoot, liveSessions: new LiveSessions() };
    byCtx.set(ctx, s);
  }
  return s;
}
