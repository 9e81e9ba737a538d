import { type FaceRecognizerPart, type ModelRef, type RgbImage } from '../../ports/face-engine';
import { faceApiVersion, loadFaceApi } from './tfjs-runtime';
import { normalize } from '../../image/embedding';

/**
 * dlib's ResNet-34 face descriptor (128-d) as shipped in @vladmandic/face-api: the strongest recognizer found that
 * ships inside an npm package, so it works offline with nothing to install.
 * Input: a 150×150 chip. dlib was trained on looser chips than ArcFace's framing, hence zoom < 1 (tuned by the bench).
 */
export class DlibRecognizer implements FaceRecognizerPart {
  readonly embeddingSize = 128;
  readonly alignment: { size: number; zoom: number; centerY: number };
  readonly model: ModelRef;

  private constructor(
    private readonly faceapi: Awaited<ReturnType<typeof loadFaceApi>>,
    zoom: number,
  ) {
    this.alignment = { size: 150, zoom, centerY: DLIB_CENTER_Y };
    this.model = { name: 'dlib ResNet-34 descriptor (@vladmandic/face-api)', version: faceApiVersion(), licence: 'MIT (face-api), CC0 (dlib model)' };
  }

  static async load(zoom = DLIB_DEFAULT_ZOOM): Promise<DlibRecognizer> {
    return new DlibRecognizer(await loadFaceApi(), zoom);
  }

  async embed(aligned: RgbImage): Promise<Float32Array> {
    const tf = this.faceapi.tf;
    const input = tf.tensor3d(Float32Array.from(aligned.data), [aligned.height, aligned.width, 3], 'float32');
    try {
      const d = await this.faceapi.nets.faceRecognitionNet.computeFaceDescriptor(input as never);
      return normalize(Float32Array.from(Array.isArray(d) ? (d[0] as Float32Array) : d));
    } finally {
      input.dispose();
    }
  }

  async close(): Promise<void> {}
}

/**
 * face-api feeds this net a square around eyes and mouth (side = eye–mouth distance / 0.45, centred 0.43 of the side
 * below the eyes/mouth centroid), resized to 150. In ArcFace-template units that is zoom ≈ 1.14 and centre row ≈ 72;
 * ArcFace's own framing (zoom ≤ 1, centre 56) made same/different cosines overlap badly (see bench/RESULTS.md).
 */
export const DLIB_DEFAULT_ZOOM = 1.14;
export const DLIB_CENTER_Y = 72;
