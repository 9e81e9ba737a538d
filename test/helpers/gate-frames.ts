import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeImage } from '../../src/platform/image/codec';
import type { FaceBox, RgbImage } from '../../src/platform/ports/face-engine';
import { cropRgb, resizeRgb } from '../../src/platform/image/pixels';

/**
 * Gate video frames made from the real face photos in ../shared/faces (never copied into the repository), for the
 * gate-enrollment and liveness tests. A "pass" is a few frames of one face moving across the gate.
 */
export const FACES = path.resolve('../shared/faces');
export const MODELS = path.resolve('../shared/models');
export const YUNET = path.join(MODELS, 'face_detection_yunet_2023mar.onnx');
export const facesAvailable = existsSync(path.join(FACES, 'celeba-dev/labels.tsv')) && existsSync(YUNET);

/** Photo paths per celeba-dev identity, identities sorted and photos sorted, so tests are deterministic. */
export function celebaIdentities(): string[][] {
  const rows = readFileSync(path.join(FACES, 'celeba-dev/labels.tsv'), 'utf8').trim().split('\n').slice(1).map((r) => r.split('\t') as [string, string]);
  const ids = [...new Set(rows.map((r) => r[1]))].sort();
  return ids.map((id) => rows.filter((r) => r[1] === id).map((r) => path.join(FACES, 'celeba-dev/images', r[0])).sort());
}

export const loadPhoto = async (file: string) => decodeImage(readFileSync(file));

/** A 1280×720 gate frame with the photo pasted (480 px high) on a grey background, shifted by `dx` (walking). */
export function pastedFrame(photo: RgbImage, dx: number): RgbImage {
  const pasted = resizeRgb(photo, Math.round((photo.width * 480) / photo.height), 480);
  const frame: RgbImage = { width: 1280, height: 720, data: new Uint8Array(1280 * 720 * 3).fill(90) };
  const ox = Math.max(0, Math.min(1280 - pasted.width, Math.floor((1280 - pasted.width) / 2) + dx));
  const w = Math.min(pasted.width, 1280 - ox);
  for (let y = 0; y < pasted.height; y++) frame.data.set(pasted.data.subarray(y * pasted.width * 3, (y * pasted.width + w) * 3), ((120 + y) * 1280 + ox) * 3);
  return frame;
}

/**
 * A 1280×720 frame where the photo is scaled and moved so its face (box `face`, found in the photo beforehand) is
 * `faceWidth` px wide and centred at (cx, cy), on a grey background: consecutive frames of different photos then
 * overlap like the frames of one person walking toward the camera, so the tracker keeps them in one pass.
 */
export function placedFrame(photo: RgbImage, face: FaceBox, at: { cx: number; cy: number; faceWidth: number }): RgbImage {
  const k = at.faceWidth / face.width;
  const scaled = resizeRgb(photo, Math.max(1, Math.round(photo.width * k)), Math.max(1, Math.round(photo.height * k)));
  const ox = Math.round(at.cx - (face.x + face.width / 2) * k);
  const oy = Math.round(at.cy - (face.y + face.height / 2) * k);
  const frame: RgbImage = { width: 1280, height: 720, data: new Uint8Array(1280 * 720 * 3).fill(90) };
  for (let y = 0; y < scaled.height; y++) {
    const fy = oy + y;
    if (fy < 0 || fy >= 720) continue;
    const x0 = Math.max(0, ox);
    const x1 = Math.min(1280, ox + scaled.width);
    if (x1 <= x0) continue;
    frame.data.set(scaled.data.subarray((y * scaled.width + (x0 - ox)) * 3, (y * scaled.width + (x1 - ox)) * 3), (fy * 1280 + x0) * 3);
  }
  return frame;
}

/** The largest face of a photo (tests place photos by it). */
export async function largestFace(detector: { detect(image: RgbImage): Promise<{ box: FaceBox }[]> }, photo: RgbImage): Promise<FaceBox> {
  const faces = await detector.detect(photo);
  const best = faces.sort((a, b) => b.box.width - a.box.width)[0];
  if (!best) throw new Error('no face in test photo');
  return best.box;
}

/** The first `n` photos of `files` in which the detector finds a face, with that face's box. */
export async function photosWithFaces(detector: { detect(image: RgbImage): Promise<{ box: FaceBox }[]> }, files: string[], n: number) {
  const out: { photo: RgbImage; face: FaceBox }[] = [];
  for (const f of files) {
    if (out.length === n) break;
    const photo = await loadPhoto(f);
    const faces = await detector.detect(photo);
    const best = faces.sort((a, b) => b.box.width - a.box.width)[0];
    if (best) out.push({ photo, face: best.box });
  }
  if (out.length < n) throw new Error(`only ${out.length} of ${n} test photos have a face`);
  return out;
}

