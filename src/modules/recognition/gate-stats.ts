import type { AppContext } from '../../platform/module';
import type { GateCameraMetrics } from '../../platform/observability/metrics';
import { frameHubStats, listCameras } from '../cameras';
import type { GateStats } from './gate-stats-types';
import type { ZGateCameraStats, ZGateRuntimeStats } from './passes.dto';
import { passAggregates } from './passes.repo';
import { recognitionRuntime } from './runtime';
import type { z } from 'zod';

type CameraStats = z.output<typeof ZGateCameraStats>;
type RuntimeStats = z.output<typeof ZGateRuntimeStats>;

/**
 * A camera's gate figures as people read them: the running pipeline's counters (memory, since it started) with the
 * frames the camera's bounded frame queue dropped before they reached the pipeline (a slow pipeline loses frames
 * there, not in the pipeline's own lag check), so "dropped" covers both.
 */
function withQueueDrops(cameraId: string, s: GateStats): RuntimeStats {
  const queue = frameHubStats(cameraId).dropped;
  return {
    frames: s.frames,
    analysed: s.analysed,
    skippedNoMotion: s.skippedNoMotion,
    dropped: s.dropped + queue,
    droppedByQueue: queue,
    outOfOrder: s.outOfOrder,
    duplicates: s.duplicates,
    faces: s.faces,
    passes: s.passes,
    merged: s.merged,
    debounced: s.debounced,
    sightings: { ...s.sightings },
    latencyMs: { ...s.latencyMs },
    lastFrameAt: s.lastFrameAt,
    observedFps: s.observedFps,
    since: s.since,
  };
}

function runtimeByCamera(ctx: AppContext): Map<string, GateStats> {
  const stats: Array<{ cameraId: string } & GateStats> = recognitionRuntime(ctx).stats();
  return new Map(stats.map((s) => [s.cameraId, s]));
}

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** Per camera of the given units (registered cameras, newest figures): runtime counters and the window's DB figures. */
export async function gateStatsFor(ctx: AppContext, unitIds: string[], from: Date, to: Date): Promise<CameraStats[]> {
  if (unitIds.length === 0) return [];
  const [cameras, windows] = await Promise.all([listCameras(ctx.db, { unitIds }), passAggregates(ctx.db, unitIds, from, to)]);
  const running = runtimeByCamera(ctx);
  return cameras
    .filter((c) => c.recognition_allowed || windows.has(c.id))
    .map((c) => {
      const w = windows.get(c.id);
      const r = running.get(c.id);
      const passes = w?.passes ?? 0;
      return {
        cameraId: c.id,
        cameraName: c.name,
        unitId: c.unit_id,
        recognitionAllowed: c.recognition_allowed,
        running: r !== undefined,
        runtime: r ? withQueueDrops(c.id, r) : null,
        window: {
          passes,
          auto: w?.auto ?? 0,
          review: w?.review ?? 0,
          unknown: w?.unknown ?? 0,
          livenessDoubts: w?.liveness ?? 0,
          pendingReview: w?.pending ?? 0,
          fragmentsMerged: w?.merged ?? 0,
          autoRate: rate(w?.auto ?? 0, passes),
          reviewRate: rate(w?.review ?? 0, passes),
          latencyP50Ms: w?.p50 ?? null,
          latencyP95Ms: w?.p95 ?? null,
        },
      };
    });
}

/** What /metrics exports per camera: every running pipeline of this server (no unit scope: the scrape is the operator's). */
export function gateMetricsSnapshot(ctx: AppContext): GateCameraMetrics[] {
  return [...runtimeByCamera(ctx)].map(([cameraId, s]) => ({ cameraId, ...withQueueDrops(cameraId, s) }));
}
