/**
 * The one quantile of the code base (issue 14 had four, each with its own definition, so the gate's p95 in /metrics,
 * in the gate-statistics API and in the benches could disagree on the same latencies).
 *
 * Definition: linear interpolation between the closest ranks — Hyndman & Fan type 7, the default of numpy and R, and
 * exactly PostgreSQL's `percentile_cont`. For n sorted values v₀ ≤ … ≤ vₙ₋₁ and q in [0, 1]: h = q·(n − 1),
 * Q(q) = v⌊h⌋ + (h − ⌊h⌋)·(v⌈h⌉ − v⌊h⌋). So Q(0) is the minimum, Q(1) the maximum, Q(0.5) the usual median, and one
 * value is its own every quantile. q outside [0, 1] is clamped; an empty list has no quantile (null).
 *
 * Pure (no I/O): usable from `domain/` folders, observability and benches alike.
 */
export function quantileSorted(sorted: readonly number[], q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = Math.min(Math.max(Number.isNaN(q) ? 0 : q, 0), 1) * (n - 1);
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo] as number;
  return a + ((sorted[hi] as number) - a) * (h - lo);
}

/** The same quantile of values in any order (sorted on a copy; the input is left as it is). */
export function quantile(values: readonly number[], q: number): number | null {
  return quantileSorted([...values].sort((a, b) => a - b), q);
}

/** Several quantiles of the same values, sorting once (a p50/p95 pair for latency figures). */
export function quantiles<const Q extends readonly number[]>(values: readonly number[], qs: Q): { [K in keyof Q]: number | null } {
  const sorted = [...values].sort((a, b) => a - b);
  return qs.map((q) => quantileSorted(sorted, q)) as { [K in keyof Q]: number | null };
}
