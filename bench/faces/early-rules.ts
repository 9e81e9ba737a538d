/**
 * The gate's early rules on the held-out protocol (issue 14, "decide early"): node --import tsx bench/faces/early-rules.ts
 * <features cache of bench:faces> [--frames 3] [--write]. Passes are decided frame by frame as the gate decides them
 * (domain/early-decision.ts gateDecision) under the shipped operating points; compared: the whole pass decided at its end
 * (the older simulation), the first early rule (2 frames each above the bar), the shipped rules, and a grid of the
 * single-strong-frame parameters. The grid is searched on the CHOOSE half only: the smallest lead (then margin) whose
 * wrong punches, plain and stressed, are no more than with the strong-frame rule off; the report half is then printed
 * for every configuration, nothing chosen on it.
 */
import { appendFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_EARLY, type EarlyOptions, earlyOptionsFor, FIRST_EARLY } from '../../src/modules/recognition/domain/early-decision';
import { DEFAULT_TUNING } from '../../src/modules/recognition/domain/operating-points';
import { loadFeatures } from './cache';
import type { PhotoFeatures } from './extract';
import { buildFolds, prepare, type SimFold, simulate, sumTallies, type Tallies } from './gate-sim';
import { stressed } from './heldout';
import { type Half, inHalf } from './split';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { frames: { type: 'string', default: '3' }, write: { type: 'boolean', default: false } } });
const file = positionals[0];
if (!file) throw new Error('usage: early-rules.ts <features cache> [--frames N] [--write]');
const framesPerPass = Number(values.frames);
const load = loadavg()[0] ?? 0;
const started = Date.now();
const { photos, strangers, meta } = loadFeatures(file);
const base = meta.thresholds;
const byHalf = (list: PhotoFeatures[], half: Half) => {
  const keep = new Set(inHalf(list.map((p) => p.photo), half).map((p) => p.key));
  return list.filter((p) => keep.has(p.photo.key));
};
const sims = Object.fromEntries(
  (['choose', 'report'] as const).map((h) => [h, prepare(buildFolds(byHalf(photos, h), byHalf(strangers, h), undefined, framesPerPass), base)]),
) as Record<Half, SimFold[]>;

interface Row {
  bareRight: number;
  maskedRight: number;
  enrolledWrong: number;
  strangerPunched: number;
  wrongStressed: number;
  meanFrames: number;
  firstFrame: number;
  passes: number;
}

function row(sim: SimFold[], early: EarlyOptions | null): Row {
  const figures = (t: Tallies) => {
    const bare = sumTallies(t, (k) => k === 'enrolled/bare');
    const masked = sumTallies(t, (k) => k === 'enrolled/masked');
    const enrolled = sumTallies(t, (k) => k.startsWith('enrolled/'));
    const strangersT = sumTallies(t, (k) => !k.startsWith('enrolled/'));
    return { bare, masked, enrolled, strangersT, all: sumTallies(t, () => true) };
  };
  const plain = figures(simulate(sim, base, { kind: 'points', tuning: DEFAULT_TUNING, early }).tallies);
  const stress = figures(simulate(sim, stressed(base), { kind: 'points', tuning: DEFAULT_TUNING, early }).tallies);
  const right = plain.enrolled.autoRight;
  return {
    bareRight: plain.bare.autoRight / Math.max(1, plain.bare.passes),
    maskedRight: plain.masked.autoRight / Math.max(1, plain.masked.passes),
    enrolledWrong: plain.enrolled.autoWrong,
    strangerPunched: plain.strangersT.autoWrong,
    wrongStressed: stress.all.autoWrong,
    meanFrames: plain.enrolled.autoFrames / Math.max(1, right),
    firstFrame: plain.enrolled.autoFirstFrame / Math.max(1, right),
    passes: plain.all.passes,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const shipped = earlyOptionsFor(meta.engine);
const off: EarlyOptions = { ...DEFAULT_EARLY, strongLead: Number.POSITIVE_INFINITY };
const grid: EarlyOptions[] = [];
for (const strongLead of [0.25, 0.5, 0.75, 1, 1.5, 2]) for (const strongMargin of [0.5, 1, 1.5, 2]) grid.push({ ...DEFAULT_EARLY, strongLead, strongMargin });

// The choice, on the choose half only.
const chooseOff = row(sims.choose, off);
let chosen: EarlyOptions = off;
for (const g of grid) {
  const r = row(sims.choose, g);
  const safe = r.enrolledWrong + r.strangerPunched <= chooseOff.enrolledWrong + chooseOff.strangerPunched && r.wrongStressed <= chooseOff.wrongStressed;
  process.stderr.write(`choose: lead ${g.strongLead} margin ${g.strongMargin}: first frame ${pct(r.firstFrame)}, wrong ${r.enrolledWrong + r.strangerPunched}, stressed ${r.wrongStressed}${safe ? '' : ' (unsafe)'}\n`);
  // The grid runs from the loosest lead: the first safe one is the earliest punch the choose half allows.
  if (safe && chosen === off) chosen = g;
}

const configs: [string, EarlyOptions | null][] = [
  ['whole pass at its end (older simulation)', null],
  ['first early rule (2 frames each above the bar)', FIRST_EARLY],
  ['pass so far (decidePass on the frames so far)', off],
  [`shipped for this engine (strong frame: lead ${shipped.strongLead} / margin ${shipped.strongMargin} × scale)`, shipped],
  [`chosen on the choose half (lead ${chosen.strongLead} / margin ${chosen.strongMargin} × scale)`, chosen],
];
const lines = [
  `### Gate early rules on held-out identities (issue 14) — engine \`${meta.engine}\` — ${new Date(started).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  '',
  `Command: \`nice -n 10 node --import tsx bench/faces/early-rules.ts ${path.basename(file)} --frames ${framesPerPass}\` (features cached by \`npm run bench:faces -- --heldout-only\`); 1-minute load average ${load.toFixed(1)}. ` +
    `Passes of ${framesPerPass} photos decided frame by frame as the gate does (gateDecision), shipped operating points (DEFAULT_TUNING), folds and strangers as in the held-out section above; ` +
    `"stressed" = auto-accept constants lowered by half the score scale. The strong-frame parameters were searched on the choose half only (${grid.length} candidates: the loosest lead whose wrong punches, plain and stressed, do not exceed the rule switched off).`,
  '',
  '| half | early rule | bare: auto right | masked: auto right | enrolled punched as another | strangers punched | wrong punches, stressed | frames used per right punch | right punches on the first frame |',
  '|---|---|---|---|---|---|---|---|---|',
];
for (const half of ['choose', 'report'] as const) {
  for (const [name, early] of configs) {
    const r = row(sims[half], early);
    lines.push(`| ${half} | ${name} | ${pct(r.bareRight)} | ${pct(r.maskedRight)} | ${r.enrolledWrong} | ${r.strangerPunched} | ${r.wrongStressed} | ${r.meanFrames.toFixed(2)} | ${pct(r.firstFrame)} |`);
  }
}
lines.push('', `(${((Date.now() - started) / 1000).toFixed(0)} s)`, '');
const md = lines.join('\n');
console.log(md);
if (values.write) appendFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'RESULTS.md'), `\n${md}`);
