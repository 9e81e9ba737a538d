import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FaceEngineMeta } from '../../src/platform/ports/face-engine';
import type { MaskedRealResult, PhotoFeatures } from './extract';
import type { Described } from './metrics';

/** Extracted features of one bench run, so evaluation and latency can be re-run without re-embedding everything. */
export interface CachedRun {
  photos: PhotoFeatures[];
  strangers: PhotoFeatures[];
  maskedReal: MaskedRealResult[];
  meta: FaceEngineMeta;
}

const toJson = (d?: Described) => (d ? { full: Array.from(d.full), upper: Array.from(d.upper), maskedness: d.maskedness } : undefined);
const fromJson = (d?: { full: number[]; upper: number[]; maskedness: number }): Described | undefined =>
  d ? { full: Float32Array.from(d.full), upper: Float32Array.from(d.upper), maskedness: d.maskedness } : undefined;

export function saveFeatures(file: string, run: CachedRun): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const encode = (list: PhotoFeatures[]) =>
    list.map((p) => ({ photo: p.photo, bare: toJson(p.bare), masked: toJson(p.masked), copies: p.copies?.map(toJson) }));
  writeFileSync(file, JSON.stringify({ ...run, photos: encode(run.photos), strangers: encode(run.strangers) }));
}

export function loadFeatures(file: string): CachedRun {
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  const decode = (list: { photo: PhotoFeatures['photo']; bare?: never; masked?: never; copies?: never[] }[]): PhotoFeatures[] =>
    list.map((p) => {
      const bare = fromJson(p.bare);
      const masked = fromJson(p.masked);
      const copies = p.copies?.map((c) => fromJson(c) as Described);
      return { photo: p.photo, ...(bare ? { bare } : {}), ...(masked ? { masked } : {}), ...(copies ? { copies } : {}) };
    });
  return { ...raw, photos: decode(raw.photos), strangers: decode(raw.strangers) };
}
