import type { GateStats } from './gate-stats-types';
import { quantileSorted } from '../../platform/math/quantile';

/** Decision latencies kept for the percentiles (the last 200 passes), and frame times for the observed rate (~10 s). */
const LATENCY_SAMPLES = 200;
const FPS_WINDOW_MS = 10_000;

/** The counters of one gate pipeline and the rolling figures behind GateStats. */
export class GateStatsKeeper {
  readonly counters: Omit<GateStats, 'latencyMs' | 'lastFrameAt' | 'observedFps' | 'since'> = {
    frames: 0,
    analysed: 0,
    skippedNoMotion: 0,
    dropped: 0,
    outOfOrder: 0,
    duplicates: 0,
    faces: 0,
    passes: 0,
    merged: 0,
    debounced: 0,
    sightings: { AUTO: 0, REVIEW: 0, UNKNOWN: 0 },
  };
  private readonly latencies: number[] = [];
  private readonly frameTimes: number[] = [];
  private lastFrameAt: number | null = null;

  constructor(private readonly since: Date) {}

  /** A frame accepted into the timeline (in order, not a duplicate). */
  frameAccepted(atMs: number): void {
    this.lastFrameAt = atMs;
    this.frameTimes.push(atMs);
    while (this.frameTimes.length && atMs - (this.frameTimes[0] as number) > FPS_WINDOW_MS) this.frameTimes.shift();
  }

  /** The timeline was restarted (the camera's clock jumped back for good): the rate starts again. */
  timelineReset(): void {
    this.frameTimes.length = 0;
  }

  latency(ms: number): void {
    this.latencies.push(ms);
    if (this.latencies.length > LATENCY_SAMPLES) this.latencies.shift();
  }

  snapshot(): GateStats {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const first = this.frameTimes[0];
    const last = this.frameTimes[this.frameTimes.length - 1];
    const span = first !== undefined && last !== undefined ? last - first : 0;
    return {
      ...this.counters,
      sightings: { ...this.counters.sightings },
      latencyMs: { p50: quantileSorted(sorted, 0.5), p95: quantileSorted(sorted, 0.95), samples: sorted.length },
      lastFrameAt: this.lastFrameAt === null ? null : new Date(this.lastFrameAt).toISOString(),
      observedFps: span > 0 ? Math.round(((this.frameTimes.length - 1) * 1000 * 100) / span) / 100 : null,
      since: this.since.toISOString(),
    };
  }
}
