import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { YunetDetector } from '../../src/platform/adapters/face-yunet/yunet-detector';
import { drawSyntheticMask } from '../../src/platform/image/mask';
import { cropRgb } from '../../src/platform/image/pixels';
import type { DetectedFace, RgbImage } from '../../src/platform/ports/face-engine';
import { celebaIdentities, FACES, loadPhoto, YUNET } from './gate-frames';

/**
 * A gate camera's video with a KNOWN TIMELINE, made from the real photos in ../shared/faces (never copied into the
 * repository): enrolled people (celeba-dev) and strangers (strangers-lfw) walk through a 1280×720 view, bare or with
 * a drawn mask, some twice, one vanishing for ~2 s mid-pass (occlusion / lost frames), one frozen (a camera repeating
 * its last frame). Frames are drawn in Node at the source rate and encoded once by ffmpeg (x264 ultrafast, duplicated
 * frames up to the stream rate cost next to nothing) into an Annex-B file the RTSP test server loops.
 */
export const W = 1280;
export const H = 720;

export interface CastMember {
  /** 'E1'… enrolled, 'S1'… strangers. */
  key: string;
  enrolled: boolean;
  /** Photos to enroll through the API (enrolled only): never shown at the gate. */
  enrollFiles: string[];
  /** Photos shown at the gate, with the face the detector found in each. */
  passPhotos: { photo: RgbImage; face: DetectedFace }[];
}

export interface PassScript {
  who: string;
  masked?: boolean;
  /** Seconds the face is in view (before any gap or freeze is added). */
  visibleS: number;
  /** The face vanishes for this long after half its visible time (the pass goes on after). */
  faceGapS?: number;
  /** The frame at half the visible time is repeated for this long (a frozen camera). */
  frozenS?: number;
  /** Empty view after the pass. */
  afterS: number;
}

export interface TimelinePass {
  index: number;
  who: string;
  enrolled: boolean;
  masked: boolean;
  /** Video time (s from the start of the file) of the first frame showing the face. */
  startS: number;
  /** Video time of the last frame showing the face. */
  endS: number;
  /** Stamped indices (stampFrame) of the first and last frames showing the face. */
  startIndex: number;
  endIndex: number;
  faceGap?: { fromS: number; toS: number };
  frozen?: { fromS: number; toS: number };
  label: string;
}

export interface GateVideo {
  file: string;
  /** Frames per second of the file and of the RTSP stream. */
  streamFps: number;
  /** Rate at which distinct frames were drawn. */
  sourceFps: number;
  durationS: number;
  /** Stamped indices run 0 … sourceFrames − 1 in each loop. */
  sourceFrames: number;
  passes: TimelinePass[];
  /** Whether a face (anything but the empty view) is shown at video time t (loops included). */
  visibleAt(tS: number): boolean;
  background: RgbImage;
}

/** The empty gate: a static scene (floor, door frame) rather than a flat colour, so the encoder and motion gating see texture. */
export function gateBackground(): RgbImage {
  const data = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 3;
      const door = x > 300 && x < 980 && y > 40;
      const frame = door && (x < 320 || x > 960 || y < 60);
      const v = frame ? 60 : door ? 118 + ((y >> 4) & 1) * 4 : 92 + Math.round((y / H) * 30);
      data[i] = v;
      data[i + 1] = v + (door ? 4 : 0);
      data[i + 2] = v - (frame ? 10 : 0);
    }
  return { width: W, height: H, data };
}

/**
 * The frame's index as a 13-block code in the top-left corner (block 0 always white, then 12 bits of the index's Gray
 * code, 24×24 px blocks at 720p): whatever the load does to timing, each analysis frame tells which video frame it
 * shows. Like a camera's on-screen clock it is small and frozen with the picture when the camera freezes; the Gray
 * code flips one block per frame, ~4–9 cells of the gate's 96×54 motion thumbnail (under its 0.2 % motion share).
 */
export const STAMP_ROWS = 40;
export function stampFrame(f: RgbImage, index: number): RgbImage {
  const out: RgbImage = { width: f.width, height: f.height, data: new Uint8Array(f.data) };
  const k = f.width / W;
  const gray = index ^ (index >> 1);
  for (let b = 0; b < 13; b++) {
    const on = b === 0 || ((gray >> (b - 1)) & 1) === 1;
    const v = on ? 235 : 20;
    for (let y = Math.round(8 * k); y < Math.round(32 * k); y++)
      out.data.fill(v, (y * f.width + Math.round((16 + b * 32) * k)) * 3, (y * f.width + Math.round((40 + b * 32) * k)) * 3);
  }
  return out;
}

