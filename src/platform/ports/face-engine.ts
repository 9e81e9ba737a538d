/**
 * Face engine port: what recognition code needs from a face model, whichever model is behind it.
 *
 * Pipeline per frame: detect (boxes + 5 landmarks + score) → align (5-point similarity to the 112×112 ArcFace
 * template) → embed (unit-length vector) → match by cosine similarity. The maskedness signal says whether the lower
 * face looks covered, so callers can route masked probes to fused full/upper-face scoring.
 * Every decision stores `meta` (model names, versions, thresholds) next to it, so a sighting can always be traced
 * to the exact model and thresholds that produced it.
 */

/** 8-bit RGB pixels, row-major, 3 bytes per pixel, no padding. */
export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface Point {
  x: number;
  y: number;
}

export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Landmarks in ArcFace order, named from the subject's point of view as OpenCV does:
 * [right eye, left eye, nose tip, right mouth corner, left mouth corner] — the subject's right eye is on the image's left.
 */
export type FiveLandmarks = [Point, Point, Point, Point, Point];

export interface DetectedFace {
  box: FaceBox;
  landmarks: FiveLandmarks;
  /** Detector confidence in [0, 1]. */
  score: number;
}

export interface ModelRef {
  name: string;
  version: string;
  /** SHA-256 of the weights file when it is a single file we verified; absent for weights shipped inside an npm package. */
  sha256?: string;
  licence: string;
}

export interface FaceThresholds {
  /** Minimum detector score to keep a face. */
  detection: number;
  /** Cosine similarity at or above which a probe is the same person as a template (chosen for FAR ≤ 1e-3). */
  match: number;
  /**
   * Below `match`, passes scoring at least this go to a human reviewer instead of being dropped as unknown
   * (set where about 5 % of strangers would reach it: bounded reviewer work, no automatic punch).
   */
  review: number;
  /** Similarity at or above which a gate pass punches without a human (stricter than `match`). */
  autoAccept: number;
  /** The same for passes judged masked: masked faces confuse people more often, so this is usually higher. */
  autoAcceptMasked: number;
  /** Maskedness at or above which a face is treated as masked (fused full/upper-face scoring). */
  masked: number;
}

export interface FaceEngineMeta {
  /** Short engine id, e.g. "faceapi-dlib" or "yunet+sface". */
  engine: string;
  detector: ModelRef;
  recognizer: ModelRef;
  embeddingSize: number;
  /** Recognizer input side and framing relative to the ArcFace template (1 = ArcFace 112×112 framing). */
  /** `template`: the recognizer's own 5-point template (fractions of the crop side) when it is not a framing of ArcFace's. */
  alignment: { size: number; zoom: number; centerY?: number; template?: readonly Point[] };
  thresholds: FaceThresholds;
}

/** Embeddings of one face: full face, lower face blanked, and how masked the face looks (0 = bare, 1 = covered). */
export interface FaceDescription {
  embedding: Float32Array;
  upperEmbedding: Float32Array;
  maskedness: number;
}

export interface DetectOptions {
  /** Overrides thresholds.detection for this call (e.g. a lower threshold on masked faces at the gate). */
  minScore?: number;
  /** Ignore faces whose box is narrower than this many pixels. */
  minFaceWidth?: number;
}

export interface FaceEngine {
  readonly meta: FaceEngineMeta;
  detect(image: RgbImage, options?: DetectOptions): Promise<DetectedFace[]>;
  /** Aligned crop for this engine's recognizer: the ArcFace 5-point template scaled to the recognizer's input size. */
  align(image: RgbImage, face: DetectedFace): RgbImage;
  /** Unit-length embedding of an aligned crop. */
  embed(aligned: RgbImage): Promise<Float32Array>;
  /** Full and upper-face embeddings plus the maskedness signal, from one detected face. */
  describe(image: RgbImage, face: DetectedFace): Promise<FaceDescription>;
  close(): Promise<void>;
}

/** The two model parts an engine is made of; adapters implement these and a composer turns them into a FaceEngine. */
export interface FaceDetectorPart {
  readonly model: ModelRef;
  /** Detector score threshold that suits this model (YuNet's scores run lower on masked faces than on bare ones). */
  readonly defaultMinScore: number;
  detect(image: RgbImage, minScore: number): Promise<DetectedFace[]>;
  /**
   * Optional (added later; callers must not rely on it): landmarks re-estimated more carefully and more slowly, for
   * faces whose lower half is covered, where a detector's single-pass landmarks scatter.
   */
  refineLandmarks?(image: RgbImage, face: DetectedFace): Promise<FiveLandmarks>;
  close(): Promise<void>;
}

export interface FaceRecognizerPart {
  readonly model: ModelRef;
  readonly embeddingSize: number;
  /** Input side in pixels and framing relative to the ArcFace template. */
  readonly alignment: { size: number; zoom: number; centerY?: number; template?: readonly Point[] };
  /** Unit-length embedding of an aligned crop of `alignment.size` pixels. */
  embed(aligned: RgbImage): Promise<Float32Array>;
  /** Optional (added later): several crops in one inference run, same results as `embed` one by one. */
  embedBatch?(aligned: readonly RgbImage[]): Promise<Float32Array[]>;
  close(): Promise<void>;
}

/** The app's running face engine: a FaceEngine whose inference runs off the event loop, on `threads` workers. */
export interface RunningFaceEngine extends FaceEngine {
  readonly threads: number;
}

/**
 * The face engine as the app context holds it: started on the first `get()` (its models load only when something
 * needs them — a gate camera's first frame, an enrollment), shared by every caller, closed by `close()` (a later
 * `get()` starts it again).
 */
export interface FaceEngineProvider {
  get(): Promise<RunningFaceEngine>;
  close(): Promise<void>;
}
