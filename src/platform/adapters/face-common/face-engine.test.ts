import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type FaceEngine, type RgbImage } from '../../ports/face-engine';
import { applySimilarity, estimateSimilarity, templateFor } from '../../image/align';
import { FaceEnginePool } from './engine-pool';
import { bestAvailableSpec, createFaceEngine, MODEL_FILES } from './engine-spec';
import { decodeImage, encodeJpeg } from '../../image/codec';
import { drawSyntheticMask, lowerFaceColourCue } from '../../image/mask';
import { resizeRgb } from '../../image/pixels';
import { cosine } from '../../image/embedding';

const FACES = path.resolve('../shared/faces/celeba-dev');
const YUNET = path.resolve('../shared/models/face_detection_yunet_2023mar.onnx');
const missing = !existsSync(FACES) || !existsSync(YUNET);
const photo = (file: string) => decodeImage(readFileSync(path.join(FACES, 'images', file)));

describe('alignment maths', () => {
  it('recovers a known similarity transform', () => {
    const src = templateFor({ size: 112, zoom: 1 });
    const m = { a: 0.9 * Math.cos(0.3), b: 0.9 * Math.sin(0.3), tx: 12, ty: -7 };
    const dst = src.map((p) => applySimilarity(m, p));
    const est = estimateSimilarity(src, dst);
    for (const k of ['a', 'b', 'tx', 'ty'] as const) assert.ok(Math.abs(est[k] - m[k]) < 1e-9, k);
  });
});

describe('face engine on real photos (YuNet from ../shared/models)', { skip: missing && 'needs ../shared/faces and ../shared/models' }, () => {
  let engine: FaceEngine;
  before(async () => {
    engine = await createFaceEngine({ kind: 'yunet-dlib', yunetPath: YUNET });
  });
  after(() => engine?.close());

  it('finds one face with five landmarks in the right order and aligns it onto the template', async () => {
    const image = await photo('001085.jpg');
    const faces = await engine.detect(image);
    assert.equal(faces.length, 1);
    const [re, le, nose, rm, lm] = (faces[0] as (typeof faces)[0]).landmarks;
    assert.ok(re.x < le.x && rm.x < lm.x, 'subject right eye / mouth corner on the image left');
    assert.ok(nose.y > re.y && rm.y > nose.y, 'eyes above nose above mouth');
    const aligned = engine.align(image, faces[0] as (typeof faces)[0]);
    assert.equal(aligned.width, engine.meta.alignment.size);
    // Re-detect inside the aligned crop (upscaled so YuNet sees a normal-size face): eyes land near the template.
    const big = resizeRgb(aligned, 300, 300);
    const again = await engine.detect(big, { minScore: 0.5 });
    const t = templateFor({ ...engine.meta.alignment, size: 300 });
    const eye = again[0]?.landmarks[0];
    assert.ok(eye && Math.hypot(eye.x - (t[0]?.x ?? 0), eye.y - (t[0]?.y ?? 0)) < 15, 'right eye within 15 px of the template');
  });

  it('same person scores higher than a different person; a drawn mask raises maskedness', async () => {
    const describeMain = async (img: RgbImage) => {
      const f = (await engine.detect(img))[0];
      assert.ok(f, 'face found');
      return { face: f, d: await engine.describe(img, f) };
    };
    const a1 = await describeMain(await photo('001085.jpg'));
    const a2 = await describeMain(await photo('007710.jpg'));
    const b = await describeMain(await photo('077945.jpg'));
    assert.ok(cosine(a1.d.embedding, a2.d.embedding) > cosine(a1.d.embedding, b.d.embedding));
    const masked = await describeMain(drawSyntheticMask(await photo('001085.jpg'), a1.face.landmarks));
    assert.ok(masked.d.maskedness > a1.d.maskedness);
  });

  it('the colour cue sees a drawn mask and not the bare faces of a few photos', async () => {
    for (const file of ['001085.jpg', '007710.jpg', '077945.jpg']) {
      const image = await photo(file);
      const face = (await engine.detect(image))[0];
      assert.ok(face);
      assert.equal(lowerFaceColourCue(engine.align(image, face), engine.meta.alignment), false, `${file} bare`);
      const masked = drawSyntheticMask(image, face.landmarks, 0);
      assert.equal(lowerFaceColourCue(engine.align(masked, face), engine.meta.alignment), true, `${file} masked`);
    }
  });

  it('finds no face in a blank frame and several in a collage', async () => {
    assert.deepEqual(await engine.detect({ width: 640, height: 480, data: new Uint8Array(640 * 480 * 3).fill(127) }), []);
    const parts = await Promise.all(['001085.jpg', '077945.jpg', '007710.jpg'].map(photo));
    const tiles = parts.map((p) => resizeRgb(p, 300, Math.round((p.height * 300) / p.width)));
    const height = Math.max(...tiles.map((t) => t.height));
    const collage: RgbImage = { width: 900, height, data: new Uint8Array(900 * height * 3) };
    tiles.forEach((tile, i) => {
      for (let y = 0; y < tile.height; y++) collage.data.set(tile.data.subarray(y * 900, (y + 1) * 900), (y * 900 + i * 300) * 3);
    });
    assert.equal((await engine.detect(collage)).length, 3);
  });

  it('runs the same engine in worker threads with identical results', async () => {
    const pool = await FaceEnginePool.start({ kind: 'yunet-dlib', yunetPath: YUNET }, 2);
    try {
      const image = await photo('001085.jpg');
      const [local] = await engine.detect(image);
      const [remote] = await pool.detect(image);
      assert.ok(local && remote);
      assert.ok(Math.abs(local.score - remote.score) < 1e-6);
      const dl = await engine.describe(image, local);
      const dr = await pool.describe(image, remote);
      assert.ok(cosine(dl.embedding, dr.embedding) > 0.9999);
      assert.equal(pool.meta.engine, engine.meta.engine);
    } finally {
      await pool.close();
    }
  });
});

