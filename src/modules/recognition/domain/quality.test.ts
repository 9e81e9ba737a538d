import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DetectedFace, RgbImage } from '../../../platform/ports/face-engine';
import { checkEnrollmentQuality, laplacianVariance, QUALITY_MESSAGES } from './quality';

const face = (points: [number, number][], width = 120): DetectedFace => ({
  box: { x: 0, y: 0, width, height: width * 1.2 },
  score: 0.9,
  landmarks: points.map(([x, y]) => ({ x, y })) as DetectedFace['landmarks'],
});
const frontal = face([
  [100, 100],
  [160, 100],
  [130, 135],
  [108, 165],
  [152, 165],
]);
const checker = (size: number, cell: number): RgbImage => {
  const data = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) data.fill(((x / cell) ^ (y / cell)) & 1 ? 255 : 0, (y * size + x) * 3, (y * size + x) * 3 + 3);
  return { width: size, height: size, data };
};
const flat: RgbImage = { width: 112, height: 112, data: new Uint8Array(112 * 112 * 3).fill(128) };

describe('enrollment quality', () => {
  it('accepts a sharp frontal face', () => {
    const r = checkEnrollmentQuality([frontal], checker(112, 4));
    assert.deepEqual(r.issues, []);
    assert.equal(r.ok, true);
  });

  it('names each problem with a code that has Vietnamese and English text', () => {
    assert.deepEqual(checkEnrollmentQuality([], undefined).issues, ['NO_FACE']);
    assert.deepEqual(checkEnrollmentQuality([frontal, frontal], undefined).issues, ['MANY_FACES']);
    assert.deepEqual(checkEnrollmentQuality([frontal], flat).issues, ['BLURRY']);
    const small = face([[10, 10], [25, 10], [17, 20], [12, 28], [23, 28]]);
    assert.ok(checkEnrollmentQuality([small], checker(112, 4)).issues.includes('FACE_TOO_SMALL'));
    const turned = face([[100, 100], [160, 100], [158, 135], [120, 165], [160, 165]]);
    assert.ok(checkEnrollmentQuality([turned], checker(112, 4)).issues.includes('POSE_TURNED'));
    const tilted = face([[100, 100], [150, 140], [115, 150], [90, 160], [120, 185]]);
    assert.ok(checkEnrollmentQuality([tilted], checker(112, 4)).issues.includes('POSE_TILTED'));
    for (const m of Object.values(QUALITY_MESSAGES)) assert.ok(m.vi.length > 0 && m.en.length > 0);
  });

  it('measures sharpness as Laplacian variance', () => {
    assert.equal(laplacianVariance(flat), 0);
    assert.ok(laplacianVariance(checker(64, 2)) > laplacianVariance(checker(64, 16)));
  });
});
