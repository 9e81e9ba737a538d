import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FaceEngine, RgbImage } from '../../ports/face-engine';
import { alignFace, templateFor } from '../../image/align';
import { decodeImage } from '../../image/codec';
import { cosine } from '../../image/embedding';
import { drawSyntheticMask, lowerFaceColourCue } from '../../image/mask';
import { YunetDetector } from '../face-yunet/yunet-detector';
import { bestAvailableSpec, createFaceEngine, engineId, MODEL_FILES } from '../face-common/engine-spec';
import { bgrPlanarInput, INTEL_ALIGN, INTEL_REID_FILES, IntelReidRecognizer, intelOnnxBytes } from './intel-reid-recognizer';
import { halfToFloat, parseIrXml } from './ir-reader';
import { runIrReference } from './ir-reference';

const SHARED = path.resolve('../shared/models');
const IR_DIR = path.join(SHARED, 'intel-face-reid-0095');
const FACES = path.resolve('../shared/faces/celeba-dev/images');
const YUNET = path.join(SHARED, MODEL_FILES.yunet);
const missing = [IR_DIR, FACES, YUNET].some((p) => !existsSync(p)) && 'needs ../shared/models (YuNet, intel-face-reid-0095) and ../shared/faces';
const photo = (file: string) => decodeImage(readFileSync(path.join(FACES, file)));

describe('IR reader', () => {
  it('decodes half floats (normal, subnormal, signed, infinity)', () => {
    assert.equal(halfToFloat(0x3c00), 1);
    assert.equal(halfToFloat(0xc000), -2);
    assert.equal(halfToFloat(0x3555), 0.333251953125);
    assert.equal(halfToFloat(0x0001), 2 ** -24);
    assert.equal(halfToFloat(0x7c00), Number.POSITIVE_INFINITY);
  });

  it('refuses other IR versions', () => {
    assert.throws(() => parseIrXml('<net name="x" version="10"><layers></layers><edges></edges></net>'), /version 10 is not supported/);
  });
});

