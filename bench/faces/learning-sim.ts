/**
 * Learning gallery simulation (issue 14): `npm run bench:faces:learning -- [options]`
 *   --features FILE   features extracted by `npm run bench:faces` (its cache; default: the yunet+dlib full run)
 *   --weeks N (8)  --passes N per person and week from each photo pool (5)  --masked-share X (0.5)
 *   --folds N (5: every identity of a half is enrolled in 4 folds and a stranger in 1)  --search-folds N (2)
 *   --reviewer-error X   share of review items confirmed for the wrong top candidate (default 0)
 *   --no-search   skip the parameter search (report the shipped DEFAULT_LEARNING_POLICY only)   --write  bench/RESULTS.md
 * Weeks of passes over the identity 'choose' half choose the learning parameters; the 'report' half (people no choice
 * has seen) shows what they do. See learning-sim-core.ts for the model and its leakage guard.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_LEARNING_POLICY, type LearningPolicy } from '../../src/modules/recognition/domain/gallery-learning';
import { DEFAULT_TUNING } from '../../src/modules/recognition/domain/operating-points';
import type { FaceThresholds } from '../../src/platform/ports/face-engine';
import { loadFeatures } from './cache';
import type { PhotoFeatures } from './extract';
import { autoRate, buildSetup, type SimOptions, type SimSetup, simulateWeeks, sumWeeks, type WeekFigures } from './learning-sim-core';
import { type Half, inHalf } from './split';

const { values } = parseArgs({
  options: {
    features: { type: 'string', default: path.join(tmpdir(), 'kc-face-bench', 'yunet+dlib-all.json') },
    weeks: { type: 'string', default: '8' },
    passes: { type: 'string', default: '5' },
    'masked-share': { type: 'string', default: '0.5' },
    folds: { type: 'string', default: '5' },
    'search-folds': { type: 'string', default: '2' },
    'reviewer-error': { type: 'string', default: '0' },
    'no-search': { type: 'boolean', default: false },
    /** A small grid of the two safety parameters (margin, auto lead) instead of the coordinate search. */
    grid: { type: 'boolean', default: false },
    /** With --no-search: how the shipped policy was chosen (quoted in bench/RESULTS.md). */
    'search-note': { type: 'string' },
    write: { type: 'boolean', default: false },
  },
});

const started = Date.now();
const log = (msg: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${msg}\n`);
const file = values.features as string;
if (!existsSync(file)) {
  console.error(`no extracted features at ${file}: run \`npm run bench:faces -- --engine yunet-dlib\` first (it caches them)`);
  process.exit(2);
}
const loadBefore = loadavg();
const { photos, strangers, meta } = loadFeatures(file);
const base: FaceThresholds = meta.thresholds;
const folds = Number(values.folds);
const common: Omit<SimOptions, 'learning' | 'seed'> = {
  base,
  weeks: Number(values.weeks),
  passesPerWeek: Number(values.passes),
  maskedShare: Number(values['masked-share']),
  framesPerPass: 3,
  tuning: DEFAULT_TUNING,
  ...(Number(values['reviewer-error']) > 0 ? { reviewerError: Number(values['reviewer-error']) } : {}),
};

const byHalf = (list: PhotoFeatures[], half: Half) => {
  const keep = new Set(inHalf(list.map((p) => p.photo), half).map((p) => p.key));
  return list.filter((p) => keep.has(p.photo.key));
};
const setups = (half: Half): SimSetup[] => Array.from({ length: folds }, (_, f) => buildSetup(byHalf(photos, half), byHalf(strangers, half), f, folds));

function run(s: SimSetup[], learning: LearningPolicy | null): WeekFigures[] {
  return sumWeeks(s.map((setup, f) => simulateWeeks(setup, { ...common, learning, seed: 1000 + f })));
}

/** Issue 14: wrong punches ≤ 0.1 % of passes, every week. */
const WRONG_MAX = 0.001;

const wrongOf = (w: WeekFigures) => w.measuredBare.autoWrong + w.measuredMasked.autoWrong + w.learnPasses.autoWrong + w.strangers.autoWrong;

/**
 * Mean of the bare and masked auto rates over the last two weeks, minus a little per template learned into the wrong
 * person; -1 when a week breaks the wrong-punch limit or when learning adds any wrong punch to what the same passes
 * give without learning (the first search, allowed up to 0.1 % a week, chose loose rules that learned 11 wrong faces
 * and doubled the wrong punches on the report half: the choose half cannot show a small added risk, so none is allowed).
 */
