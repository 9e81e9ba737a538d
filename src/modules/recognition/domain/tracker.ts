import type { FaceBox } from '../../../platform/ports/face-engine';
import { cosine } from '../../../platform/image/embedding';

/**
 * Groups detections of one camera into tracks (one track ≈ one person passing the gate), on the frames' own
 * timestamps (never arrival time: a frame that waited in a queue still belongs where the camera put it).
 * A detection continues a track when its box overlaps the track's last box, or — when boxes do not overlap, as
 * between frames a second apart at 1 fps or after a gap — when its embedding is as similar to the track's as two
 * photos of one person and it is no more than a few face widths away. A track ends when it has not been seen for
 * `maxGapMs`.
 */
export interface TrackerOptions {
  /** Minimum IoU with the track's last box to continue it. */
  minIou: number;
  /** A track unseen for this long has passed. */
  maxGapMs: number;
  /** Without overlap, minimum cosine between the detection's and the track's embedding (absent: overlap only). */
  minSimilarity?: number;
  /** Without overlap, the largest centre jump allowed, in face widths (of the larger of the two boxes). */
  maxJumpWidths?: number;
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
  firstAtMs: number;
  /** Running mean (not normalised) of the detections' embeddings, for continuing without overlap. */
  embedding?: Float32Array;
  /** Detections added to the track (observations may be trimmed by the caller; this is not). */
  seen: number;
}

export interface Detection<T> {
  box: FaceBox;
  payload: T;
  /** Unit-length embedding of the face, when known. */
  embedding?: Float32Array;
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

function unit(v: Float32Array): Float32Array {
  let s = 0;
  for (const x of v) s += x * x;
  const n = Math.sqrt(s) || 1;
  return v.map((x) => x / n);
}

export class FaceTracker<T> {
  private readonly open: Track<T>[] = [];
  private nextId = 1;

  constructor(private readonly options: TrackerOptions = { minIou: 0.2, maxGapMs: 1500 }) {}

  /**
   * Adds one frame's detections (greedy matching: overlapping pairs first by IoU, then look-alike pairs by
   * similarity) and returns the tracks that ended before this frame's time. Callers must push in time order.
   */
  push(atMs: number, detections: Detection<T>[]): Track<T>[] {
    const ended = this.expire(atMs);
    const pairs: { track: Track<T>; det: number; rank: number }[] = [];
    const { minIou, minSimilarity, maxJumpWidths = 3 } = this.options;
    for (const track of this.open) {
      detections.forEach((d, det) => {
        const overlap = iou(track.lastBox, d.box);
        if (overlap >= minIou) {
          pairs.push({ track, det, rank: 2 + overlap });
          return;
        }
        if (minSimilarity === undefined || !d.embedding || !track.embedding) return;
        const a = track.lastBox;
        const b = d.box;
        const jump = Math.hypot(a.x + a.width / 2 - (b.x + b.width / 2), a.y + a.height / 2 - (b.y + b.height / 2));
        if (jump > maxJumpWidths * Math.max(a.width, b.width)) return;
        const sim = cosine(unit(track.embedding), d.embedding);
        if (sim >= minSimilarity) pairs.push({ track, det, rank: sim });
      });
    }
    pairs.sort((a, b) => b.rank - a.rank);
    const usedTracks = new Set<number>();
    const usedDets = new Set<number>();
    for (const p of pairs) {
      if (usedTracks.has(p.track.id) || usedDets.has(p.det)) continue;
      usedTracks.add(p.track.id);
      usedDets.add(p.det);
      this.extend(p.track, atMs, detections[p.det] as Detection<T>);
    }
    detections.forEach((d, i) => {
      if (usedDets.has(i)) return;
      const track: Track<T> = { id: this.nextId++, observations: [], lastBox: d.box, lastAtMs: atMs, firstAtMs: atMs, seen: 0 };
      this.extend(track, atMs, d);
      this.open.push(track);
    });
    return ended;
  }

  private extend(track: Track<T>, atMs: number, d: Detection<T>): void {
    track.observations.push({ box: d.box, atMs, payload: d.payload });
    track.lastBox = d.box;
    track.lastAtMs = atMs;
    track.seen++;
    if (d.embedding) {
      if (!track.embedding) track.embedding = new Float32Array(d.embedding);
      else for (let i = 0; i < track.embedding.length; i++) track.embedding[i] = (track.embedding[i] as number) + (d.embedding[i] as number);
    }
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

  /** The tracks still open (read-only use: the gate looks at them for an early decision). */
  get tracks(): readonly Track<T>[] {
    return this.open;
  }

  get openTracks(): number {
    return this.open.length;
  }
}
