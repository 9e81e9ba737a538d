import { autoBar, decidePass, type FrameCandidates, type PassPolicy, type PassVerdict } from './decide-pass';
import { scaleOf } from './operating-points';

/**
 * Decide early (issue 14: the punch came seconds after the face appeared because the pass waited for the face to
 * leave). After every analysed frame of an open track the gate asks whether the evidence so far already suffices for
 * an automatic punch; REVIEW and UNKNOWN are still decided when the track ends (or at the longest pass).
 *
 * Two rules, either suffices:
 * - 'pass-so-far': the end-of-track rule (decidePass) on the frames seen so far is an automatic verdict. The early and
 *   the end decision then always agree: a track that would be punched if it ended now is punched now. (The first
 *   version also asked for 2 frames each above the person's bar with the margin; a pass whose weighted mean cleared the
 *   bar on frames just either side of it was then punched only 2.5 s after the face left — bench/gate.bench.ts.)
 * - 'strong-frame': one frame far above the person's bar (strongLead × the engine's score scale) with a wide lead over
 *   its runner-up (strongMargin × scale, never less than the gallery's margin), and no frame of the pass naming
 *   somebody else. Parameters chosen on the 'choose' identity half only (bench/faces/gate-sim.ts, bench/RESULTS.md).
 */
export interface EarlyOptions {
  /** Frames the pass-so-far rule needs (never fewer than the pass policy's minFrames). */
  minFrames: number;
  /** … of which at least this many must each clear their top person's bar with the margin (2: the first version). */
  minClearFrames: number;
  /** A single frame suffices at bar + strongLead × scale (Infinity: the rule is off). */
  strongLead: number;
  /** … with a lead over its runner-up of at least strongMargin × scale (and the gallery's margin). */
  strongMargin: number;
}

/**
 * The single-frame parameters, chosen per engine on its 'choose' identity half only (bench/faces/early-rules.ts,
 * 2026-12-07: the loosest of 24 candidates whose wrong punches, plain and stressed, were no more than with the rule off):
 * yunet+dlib lead 0.25 / margin 0.5 × scale (bar + 0.012, lead 0.024 — the gallery's own margin); yunet+intel-reid-0095
 * lead 1.5 / margin 0.5 (its looser leads let 2–11 more stressed strangers through on the choose half). An engine not
 * searched gets the stricter of the two. Report-half figures: bench/RESULTS.md.
 */
export const DEFAULT_EARLY: EarlyOptions = { minFrames: 2, minClearFrames: 0, strongLead: 1.5, strongMargin: 0.5 };

const EARLY_BY_ENGINE: Readonly<Record<string, EarlyOptions>> = {
  'yunet+dlib': { ...DEFAULT_EARLY, strongLead: 0.25 },
  'yunet+intel-reid-0095': DEFAULT_EARLY,
};

/** The early rules for an engine (FaceEngineMeta.engine). */
export function earlyOptionsFor(engine: string | undefined): EarlyOptions {
  return (engine !== undefined ? EARLY_BY_ENGINE[engine] : undefined) ?? DEFAULT_EARLY;
}

/** The first version of the rule (2 frames each above the bar with the margin, no single-frame rule), for comparison. */
export const FIRST_EARLY: EarlyOptions = { minFrames: 2, minClearFrames: 2, strongLead: Number.POSITIVE_INFINITY, strongMargin: Number.POSITIVE_INFINITY };

export type EarlyRule = 'pass-so-far' | 'strong-frame';

/** Why the newest frame did (or did not) settle the pass: written into the pass's trace and the gate benchmark. */
export interface EarlyCheck {
  verdict: Extract<PassVerdict, { kind: 'auto' }> | null;
  rule?: EarlyRule;
  /** The pass-so-far verdict: 'AUTO', or the review reason / 'UNKNOWN' that held it back. */
  soFar: string;
  /** The newest frame's top person, score, that person's bar and its lead over the runner-up. */
  top: { personId: string; score: number; bar: number; lead: number; margin: number } | null;
  /** Frames of the pass so far naming its leading person that, alone, clear the bar with the margin (the first rule's count). */
  clearFrames: number;
}

