/**
 * Simulated gate passes over bench features (issue 14): the gate's own decision code — rankPersons per frame,
 * deriveOperatingPoints per gallery, decidePass per pass — run on several probe photos of one person as one pass.
 * So the figures are the shipped configuration's wrong-punch and auto-punch rates, not a threshold re-calibrated on
 * the people it is then scored on.
 *
 * Folds: within one set of identities, every 5th identity (fold f) is left out of the gallery and walks through the
 * gate as a stranger with several photos (a realistic multi-frame stranger pass); the rest are enrolled with their
 * first 2 photos + the product's synthetic masked copies. Each LFW stranger has one photo: their pass repeats it
 * (identical frames agree perfectly, the worst case for a false automatic punch).
 *
 * A pass is decided as the gate decides it (domain/early-decision.ts gateDecision): the early rules after each frame in
 * order, else decidePass on every frame at the end — so a pass the early rule punches on its first frames counts
 * with that verdict even where all its frames together would have gone to review (`early: null` restores the older
 * whole-pass simulation, for comparison).
 */
import { DEFAULT_PASS_POLICY, decidePass, type FrameCandidates, type PassPolicy } from '../../src/modules/recognition/domain/decide-pass';
import { type EarlyOptions, earlyOptionsFor, gateDecision } from '../../src/modules/recognition/domain/early-decision';
import { deriveOperatingPoints, type OperatingPoints, type OperatingPointTuning } from '../../src/modules/recognition/domain/operating-points';
import type { FaceThresholds } from '../../src/platform/ports/face-engine';
import { gallery } from './evaluate';
import type { PhotoFeatures } from './extract';
import { type Described, rankPersons, type Template } from './metrics';

export type PassSource = 'enrolled' | 'celeba-stranger' | 'lfw-stranger';

export interface SimPass {
  source: PassSource;
  /** The enrolled person walking through; null for strangers. */
  truth: string | null;
  masked: boolean;
  frames: Described[];
}

export interface Fold {
  gallery: Template[];
  passes: SimPass[];
}

export const FRAMES_PER_PASS = 3;
export const FOLDS = 5;
/** Face width given to every frame: celeba crops are all about this size, so frames weigh the same. */
const FACE_WIDTH = 100;

/** Consecutive chunks of `size`; a last chunk of at least 2 frames is kept (a short pass). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    const c = items.slice(i, i + size);
    if (c.length >= Math.min(2, size)) out.push(c);
  }
  return out;
}

export function buildFolds(photos: PhotoFeatures[], strangers: PhotoFeatures[], folds = FOLDS, framesPerPass = FRAMES_PER_PASS): Fold[] {
  const identities = [...new Set(photos.map((p) => p.photo.identity))].sort();
  return Array.from({ length: folds }, (_, f) => {
    const out = new Set(identities.filter((_, i) => i % folds === f));
    const inGallery = photos.filter((p) => !out.has(p.photo.identity));
    const { templates, enrolledKeys } = gallery(inGallery, 2, true);
    const passes: SimPass[] = [];
    for (const id of identities) {
      const probes = photos.filter((p) => p.photo.identity === id && !enrolledKeys.has(p.photo.key));
      const source: PassSource = out.has(id) ? 'celeba-stranger' : 'enrolled';
      for (const masked of [false, true]) {
        const faces = probes.flatMap((p) => (masked ? (p.masked ? [p.masked] : []) : p.bare ? [p.bare] : []));
        for (const frames of chunk(faces, framesPerPass)) passes.push({ source, truth: source === 'enrolled' ? id : null, masked, frames });
      }
    }
    for (const s of strangers) {
      for (const masked of [false, true]) {
        const face = masked ? s.masked : s.bare;
        if (face) passes.push({ source: 'lfw-stranger', truth: null, masked, frames: Array.from({ length: framesPerPass }, () => face) });
      }
    }
    return { gallery: templates, passes };
  });
}

/** Per-frame candidates as the gate computes them (rankPersons, top 5), once per fold: they do not depend on tuning. */
export function frameCandidates(fold: Fold, maskedThreshold: number): FrameCandidates[][] {
  return fold.passes.map((p) =>
    p.frames.map((d) => ({ faceWidth: FACE_WIDTH, maskedness: d.maskedness, scores: rankPersons(d, fold.gallery, maskedThreshold) })),
  );
}

