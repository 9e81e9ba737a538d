import { applySimilarity, ARCFACE_TEMPLATE_112, estimateSimilarity } from '../../../platform/image/align';
import type { DetectedFace, Point, RgbImage } from '../../../platform/ports/face-engine';

/**
 * The measurements behind the liveness signal (see liveness.ts for how they are combined and why): landmark
 * rigidity, change of the template-warped face, moiré in the spectrum, chroma spread and straight edges that move
 * with the face. Pure functions over the frames of one pass.
 */

/** One frame of a pass: the picture and the tracked face in it. */
export interface LivenessFrame {
  image: RgbImage;
  face: DetectedFace;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export function eyeDistance(l: readonly Point[]): number {
  const [re, le] = l as [Point, Point];
  return Math.hypot(le.x - re.x, le.y - re.y);
}

/** RMS residual of the least-squares affine map src → dst (solved per output coordinate by the 3×3 normal equations). */
export function affineResidual(src: readonly Point[], dst: readonly Point[]): number {
  const n = src.length;
  const mx = src.reduce((s, p) => s + p.x, 0) / n;
  const my = src.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of src) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
    syy += (p.y - my) ** 2;
  }
  const det = sxx * syy - sxy * sxy;
  if (Math.abs(det) < 1e-9) return 0;
  let sum = 0;
  for (const coord of ['x', 'y'] as const) {
    const mean = dst.reduce((s, p) => s + p[coord], 0) / n;
    let bx = 0;
    let by = 0;
    for (let i = 0; i < n; i++) {
      const t = (dst[i] as Point)[coord] - mean;
      bx += ((src[i] as Point).x - mx) * t;
      by += ((src[i] as Point).y - my) * t;
    }
    // Centred coordinates: the translation is the means, leaving a 2×2 system for the linear part.
    const a = (bx * syy - by * sxy) / det;
    const b = (by * sxx - bx * sxy) / det;
    for (let i = 0; i < n; i++) {
      const fit = a * ((src[i] as Point).x - mx) + b * ((src[i] as Point).y - my) + mean;
      sum += ((dst[i] as Point)[coord] - fit) ** 2;
    }
  }
  return Math.sqrt(sum / n);
}

export function similarityResidual(src: readonly Point[], dst: readonly Point[]): number {
  const m = estimateSimilarity(src, dst);
  let sum = 0;
  src.forEach((p, i) => {
    const q = applySimilarity(m, p);
    sum += (q.x - (dst[i] as Point).x) ** 2 + (q.y - (dst[i] as Point).y) ** 2;
  });
  return Math.sqrt(sum / src.length);
}

/**
 * The face warped to the ArcFace template at 56×56 (each output pixel the mean of 2×2 bilinear samples), as grey
 * levels, plus the chroma spread over the inner face. One inlined pass: this runs on the main thread for every pass.
 */
