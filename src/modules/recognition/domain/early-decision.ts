import { autoBar, decidePass, type FrameCandidates, type PassPolicy, type PassVerdict } from './decide-pass';

/**
 * Decide early (issue 14: the punch came 6.5–7.5 s after the face appeared because the pass was decided only after the
 * face had been gone 1.5 s). An automatic punch is made as soon as the evidence is sufficient: at least `minFrames`
 * frames that each name the same person above that person's auto-accept bar with the required margin over their
 * runner-up, and the pass so far (every frame, as decidePass combines them) is itself an automatic verdict for that
 * person. Anything short of that waits: REVIEW and UNKNOWN are decided when the track ends (or at the longest pass).
 */
export interface EarlyOptions {
  /** Agreeing frames needed, each above the person's bar with the margin. */
  minFrames: number;
}

export const DEFAULT_EARLY: EarlyOptions = { minFrames: 2 };

export function earlyVerdict(frames: readonly FrameCandidates[], policy: PassPolicy, early: EarlyOptions = DEFAULT_EARLY): Extract<PassVerdict, { kind: 'auto' }> | null {
  if (frames.length < Math.max(early.minFrames, policy.minFrames)) return null;
  const verdict = decidePass([...frames], policy);
  if (verdict.kind !== 'auto') return null;
  const t = policy.points?.thresholds ?? policy.thresholds;
  let agreeing = 0;
  for (const f of frames) {
    const sorted = [...f.scores].sort((a, b) => b.score - a.score);
    const top = sorted[0];
    if (!top || top.personId !== verdict.personId) continue;
    const { bar, margin } = autoBar(policy, top.personId, f.maskedness >= t.masked);
    const lead = top.score - (sorted[1]?.score ?? Number.NEGATIVE_INFINITY);
    if (top.score >= bar && lead >= margin) agreeing++;
  }
  return agreeing >= early.minFrames ? verdict : null;
}
