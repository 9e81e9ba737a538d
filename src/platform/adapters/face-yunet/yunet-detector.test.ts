import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FiveLandmarks, RgbImage } from '../../ports/face-engine';
import { decodeImage } from '../../image/codec';
import { drawSyntheticMask } from '../../image/mask';
import { InputBuffers } from '../face-onnx/input-buffers';
import { letterbox, YunetDetector } from './yunet-detector';
import { resizeRgb } from '../../image/pixels';

const FACES = path.resolve('../shared/faces/celeba-dev/images');
const YUNET = path.resolve('../shared/models/face_detection_yunet_2023mar.onnx');
const missing = !existsSync(FACES) || !existsSync(YUNET);

/** Largest eye error of `b` against `a`, in eye distances of `a`. */
function eyeError(a: FiveLandmarks, b: FiveLandmarks): number {
  const eyes = Math.hypot(a[0].x - a[1].x, a[0].y - a[1].y);
  return Math.max(Math.hypot(a[0].x - b[0].x, a[0].y - b[0].y), Math.hypot(a[1].x - b[1].x, a[1].y - b[1].y)) / eyes;
}

/** A 1280×720 grey frame with the photo pasted 480 px tall (a face about 200 px wide, as at a gate). */
function gateFrame(photo: RgbImage): RgbImage {
  const big = resizeRgb(photo, Math.min(800, Math.round((photo.width * 480) / photo.height)), 480);
  const frame: RgbImage = { width: 1280, height: 720, data: new Uint8Array(1280 * 720 * 3).fill(90) };
  for (let y = 0; y < big.height; y++) frame.data.set(big.data.subarray(y * big.width * 3, (y + 1) * big.width * 3), ((y + 120) * 1280 + 240) * 3);
  return frame;
}

describe('YuNet input letterbox', () => {
  /** Bilinear sampling written plainly, the reference the fast paths must equal. */
  function reference(image: RgbImage, scale: number, inW: number, inH: number): Float32Array {
    const out = new Float32Array(3 * inW * inH);
    const plane = inW * inH;
    const px = (x: number, y: number, c: number) => image.data[(y * image.width + x) * 3 + c] as number;
    for (let y = 0; y < Math.min(inH, Math.round(image.height * scale)); y++) {
      for (let x = 0; x < Math.min(inW, Math.round(image.width * scale)); x++) {
        const sx = Math.min(image.width - 1, Math.max(0, (x + 0.5) / scale - 0.5));
        const sy = Math.min(image.height - 1, Math.max(0, (y + 0.5) / scale - 0.5));
        const x0 = Math.floor(sx);
        const y0 = Math.floor(sy);
        const x1 = Math.min(image.width - 1, x0 + 1);
        const y1 = Math.min(image.height - 1, y0 + 1);
        const fx = sx - x0;
        const fy = sy - y0;
        for (let c = 0; c < 3; c++) {
          const v = (px(x0, y0, c) * (1 - fx) + px(x1, y0, c) * fx) * (1 - fy) + (px(x0, y1, c) * (1 - fx) + px(x1, y1, c) * fx) * fy;
          out[(2 - c) * plane + y * inW + x] = v; // BGR planes
        }
      }
    }
    return out;
  }
  const image = (w: number, h: number): RgbImage => ({ width: w, height: h, data: Uint8Array.from({ length: w * h * 3 }, (_, i) => (i * 37 + 11) % 256) });

  it('equals plain bilinear sampling at scale 1, 1/2 (fast paths), 1/2 on odd sizes, 0.37 and 0.8', () => {
    for (const [w, h, scale] of [[8, 6, 1], [8, 6, 0.5], [7, 5, 0.5], [20, 12, 0.37], [10, 10, 0.8]] as const) {
      const inW = 32;
      const inH = 32;
      const got = letterbox(image(w, h), scale, inW, inH);
      const want = reference(image(w, h), scale, inW, inH);
      for (let i = 0; i < want.length; i++) assert.ok(Math.abs((got[i] as number) - (want[i] as number)) < 1e-3, `${w}×${h} at ${scale}: value ${i}`);
    }
  });

  it('into a reused buffer full of old values: the same input, padding zeroed', () => {
    for (const [w, h, scale] of [[8, 6, 1], [8, 6, 0.5], [20, 12, 0.37]] as const) {
      const dirty = new Float32Array(3 * 32 * 32).fill(77);
      const got = letterbox(image(w, h), scale, 32, 32, dirty);
      assert.equal(got, dirty, 'writes into the given buffer');
      assert.deepEqual(Array.from(got), Array.from(letterbox(image(w, h), scale, 32, 32)), `${w}×${h} at ${scale}`);
    }
    assert.throws(() => letterbox(image(8, 6), 1, 32, 32, new Float32Array(10)));
  });
});