export interface Tally {
  passes: number;
  autoRight: number;
  autoWrong: number;
  review: number;
  /** Review items whose top candidate is the person who passed. */
  reviewRightOnTop: number;
  unknown: number;
  /** Frames used by the right automatic punches, summed (÷ autoRight: how early they came). */
  autoFrames: number;
  /** Right automatic punches made on the pass's first frame alone. */
  autoFirstFrame: number;
}

export const emptyTally = (): Tally => ({ passes: 0, autoRight: 0, autoWrong: 0, review: 0, reviewRightOnTop: 0, unknown: 0, autoFrames: 0, autoFirstFrame: 0 });

/** Tallies keyed `${source}/${masked ? 'masked' : 'bare'}`. */
export type Tallies = Record<string, Tally>;

export const tallyKey = (source: PassSource, masked: boolean) => `${source}/${masked ? 'masked' : 'bare'}`;

/**
 * What the gate runs with: the engine's constants alone, or operating points derived from each gallery; `early` the
 * early rules (absent: those the gate ships for `engine` — earlyOptionsFor, the strictest when no engine is named;
 * null: the whole pass decided at its end, as this simulation did first).
 */
export type GateConfig = ({ kind: 'constants' } | { kind: 'points'; tuning: Partial<OperatingPointTuning> }) & { early?: EarlyOptions | null; engine?: string };

export function policyFor(config: GateConfig, galleryTemplates: readonly Template[], base: FaceThresholds): { policy: PassPolicy; points?: OperatingPoints } {
  if (config.kind === 'constants') return { policy: { ...DEFAULT_PASS_POLICY, thresholds: base } };
  const points = deriveOperatingPoints(galleryTemplates, base, config.tuning);
  // As the gate builds it (gate-pipeline.ts): the engine's thresholds (the early rules' score scale), and decidePass
  // reads the gallery's thresholds, per-person bars and margin from `points`.
  return { policy: { ...DEFAULT_PASS_POLICY, thresholds: base, points }, points };
}

export interface SimFold {
  fold: Fold;
  candidates: FrameCandidates[][];
}

export function prepare(folds: Fold[], base: FaceThresholds): SimFold[] {
  return folds.map((fold) => ({ fold, candidates: frameCandidates(fold, base.masked) }));
}

/** Runs decidePass on every pass of every fold and counts the verdicts. */
export function simulate(sim: readonly SimFold[], base: FaceThresholds, config: GateConfig): { tallies: Tallies; points: OperatingPoints[] } {
  const tallies: Tallies = {};
  const points: OperatingPoints[] = [];
  for (const { fold, candidates } of sim) {
    const { policy, points: p } = policyFor(config, fold.gallery, base);
    if (p) points.push(p);
    fold.passes.forEach((pass, i) => {
      const key = tallyKey(pass.source, pass.masked);
      const t = tallies[key] ?? emptyTally();
      tallies[key] = t;
      t.passes++;
      const frames = candidates[i] as FrameCandidates[];
      const early = config.early === undefined ? earlyOptionsFor(config.engine) : config.early;
      const { verdict, decidedAt } = early === null ? { verdict: decidePass(frames, policy), decidedAt: frames.length } : gateDecision(frames, policy, early);
      if (verdict.kind === 'auto') {
        if (verdict.personId === pass.truth) {
          t.autoRight++;
          t.autoFrames += decidedAt;
          if (decidedAt === 1) t.autoFirstFrame++;
        } else t.autoWrong++;
      } else if (verdict.kind === 'review') {
        t.review++;
        if (pass.truth && verdict.candidates[0]?.personId === pass.truth) t.reviewRightOnTop++;
      } else t.unknown++;
    });
  }
  return { tallies, points };
}

/** Sum of tallies whose key matches. */
export function sumTallies(tallies: Tallies, match: (key: string) => boolean): Tally {
  const out = emptyTally();
  for (const [key, t] of Object.entries(tallies)) {
    if (!match(key)) continue;
    for (const k of Object.keys(out) as (keyof Tally)[]) out[k] += t[k];
  }
  return out;
}

/** Wrong automatic punches per pass among enrolled people's and strangers' passes together. */
export function wrongPunchRate(tallies: Tallies, masked?: boolean): number {
  const all = sumTallies(tallies, (k) => masked === undefined || k.endsWith(masked ? '/masked' : '/bare'));
  return all.autoWrong / Math.max(1, all.passes);
}
