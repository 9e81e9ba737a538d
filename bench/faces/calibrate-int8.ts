/**
 * Activation ranges for the 8-bit dlib descriptor: `npm run bench:faces:calibrate -- [dataDir]` (default ../shared/faces).
 * Runs the float graph on faces that the recognition bench never enrolls or probes (strangers-lfw and masked-real),
 * as the gate sees them: the aligned face, its upper half alone (lower face blanked) and a synthetic masked copy.
 * Per quantized tensor it keeps a histogram of the values and picks the range whose 8-bit quantization has the least
 * mean squared error (rounding inside the range + clipping outside it: activations are long-tailed, so the full
 * min–max range wastes most of the 256 steps on rare values), and writes the ranges to
 * src/platform/adapters/face-faceapi/dlib-int8-ranges.ts. Re-run after any change to dlib-onnx-graph.ts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { alignFace } from '../../src/platform/image/align';
import { decodeImage } from '../../src/platform/image/codec';
import { blankLowerFace, drawSyntheticMask } from '../../src/platform/image/mask';
import { calibrationGraph, quantizedTensors } from '../../src/platform/adapters/face-faceapi/dlib-onnx-int8';
import { DLIB_INPUT, dlibOnnxGraph } from '../../src/platform/adapters/face-faceapi/dlib-onnx-graph';
import { dlibPlanarInput } from '../../src/platform/adapters/face-faceapi/dlib-onnx-recognizer';
import { DLIB_CENTER_Y, DLIB_DEFAULT_ZOOM } from '../../src/platform/adapters/face-faceapi/dlib-recognizer';
import { encodeOnnxModel } from '../../src/platform/adapters/face-onnx/onnx-proto';
import { YunetDetector } from '../../src/platform/adapters/face-yunet/yunet-detector';
import type { RgbImage } from '../../src/platform/ports/face-engine';
import { loadDataset } from './dataset';
import { mainFace } from './extract';

const require = createRequire(import.meta.url);
const dataDir = path.resolve(process.argv[2] ?? '../shared/faces');
const modelsDir = path.resolve(process.argv[3] ?? '../shared/models');
const data = loadDataset(dataDir);
const files = [...data.strangers.map((p) => p.file), ...data.maskedReal];
const spec = { size: DLIB_INPUT, zoom: DLIB_DEFAULT_ZOOM, centerY: DLIB_CENTER_Y };

const detector = await YunetDetector.load(path.join(modelsDir, 'face_detection_yunet_2023mar.onnx'));
const graph = dlibOnnxGraph(path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model'));
const session = await ort.InferenceSession.create(encodeOnnxModel(calibrationGraph(graph), { opset: 13, producer: 'ky-cuong calibrate-int8' }), {
  intraOpNumThreads: 2,
});
const tensors = quantizedTensors(graph).filter((t) => t !== 'input');

/**
 * Histogram of one tensor's values over a fixed symmetric span (bins of width span/BINS each side), with the exact
 * extremes kept; values beyond the span (possible only above the first batch's extremes × SPAN_HEADROOM) land in the
 * last bin, which the clipping search treats as "at least that far out".
 */
const BINS = 2048;
const SPAN_HEADROOM = 4;
interface Histogram {
  span: number;
  neg: Float64Array;
  pos: Float64Array;
  min: number;
  max: number;
}
const histograms = new Map<string, Histogram>();

async function observe(crops: RgbImage[]): Promise<void> {
  const out = await session.run({ input: new ort.Tensor('float32', dlibPlanarInput(crops), [crops.length, 3, DLIB_INPUT, DLIB_INPUT]) });
  for (const t of tensors) {
    const values = out[t]?.data as Float32Array;
    let h = histograms.get(t);
    if (!h) {
      let m = 0;
      for (const v of values) m = Math.max(m, Math.abs(v));
      h = { span: m * SPAN_HEADROOM || 1, neg: new Float64Array(BINS), pos: new Float64Array(BINS), min: 0, max: 0 };
      histograms.set(t, h);
    }
    const k = BINS / h.span;
    for (const v of values) {
      // Zeros (half of every Relu output) quantize exactly: they add no error whatever the range.
      if (v === 0) continue;
      if (v < h.min) h.min = v;
      if (v > h.max) h.max = v;
      const bin = Math.min(BINS - 1, Math.floor(Math.abs(v) * k));
      if (v < 0) (h.neg[bin] as number)++;
      else (h.pos[bin] as number)++;
    }
  }
}

/** Squared error of quantizing the histogram's values to 256 steps over [lo, hi], clipping what lies outside. */
function quantizationError(h: Histogram, lo: number, hi: number): number {
  const step = (hi - lo) / 255;
  const rounding = (step * step) / 12;
  const width = h.span / BINS;
  let error = 0;
  for (let b = 0; b < BINS; b++) {
    const centre = (b + 0.5) * width;
    const p = h.pos[b] as number;
    const n = h.neg[b] as number;
    if (p) error += p * (centre > hi ? (centre - hi) ** 2 : rounding);
    if (n) error += n * (-centre < lo ? (lo + centre) ** 2 : rounding);
  }
  return error;
}

/** The [lo, hi] = fraction × [min, max] with the least quantization error, fractions from 0.2 to 1. */
function bestRange(h: Histogram): [number, number] {
  let best: [number, number] = [h.min, h.max];
  let bestError = quantizationError(h, h.min, h.max);
  for (let f = 0.2; f < 1; f += 0.01) {
    const e = quantizationError(h, h.min * f, h.max * f);
    if (e < bestError) {
      bestError = e;
      best = [h.min * f, h.max * f];
    }
  }
  return best;
}

let faces = 0;
let batch: RgbImage[] = [];
for (const [i, file] of files.entries()) {
  const image = await decodeImage(await readFile(file));
  const face = mainFace(await detector.detect(image, 0.6));
  if (!face) continue;
  faces++;
  const aligned = alignFace(image, face.landmarks, spec);
  batch.push(aligned, blankLowerFace(aligned, spec), alignFace(drawSyntheticMask(image, face.landmarks, i), face.landmarks, spec));
  if (batch.length >= 48) {
    await observe(batch);
    batch = [];
  }
  if (i % 200 === 0) process.stderr.write(`${i}/${files.length}\n`);
}
if (batch.length) await observe(batch);
await session.release();
await detector.close();

const round = (v: number) => Number(v.toPrecision(6));
const lines = tensors.map((t) => {
  const h = histograms.get(t) as Histogram;
  const [lo, hi] = bestRange(h);
  return `  ${t}: [${round(lo)}, ${round(hi)}], // of [${round(h.min)}, ${round(h.max)}]`;
});
const target = path.resolve('src/platform/adapters/face-faceapi/dlib-int8-ranges.ts');
await writeFile(
  target,
  `import type { ActivationRanges } from './dlib-onnx-int8';

/**
 * Generated by bench/faces/calibrate-int8.ts on ${new Date().toISOString().slice(0, 10)}: 8-bit range of every quantized activation of
 * the dlib descriptor, chosen for the least quantization error over ${faces} faces (strangers-lfw and masked-real of
 * ../shared/faces; each as the aligned face, its upper half and a synthetic masked copy); the comment gives the
 * extremes seen. Do not edit by hand.
 */
export const DLIB_ACTIVATION_RANGES: ActivationRanges = {
${lines.join('\n')}
};
`,
);
process.stdout.write(`${faces} faces, ${tensors.length} tensors → ${path.relative(process.cwd(), target)}\n`);
