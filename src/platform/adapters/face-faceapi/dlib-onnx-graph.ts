import { readFileSync } from 'node:fs';
import path from 'node:path';
import { encodeOnnxModel, type OnnxGraph, type OnnxInitializer, type OnnxNode } from '../face-onnx/onnx-proto';

/**
 * Builds an ONNX graph of face-api's FaceRecognitionNet (dlib's ResNet-34 face descriptor) from the weights that ship
 * in the npm package, so the same network runs on onnxruntime's native CPU kernels instead of TensorFlow.js WASM.
 * The layer sequence mirrors node_modules/@vladmandic/face-api/src/faceRecognitionNet/*.ts exactly:
 *   conv = conv2d → + bias → × scale.weights + scale.biases (→ relu); residual adds the input; residualDown adds a
 *   2×2 average-pooled input, zero-padded in channels, and zero-pads the branch by one row/column where its spatial
 *   size is one smaller.
 * Two exact rewrites make it cheaper without changing the maths: each conv's bias and per-channel affine "scale"
 * are folded into its filters and bias, and the input normalisation ((rgb − mean) / 255) is folded into the first
 * conv (its padding is "valid", so no border pixel sees a padded zero).
 * Graph input "input": N×3×150×150 float, planar RGB 0–255; output "descriptor": N×128 (not normalised).
 */

interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
  quantization?: { dtype: 'uint8'; scale: number; min: number };
}

export interface Weight {
  shape: number[];
  values: Float32Array;
}

/** The npm package's weights as float32 arrays by name (uint8-quantized entries dequantized as TF.js does). */
export function readFaceApiWeights(modelDir: string, model = 'face_recognition_model'): Map<string, Weight> {
  const manifest = JSON.parse(readFileSync(path.join(modelDir, `${model}-weights_manifest.json`), 'utf8')) as {
    paths: string[];
    weights: WeightSpec[];
  }[];
  const out = new Map<string, Weight>();
  for (const group of manifest) {
    const bin = Buffer.concat(group.paths.map((p) => readFileSync(path.join(modelDir, p))));
    let offset = 0;
    for (const w of group.weights) {
      const size = w.shape.reduce((a, b) => a * b, 1);
      const values = new Float32Array(size);
      if (w.quantization) {
        const { scale, min } = w.quantization;
        for (let i = 0; i < size; i++) values[i] = (bin[offset + i] as number) * scale + min;
        offset += size;
      } else {
        values.set(new Float32Array(bin.buffer.slice(bin.byteOffset + offset, bin.byteOffset + offset + size * 4)));
        offset += size * 4;
      }
      out.set(w.name, { shape: w.shape, values });
    }
    if (offset !== bin.length) throw new Error(`${model}: manifest describes ${offset} bytes, files hold ${bin.length}`);
  }
  return out;
}

/** face-api's mean RGB for this net (FaceRecognitionNet.forwardInput). */
const MEAN_RGB = [122.782, 117.001, 104.298] as const;
export const DLIB_INPUT = 150;

class GraphBuilder {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: OnnxInitializer[] = [];
  private n = 0;

  constructor(private readonly weights: Map<string, Weight>) {}

  weight(name: string): Weight {
    const w = this.weights.get(name);
    if (!w) throw new Error(`face recognition weights lack ${name}`);
    return w;
  }

  private tmp(what: string): string {
    return `${what}_${this.n++}`;
  }

  node(op: string, inputs: string[], attributes?: OnnxNode['attributes']): string {
    const out = this.tmp(op.toLowerCase());
    this.nodes.push({ op, inputs, outputs: [out], name: out, ...(attributes ? { attributes } : {}) });
    return out;
  }

  /**
   * conv2d (TF HWIO filters) + bias, then × scale + shift per output channel, folded into one ONNX Conv.
   * `inputAffine` folds a per-input-channel x·a + c applied before the conv (only valid for unpadded convs).
   */
  conv(x: string, prefix: string, stride: 1 | 2, pad: 0 | 1, relu: boolean, inputAffine?: { a: number[]; c: number[] }): string {
    const { shape, values: filters } = this.weight(`${prefix}/conv/filters`);
    const bias = this.weight(`${prefix}/conv/bias`).values;
    const scale = this.weight(`${prefix}/scale/weights`).values;
    const shift = this.weight(`${prefix}/scale/biases`).values;
    const [kh, kw, cin, cout] = shape as [number, number, number, number];
    if (kh !== kw) throw new Error(`${prefix}: square kernels expected`);
    const w = new Float32Array(cout * cin * kh * kh);
    const b = new Float32Array(cout);
    for (let o = 0; o < cout; o++) {
      const s = scale[o] as number;
      let extra = 0;
      for (let i = 0; i < cin; i++) {
        for (let y = 0; y < kh; y++) {
          for (let xx = 0; xx < kh; xx++) {
            // TF layout [kh][kw][cin][cout] → ONNX [cout][cin][kh][kw].
            const f = filters[((y * kh + xx) * cin + i) * cout + o] as number;
            const a = inputAffine ? (inputAffine.a[i] as number) : 1;
            w[((o * cin + i) * kh + y) * kh + xx] = f * a * s;
            if (inputAffine) extra += f * (inputAffine.c[i] as number);
          }
        }
      }
      b[o] = ((bias[o] as number) + extra) * s + (shift[o] as number);
    }
    const wName = `${prefix}/W`;
    const bName = `${prefix}/B`;
    this.initializers.push({ name: wName, dims: [cout, cin, kh, kh], float: w }, { name: bName, dims: [cout], float: b });
    const out = this.node('Conv', [x, wName, bName], {
      kernel_shape: { ints: [kh, kh] },
      strides: { ints: [stride, stride] },
      pads: { ints: [pad, pad, pad, pad] },
    });
    return relu ? this.node('Relu', [out]) : out;
  }