function value(weeks: WeekFigures[], baselineWrong: number): number {
  if (weeks.some((w) => w.wrongRate > WRONG_MAX)) return -1;
  if (weeks.reduce((s, w) => s + wrongOf(w), 0) > baselineWrong) return -1;
  const last = weeks.slice(-2);
  const auto = last.reduce((s, w) => s + (autoRate(w.measuredBare) + autoRate(w.measuredMasked)) / 2, 0) / last.length;
  return auto - 0.002 * (weeks.at(-1)?.learnedWrong ?? 0);
}

const SPACE: { [K in keyof LearningPolicy]: number[] } = {
  capPerKind: [2, 3, 4, 6],
  minFrames: [2],
  minMarginFraction: [0.25, 0.5, 1, 1.5, 2],
  autoLeadFraction: [0, 0.25, 0.5, 1, 2],
  redundantAbove: [0.97, 0.985, 0.995],
};

/**
 * The safety grid: margin × auto lead, the rest as shipped, each checked on every search fold (the coordinate search
 * on 2 folds of the choose half picked a margin of 0.25 that looked free there and was not: see bench/RESULTS.md).
 */
function grid(s: SimSetup[]): { policy: LearningPolicy; searched: number } {
  const baselineWrong = run(s, null).reduce((n, w) => n + wrongOf(w), 0);
  let best = { policy: DEFAULT_LEARNING_POLICY, value: Number.NEGATIVE_INFINITY };
  let searched = 0;
  for (const minMarginFraction of [0.5, 1, 1.5]) {
    for (const autoLeadFraction of [0, 0.5, 1]) {
      const policy = { ...DEFAULT_LEARNING_POLICY, minMarginFraction, autoLeadFraction };
      const weeks = run(s, policy);
      const v = value(weeks, baselineWrong);
      searched++;
      log(`grid margin ${minMarginFraction} lead ${autoLeadFraction}: value ${(100 * v).toFixed(1)} %, wrong ${weeks.reduce((n, w) => n + wrongOf(w), 0)} (without learning ${baselineWrong}), learned wrong ${weeks.at(-1)?.learnedWrong}`);
      if (v > best.value + 1e-9) best = { policy, value: v };
    }
  }
  return { policy: best.policy, searched };
}

function search(s: SimSetup[]): { policy: LearningPolicy; searched: number } {
  const baselineWrong = run(s, null).reduce((n, w) => n + wrongOf(w), 0);
  let best = { ...DEFAULT_LEARNING_POLICY };
  let bestValue = value(run(s, best), baselineWrong);
  let searched = 1;
  for (let sweep = 0; sweep < 2; sweep++) {
    let moved = false;
    for (const [key, options] of Object.entries(SPACE) as [keyof LearningPolicy, number[]][]) {
      for (const v of options) {
        if (best[key] === v) continue;
        const candidate = { ...best, [key]: v };
        const cv = value(run(s, candidate), baselineWrong);
        searched++;
        if (cv > bestValue + 1e-9) {
          best = candidate;
          bestValue = cv;
          moved = true;
        }
      }
    }
    log(`search sweep ${sweep + 1}: ${JSON.stringify(best)} → ${(100 * bestValue).toFixed(1)} %`);
    if (!moved) break;
  }
  return { policy: best, searched };
}

const pct = (x: number, d = 1) => `${(100 * x).toFixed(d)} %`;

