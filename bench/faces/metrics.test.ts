import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CENTROID_WEIGHT, UPPER_FACE_WEIGHT } from '../../src/modules/recognition/domain/match';
import { auc, bestAccuracy, bestSplit, fusedScore, rankPersons, seededRandom, tarAtFar, thresholdAtFpir } from './metrics';

const unit = (...v: number[]) => {
  const n = Math.hypot(...v);
  return Float32Array.from(v.map((x) => x / n));
};

describe('face metrics', () => {
  it('bestAccuracy finds the separating threshold', () => {
    const r = bestAccuracy([0.9, 0.8, 0.7], [0.1, 0.2, 0.75]);
    assert.equal(r.accuracy, 5 / 6);
    assert.equal(r.threshold, 0.8);
    assert.equal(bestAccuracy([0.9, 0.8], [0.1, 0.2]).accuracy, 1);
  });

  it('tarAtFar lets through at most the allowed share of negatives', () => {
    const negatives = Array.from({ length: 1000 }, (_, i) => i / 1000);
    const r = tarAtFar([0.5, 0.9985, 0.9995, 1.5], negatives, 1e-3);
    assert.equal(r.threshold, 0.998);
    assert.equal(negatives.filter((s) => s > r.threshold).length, 1);
    assert.equal(r.tar, 3 / 4);
  });

  it('thresholdAtFpir keeps 1 % of strangers above it', () => {
    const strangers = Array.from({ length: 200 }, (_, i) => i);
    const t = thresholdAtFpir(strangers, 0.01);
    assert.equal(strangers.filter((s) => s > t).length, 2);
  });

  it('auc is 1 for separated sets, 0.5 for identical ones', () => {
    assert.equal(auc([3, 4], [1, 2]), 1);
    assert.equal(auc([1, 2], [1, 2]), 0.5);
    assert.equal(auc([1], [2]), 0);
  });

  it('bestSplit picks the midpoint region between two sets', () => {
    const r = bestSplit([0.1, 0.2, 0.3], [0.8, 0.9]);
    assert.equal(r.balancedAccuracy, 1);
    assert.ok(r.threshold > 0.3 && r.threshold <= 0.8);
  });

  it('fusedScore uses the upper face (weight UPPER_FACE_WEIGHT) only for probes that look masked', () => {
    const template = { full: unit(1, 0), upper: unit(0, 1), maskedness: 0.2 };
    const bare = { full: unit(1, 0), upper: unit(1, 0), maskedness: 0.3 };
    const masked = { full: unit(1, 0), upper: unit(1, 0), maskedness: 0.95 };
    assert.equal(fusedScore(bare, template, 0.9), 1);
    assert.ok(Math.abs(fusedScore(masked, template, 0.9) - (1 - UPPER_FACE_WEIGHT)) < 1e-6);
  });

  it('rankPersons (the gate\'s ranking) scores each person by their centroid and their best template', () => {
    const gallery = [
      { personId: 'a', full: unit(1, 0), upper: unit(1, 0), maskedness: 0 },
      { personId: 'a', full: unit(0, 1), upper: unit(0, 1), maskedness: 0 },
      { personId: 'b', full: unit(1, 1), upper: unit(1, 1), maskedness: 0 },
    ];
    const ranked = rankPersons({ full: unit(0, 1), upper: unit(0, 1), maskedness: 0 }, gallery, 0.9);
    assert.deepEqual(
      ranked.map((r) => r.personId),
      ['a', 'b'],
    );
    // a: best template 1, centroid (1, 1)/√2 at cosine 1/√2; b: one template, also 1/√2.
    assert.ok(Math.abs((ranked[0]?.score ?? 0) - (CENTROID_WEIGHT * Math.SQRT1_2 + (1 - CENTROID_WEIGHT))) < 1e-6);
    assert.ok(Math.abs((ranked[1]?.score ?? 0) - Math.SQRT1_2) < 1e-6);
  });

  it('seededRandom repeats for the same seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    assert.deepEqual([a(), a(), a()], [b(), b(), b()]);
  });
});
