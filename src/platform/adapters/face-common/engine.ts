import type {
  DetectedFace,
  DetectOptions,
  FaceDescription,
  FaceDetectorPart,
  FaceEngine,
  FaceEngineMeta,
  FaceRecognizerPart,
  FaceThresholds,
  FiveLandmarks,
  RgbImage,
} from '../../ports/face-engine';
import { cosine, meanEmbedding } from '../../image/embedding';
import { alignFace, mirrorRgb } from '../../image/align';
import { blankLowerFace, lowerFaceColourCue, MASK_COLOUR_BONUS } from '../../image/mask';

export interface ComposeOptions {
  /**
   * For faces that look masked (maskedness ≥ thresholds.masked), re-estimate the landmarks with the detector's
   * `refineLandmarks` and embed the re-aligned face (see YunetDetector.refineLandmarks for the measurements).
   */
  refineMasked?: boolean;
  /**
   * Raise maskedness by MASK_COLOUR_BONUS when the lower face's colour says "covered" (see lowerFaceColourCue): real
   * masks often change the embedding less than the drawn ones the threshold was set on. The bonus is on the dlib
   * cosine scale, so only for engines calibrated with it.
   */
  colourCue?: boolean;
  /** The bonus on this engine's cosine scale (MASK_COLOUR_BONUS_BY_ENGINE); default the dlib MASK_COLOUR_BONUS. */
  colourBonus?: number;
  /**
   * Which crops of a masked-looking face are averaged with their mirror image: 'both' (default: full and upper face,
   * four crops in one run), 'full' or 'upper' (three crops; the full face carries 1 − UPPER_FACE_WEIGHT of a masked
   * probe's score), 'none' (two crops). Each crop costs one network run, so this is the masked path's main cost.
   */
  maskedMirror?: MaskedMirror;
}

export type MaskedMirror = 'both' | 'full' | 'upper' | 'none';

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

  /**
   * Bare-looking faces: one inference run (full + upper face) on the detector's landmarks.
   * Masked-looking faces (with `refineMasked`): landmarks re-located, then full and upper face embedded together with
   * their mirror images (those `maskedMirror` names) and averaged (flip test-time augmentation). On bench/faces' masked probes the refinement gave
   * about +5 and the mirror averaging about +2 points of rank-1; neither is used for bare faces, where the refinement
   * cost about 1 point. When the colour cue already says "covered", the first run is skipped and maskedness is judged
   * on the refined crop (saves one inference run per masked face).
   */
  async describe(image: RgbImage, face: DetectedFace): Promise<FaceDescription> {
    const spec = this.recognizer.alignment;
    const aligned = alignFace(image, face.landmarks, spec);
    const bonus = this.options.colourCue && lowerFaceColourCue(aligned, spec) ? (this.options.colourBonus ?? MASK_COLOUR_BONUS) : 0;
    const refine = this.options.refineMasked ? this.detector.refineLandmarks?.bind(this.detector) : undefined;
    if (refine && bonus > 0) return this.describeMasked(image, await refine(image, face), bonus);
    const [embedding, upperEmbedding] = (await this.embedMany([aligned, blankLowerFace(aligned, spec)])) as [Float32Array, Float32Array];
    const maskedness = this.maskedness(embedding, upperEmbedding, bonus);
    if (!refine || maskedness < this.meta.thresholds.masked) return { embedding, upperEmbedding, maskedness };
    return this.describeMasked(image, await refine(image, face), bonus, maskedness);
  }

  private maskedness(full: Float32Array, upper: Float32Array, bonus: number): number {
    // A bare face changes a lot when its lower half is blanked; a masked one hardly changes.
    return Math.min(1, Math.max(0, cosine(full, upper) + bonus));
  }

  private async describeMasked(image: RgbImage, landmarks: FiveLandmarks, bonus: number, known?: number): Promise<FaceDescription> {
    const spec = this.recognizer.alignment;
    const crop = alignFace(image, landmarks, spec);
    const upper = blankLowerFace(crop, spec);
    const mirror = this.options.maskedMirror ?? 'both';
    const withFull = mirror === 'both' || mirror === 'full';
    const withUpper = mirror === 'both' || mirror === 'upper';
    const crops = [crop, upper, ...(withFull ? [mirrorRgb(crop)] : []), ...(withUpper ? [mirrorRgb(upper)] : [])];
    const [full, up, ...mirrored] = (await this.embedMany(crops)) as [Float32Array, Float32Array, ...Float32Array[]];
    const fullMirror = withFull ? mirrored[0] : undefined;
    const upMirror = withUpper ? mirrored.at(-1) : undefined;
    const maskedness = known ?? this.maskedness(full, up, bonus);
    // Judged bare after all (colour cue without the embedding agreeing): no mirror averaging, as for bare faces.
    if (maskedness < this.meta.thresholds.masked) return { embedding: full, upperEmbedding: up, maskedness };
    return {
      embedding: fullMirror ? meanEmbedding([full, fullMirror]) : full,
      upperEmbedding: upMirror ? meanEmbedding([up, upMirror]) : up,
      maskedness,
    };
  }

  /** Embeddings of several crops, in one inference run when the recognizer batches. */
  private async embedMany(crops: RgbImage[]): Promise<Float32Array[]> {
    if (this.recognizer.embedBatch) return this.recognizer.embedBatch(crops);
    const out: Float32Array[] = [];
    for (const c of crops) out.push(await this.recognizer.embed(c));
    return out;
  }

  async close(): Promise<void> {
    await this.detector.close();
    await this.recognizer.close();
  }
}
