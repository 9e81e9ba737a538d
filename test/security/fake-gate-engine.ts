import type { DetectedFace, FaceDescription, FaceEngine, FaceEngineMeta, RgbImage } from '../../src/platform/ports/face-engine';

/**
 * A face engine without models for tests of what the gate pipeline stores (snapshots, enrollment crops, punches), not
 * of recognition: every frame holds one upright, sharp face in the same place, and its embedding is whatever the
 * test says the person passing is (`passing`). Recognition itself is tested with the real engines elsewhere.
 */
export const FAKE_EMBEDDING_SIZE = 16;

/** A unit vector along one axis: two different axes are two people with similarity 0. */
export function identity(axis: number): Float32Array {
  const v = new Float32Array(FAKE_EMBEDDING_SIZE);
  v[axis] = 1;
  return v;
}

/** Random pixels: plenty of edges, so the enrollment sharpness check passes. */
export function noiseImage(width: number, height: number, seed = 1): RgbImage {
  const data = new Uint8Array(width * height * 3);
  let s = seed;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    data[i] = s >> 23;
  }
  return { width, height, data };
}

const FACE: DetectedFace = {
  box: { x: 270, y: 180, width: 100, height: 120 },
  // Eyes level and 50 px apart, nose on their midline: a frontal face the quality checks accept.
  landmarks: [
    { x: 295, y: 220 },
    { x: 345, y: 220 },
    { x: 320, y: 245 },
    { x: 300, y: 270 },
    { x: 340, y: 270 },
  ],
  score: 0.99,
};

export class FakeGateEngine implements FaceEngine {
  passing: Float32Array = identity(0);
  readonly meta: FaceEngineMeta = {
    engine: 'fake-test',
    detector: { name: 'fake-detector', version: '1', licence: 'test' },
    recognizer: { name: 'fake-recognizer', version: '1', licence: 'test' },
    embeddingSize: FAKE_EMBEDDING_SIZE,
    alignment: { size: 112, zoom: 1 },
    thresholds: { detection: 0.5, match: 0.5, review: 0.4, autoAccept: 0.6, autoAcceptMasked: 0.7, masked: 0.5 },
  };

  async detect(): Promise<DetectedFace[]> {
    return [FACE];
  }

  align(): RgbImage {
    return noiseImage(112, 112, 7);
  }

  async embed(): Promise<Float32Array> {
    return this.passing;
  }

  async describe(): Promise<FaceDescription> {
    return { embedding: this.passing, upperEmbedding: this.passing, maskedness: 0 };
  }

  async close(): Promise<void> {}
}
