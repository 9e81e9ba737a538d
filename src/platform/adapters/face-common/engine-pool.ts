import { Worker } from 'node:worker_threads';
import type {
  DetectedFace,
  DetectOptions,
  FaceDescription,
  FaceEngine,
  FaceEngineMeta,
  RgbImage,
} from '../../ports/face-engine';
import { alignFace } from '../../image/align';
import type { FaceEngineSpec } from './engine-spec';

interface Slot {
  worker: Worker;
  inFlight: number;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * A FaceEngine whose inference runs in worker threads (one engine per thread, each on one core), so recognition
 * never blocks the event loop that records video. `pending` lets callers drop frames when every worker is busy.
 */
export class FaceEnginePool implements FaceEngine {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  private constructor(
    private readonly slots: Slot[],
    readonly meta: FaceEngineMeta,
  ) {
    for (const slot of slots) {
      slot.worker.on('message', (msg: { id: number; result?: unknown; error?: string }) => {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        slot.inFlight--;
        if (msg.error !== undefined) p.reject(new Error(msg.error));
        else p.resolve(msg.result);
      });
      slot.worker.on('error', (error) => {
        for (const [id, p] of this.pending) {
          this.pending.delete(id);
          p.reject(error);
        }
      });
    }
  }

  static async start(spec: FaceEngineSpec, threads: number): Promise<FaceEnginePool> {
    const slots: Slot[] = [];
    let meta: FaceEngineMeta | undefined;
    try {
      for (let i = 0; i < Math.max(1, threads); i++) {
        const worker = new Worker(new URL('./engine-worker-boot.mjs', import.meta.url), { workerData: spec });
        slots.push({ worker, inFlight: 0 });
        const hello = await new Promise<{ ready: boolean; meta?: FaceEngineMeta; error?: string }>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
        });
        if (!hello.ready) throw new Error(`face engine failed to start in a worker: ${hello.error}`);
        meta = hello.meta;
      }
    } catch (error) {
      await Promise.all(slots.map((s) => s.worker.terminate()));
      throw error;
    }
    return new FaceEnginePool(slots, meta as FaceEngineMeta);
  }

  /** Requests sent to workers and not answered yet. */
  get inFlight(): number {
    return this.pending.size;
  }

  get threads(): number {
    return this.slots.length;
  }

  private call<T>(message: Record<string, unknown>): Promise<T> {
    const slot = this.slots.reduce((best, s) => (s.inFlight < best.inFlight ? s : best));
    const id = this.nextId++;
    slot.inFlight++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      slot.worker.postMessage({ ...message, id });
    });
  }

  detect(image: RgbImage, options: DetectOptions = {}): Promise<DetectedFace[]> {
    return this.call<DetectedFace[]>({ op: 'detect', image, options });
  }

  align(image: RgbImage, face: DetectedFace): RgbImage {
    return alignFace(image, face.landmarks, this.meta.alignment);
  }

  embed(aligned: RgbImage): Promise<Float32Array> {
    return this.call<Float32Array>({ op: 'embed', aligned });
  }

  describe(image: RgbImage, face: DetectedFace): Promise<FaceDescription> {
    return this.call<FaceDescription>({ op: 'describe', image, face });
  }

  async close(): Promise<void> {
    await Promise.all(
      this.slots.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.worker.once('exit', () => resolve());
            s.worker.postMessage({ op: 'close' });
            setTimeout(() => void s.worker.terminate(), 5000).unref();
          }),
      ),
    );
  }
}