export function warpFace(frame: LivenessFrame): { grey: Float64Array; chromaStd: number } {
  const W = 56;
  const dst = ARCFACE_TEMPLATE_112.map((p) => ({ x: p.x / 2, y: p.y / 2 }));
  const m = estimateSimilarity(frame.face.landmarks, dst);
  const det = m.a * m.a + m.b * m.b || 1;
  const ia = m.a / det;
  const ib = m.b / det;
  const { width, height, data } = frame.image;
  const grey = new Float64Array(W * W);
  const rgb = [0, 0, 0];
  let n = 0;
  let sb = 0;
  let sr = 0;
  let sbb = 0;
  let srr = 0;
  for (let v = 0; v < W; v++)
    for (let u = 0; u < W; u++) {
      rgb[0] = rgb[1] = rgb[2] = 0;
      for (const [ou, ov] of [[-0.25, -0.25], [0.25, -0.25], [-0.25, 0.25], [0.25, 0.25]] as const) {
        const dx = u + ou - m.tx;
        const dy = v + ov - m.ty;
        const sx = Math.min(width - 1.001, Math.max(0, ia * dx + ib * dy));
        const sy = Math.min(height - 1.001, Math.max(0, -ib * dx + ia * dy));
        const x0 = Math.floor(sx);
        const y0 = Math.floor(sy);
        const fx = sx - x0;
        const fy = sy - y0;
        const o00 = (y0 * width + x0) * 3;
        const o10 = o00 + 3;
        const o01 = o00 + width * 3;
        const o11 = o01 + 3;
        for (let c = 0; c < 3; c++) {
          const top = (data[o00 + c] as number) * (1 - fx) + (data[o10 + c] as number) * fx;
          const bottom = (data[o01 + c] as number) * (1 - fx) + (data[o11 + c] as number) * fx;
          rgb[c] = (rgb[c] as number) + (top * (1 - fy) + bottom * fy) / 4;
        }
      }
      const [r, g, b] = rgb as [number, number, number];
      grey[v * W + u] = 0.299 * r + 0.587 * g + 0.114 * b;
      // Inner face (forehead to chin, cheek to cheek) for chroma: little hair or background.
      if (v >= 12 && v < 50 && u >= 14 && u < 42) {
        const cb = -0.168736 * r - 0.331264 * g + 0.5 * b;
        const cr = 0.5 * r - 0.418688 * g - 0.081312 * b;
        sb += cb;
        sr += cr;
        sbb += cb * cb;
        srr += cr * cr;
        n++;
      }
    }
  const chromaStd = Math.sqrt(Math.max(0, sbb / n - (sb / n) ** 2) + Math.max(0, srr / n - (sr / n) ** 2));
  return { grey, chromaStd };
}

