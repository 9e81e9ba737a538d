import { cosine } from '../../src/platform/image/embedding';
import type { PhotoFeatures } from './extract';
import {
  auc,
  bestAccuracy,
  type Described,
  fusedScore,
  rankPersons,
  seededRandom,
  type Template,
  tarAtFar,
} from './metrics';

export interface Identification {
  rank1: number;
  probes: number;
  /** Detection-and-identification rate at 1 % false positive identification rate (threshold set on strangers). */
  dirAtFpir1: number;
  thresholdAtFpir1: number;
  /** Held-out half of the probes, at the calibrated auto-accept threshold: punched for the right / wrong person. */
  autoCorrect: number;
  autoWrong: number;
  /** Held-out half of the strangers whose top score reaches the auto-accept threshold. */
  strangersFalselyIdentified: number;
}

export interface OperatingPoint {
  autoAccept: number;
  autoAcceptMasked: number;
  masked: number;
  /** `match`: cosine at FAR = 1e-3 on different-person pairs. */
  match: number;
  /** Review floor: top score reached by 5 % of strangers (bare and masked, calibration half). */
  review: number;
}

export interface Evaluation {
  counts: { identities: number; photos: number; bareDetected: number; maskedDetected: number; strangers: number };
  verification: { accuracy: number; tarAtFar1e3: number; thresholdAtFar1e3: number; positives: number; negatives: number };
  maskedVerification: { accuracy: number; tarAtFar1e3: number; thresholdAtFar1e3: number; positives: number; negatives: number };
  maskedness: { auc: number; threshold: number; balancedAccuracy: number; bareRouted: number; maskedRouted: number };
  oneShot: Identification;
  twoShot: Identification;
  twoShotE: Identification;
  maskedOneShot: Identification;
  maskedTwoShotE: Identification;
  operatingPoint: OperatingPoint;
}

const NEGATIVE_PAIRS = 200_000;

function verification(
  photos: PhotoFeatures[],
  probeOf: (p: PhotoFeatures) => Described | undefined,
  maskedThreshold: number,
) {
  const withBare = photos.filter((p) => p.bare);
  const positives: number[] = [];
  for (let i = 0; i < withBare.length; i++) {
    for (let j = 0; j < withBare.length; j++) {
      const a = withBare[i] as PhotoFeatures;
      const b = withBare[j] as PhotoFeatures;
      if (i === j || a.photo.identity !== b.photo.identity) continue;
      const probe = probeOf(a);
      if (!probe) continue;
      if (probeOf === bareOf && j < i) continue; // symmetric: count each bare pair once
      positives.push(fusedScore(probe, b.bare as Described, maskedThreshold));
    }
  }
  const rnd = seededRandom(1234);
  const negatives: number[] = [];
  for (let tries = 0; negatives.length < NEGATIVE_PAIRS && tries < NEGATIVE_PAIRS * 3; tries++) {
    const a = withBare[Math.floor(rnd() * withBare.length)] as PhotoFeatures;
    const b = withBare[Math.floor(rnd() * withBare.length)] as PhotoFeatures;
    if (a.photo.identity === b.photo.identity) continue;
    const probe = probeOf(a);
    if (probe) negatives.push(fusedScore(probe, b.bare as Described, maskedThreshold));
  }
  const acc = bestAccuracy(shuffle(positives, 1), shuffle(negatives, 2));
  const tar = tarAtFar(positives, negatives, 1e-3);
  return { accuracy: acc.accuracy, tarAtFar1e3: tar.tar, thresholdAtFar1e3: tar.threshold, positives: positives.length, negatives: negatives.length };
}

const bareOf = (p: PhotoFeatures) => p.bare;
const maskedOf = (p: PhotoFeatures) => p.masked;

