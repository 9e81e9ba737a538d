import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import type { DetectedFace, FaceDetectorPart, FiveLandmarks, ModelRef, Point, RgbImage } from '../../ports/face-engine';
import { mirrorRgb, warpSimilarity } from '../../image/align';
import { InputBuffers } from '../face-onnx/input-buffers';
import { withSymbolicShapes } from '../face-onnx/onnx-proto';

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
  private readonly buffers = new InputBuffers();
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
    // A buffer of its own per call (session.run is asynchronous), reused once the run has resolved.
    const out = await this.buffers.with(3 * inW * inH, (buffer) =>
      this.session.run({ input: new ort.Tensor('float32', letterbox(image, scale, inW, inH, buffer), [1, 3, inH, inW]) }),
    );
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

  /**
   * Landmarks re-estimated for a face whose lower half is covered. YuNet's points on masked faces scatter (eyes off by
   * about 12 % of the eye distance in the median on bench/faces' synthetic masks, against the same photo unmasked), and
   * that misalignment costs more masked rank-1 than anything else measured. The face is re-detected in the mirror image
   * of a square crop twice its size, and that estimate (flipped back) is averaged with the detector's own: mirroring
   * cancels much of the scatter's left/right bias. On masked probes this raised rank-1 by about 5 points, while on
   * bare faces such refinement cost about 1 point, so the engine uses it only for faces that look masked. Costs one
   * detector run on a 192 px crop. (Until 2026-11-23 the crop was re-detected twice, as is and mirrored, and the
   * detector's own points dropped: one run more for less — bench/faces masked rank-1 79.8 % against 80.8 % now,
   * DIR@FPIR 1 % 43.3 against 48.1 %, with the 8-bit descriptor.)
   */
  async refineLandmarks(image: RgbImage, face: DetectedFace): Promise<FiveLandmarks> {
    const side = REFINE_CROP * Math.max(face.box.width, face.box.height);
    const k = REFINE_SIDE / side;
    const left = face.box.x + face.box.width / 2 - side / 2;
    const top = face.box.y + face.box.height / 2 - side / 2;
    // Crop coordinates: q = k·(p − (left, top)); the crop is mirrored before detection.
    const crop = warpSimilarity(image, { a: k, b: 0, tx: -k * left, ty: -k * top }, REFINE_SIDE, REFINE_SIDE);
    const mirrored = nearest(await this.detect(mirrorRgb(crop), REFINE_MIN_SCORE), { x: REFINE_SIDE / 2, y: REFINE_SIDE / 2 });
    if (!mirrored) return face.landmarks;
    const back = mirrored.landmarks.map((p) => ({ x: (REFINE_SIDE - 1 - p.x) / k + left, y: p.y / k + top }));
    // Mirroring swaps the subject's right and left: eyes 0↔1, mouth corners 3↔4.
    const flipped = [back[1], back[0], back[2], back[4], back[3]] as Point[];
    return face.landmarks.map((p, i) => ({ x: (p.x + (flipped[i] as Point).x) / 2, y: (p.y + (flipped[i] as Point).y) / 2 })) as FiveLandmarks;
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}

const REFINE_CROP = 2;
const REFINE_SIDE = 192;
/** Low on purpose: the face is known to be there; a masked face in a tight crop often scores under 0.6. */
const REFINE_MIN_SCORE = 0.3;

/** The detection whose box centre is nearest to `p` (the face being refined, not a bystander in the crop). */
function nearest(faces: DetectedFace[], p: Point): DetectedFace | undefined {
  const dist = (f: DetectedFace) => Math.hypot(f.box.x + f.box.width / 2 - p.x, f.box.y + f.box.height / 2 - p.y);
  return faces.reduce<DetectedFace | undefined>((best, f) => (!best || dist(f) < dist(best) ? f : best), undefined);
}

/**
 * Letterbox into the top-left of an inW×inH input as planar BGR 0–255, the layout OpenCV feeds this model.
 * Bilinear downscale with the column taps computed once per frame instead of once per pixel: it runs on every frame,
 * and the per-pixel version took about 9 ms of a 720p frame (more than the detector network itself).
 */