describe('default engine by installed models', { skip: missing && 'needs ../shared/faces and ../shared/models' }, () => {
  it('with YuNet installed: YuNet + dlib on ONNX Runtime, the converted network cached in the models folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kc-models-'));
    try {
      symlinkSync(YUNET, path.join(dir, MODEL_FILES.yunet));
      const spec = bestAvailableSpec(dir);
      assert.deepEqual(spec, { kind: 'yunet-dlib', yunetPath: path.join(dir, MODEL_FILES.yunet), runtime: 'onnx', modelsDir: dir });
      const engine = await createFaceEngine(spec);
      try {
        assert.equal(engine.meta.engine, 'yunet+dlib');
        assert.match(engine.meta.recognizer.name, /ONNX Runtime/);
        assert.match(engine.meta.recognizer.sha256 ?? '', /^[0-9a-f]{64}$/);
        assert.ok(readdirSync(dir).some((f) => f.startsWith('dlib_resnet34_faceapi-') && f.endsWith('.onnx')));
        const image = await photo('001085.jpg');
        const face = (await engine.detect(image))[0];
        assert.ok(face);
        const bare = await engine.describe(image, face);
        const masked = await engine.describe(drawSyntheticMask(image, face.landmarks, 0), face);
        assert.ok(bare.maskedness < engine.meta.thresholds.masked, `bare maskedness ${bare.maskedness}`);
        assert.ok(masked.maskedness >= engine.meta.thresholds.masked, `masked maskedness ${masked.maskedness}`);
        assert.ok(cosine(bare.embedding, masked.embedding) > 0.8, 'the masked copy still resembles its photo');
      } finally {
        await engine.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('with nothing installed: the npm-only engine, which still finds and describes a face', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kc-models-'));
    try {
      const spec = bestAvailableSpec(dir);
      assert.deepEqual(spec, { kind: 'faceapi' });
      const engine = await createFaceEngine(spec);
      try {
        const image = await photo('001085.jpg');
        const face = (await engine.detect(image))[0];
        assert.ok(face);
        const d = await engine.describe(image, face);
        assert.equal(d.embedding.length, 128);
        assert.ok(Math.abs(cosine(d.embedding, d.embedding) - 1) < 1e-5);
      } finally {
        await engine.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('image decoding errors', () => {
  it('explains corrupt files, non-images and oversized pixel counts', async () => {
    await assert.rejects(decodeImage(new TextEncoder().encode('not an image at all')), { code: 'IMAGE_UNREADABLE' });
    const jpeg = await encodeJpeg({ width: 64, height: 64, data: new Uint8Array(64 * 64 * 3).fill(200) });
    await assert.rejects(decodeImage(jpeg.subarray(0, 200)), { code: 'IMAGE_UNREADABLE' });
    assert.equal((await decodeImage(jpeg)).width, 64);
    const huge = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="20000"><rect width="1" height="1"/></svg>',
    );
    await assert.rejects(decodeImage(huge), (e: { code: string }) => ['IMAGE_UNREADABLE', 'IMAGE_TOO_MANY_PIXELS'].includes(e.code));
    await assert.rejects(decodeImage(new Uint8Array(41 * 1024 * 1024)), { code: 'IMAGE_TOO_LARGE' });
  });
});
