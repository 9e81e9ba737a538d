import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import type { FaceRecognizerPart, ModelRef, RgbImage } from '../../ports/face-engine';
import type { AlignSpec } from '../../image/align';
import { normalize } from '../../image/embedding';
import { InputBuffers } from '../face-onnx/input-buffers';
import { encodeIrModel, irToOnnxGraph } from './ir-onnx-graph';
import { parseIrXml } from './ir-reader';

/** Intel's file names (Open Model Zoo, FP16 IR v5) as the operator copies them into the models folder. */
export const INTEL_REID_FILES = {
  xml: 'face-reidentification-retail-0095.FP16.xml',
  bin: 'face-reidentification-retail-0095.FP16.bin',
} as const;

/** SHA-256 of Intel's published FP16 weights (Open Model Zoo models/intel/face-reidentification-retail-0095/model.yml). */
export const INTEL_REID_BIN_SHA256 = '3289078133e40e4263f682ded2a26a500905abb0fd7b943f41ca8037a4f3fe21';

export const INTEL_INPUT = 128;

/** Bump when ir-onnx-graph.ts changes what it writes, so a cached conversion from an older converter is not reused. */
const CONVERTER_VERSION = 2;

/**
 * Intel's own five-point template for this model (README of the model, normalised to the 128×128 crop). It is not a
 * framing of the ArcFace template (eye distance / eye–mouth height 1.01 against ArcFace's 0.87), so it is given
 * explicitly; zoom and centerY are the nearest ArcFace framing (least squares), for reports only.
 */
export const INTEL_ALIGN: AlignSpec = {
  size: INTEL_INPUT,
  zoom: 1.064,
  centerY: 57,
  template: [
    { x: 0.31557, y: 0.46157 },
    { x: 0.68262, y: 0.46157 },
    { x: 0.50026, y: 0.64051 },
    { x: 0.34947, y: 0.82469 },
    { x: 0.65344, y: 0.82469 },
  ],
};

/** File name of the converted model in the models folder (tied to the weights' hash and the converter version). */
export function intelOnnxFileName(binSha256: string): string {
  return `face-reidentification-retail-0095-${binSha256.slice(0, 12)}-c${CONVERTER_VERSION}-fp32.onnx`;
}

export interface IntelOnnx {
  bytes: Uint8Array;
  /** SHA-256 of the `.bin` the conversion came from. */
  binSha256: string;
  /** Where the converted model is cached (undefined when the folder is not writable). */
  file?: string;
}

/** Converts Intel's IR (topology text + weight bytes) to ONNX model bytes; throws on anything the converter does not know. */
export function convertIntelIr(xml: string, bin: Uint8Array, binSha256: string): Uint8Array {
  return encodeIrModel(
    irToOnnxGraph(parseIrXml(xml), bin),
    `Intel Open Model Zoo face-reidentification-retail-0095 (Apache-2.0), FP16 IR v5 weights sha256 ${binSha256}`,
  );
}

/** Writes through a temporary file + rename, so a concurrent reader or a crash never sees a half-written file. */
export function writeAtomically(file: string, bytes: Uint8Array): void {
  const temp = `${file}.part-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temp, bytes);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * The converted model for the IR in `modelsDir`: read from the cache when the install or an earlier start left it
 * there, else converted (about 0.1 s) and cached next to the IR. An unwritable folder keeps the bytes in memory.
 */
export function intelOnnxBytes(modelsDir: string): IntelOnnx {
  const bin = readFileSync(path.join(modelsDir, INTEL_REID_FILES.bin));
  const binSha256 = createHash('sha256').update(bin).digest('hex');
  const file = path.join(modelsDir, intelOnnxFileName(binSha256));
  try {
    return { bytes: readFileSync(file), binSha256, file };
  } catch {
    // not converted yet
  }
  const bytes = convertIntelIr(readFileSync(path.join(modelsDir, INTEL_REID_FILES.xml), 'utf8'), bin, binSha256);
  try {
    writeAtomically(file, bytes);
    return { bytes, binSha256, file };
  } catch {
    return { bytes, binSha256 };
  }
}

/**
 * Intel's face-reidentification-retail-0095 (MobileNetV2 with squeeze-excitation blocks, 256-d) converted from its
 * OpenVINO IR to ONNX and run by onnxruntime on one intra-op thread. Input: 128×128 crops aligned to Intel's template,
 * fed BGR 0–255 (the network's first layer normalises). Several crops (full + upper face, mirrors) go in one run.
 */
export class IntelReidRecognizer implements FaceRecognizerPart {
  readonly embeddingSize = 256;
  readonly alignment = INTEL_ALIGN;
  readonly model: ModelRef;
  private readonly buffers = new InputBuffers();

  private constructor(
    private readonly session: ort.InferenceSession,
    binSha256: string,
  ) {
    this.model = {
      name: 'Intel face-reidentification-retail-0095 (OpenVINO IR → ONNX Runtime)',
      version: `2019R3-fp16+onnx${CONVERTER_VERSION}-fp32`,
      sha256: binSha256,
      licence: 'Apache-2.0 (Intel Open Model Zoo)',
    };
  }

  static async load(modelsDir: string): Promise<IntelReidRecognizer> {
    const { bytes, binSha256 } = intelOnnxBytes(modelsDir);
    const session = await ort.InferenceSession.create(bytes, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
    return new IntelReidRecognizer(session, binSha256);
  }

  async embed(aligned: RgbImage): Promise<Float32Array> {
    return (await this.embedBatch([aligned]))[0] as Float32Array;
  }

  async embedBatch(crops: readonly RgbImage[]): Promise<Float32Array[]> {
    if (crops.length === 0) return [];
    const shape = [crops.length, 3, INTEL_INPUT, INTEL_INPUT];
    const out = await this.buffers.with(crops.length * 3 * INTEL_INPUT * INTEL_INPUT, (buffer) =>
      this.session.run({ input: new ort.Tensor('float32', bgrPlanarInput(crops, buffer), shape) }),
    );
    const all = out.embedding?.data as Float32Array;
    return crops.map((_, k) => normalize(all.slice(k * this.embeddingSize, (k + 1) * this.embeddingSize)));
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}

/**
 * 128×128 RGB crops as the network's N×3×128×128 planar BGR float input (0–255), every element written (so `into`
 * may be a reused buffer; it must not be one a pending session.run still reads).
 */
export function bgrPlanarInput(crops: readonly RgbImage[], into?: Float32Array): Float32Array {
  const plane = INTEL_INPUT * INTEL_INPUT;
  const input = into ?? new Float32Array(crops.length * 3 * plane);
  if (input.length !== crops.length * 3 * plane) throw new Error(`Intel input buffer of ${input.length} floats for ${crops.length} crops`);
  crops.forEach((crop, k) => {
    if (crop.width !== INTEL_INPUT || crop.height !== INTEL_INPUT) throw new Error(`Intel re-identification needs ${INTEL_INPUT}×${INTEL_INPUT} crops`);
    const base = k * 3 * plane;
    const d = crop.data;
    for (let i = 0; i < plane; i++) {
      input[base + i] = d[i * 3 + 2] as number;
      input[base + plane + i] = d[i * 3 + 1] as number;
      input[base + 2 * plane + i] = d[i * 3] as number;
    }
  });
  return input;
}
