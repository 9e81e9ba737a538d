import type { FiveLandmarks, Point, RgbImage } from '../ports/face-engine';
import { ARCFACE_TEMPLATE_112, type AlignSpec, estimateSimilarity, templateFor } from './align';

/** Colours of common medical and cloth masks, picked per image so a benchmark does not learn one colour. */
export const MASK_COLOURS: readonly [number, number, number][] = [
  [170, 205, 230], // light-blue surgical
  [235, 235, 235], // white
  [35, 35, 40], // black cloth
  [120, 140, 170], // grey-blue
];

/** Even-odd scanline fill of a polygon, in place. */
export function fillPolygon(image: RgbImage, polygon: readonly Point[], colour: readonly [number, number, number]): void {
  const ys = polygon.map((p) => p.y);
  const yMin = Math.max(0, Math.floor(Math.min(...ys)));
  const yMax = Math.min(image.height - 1, Math.ceil(Math.max(...ys)));
  for (let y = yMin; y <= yMax; y++) {
    const scan = y + 0.5;
    const xs: number[] = [];
    for (let i = 0; i < polygon.length; i++) {
      const p = polygon[i] as Point;
      const q = polygon[(i + 1) % polygon.length] as Point;
      if ((p.y <= scan && q.y > scan) || (q.y <= scan && p.y > scan)) {
        xs.push(p.x + ((scan - p.y) / (q.y - p.y)) * (q.x - p.x));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const x0 = Math.max(0, Math.ceil((xs[k] as number) - 0.5));
      const x1 = Math.min(image.width - 1, Math.floor((xs[k + 1] as number) - 0.5));
      for (let x = x0; x <= x1; x++) {
        const o = (y * image.width + x) * 3;
        image.data[o] = colour[0];
        image.data[o + 1] = colour[1];
        image.data[o + 2] = colour[2];
      }
    }
  }
}

/**
 * The outline of a face mask worn over nose, mouth and chin, built from the five landmarks in the face's own frame
 * ("down" = from the eyes' midpoint towards the mouth's midpoint), so it follows head roll and scale.
 */
export function maskPolygon(landmarks: FiveLandmarks): Point[] {
  const [re, le, , rm, lm] = landmarks;
  const eyes = { x: (re.x + le.x) / 2, y: (re.y + le.y) / 2 };
  const mouth = { x: (rm.x + lm.x) / 2, y: (rm.y + lm.y) / 2 };
  const down = { x: mouth.x - eyes.x, y: mouth.y - eyes.y };
  const across = { x: le.x - re.x, y: le.y - re.y };
  // Face-frame coordinates: u along the eye line (in eye distances), v along eyes→mouth (in eye–mouth distances).
  const at = (u: number, v: number): Point => ({
    x: eyes.x + across.x * u + down.x * v,
    y: eyes.y + across.y * u + down.y * v,
  });
  return [
    at(-0.78, 0.42),
    at(-0.2, 0.3),
    at(0.2, 0.3),
    at(0.78, 0.42),
    at(0.95, 0.95),
    at(0.7, 1.5),
    at(0.3, 1.8),
    at(0, 1.86),
    at(-0.3, 1.8),
    at(-0.7, 1.5),
    at(-0.95, 0.95),
  ];
}

/** A copy of the image with a synthetic mask drawn over the lower face. */
export function drawSyntheticMask(image: RgbImage, landmarks: FiveLandmarks, colourIndex = 0): RgbImage {
  const copy: RgbImage = { width: image.width, height: image.height, data: new Uint8Array(image.data) };
  fillPolygon(copy, maskPolygon(landmarks), MASK_COLOURS[colourIndex % MASK_COLOURS.length] as [number, number, number]);
  return copy;
}

/**
 * A copy of an aligned crop with everything below the nose bridge set to mid-grey. Embedding it gives the
 * "upper face" vector used to match masked faces, and comparing it with the full embedding gives the maskedness
 * signal (a masked face barely changes when its lower half is blanked).
 */
export function blankLowerFace(aligned: RgbImage, spec: AlignSpec): RgbImage {
  const t = templateFor(spec);
  const eyeY = ((t[0] as Point).y + (t[1] as Point).y) / 2;
  const noseY = (t[2] as Point).y;
  const cut = Math.round(eyeY + 0.45 * (noseY - eyeY));
  const copy: RgbImage = { width: aligned.width, height: aligned.height, data: new Uint8Array(aligned.data) };
  copy.data.fill(128, Math.max(0, cut) * aligned.width * 3);
  return copy;
}

/** Mean RGB of a rectangle given in ArcFace-template (112 px) units, inside an aligned crop of `spec`. */
function regionMean(aligned: RgbImage, spec: AlignSpec, x0: number, y0: number, x1: number, y1: number): [number, number, number] {
  // An explicit template (not a framing of ArcFace's) places the rectangle by the least-squares similarity from the
  // ArcFace template onto it; rotation is negligible for a near-frontal template, so only scale and shift are used.
  const fit = spec.template ? estimateSimilarity(ARCFACE_TEMPLATE_112, templateFor(spec)) : undefined;
  const k = fit ? Math.hypot(fit.a, fit.b) : (spec.size / 112) * spec.zoom;
  const cy = spec.centerY ?? 56;
  const px = (x: number) => Math.round(fit ? k * x + fit.tx : (x - 56) * k + spec.size / 2);
  const py = (y: number) => Math.round(fit ? k * y + fit.ty : (y - cy) * k + spec.size / 2);
  let r = 0;
  let g = 0;
  let b = 0;
  let n = 0;
  for (let y = Math.max(0, py(y0)); y < Math.min(aligned.height, py(y1)); y++) {
    for (let x = Math.max(0, px(x0)); x < Math.min(aligned.width, px(x1)); x++) {
      const o = (y * aligned.width + x) * 3;
      r += aligned.data[o] as number;
      g += aligned.data[o + 1] as number;
      b += aligned.data[o + 2] as number;
      n++;
    }
  }
  return n ? [r / n, g / n, b / n] : [0, 0, 0];
}

/**
 * Colour evidence that the lower face is covered: the mouth-and-chin area is less red than the cheeks under the
 * eyes and differs clearly in chromaticity (lips and skin are redder than blue, white, grey or black masks).
 * Why: the embedding-based maskedness (full vs upper-face cosine) judged only about 60 % of the real masked photos of
 * ../shared/faces/masked-real as masked at the operating threshold; adding this cue (as MASK_COLOUR_BONUS) routed
 * 78 % while bare faces wrongly routed rose from 1.1 % to 1.9 % (rule chosen on one half of masked-real and of the
 * bare celeba/LFW photos, figures from the other half). Skin-coloured masks give no cue.
 */
export function lowerFaceColourCue(aligned: RgbImage, spec: AlignSpec): boolean {
  const mouth = regionMean(aligned, spec, 42, 82, 70, 102);
  const left = regionMean(aligned, spec, 28, 50, 40, 60);
  const right = regionMean(aligned, spec, 72, 50, 84, 60);
  const cheeks = [0, 1, 2].map((c) => ((left[c] as number) + (right[c] as number)) / 2);
  const chroma = (m: readonly number[]) => {
    const s = (m[0] as number) + (m[1] as number) + (m[2] as number) + 1;
    return [(m[0] as number) / s, (m[1] as number) / s] as const;
  };
  const [mr, mg] = chroma(mouth);
  const [cr, cg] = chroma(cheeks);
  return mr - cr < 0 && Math.hypot(mr - cr, mg - cg) > 0.06;
}

/** Added to the embedding-based maskedness when `lowerFaceColourCue` fires (0.964 − 0.92 on the dlib cosine scale). */
export const MASK_COLOUR_BONUS = 0.044;

/**
 * The same bonus for each engine's own cosine scale (maskedness = cosine of full and upper-face embeddings, whose
 * spread differs per recognizer): the gap between the engine's masked threshold and where real masked faces with the
 * cue sit. Engines not listed get no colour cue.
 */
export const MASK_COLOUR_BONUS_BY_ENGINE: Readonly<Record<string, number>> = {
  'yunet+dlib': MASK_COLOUR_BONUS,
  // Chosen on the 'choose' identity half (bench/faces/split.ts: celeba-dev + strangers-lfw bare faces, masked-real
  // folders) with the engine's first-pass maskedness: 0.25 routes 67.5 % of real masked photos to masked scoring
  // (57.5 % without the cue) while 1.8 % of bare faces are routed wrongly (0.9 % without), the same trade dlib's
  // bonus made (1.1 → 1.9 %); larger bonuses add < 0.5 point of real masks for +0.5 point of bare faces.
  'yunet+intel-reid-0095': 0.25,
};