function frameTop(f: FrameCandidates, policy: PassPolicy) {
  const t = policy.points?.thresholds ?? policy.thresholds;
  const sorted = [...f.scores].sort((a, b) => b.score - a.score);
  const top = sorted[0];
  if (!top) return null;
  const { bar, margin } = autoBar(policy, top.personId, f.maskedness >= t.masked);
  return { personId: top.personId, score: top.score, bar, margin, lead: top.score - (sorted[1]?.score ?? Number.NEGATIVE_INFINITY) };
}

export function earlyCheck(frames: readonly FrameCandidates[], policy: PassPolicy, early: EarlyOptions = DEFAULT_EARLY): EarlyCheck {
  const newest = frames[frames.length - 1];
  const top = newest ? frameTop(newest, policy) : null;
  const tops = frames.map((f) => frameTop(f, policy));
  const soFarVerdict = frames.length ? decidePass([...frames], policy) : null;
  const winner = soFarVerdict?.candidates[0]?.personId;
  const clearFrames = tops.filter((x) => x && x.personId === winner && x.score >= x.bar && x.lead >= x.margin).length;
  const soFar = !soFarVerdict ? 'NO_FRAMES' : soFarVerdict.kind === 'auto' ? 'AUTO' : soFarVerdict.kind === 'review' ? soFarVerdict.reason : 'UNKNOWN';
  const base = { top, soFar, clearFrames };
  if (soFarVerdict?.kind === 'auto' && frames.length >= Math.max(early.minFrames, policy.minFrames) && clearFrames >= early.minClearFrames) return { ...base, verdict: soFarVerdict, rule: 'pass-so-far' };
  const scale = scaleOf(policy.thresholds);
  if (top && soFarVerdict && Number.isFinite(early.strongLead)) {
    const strong = top.score >= top.bar + early.strongLead * scale && top.lead >= Math.max(top.margin, early.strongMargin * scale);
    // Any frame naming someone else first is a disagreement no single frame can settle.
    const unanimous = tops.every((x) => x?.personId === top.personId);
    if (strong && unanimous) {
      const candidates = soFarVerdict.candidates;
      const score = candidates.find((c) => c.personId === top.personId)?.score ?? top.score;
      return { ...base, verdict: { kind: 'auto', personId: top.personId, score, masked: soFarVerdict.masked, candidates }, rule: 'strong-frame' };
    }
  }
  return { ...base, verdict: null };
}

/** The automatic verdict the evidence so far already warrants, or null (the pass waits). */
export function earlyVerdict(frames: readonly FrameCandidates[], policy: PassPolicy, early: EarlyOptions = DEFAULT_EARLY): Extract<PassVerdict, { kind: 'auto' }> | null {
  return earlyCheck(frames, policy, early).verdict;
}

/**
 * The gate's decision over a whole pass, frame by frame, as gate-pipeline.ts makes it: the early rules after each
 * frame, else decidePass on every frame when the track ends. `decidedAt` = frames used (the deciding frame's index + 1).
 * Used by the held-out simulation (bench/faces/gate-sim.ts) so its figures are those of the gate's sequence.
 */
export function gateDecision(frames: readonly FrameCandidates[], policy: PassPolicy, early: EarlyOptions = DEFAULT_EARLY): { verdict: PassVerdict; decidedAt: number; rule: EarlyRule | 'track-end' } {
  for (let n = 1; n <= frames.length; n++) {
    const c = earlyCheck(frames.slice(0, n), policy, early);
    if (c.verdict && c.rule) return { verdict: c.verdict, decidedAt: n, rule: c.rule };
  }
  return { verdict: decidePass([...frames], policy), decidedAt: frames.length, rule: 'track-end' };
}
