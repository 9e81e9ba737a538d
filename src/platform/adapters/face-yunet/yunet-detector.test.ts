import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FiveLandmarks, RgbImage } from '../../ports/face-engine';
import { decodeImage, resizeRgb } from '../face-common/image';
import { drawSyntheticMask } from '../face-common/mask';
import { YunetDetector } from './yunet-detector';

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