/** `t` resampled about its centre by `scale` (bilinear), to absorb the scale jitter of landmark-based alignment. */
function rescaled(t: Float64Array, scale: number): Float64Array {
  const W = 56;
  const out = new Float64Array(W * W);
  for (let y = 0; y < W; y++)
    for (let x = 0; x < W; x++) {
      const sx = Math.min(W - 1.001, Math.max(0, (x - 27.5) / scale + 27.5));
      const sy = Math.min(W - 1.001, Math.max(0, (y - 27.5) / scale + 27.5));
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const at = (xx: number, yy: number) => t[yy * W + xx] as number;
      out[y * W + x] = (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) + (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy;
    }
  return out;
}

/**
 * 1 − the best normalised cross-correlation of the central 36×36 (eyes, nose, mouth) of `b` against `a` over shifts of
 * ±4 px and scales of ±5 %: the search absorbs the landmark jitter of the detector, so a rigid photo scores near 0
 * whatever its brightness and contrast, while a changed expression or pose cannot be shifted or scaled away.
 */
export function registeredChange(a: Float64Array, b: Float64Array): number {
  const W = 56;
  const lo = 10;
  const hi = 46;
  const n = (hi - lo) * (hi - lo);
  let mb = 0;
  for (let y = lo; y < hi; y++) for (let x = lo; x < hi; x++) mb += (b[y * W + x] as number) / n;
  let bb = 0;
  for (let y = lo; y < hi; y++) for (let x = lo; x < hi; x++) bb += ((b[y * W + x] as number) - mb) ** 2;
  let best = -1;
  for (const scale of [0.95, 1, 1.05]) {
    const r = scale === 1 ? a : rescaled(a, scale);
    for (let dy = -4; dy <= 4; dy++)
      for (let dx = -4; dx <= 4; dx++) {
        let ma = 0;
        for (let y = lo; y < hi; y++) for (let x = lo; x < hi; x++) ma += (r[(y + dy) * W + x + dx] as number) / n;
        let ab = 0;
        let aa = 0;
        for (let y = lo; y < hi; y++)
          for (let x = lo; x < hi; x++) {
            const da = (r[(y + dy) * W + x + dx] as number) - ma;
            ab += da * ((b[y * W + x] as number) - mb);
            aa += da * da;
          }
        if (aa > 0 && bb > 0) best = Math.max(best, ab / Math.sqrt(aa * bb));
      }
  }
  return best < -0.5 ? 1 : 1 - best;
}

const greyAt = (img: RgbImage, x: number, y: number) => {
  const o = (y * img.width + x) * 3;
  return 0.299 * (img.data[o] as number) + 0.587 * (img.data[o + 1] as number) + 0.114 * (img.data[o + 2] as number);
};

/**
 * Largest whitened spectral peak of a 64×64 window at full resolution around the landmarks' centre: each bin of the
 * Hann-windowed spectrum is divided by the mean of its frequency ring, so a natural face (smooth 1/f spectrum) stays
 * low and a periodic screen pattern stands out. Bins on multiples of 8 cycles are skipped: video and JPEG coding
 * blocks (8/16 px) put harmless peaks there. null when the face is too small to hold the window.
 */
export function moirePeak(frame: LivenessFrame): number | null {
  const N = 64;
  if (frame.face.box.width < 80) return null;
  const cx = Math.round(frame.face.landmarks.reduce((s, p) => s + p.x, 0) / 5);
  const cy = Math.round(frame.face.landmarks.reduce((s, p) => s + p.y, 0) / 5);
  const x0 = cx - N / 2;
  const y0 = cy - N / 2;
  if (x0 < 0 || y0 < 0 || x0 + N > frame.image.width || y0 + N > frame.image.height) return null;
  const re = new Float64Array(N * N);
  const im = new Float64Array(N * N);
  let mean = 0;
  for (let y = 0; y < N; y++) for (let x = 0; x < N; x++) mean += greyAt(frame.image, x0 + x, y0 + y) / (N * N);
  const hann = (i: number) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (N - 1));
  for (let y = 0; y < N; y++) for (let x = 0; x < N; x++) re[y * N + x] = (greyAt(frame.image, x0 + x, y0 + y) - mean) * hann(x) * hann(y);
  const cos = Float64Array.from({ length: N }, (_, k) => Math.cos((2 * Math.PI * k) / N));
  const sin = Float64Array.from({ length: N }, (_, k) => Math.sin((2 * Math.PI * k) / N));
  // Separable DFT: rows, then columns (N³ operations, about 0.5 M for N = 64).
  const pass = (stride: number, step: number) => {
    const tr = new Float64Array(N);
    const ti = new Float64Array(N);
    for (let line = 0; line < N; line++) {
      const base = line * stride;
      for (let k = 0; k < N; k++) {
        let sr = 0;
        let si = 0;
        for (let t = 0; t < N; t++) {
          const idx = base + t * step;
          const c = cos[(k * t) % N] as number;
          const s = sin[(k * t) % N] as number;
          sr += (re[idx] as number) * c + (im[idx] as number) * s;
          si += (im[idx] as number) * c - (re[idx] as number) * s;
        }
        tr[k] = sr;
        ti[k] = si;
      }
      for (let k = 0; k < N; k++) {
        re[base + k * step] = tr[k] as number;
        im[base + k * step] = ti[k] as number;
      }
    }
  };
  pass(N, 1);
  pass(1, N);
  const rings = new Float64Array(N);
  const counts = new Float64Array(N);
  const bins: { r: number; m: number }[] = [];
  for (let v = 0; v < N; v++)
    for (let u = 0; u < N; u++) {
      const fu = u <= N / 2 ? u : u - N;
      const fv = v <= N / 2 ? v : v - N;
      const r = Math.round(Math.hypot(fu, fv));
      if (r < 8 || r > N / 2 - 1 || fu % 8 === 0 || fv % 8 === 0) continue;
      const m = Math.hypot(re[v * N + u] as number, im[v * N + u] as number);
      rings[r] = (rings[r] as number) + m;
      counts[r] = (counts[r] as number) + 1;
      bins.push({ r, m });
    }
  let peak = 0;
  for (const b of bins) {
    const ringMean = (rings[b.r] as number) / (counts[b.r] as number);
    if (ringMean > 0) peak = Math.max(peak, b.m / ringMean);
  }
  return peak;
}