function shuffle<T>(values: T[], seed: number): T[] {
  const rnd = seededRandom(seed);
  const a = [...values];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

/** The first `shots` photos with a face of each identity (+ their synthetic masked copies): the enrolled gallery. */
export function gallery(photos: PhotoFeatures[], shots: number, withMaskedCopies: boolean): { templates: Template[]; enrolledKeys: Set<string> } {
  const templates: Template[] = [];
  const enrolledKeys = new Set<string>();
  const taken = new Map<string, number>();
  for (const p of photos) {
    if (!p.bare) continue;
    const n = taken.get(p.photo.identity) ?? 0;
    if (n >= shots) continue;
    taken.set(p.photo.identity, n + 1);
    enrolledKeys.add(p.photo.key);
    templates.push({ personId: p.photo.identity, ...p.bare });
    // Masked copies as the product enrolls them when extracted (`copies`); older cached runs only have the photo's
    // own re-detected masked copy.
    if (withMaskedCopies && p.copies) for (const c of p.copies) templates.push({ personId: p.photo.identity, ...c });
    else if (withMaskedCopies && p.masked) templates.push({ personId: p.photo.identity, ...p.masked });
  }
  return { templates, enrolledKeys };
}

function identification(
  photos: PhotoFeatures[],
  strangers: PhotoFeatures[],
  shots: number,
  masked: boolean,
  withMaskedCopies: boolean,
  maskedThreshold: number,
  autoAccept: number,
): Identification {
  const { templates, enrolledKeys } = gallery(photos, shots, withMaskedCopies);
  const probeOf = masked ? maskedOf : bareOf;
  const probes = photos.map((p, index) => ({ p, index })).filter(({ p }) => !enrolledKeys.has(p.photo.key));
  const results = probes.map(({ p, index }) => {
    const d = probeOf(p);
    const top = d ? rankPersons(d, templates, maskedThreshold, Number.POSITIVE_INFINITY)[0] : undefined;
    return { correct: top?.personId === p.photo.identity, score: top?.score ?? Number.NEGATIVE_INFINITY, heldOut: index % 2 === 1 };
  });
  const held = results.filter((r) => r.heldOut);
  const strangerTop = strangers.flatMap((s) => {
    const d = probeOf(s);
    return d ? [rankPersons(d, templates, maskedThreshold, Number.POSITIVE_INFINITY)[0]?.score ?? Number.NEGATIVE_INFINITY] : [];
  });
  const t = tarAtFar([], strangerTop, 0.01).threshold;
  // Held-out half of the strangers for the operating-point check (the other half calibrated autoAccept).
  const heldOut = strangerTop.filter((_, i) => i % 2 === 1);
  return {
    rank1: results.filter((r) => r.correct).length / Math.max(1, results.length),
    probes: results.length,
    dirAtFpir1: results.filter((r) => r.correct && r.score > t).length / Math.max(1, results.length),
    thresholdAtFpir1: t,
    autoCorrect: held.filter((r) => r.correct && r.score >= autoAccept).length / Math.max(1, held.length),
    autoWrong: held.filter((r) => !r.correct && r.score >= autoAccept).length / Math.max(1, held.length),
    strangersFalselyIdentified: heldOut.filter((s) => s >= autoAccept).length / Math.max(1, heldOut.length),
  };
}

/**
 * Auto-accept thresholds from the calibration half (even indices) of probes and strangers, 2 photos + masked copies
 * enrolled: high enough that at most 0.5 % of strangers and 0.5 % of enrolled people's probes would be punched as
 * someone (someone else, for enrolled people). Bare and masked probes get separate thresholds.
 */
function calibrate(photos: PhotoFeatures[], strangers: PhotoFeatures[], maskedThreshold: number, probeOf: (p: PhotoFeatures) => Described | undefined): number {
  const { templates, enrolledKeys } = gallery(photos, 2, true);
  const strangerTop = strangers
    .filter((_, i) => i % 2 === 0)
    .flatMap((s) => {
      const d = probeOf(s);
      return d ? [rankPersons(d, templates, maskedThreshold, Number.POSITIVE_INFINITY)[0]?.score ?? Number.NEGATIVE_INFINITY] : [];
    });
  const wrongTop = photos
    .filter((p, i) => i % 2 === 0 && !enrolledKeys.has(p.photo.key))
    .flatMap((p) => {
      const d = probeOf(p);
      const wrong = d ? rankPersons(d, templates, maskedThreshold, Number.POSITIVE_INFINITY).find((r) => r.personId !== p.photo.identity) : undefined;
      return wrong ? [wrong.score] : [];
    });
  return Math.max(tarAtFar([], strangerTop, 0.005).threshold, tarAtFar([], wrongTop, 0.005).threshold);
}

const half = (list: PhotoFeatures[], h: number, pick: (p: PhotoFeatures) => Described | undefined) =>
  list.flatMap((p, i) => (i % 2 === h && pick(p) ? [(pick(p) as Described).maskedness] : []));

/**
 * Maskedness threshold: at most 1 % of bare faces (calibration half: even-indexed photos and strangers) judged masked.
 * Not the best split between bare and drawn masks: drawn masks are easier to tell than real ones (a flat colour), so
 * that split sat where real masks were often missed. Reported on the other half.
 */
function maskedCalibration(photos: PhotoFeatures[], strangers: PhotoFeatures[]) {
  const bareCal = [...half(photos, 0, bareOf), ...half(strangers, 0, bareOf)];
  return routedShares(photos, strangers, tarAtFar([], bareCal, 0.01).threshold);
}

/** Shares of bare faces and drawn masks (odd indices) judged masked at `threshold`. */
function routedShares(photos: PhotoFeatures[], strangers: PhotoFeatures[], threshold: number) {
  const bareHeld = [...half(photos, 1, bareOf), ...half(strangers, 1, bareOf)];
  const maskedHeld = half(photos, 1, maskedOf);
  const bareRouted = bareHeld.filter((m) => m > threshold).length / Math.max(1, bareHeld.length);
  const maskedRouted = maskedHeld.filter((m) => m > threshold).length / Math.max(1, maskedHeld.length);
  return { threshold, bareRouted, maskedRouted, balancedAccuracy: (1 - bareRouted + maskedRouted) / 2 };
}

/**
 * Every figure for one set of identities. Without `fixed`, the operating point is calibrated on this set (even
 * indices) and checked on its odd indices; with `fixed` (the point chosen on the other identity half, issue 14), no
 * threshold is chosen here: the auto-punch columns are those thresholds applied to people they never saw.
 */
export function evaluate(photos: PhotoFeatures[], strangers: PhotoFeatures[], fixed?: Omit<OperatingPoint, 'match'>): Evaluation {
  const bareMaskedness = photos.flatMap((p) => (p.bare ? [p.bare.maskedness] : []));
  const maskedMaskedness = photos.flatMap((p) => (p.masked ? [p.masked.maskedness] : []));
  const calibrated = maskedCalibration(photos, strangers);
  // fusedScore routes at maskedness ≥ threshold; tarAtFar's threshold lets exactly 1 % strictly above it.
  const maskedThreshold = fixed ? fixed.masked : calibrated.threshold + 1e-9;
  const split = fixed ? routedShares(photos, strangers, maskedThreshold) : calibrated;
  const autoAccept = fixed ? fixed.autoAccept : calibrate(photos, strangers, maskedThreshold, bareOf);
  const autoAcceptMasked = fixed ? fixed.autoAcceptMasked : calibrate(photos, strangers, maskedThreshold, maskedOf);
  const { templates } = gallery(photos, 2, true);
  const strangerTops = strangers
    .filter((_, i) => i % 2 === 0)
    .flatMap((s) => [s.bare, s.masked].filter((d): d is Described => !!d))
    .map((d) => rankPersons(d, templates, maskedThreshold, Number.POSITIVE_INFINITY)[0]?.score ?? Number.NEGATIVE_INFINITY);
  const review = fixed ? fixed.review : tarAtFar([], strangerTops, 0.05).threshold;
  const id = (shots: number, masked: boolean, copies: boolean) =>
    identification(photos, strangers, shots, masked, copies, maskedThreshold, masked ? autoAcceptMasked : autoAccept);
  const verificationBare = verification(photos, bareOf, maskedThreshold);
  return {
    counts: {
      identities: new Set(photos.map((p) => p.photo.identity)).size,
      photos: photos.length,
      bareDetected: photos.filter((p) => p.bare).length,
      maskedDetected: photos.filter((p) => p.masked).length,
      strangers: strangers.filter((s) => s.bare).length,
    },
    verification: verificationBare,
    maskedVerification: verification(photos, maskedOf, maskedThreshold),
    maskedness: { auc: auc(maskedMaskedness, bareMaskedness), ...split, threshold: maskedThreshold },
    oneShot: id(1, false, false),
    twoShot: id(2, false, false),
    twoShotE: id(2, false, true),
    maskedOneShot: id(1, true, false),
    maskedTwoShotE: id(2, true, true),
    operatingPoint: { autoAccept, autoAcceptMasked, masked: maskedThreshold, match: verificationBare.thresholdAtFar1e3, review },
  };
}

export { cosine };