export function letterbox(image: RgbImage, scale: number, inW: number, inH: number, into?: Float32Array): Float32Array {
  const plane = inW * inH;
  const w = Math.min(inW, Math.round(image.width * scale));
  const h = Math.min(inH, Math.round(image.height * scale));
  const input = into ? zeroPadding(into, inW, inH, w, h) : new Float32Array(3 * plane);
  const { width: sw, height: sh, data } = image;
  const factor = Math.round(1 / scale);
  const exact = Math.abs(1 / scale - factor) < 1e-9 && (factor === 1 || (factor === 2 && sw % 2 === 0 && sh % 2 === 0));
  if (exact) return letterboxExact(image, factor, input, inW, plane, w, h);
  const colA = new Int32Array(w);
  const colB = new Int32Array(w);
  const colF = new Float64Array(w);
  for (let x = 0; x < w; x++) {
    const sx = Math.min(sw - 1, Math.max(0, (x + 0.5) / scale - 0.5));
    const x0 = Math.floor(sx);
    colA[x] = x0 * 3;
    colB[x] = Math.min(sw - 1, x0 + 1) * 3;
    colF[x] = sx - x0;
  }
  const bPlane = 0;
  const gPlane = plane;
  const rPlane = 2 * plane;
  for (let y = 0; y < h; y++) {
    const sy = Math.min(sh - 1, Math.max(0, (y + 0.5) / scale - 0.5));
    const y0 = Math.floor(sy);
    const fy = sy - y0;
    const row0 = y0 * sw * 3;
    const row1 = Math.min(sh - 1, y0 + 1) * sw * 3;
    const o = y * inW;
    for (let x = 0; x < w; x++) {
      const fx = colF[x] as number;
      const a = row0 + (colA[x] as number);
      const b = row0 + (colB[x] as number);
      const c = row1 + (colA[x] as number);
      const d = row1 + (colB[x] as number);
      const wa = (1 - fx) * (1 - fy);
      const wb = fx * (1 - fy);
      const wc = (1 - fx) * fy;
      const wd = fx * fy;
      // RGB in, BGR planes out.
      input[rPlane + o + x] = (data[a] as number) * wa + (data[b] as number) * wb + (data[c] as number) * wc + (data[d] as number) * wd;
      input[gPlane + o + x] =
        (data[a + 1] as number) * wa + (data[b + 1] as number) * wb + (data[c + 1] as number) * wc + (data[d + 1] as number) * wd;
      input[bPlane + o + x] =
        (data[a + 2] as number) * wa + (data[b + 2] as number) * wb + (data[c + 2] as number) * wc + (data[d + 2] as number) * wd;
    }
  }
  return input;
}

/** A reused buffer's padding (right of column w, below row h, in the three planes) set back to zero. */
function zeroPadding(input: Float32Array, inW: number, inH: number, w: number, h: number): Float32Array {
  if (input.length !== 3 * inW * inH) throw new Error(`letterbox buffer of ${input.length} floats for 3×${inW}×${inH}`);
  const plane = inW * inH;
  for (let c = 0; c < 3; c++) {
    const base = c * plane;
    if (w < inW) for (let y = 0; y < h; y++) input.fill(0, base + y * inW + w, base + (y + 1) * inW);
    input.fill(0, base + h * inW, base + plane);
  }
  return input;
}

/**
 * The same bilinear sampling for the two common exact cases, computed cheaply: factor 1 (frames already at the
 * detector's size, as the cameras module delivers them) samples each pixel itself; factor 2 (1280×720 → 640×360,
 * even sizes only) samples half-way between four pixels, i.e. their mean. Same values as the general loop, about 1 ms less per frame.
 */
function letterboxExact(image: RgbImage, factor: number, input: Float32Array, inW: number, plane: number, w: number, h: number): Float32Array {
  const { width: sw, data } = image;
  const stride = sw * 3;
  for (let y = 0; y < h; y++) {
    let o = y * inW;
    if (factor === 1) {
      for (let x = 0, s = y * stride; x < w; x++, s += 3, o++) {
        input[2 * plane + o] = data[s] as number;
        input[plane + o] = data[s + 1] as number;
        input[o] = data[s + 2] as number;
      }
      continue;
    }
    for (let x = 0, s0 = 2 * y * stride, s1 = s0 + stride; x < w; x++, s0 += 6, s1 += 6, o++) {
      // RGB in, BGR planes out.
      input[2 * plane + o] = ((data[s0] as number) + (data[s0 + 3] as number) + (data[s1] as number) + (data[s1 + 3] as number)) * 0.25;
      input[plane + o] = ((data[s0 + 1] as number) + (data[s0 + 4] as number) + (data[s1 + 1] as number) + (data[s1 + 4] as number)) * 0.25;
      input[o] = ((data[s0 + 2] as number) + (data[s0 + 5] as number) + (data[s1 + 2] as number) + (data[s1 + 5] as number)) * 0.25;
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