function table(title: string, baseline: WeekFigures[], learning: WeekFigures[]): string {
  const rows = learning.map((w, i) => {
    const b = baseline[i] as WeekFigures;
    const passes = w.measuredBare.passes + w.measuredMasked.passes + w.learnPasses.passes + w.strangers.passes;
    const wrong = wrongOf(w);
    return `| ${w.week} | ${pct(autoRate(w.measuredBare))} (${pct(autoRate(b.measuredBare))}) | ${pct(autoRate(w.measuredMasked))} (${pct(autoRate(b.measuredMasked))}) | ${pct(w.wrongRate, 2)} (${pct(b.wrongRate, 2)}) | ${wrong} / ${passes} | ${w.learnedTemplates} | ${w.learnedWrong} |`;
  });
  return [
    `**${title}** — measured passes: auto-punched right, with learning (without learning in brackets)`,
    '',
    '| week | auto rate bare | auto rate masked | wrong punches / all passes | wrong / passes | learned templates | learned into the wrong person |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

log(`features ${file} (${meta.engine}); ${folds} folds, ${common.weeks} weeks, ${common.passesPerWeek} passes per pool and week`);
const choose = setups('choose');
const report = setups('report');
const searchSetups = choose.slice(0, Number(values['search-folds']));
const chosen = values['no-search'] ? { policy: DEFAULT_LEARNING_POLICY, searched: 0 } : values.grid ? grid(searchSetups) : search(searchSetups);
log(`chosen on the choose half: ${JSON.stringify(chosen.policy)} (${chosen.searched} configurations)`);
const halfFigures = (s: SimSetup[]) => {
  const shipped = run(s, DEFAULT_LEARNING_POLICY);
  return { baseline: run(s, null), shipped, chosen: values['no-search'] ? shipped : run(s, chosen.policy) };
};
const figures = { choose: halfFigures(choose), report: halfFigures(report) };
const loadAfter = loadavg();
const people = (s: SimSetup[]) => s[0] ? s[0].persons.length + s[0].celebaStrangers.length : 0;
const section = [
  `## Learning gallery (bench/faces/learning-sim.ts, \`npm run bench:faces:learning\`) — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  '',
  `Engine \`${meta.engine}\` (features cached by bench:faces: ${path.basename(file)}), thresholds as shipped (auto-accept ${base.autoAccept} / masked ${base.autoAcceptMasked}), operating points derived weekly by deriveOperatingPoints (shipped tuning), decidePass, and the learning rules of domain/gallery-learning.ts. ` +
    `${folds} folds per half (each identity enrolled with 2 photos + synthetic masked copies in ${folds - 1} folds, a multi-photo stranger in 1) plus the half's LFW strangers (one pass a week each, identical frames); ` +
    `each enrolled person passes ${common.passesPerWeek}× a week from a "learn" pool of photos (these passes feed the gallery: automatic punches, and reviews confirmed by a simulated reviewer${common.reviewerError ? ` wrong ${pct(common.reviewerError)} of the time` : ' who is always right'}) and ${common.passesPerWeek}× from a disjoint "measure" pool (never learned: the auto rate is measured on these, so no pass meets its own photo); ${pct(common.maskedShare, 0)} of passes masked (synthetic masks); 3 frames per pass. ` +
    'Pessimistic: a wrong automatic punch is never annulled, so the rules may learn it.',
  '',
  values['no-search']
    ? `Shipped DEFAULT_LEARNING_POLICY \`${JSON.stringify(DEFAULT_LEARNING_POLICY)}\`${values['search-note'] ? `: ${values['search-note']}` : ''}.`
    : `Learning parameters chosen on the choose half (${chosen.searched} configurations, ${searchSetups.length} folds): \`${JSON.stringify(chosen.policy)}\`; shipped DEFAULT_LEARNING_POLICY: \`${JSON.stringify(DEFAULT_LEARNING_POLICY)}\`.`,
  `People per fold: choose ${people(choose)}, report ${people(report)}. Load average before / after: ${loadBefore.map((x) => x.toFixed(2)).join(' ')} / ${loadAfter.map((x) => x.toFixed(2)).join(' ')} (2 cores shared); ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  '',
  table('Report half (identities no parameter was chosen on), shipped policy', figures.report.baseline, figures.report.shipped),
  '',
  table('Choose half, shipped policy', figures.choose.baseline, figures.choose.shipped),
  '',
  ...(values['no-search']
    ? []
    : [table('Report half, policy chosen in this run', figures.report.baseline, figures.report.chosen), '', table('Choose half, policy chosen in this run', figures.choose.baseline, figures.choose.chosen), '']),
].join('\n');
console.log(section);
console.log(
  JSON.stringify(
    {
      chosen: chosen.policy,
      reportShippedPerWeek: figures.report.shipped.map((w) => ({ week: w.week, admitted: w.admitted, admittedMasked: w.admittedMasked, refused: w.refused, refusedMasked: w.refusedMasked })),
    },
    null,
    1,
  ),
);

if (values.write) {
  const out = path.resolve('bench/RESULTS.md');
  const begin = `<!-- learning-gallery:${meta.engine} -->`;
  const end = `<!-- /learning-gallery:${meta.engine} -->`;
  let text = readFileSync(out, 'utf8');
  const block = `${begin}\n${section}\n${end}`;
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  text = i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(out, text);
  log(`wrote ${out}`);
}
