import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as ort from 'onnxruntime-node';
import { type RgbImage } from '../../ports/face-engine';
import { alignFace } from '../../image/align';
import { decodeImage } from '../../image/codec';
import { encodeOnnxModel, type OnnxGraph, withSymbolicShapes } from '../face-onnx/onnx-proto';
import { quantizedTensors, quantizeGraph } from './dlib-onnx-int8';
import { YunetDetector } from '../face-yunet/yunet-detector';
import { DlibOnnxRecognizer, dlibOnnxFileName } from './dlib-onnx-recognizer';
import { DlibRecognizer } from './dlib-recognizer';
import { cosine } from '../../image/embedding';

const FACES = path.resolve('../shared/faces/celeba-dev/images');
const YUNET = path.resolve('../shared/models/face_detection_yunet_2023mar.onnx');
const missing = !existsSync(FACES) || !existsSync(YUNET);

describe('ONNX encoder', () => {
  it('writes a model onnxruntime loads and runs (Conv with INTS attributes, Relu, int64 initializer, symbolic batch)', async () => {
    const model = encodeOnnxModel(
      {
        name: 'tiny',
        nodes: [
          { op: 'Conv', inputs: ['x', 'w', 'b'], outputs: ['c'], attributes: { kernel_shape: { ints: [1, 1] }, pads: { ints: [0, 0, 0, 0] } } },
          { op: 'Relu', inputs: ['c'], outputs: ['r'] },
          { op: 'Reshape', inputs: ['r', 'shape'], outputs: ['y'] },
        ],
        initializers: [
          { name: 'w', dims: [1, 2, 1, 1], float: Float32Array.from([2, -1]) },
          { name: 'b', dims: [1], float: Float32Array.from([0.5]) },
          { name: 'shape', dims: [2], int64: [0, -1] },
        ],
        inputs: [{ name: 'x', dims: ['N', 2, 1, 2] }],
        outputs: [{ name: 'y', dims: ['N', 2] }],
      },
      { opset: 13, producer: 'test' },
    );
    const session = await ort.InferenceSession.create(model);
    const x = Float32Array.from([1, 3, 1, 1, /* second item */ 0, 0, 4, 4]);
    const out = await session.run({ x: new ort.Tensor('float32', x, [2, 2, 1, 2]) });
    // y = relu(2·ch0 − ch1 + 0.5) per pixel.
    assert.deepEqual(Array.from(out.y?.data as Float32Array), [1.5, 5.5, 0, 0]);
    await session.release();
  });
});

describe('8-bit graph (QDQ)', () => {
  const graph: OnnxGraph = {
    name: 'tiny',
    nodes: [
      { op: 'Conv', inputs: ['input', 'w1', 'b1'], outputs: ['conv_0'], attributes: { kernel_shape: { ints: [1, 1] } } },
      { op: 'Relu', inputs: ['conv_0'], outputs: ['relu_1'] },
      { op: 'Conv', inputs: ['relu_1', 'w2', 'b2'], outputs: ['conv_2'], attributes: { kernel_shape: { ints: [1, 1] } } },
      { op: 'Add', inputs: ['conv_2', 'relu_1'], outputs: ['y'] },
    ],
    initializers: [
      { name: 'w1', dims: [2, 3, 1, 1], float: Float32Array.from([0.01, 0.02, -0.01, -0.02, 0.01, 0.03]) },
      { name: 'b1', dims: [2], float: Float32Array.from([0.5, 1]) },
      { name: 'w2', dims: [2, 2, 1, 1], float: Float32Array.from([1, -0.5, 0.25, 2]) },
      { name: 'b2', dims: [2], float: Float32Array.from([0, -1]) },
    ],
    inputs: [{ name: 'input', dims: ['N', 3, 2, 2] }],
    outputs: [{ name: 'y', dims: ['N', 2, 2, 2] }],
  };

  it('quantizes the input, relu outputs and convs that feed no relu, and stays close to the float result', async () => {
    assert.deepEqual(quantizedTensors(graph), ['input', 'relu_1', 'conv_2']);
    const ranges = { relu_1: [0, 10] as const, conv_2: [-20, 20] as const };
    const q = quantizeGraph(graph, ranges);
    assert.ok(q.nodes.some((n) => n.op === 'QuantizeLinear') && q.initializers.some((i) => 'int8' in i && i.name === 'w1/q'));
    const x = new ort.Tensor('float32', Float32Array.from({ length: 12 }, (_, i) => i * 20), [1, 3, 2, 2]);
    const run = async (g: OnnxGraph) => {
      const session = await ort.InferenceSession.create(encodeOnnxModel(g, { opset: 13, producer: 'test' }));
      const out = (await session.run({ input: x })).y?.data as Float32Array;
      await session.release();
      return out;
    };
    const [f, i8] = [await run(graph), await run(q)];
    for (let k = 0; k < f.length; k++) assert.ok(Math.abs((f[k] as number) - (i8[k] as number)) < 0.25, `${k}: ${f[k]} vs ${i8[k]}`);
  });

  it('refuses a tensor without a calibration range', () => {
    assert.throws(() => quantizeGraph(graph, { relu_1: [0, 10] }), /conv_2.*calibrate-int8/);
  });
});