/** The index stamped by stampFrame, read from a (scaled, compressed) frame; undefined when the code is unreadable. */
export function readStamp(f: { width: number; height: number; rgb: Uint8Array }): number | undefined {
  const k = f.width / W;
  const bit = (b: number) => (f.rgb[(Math.round(20 * k) * f.width + Math.round((28 + b * 32) * k)) * 3 + 1] as number) > 128;
  if (!bit(0)) return undefined;
  let gray = 0;
  for (let b = 1; b < 13; b++) if (bit(b)) gray |= 1 << (b - 1);
  let index = gray;
  for (let shift = gray >> 1; shift; shift >>= 1) index ^= shift;
  return index;
}

/** Bilinear resize with the column weights computed once (the generic one samples per channel: ~20× slower here). */
export function fastResize(image: RgbImage, width: number, height: number): RgbImage {
  const out = new Uint8Array(width * height * 3);
  const { width: iw, height: ih, data } = image;
  const x0s = new Int32Array(width);
  const fxs = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const sx = Math.min(iw - 1, Math.max(0, ((x + 0.5) * iw) / width - 0.5));
    x0s[x] = Math.min(iw - 2, Math.floor(sx));
    fxs[x] = sx - (x0s[x] as number);
  }
  for (let y = 0; y < height; y++) {
    const sy = Math.min(ih - 1, Math.max(0, ((y + 0.5) * ih) / height - 0.5));
    const y0 = Math.min(ih - 2, Math.floor(sy));
    const fy = sy - y0;
    const r0 = y0 * iw * 3;
    const r1 = r0 + iw * 3;
    for (let x = 0; x < width; x++) {
      const a = r0 + (x0s[x] as number) * 3;
      const b = r1 + (x0s[x] as number) * 3;
      const fx = fxs[x] as number;
      const o = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        const top = (data[a + c] as number) * (1 - fx) + (data[a + 3 + c] as number) * fx;
        const bottom = (data[b + c] as number) * (1 - fx) + (data[b + 3 + c] as number) * fx;
        out[o + c] = top * (1 - fy) + bottom * fy + 0.5;
      }
    }
  }
  return { width, height, data: out };
}

/** The background with `photo` scaled so its face is `faceWidth` px wide and centred at (cx, cy). */
export function placed(bg: RgbImage, photo: RgbImage, face: DetectedFace, at: { cx: number; cy: number; faceWidth: number }): RgbImage {
  const box = face.box;
  const k = at.faceWidth / box.width;
  const scaled = fastResize(photo, Math.max(2, Math.round(photo.width * k)), Math.max(2, Math.round(photo.height * k)));
  const ox = Math.round(at.cx - (box.x + box.width / 2) * k);
  const oy = Math.round(at.cy - (box.y + box.height / 2) * k);
  const out: RgbImage = { width: W, height: H, data: new Uint8Array(bg.data) };
  const x0 = Math.max(0, ox);
  const x1 = Math.min(W, ox + scaled.width);
  if (x1 <= x0) return out;
  for (let y = 0; y < scaled.height; y++) {
    const fy = oy + y;
    if (fy < 0 || fy >= H) continue;
    out.data.set(scaled.data.subarray((y * scaled.width + (x0 - ox)) * 3, (y * scaled.width + (x1 - ox)) * 3), (fy * W + x0) * 3);
  }
  return out;
}

async function facesOf(det: YunetDetector, files: string[], n: number): Promise<{ photo: RgbImage; face: DetectedFace }[]> {
  const out: { photo: RgbImage; face: DetectedFace }[] = [];
  for (const f of files) {
    if (out.length === n) break;
    const photo = await loadPhoto(f);
    const face = (await det.detect(photo, 0.7)).sort((a, b) => b.box.width - a.box.width)[0];
    // Frontal-ish, large enough faces only: the timeline must be about the pipeline, not about hopeless photos.
    if (!face || face.box.width < 50) continue;
    // Head and shoulders only: photo backgrounds hold other faces (posters, crowds) that would be extra passes.
    const { x, y, width: w, height: h } = face.box;
    const crop = cropRgb(photo, x - 0.7 * w, y - 0.8 * h, 2.4 * w, 3.2 * h);
    const inCrop = await det.detect(crop, 0.5);
    const only = inCrop.length === 1 ? inCrop[0] : undefined;
    if (only && only.box.width >= 50) out.push({ photo: crop, face: only });
  }
  if (out.length === 0) throw new Error(`no usable face among ${files.length} photos`);
  return out;
}

/**
 * `enrolled` celeba-dev identities (sorted; identities with at least 7 photos, from `offset`) — 3 photos to enroll,
 * up to 4 others for the gate — and `strangers` people of strangers-lfw (sorted, from `offset`).
 */
