import type { FaceThresholds } from '../../../platform/ports/face-engine';
import { cosine } from '../../../platform/image/embedding';
import type { Described } from './match';

/**
 * The learning gallery's rules (issue 14), pure so the gate's job (gallery-learning.service.ts) and the bench that
 * simulates weeks of passes (bench/faces/learning-sim.ts) apply exactly the same ones.
 *
 * Enrollment photos are taken in an office, the gate sees people from above, under its own light, often masked: a
 * few templates taken from the gate itself close that gap. The danger is learning the wrong face, which then punches
 * the wrong person on every later pass, so admission is strict (a pass whose person is certain, with a clear lead
 * over the runner-up, several frames, not a liveness doubt) and the learned share of a person's gallery is capped.
 */
export interface LearningPolicy {
  /** Learned templates kept per person and kind of face (bare / masked), so masked passes never crowd out bare ones. */
  capPerKind: number;
  /** Frames in the pass (one frame is too little evidence of who it is). */
  minFrames: number;
  /**
   * The person's lead over the runner-up among the pass' candidates, as a fraction of the engine's score scale
   * (autoAccept − min(review, match), as operating-points.ts), so one setting serves engines whose cosines differ.
   */
  minMarginFraction: number;
  /**
   * An automatic pass is learned only when its score reaches the auto-accept bar plus this (× scale): "high confidence".
   * A confirmed review needs only the review floor (a person said who it is), and the person must be the top candidate.
   */
  autoLeadFraction: number;
  /** A probe this similar to one of the person's templates of the same kind adds nothing: refused as redundant. */
  redundantAbove: number;
}

/**
 * Chosen on the 'choose' half of celeba-dev's identities with bench/faces/learning-sim.ts --grid (bench/RESULTS.md,
 * "Learning gallery"); the report half shows what they do on people no choice has seen. The margin is the safety
 * knob: at 0.25 × scale (what a looser search on two folds preferred) the report half learned 11 faces into the wrong
 * person and doubled its wrong punches; at 0.5 the learned templates raised the gallery's own operating points so much
 * that fewer bare passes punched automatically than without learning (yunet+dlib, choose half 81 → 67 %); at 1 bare
 * passes rose (choose 81 → 87 %, report 84 → 90–94 %) with no added wrong punch on either half.
 */
export const DEFAULT_LEARNING_POLICY: LearningPolicy = {
  capPerKind: 3,
  minFrames: 2,
  minMarginFraction: 1,
  autoLeadFraction: 0,
  redundantAbove: 0.985,
};

/** One gate pass offered to the gallery. */
export interface LearningCandidate {
  kind: 'AUTO' | 'REVIEW';
  /** The person the pass was punched for (AUTO) or confirmed as (REVIEW). */
  personId: string;
  /** The pass' mean description (face_sightings.probe_embedding). */
  probe: Described;
  frames: number;
  reviewReason: string | null;
  /** Combined person scores of the pass, highest first (face_sightings.candidates). */
  candidates: readonly { personId: string; score: number }[];
  /** The person's latest consent is GIVEN and covers learning from gate passes. */
  consentCoversLearning: boolean;
}

/** A template of the person, as the job and the bench know it. */
export interface PersonTemplate extends Described {
  id: string;
  learned: boolean;
  /** When it was learned (enrollment templates: their creation time). */
  at: Date;
}

export type RefusalReason =
  | 'NO_CONSENT'
  | 'LOW_LIVENESS'
  | 'FEW_FRAMES'
  | 'NOT_TOP_CANDIDATE'
  | 'LOW_SCORE'
  | 'SMALL_MARGIN'
  | 'NO_ENROLLMENT'
  | 'REDUNDANT';

export type Admission = { admit: true; masked: boolean } | { admit: false; reason: RefusalReason };

/** Whether a face counts as masked for the cap and the redundancy check (the engine's maskedness routing). */
export function isMaskedFace(d: Described, thresholds: FaceThresholds): boolean {
  return d.maskedness >= thresholds.masked;
}

/** Similarity of two faces of the same kind: masked faces are compared on the upper face as much as the full face. */
function sameKindSimilarity(a: Described, b: Described, masked: boolean): number {
  const full = cosine(a.full, b.full);
  return masked ? (full + cosine(a.upper, b.upper)) / 2 : full;
}

/** Whether a pass may become a learned template of its person, and if not why (recorded in the job's summary). */
export function admit(c: LearningCandidate, own: readonly PersonTemplate[], thresholds: FaceThresholds, policy: LearningPolicy = DEFAULT_LEARNING_POLICY): Admission {
  const refuse = (reason: RefusalReason): Admission => ({ admit: false, reason });
  if (!c.consentCoversLearning) return refuse('NO_CONSENT');
  // A reviewer may confirm a pass the liveness signal doubted (the person was there); its face is still not learned:
  // a photo held up to the camera must never become a template.
  if (c.reviewReason === 'LOW_LIVENESS') return refuse('LOW_LIVENESS');
  if (c.frames < policy.minFrames) return refuse('FEW_FRAMES');
  // Learning builds on enrollment: a person known only from learned faces would drift with every pass.
  if (!own.some((t) => !t.learned)) return refuse('NO_ENROLLMENT');
  const top = c.candidates[0];
  if (!top || top.personId !== c.personId) return refuse('NOT_TOP_CANDIDATE');
  const masked = isMaskedFace(c.probe, thresholds);
  // The engine's score scale as operating-points.ts takes it: auto-accept − the unknown floor decidePass applies.
  const scale = Math.max(1e-6, thresholds.autoAccept - Math.min(thresholds.review, thresholds.match));
  const floor = c.kind === 'AUTO' ? (masked ? thresholds.autoAcceptMasked : thresholds.autoAccept) + policy.autoLeadFraction * scale : thresholds.review;
  if (top.score < floor) return refuse('LOW_SCORE');
  const runnerUp = c.candidates[1]?.score ?? Number.NEGATIVE_INFINITY;
  if (top.score - runnerUp < policy.minMarginFraction * scale) return refuse('SMALL_MARGIN');
  const sameKind = own.filter((t) => isMaskedFace(t, thresholds) === masked);
  if (sameKind.some((t) => sameKindSimilarity(c.probe, t, masked) >= policy.redundantAbove)) return refuse('REDUNDANT');
  return { admit: true, masked };
}

/**
 * Learned templates to delete so that each kind keeps at most `capPerKind`: the most redundant first (the highest
 * similarity to any other template of the person: what it knows, another template knows too), the oldest on a tie.
 * Enrollment templates are never pruned.
 */
export function prune(own: readonly PersonTemplate[], thresholds: FaceThresholds, policy: LearningPolicy = DEFAULT_LEARNING_POLICY): string[] {
  const out: string[] = [];
  for (const masked of [false, true]) {
    let kept = own.filter((t) => isMaskedFace(t, thresholds) === masked);
    const excess = () => kept.filter((t) => t.learned).length - policy.capPerKind;
    while (excess() > 0) {
      const scored = kept
        .filter((t) => t.learned)
        .map((t) => ({
          t,
          redundancy: Math.max(...kept.filter((o) => o !== t).map((o) => sameKindSimilarity(t, o, masked))),
        }))
        .sort((a, b) => b.redundancy - a.redundancy || a.t.at.getTime() - b.t.at.getTime());
      const victim = (scored[0] as { t: PersonTemplate }).t;
      out.push(victim.id);
      kept = kept.filter((t) => t !== victim);
    }
  }
  return out;
}
