import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * face-api on TensorFlow.js with the WASM backend (SIMD, single thread: WASM threads do not work in Node here).
 * Loaded through require because face-api's Node bundle is CommonJS and requires "@tensorflow/tfjs" itself.
 */
const require = createRequire(import.meta.url);

type FaceApi = typeof import('@vladmandic/face-api/dist/face-api.node-wasm.js');

let ready: Promise<FaceApi> | undefined;

/** The face-api module with the WASM backend initialised and the models this project uses loaded (once per thread). */
export function loadFaceApi(): Promise<FaceApi> {
  ready ??= (async () => {
    const tf = require('@tensorflow/tfjs') as typeof import('@tensorflow/tfjs');
    const wasm = require('@tensorflow/tfjs-backend-wasm') as { setWasmPaths(p: string, usePlatformFetch?: boolean): void };
    const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
    // The .wasm binaries ship in the npm package; point the loader at them so nothing is fetched.
    wasm.setWasmPaths(`${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`);
    if (!(await tf.setBackend('wasm'))) throw new Error('TensorFlow.js WASM backend failed to start');
    await tf.ready();
    const modelDir = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
    await faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir);
    await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
    await faceapi.nets.tinyFaceDetector.loadFromDisk(modelDir);
    return faceapi;
  })();
  return ready;
}

export function faceApiVersion(): string {
  return (require('@vladmandic/face-api/package.json') as { version: string }).version;
}
