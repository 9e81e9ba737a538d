/**
 * How long deriveOperatingPoints takes for a site's gallery: `node --import tsx bench/faces/operating-points.bench.ts
 * [features.json]` (a feature cache written by run.ts; default the yunet+dlib one). Persons are made from the cached
 * photos' real embeddings plus noise (so their mutual similarities look like real people's, not random vectors):
 * 2 bare templates + 2 masked copies each, like the product's enrollment. Prints CPU ms (process.cpuUsage: what it
 * costs a core, whatever else shares the machine) and wall ms per derivation, cold (new gallery content) and warm (the
 * same content reloaded as a new array, as the gate does every 30 s).
 */
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { deriveOperatingPoints, DEFAULT_TUNING } from '../../src/modules/recognition/domain/operating-points';
import { normalize } from '../../src/platform/image/embedding';
import { loadFeatures } from './cache';
import { type Described, seededRandom, type Template } from './metrics';

const file = process.argv[2] ?? path.join(tmpdir(), 'kc-face-bench', 'yunet+dlib-all.json');
const run = loadFeatures(file);
const base = run.meta.thresholds;
const sources = run.photos.filter((p) => p.bare && p.copies?.length);
const rnd = seededRandom(7);
const gauss = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
const jitter = (d: Described, sigma: number, seedShift: number[]): Described => {
  const move = (v: Float32Array) => normalize(Float32Array.from(v, (x, i) => x + sigma * ((seedShift[i % seedShift.length] as number) + 0.3 * gauss())));
  return { full: move(d.full), upper: move(d.upper), maskedness: d.maskedness };
};

function gallery(persons: number, salt: number): Template[] {
  const out: Template[] = [];
  for (let p = 0; p < persons; p++) {
    const src = sources[(p * 7 + salt) % sources.length] as (typeof sources)[number];
    // One identity offset per synthetic person, shared by their templates: a new face near a real one.
    const shift = Array.from({ length: 16 }, () => gauss());
    for (let k = 0; k < 2; k++) {
      out.push({ personId: `p${p}`, ...jitter(src.bare as Described, 0.02, shift) });
      for (const c of src.copies ?? []) out.push({ personId: `p${p}`, ...jitter(c, 0.02, shift) });
    }
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
console.log(`engine ${run.meta.engine} (${run.meta.embeddingSize}-d), tuning ${JSON.stringify(DEFAULT_TUNING)}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (const persons of [100, 500, 1000, 2000]) {
  const cold: number[] = [];
  const warm: number[] = [];
  const coldWall: number[] = [];
  let templates = 0;
  let pairs = 0;
  for (let round = 0; round < 3; round++) {
    const g = gallery(persons, round);
    templates = g.length;
    let t = performance.now();
    let cpu = process.cpuUsage();
    const points = deriveOperatingPoints(g, base);
    const cpuMs = () => {
      const d = process.cpuUsage(cpu);
      return (d.user + d.system) / 1000;
    };
    cold.push(cpuMs());
    coldWall.push(performance.now() - t);
    pairs = points.basis.impostorPairs;
    const reloaded = g.map((x) => ({ ...x }));
    t = performance.now();
    cpu = process.cpuUsage();
    deriveOperatingPoints(reloaded, base);
    warm.push(cpuMs());
  }
  console.log(`${persons} persons, ${templates} templates, ${pairs} impostor pairs scored: cold ${median(cold).toFixed(0)} ms CPU (${cold.map((x) => x.toFixed(0)).join(', ')}; wall ${median(coldWall).toFixed(0)} ms), warm ${median(warm).toFixed(1)} ms CPU`);
}