/**
 * Straight edges around the face, in face-relative coordinates: the image is sampled so the face is 64 px wide, and
 * a row (column) outside the face box whose pixels have a strong, mostly vertical (horizontal) gradient along at least
 * 70 % of a span of 1.6 face widths is a line. Returned per side as offsets from the face centre in face widths.
 */
export function borderLines(frame: LivenessFrame): { top: number[]; bottom: number[]; left: number[]; right: number[] } {
  const { box } = frame.face;
  const k = box.width / 64; // source pixels per sample
  const half = 112; // samples each side of the centre: 1.75 face widths
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const size = 2 * half + 1;
  const g = new Float64Array(size * size).fill(Number.NaN);
  for (let j = 0; j < size; j++)
    for (let i = 0; i < size; i++) {
      const x = Math.round(cx + (i - half) * k);
      const y = Math.round(cy + (j - half) * k);
      if (x >= 0 && y >= 0 && x < frame.image.width && y < frame.image.height) g[j * size + i] = greyAt(frame.image, x, y);
    }
  const at = (i: number, j: number) => g[j * size + i] as number;
  const out = { top: [] as number[], bottom: [] as number[], left: [] as number[], right: [] as number[] };
  const faceHalfW = 32;
  const faceHalfH = (box.height / box.width) * 32;
  const span = 51; // ±0.8 face widths along the line
  const strong = 24;
  for (const horizontal of [true, false]) {
    for (let t = 1; t < size - 1; t++) {
      const off = t - half;
      if (Math.abs(off) <= (horizontal ? faceHalfH : faceHalfW) + 2) continue;
      let hits = 0;
      let seen = 0;
      for (let s = half - span; s <= half + span; s++) {
        const [i, j] = horizontal ? [s, t] : [t, s];
        const c = [at(i - 1, j - 1), at(i, j - 1), at(i + 1, j - 1), at(i - 1, j), at(i + 1, j), at(i - 1, j + 1), at(i, j + 1), at(i + 1, j + 1)];
        if (c.some(Number.isNaN)) continue;
        const [a1, a2, a3, b1, b3, c1, c2, c3] = c as [number, number, number, number, number, number, number, number];
        const gx = (a3 + 2 * b3 + c3 - a1 - 2 * b1 - c1) / 4;
        const gy = (c1 + 2 * c2 + c3 - a1 - 2 * a2 - a3) / 4;
        const across = horizontal ? Math.abs(gy) : Math.abs(gx);
        const along = horizontal ? Math.abs(gx) : Math.abs(gy);
        seen++;
        if (across >= strong && across >= 2 * along) hits++;
      }
      if (seen >= span && hits / (2 * span + 1) >= 0.7) {
        const rel = off / 64;
        if (horizontal) (off < 0 ? out.top : out.bottom).push(rel);
        else (off < 0 ? out.left : out.right).push(rel);
      }
    }
  }
  return out;
}

/**
 * Sides (0–4) where a straight line stays at the same place relative to the face (±0.08 face widths) in at least
 * 60 % of the frames: a photo's or phone's edge moves with the face; door frames and walls do not.
 */
export function attachedBorderSides(frames: LivenessFrame[]): number {
  const per = frames.map(borderLines);
  let sides = 0;
  for (const side of ['top', 'bottom', 'left', 'right'] as const) {
    const all = per.flatMap((p) => p[side]);
    const found = all.some((pos) => per.filter((p) => p[side].some((q) => Math.abs(q - pos) <= 0.08)).length >= Math.ceil(0.6 * frames.length));
    if (found) sides++;
  }
  return sides;
}
