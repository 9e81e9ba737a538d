import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { type FaceRecognizerPart, type ModelRef, type RgbImage } from '../../ports/face-engine';
import { DLIB_ACTIVATION_RANGES } from './dlib-int8-ranges';
import { DLIB_INPUT, dlibOnnxGraph, encodeDlibModel } from './dlib-onnx-graph';
import { quantizeGraph } from './dlib-onnx-int8';
import { DLIB_CENTER_Y, DLIB_DEFAULT_ZOOM } from './dlib-recognizer';
import { normalize } from '../../image/embedding';

const require = createRequire(import.meta.url);

/** Bump when dlib-onnx-graph.ts changes what it writes, so a cached file from an older converter is not reused. */
const CONVERTER_VERSION = 2;

/**
 * 'int8' (default): the 8-bit graph (dlib-onnx-int8.ts), about twice as fast; 'fp32': the float graph, for
 * comparison and for CPUs where 8-bit kernels do not pay off.
 */
export type DlibPrecision = 'int8' | 'fp32';

function faceApiDir(): { dir: string; version: string } {
  const pkg = require.resolve('@vladmandic/face-api/package.json');
  return { dir: path.join(path.dirname(pkg), 'model'), version: (require(pkg) as { version: string }).version };
}

/** File name of the converted model in the models folder. */
export function dlibOnnxFileName(precision: DlibPrecision = 'int8'): string {
  // The int8 file also depends on the calibrated ranges: a re-calibration must not reuse a file cached before it.
  const ranges = precision === 'int8' ? `-${createHash('sha256').update(JSON.stringify(DLIB_ACTIVATION_RANGES)).digest('hex').slice(0, 8)}` : '';
  return `dlib_resnet34_faceapi-${faceApiDir().version}-c${CONVERTER_VERSION}-${precision}${ranges}.onnx`;
}

/**
 * The converted model's bytes: read from `cacheDir` when an earlier run left it there, else built from the npm
 * weights (about 0.2 s float, 0.5 s 8-bit) and written there for next time (temporary file + rename, so a concurrent worker or a crash
 * never leaves a half-written model where it would be loaded). Without a writable `cacheDir` the bytes stay in memory.
 */
export function dlibOnnxBytes(cacheDir?: string, precision: DlibPrecision = 'int8'): Uint8Array {
  const { dir, version } = faceApiDir();
  const file = cacheDir ? path.join(cacheDir, dlibOnnxFileName(precision)) : undefined;
  if (file) {
    try {
      return readFileSync(file);
    } catch {
      // not cached yet
    }
  }
  const graph = dlibOnnxGraph(dir);
  const bytes = encodeDlibModel(precision === 'int8' ? quantizeGraph(graph, DLIB_ACTIVATION_RANGES) : graph, version);
  if (file && cacheDir) {
    const temp = `${file}.part-${process.pid}-${Math.random().toString(36).slice(2)}`;
    try {
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(temp, bytes);
      renameSync(temp, file);
    } catch {
      rmSync(temp, { force: true });
    }
  }
  return bytes;
}

/**
 * dlib's ResNet-34 face descriptor, the same network and weights as DlibRecognizer (TF.js WASM), converted to ONNX and
 * run by onnxruntime's native kernels on one intra-op thread: about 5× faster per face on this machine, with
 * descriptors equal to the TF.js ones within float rounding (cosine > 0.9999, see dlib-onnx.test.ts).
 * Several crops (full + upper face) go through in one batch.
 */
export class DlibOnnxRecognizer implements FaceRecognizerPart {
  readonly embeddingSize = 128;
  readonly alignment: { size: number; zoom: number; centerY: number };
  readonly model: ModelRef;

  private constructor(
    private readonly session: ort.InferenceSession,
    sha256: string,
    zoom: number,
    precision: DlibPrecision,
  ) {
    this.alignment = { size: DLIB_INPUT, zoom, centerY: DLIB_CENTER_Y };
    this.model = {
      name: 'dlib ResNet-34 descriptor (@vladmandic/face-api weights, ONNX Runtime)',
      version: `${faceApiDir().version}+onnx${CONVERTER_VERSION}-${precision}`,
      sha256,
      licence: 'MIT (face-api), CC0 (dlib model)',
    };
  }

  static async load(options: { cacheDir?: string; zoom?: number; precision?: DlibPrecision } = {}): Promise<DlibOnnxRecognizer> {
    const precision = options.precision ?? 'int8';
    const bytes = dlibOnnxBytes(options.cacheDir, precision);
    const session = await ort.InferenceSession.create(bytes, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return new DlibOnnxRecognizer(session, sha256, options.zoom ?? DLIB_DEFAULT_ZOOM, precision);
  }

  async embed(aligned: RgbImage): Promise<Float32Array> {
    return (await this.embedBatch([aligned]))[0] as Float32Array;
  }

  async embedBatch(crops: readonly RgbImage[]): Promise<Float32Array[]> {
    if (crops.length === 0) return [];
    const out = await this.session.run({ input: new ort.Tensor('float32', dlibPlanarInput(crops), [crops.length, 3, DLIB_INPUT, DLIB_INPUT]) });
    const all = out.descriptor?.data as Float32Array;
    return crops.map((_, k) => normalize(all.slice(k * this.embeddingSize, (k + 1) * this.embeddingSize)));
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}

/**
 * 150×150 RGB crops as the network's N×3×150×150 planar float input. A fresh buffer per call: session.run is
 * asynchronous, so a shared buffer could be overwritten mid-inference.
 */
export function dlibPlanarInput(crops: readonly RgbImage[]): Float32Array {
  const plane = DLIB_INPUT * DLIB_INPUT;
  const input = new Float32Array(crops.length * 3 * plane);
  crops.forEach((crop, k) => {
    if (crop.width !== DLIB_INPUT || crop.height !== DLIB_INPUT) throw new Error(`dlib descriptor needs ${DLIB_INPUT}×${DLIB_INPUT} crops`);
    const base = k * 3 * plane;
    const d = crop.data;
    for (let i = 0; i < plane; i++) {
      input[base + i] = d[i * 3] as number;
      input[base + plane + i] = d[i * 3 + 1] as number;
      input[base + 2 * plane + i] = d[i * 3 + 2] as number;
    }
  });
  return input;
}
