import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as ort from 'onnxruntime-node';
import { cosine, type RgbImage } from '../../ports/face-engine';
import { alignFace } from '../face-common/align';
import { decodeImage } from '../face-common/image';
import { encodeOnnxModel, withSymbolicShapes } from '../face-onnx/onnx-proto';
import { YunetDetector } from '../face-yunet/yunet-detector';
import { DlibOnnxRecognizer, dlibOnnxFileName } from './dlib-onnx-recognizer';
import { DlibRecognizer } from './dlib-recognizer';

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

describe('dlib descriptor on ONNX Runtime vs TF.js (real photos)', { skip: missing && 'needs ../shared/faces and ../shared/models' }, () => {
  let cacheDir: string;
  let onnx: DlibOnnxRecognizer;
  let tfjs: DlibRecognizer;
  let detector: YunetDetector;
  const crops: RgbImage[] = [];

  before(async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'kc-dlib-onnx-'));
    onnx = await DlibOnnxRecognizer.load({ cacheDir });
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

  it('batches give the same descriptors as single runs, and different people stay apart', async () => {
    const batch = await onnx.embedBatch(crops.slice(0, 4));
    for (let i = 0; i < 4; i++) assert.ok(cosine(batch[i] as Float32Array, await onnx.embed(crops[i] as RgbImage)) > 0.99999);
    assert.ok(cosine(batch[0] as Float32Array, batch[1] as Float32Array) < 0.999, 'two different photos do not collapse');
  });

  it('caches the converted model in the models folder and reuses it', async () => {
    const file = path.join(cacheDir, dlibOnnxFileName());
    assert.ok(existsSync(file));
    assert.deepEqual(readdirSync(cacheDir), [dlibOnnxFileName()], 'no temporary files left behind');
    const again = await DlibOnnxRecognizer.load({ cacheDir });
    assert.equal(again.model.sha256, onnx.model.sha256);
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
