/**
 * Sampled frames for analysis (face recognition), published in process. Recording never waits on analysis: each
 * subscriber has a small bounded queue; when it is full the oldest frame is dropped and counted.
 */
export interface CameraFrame {
  cameraId: string;
  /** Camera time of the frame (server wall clock when it arrived). */
  at: Date;
  width: number;
  height: number;
  /** Packed RGB24. */
  rgb: Buffer;
}

export type FrameHandler = (frame: CameraFrame) => Promise<void> | void;

export interface FrameStats {
  published: number;
  delivered: number;
  dropped: number;
  handlerErrors: number;
}

interface Subscriber {
  handler: FrameHandler;
  queue: CameraFrame[];
  max: number;
  busy: boolean;
  stats: FrameStats;
}

/**
 * Pixel buffers the adapter can reuse (issue 14: one 691 kB buffer per frame at 5/s kept V8's garbage collector busy on
 * an empty gate). A frame is handed back once every subscriber it went to is done with it: dropped from its queue, its
 * queue discarded, or `releaseFrame` called by a subscriber that will not read the pixels again (the gate, for a frame
 * it skipped). A subscriber that never calls it keeps every frame alive, as before.
 */
interface Held {
  remaining: number;
  release: () => void;
}

export class FrameHub {
  private readonly subs = new Map<string, Set<Subscriber>>();
  private readonly published = new Map<string, number>();
  private readonly held = new WeakMap<Uint8Array, Held>();

  subscribe(cameraId: string, handler: FrameHandler, opts: { queueSize?: number } = {}): () => void {
    const sub: Subscriber = {
      handler,
      queue: [],
      max: Math.max(1, opts.queueSize ?? 3),
      busy: false,
      stats: { published: 0, delivered: 0, dropped: 0, handlerErrors: 0 },
    };
    const set = this.subs.get(cameraId) ?? new Set<Subscriber>();
    set.add(sub);
    this.subs.set(cameraId, set);
    return () => {
      set.delete(sub);
      for (const frame of sub.queue) this.doneWith(frame.rgb);
      sub.queue = [];
    };
  }

  /** One subscriber is done with these pixels; the last one gives the buffer back (see Held). Unknown buffers: no-op. */
  doneWith(rgb: Uint8Array): void {
    const h = this.held.get(rgb);
    if (!h) return;
    if (--h.remaining > 0) return;
    this.held.delete(rgb);
    h.release();
  }

  hasSubscribers(cameraId: string): boolean {
    return (this.subs.get(cameraId)?.size ?? 0) > 0;
  }

  /** `release`: gives the pixel buffer back to its producer once every subscriber is done with it. */
  publish(frame: CameraFrame, release?: () => void): void {
    this.published.set(frame.cameraId, (this.published.get(frame.cameraId) ?? 0) + 1);
    const subs = this.subs.get(frame.cameraId);
    if (release) {
      if (!subs?.size) release();
      else this.held.set(frame.rgb, { remaining: subs.size, release });
    }
    for (const sub of subs ?? []) {
      sub.stats.published++;
      if (sub.queue.length >= sub.max) {
        const dropped = sub.queue.shift();
        sub.stats.dropped++;
        if (dropped) this.doneWith(dropped.rgb);
      }
      sub.queue.push(frame);
      void this.pump(sub);
    }
  }

  private async pump(sub: Subscriber): Promise<void> {
    if (sub.busy) return;
    sub.busy = true;
    try {
      for (let frame = sub.queue.shift(); frame; frame = sub.queue.shift()) {
        try {
          await sub.handler(frame);
          sub.stats.delivered++;
        } catch {
          sub.stats.handlerErrors++;
        }
      }
    } finally {
      sub.busy = false;
    }
  }

  /** Totals over all subscribers of a camera. */
  stats(cameraId: string): FrameStats {
    const total: FrameStats = { published: this.published.get(cameraId) ?? 0, delivered: 0, dropped: 0, handlerErrors: 0 };
    for (const sub of this.subs.get(cameraId) ?? []) {
      total.delivered += sub.stats.delivered;
      total.dropped += sub.stats.dropped;
      total.handlerErrors += sub.stats.handlerErrors;
    }
    return total;
  }
}

/** The process-wide hub: camera ids are UUIDs, so one hub serves every context in the process. */
export const frameHub = new FrameHub();

/** A subscriber will not read this frame's pixels again (see Held): they may be reused for a later frame. */
export function releaseFrame(rgb: Uint8Array): void {
  frameHub.doneWith(rgb);
}
