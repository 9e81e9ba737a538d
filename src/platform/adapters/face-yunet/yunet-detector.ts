import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import { withSymbolicShapes } from '../face-onnx/onnx-proto';
import type { DetectedFace, FaceDetectorPart, FiveLandmarks, ModelRef, RgbImage } from '../../ports/face-engine';

/**
 * The YuNet 2023mar export declares a fixed 640×640 input, but its graph bakes no size in (Reshape to -1, Resize by
 * scale), so it is loaded with symbolic input dimensions and fed the frame scaled to fit `maxSide`, padded only up to
 * a multiple of 32 (its coarsest stride). A 16:9 frame then costs 640×384 instead of 640×640 (about 40 % less), with
 * the same scale and so the same detections; a smaller `maxSide` trades small-face recall for speed.
 */
const ALIGN = 32;
export const YUNET_DEFAULT_MAX_SIDE = 640;
const STRIDES = [8, 16, 32] as const;
const NMS_IOU = 0.3;

export const YUNET_MODEL: ModelRef = {
  name: 'YuNet face_detection_yunet_2023mar',
  version: '2023mar',
  sha256: '8f2383e4dd3cfbb4553ea8718107fc0423210dc964f9f4280604804ed2552fa4',
  licence: 'MIT',
};

/**
 * YuNet (OpenCV Zoo) run through onnxruntime-node on one intra-op thread; parallelism comes from worker threads.
 * Output decoding follows OpenCV's FaceDetectorYN for this model: per stride, score = sqrt(cls × obj), box centre
 * and landmarks as offsets in stride units, width/height as exp(·) × stride.
 */
export class YunetDetector implements FaceDetectorPart {
  readonly model = YUNET_MODEL;
  readonly defaultMinScore = 0.6;
  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly maxSide: number,
  ) {}

  static async load(modelPath: string, maxSide = YUNET_DEFAULT_MAX_SIDE): Promise<YunetDetector> {
    const model = withSymbolicShapes(await readFile(modelPath), { input: [1, 3, null, null] });
    const session = await ort.InferenceSession.create(model, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
    return new YunetDetector(session, maxSide);
  }

  async detect(image: RgbImage, minScore: number): Promise<DetectedFace[]> {
    const scale = Math.min(this.maxSide / image.width, this.maxSide / image.height, 1);
    const inW = Math.max(ALIGN, Math.ceil((image.width * scale) / ALIGN) * ALIGN);
    const inH = Math.max(ALIGN, Math.ceil((image.height * scale) / ALIGN) * ALIGN);
    // A fresh buffer per call: session.run is asynchronous, so a shared buffer could be overwritten mid-inference.
    const input = letterbox(image, scale, inW, inH);
    const out = await this.session.run({ input: new ort.Tensor('float32', input, [1, 3, inH, inW]) });
    const candidates: DetectedFace[] = [];
    for (const stride of STRIDES) {
      const cls = out[`cls_${stride}`]?.data as Float32Array;
      const obj = out[`obj_${stride}`]?.data as Float32Array;
      const bbox = out[`bbox_${stride}`]?.data as Float32Array;
      const kps = out[`kps_${stride}`]?.data as Float32Array;
      const cols = inW / stride;
      for (let idx = 0; idx < cls.length; idx++) {
        const score = Math.sqrt(clamp01(cls[idx] as number) * clamp01(obj[idx] as number));
        if (score < minScore) continue;
        const c = idx % cols;
        const r = Math.floor(idx / cols);
        const cx = (c + (bbox[idx * 4] as number)) * stride;
        const cy = (r + (bbox[idx * 4 + 1] as number)) * stride;
        const w = Math.exp(bbox[idx * 4 + 2] as number) * stride;
        const h = Math.exp(bbox[idx * 4 + 3] as number) * stride;
        const landmarks = [0, 1, 2, 3, 4].map((n) => ({
          x: ((kps[idx * 10 + 2 * n] as number) + c) * stride / scale,
          y: ((kps[idx * 10 + 2 * n + 1] as number) + r) * stride / scale,
        })) as FiveLandmarks;
        candidates.push({
          box: { x: (cx - w / 2) / scale, y: (cy - h / 2) / scale, width: w / scale, height: h / scale },
          landmarks,
          score,
        });
      }
    }
    return nonMaximumSuppression(candidates, NMS_IOU);
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}

/**
 * Letterbox into the top-left of an inW×inH input as planar BGR 0–255, the layout OpenCV feeds this model.
 * Bilinear downscale written out inline: it runs on every frame, so it avoids per-sample function calls.
 */
function letterbox(image: RgbImage, scale: number, inW: number, inH: number): Float32Array {
  const input = new Float32Array(3 * inW * inH);
  const plane = inW * inH;
  const w = Math.min(inW, Math.round(image.width * scale));
  const h = Math.min(inH, Math.round(image.height * scale));
  const { width: sw, height: sh, data } = image;
  for (let y = 0; y < h; y++) {
    const sy = Math.min(sh - 1, Math.max(0, (y + 0.5) / scale - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(sh - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < w; x++) {
      const sx = Math.min(sw - 1, Math.max(0, (x + 0.5) / scale - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(sw - 1, x0 + 1);
      const fx = sx - x0;
      const a = (y0 * sw + x0) * 3;
      const b = (y0 * sw + x1) * 3;
      const c = (y1 * sw + x0) * 3;
      const d = (y1 * sw + x1) * 3;
      const wa = (1 - fx) * (1 - fy);
      const wb = fx * (1 - fy);
      const wc = (1 - fx) * fy;
      const wd = fx * fy;
      const o = y * inW + x;
      for (let ch = 0; ch < 3; ch++) {
        const v =
          (data[a + ch] as number) * wa + (data[b + ch] as number) * wb + (data[c + ch] as number) * wc + (data[d + ch] as number) * wd;
        input[(2 - ch) * plane + o] = v; // RGB in, BGR planes out
      }
    }
  }
  return input;
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

function iou(a: DetectedFace['box'], b: DetectedFace['box']): number {
  const x0 = Math.max(a.x, b.x);
  const y0 = Math.max(a.y, b.y);
  const x1 = Math.min(a.x + a.width, b.x + b.width);
  const y1 = Math.min(a.y + a.height, b.y + b.height);
  const inter = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
  const union = a.width * a.height + b.width * b.height - inter;
  return union > 0 ? inter / union : 0;
}

/** Greedy NMS, highest score first. */
export function nonMaximumSuppression(faces: DetectedFace[], threshold: number): DetectedFace[] {
  const sorted = [...faces].sort((a, b) => b.score - a.score);
  const kept: DetectedFace[] = [];
  for (const f of sorted) if (kept.every((k) => iou(k.box, f.box) <= threshold)) kept.push(f);
  return kept;
}
