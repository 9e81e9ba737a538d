import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DetectedFace, FaceDetectorPart, FaceRecognizerPart, FiveLandmarks, RgbImage } from '../../ports/face-engine';
import { normalize } from '../../image/embedding';
import { ComposedFaceEngine, type MaskedMirror } from './engine';

const LANDMARKS: FiveLandmarks = [
  { x: 70, y: 80 },
  { x: 130, y: 80 },
  { x: 100, y: 110 },
  { x: 75, y: 140 },
  { x: 125, y: 140 },
];
const FACE: DetectedFace = { box: { x: 40, y: 40, width: 120, height: 140 }, landmarks: LANDMARKS, score: 0.9 };

/** A grey frame brighter to the right: a crop and its mirror image differ only in that slope's sign. */
const frame: RgbImage = {
  width: 200,
  height: 200,
  data: Uint8Array.from({ length: 200 * 200 * 3 }, (_, i) => 60 + Math.floor(((i / 3) % 200) * 0.6)),
};

const detector: FaceDetectorPart = {
  model: { name: 'fake detector', version: '0', licence: 'test' },
  defaultMinScore: 0.5,
  detect: async () => [FACE],
  refineLandmarks: async () => LANDMARKS,
  close: async () => {},
};

/**
 * Embedding = normalised (10, left–right brightness slope): every crop of the frame looks alike (so the face is
 * judged masked), and a crop averaged with its mirror has no slope left.
 */
function fakeRecognizer(batches: number[]): FaceRecognizerPart {
  const embed = (crop: RgbImage) => {
    let slope = 0;
    for (let y = 0; y < crop.height; y++) {
      for (let x = 0; x < crop.width; x++) slope += ((crop.data[(y * crop.width + x) * 3] as number) * (x - (crop.width - 1) / 2)) / crop.width;
    }
    return normalize(Float32Array.from([10, slope / (crop.width * crop.height * 10)]));
  };
  return {
    model: { name: 'fake recognizer', version: '0', licence: 'test' },
    embeddingSize: 2,
    alignment: { size: 32, zoom: 1 },
    embed: async (crop) => embed(crop),
    embedBatch: async (crops) => {
      batches.push(crops.length);
      return crops.map(embed);
    },
    close: async () => {},
  };
}

const thresholds = { detection: 0.5, review: 0.5, match: 0.6, autoAccept: 0.7, autoAcceptMasked: 0.8, masked: 0.9 };

async function describeWith(maskedMirror?: MaskedMirror) {
  const batches: number[] = [];
  const engine = new ComposedFaceEngine('fake', detector, fakeRecognizer(batches), thresholds, {
    refineMasked: true,
    ...(maskedMirror ? { maskedMirror } : {}),
  });
  const d = await engine.describe(frame, FACE);
  return { d, batches };
}

describe('masked faces: which crops are mirror-averaged', () => {
  // Slopes left after averaging, against those of the crops as they are (the template is not exactly symmetric,
  // so a crop and its mirror do not cancel to zero).
  const slope = (v: Float32Array) => Math.abs(v[1] as number);

  it('none: two crops after refinement, nothing averaged; full / upper: three, that crop averaged; both (default): four', async () => {
    const none = await describeWith('none');
    assert.ok(none.d.maskedness >= thresholds.masked, 'judged masked');
    assert.equal(none.batches.at(-1), 2);
    assert.ok(slope(none.d.embedding) > 0.01 && slope(none.d.upperEmbedding) > 0.01);

    const full = await describeWith('full');
    assert.equal(full.batches.at(-1), 3);
    assert.ok(slope(full.d.embedding) < slope(none.d.embedding) / 5, `full ${slope(full.d.embedding)}`);
    assert.equal(slope(full.d.upperEmbedding), slope(none.d.upperEmbedding));

    const upper = await describeWith('upper');
    assert.equal(upper.batches.at(-1), 3);
    assert.equal(slope(upper.d.embedding), slope(none.d.embedding));
    assert.ok(slope(upper.d.upperEmbedding) < slope(none.d.upperEmbedding) / 5, `upper ${slope(upper.d.upperEmbedding)}`);

    const both = await describeWith();
    assert.equal(both.batches.at(-1), 4);
    assert.equal(slope(both.d.embedding), slope(full.d.embedding));
    assert.ok(slope(both.d.upperEmbedding) < slope(none.d.upperEmbedding) / 5, `upper ${slope(both.d.upperEmbedding)}`);
  });
});
