import type {
  DetectedFace,
  DetectOptions,
  FaceDescription,
  FaceDetectorPart,
  FaceEngine,
  FaceEngineMeta,
  FaceRecognizerPart,
  FaceThresholds,
  RgbImage,
} from '../../ports/face-engine';
import { cosine } from '../../ports/face-engine';
import { alignFace } from './align';
import { blankLowerFace } from './mask';

/** Scales a vector to unit length in place (an all-zero vector stays zero). */
export function normalize(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] as number) * (v[i] as number);
  const n = Math.sqrt(s);
  if (n > 0) for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / n;
  return v;
}

export interface ComposeOptions {
  /**
   * For faces that look masked (maskedness ≥ thresholds.masked), re-estimate the landmarks with the detector's
   * `refineLandmarks` and embed the re-aligned face (see YunetDetector.refineLandmarks for the measurements).
   */
  refineMasked?: boolean;
}

/** A detector and a recognizer from any adapters, with the alignment, upper-face and maskedness logic shared. */
export class ComposedFaceEngine implements FaceEngine {
  readonly meta: FaceEngineMeta;

  constructor(
    engine: string,
    private readonly detector: FaceDetectorPart,
    private readonly recognizer: FaceRecognizerPart,
    thresholds: FaceThresholds,
    private readonly options: ComposeOptions = {},
  ) {
    this.meta = {
      engine,
      detector: detector.model,
      recognizer: recognizer.model,
      embeddingSize: recognizer.embeddingSize,
      alignment: recognizer.alignment,
      thresholds,
    };
  }

  async detect(image: RgbImage, options: DetectOptions = {}): Promise<DetectedFace[]> {
    const faces = await this.detector.detect(image, options.minScore ?? this.meta.thresholds.detection);
    const minWidth = options.minFaceWidth ?? 0;
    return faces.filter((f) => f.box.width >= minWidth);
  }

  align(image: RgbImage, face: DetectedFace): RgbImage {
    return alignFace(image, face.landmarks, this.recognizer.alignment);
  }

  embed(aligned: RgbImage): Promise<Float32Array> {
    return this.recognizer.embed(aligned);
  }

  async describe(image: RgbImage, face: DetectedFace): Promise<FaceDescription> {
    const first = await this.embedFullAndUpper(alignFace(image, face.landmarks, this.recognizer.alignment));
    // A bare face changes a lot when its lower half is blanked; a masked one hardly changes.
    const maskedness = Math.min(1, Math.max(0, cosine(first.embedding, first.upperEmbedding)));
    if (!this.options.refineMasked || !this.detector.refineLandmarks || maskedness < this.meta.thresholds.masked) {
      return { ...first, maskedness };
    }
    const landmarks = await this.detector.refineLandmarks(image, face);
    return { ...(await this.embedFullAndUpper(alignFace(image, landmarks, this.recognizer.alignment))), maskedness };
  }

  /** Full-face and lower-face-blanked embeddings, in one inference run when the recognizer batches. */
  private async embedFullAndUpper(aligned: RgbImage): Promise<{ embedding: Float32Array; upperEmbedding: Float32Array }> {
    const upper = blankLowerFace(aligned, this.recognizer.alignment);
    if (this.recognizer.embedBatch) {
      const [embedding, upperEmbedding] = (await this.recognizer.embedBatch([aligned, upper])) as [Float32Array, Float32Array];
      return { embedding, upperEmbedding };
    }
    return { embedding: await this.recognizer.embed(aligned), upperEmbedding: await this.recognizer.embed(upper) };
  }

  async close(): Promise<void> {
    await this.detector.close();
    await this.recognizer.close();
  }
}
