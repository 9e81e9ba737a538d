import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FaceEngineMeta } from '../../src/platform/ports/face-engine';
import type { Evaluation, Identification } from './evaluate';
import type { Latency } from './latency';

export interface BenchResult {
  meta: FaceEngineMeta;
  /** Non-default options of the run (e.g. "gate frames, fp32"); such runs get their own section. */
  variant?: string;
  dataDir: string;
  limit: number | null;
  evaluation: Evaluation;
  detectionRates: Record<string, number>;
  latency: Latency;
  seconds: number;
  /** Another engine timed in the same run on the same frames, for a ratio that does not depend on the host's speed. */
  latencyBaseline?: { label: string; latency: Latency };
  /** Longest side the detector looked at in the latency frames. */
  latencyDetectorSide?: number;
  /** 1-minute load average when latency was measured: other jobs on the 2 cores inflate every time. */
  loadAverage?: number;
  /** Real masked photos (masked-real) with a face found, and the share of them judged masked at the operating point. */
  maskedRealRouted?: { faces: number; share: number };
}

const pct = (v: number) => `${(v * 100).toFixed(1)}`;
const idRow = (name: string, r: Identification) =>
  `| ${name} | ${pct(r.rank1)} | ${pct(r.dirAtFpir1)} | ${pct(r.autoCorrect)} | ${pct(r.autoWrong)} | ${pct(r.strangersFalselyIdentified)} | ${r.probes} |`;

/** The in-run latency baseline and our time as a ratio of it, bare and masked. */
function baselineText(r: BenchResult): string {
  const b = r.latencyBaseline;
  if (!b) return '';
  const ratio = (ours: number, base: number) => `${(ours / base).toFixed(2)}×`;
  const masked = r.latency.masked && b.latency.masked ? { ours: r.latency.masked.totalMedianMs, base: b.latency.masked.totalMedianMs } : undefined;
  return ` Baseline in the same run, ${b.label}: median ${b.latency.totalMedianMs.toFixed(1)} ms bare${masked ? ` / ${masked.base.toFixed(1)} ms masked` : ''}; ours/baseline ${ratio(r.latency.totalMedianMs, b.latency.totalMedianMs)} bare${masked ? ` / ${ratio(masked.ours, masked.base)} masked` : ''}.`;
}

