import type { PassVerdict } from './decide-pass';

/**
 * What to do with the liveness signal of a pass (see liveness.ts: a heuristic signal, not certified anti-spoofing).
 * OFF records the score only (the default: a new signal should be watched before it changes outcomes);
 * REVIEW sends a pass that would punch automatically to a human when its score is below the threshold. The signal
 * never rejects a pass on its own: a still-standing real person can score low, and a reviewer can still confirm.
 */
export type LivenessMode = 'OFF' | 'REVIEW';

export interface LivenessPolicy {
  mode: LivenessMode;
  threshold: number;
  /** Where the policy in force comes from: built-in default, the global row, or the row of this unit (or an ancestor). */
  source: 'DEFAULT' | 'GLOBAL' | 'UNIT';
  unitId?: string | null;
}

export const DEFAULT_LIVENESS_POLICY: LivenessPolicy = { mode: 'OFF', threshold: 0.5, source: 'DEFAULT' };

export function applyLivenessPolicy(verdict: PassVerdict, liveness: number | null, policy: LivenessPolicy): PassVerdict {
  if (policy.mode !== 'REVIEW' || verdict.kind !== 'auto') return verdict;
  // No score (one frame) counts as low: under REVIEW an automatic punch needs positive evidence.
  if (liveness !== null && liveness >= policy.threshold) return verdict;
  return { kind: 'review', reason: 'LOW_LIVENESS', masked: verdict.masked, candidates: verdict.candidates };
}
