import type { AppContext } from '../../platform/module';
import type { RunningFaceEngine } from '../../platform/ports/face-engine';
import { debounceSecondsFor, ingestPunch } from '../attendance';
import { listCameras, onFrames } from '../cameras';
import { purgeExpiredGateGroups } from './gate-enrollment.groups';
import { GatePipeline, type PunchSink } from './gate-pipeline';
import type { GateStats } from './gate-stats-types';

/**
 * The running part of recognition for one app context: the context's face engine (ctx.faces: worker threads, so
 * inference never blocks recording or HTTP, started on first use) and one gate pipeline per camera where
 * recognition is allowed.
 */
export class RecognitionRuntime {
  /** Per camera; the gate (and the engine behind it) is created on the first frame, so idle cameras cost nothing. */
  private readonly pipelines = new Map<string, { gate?: GatePipeline; unsubscribe: () => void }>();
  private flushTimer: NodeJS.Timeout | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private purgeTimer: NodeJS.Timeout | undefined;

  readonly punch: PunchSink;

  constructor(private readonly ctx: AppContext) {
    this.punch = (db, p) => ingestPunch(db, p, { now: ctx.now() });
  }

  engine(): Promise<RunningFaceEngine> {
    return this.ctx.faces.get();
  }

  async start(): Promise<void> {
    await this.refreshCameras();
    // Cameras added, re-enabled or switched to recognition later are picked up without a restart.
    this.refreshTimer = setInterval(() => {
      this.refreshCameras().catch((err) => this.ctx.log.error({ err }, 'recognition camera refresh failed'));
    }, 15_000);
    // Gate-enrollment groups nobody assigned are deleted when their period's retention runs out (checked hourly).
    const purge = () =>
      purgeExpiredGateGroups(this.ctx.db, this.ctx.blobs, this.ctx.now()).catch((err) => this.ctx.log.error({ err }, 'gate enrollment purge failed'));
    void purge();
    this.purgeTimer = setInterval(purge, 3_600_000);
    this.flushTimer = setInterval(() => {
      for (const { gate } of this.pipelines.values()) {
        gate?.flush(this.ctx.now().getTime()).catch((err) => this.ctx.log.error({ err }, 'gate flush failed'));
      }
    }, 1000);
  }

  /** Starts a gate pipeline for every enabled camera where recognition is allowed, stops those no longer allowed. */
  async refreshCameras(): Promise<void> {
    const cameras = (await listCameras(this.ctx.db, { enabledOnly: true })).filter((c) => c.recognition_allowed);
    const wanted = new Set(cameras.map((c) => c.id));
    for (const [id, p] of this.pipelines) {
      if (wanted.has(id)) continue;
      p.unsubscribe();
      await p.gate?.flush();
      this.pipelines.delete(id);
    }
    for (const cam of cameras.filter((c) => !this.pipelines.has(c.id))) {
      const entry: { gate?: GatePipeline; unsubscribe: () => void } = { unsubscribe: () => {} };
      entry.unsubscribe = onFrames(
        cam.id,
        async (frame) => {
          if (!entry.gate) {
            const engine = await this.engine();
            entry.gate = new GatePipeline(
              { db: this.ctx.db, blobs: this.ctx.blobs, engine, punch: this.punch, now: this.ctx.now, debounceSeconds: debounceSecondsFor },
              { id: cam.id, unitId: cam.unit_id, direction: cam.direction },
            );
            this.ctx.log.info({ camera: cam.id, engine: engine.meta.engine, threads: engine.threads }, 'face recognition on camera');
          }
          await entry.gate.handleFrame(frame);
        },
        { queueSize: 2 },
      );
      this.pipelines.set(cam.id, entry);
    }
  }

  invalidateGalleries(): void {
    for (const { gate } of this.pipelines.values()) gate?.invalidateGallery();
  }

  /** Per camera whose gate has started (on its first frame): what the gate did since (GateStats, issue 14). */
  stats(): Array<{ cameraId: string } & GateStats> {
    return [...this.pipelines].flatMap(([cameraId, { gate }]) => (gate ? [{ cameraId, ...gate.stats }] : []));
  }

  async stop(): Promise<void> {
    clearInterval(this.flushTimer);
    clearInterval(this.refreshTimer);
    clearInterval(this.purgeTimer);
    for (const { gate, unsubscribe } of this.pipelines.values()) {
      unsubscribe();
      await gate?.flush();
    }
    this.pipelines.clear();
    // Recognition is the engine's user in a running server: its worker threads end with it (a later use starts it again).
    await this.ctx.faces.close();
  }
}

const runtimes = new WeakMap<AppContext, RecognitionRuntime>();

export function recognitionRuntime(ctx: AppContext): RecognitionRuntime {
  let r = runtimes.get(ctx);
  if (!r) {
    r = new RecognitionRuntime(ctx);
    runtimes.set(ctx, r);
  }
  return r;
}
