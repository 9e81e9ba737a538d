import type { FaceEngineProvider, RunningFaceEngine } from '../../ports/face-engine';

/**
 * A FaceEngineProvider that starts its engine on the first `get()` and shares that start with every later caller;
 * `close()` ends it and the next `get()` starts a new one. A failed start stays the answer until then, so a missing
 * model is reported to each caller instead of being loaded again for every frame.
 */
export function lazyFaceEngine(start: () => Promise<RunningFaceEngine>): FaceEngineProvider {
  let engine: Promise<RunningFaceEngine> | undefined;
  return {
    get() {
      engine ??= start();
      return engine;
    },
    async close() {
      const current = engine;
      engine = undefined;
      // A start that failed left nothing running.
      const started = await current?.catch(() => undefined);
      await started?.close();
    },
  };
}
