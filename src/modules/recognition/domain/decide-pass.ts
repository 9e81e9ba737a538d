import type { FaceThresholds } from '../../../platform/ports/face-engine';
import type { OperatingPoints } from './operating-points';

/**
 * Decision once per pass: the frames of one track are combined into one verdict.
 * A wrong punch is worse than a missed one, so the automatic path needs a high combined score, enough frames,
 * a clear margin over the runner-up and agreement between frames; anything plausible but short of that goes to a
 * human reviewer with the top candidates; the rest is an unknown face.
 */
export interface FrameCandidates {
  /** Face width in pixels: bigger faces carry more weight, as in Frigate's area-weighted vote. */
  faceWidth: number;
  maskedness: number;
  /** Best score per identity for this frame (already fused for masked faces). */
  scores: { personId: string; score: number }[];
}

export interface PassPolicy {
  thresholds: FaceThresholds;
  /** Frames with a face needed before an automatic punch. */
  minFrames: number;
  /** Combined-score lead over the runner-up needed before an automatic punch. */
  minMargin: number;
  /** Share of frames whose top identity must be the winner. */
  minAgreement: number;
  /**
   * Operating points derived from the site's own gallery (operating-points.ts): when given, their thresholds replace
   * `thresholds`, the winner must clear their own auto-accept bar (raised near a look-alike) and the margin is theirs.
   */
  points?: OperatingPoints;
}

/** The auto-accept bar and margin a pass for `personId` must clear under this policy. */
export function autoBar(policy: PassPolicy, personId: string, masked: boolean): { bar: number; margin: number } {
  const t = policy.points?.thresholds ?? policy.thresholds;
  const own = policy.points?.perPerson.get(personId);
  const global = masked ? t.autoAcceptMasked : t.autoAccept;
  const bar = Math.max(t.match, own ? Math.max(global, masked ? own.masked : own.bare) : global);
  return { bar, margin: policy.points ? policy.points.minMargin : policy.minMargin };
}

export const DEFAULT_PASS_POLICY: Omit<PassPolicy, 'thresholds'> = { minFrames: 2, minMargin: 0.05, minAgreement: 0.6 };

export type PassVerdict =
  | { kind: 'auto'; personId: string; score: number; masked: boolean; candidates: Candidate[] }
  // LOW_LIVENESS is never produced here: the liveness policy (liveness-policy.ts) turns an automatic verdict into it.
  | { kind: 'review'; reason: 'LOW_CONFIDENCE' | 'MASKED_AMBIGUOUS' | 'FEW_FRAMES' | 'SMALL_MARGIN' | 'DISAGREEMENT' | 'LOW_LIVENESS'; masked: boolean; candidates: Candidate[] }
  | { kind: 'unknown'; masked: boolean; candidates: Candidate[] };

export interface Candidate {
  personId: string;
  score: number;
}

export function decidePass(frames: FrameCandidates[], policy: PassPolicy): PassVerdict {
  const thresholds = policy.points?.thresholds ?? policy.thresholds;
  const weightOf = (f: FrameCandidates) => Math.min(f.faceWidth, 200);
  const totalWeight = frames.reduce((s, f) => s + weightOf(f), 0);
  const combined = new Map<string, number>();
  for (const f of frames) {
    for (const c of f.scores) combined.set(c.personId, (combined.get(c.personId) ?? 0) + (c.score * weightOf(f)) / totalWeight);
  }
  const candidates = [...combined]
    .map(([personId, score]) => ({ personId, score }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
  const maskedFrames = frames.filter((f) => f.maskedness >= thresholds.masked).length;
  const masked = maskedFrames * 2 > frames.length;
  const top = candidates[0];
  if (!top || top.score < Math.min(thresholds.review, thresholds.match)) return { kind: 'unknown', masked, candidates };
  const margin = top.score - (candidates[1]?.score ?? Number.NEGATIVE_INFINITY);
  const agreeing = frames.filter((f) => [...f.scores].sort((a, b) => b.score - a.score)[0]?.personId === top.personId).length;
  const review = (reason: Extract<PassVerdict, { kind: 'review' }>['reason']): PassVerdict => ({ kind: 'review', reason, masked, candidates });
  const { bar, margin: minMargin } = autoBar(policy, top.personId, masked);
  if (top.score < bar) return review(masked ? 'MASKED_AMBIGUOUS' : 'LOW_CONFIDENCE');
  if (frames.length < policy.minFrames) return review('FEW_FRAMES');
  if (margin < minMargin) return review('SMALL_MARGIN');
  if (agreeing / frames.length < policy.minAgreement) return review('DISAGREEMENT');
  return { kind: 'auto', personId: top.personId, score: top.score, masked, candidates };
}
