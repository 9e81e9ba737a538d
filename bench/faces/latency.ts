/**
 * Per-frame latency of face engines on one core, also runnable on its own to compare engines in one run:
 *   node --import tsx bench/faces/latency.ts [--models DIR] [--frames N] [--rounds N] [--intel-mirror both,full,none]
 * times YuNet + Intel re-identification (fp32; one engine per masked-face mirror setting listed, default the shipped
 * one) against YuNet + dlib int8 (the previous default) on the same 720p frames with one face, bare and with a drawn
 * mask, alternating the engines round by round so all see the same load; prints medians, each engine's ratio to dlib
 * and the load average. --models defaults to ../shared/models (Intel's IR from
 * its intel-face-reid-0095/ folder, linked into a temporary folder where the conversion is cached).
 */
import { mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { MaskedMirror } from '../../src/platform/adapters/face-common/engine';
import { createFaceEngine, type FaceEngineSpec, INTEL_MASKED_MIRROR, MODEL_FILES } from '../../src/platform/adapters/face-common/engine-spec';
import { INTEL_REID_FILES } from '../../src/platform/adapters/face-intel/intel-reid-recognizer';
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
  /**
   * Median CPU time (user + system, all threads of the process) per frame: on a shared, overloaded host the wall
   * time mostly measures waiting for a core; CPU time is close to what the frame costs on one idle core.
   */
  cpuMedianMs?: number;
  /** 10th percentile of the CPU time per frame: on a loaded host the frames least slowed by other jobs (caches, shared cores). */
  cpuP10Ms?: number;
}

/** Bare frames, and the same frames with a synthetic mask (masked faces can take a slower path, e.g. refinement). */
export interface Latency extends LatencyStats {
  masked?: LatencyStats;
}

export async function timeFrames(engine: FaceEngine, frames: RgbImage[], rounds: number): Promise<LatencyStats> {
  const detect: number[] = [];
  const describe: number[] = [];
  const total: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const frame of frames) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const face = mainFace(await engine.detect(frame));
      const t1 = performance.now();
      if (face) await engine.describe(frame, face);
      const t2 = performance.now();
      detect.push(t1 - t0);
      describe.push(t2 - t1);
      total.push(t2 - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
  }
  return {
    frames: frames.length,
    detectMedianMs: quantile(detect, 0.5),
    describeMedianMs: quantile(describe, 0.5),
    totalMedianMs: quantile(total, 0.5),
    totalP90Ms: quantile(total, 0.9),
    cpuMedianMs: quantile(cpu, 0.5),
    cpuP10Ms: quantile(cpu, 0.1),
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

/** A folder with YuNet and Intel's IR side by side (links), as `kycuong models install` would leave them. */
function intelModelsDir(models: string): string {
  const dir = path.join(tmpdir(), 'kc-face-bench', 'intel-models');
  mkdirSync(dir, { recursive: true });
  const have = new Set(readdirSync(dir));
  const link = (from: string, name: string) => {
    if (!have.has(name)) symlinkSync(from, path.join(dir, name));
  };
  link(path.join(models, MODEL_FILES.yunet), MODEL_FILES.yunet);
  for (const f of Object.values(INTEL_REID_FILES)) link(path.join(models, 'intel-face-reid-0095', f), f);
  return dir;
}

async function compareEngines(): Promise<void> {
  const { values } = parseArgs({
    options: {
      models: { type: 'string', default: '../shared/models' },
      frames: { type: 'string', default: '12' },
      rounds: { type: 'string', default: '3' },
      'intel-mirror': { type: 'string', default: INTEL_MASKED_MIRROR },
    },
  });
  const models = path.resolve(values.models as string);
  const intelDir = intelModelsDir(models);
  const yunetPath = path.join(models, MODEL_FILES.yunet);
  const mirrors = (values['intel-mirror'] as string).split(',') as MaskedMirror[];
  const specs: [string, FaceEngineSpec][] = [
    ...mirrors.map((m): [string, FaceEngineSpec] => [`yunet+intel fp32, masked mirror ${m}`, { kind: 'yunet-intel', yunetPath, modelsDir: intelDir, maskedMirror: m }]),
    ['yunet+dlib int8', { kind: 'yunet-dlib', yunetPath, modelsDir: path.join(tmpdir(), 'kc-face-bench', 'models') }],
  ];
  const labels = (await readFile(path.resolve('../shared/faces/celeba-dev/labels.tsv'), 'utf8')).trim().split('\n').slice(1);
  const step = Math.floor(labels.length / Number(values.frames));
  const files = labels.filter((_, i) => i % step === 0).slice(0, Number(values.frames)).map((r) => path.resolve('../shared/faces/celeba-dev/images', r.split('\t')[0] as string));
  const engines = await Promise.all(specs.map(([, s]) => createFaceEngine(s)));
  const frames = await Promise.all(files.map(gateFrame));
  const load = [loadavg()[0] ?? 0];
  const runs = specs.map(() => ({ bare: [] as LatencyStats[], masked: [] as LatencyStats[] }));
  for (const engine of engines) await measureLatency(engine, files.slice(0, 1), 1); // warm-up
  const maskedFrames: RgbImage[] = [];
  for (const [i, frame] of frames.entries()) {
    const face = mainFace(await (engines[0] as FaceEngine).detect(frame));
    if (face) maskedFrames.push(drawSyntheticMask(frame, face.landmarks, i));
  }
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const [k, engine] of engines.entries()) {
      runs[k]?.bare.push(await timeFrames(engine, frames, 1));
      runs[k]?.masked.push(await timeFrames(engine, maskedFrames, 1));
    }
    load.push(loadavg()[0] ?? 0);
  }
  const med = (xs: number[]) => quantile(xs, 0.5);
  const summary = specs.map(([label], k) => {
    const r = runs[k] as { bare: LatencyStats[]; masked: LatencyStats[] };
    const pick = (list: LatencyStats[]) => ({
      totalMedianMs: med(list.map((x) => x.totalMedianMs)),
      detectMedianMs: med(list.map((x) => x.detectMedianMs)),
      describeMedianMs: med(list.map((x) => x.describeMedianMs)),
      totalP90Ms: med(list.map((x) => x.totalP90Ms)),
      cpuMedianMs: med(list.map((x) => x.cpuMedianMs ?? 0)),
      cpuP10Ms: Math.min(...list.map((x) => x.cpuP10Ms ?? 0)),
    });
    return { label, bare: pick(r.bare), masked: pick(r.masked) };
  });
  const b = summary.at(-1) as (typeof summary)[0];
  console.log(
    JSON.stringify(
      {
        frames: frames.length,
        maskedFrames: maskedFrames.length,
        rounds: Number(values.rounds),
        loadAverage1m: { min: Math.min(...load), max: Math.max(...load) },
        engines: summary,
        ratioToDlib: summary.slice(0, -1).map((a) => ({
          label: a.label,
          bare: a.bare.totalMedianMs / b.bare.totalMedianMs,
          masked: a.masked.totalMedianMs / b.masked.totalMedianMs,
          bareCpu: a.bare.cpuMedianMs / b.bare.cpuMedianMs,
          maskedCpu: a.masked.cpuMedianMs / b.masked.cpuMedianMs,
        })),
      },
      null,
      2,
    ),
  );
  await Promise.all(engines.map((e) => e.close()));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await compareEngines();
