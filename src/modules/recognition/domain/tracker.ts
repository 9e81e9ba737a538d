import type { FaceBox } from '../../../platform/ports/face-engine';

/**
 * Groups detections of one camera into tracks (one track ≈ one person passing the gate) by box overlap between
 * consecutive sampled frames. A track ends when it has not been seen for `maxGapMs`; the gate decides once per
 * ended track, never per frame.
 */
export interface TrackerOptions {
  /** Minimum IoU with the track's last box to continue it. */
  minIou: number;
  /** A track unseen for this long has passed. */
  maxGapMs: number;
}

export interface Observation<T> {
  box: FaceBox;
  atMs: number;
  payload: T;
}

export interface Track<T> {
  id: number;
  observations: Observation<T>[];
  lastBox: FaceBox;
  lastAtMs: number;
}

export function iou(a: FaceBox, b: FaceBox): number {
  const x0 = Math.max(a.x, b.x);
  const y0 = Math.max(a.y, b.y);
  const x1 = Math.min(a.x + a.width, b.x + b.width);
  const y1 = Math.min(a.y + a.height, b.y + b.height);
  const inter = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
  const union = a.width * a.height + b.width * b.height - inter;
  return union > 0 ? inter / union : 0;
}

export class FaceTracker<T> {
  private readonly open: Track<T>[] = [];
  private nextId = 1;

  constructor(private readonly options: TrackerOptions = { minIou: 0.2, maxGapMs: 1500 }) {}

  /**
   * Adds one frame's detections (greedy matching, best overlap first) and returns the tracks that ended before
   * this frame's time.
   */
  push(atMs: number, detections: { box: FaceBox; payload: T }[]): Track<T>[] {
    const ended = this.expire(atMs);
    const pairs: { track: Track<T>; det: number; overlap: number }[] = [];
    for (const track of this.open) {
      detections.forEach((d, det) => {
        const overlap = iou(track.lastBox, d.box);
        if (overlap >= this.options.minIou) pairs.push({ track, det, overlap });
      });
    }
    pairs.sort((a, b) => b.overlap - a.overlap);
    const usedTracks = new Set<number>();
    const usedDets = new Set<number>();
    for (const p of pairs) {
      if (usedTracks.has(p.track.id) || usedDets.has(p.det)) continue;
      usedTracks.add(p.track.id);
      usedDets.add(p.det);
      const d = detections[p.det] as { box: FaceBox; payload: T };
      p.track.observations.push({ box: d.box, atMs, payload: d.payload });
      p.track.lastBox = d.box;
      p.track.lastAtMs = atMs;
    }
    detections.forEach((d, i) => {
      if (usedDets.has(i)) return;
      this.open.push({ id: this.nextId++, observations: [{ box: d.box, atMs, payload: d.payload }], lastBox: d.box, lastAtMs: atMs });
    });
    return ended;
  }

  /** Ends every track unseen since `atMs − maxGapMs` (call with +∞ to flush at shutdown). */
  expire(atMs: number): Track<T>[] {
    const ended: Track<T>[] = [];
    for (let i = this.open.length - 1; i >= 0; i--) {
      const t = this.open[i] as Track<T>;
      if (atMs - t.lastAtMs > this.options.maxGapMs) {
        ended.push(t);
        this.open.splice(i, 1);
      }
    }
    return ended.reverse();
  }

  get openTracks(): number {
    return this.open.length;
  }
}
