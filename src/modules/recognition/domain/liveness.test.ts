import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { celebaIdentities, facesAvailable, filledFrame, largestFace, loadPhoto, walkingFrames, YUNET } from '../../../../test/helpers/gate-frames';
import { YunetDetector } from '../../../../test/helpers/adapters';
import type { FaceBox, Point, RgbImage } from '../../../platform/ports/face-engine';
import { assessLiveness, type LivenessFrame } from './liveness';
import { affineResidual, similarityResidual } from './liveness-cues';

const skip = facesAvailable ? false : 'needs ../shared/faces and ../shared/models';

/** A screen-like periodic pattern (period 3.3 px, slanted) added to every pixel. */
function withMoire(img: RgbImage): RgbImage {
  const out = new Uint8Array(img.data);
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const v = 22 * Math.sin((2 * Math.PI * (x * Math.cos(0.6) + y * Math.sin(0.6))) / 3.3);
      for (let c = 0; c < 3; c++) {
        const o = (y * img.width + x) * 3 + c;
        out[o] = Math.max(0, Math.min(255, (out[o] as number) + v));
      }
    }
  return { ...img, data: out };
}

function greyscale(img: RgbImage): RgbImage {
  const out = new Uint8Array(img.data.length);
  for (let i = 0; i < img.width * img.height; i++) out.fill(0.299 * (img.data[i * 3] as number) + 0.587 * (img.data[i * 3 + 1] as number) + 0.114 * (img.data[i * 3 + 2] as number), i * 3, i * 3 + 3);
  return { ...img, data: out };
}

describe('liveness geometry', () => {
  const pts: Point[] = [
    { x: 100, y: 100 },
    { x: 160, y: 100 },
    { x: 130, y: 135 },
    { x: 108, y: 165 },
    { x: 152, y: 165 },
  ];
  it('an affine image of the landmarks (a tilted flat photo) leaves no affine residual, but a similarity cannot explain it', () => {
    const sheared = pts.map((p) => ({ x: 0.8 * p.x + 0.1 * p.y + 7, y: 0.05 * p.x + 1.1 * p.y - 3 }));
    assert.ok(affineResidual(pts, sheared) < 1e-9);
    assert.ok(similarityResidual(pts, sheared) > 2);
  });

  it('a nose moving against the eyes and mouth (a head turning) leaves an affine residual', () => {
    const turned = pts.map((p, i) => (i === 2 ? { x: p.x + 8, y: p.y } : p));
    assert.ok(affineResidual(pts, turned) > 2);
  });
});

describe('liveness signal on real photos', { skip }, () => {
  let detector: YunetDetector;
  let photos: { photo: RgbImage; face: FaceBox }[];
  const frames = async (images: RgbImage[]): Promise<LivenessFrame[]> => {
    const out: LivenessFrame[] = [];
    for (const image of images) {
      const face = (await detector.detect(image, 0.6)).sort((a, b) => b.box.width - a.box.width)[0];
      if (face) out.push({ image, face });
    }
    assert.equal(out.length, images.length, 'a face in every frame');
    return out;
  };
  /** One photo filling the view, moved and scaled rigidly (no edge visible). */
  const rigid = (photo: RgbImage, f: (img: RgbImage) => RgbImage = (i) => i) => [0, 1, 2, 3].map((i) => f(filledFrame(photo, 1.1 + i * 0.05, 10 + i * 8, 20 + i * 6)));

  before(async () => {
    detector = await YunetDetector.load(YUNET);
    photos = [];
    for (const f of (celebaIdentities()[30] as string[]).slice(0, 4)) {
      const photo = await loadPhoto(f);
      photos.push({ photo, face: await largestFace({ detect: (i) => detector.detect(i, 0.6) }, photo) });
    }
  });
  after(() => detector?.close());

  it('says nothing from one frame', async () => {
    const r = assessLiveness(await frames(rigid((photos[0] as { photo: RgbImage }).photo).slice(0, 1)));
    assert.equal(r.score, null);
    assert.equal(r.components.motion, null);
  });

  it('scores natural variation high and a rigidly moved photo low', async () => {
    const live = assessLiveness(await frames(photos.map((p, i) => filledFrame(p.photo, 1.15, 10 + i * 6, 20 + i * 4))));
    const still = assessLiveness(await frames(rigid((photos[0] as { photo: RgbImage }).photo)));
    assert.ok((live.score as number) >= 0.5, JSON.stringify(live));
    assert.ok((still.score as number) < 0.5, JSON.stringify(still));
    assert.ok((still.raw.appearanceChange as number) < (live.raw.appearanceChange as number));
  });

  it('texture cues lower the score: screen moiré, a greyscale print, and a photo edge moving with the face', async () => {
    const photo = (photos[0] as { photo: RgbImage }).photo;
    const clean = assessLiveness(await frames(rigid(photo)));
    const moire = assessLiveness(await frames(rigid(photo, withMoire)));
    assert.ok((moire.raw.moirePeak as number) > 20 && (clean.raw.moirePeak as number) < 10, `${moire.raw.moirePeak} vs ${clean.raw.moirePeak}`);
    assert.equal(moire.components.moire, 1);
    const grey = assessLiveness(await frames(rigid(photo, greyscale)));
    assert.equal(grey.components.colour, 1);
    assert.equal(clean.components.colour, 0);
    // Real variation shown on a screen (moiré) loses its high score.
    const liveOnScreen = assessLiveness(await frames(photos.map((p, i) => withMoire(filledFrame(p.photo, 1.15, 10 + i * 6, 20 + i * 4)))));
    assert.ok((liveOnScreen.score as number) < 0.5, JSON.stringify(liveOnScreen.components));
    // A held photo: its edges stay put relative to the face; without visible edges there is no border.
    const held = assessLiveness(await frames(walkingFrames(photos.map(() => photos[0] as { photo: RgbImage; face: FaceBox }))));
    assert.ok((held.components.border as number) >= 0.5, JSON.stringify(held.raw));
    assert.equal(clean.components.border, 0);
  });
});
