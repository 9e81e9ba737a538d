import {
  affineResidual,
  attachedBorderSides,
  eyeDistance,
  type LivenessFrame,
  median,
  moirePeak,
  registeredChange,
  similarityResidual,
  warpFace,
} from './liveness-cues';

export type { LivenessFrame } from './liveness-cues';

/**
 * Liveness SIGNAL for one gate pass — a HEURISTIC, NOT CERTIFIED ANTI-SPOOFING (no presentation-attack-detection
 * model is available to this project; ISO/IEC 30107-3 testing has not been done). It only looks at what a pass already
 * gives: several frames of the same tracked face. A printed photo or a phone screen held up at the gate is a flat,
 * rigid object, so across frames:
 *
 *  - motion      its five landmarks keep the same configuration up to an affine map (a plane seen from a moving
 *                camera is affine to first order), while a real head shows nose parallax, expression and pose change;
 *  - appearance  the face, warped to a fixed template, looks the same in every frame (no blink, no expression);
 *  - moire       a screen re-filmed by a camera often shows a strong periodic pattern (sharp off-axis peaks in the
 *                spectrum of the face region at full resolution);
 *  - colour      a greyscale print or a washed-out screen has almost no chroma variation over the skin;
 *  - border      the edge of the photo or phone appears as straight lines that move with the face.
 *
 * score = max(motion, appearance) × (1 − w_moire·moire) × (1 − w_colour·colour) × (1 − w_border·border), in [0, 1];
 * high = looks live. The dynamic part carries the evidence; texture cues can only lower it. Each component and its raw
 * measurement are stored with the sighting so a reviewer (or a later audit) sees why a pass scored as it did.
 * Known failure modes: a real person who keeps perfectly still scores low (use policy `review`, never reject);
 * a video replay of a live person on a large screen without visible moiré scores high.
 */
export const LIVENESS_MODEL = { name: 'kc-liveness-heuristic', version: '1.0', certified: false } as const;

export interface LivenessParams {
  /** Affine landmark residual (in eye distances) at or below which motion counts as rigid (detector noise). */
  motionRigid: number;
  /** Affine landmark residual at or above which motion is clearly non-rigid. */
  motionLive: number;
  /** 1 − correlation of template-warped faces at or below which the face looks unchanged. */
  appearanceStill: number;
  appearanceLive: number;
  /** Whitened spectral peak ratio below which no moiré is assumed, and at which it is certain. */
  moireNone: number;
  moireFull: number;
  /** Chroma standard deviation (8-bit YCbCr units) at or above which colour is normal, and at or below which it is absent. */
  colourNormal: number;
  colourNone: number;
  weights: { moire: number; colour: number; border: number };
  /** At most this many frames of a pass are examined (evenly spaced), to bound the cost on the main thread. */
  maxFrames: number;
}

export const DEFAULT_LIVENESS_PARAMS: LivenessParams = {
  motionRigid: 0.03,
  motionLive: 0.09,
  appearanceStill: 0.06,
  appearanceLive: 0.26,
  moireNone: 10,
  moireFull: 20,
  colourNormal: 4,
  colourNone: 1.5,
  weights: { moire: 0.6, colour: 0.3, border: 0.4 },
  maxFrames: 6,
};

export interface LivenessComponents {
  motion: number | null;
  appearance: number | null;
  moire: number | null;
  colour: number | null;
  border: number | null;
}

export interface LivenessResult {
  /** null when the pass has fewer than two frames: nothing can be said about motion. */
  score: number | null;
  components: LivenessComponents;
  /** The measurements behind each component (see the params for their units). */
  raw: { affineResidual: number | null; similarityResidual: number | null; appearanceChange: number | null; moirePeak: number | null; chromaStd: number | null; borderSides: number | null };
  frames: number;
}

const clamp01 = (v: number) => Math.max(0, Math.min(1, v));
/** 0 at `lo`, 1 at `hi`, linear between (works for lo > hi too). */
const ramp = (v: number, lo: number, hi: number) => clamp01((v - lo) / (hi - lo));

function pickFrames(frames: LivenessFrame[], max: number): LivenessFrame[] {
  if (frames.length <= max) return frames;
  return Array.from({ length: max }, (_, i) => frames[Math.round((i * (frames.length - 1)) / (max - 1))] as LivenessFrame);
}

export function assessLiveness(all: LivenessFrame[], params: LivenessParams = DEFAULT_LIVENESS_PARAMS): LivenessResult {
  const frames = pickFrames(all, params.maxFrames);
  const none: LivenessResult = {
    score: null,
    components: { motion: null, appearance: null, moire: null, colour: null, border: null },
    raw: { affineResidual: null, similarityResidual: null, appearanceChange: null, moirePeak: null, chromaStd: null, borderSides: null },
    frames: all.length,
  };
  if (frames.length < 2) return none;
  // Reference = the largest face (most precise landmarks); residuals in units of its eye distance.
  const ref = frames.reduce((a, b) => (b.face.box.width > a.face.box.width ? b : a));
  const scale = eyeDistance(ref.face.landmarks) || 1;
  const others = frames.filter((f) => f !== ref);
  const affine = median(others.map((f) => affineResidual(f.face.landmarks, ref.face.landmarks) / scale)) as number;
  const similarity = median(others.map((f) => similarityResidual(f.face.landmarks, ref.face.landmarks) / scale)) as number;
  const warped = new Map(frames.map((f) => [f, warpFace(f)]));
  const refGrey = (warped.get(ref) as { grey: Float64Array }).grey;
  const appearanceChange = median(others.map((f) => registeredChange(refGrey, (warped.get(f) as { grey: Float64Array }).grey))) as number;
  const peaks = frames.map(moirePeak).filter((p): p is number => p !== null);
  const peak = median(peaks);
  const chroma = median([...warped.values()].map((w) => w.chromaStd)) as number;
  const sides = attachedBorderSides(frames);

  const motion = ramp(affine, params.motionRigid, params.motionLive);
  const appearance = ramp(appearanceChange, params.appearanceStill, params.appearanceLive);
  const moire = peak === null ? null : ramp(peak, params.moireNone, params.moireFull);
  const colour = ramp(chroma, params.colourNormal, params.colourNone);
  const border = Math.min(1, sides / 2);
  const w = params.weights;
  const score = Math.max(motion, appearance) * (1 - w.moire * (moire ?? 0)) * (1 - w.colour * colour) * (1 - w.border * border);
  const r3 = (v: number) => Math.round(v * 1000) / 1000;
  return {
    score: r3(score),
    components: { motion: r3(motion), appearance: r3(appearance), moire: moire === null ? null : r3(moire), colour: r3(colour), border: r3(border) },
    raw: {
      affineResidual: r3(affine),
      similarityResidual: r3(similarity),
      appearanceChange: r3(appearanceChange),
      moirePeak: peak === null ? null : r3(peak),
      chromaStd: r3(chroma),
      borderSides: sides,
    },
    frames: all.length,
  };
}