describe('InputBuffers', () => {
  it('hands a buffer out to one run at a time and reuses it after', async () => {
    const buffers = new InputBuffers();
    let first: Float32Array | undefined;
    let second: Float32Array | undefined;
    await Promise.all([
      buffers.with(16, async (b) => {
        first = b;
        await new Promise((r) => setImmediate(r));
      }),
      buffers.with(16, async (b) => {
        second = b;
      }),
    ]);
    assert.ok(first && second && first !== second, 'concurrent runs get different buffers');
    await buffers.with(16, async (b) => assert.ok(b === first || b === second, 'reused'));
    await buffers.with(8, async (b) => assert.equal(b.length, 8));
  });
});

describe('YuNet detector (../shared/models)', { skip: missing && 'needs ../shared/faces and ../shared/models' }, () => {
  let full: YunetDetector;
  let small: YunetDetector;
  const photos: RgbImage[] = [];
  before(async () => {
    full = await YunetDetector.load(YUNET);
    small = await YunetDetector.load(YUNET, 480);
    for (const f of readdirSync(FACES).sort().slice(0, 24)) photos.push(await decodeImage(readFileSync(path.join(FACES, f))));
  });
  after(async () => {
    await full?.close();
    await small?.close();
  });

  it('finds the same face in a 720p frame with a 640 or a 480 px input (non-square, padded to 32 only)', async () => {
    const frame = gateFrame(photos[0] as RgbImage);
    const [a] = await full.detect(frame, 0.6);
    const [b] = await small.detect(frame, 0.6);
    assert.ok(a && b, 'face found at both input sizes');
    assert.ok(eyeError(a.landmarks, b.landmarks) < 0.1, `landmarks agree (${eyeError(a.landmarks, b.landmarks).toFixed(3)} eye distances)`);
    assert.ok(Math.abs(a.box.width - b.box.width) / a.box.width < 0.1);
  });

  it('refined landmarks of masked faces land closer to where the same faces are unmasked', async () => {
    let raw = 0;
    let refined = 0;
    let n = 0;
    for (const [i, photo] of photos.entries()) {
      const bare = (await full.detect(photo, 0.6))[0];
      if (!bare) continue;
      const masked = drawSyntheticMask(photo, bare.landmarks, i);
      const m = (await full.detect(masked, 0.6))[0];
      if (!m) continue;
      raw += eyeError(bare.landmarks, m.landmarks);
      refined += eyeError(bare.landmarks, await full.refineLandmarks(masked, m));
      n++;
    }
    assert.ok(n >= 18, `masked faces found in ${n} of ${photos.length} photos`);
    assert.ok(refined < raw, `mean eye error ${(refined / n).toFixed(3)} refined vs ${(raw / n).toFixed(3)} raw`);
  });

  it('refinement keeps a bare face where it is', async () => {
    const face = (await full.detect(photos[1] as RgbImage, 0.6))[0];
    assert.ok(face);
    assert.ok(eyeError(face.landmarks, await full.refineLandmarks(photos[1] as RgbImage, face)) < 0.1);
  });
});
