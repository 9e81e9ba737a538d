import * as ort from 'onnxruntime-node';
import { type FaceRecognizerPart, type FaceThresholds, type ModelRef, type RgbImage } from '../../ports/face-engine';
import { normalize } from '../../image/embedding';

/** How a 112×112 ArcFace-style ONNX recognizer wants its pixels: channel order and (value − mean) / std. */
export interface OnnxRecognizerSpec {
  model: ModelRef;
  channelOrder: 'rgb' | 'bgr';
  mean: number;
  std: number;
  embeddingSize: number;
  /** Operating point for this recognizer's cosine scale (see bench/RESULTS.md for how each was set). */
  thresholds: Omit<FaceThresholds, 'detection'>;
}

/**
 * OpenCV Zoo SFace (Apache-2.0): OpenCV's FaceRecognizerSF feeds it blobFromImage(aligned, 1, 112×112, 0, swapRB)
 * — RGB, raw 0–255 values.
 */
export const SFACE_SPEC: OnnxRecognizerSpec = {
  model: {
    name: 'SFace face_recognition_sface_2021dec',
    version: '2021dec',
    sha256: '0ba9fbfa01b5270c96627c4ef784da859931e02f04419c829e83484087c34e79',
    licence: 'Apache-2.0',
  },
  channelOrder: 'rgb',
  mean: 0,
  std: 1,
  embeddingSize: 128,
  // No copy of SFace could be obtained on this machine, so these are not measured here: `match` is OpenCV's published
  // cosine threshold for SFace (0.363); the auto-accept margins are set conservatively above it. Re-run
  // `npm run bench:faces -- --engine yunet-onnx` after `kycuong models install sface` and replace them.
  thresholds: { review: 0.3, match: 0.363, autoAccept: 0.5, autoAcceptMasked: 0.6, masked: 0.85 },
};

/**
 * Any 112×112 ArcFace-template recognizer exported to ONNX with one NCHW float input and one embedding output
 * (SFace, MobileFaceNet exports). Runs on one intra-op thread.
 */
export class OnnxRecognizer implements FaceRecognizerPart {
  readonly alignment = { size: 112, zoom: 1 };
  readonly model: ModelRef;
  readonly embeddingSize: number;

  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly spec: OnnxRecognizerSpec,
  ) {
    this.model = spec.model;
    this.embeddingSize = spec.embeddingSize;
  }

  static async load(modelPath: string, spec: OnnxRecognizerSpec): Promise<OnnxRecognizer> {
    const session = await ort.InferenceSession.create(modelPath, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
    return new OnnxRecognizer(session, spec);
  }

  async embed(aligned: RgbImage): Promise<Float32Array> {
    if (aligned.width !== 112 || aligned.height !== 112) throw new Error('OnnxRecognizer needs a 112×112 aligned crop');
    const plane = 112 * 112;
    // A fresh buffer per call: session.run is asynchronous, so a shared buffer could be overwritten mid-inference.
    const input = new Float32Array(3 * plane);
    const { mean, std } = this.spec;
    const swap = this.spec.channelOrder === 'bgr';
    for (let i = 0; i < plane; i++) {
      const r = aligned.data[i * 3] as number;
      const g = aligned.data[i * 3 + 1] as number;
      const b = aligned.data[i * 3 + 2] as number;
      input[i] = ((swap ? b : r) - mean) / std;
      input[plane + i] = (g - mean) / std;
      input[2 * plane + i] = ((swap ? r : b) - mean) / std;
    }
    const inputName = this.session.inputNames[0] as string;
    const out = await this.session.run({ [inputName]: new ort.Tensor('float32', input, [1, 3, 112, 112]) });
    const tensor = out[this.session.outputNames[0] as string];
    return normalize(Float32Array.from(tensor?.data as Float32Array));
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}