/** Frames of one pass: each photo placed as the person walks 12 px right and grows 6 px per frame. */
export function walkingFrames(photos: { photo: RgbImage; face: FaceBox }[]): RgbImage[] {
  return photos.map((p, i) => placedFrame(p.photo, p.face, { cx: 600 + i * 12, cy: 330, faceWidth: 200 + i * 6 }));
}

/**
 * A 480×576 frame filled by the photo scaled by `scale` (relative to the frame width), its window offset by (ox, oy):
 * no photo edge is visible, as when a face (or a photo held close) fills the camera's view.
 */
export function filledFrame(photo: RgbImage, scale: number, ox: number, oy: number): RgbImage {
  const W = 480;
  const H = 576;
  const big = resizeRgb(photo, Math.round(W * scale), Math.round((W * scale * photo.height) / photo.width));
  const out = cropRgb(big, ox, oy, W, H);
  if (out.width === W && out.height === H) return out;
  const frame: RgbImage = { width: W, height: H, data: new Uint8Array(W * H * 3) };
  for (let y = 0; y < out.height; y++) frame.data.set(out.data.subarray(y * out.width * 3, (y + 1) * out.width * 3), y * W * 3);
  return frame;
}

export const ffmpegAvailable = () => spawnSync('ffmpeg', ['-version']).status === 0;

/**
 * Encodes RGB frames as an H.264 video (4 fps, the gate's sampling rate) and decodes it back, so a test sees the
 * blocking and noise of a real camera stream rather than pristine pixels.
 */
export async function throughH264(frames: RgbImage[]): Promise<RgbImage[]> {
  const { width, height } = frames[0] as RgbImage;
  const run = (args: string[], input: Buffer) =>
    new Promise<Buffer>((resolve, reject) => {
      const p = spawn('ffmpeg', ['-loglevel', 'error', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
      const chunks: Buffer[] = [];
      p.stdout.on('data', (c: Buffer) => chunks.push(c));
      p.on('error', reject);
      p.on('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`ffmpeg exited ${code}`))));
      p.stdin.end(input);
    });
  const raw = Buffer.concat(frames.map((f) => Buffer.from(f.data)));
  const h264 = await run(
    ['-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${width}x${height}`, '-r', '4', '-i', 'pipe:0', '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-b:v', '1500k', '-f', 'h264', 'pipe:1'],
    raw,
  );
  const back = await run(['-f', 'h264', '-i', 'pipe:0', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'], h264);
  const size = width * height * 3;
  return Array.from({ length: Math.floor(back.length / size) }, (_, i) => ({ width, height, data: new Uint8Array(back.subarray(i * size, (i + 1) * size)) }));
}

/** Feeds frames to a gate 250 ms apart on the test clock, then lets the pass end (3 s of nothing) and flushes it. */
export async function drivePass(
  gate: { handleFrame(f: { at: Date; width: number; height: number; rgb: Uint8Array }): Promise<void>; flush(now?: number): Promise<void> },
  frames: RgbImage[],
  clock: { ms: number },
): Promise<void> {
  for (const f of frames) {
    clock.ms += 250;
    await gate.handleFrame({ at: new Date(clock.ms), width: f.width, height: f.height, rgb: f.data });
  }
  clock.ms += 3000;
  await gate.flush(clock.ms);
}

/** An empty 1280×720 gate (grey wall) with mild sensor noise, different per `seed`: what a camera sees with nobody there. */
export function emptyGateFrame(seed: number, noise = 2): RgbImage {
  const data = new Uint8Array(1280 * 720 * 3);
  let s = seed * 7919 + 1;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    data[i] = 90 + ((s >> 16) % (2 * noise + 1)) - noise;
  }
  return { width: 1280, height: 720, data };
}

/**
 * Feeds frames at the given camera times (ms) to a gate whose test clock follows the frames (the clock is set to each
 * frame's time before it is handled, so nothing lags); `after(i)` runs after frame i (assertions mid-pass).
 */
export async function feedFrames(
  gate: { handleFrame(f: { at: Date; width: number; height: number; rgb: Uint8Array }): Promise<void> },
  frames: { image: RgbImage; atMs: number }[],
  clock: { ms: number },
  after?: (i: number) => Promise<void> | void,
): Promise<void> {
  for (const [i, f] of frames.entries()) {
    clock.ms = Math.max(clock.ms, f.atMs);
    await gate.handleFrame({ at: new Date(f.atMs), width: f.image.width, height: f.image.height, rgb: f.image.data });
    await after?.(i);
  }
}

/**
 * The same engine at a site whose auto-accept bars sit above any score: every pass goes to review or stays unknown
 * (one clear frame would otherwise punch at once under the gate's early strong-frame rule). For tests of the review path.
 */
export function withBarsAboveAnyScore<E extends { meta: { thresholds: object } }>(engine: E): E {
  const strict = Object.create(engine) as E;
  Object.defineProperty(strict, 'meta', { value: { ...engine.meta, thresholds: { ...engine.meta.thresholds, autoAccept: 1.5, autoAcceptMasked: 1.5 } } });
  return strict;
}