export async function gateCast(enrolled: number, strangers: number, offset = 0): Promise<CastMember[]> {
  const det = await YunetDetector.load(YUNET);
  try {
    const cast: CastMember[] = [];
    const ids = celebaIdentities().filter((files) => files.length >= 7).slice(offset, offset + enrolled);
    for (const [i, files] of ids.entries())
      cast.push({ key: `E${i + 1}`, enrolled: true, enrollFiles: files.slice(0, 3), passPhotos: await facesOf(det, files.slice(3), 4) });
    const root = path.join(FACES, 'strangers-lfw');
    const people = readdirSync(root).sort().slice(offset + 10);
    for (const person of people) {
      if (cast.filter((c) => !c.enrolled).length === strangers) break;
      const dir = path.join(root, person);
      const photos = await facesOf(det, readdirSync(dir).sort().map((f) => path.join(dir, f)), 3).catch(() => []);
      if (photos.length) cast.push({ key: `S${cast.filter((c) => !c.enrolled).length + 1}`, enrolled: false, enrollFiles: [], passPhotos: photos });
    }
    return cast;
  } finally {
    await det.close();
  }
}

/**
 * Draws the timeline at `sourceFps` and encodes it at `streamFps` (≥ sourceFps) to `file`. Each pass walks from left
 * to right, the face growing from 150 to ~220 px wide (a person nearing a 720p camera), one photo every few frames.
 */
export async function buildGateVideo(opts: {
  file: string;
  cast: CastMember[];
  script: PassScript[];
  leadS: number;
  sourceFps: number;
  streamFps: number;
  /** Temporal sensor noise (ffmpeg `noise` strength); 0 for none. */
  noise?: number;
  /** Stamp each frame's index (stampFrame); default true. */
  stamp?: boolean;
}): Promise<GateVideo> {
  const { sourceFps, streamFps } = opts;
  const bg = gateBackground();
  // Frames go to the encoder as they are drawn (a minute of 720p RGB would hold ~1 GB); `frames` is only a count.
  const enc = encoder(opts.file, sourceFps, streamFps, opts.noise ?? 0);
  // Each frame carries its index (stampFrame); a frozen camera repeats its last image, stamp included.
  let last: RgbImage | undefined;
  const frames = {
    length: 0,
    push: async (f: RgbImage, frozen = false) => {
      const out = frozen && last ? last : opts.stamp === false ? f : stampFrame(f, frames.length);
      frames.length++;
      last = out;
      await enc.write(out);
    },
  };
  const passes: TimelinePass[] = [];
  const still = async (seconds: number, f: RgbImage, frozen = false) => {
    for (let i = 0; i < Math.round(seconds * sourceFps); i++) await frames.push(f, frozen);
  };
  await still(opts.leadS, bg);
  for (const [index, s] of opts.script.entries()) {
    const who = opts.cast.find((c) => c.key === s.who);
    if (!who) throw new Error(`no cast member ${s.who}`);
    const n = Math.max(1, Math.round(s.visibleS * sourceFps));
    const photos = who.passPhotos.map((p) => (s.masked ? { photo: drawSyntheticMask(p.photo, p.face.landmarks, index), face: p.face } : p));
    const startS = frames.length / sourceFps;
    const startIndex = frames.length;
    let faceGap: TimelinePass['faceGap'];
    let frozen: TimelinePass['frozen'];
    for (let i = 0; i < n; i++) {
      // A new photo every ~0.6 s: expressions change while walking; consecutive frames overlap for the tracker.
      const p = photos[Math.floor(i / Math.max(1, Math.round(sourceFps * 0.6))) % photos.length] as (typeof photos)[number];
      const f = placed(bg, p.photo, p.face, { cx: 380 + (i / n) * 520, cy: 330, faceWidth: 150 + (i / n) * 70 });
      if (i === Math.floor(n / 2) && s.faceGapS) {
        faceGap = { fromS: frames.length / sourceFps, toS: frames.length / sourceFps + s.faceGapS };
        await still(s.faceGapS, bg);
      }
      await frames.push(f);
      if (i === Math.floor(n / 2) && s.frozenS) {
        frozen = { fromS: frames.length / sourceFps, toS: frames.length / sourceFps + s.frozenS };
        await still(s.frozenS, f, true);
      }
    }
    const endS = (frames.length - 1) / sourceFps;
    const endIndex = frames.length - 1;
    const label = `${s.who}${who.enrolled ? '' : ' (stranger)'}${s.masked ? ' masked' : ''}${s.faceGapS ? ` gap ${s.faceGapS}s` : ''}${s.frozenS ? ` frozen ${s.frozenS}s` : ''}`;
    passes.push({ index, who: s.who, enrolled: who.enrolled, masked: !!s.masked, startS, endS, startIndex, endIndex, label, ...(faceGap ? { faceGap } : {}), ...(frozen ? { frozen } : {}) });
    await still(s.afterS, bg);
  }
  const durationS = frames.length / sourceFps;
  await enc.end();
  const visibleAt = (tS: number) => {
    const t = ((tS % durationS) + durationS) % durationS;
    return passes.some((p) => t >= p.startS - 1e-6 && t < p.endS + 1 / sourceFps && !(p.faceGap && t >= p.faceGap.fromS && t < p.faceGap.toS));
  };
  return { file: opts.file, streamFps, sourceFps, durationS, sourceFrames: frames.length, passes, visibleAt, background: bg };
}

