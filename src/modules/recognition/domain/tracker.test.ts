import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FaceTracker } from './tracker';

const unitVec = (...xs: number[]) => {
  const n = Math.hypot(...xs);
  return Float32Array.from(xs.map((x) => x / n));
};
const box = (x: number, w = 100) => ({ x, y: 200, width: w, height: w * 1.2 });

describe('FaceTracker without overlap (1 fps, gaps)', () => {
  it('continues a track by embedding when boxes no longer overlap, within a few face widths', () => {
    const tracker = new FaceTracker<number>({ minIou: 0.2, maxGapMs: 2500, minSimilarity: 0.9, maxJumpWidths: 3 });
    tracker.push(0, [{ box: box(100), payload: 0, embedding: unitVec(1, 0.1, 0) }]);
    // One second later the face moved 180 px (no overlap) and looks like the same person.
    tracker.push(1000, [{ box: box(280), payload: 1, embedding: unitVec(1, 0.12, 0) }]);
    assert.equal(tracker.openTracks, 1);
    // A different face at the same distance starts its own track.
    tracker.push(2000, [{ box: box(460), payload: 2, embedding: unitVec(0, 1, 0) }]);
    assert.equal(tracker.openTracks, 2);
    // Too far away: a new track even with the same embedding.
    tracker.push(2500, [{ box: box(1100), payload: 3, embedding: unitVec(1, 0.1, 0) }]);
    assert.equal(tracker.openTracks, 3);
    const ended = tracker.expire(Number.POSITIVE_INFINITY);
    assert.deepEqual(ended.map((t) => t.seen), [2, 1, 1]);
  });

  it('keeps a track through a 2 s gap', () => {
    const tracker = new FaceTracker<number>({ minIou: 0.2, maxGapMs: 2500 });
    tracker.push(0, [{ box: box(100), payload: 0 }]);
    assert.deepEqual(tracker.push(2000, [{ box: box(110), payload: 1 }]), []);
    assert.equal(tracker.openTracks, 1);
    assert.equal(tracker.push(5000, []).length, 1);
  });
});
