import { readFile } from 'node:fs/promises';
import { decodeImage } from '../../src/platform/image/codec';
import { drawSyntheticMask } from '../../src/platform/image/mask';
import type { FaceEngine, RgbImage } from '../../src/platform/ports/face-engine';
import { mainFace } from './extract';
import { quantile } from './metrics';
import { resizeRgb } from '../../src/platform/image/pixels';

/** A 1280×720 frame with a photo pasted in the middle at gate-like face size (about 200 px wide). */
export async function gateFrame(photoFile: string): Promise<RgbImage> {
  return inGateFrame(await decodeImage(await readFile(photoFile)));
}

/** The photo scaled to 480 px high and pasted into a grey 1280×720 frame (the face about 150–200 px wide). */
export function inGateFrame(photo: RgbImage): RgbImage {
  const scale = 480 / photo.height;
  const pasted = resizeRgb(photo, Math.round(photo.width * scale), 480);
  const frame: RgbImage = { width: 1280, height: 720, data: new Uint8Array(1280 * 720 * 3).fill(90) };
  const ox = Math.floor((1280 - pasted.width) / 2);
  const oy = 120;
  for (let y = 0; y < pasted.height; y++) {
    for (let x = 0; x < pasted.width; x++) {
      const fx = ox + x;
      if (fx < 0 || fx >= 1280) continue;
      const s = (y * pasted.width + x) * 3;
      const d = ((oy + y) * 1280 + fx) * 3;
      frame.data[d] = pasted.data[s] as number;
      frame.data[d + 1] = pasted.data[s + 1] as number;
      frame.data[d + 2] = pasted.data[s + 2] as number;
    }
  }
  return frame;
}

export interface LatencyStats {
  frames: number;
  detectMedianMs: number;
  describeMedianMs: number;
  totalMedianMs: number;
  totalP90Ms: number;
}

/** Bare frames, and the same frames with a synthetic mask (masked faces can take a slower path, e.g. refinement). */
export interface Latency extends LatencyStats {
  masked?: LatencyStats;
}

async function timeFrames(engine: FaceEngine, frames: RgbImage[], rounds: number): Promise<LatencyStats> {
  const detect: number[] = [];
  const describe: number[] = [];
  const total: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const frame of frames) {
      const t0 = performance.now();
      const face = mainFace(await engine.detect(frame));
      const t1 = performance.now();
      if (face) await engine.describe(frame, face);
      const t2 = performance.now();
      detect.push(t1 - t0);
      describe.push(t2 - t1);
      total.push(t2 - t0);
    }
  }
  return {
    frames: frames.length,
    detectMedianMs: quantile(detect, 0.5),
    describeMedianMs: quantile(describe, 0.5),
    totalMedianMs: quantile(total, 0.5),
    totalP90Ms: quantile(total, 0.9),
  };
}

/**
 * Per-frame time on one core: detect on the 720p frame, then describe (full + upper embedding) the main face.
 * Each frame is timed `rounds` times (medians over all) because other jobs share the machine.
 */
export async function measureLatency(engine: FaceEngine, photoFiles: string[], rounds = 2): Promise<Latency> {
  const frames = await Promise.all(photoFiles.map(gateFrame));
  const masked: RgbImage[] = [];
  for (const [i, frame] of frames.entries()) {
    const face = mainFace(await engine.detect(frame));
    if (face) masked.push(drawSyntheticMask(frame, face.landmarks, i));
  }
  const warm = frames[0] as RgbImage;
  for (let i = 0; i < 3; i++) {
    const f = mainFace(await engine.detect(warm));
    if (f) await engine.describe(warm, f);
  }
  return { ...(await timeFrames(engine, frames, rounds)), masked: await timeFrames(engine, masked, rounds) };
}