/** The markdown section for one engine. */
export function renderSection(r: BenchResult): string {
  const e = r.evaluation;
  const t = (ok: boolean) => (ok ? 'met' : '**not met**');
  return [
    `### Engine \`${r.meta.engine}\`${r.variant ? ` — ${r.variant}` : ''}`,
    '',
    `Detector: ${r.meta.detector.name} (${r.meta.detector.licence}); recognizer: ${r.meta.recognizer.name} ${r.meta.recognizer.version} (${r.meta.recognizer.licence}), ${r.meta.embeddingSize}-d, input ${r.meta.alignment.size} px, zoom ${r.meta.alignment.zoom}.`,
    `Data: \`${r.dataDir}\`${r.limit ? ` (first ${r.limit} identities)` : ''}: ${e.counts.identities} identities, ${e.counts.photos} photos (face found in ${e.counts.bareDetected}, in the synthetic masked copy in ${e.counts.maskedDetected}), ${e.counts.strangers} strangers with a face. Run took ${r.seconds.toFixed(0)} s. Date ${new Date().toISOString().slice(0, 10)}.`,
    '',
    '| verification | accuracy | TAR@FAR=1e-3 | pairs (+/−) |',
    '|---|---|---|---|',
    `| unmasked | ${pct(e.verification.accuracy)} | ${pct(e.verification.tarAtFar1e3)} | ${e.verification.positives} / ${e.verification.negatives} |`,
    `| masked probe vs bare template (routed/fused) | ${pct(e.maskedVerification.accuracy)} | ${pct(e.maskedVerification.tarAtFar1e3)} | ${e.maskedVerification.positives} / ${e.maskedVerification.negatives} |`,
    '',
    `Maskedness signal (cosine of full vs lower-face-blanked embedding${r.meta.engine === 'yunet+dlib' ? ', + colour cue' : ''}): AUC ${e.maskedness.auc.toFixed(3)} (bare vs drawn masks); threshold ${e.maskedness.threshold.toFixed(3)} set so that 1 % of bare faces count as masked (calibration half); held-out half: ${e.maskedness.bareRouted === undefined ? 'n/a' : `${pct(e.maskedness.bareRouted)} % of bare faces and ${pct(e.maskedness.maskedRouted)} % of drawn masks judged masked`}. Operating point (calibrated on the even-indexed half of probes and strangers, reported on the odd half): review floor ${e.operatingPoint.review.toFixed(3)}, match ${e.operatingPoint.match.toFixed(3)}, auto-accept ${e.operatingPoint.autoAccept.toFixed(3)} (bare) / ${e.operatingPoint.autoAcceptMasked.toFixed(3)} (masked), maskedness ${e.operatingPoint.masked.toFixed(3)}.`,
    '',
    '| 1:N identification | rank-1 | DIR@FPIR=1% | auto-punched right (held-out) | auto-punched wrong (held-out) | strangers auto-punched (held-out) | probes |',
    '|---|---|---|---|---|---|---|',
    idRow('unmasked, 1 enrollment photo', e.oneShot),
    idRow('unmasked, 2 photos', e.twoShot),
    idRow('unmasked, 2 photos + synthetic masked copies', e.twoShotE),
    idRow('masked probe, 1 photo', e.maskedOneShot),
    idRow('masked probe, 2 photos + masked copies', e.maskedTwoShotE),
    '',
    `Detection on masked-real (${Object.keys(r.detectionRates).length ? 'share of photos with a face at score ≥ t' : ''}): ${Object.entries(r.detectionRates)
      .map(([k, v]) => `t=${k}: ${pct(v)} %`)
      .join(', ')}.`,
    '',
    r.maskedRealRouted
      ? `Real masks (masked-real, ${r.maskedRealRouted.faces} faces found): ${pct(r.maskedRealRouted.share)} % judged masked at the operating maskedness threshold (drawn masks: see the held-out share above) — the rest are scored as bare faces.`
      : '',
    '',
    `Latency per 1280×720 frame, one core (detect${r.latencyDetectorSide ? ` at ${r.latencyDetectorSide} px longest side` : ''} + full and upper-face embedding of the main face), ${r.latency.frames} frames: median ${r.latency.totalMedianMs.toFixed(1)} ms (detect ${r.latency.detectMedianMs.toFixed(1)}, describe ${r.latency.describeMedianMs.toFixed(1)}), p90 ${r.latency.totalP90Ms.toFixed(1)} ms${
      r.latency.masked
        ? `; same frames with a synthetic mask: median ${r.latency.masked.totalMedianMs.toFixed(1)} ms (detect ${r.latency.masked.detectMedianMs.toFixed(1)}, describe ${r.latency.masked.describeMedianMs.toFixed(1)}), p90 ${r.latency.masked.totalP90Ms.toFixed(1)} ms`
        : ''
    }; 1-minute load average of the machine then: ${r.loadAverage?.toFixed(1) ?? 'n/a'} (2 cores).${baselineText(r)}`,
    '',
    `Targets: unmasked rank-1 (2-shot) ≥ 95 %: ${t(e.twoShot.rank1 >= 0.95)} (${pct(e.twoShot.rank1)}); masked rank-1 ≥ 80 %: ${t(e.maskedTwoShotE.rank1 >= 0.8)} (${pct(e.maskedTwoShotE.rank1)}, 2-shot+E); strangers falsely identified ≤ 1 %: ${t(Math.max(e.twoShotE.strangersFalselyIdentified, e.maskedTwoShotE.strangersFalselyIdentified) <= 0.01)} (${pct(e.twoShotE.strangersFalselyIdentified)} bare, ${pct(e.maskedTwoShotE.strangersFalselyIdentified)} masked); ≤ 25 ms per 720p frame per core: ${t(r.latency.totalMedianMs <= 25)} (${r.latency.totalMedianMs.toFixed(1)} ms bare${r.latency.masked ? `, ${r.latency.masked.totalMedianMs.toFixed(1)} ms masked: ${t(r.latency.masked.totalMedianMs <= 25)}` : ''}).`,
  ].join('\n');
}

/** Replaces (or appends) this engine's section of bench/RESULTS.md between markers, leaving other sections alone. */
export function writeResults(r: BenchResult): string {
  const file = path.resolve('bench/RESULTS.md');
  const key = r.variant ? `${r.meta.engine} ${r.variant}` : r.meta.engine;
  const begin = `<!-- faces:${key} -->`;
  const end = `<!-- /faces:${key} -->`;
  const block = `${begin}\n${renderSection(r)}\n${end}`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i >= 0 && j > i) text = text.slice(0, i) + block + text.slice(j + end.length);
  else {
    // A new engine or variant goes after the last face section, so the face results stay together.
    const last = text.lastIndexOf('<!-- /faces:');
    if (last >= 0) {
      const after = text.indexOf('-->', last) + 3;
      text = `${text.slice(0, after)}\n\n${block}${text.slice(after)}`;
    } else {
      if (!text.includes('## Face recognition')) text += `\n## Face recognition (bench/faces, \`npm run bench:faces\`)\n`;
      text += `\n${block}\n`;
    }
  }
  writeFileSync(file, text);
  return file;
}
