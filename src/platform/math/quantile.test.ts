import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quantile, quantileSorted, quantiles } from './quantile';

describe('quantile (linear between closest ranks, = PostgreSQL percentile_cont)', () => {
  it('has no value for an empty list and is the value itself for one value', () => {
    assert.equal(quantile([], 0.5), null);
    assert.equal(quantileSorted([], 0), null);
    for (const q of [0, 0.3, 0.5, 0.95, 1]) assert.equal(quantile([7], q), 7);
  });

  it('is the minimum at 0, the maximum at 1, the usual median at 0.5', () => {
    const v = [9, 1, 5, 3, 7];
    assert.equal(quantile(v, 0), 1);
    assert.equal(quantile(v, 1), 9);
    assert.equal(quantile(v, 0.5), 5);
    assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5, 'even count: midway between the two middle values');
  });

  it('interpolates linearly between ranks (h = q·(n − 1))', () => {
    assert.equal(quantile([0, 10], 0.25), 2.5);
    // n = 20 latencies 10, 20, …, 200: h = 0.95 · 19 = 18.05 → 190 + 0.05 · 10.
    const lat = Array.from({ length: 20 }, (_, i) => (i + 1) * 10);
    assert.ok(Math.abs((quantile(lat, 0.95) as number) - 190.5) < 1e-9);
    assert.equal(quantile([100, 200, 300, 400], 0.9), 370);
  });

  it('clamps q outside [0, 1] and leaves its input unsorted', () => {
    const v = [3, 1, 2];
    assert.equal(quantile(v, 2), 3);
    assert.equal(quantile(v, -1), 1);
    assert.deepEqual(v, [3, 1, 2]);
  });

  it('gives several quantiles from one sort', () => {
    assert.deepEqual(quantiles([4, 3, 2, 1, 0], [0.5, 0.75, 1] as const), [2, 3, 4]);
    assert.deepEqual(quantiles([], [0.5, 0.95] as const), [null, null]);
  });

  it('matches the values PostgreSQL percentile_cont gives on the same data', () => {
    // SELECT percentile_cont(q) WITHIN GROUP (ORDER BY x) FROM unnest('{120,450,90,3000,800,610}'::int[]) x
    const x = [120, 450, 90, 3000, 800, 610];
    assert.equal(quantile(x, 0.5), 530);
    assert.ok(Math.abs((quantile(x, 0.95) as number) - 2450) < 1e-9);
  });
});