  constInt64(name: string, values: number[]): string {
    this.initializers.push({ name, dims: [values.length], int64: values });
    return name;
  }

  residual(x: string, prefix: string): string {
    const a = this.conv(x, `${prefix}/conv1`, 1, 1, true);
    const b = this.conv(a, `${prefix}/conv2`, 1, 1, false);
    return this.node('Relu', [this.node('Add', [b, x])]);
  }

  /** Returns the output name, spatial side and channels, given the input's side and channel count. */
  residualDown(x: string, prefix: string, side: number, channels: number): { out: string; side: number; channels: number } {
    const a = this.conv(x, `${prefix}/conv1`, 2, 0, true);
    let b = this.conv(a, `${prefix}/conv2`, 1, 1, false);
    const convSide = Math.floor((side - 3) / 2) + 1;
    const poolSide = Math.floor(side / 2);
    const cout = this.weight(`${prefix}/conv2/conv/bias`).values.length;
    let pooled = this.node('AveragePool', [x], { kernel_shape: { ints: [2, 2] }, strides: { ints: [2, 2] } });
    if (cout !== channels) {
      // tf.concat([pooled, zeros], channels): extra channels after the pooled ones.
      pooled = this.node('Pad', [pooled, this.constInt64(`${prefix}/chpad`, [0, 0, 0, 0, 0, cout - channels, 0, 0])]);
    }
    if (convSide !== poolSide) {
      // face-api appends one zero row, then one zero column to the conv branch (bottom/right).
      b = this.node('Pad', [b, this.constInt64(`${prefix}/hwpad`, [0, 0, 0, 0, 0, 0, poolSide - convSide, poolSide - convSide])]);
    }
    return { out: this.node('Relu', [this.node('Add', [pooled, b])]), side: poolSide, channels: cout };
  }
}

/** The ONNX graph of FaceRecognitionNet built from face-api's model folder. */
export function dlibOnnxGraph(modelDir: string): OnnxGraph {
  const g = new GraphBuilder(readFaceApiWeights(modelDir));
  let x = g.conv('input', 'conv32_down', 2, 0, true, { a: [1 / 255, 1 / 255, 1 / 255], c: MEAN_RGB.map((m) => -m / 255) });
  let side = Math.floor((DLIB_INPUT - 7) / 2) + 1;
  x = g.node('MaxPool', [x], { kernel_shape: { ints: [3, 3] }, strides: { ints: [2, 2] } });
  side = Math.floor((side - 3) / 2) + 1;
  let channels = 32;
  const stages: [string, string[]][] = [
    ['', ['conv32_1', 'conv32_2', 'conv32_3']],
    ['conv64_down', ['conv64_1', 'conv64_2', 'conv64_3']],
    ['conv128_down', ['conv128_1', 'conv128_2']],
    ['conv256_down', ['conv256_1', 'conv256_2']],
    ['conv256_down_out', []],
  ];
  for (const [down, blocks] of stages) {
    if (down) {
      const r = g.residualDown(x, down, side, channels);
      x = r.out;
      side = r.side;
      channels = r.channels;
    }
    for (const block of blocks) x = g.residual(x, block);
  }
  const pooled = g.node('GlobalAveragePool', [x]);
  const flat = g.node('Flatten', [pooled], { axis: { i: 1 } });
  const fc = g.weight('fc');
  g.initializers.push({ name: 'fc', dims: fc.shape, float: fc.values });
  g.nodes.push({ op: 'MatMul', inputs: [flat, 'fc'], outputs: ['descriptor'], name: 'descriptor' });
  return {
    name: 'dlib_resnet34_face_descriptor',
    nodes: g.nodes,
    initializers: g.initializers,
    inputs: [{ name: 'input', dims: ['N', 3, DLIB_INPUT, DLIB_INPUT] }],
    outputs: [{ name: 'descriptor', dims: ['N', fc.shape[1] as number] }],
  };
}

/** Serialised ONNX model bytes of a dlib descriptor graph (opset 13), with where the weights came from in the doc string. */
export function encodeDlibModel(graph: OnnxGraph, faceApiVersion: string): Uint8Array {
  return encodeOnnxModel(graph, {
    opset: 13,
    producer: 'ky-cuong dlib-onnx-graph',
    docString: `dlib ResNet-34 face descriptor converted from @vladmandic/face-api ${faceApiVersion} model/face_recognition_model (CC0 weights)`,
  });
}
