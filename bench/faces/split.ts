/**
 * Identity split of celeba-dev for choosing and reporting (issue 14): every threshold, weight or rule parameter is
 * chosen on the "choose" half of the identities only, and every figure is also reported on the "report" half, whose
 * people no choice has seen. The split is by identity (not by photo), so no person is on both sides: sorted identity
 * labels, even positions choose, odd positions report. Strangers (LFW) split the same way by their sorted names.
 */
export type Half = 'choose' | 'report';

export function splitIdentities(identities: Iterable<string>): Map<string, Half> {
  const sorted = [...new Set(identities)].sort();
  return new Map(sorted.map((id, i) => [id, i % 2 === 0 ? 'choose' : 'report'] as const));
}

/** The items whose identity falls in `half` (identities split as in splitIdentities over all items given). */
export function inHalf<T extends { identity: string }>(items: readonly T[], half: Half): T[] {
  const split = splitIdentities(items.map((i) => i.identity));
  return items.filter((i) => split.get(i.identity) === half);
}
