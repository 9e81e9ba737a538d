import { cosine } from '../../../platform/image/embedding';

/**
 * One pass, one sighting (issue 14: under load one pass became 2–5 sightings). A track that starts shortly after an
 * earlier pass of the same person on the same camera ended is a fragment of that pass (the face turned away, the
 * detector missed it, frames were dropped): it is merged into it. The same person seen again later but within the
 * unit's attendance debounce window is not a new arrival either: folded into the earlier pass, it makes no second
 * punch and no second review item. Strangers (no identity) are merged only within the short window, by embedding,
 * because their embeddings are not kept any longer than that (Luật 91/2025 Điều 9; audit D11).
 */
export type Kind = 'AUTO' | 'REVIEW' | 'UNKNOWN';

export interface RecentPass {
  sightingId: string;
  kind: Kind;
  /** The punched person (AUTO) or the top candidate (REVIEW); null for UNKNOWN. */
  personId: string | null;
  /** Unit-length mean embedding, held in memory only until the merge window has passed. */
  embedding: Float32Array | null;
  firstMs: number;
  lastMs: number;
  /**
   * Its verdict may not be replaced automatically: a human decided it, or it is a liveness doubt (a photo held up at
   * the gate must not become a punch because the real person walked by a moment later).
   */
  locked?: boolean;
}

export interface NewFragment {
  kind: Kind;
  personId: string | null;
  embedding: Float32Array | null;
  firstMs: number;
}

export interface MergeOptions {
  /** A new track starting within this long after an earlier pass's last frame may be its fragment. */
  mergeWindowMs: number;
  /** The unit's attendance debounce (rules.debounceSeconds × 1000), counted from the earlier pass's first sighting. */
  debounceMs: number;
  /** Mean-embedding cosine at or above which two fragments are the same face. */
  sameFace: number;
}

export interface FoldInto<P extends RecentPass = RecentPass> {
  target: P;
  reason: 'merged' | 'debounced';
}

const rank: Record<Kind, number> = { UNKNOWN: 0, REVIEW: 1, AUTO: 2 };

/** Whether the later verdict should replace the earlier one (stronger evidence, and no human has decided yet). */
export function upgrades(target: RecentPass, kind: Kind): boolean {
  return !target.locked && rank[kind] > rank[target.kind];
}

export function findFoldTarget<P extends RecentPass>(recent: readonly P[], f: NewFragment, o: MergeOptions): FoldInto<P> | undefined {
  let best: FoldInto<P> | undefined;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const r of recent) {
    const gap = f.firstMs - r.lastMs;
    const samePerson = f.personId !== null && r.personId !== null && f.personId === r.personId && (f.kind !== 'UNKNOWN' && r.kind !== 'UNKNOWN');
    // Two confident matches naming different people are two people, however close their embeddings.
    const conflicting = f.kind === 'AUTO' && r.kind === 'AUTO' && f.personId !== r.personId;
    const sameFace = !conflicting && f.embedding !== null && r.embedding !== null && cosine(f.embedding, r.embedding) >= o.sameFace;
    let reason: FoldInto<P>['reason'] | undefined;
    if (gap <= o.mergeWindowMs && (samePerson || sameFace)) reason = 'merged';
    // Debounce needs an identity on both sides (a confident match or a reviewer's top candidate), never a stranger.
    else if (samePerson && f.firstMs - r.firstMs <= o.debounceMs && f.firstMs >= r.firstMs) reason = 'debounced';
    if (!reason) continue;
    const higher = rank[f.kind] > rank[r.kind];
    // A first punch after a review item is no repeat of it: it stands on its own (the review item stays as it is).
    if (higher && (reason === 'debounced' || r.locked)) continue;
    const score = reason === 'merged' ? gap : gap + o.mergeWindowMs;
    if (score < bestGap) {
      bestGap = score;
      best = { target: r, reason };
    }
  }
  return best;
}

/** Drops what the fold rules can no longer use: embeddings after the merge window, passes after the debounce. */
export function pruneRecent<P extends RecentPass>(recent: P[], nowMs: number, o: MergeOptions): P[] {
  const kept = recent.filter((r) => nowMs - r.lastMs <= o.mergeWindowMs || (r.personId !== null && nowMs - r.firstMs <= o.debounceMs));
  for (const r of kept) if (nowMs - r.lastMs > o.mergeWindowMs) r.embedding = null;
  return kept;
}