/** An empty gate (nobody in view) of `seconds`, with sensor noise: the idle benchmark's stream. */
export async function buildEmptyVideo(file: string, seconds: number, streamFps = 25, noise = 3): Promise<GateVideo> {
  return buildGateVideo({ file, cast: [], script: [], leadS: seconds, sourceFps: 1, streamFps, noise, stamp: false });
}

function encoder(file: string, sourceFps: number, streamFps: number, noise: number) {
  const vf = ['format=yuv420p', `fps=${streamFps}`, ...(noise > 0 ? [`noise=alls=${noise}:allf=t`] : [])].join(',');
  const ff = spawn(
    'ffmpeg',
    ['-loglevel', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${W}x${H}`, '-r', String(sourceFps), '-i', 'pipe:0', '-vf', vf,
      '-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '0', '-g', String(streamFps), '-keyint_min', String(streamFps),
      '-sc_threshold', '0', '-b:v', '2000k', '-maxrate', '2500k', '-bufsize', '2500k', '-f', 'h264', file],
    { stdio: ['pipe', 'inherit', 'inherit'] },
  );
  const closed = new Promise<number | null>((r) => ff.on('close', r));
  return {
    async write(f: RgbImage): Promise<void> {
      if (!ff.stdin.write(f.data)) await new Promise((r) => ff.stdin.once('drain', r));
    },
    async end(): Promise<void> {
      ff.stdin.end();
      const code = await closed;
      if (code !== 0) throw new Error(`ffmpeg could not encode the gate video (exit ${code})`);
    },
  };
}

/**
 * The standard gate timeline (5 distinct frames a second): four enrolled people (E1–E4) and two strangers, passes
 * 3.5 s apart. E2 comes back 12 s after their first pass (inside a 20 s debounce window: no second punch or review
 * item); E4's face vanishes for 2 s mid-pass (one pass, one sighting); E1's second pass (≈ 45 s after the first,
 * outside the window) freezes for 1.6 s; E3 passes masked, then bare 24 s later.
 */
export const STANDARD_SCRIPT: PassScript[] = [
  { who: 'E1', visibleS: 2.4, afterS: 3.5 },
  { who: 'E2', visibleS: 2.4, afterS: 3.5 },
  { who: 'S1', visibleS: 2.4, afterS: 3.5 },
  { who: 'E2', visibleS: 2.4, afterS: 3.5 },
  { who: 'E3', masked: true, visibleS: 2.4, afterS: 3.5 },
  { who: 'E4', visibleS: 2.8, faceGapS: 2, afterS: 3.5 },
  { who: 'S2', masked: true, visibleS: 2.4, afterS: 3.5 },
  { who: 'E1', visibleS: 2.4, frozenS: 1.6, afterS: 3.5 },
  { who: 'E3', visibleS: 2.4, afterS: 4 },
];
export const STANDARD_DEBOUNCE_S = 20;

/** A camera sending one frame a second: each face is seen in 4 frames; E1 comes back within the debounce window. */
export const ONE_FPS_SCRIPT: PassScript[] = [
  { who: 'E1', visibleS: 4, afterS: 4 },
  { who: 'S1', visibleS: 4, afterS: 4 },
  { who: 'E2', visibleS: 4, afterS: 4 },
  { who: 'E1', visibleS: 4, afterS: 5 },
];

/**
 * What each pass must produce, from the script and the debounce window: 'outcome' (one punch or one review item),
 * 'debounced' (the same person's earlier pass, within the window, already produced it) or 'stranger' (no punch).
 * `loopS`: the video is looped and this is not its first loop: the previous loop's passes (loopS earlier) count too —
 * the standard video's last E1 pass is 17.7 s before the next loop's first one, inside a 20 s window.
 */
export function expectations(passes: TimelinePass[], debounceS: number, loopS?: number): ('outcome' | 'debounced' | 'stranger')[] {
  const lastOutcome = new Map<string, number>();
  if (loopS !== undefined) {
    const previous = expectations(passes, debounceS);
    passes.forEach((p, i) => {
      if (previous[i] === 'outcome') lastOutcome.set(p.who, p.startS - loopS);
    });
  }
  return passes.map((p) => {
    if (!p.enrolled) return 'stranger';
    const before = lastOutcome.get(p.who);
    if (before !== undefined && p.startS - before < debounceS) return 'debounced';
    lastOutcome.set(p.who, p.startS);
    return 'outcome';
  });
}
