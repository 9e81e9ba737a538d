/**
 * Motion gating for the gate camera (issue 14: face detection on an empty gate cost ≈ 0.6 of a core). As Frigate gates
 * its object detector on motion, the gate compares a small luma thumbnail of the gate zone with the previous frame's
 * and runs the detector only when something moved, while a pass is open, or at a low keep-alive rate (so a person
 * standing still in view is still found). Pure: the pipeline keeps the previous thumbnail.
 */
export interface Zone {
  /** Fractions of the frame (0..1): the gate zone; the whole frame when absent. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MotionOptions {
  /** Thumbnail size in cells (each cell is the mean luma of a 2×2 sample of its area). */
  cols: number;
  rows: number;
  /** A cell whose luma changed by at least this much (0..255) moved. */
  pixelDelta: number;
  /** Motion when at least this share of the cells moved. */
  minChangedShare: number;
}

/**
 * 96×54 cells over 720p ≈ 13 px cells: a face 40 px wide (the gate's minimum) covers ~9 cells, so entering changes
 * far more than 0.2 % of them (≈ 10 cells); sensor noise and H.264 flicker stay under a delta of 12.
 */
export const DEFAULT_MOTION: MotionOptions = { cols: 96, rows: 54, pixelDelta: 12, minChangedShare: 0.002 };

export interface Thumb {
  cols: number;
  rows: number;
  luma: Uint8Array;
}

/**
 * Mean luma of 4 points per cell of the zone (packed RGB24): ~20 k pixel reads for a 96×54 thumbnail whatever the
 * frame size, a fraction of a millisecond.
 */
export function lumaThumb(frame: { width: number; height: number; data: Uint8Array }, zone?: Zone, o: MotionOptions = DEFAULT_MOTION): Thumb {
  const z = zone ?? { x: 0, y: 0, width: 1, height: 1 };
  const x0 = Math.floor(z.x * frame.width);
  const y0 = Math.floor(z.y * frame.height);
  const w = Math.max(1, Math.floor(z.width * frame.width));
  const h = Math.max(1, Math.floor(z.height * frame.height));
  const luma = new Uint8Array(o.cols * o.rows);
  const stride = frame.width * 3;
  const at = (x: number, y: number) => {
    const px = Math.min(frame.width - 1, Math.max(0, x));
    const py = Math.min(frame.height - 1, Math.max(0, y));
    const i = py * stride + px * 3;
    // BT.601 luma in integers.
    return (77 * (frame.data[i] as number) + 150 * (frame.data[i + 1] as number) + 29 * (frame.data[i + 2] as number)) >> 8;
  };
  for (let r = 0; r < o.rows; r++) {
    const ya = y0 + Math.floor(((r + 0.25) * h) / o.rows);
    const yb = y0 + Math.floor(((r + 0.75) * h) / o.rows);
    for (let c = 0; c < o.cols; c++) {
      const xa = x0 + Math.floor(((c + 0.25) * w) / o.cols);
      const xb = x0 + Math.floor(((c + 0.75) * w) / o.cols);
      luma[r * o.cols + c] = (at(xa, ya) + at(xb, ya) + at(xa, yb) + at(xb, yb) + 2) >> 2;
    }
  }
  return { cols: o.cols, rows: o.rows, luma };
}

/** Share of cells that changed by at least `pixelDelta` (1 when the thumbnails cannot be compared). */
export function changedShare(prev: Thumb | undefined, cur: Thumb, o: MotionOptions = DEFAULT_MOTION): number {
  if (!prev || prev.luma.length !== cur.luma.length) return 1;
  let changed = 0;
  for (let i = 0; i < cur.luma.length; i++) if (Math.abs((cur.luma[i] as number) - (prev.luma[i] as number)) >= o.pixelDelta) changed++;
  return changed / cur.luma.length;
}

export function hasMotion(prev: Thumb | undefined, cur: Thumb, o: MotionOptions = DEFAULT_MOTION): boolean {
  return changedShare(prev, cur, o) >= o.minChangedShare;
}

/** Same pixels at every sampled point: a repeated frame (a stalled encoder, a frame-rate filter duplicating frames). */
export function sameThumb(prev: Thumb | undefined, cur: Thumb): boolean {
  if (!prev || prev.luma.length !== cur.luma.length) return false;
  for (let i = 0; i < cur.luma.length; i++) if (prev.luma[i] !== cur.luma[i]) return false;
  return true;
}

export interface GateFrameDecision {
  analyse: boolean;
  reason: 'motion' | 'pass-open' | 'keep-alive' | 'first' | 'no-motion';
}

/**
 * Whether to run the detector on this frame: always while a pass is open (full rate during a pass), on motion, on the
 * first frame, and at least once per `keepAliveMs` of frame time (someone standing still is still found).
 */
export function shouldAnalyse(input: { passOpen: boolean; motion: boolean; atMs: number; lastAnalysedAtMs: number | null; keepAliveMs: number }): GateFrameDecision {
  if (input.lastAnalysedAtMs === null) return { analyse: true, reason: 'first' };
  if (input.passOpen) return { analyse: true, reason: 'pass-open' };
  if (input.motion) return { analyse: true, reason: 'motion' };
  if (input.atMs - input.lastAnalysedAtMs >= input.keepAliveMs) return { analyse: true, reason: 'keep-alive' };
  return { analyse: false, reason: 'no-motion' };
}
