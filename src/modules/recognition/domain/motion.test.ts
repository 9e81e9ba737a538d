import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changedShare, hasMotion, lumaThumb, sameThumb, shouldAnalyse } from './motion';

const frame = (fill: number, box?: { x: number; y: number; w: number; h: number; v: number }, noise = 0, seed = 1) => {
  const width = 1280;
  const height = 720;
  const data = new Uint8Array(width * height * 3).fill(fill);
  let s = seed;
  if (noise) for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    data[i] = Math.max(0, Math.min(255, fill + ((s >> 16) % (2 * noise + 1)) - noise));
  }
  if (box) for (let y = box.y; y < box.y + box.h; y++) data.fill(box.v, (y * width + box.x) * 3, (y * width + box.x + box.w) * 3);
  return { width, height, data };
};

describe('motion gating', () => {
  it('sees a face-sized object entering, not sensor noise', () => {
    const a = lumaThumb(frame(90, undefined, 4, 1));
    const b = lumaThumb(frame(90, undefined, 4, 2));
    assert.equal(hasMotion(a, b), false, `noise alone: ${changedShare(a, b)}`);
    // The gate's smallest face (40 px) entering.
    const c = lumaThumb(frame(90, { x: 600, y: 300, w: 40, h: 48, v: 180 }, 4, 3));
    assert.equal(hasMotion(b, c), true, `a 40 px face: ${changedShare(b, c)}`);
  });

  it('watches only the gate zone when one is set', () => {
    const zone = { x: 0, y: 0, width: 0.25, height: 0.25 };
    const outside = frame(90, { x: 900, y: 500, w: 200, h: 200, v: 200 });
    assert.equal(hasMotion(lumaThumb(frame(90), zone), lumaThumb(outside, zone)), false);
    const inside = frame(90, { x: 50, y: 50, w: 100, h: 100, v: 200 });
    assert.equal(hasMotion(lumaThumb(frame(90), zone), lumaThumb(inside, zone)), true);
  });

  it('recognises a repeated frame exactly', () => {
    const f = frame(90, undefined, 3);
    assert.equal(sameThumb(lumaThumb(f), lumaThumb(f)), true);
    assert.equal(sameThumb(lumaThumb(f), lumaThumb(frame(90, undefined, 3, 9))), false);
    assert.equal(sameThumb(undefined, lumaThumb(f)), false);
  });

  it('analyses on the first frame, on motion, while a pass is open and at the keep-alive rate', () => {
    const base = { passOpen: false, motion: false, atMs: 10_000, lastAnalysedAtMs: 5_000, keepAliveMs: 10_000 };
    assert.deepEqual(shouldAnalyse({ ...base, lastAnalysedAtMs: null }), { analyse: true, reason: 'first' });
    assert.equal(shouldAnalyse(base).analyse, false);
    assert.equal(shouldAnalyse({ ...base, motion: true }).reason, 'motion');
    assert.equal(shouldAnalyse({ ...base, passOpen: true }).reason, 'pass-open');
    assert.equal(shouldAnalyse({ ...base, atMs: 15_000 }).reason, 'keep-alive');
  });
});
