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

export class FrameHub {
  private readonly subs = new Map<string, Set<Subscriber>>();
  private readonly published = new Map<string, number>();

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
      sub.queue = [];
    };
  }

  hasSubscribers(cameraId: string): boolean {
    return (this.subs.get(cameraId)?.size ?? 0) > 0;
  }

  publish(frame: CameraFrame): void {
    this.published.set(frame.cameraId, (this.published.get(frame.cameraId) ?? 0) + 1);
    for (const sub of this.subs.get(frame.cameraId) ?? []) {
      sub.stats.published++;
      if (sub.queue.length >= sub.max) {
        sub.queue.shift();
        sub.stats.dropped++;
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
