import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FaceThresholds } from '../../src/platform/ports/face-engine';
import type { PhotoFeatures } from './extract';
import { buildFolds, chunk, prepare, simulate, sumTallies, wrongPunchRate } from './gate-sim';
import { better, objective, stressed } from './heldout';

const base: FaceThresholds = { detection: 0.6, review: 0.5, match: 0.6, autoAccept: 0.8, autoAcceptMasked: 0.85, masked: 0.9 };

/** A unit vector pointing at `deg` degrees in the plane of dimensions 0 and 1, plus a small per-photo wobble in 2. */
function face(deg: number, wobble: number, maskedness = 0.1) {
  const r = (deg * Math.PI) / 180;
  const v = [Math.cos(r), Math.sin(r), wobble];
  const n = Math.hypot(...v);
  const full = Float32Array.from(v.map((x) => x / n));
  return { full, upper: Float32Array.from(full), maskedness };
}

/** `photos` photos of a person at angle `deg` (slightly different each), each with a masked version. */
function person(id: string, deg: number, photos: number): PhotoFeatures[] {
  return Array.from({ length: photos }, (_, i) => ({
    photo: { key: `${id}/${i}`, file: `${id}/${i}.jpg`, identity: id },
    bare: face(deg, 0.02 * i),
    masked: face(deg + 2, 0.02 * i, 0.95),
  }));
}

describe('gate simulation', () => {
  it('chunks frames into passes, keeping a short last pass of at least 2', () => {
    assert.deepEqual(chunk([1, 2, 3, 4, 5, 6, 7, 8], 3), [[1, 2, 3], [4, 5, 6], [7, 8]]);
    assert.deepEqual(chunk([1, 2, 3, 4], 3), [[1, 2, 3]]);
  });

  it('leaves each fold\'s identities out of its gallery and walks them through as strangers', () => {
    const photos = ['a', 'b', 'c', 'd', 'e'].flatMap((id, i) => person(id, i * 60, 8));
    const strangers: PhotoFeatures[] = [{ photo: { key: 'lfw/x', file: 'x.jpg', identity: 'lfw:x' }, bare: face(200, 0) }];
    const folds = buildFolds(photos, strangers, 5, 3);
    assert.equal(folds.length, 5);
    for (const fold of folds) {
      const enrolled = new Set(fold.gallery.map((t) => t.personId));
      assert.equal(enrolled.size, 4);
      const outsider = fold.passes.find((p) => p.source === 'celeba-stranger');
      assert.ok(outsider && outsider.truth === null);
      // 8 photos − 2 enrolled = 6 probes → 2 passes of 3, bare and masked.
      assert.equal(fold.passes.filter((p) => p.source === 'enrolled').length, 4 * 2 * 2);
      // Enrolled photos are never probes, and the LFW stranger's one photo makes a 3-frame pass.
      assert.ok(fold.passes.filter((p) => p.source === 'lfw-stranger').every((p) => p.frames.length === 3));
    }
  });

  it('counts right and wrong automatic punches with the gate\'s own decision code', () => {
    const photos = ['a', 'b', 'c', 'd', 'e'].flatMap((id, i) => person(id, i * 60, 8));
    const sim = prepare(buildFolds(photos, [], 5, 3), base);
    const { tallies } = simulate(sim, base, { kind: 'constants' });
    const enrolled = sumTallies(tallies, (k) => k === 'enrolled/bare');
    assert.equal(enrolled.passes, 5 * 4 * 2);
    assert.equal(enrolled.autoRight, enrolled.passes, 'well-separated people all punch automatically');
    assert.equal(wrongPunchRate(tallies), 0);
    // A stranger 60° away from everybody scores cos 60° = 0.5: unknown or review, never a punch.
    assert.equal(sumTallies(tallies, (k) => k.startsWith('celeba-stranger')).autoWrong, 0);
    const withPoints = simulate(sim, base, { kind: 'points', tuning: {} });
    assert.equal(withPoints.points.length, 5);
  });

  it('prefers fewer wrong punches over more automatic ones, then auto rate', () => {
    const score = (wrong: number, autoRight: number, stressedWrong = 0) => ({ wrong, autoRight, strangerReview: 0, enrolledUnknown: 0, stressedWrong });
    assert.ok(better(score(0, 0.5), score(0.01, 0.9), 0.05));
    assert.ok(better(score(0, 0.9), score(0, 0.5), 0.05));
    assert.ok(better(score(0, 0.5, 0), score(0, 0.52, 0.01), 0.05), 'a stressed wrong punch costs ten right ones');
    const o = objective({ 'enrolled/bare': { passes: 10, autoRight: 8, autoWrong: 0, review: 2, reviewRightOnTop: 2, unknown: 0, autoFrames: 0, autoFirstFrame: 0 }, 'enrolled/masked': { passes: 10, autoRight: 2, autoWrong: 1, review: 7, reviewRightOnTop: 5, unknown: 0, autoFrames: 0, autoFirstFrame: 0 } });
    assert.equal(o.autoRight, 0.5);
    assert.equal(o.wrong, 1 / 20);
  });

  it('stress lowers only the auto-accept bars, by half the score scale', () => {
    const s = stressed(base);
    assert.ok(Math.abs(s.autoAccept - 0.65) < 1e-9);
    assert.ok(Math.abs(s.autoAcceptMasked - 0.7) < 1e-9);
    assert.equal(s.review, base.review);
    assert.equal(s.match, base.match);
  });
});
