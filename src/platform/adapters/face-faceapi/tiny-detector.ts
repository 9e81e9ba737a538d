import type { DetectedFace, FaceDetectorPart, FiveLandmarks, ModelRef, Point, RgbImage } from '../../ports/face-engine';
import { faceApiVersion, loadFaceApi } from './tfjs-runtime';

/** Eye centres, nose tip and mouth corners from the 68-point (iBUG) layout, in ArcFace order. */
export function fiveFrom68(p: readonly Point[]): FiveLandmarks {
  const mean = (from: number, to: number): Point => {
    let x = 0;
    let y = 0;
    for (let i = from; i <= to; i++) {
      x += (p[i] as Point).x;
      y += (p[i] as Point).y;
    }
    return { x: x / (to - from + 1), y: y / (to - from + 1) };
  };
  // Plain {x, y} copies: face-api's points are class instances whose x/y are getters, which structured cloning
  // (results sent back from a worker thread) drops.
  const at = (i: number): Point => ({ x: (p[i] as Point).x, y: (p[i] as Point).y });
  return [mean(36, 41), mean(42, 47), at(30), at(48), at(54)];
}

/**
 * face-api's Tiny Face Detector followed by its 68-landmark net: the detector that ships in npm and so works with
 * nothing installed. Slower and weaker on masked faces than YuNet.
 */
export class TinyFaceDetector implements FaceDetectorPart {
  readonly defaultMinScore = 0.5;
  readonly model: ModelRef;

  private constructor(
    private readonly faceapi: Awaited<ReturnType<typeof loadFaceApi>>,
    private readonly inputSize: number,
  ) {
    this.model = { name: 'face-api TinyFaceDetector + 68 landmarks', version: faceApiVersion(), licence: 'MIT' };
  }

  static async load(inputSize = 416): Promise<TinyFaceDetector> {
    return new TinyFaceDetector(await loadFaceApi(), inputSize);
  }

  async detect(image: RgbImage, minScore: number): Promise<DetectedFace[]> {
    const { tf } = this.faceapi;
    const input = tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
    try {
      const options = new this.faceapi.TinyFaceDetectorOptions({ inputSize: this.inputSize, scoreThreshold: minScore });
      const found = await this.faceapi.detectAllFaces(input as never, options).withFaceLandmarks();
      return found.map((f) => ({
        box: { x: f.detection.box.x, y: f.detection.box.y, width: f.detection.box.width, height: f.detection.box.height },
        landmarks: fiveFrom68(f.landmarks.positions),
        score: f.detection.score,
      }));
    } finally {
      input.dispose();
    }
  }

  async close(): Promise<void> {}
}
