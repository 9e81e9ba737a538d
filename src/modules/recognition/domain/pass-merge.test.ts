import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findFoldTarget, pruneRecent, type RecentPass, upgrades } from './pass-merge';

const v = (...xs: number[]) => {
  const a = Float32Array.from(xs);
  const n = Math.hypot(...xs);
  return a.map((x) => x / n);
};
const o = { mergeWindowMs: 5_000, debounceMs: 120_000, sameFace: 0.9 };
const pass = (p: Partial<RecentPass>): RecentPass => ({ sightingId: 's1', kind: 'AUTO', personId: 'an', embedding: v(1, 0, 0), firstMs: 0, lastMs: 2_000, ...p });

describe('fold rules: one pass, one sighting', () => {
  it('merges a fragment of the same person shortly after, and debounces a repeat within the window', () => {
    const recent = [pass({})];
    assert.equal(findFoldTarget(recent, { kind: 'AUTO', personId: 'an', embedding: v(1, 0.1, 0), firstMs: 4_000 }, o)?.reason, 'merged');
    assert.equal(findFoldTarget(recent, { kind: 'AUTO', personId: 'an', embedding: v(1, 0.1, 0), firstMs: 60_000 }, o)?.reason, 'debounced');
    assert.equal(findFoldTarget(recent, { kind: 'REVIEW', personId: 'an', embedding: v(0, 1, 0), firstMs: 60_000 }, o)?.reason, 'debounced');
    assert.equal(findFoldTarget(recent, { kind: 'AUTO', personId: 'an', embedding: v(1, 0, 0), firstMs: 130_000 }, o), undefined, 'after the debounce window: a new pass');
    assert.equal(findFoldTarget(recent, { kind: 'AUTO', personId: 'binh', embedding: v(1, 0, 0), firstMs: 3_000 }, o), undefined, 'two confident matches naming different people');
  });

  it('merges review and unknown fragments by embedding only within the short window; strangers are never debounced', () => {
    const recent = [pass({ kind: 'UNKNOWN', personId: null, embedding: v(0, 0, 1) })];
    assert.equal(findFoldTarget(recent, { kind: 'UNKNOWN', personId: null, embedding: v(0, 0.1, 1), firstMs: 5_000 }, o)?.reason, 'merged');
    assert.equal(findFoldTarget(recent, { kind: 'UNKNOWN', personId: null, embedding: v(0, 1, 0), firstMs: 5_000 }, o), undefined, 'another face');
    assert.equal(findFoldTarget(recent, { kind: 'UNKNOWN', personId: null, embedding: v(0, 0, 1), firstMs: 30_000 }, o), undefined);
  });

  it('a confident fragment upgrades a pending review of the same pass, never a liveness doubt, and a later punch is no repeat of a review item', () => {
    const review = pass({ kind: 'REVIEW' });
    assert.equal(upgrades(review, 'AUTO'), true);
    assert.equal(upgrades(review, 'UNKNOWN'), false);
    assert.equal(findFoldTarget([review], { kind: 'AUTO', personId: 'an', embedding: v(1, 0, 0), firstMs: 3_000 }, o)?.reason, 'merged');
    assert.equal(findFoldTarget([review], { kind: 'AUTO', personId: 'an', embedding: v(1, 0, 0), firstMs: 60_000 }, o), undefined);
    const doubt = pass({ kind: 'REVIEW', locked: true });
    assert.equal(upgrades(doubt, 'AUTO'), false);
    assert.equal(findFoldTarget([doubt], { kind: 'AUTO', personId: 'an', embedding: v(1, 0, 0), firstMs: 3_000 }, o), undefined);
  });

  it('forgets embeddings after the merge window and passes after the debounce window', () => {
    const kept = pruneRecent([pass({}), pass({ sightingId: 's2', kind: 'UNKNOWN', personId: null })], 60_000, o);
    assert.deepEqual(kept.map((p) => [p.sightingId, p.embedding]), [['s1', null]]);
    assert.deepEqual(pruneRecent(kept, 200_000, o), []);
  });
});
