/**
 * What one camera's gate pipeline did since it started (issue 14): kept in memory by the recognition module's pipeline,
 * exposed by its gate-stats route and by /metrics. Declared in the kernel so /metrics can name it without importing a
 * module.
 */
export interface GateStats {
  /** Frames received by the pipeline. */
  frames: number;
  /** Frames the detector ran on. */
  analysed: number;
  /** Not analysed: nothing moved in the gate zone and no pass open. */
  skippedNoMotion: number;
  /** Dropped because they lagged more than maxLagMs (plus frame-hub queue drops added by the stats route). */
  dropped: number;
  /** Timestamp went backwards → dropped. */
  outOfOrder: number;
  /** Same timestamp as (or identical content to) the previous frame → dropped. */
  duplicates: number;
  faces: number;
  /** Passes decided (sightings written). */
  passes: number;
  /** Track fragments merged into an earlier pass (no new sighting). */
  merged: number;
  /** Same person again within the unit's debounce window: no second punch/review item. */
  debounced: number;
  sightings: { AUTO: number; REVIEW: number; UNKNOWN: number };
  /** First seen → verdict stored, over the last 200 passes. */
  latencyMs: { p50: number | null; p95: number | null; samples: number };
  /** ISO. */
  lastFrameAt: string | null;
  /** Over the last ~10 s of frame timestamps. */
  observedFps: number | null;
  /** ISO, pipeline start. */
  since: string;
}
