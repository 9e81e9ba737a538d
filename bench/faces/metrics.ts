/**
 * Face-recognition metrics, pure functions over scores so they can be tested on hand-made numbers.
 * Conventions: higher score = more similar; a "probe" is a face to identify, a "template" an enrolled face.
 */
/** The gate's own types and scoring, so the bench measures exactly what the product does. */
export type { Described, Template } from '../../src/modules/recognition/domain/match';
export { fusedScore, rankPersons } from '../../src/modules/recognition/domain/match';

/** Accuracy at the best single threshold, on positives and an equal-sized slice of negatives. */
export function bestAccuracy(positives: number[], negatives: number[]): { accuracy: number; threshold: number } {
  const neg = negatives.slice(0, positives.length);
  const all = [...positives.map((s) => ({ s, p: true })), ...neg.map((s) => ({ s, p: false }))].sort((a, b) => b.s - a.s);
  // Threshold just below element i: everything before and including i is accepted.
  let tp = 0;
  let fp = 0;
  let best = { accuracy: neg.length / all.length, threshold: Number.POSITIVE_INFINITY };
  for (let i = 0; i < all.length; i++) {
    const e = all[i] as { s: number; p: boolean };
    if (e.p) tp++;
    else fp++;
    const next = all[i + 1];
    if (next && next.s === e.s) continue;
    const acc = (tp + (neg.length - fp)) / all.length;
    if (acc > best.accuracy) best = { accuracy: acc, threshold: e.s };
  }
  return best;
}

/** Smallest threshold whose false-accept rate on `negatives` is at most `far`, and the true-accept rate there. */
export function tarAtFar(positives: number[], negatives: number[], far: number): { tar: number; threshold: number } {
  const sorted = [...negatives].sort((a, b) => b - a);
  const allowed = Math.floor(far * sorted.length);
  // Accept s > threshold: exactly `allowed` negatives lie above it.
  const threshold = allowed < sorted.length ? (sorted[allowed] as number) : Number.NEGATIVE_INFINITY;
  const tar = positives.filter((s) => s > threshold).length / Math.max(1, positives.length);
  return { tar, threshold };
}

/** The score below which a fraction (1 − fpir) of non-enrolled probes' top scores lie. */
export function thresholdAtFpir(strangerTopScores: number[], fpir: number): number {
  return tarAtFar([], strangerTopScores, fpir).threshold;
}

/** Area under the ROC curve: probability that a random positive outscores a random negative (ties count half). */
export function auc(positives: number[], negatives: number[]): number {
  const all = [...positives.map((s) => ({ s, p: 1 })), ...negatives.map((s) => ({ s, p: 0 }))].sort((a, b) => a.s - b.s);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && (all[j] as { s: number }).s === (all[i] as { s: number }).s) j++;
    const avgRank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if ((all[k] as { p: number }).p) rankSum += avgRank;
    i = j;
  }
  const np = positives.length;
  const nn = negatives.length;
  return np && nn ? (rankSum - (np * (np + 1)) / 2) / (np * nn) : Number.NaN;
}

/** The threshold that best separates two score sets (max balanced accuracy). */
export function bestSplit(low: number[], high: number[]): { threshold: number; balancedAccuracy: number } {
  const candidates = [...new Set([...low, ...high])].sort((a, b) => a - b);
  let best = { threshold: Number.POSITIVE_INFINITY, balancedAccuracy: 0.5 };
  for (const t of candidates) {
    const tn = low.filter((s) => s < t).length / Math.max(1, low.length);
    const tp = high.filter((s) => s >= t).length / Math.max(1, high.length);
    const ba = (tn + tp) / 2;
    if (ba > best.balancedAccuracy) best = { threshold: t, balancedAccuracy: ba };
  }
  return best;
}

/** Deterministic PRNG (mulberry32) so negative-pair samples are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))] as number;
}