describe('Intel face-reidentification-retail-0095 on onnxruntime', { skip: missing }, () => {
  let dir: string;
  let recognizer: IntelReidRecognizer;
  let detector: YunetDetector;
  const crops = new Map<string, RgbImage>();

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kc-intel-'));
    for (const f of Object.values(INTEL_REID_FILES)) symlinkSync(path.join(IR_DIR, f), path.join(dir, f));
    recognizer = await IntelReidRecognizer.load(dir);
    detector = await YunetDetector.load(YUNET);
    // Two identities (three and two photos) (celeba-dev labels 7201 and 7243).
    for (const file of ['001085.jpg', '007710.jpg', '017588.jpg', '077945.jpg', '005368.jpg']) {
      const image = await photo(file);
      const face = (await detector.detect(image, 0.6))[0];
      assert.ok(face, `face in ${file}`);
      crops.set(file, alignFace(image, face.landmarks, INTEL_ALIGN));
    }
  });
  after(async () => {
    await recognizer?.close();
    await detector?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('caches the converted model next to the IR (no partial files) and reuses it', () => {
    const onnx = readdirSync(dir).filter((f) => f.endsWith('.onnx'));
    assert.equal(onnx.length, 1, readdirSync(dir).join(', '));
    assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.part-')), []);
    const again = intelOnnxBytes(dir);
    assert.equal(again.file, path.join(dir, onnx[0] as string));
  });

  it('gives the same embedding as a plain interpreter of the IR on a real aligned face', async () => {
    const crop = crops.get('001085.jpg') as RgbImage;
    const net = parseIrXml(readFileSync(path.join(IR_DIR, INTEL_REID_FILES.xml), 'utf8'));
    const ref = runIrReference(net, readFileSync(path.join(IR_DIR, INTEL_REID_FILES.bin)), bgrPlanarInput([crop]));
    assert.equal(ref.length, 256);
    const norm = Math.hypot(...ref);
    const got = await recognizer.embed(crop);
    let maxDiff = 0;
    for (let i = 0; i < 256; i++) maxDiff = Math.max(maxDiff, Math.abs((got[i] as number) - (ref[i] as number) / norm));
    assert.ok(maxDiff < 1e-4, `max component difference ${maxDiff}`);
  });

  it('runs a batch with the same results as one crop at a time', async () => {
    const list = [...crops.values()];
    const batch = await recognizer.embedBatch(list);
    for (const [i, crop] of list.entries()) assert.ok(cosine(batch[i] as Float32Array, await recognizer.embed(crop)) > 0.99999);
  });

  it('gives each of several concurrent runs its own input buffer (reused ones, same results)', async () => {
    const list = [...crops.values()];
    const alone = await Promise.all(list.map((c) => recognizer.embed(c)));
    for (let round = 0; round < 2; round++) {
      const together = await Promise.all([recognizer.embedBatch(list.slice(0, 2)), recognizer.embedBatch(list.slice(2, 4)), recognizer.embed(list[4] as RgbImage)]);
      const flat = [...together[0], ...together[1], together[2]];
      for (const [i, e] of flat.entries()) assert.ok(cosine(e, alone[i] as Float32Array) > 0.99999, `round ${round}, crop ${i}`);
    }
  });

  it('scores the same person above different people', async () => {
    const e = async (f: string) => recognizer.embed(crops.get(f) as RgbImage);
    const [a1, a2, a3, b] = await Promise.all(['001085.jpg', '007710.jpg', '017588.jpg', '077945.jpg'].map(e));
    const same = Math.min(cosine(a1 as Float32Array, a2 as Float32Array), cosine(a1 as Float32Array, a3 as Float32Array));
    const diff = cosine(a1 as Float32Array, b as Float32Array);
    assert.ok(same > diff + 0.2, `same ${same.toFixed(3)} vs different ${diff.toFixed(3)}`);
  });

  it('aligns onto Intel template: re-detected eyes land within a few pixels', async () => {
    const crop = crops.get('001085.jpg') as RgbImage;
    const t = templateFor(INTEL_ALIGN);
    // YuNet needs some context around a face: pad the 128 crop into a grey 320 frame.
    const frame: RgbImage = { width: 320, height: 320, data: new Uint8Array(320 * 320 * 3).fill(128) };
    for (let y = 0; y < 128; y++) frame.data.set(crop.data.subarray(y * 128 * 3, (y + 1) * 128 * 3), ((y + 96) * 320 + 96) * 3);
    const face = (await detector.detect(frame, 0.3))[0];
    assert.ok(face);
    for (const k of [0, 1]) {
      const p = face.landmarks[k] as { x: number; y: number };
      const q = t[k] as { x: number; y: number };
      assert.ok(Math.hypot(p.x - 96 - q.x, p.y - 96 - q.y) < 6, `eye ${k} off by ${Math.hypot(p.x - 96 - q.x, p.y - 96 - q.y)}`);
    }
  });

  it('the colour cue reads the right regions of a crop on Intel template (explicit template in mask.ts)', async () => {
    for (const file of ['001085.jpg', '007710.jpg', '077945.jpg']) {
      const image = await photo(file);
      const face = (await detector.detect(image, 0.6))[0];
      assert.ok(face);
      assert.equal(lowerFaceColourCue(alignFace(image, face.landmarks, INTEL_ALIGN), INTEL_ALIGN), false, `${file} bare`);
      const masked = drawSyntheticMask(image, face.landmarks, 0);
      assert.equal(lowerFaceColourCue(alignFace(masked, face.landmarks, INTEL_ALIGN), INTEL_ALIGN), true, `${file} masked`);
    }
  });

  it('is the engine bestAvailableSpec picks when its files are installed, with the masked-face handling', async () => {
    symlinkSync(YUNET, path.join(dir, MODEL_FILES.yunet));
    const spec = bestAvailableSpec(dir);
    assert.equal(spec.kind, 'yunet-intel');
    assert.equal(engineId(spec), 'yunet+intel-reid-0095');
    const engine: FaceEngine = await createFaceEngine(spec);
    try {
      const image = await photo('001085.jpg');
      const face = (await engine.detect(image))[0];
      assert.ok(face);
      const bare = await engine.describe(image, face);
      const masked = await engine.describe(drawSyntheticMask(image, face.landmarks, 0), face);
      assert.equal(bare.embedding.length, 256);
      assert.ok(masked.maskedness > bare.maskedness, `masked ${masked.maskedness} vs bare ${bare.maskedness}`);
      assert.ok(bare.maskedness < engine.meta.thresholds.masked, 'bare face judged bare');
      assert.ok(masked.maskedness >= engine.meta.thresholds.masked, 'masked face judged masked');
      assert.ok(cosine(masked.upperEmbedding, bare.upperEmbedding) > cosine(masked.embedding, bare.embedding), 'upper face matches better when masked');
    } finally {
      await engine.close();
    }
  });
});
