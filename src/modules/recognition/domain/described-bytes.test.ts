import assert from 'node:assert/strict';
import { it } from 'node:test';
import { packDescribed, unpackDescribed } from './described-bytes';

it('packs and unpacks a Described exactly, also from an unaligned view', () => {
  const d = { full: Float32Array.from({ length: 128 }, (_, i) => Math.sin(i)), upper: Float32Array.from({ length: 128 }, (_, i) => Math.cos(i)), maskedness: 0.625 };
  const bytes = packDescribed(d);
  assert.equal(bytes.length, 12 + 4 * 256);
  const shifted = new Uint8Array(bytes.length + 1);
  shifted.set(bytes, 1);
  const back = unpackDescribed(shifted.subarray(1));
  assert.deepEqual([...back.full], [...d.full]);
  assert.deepEqual([...back.upper], [...d.upper]);
  assert.equal(back.maskedness, 0.625);
  assert.throws(() => unpackDescribed(bytes.subarray(0, 20)));
});
