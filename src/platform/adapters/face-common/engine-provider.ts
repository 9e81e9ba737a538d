import type { FaceEngineProvider, RunningFaceEngine } from '../../ports/face-engine';

/**
 * A FaceEngineProvider that starts its engine on the first `get()` and shares that start with every later caller
 * (a failed start is remembered too, as one engine start per app is the contract); `close()` ends it and the next
 * `get()` starts a new one.
 */
export function lazyFaceEngine(start: () => Promise<RunningFaceEngine>): FaceEngineProvider {
  let engine: Promise<RunningFaceEngine> | undefined;
  return {
    get() {
      engine ??= start();
      return engine;
    },
    async close() {
      if (engine) await (await engine).close();
      engine = undefined;
    },
  };
}
