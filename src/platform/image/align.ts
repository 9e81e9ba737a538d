import type { FiveLandmarks, Point, RgbImage } from '../ports/face-engine';

/** The ArcFace 112×112 reference positions of the five landmarks (insightface / OpenCV SFace use the same). */
export const ARCFACE_TEMPLATE_112: readonly Point[] = [
  { x: 38.2946, y: 51.6963 },
  { x: 73.5318, y: 51.5014 },
  { x: 56.0252, y: 71.7366 },
  { x: 41.5493, y: 92.3655 },
  { x: 70.7299, y: 92.2041 },
];

export interface AlignSpec {
  /** Output side in pixels (112 for ArcFace-style recognizers, 150 for dlib). */
  size: number;
  /**
   * Face scale relative to the ArcFace template scaled to `size`: 1 = ArcFace framing, < 1 = more context around
   * the face (dlib was trained on looser chips).
   */
  zoom: number;
  /** Template row (in 112-template units) that lands on the output's centre row; 56 = ArcFace framing. */
  centerY?: number;
  /**
   * The five landmark positions as fractions of the output side (0–1), for a recognizer trained on its own template that no framing of
   * the ArcFace one matches (Intel's face-reidentification-retail-0095: its eyes sit wider apart relative to the
   * eye–mouth distance). Overrides zoom/centerY for the warp; zoom/centerY then only describe the nearest ArcFace framing.
   */
  template?: readonly Point[];
}

export const ARCFACE_ALIGN: AlignSpec = { size: 112, zoom: 1 };

/** Template landmark positions for an output of the given spec. */
export function templateFor(spec: AlignSpec): Point[] {
  if (spec.template) return spec.template.map((p) => ({ x: p.x * spec.size, y: p.y * spec.size }));
  const k = (spec.size / 112) * spec.zoom;
  const cy = spec.centerY ?? 56;
  return ARCFACE_TEMPLATE_112.map((p) => ({ x: (p.x - 56) * k + spec.size / 2, y: (p.y - cy) * k + spec.size / 2 }));
}

/** Similarity transform dst = [a -b; b a]·src + t, as plain numbers. */
export interface Similarity {
  a: number;
  b: number;
  tx: number;
  ty: number;
}

/**
 * Least-squares similarity (rotation, uniform scale, translation) mapping `src` points onto `dst` points.
 * Optional per-point `weights` let unreliable points (nose and mouth under a face mask) count less.
 */
export function estimateSimilarity(src: readonly Point[], dst: readonly Point[], weights?: readonly number[]): Similarity {
  const n = src.length;
  const wt = (i: number) => (weights ? (weights[i] as number) : 1);
  let total = 0;
  for (let i = 0; i < n; i++) total += wt(i);
  let msx = 0;
  let msy = 0;
  let mdx = 0;
  let mdy = 0;
  for (let i = 0; i < n; i++) {
    const w = wt(i) / total;
    msx += (src[i] as Point).x * w;
    msy += (src[i] as Point).y * w;
    mdx += (dst[i] as Point).x * w;
    mdy += (dst[i] as Point).y * w;
  }
  let norm = 0;
  let dot = 0;
  let cross = 0;
  for (let i = 0; i < n; i++) {
    const w = wt(i);
    const sx = (src[i] as Point).x - msx;
    const sy = (src[i] as Point).y - msy;
    const dx = (dst[i] as Point).x - mdx;
    const dy = (dst[i] as Point).y - mdy;
    norm += w * (sx * sx + sy * sy);
    dot += w * (sx * dx + sy * dy);
    cross += w * (sx * dy - sy * dx);
  }
  const a = norm > 0 ? dot / norm : 1;
  const b = norm > 0 ? cross / norm : 0;
  return { a, b, tx: mdx - (a * msx - b * msy), ty: mdy - (b * msx + a * msy) };
}

export function applySimilarity(m: Similarity, p: Point): Point {
  return { x: m.a * p.x - m.b * p.y + m.tx, y: m.b * p.x + m.a * p.y + m.ty };
}

/** Warps the face so its landmarks land on the template: the standard 5-point alignment before embedding. */
export function alignFace(
  image: RgbImage,
  landmarks: FiveLandmarks,
  spec: AlignSpec = ARCFACE_ALIGN,
  weights?: readonly number[],
): RgbImage {
  return warpSimilarity(image, estimateSimilarity(landmarks, templateFor(spec), weights), spec.size, spec.size);
}

/**
 * The width×height image whose pixel (u, v) shows the source at m⁻¹(u, v): m maps source coordinates to output ones.
 * Bilinear sampling is written out inline (same result as sampleBilinear, outside = black): this runs on every
 * face at the gate, and per-sample function calls made it cost more than the recognizer itself (27 ms → 1 ms).
 */
export function warpSimilarity(image: RgbImage, m: Similarity, width: number, height: number): RgbImage {
  const det = m.a * m.a + m.b * m.b;
  // Inverse of [a -b; b a] is [a b; -b a] / det: map each output pixel back into the source image.
  const ia = m.a / det;
  const ib = m.b / det;
  const out = new Uint8Array(width * height * 3);
  const { width: sw, height: sh, data } = image;
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const dx = u - m.tx;
      const dy = v - m.ty;
      const sx = ia * dx + ib * dy;
      const sy = -ib * dx + ia * dy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const inX0 = x0 >= 0 && x0 < sw;
      const inX1 = x0 + 1 >= 0 && x0 + 1 < sw;
      const inY0 = y0 >= 0 && y0 < sh;
      const inY1 = y0 + 1 >= 0 && y0 + 1 < sh;
      const p00 = inX0 && inY0 ? (y0 * sw + x0) * 3 : -1;
      const p10 = inX1 && inY0 ? (y0 * sw + x0 + 1) * 3 : -1;
      const p01 = inX0 && inY1 ? ((y0 + 1) * sw + x0) * 3 : -1;
      const p11 = inX1 && inY1 ? ((y0 + 1) * sw + x0 + 1) * 3 : -1;
      const o = (v * width + u) * 3;
      for (let c = 0; c < 3; c++) {
        const a = p00 >= 0 ? (data[p00 + c] as number) : 0;
        const b = p10 >= 0 ? (data[p10 + c] as number) : 0;
        const d = p01 >= 0 ? (data[p01 + c] as number) : 0;
        const e = p11 >= 0 ? (data[p11 + c] as number) : 0;
        // Same association order as sampleBilinear (top row, bottom row, then vertical), so results match exactly.
        out[o + c] = (a * (1 - fx) + b * fx) * (1 - fy) + (d * (1 - fx) + e * fx) * fy;
      }
    }
  }
  return { width, height, data: out };
}

/** The image mirrored left–right. */
export function mirrorRgb(image: RgbImage): RgbImage {
  const { width, height, data } = image;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const s = (y * width + x) * 3;
      const d = (y * width + (width - 1 - x)) * 3;
      out[d] = data[s] as number;
      out[d + 1] = data[s + 1] as number;
      out[d + 2] = data[s + 2] as number;
    }
  }
  return { width, height, data: out };
}