describe('dlib descriptor on ONNX Runtime vs TF.js (real photos)', { skip: missing && 'needs ../shared/faces and ../shared/models' }, () => {
  let cacheDir: string;
  let onnx: DlibOnnxRecognizer;
  let int8: DlibOnnxRecognizer;
  let tfjs: DlibRecognizer;
  let detector: YunetDetector;
  const crops: RgbImage[] = [];

  before(async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'kc-dlib-onnx-'));
    onnx = await DlibOnnxRecognizer.load({ cacheDir, precision: 'fp32' });
    int8 = await DlibOnnxRecognizer.load({ cacheDir });
    tfjs = await DlibRecognizer.load();
    detector = await YunetDetector.load(YUNET);
    for (const file of readdirSync(FACES).sort().slice(0, 12)) {
      const image = await decodeImage(readFileSync(path.join(FACES, file)));
      const face = (await detector.detect(image, 0.6))[0];
      if (face) crops.push(alignFace(image, face.landmarks, onnx.alignment));
    }
  });
  after(async () => {
    await onnx?.close();
    await int8?.close();
    await detector?.close();
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('gives the same descriptors as face-api on TF.js (cosine ≥ 0.999 on every face)', async () => {
    assert.ok(crops.length >= 10, `faces found in ${crops.length} of 12 photos`);
    for (const crop of crops) {
      const a = await onnx.embed(crop);
      const b = await tfjs.embed(crop);
      assert.ok(cosine(a, b) >= 0.999, `cosine ${cosine(a, b)}`);
    }
  });

  it('the 8-bit graph (the default) keeps the float descriptors and the distances between faces', async () => {
    assert.equal(int8.model.version.endsWith('-int8'), true, int8.model.version);
    const a = await onnx.embedBatch(crops);
    const b = await int8.embedBatch(crops);
    // Measured on 300 celeba crops (not calibration data): cosine to float ≥ 0.9983 (median 0.9996), pairwise
    // similarities moved by 0.0019 on average, 0.0112 at most; the bounds leave room for other CPUs' rounding.
    for (let i = 0; i < crops.length; i++) assert.ok(cosine(a[i] as Float32Array, b[i] as Float32Array) >= 0.995, `face ${i}: ${cosine(a[i] as Float32Array, b[i] as Float32Array)}`);
    for (let i = 0; i < crops.length; i++) {
      for (let j = i + 1; j < crops.length; j++) {
        const drift = Math.abs(cosine(a[i] as Float32Array, a[j] as Float32Array) - cosine(b[i] as Float32Array, b[j] as Float32Array));
        assert.ok(drift < 0.015, `faces ${i}/${j}: similarity moved by ${drift}`);
      }
    }
  });

  it('batches give the same descriptors as single runs, and different people stay apart', async () => {
    const batch = await onnx.embedBatch(crops.slice(0, 4));
    for (let i = 0; i < 4; i++) assert.ok(cosine(batch[i] as Float32Array, await onnx.embed(crops[i] as RgbImage)) > 0.99999);
    assert.ok(cosine(batch[0] as Float32Array, batch[1] as Float32Array) < 0.999, 'two different photos do not collapse');
  });

  it('caches the converted model in the models folder and reuses it', async () => {
    const file = path.join(cacheDir, dlibOnnxFileName('fp32'));
    assert.ok(existsSync(file));
    assert.deepEqual(readdirSync(cacheDir).sort(), [dlibOnnxFileName('fp32'), dlibOnnxFileName('int8')].sort(), 'no temporary files left behind');
    const again = await DlibOnnxRecognizer.load({ cacheDir });
    assert.equal(again.model.sha256, int8.model.sha256);
    await again.close();
  });

  it('YuNet with relaxed input shapes matches the fixed 640×640 model where both run', async () => {
    const original = readFileSync(YUNET);
    const fixed = await ort.InferenceSession.create(original);
    const relaxed = await ort.InferenceSession.create(withSymbolicShapes(original, { input: [1, 3, null, null] }));
    const x = new Float32Array(3 * 640 * 640).map((_, i) => (i * 7919) % 255);
    const a = await fixed.run({ input: new ort.Tensor('float32', x, [1, 3, 640, 640]) });
    const b = await relaxed.run({ input: new ort.Tensor('float32', x, [1, 3, 640, 640]) });
    for (const name of fixed.outputNames) assert.deepEqual(b[name]?.data, a[name]?.data, name);
    const small = await relaxed.run({ input: new ort.Tensor('float32', new Float32Array(3 * 384 * 640), [1, 3, 384, 640]) });
    assert.deepEqual(small.cls_8?.dims, [1, (384 / 8) * (640 / 8), 1]);
    await fixed.release();
    await relaxed.release();
  });
});
