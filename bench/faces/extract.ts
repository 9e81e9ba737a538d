import { readFile } from 'node:fs/promises';
import { decodeImage } from '../../src/platform/image/codec';
import { drawSyntheticMask } from '../../src/platform/image/mask';
import type { DetectedFace, FaceEngine, RgbImage } from '../../src/platform/ports/face-engine';
import type { Photo } from './dataset';
import { inGateFrame } from './latency';
import type { Described } from './metrics';

/** What the engine made of one photo: its bare face and a synthetic masked copy, each re-detected from pixels. */
export interface PhotoFeatures {
  photo: Photo;
  bare?: Described;
  masked?: Described;
  /**
   * For photos that may be enrolled: the synthetic masked copies the product stores at enrollment, made the way
   * enrollment.service.ts makes them (mask drawn from the bare landmarks, described with the bare detection).
   */
  copies?: Described[];
}

/** Mask colours of the enrollment copies, as MASK_VARIANTS in src/modules/recognition/enrollment.service.ts. */
export const ENROLLMENT_MASK_VARIANTS = [0, 2] as const;

/** The face a photo is about: the largest, breaking near-ties by score (in-the-wild photos show bystanders). */
export function mainFace(faces: DetectedFace[]): DetectedFace | undefined {
  return [...faces].sort((a, b) => b.box.width * b.box.height * b.score - a.box.width * a.box.height * a.score)[0];
}

async function describeMain(engine: FaceEngine, image: RgbImage): Promise<Described | undefined> {
  const face = mainFace(await engine.detect(image));
  if (!face) return undefined;
  const d = await engine.describe(image, face);
  return { full: d.embedding, upper: d.upperEmbedding, maskedness: d.maskedness };
}

/** Runs `fn` over items with at most `concurrency` in flight, keeping order. */
export async function mapConcurrent<T, R>(items: T[], concurrency: number, fn: (item: T, i: number) => Promise<R>, onProgress?: (done: number) => void): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i] as T, i);
        done++;
        onProgress?.(done);
      }
    }),
  );
  return out;
}

/** `gateFrames`: the photo is pasted into a 720p frame first (inGateFrame), so detection runs at gate-camera scale. */
export async function extractPhoto(engine: FaceEngine, photo: Photo, index: number, enrollCandidate = false, gateFrames = false): Promise<PhotoFeatures> {
  const decoded = await decodeImage(await readFile(photo.file));
  const image = gateFrames ? inGateFrame(decoded) : decoded;
  const bareFace = mainFace(await engine.detect(image));
  if (!bareFace) return { photo };
  const d = await engine.describe(image, bareFace);
  const bare = { full: d.embedding, upper: d.upperEmbedding, maskedness: d.maskedness };
  // The mask is drawn from the bare face's landmarks, then the masked photo goes through detection again as a
  // masked face at the gate would.
  const masked = await describeMain(engine, drawSyntheticMask(image, bareFace.landmarks, index));
  const copies: Described[] = [];
  if (enrollCandidate) {
    for (const colour of ENROLLMENT_MASK_VARIANTS) {
      const c = await engine.describe(drawSyntheticMask(image, bareFace.landmarks, colour), bareFace);
      copies.push({ full: c.embedding, upper: c.upperEmbedding, maskedness: c.maskedness });
    }
  }
  return { photo, bare, ...(masked ? { masked } : {}), ...(enrollCandidate ? { copies } : {}) };
}

/** What the engine made of one real masked photo: best detector score (0 = none at the floor) and its maskedness. */
export interface MaskedRealResult {
  score: number;
  /** Maskedness of the main face found at the engine's own detection threshold; absent when none was found. */
  maskedness?: number;
}

export async function maskedRealScores(engine: FaceEngine, file: string, floor: number): Promise<MaskedRealResult> {
  const image = await decodeImage(await readFile(file));
  const faces = await engine.detect(image, { minScore: floor });
  const score = faces.reduce((m, f) => Math.max(m, f.score), 0);
  const main = mainFace(faces.filter((f) => f.score >= engine.meta.thresholds.detection));
  return main ? { score, maskedness: (await engine.describe(image, main)).maskedness } : { score };
}
