import { parentPort, workerData } from 'node:worker_threads';
import type { DetectedFace, DetectOptions, FaceEngine, RgbImage } from '../../ports/face-engine';
import { createFaceEngine, type FaceEngineSpec } from './engine-spec';

/** One face engine per worker thread; requests arrive as {id, op, args} and are answered in order of completion. */
type Request =
  | { id: number; op: 'detect'; image: RgbImage; options: DetectOptions }
  | { id: number; op: 'describe'; image: RgbImage; face: DetectedFace }
  | { id: number; op: 'embed'; aligned: RgbImage };

if (!parentPort) throw new Error('engine-worker must run in a worker thread');
const port = parentPort;

const enginePromise: Promise<FaceEngine> = createFaceEngine(workerData as FaceEngineSpec);
enginePromise.then(
  (engine) => port.postMessage({ ready: true, meta: engine.meta }),
  (error: Error) => port.postMessage({ ready: false, error: error.message }),
);

// Requests run one at a time: one engine per thread is meant to use one core, and model sessions keep state.
let queue: Promise<unknown> = Promise.resolve();
port.on('message', (req: Request | { op: 'close' }) => {
  queue = queue.then(() => handle(req));
});

async function handle(req: Request | { op: 'close' }): Promise<void> {
  const engine = await enginePromise;
  if (req.op === 'close') {
    await engine.close();
    port.close();
    return;
  }
  try {
    if (req.op === 'detect') {
      port.postMessage({ id: req.id, result: await engine.detect(req.image, req.options) });
    } else if (req.op === 'describe') {
      port.postMessage({ id: req.id, result: await engine.describe(req.image, req.face) });
    } else {
      port.postMessage({ id: req.id, result: await engine.embed(req.aligned) });
    }
  } catch (error) {
    port.postMessage({ id: req.id, error: (error as Error).message });
  }
}
