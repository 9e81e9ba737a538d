import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FaceThresholds } from '../../../platform/ports/face-engine';
import { DEFAULT_PASS_POLICY, decidePass, type FrameCandidates } from './decide-pass';
import { FaceTracker } from './tracker';

const thresholds: FaceThresholds = { detection: 0.6, review: 0.35, match: 0.4, autoAccept: 0.55, autoAcceptMasked: 0.6, masked: 0.7 };
const policy = { ...DEFAULT_PASS_POLICY, thresholds };
const frame = (scores: [string, number][], maskedness = 0.3, faceWidth = 120): FrameCandidates => ({
  faceWidth,
  maskedness,
  scores: scores.map(([personId, score]) => ({ personId, score })),
});

describe('FaceTracker', () => {
  it('keeps one track per person across frames and ends it after the gap', () => {
    const tracker = new FaceTracker<string>({ minIou: 0.2, maxGapMs: 1000 });
    const box = (x: number) => ({ x, y: 100, width: 100, height: 120 });
    assert.deepEqual(tracker.push(0, [{ box: box(100), payload: 'a0' }, { box: box(600), payload: 'b0' }]), []);
    assert.deepEqual(tracker.push(200, [{ box: box(120), payload: 'a1' }, { box: box(580), payload: 'b1' }]), []);
    tracker.push(400, [{ box: box(140), payload: 'a2' }]);
    assert.equal(tracker.openTracks, 2);
    const ended = tracker.push(1300, []); // b last seen at 200 → ended; a last seen at 400 → still open
    assert.equal(ended.length, 1);
    assert.deepEqual(ended[0]?.observations.map((o) => o.payload), ['b0', 'b1']);
    const rest = tracker.expire(Number.POSITIVE_INFINITY);
    assert.deepEqual(rest[0]?.observations.map((o) => o.payload), ['a0', 'a1', 'a2']);
  });

  it('starts a new track for a face far from every open track', () => {
    const tracker = new FaceTracker<number>();
    tracker.push(0, [{ box: { x: 0, y: 0, width: 50, height: 50 }, payload: 1 }]);
    tracker.push(100, [{ box: { x: 400, y: 0, width: 50, height: 50 }, payload: 2 }]);
    assert.equal(tracker.openTracks, 2);
  });
});

describe('decidePass', () => {
  it('punches automatically on a confident, consistent pass', () => {
    const v = decidePass([frame([['an', 0.7], ['binh', 0.2]]), frame([['an', 0.66], ['binh', 0.25]])], policy);
    assert.equal(v.kind, 'auto');
    assert.equal(v.kind === 'auto' && v.personId, 'an');
  });

  it('sends a plausible but weak match to review with its candidates', () => {
    const v = decidePass([frame([['an', 0.5], ['binh', 0.3]]), frame([['an', 0.48], ['binh', 0.3]])], policy);
    assert.deepEqual({ kind: v.kind, reason: v.kind === 'review' && v.reason }, { kind: 'review', reason: 'LOW_CONFIDENCE' });
    assert.deepEqual(v.candidates.map((c) => c.personId), ['an', 'binh']);
  });

  it('labels weak masked passes as masked-ambiguous', () => {
    const v = decidePass([frame([['an', 0.5]], 0.9), frame([['an', 0.5]], 0.85)], policy);
    assert.equal(v.kind === 'review' && v.reason, 'MASKED_AMBIGUOUS');
    assert.equal(v.masked, true);
  });

  it('never auto-punches on one frame, a small margin or disagreeing frames', () => {
    assert.equal(decidePass([frame([['an', 0.8]])], policy).kind === 'review', true);
    const close = decidePass([frame([['an', 0.7], ['binh', 0.68]]), frame([['an', 0.7], ['binh', 0.67]])], policy);
    assert.equal(close.kind === 'review' && close.reason, 'SMALL_MARGIN');
    const split = decidePass(
      [frame([['an', 0.9], ['binh', 0.5]]), frame([['binh', 0.6], ['an', 0.55]]), frame([['binh', 0.62], ['an', 0.58]])],
      policy,
    );
    assert.equal(split.kind === 'review' && split.reason, 'DISAGREEMENT');
  });

  it('reports strangers as unknown, and sends a pass between the review floor and match to a reviewer', () => {
    assert.equal(decidePass([frame([['an', 0.2]]), frame([['an', 0.25]])], policy).kind, 'unknown');
    const near = decidePass([frame([['an', 0.37]], 0.9), frame([['an', 0.38]], 0.9)], policy);
    assert.equal(near.kind === 'review' && near.reason, 'MASKED_AMBIGUOUS');
  });
});
