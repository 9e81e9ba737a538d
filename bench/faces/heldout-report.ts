import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FaceEngineMeta } from '../../src/platform/ports/face-engine';
import type { Evaluation } from './evaluate';
import { sumTallies, type Tallies, type Tally } from './gate-sim';
import type { GateFigures, HalfFigures, HeldOut } from './heldout';

export interface HeldOutRun {
  meta: FaceEngineMeta;
  heldOut: HeldOut;
  command: string;
  loadAverage: number;
  startedAt: string;
  seconds: number;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}`;
const share = (n: number, of: number) => `${pct(n / Math.max(1, of))} %`;
const f3 = (v: number) => v.toFixed(3);
const rng = (r: [number, number]) => (Math.abs(r[1] - r[0]) < 5e-4 ? f3(r[0]) : `${f3(r[0])}–${f3(r[1])}`);

function evalRows(c: Evaluation, r: Evaluation): string[] {
  const row = (name: string, pick: (e: Evaluation) => string) => `| ${name} | ${pick(c)} | ${pick(r)} |`;
  return [
    '| figure (engine thresholds as shipped; nothing chosen on either half) | choose half | report half |',
    '|---|---|---|',
    row('identities / photos with a face / strangers with a face', (e) => `${e.counts.identities} / ${e.counts.bareDetected} / ${e.counts.strangers}`),
    row('verification unmasked: accuracy / TAR@FAR=1e-3', (e) => `${pct(e.verification.accuracy)} / ${pct(e.verification.tarAtFar1e3)}`),
    row('verification masked probe: accuracy / TAR@FAR=1e-3', (e) => `${pct(e.maskedVerification.accuracy)} / ${pct(e.maskedVerification.tarAtFar1e3)}`),
    row('rank-1 unmasked: 1 photo / 2 photos / 2 photos + masked copies', (e) => `${pct(e.oneShot.rank1)} / ${pct(e.twoShot.rank1)} / ${pct(e.twoShotE.rank1)}`),
    row('rank-1 masked: 1 photo / 2 photos + masked copies', (e) => `${pct(e.maskedOneShot.rank1)} / ${pct(e.maskedTwoShotE.rank1)}`),
    row('DIR@FPIR=1 % unmasked 2+E / masked 2+E', (e) => `${pct(e.twoShotE.dirAtFpir1)} / ${pct(e.maskedTwoShotE.dirAtFpir1)}`),
    row('single photos auto-punched right, unmasked 2+E / masked 2+E', (e) => `${pct(e.twoShotE.autoCorrect)} / ${pct(e.maskedTwoShotE.autoCorrect)}`),
    row('single photos auto-punched as **another person**, unmasked 2+E / masked 2+E', (e) => `${pct(e.twoShotE.autoWrong)} / ${pct(e.maskedTwoShotE.autoWrong)}`),
    row('single stranger photos auto-punched, unmasked / masked', (e) => `${pct(e.twoShotE.strangersFalselyIdentified)} / ${pct(e.maskedTwoShotE.strangersFalselyIdentified)}`),
    row('drawn masks / bare faces judged masked', (e) => `${pct(e.maskedness.maskedRouted)} / ${pct(e.maskedness.bareRouted)}`),
  ];
}

const cells = (t: Tally, strangers = false) =>
  strangers
    ? `${t.autoWrong} (${share(t.autoWrong, t.passes)}) | ${share(t.review, t.passes)}`
    : `${share(t.autoRight, t.passes)} | ${t.autoWrong} | ${share(t.review, t.passes)} | ${share(t.unknown, t.passes)}`;

function gateRow(half: string, name: string, g: GateFigures): string {
  const t = (key: string) => sumTallies(g.tallies, (k) => k === key);
  const strangers = (masked: boolean) => sumTallies(g.tallies, (k) => !k.startsWith('enrolled/') && k.endsWith(masked ? '/masked' : '/bare'));
  return `| ${half} | ${name} | ${cells(t('enrolled/bare'))} | ${cells(t('enrolled/masked'))} | ${cells(strangers(false), true)} | ${cells(strangers(true), true)} |`;
}

function counts(t: Tallies): string {
  const n = (key: string) => t[key]?.passes ?? 0;
  return `${n('enrolled/bare')} bare and ${n('enrolled/masked')} masked enrolled passes, ${n('celeba-stranger/bare') + n('lfw-stranger/bare')} bare and ${n('celeba-stranger/masked') + n('lfw-stranger/masked')} masked stranger passes (${n('celeba-stranger/bare')} / ${n('celeba-stranger/masked')} of them celeba people left out of the gallery)`;
}

function pointsLine(h: HalfFigures): string {
  const p = h.shipped.points;
  if (!p) return '';
  return `${h.half} half, shipped rule (per fold gallery of ${p.persons} people): auto-accept ${rng(p.autoAccept)} bare / ${rng(p.autoAcceptMasked)} masked, review floor ${rng(p.review)}, per-person bars ${rng(p.perPersonBare)} bare / ${rng(p.perPersonMasked)} masked (${pct(p.raisedBare)} % / ${pct(p.raisedMasked)} % of people raised above the global bar), margin ${f3(p.minMargin)}.`;
}

export function renderHeldOut(run: HeldOutRun): string {
  const h = run.heldOut;
  const c = h.choose;
  const r = h.report;
  const tuning = (t: HeldOut['shippedTuning']) =>
    `look-alike lead ${t.lookalikeLead} / masked ${t.lookalikeLeadMasked}, global quantile ${t.globalQuantile} + ${t.globalLead}, review quantile ${t.reviewQuantile}, margin ${t.marginFraction} (× scale)`;
  const b = h.base;
  const cal = h.chooseCalibration;
  return [
    `### Held-out identities (issue 14) — engine \`${run.meta.engine}\` — ${run.startedAt.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Command: \`${run.command}\`; 1-minute load average at the start ${run.loadAverage.toFixed(2)} (2 cores shared with other jobs); ${run.seconds.toFixed(0)} s.`,
    `celeba-dev split by identity (bench/faces/split.ts: sorted identities, even → choose, odd → report), strangers-lfw the same way by name. Shipped engine thresholds: review ${f3(b.review)}, match ${f3(b.match)}, auto-accept ${f3(b.autoAccept)} bare / ${f3(b.autoAcceptMasked)} masked, maskedness ${f3(b.masked)}. The old protocol's calibration run on the choose half only would pick: review ${f3(cal.review)}, match ${f3(cal.match)}, auto-accept ${f3(cal.autoAccept)} / ${f3(cal.autoAcceptMasked)}, maskedness ${f3(cal.masked)}.`,
    '',
    ...evalRows(c.evaluation, r.evaluation),
    '',
    `Gate passes (bench/faces/gate-sim.ts): the gate's own code — rankPersons per frame, deriveOperatingPoints per gallery, decidePass per pass — over ${FOLD_TEXT}. Choose half: ${counts(c.shipped.tallies)}; report half: ${counts(r.shipped.tallies)}. "constants" = the engine's thresholds with the previous pass policy (margin 0.05); "shipped" = + operating points with the code's DEFAULT_TUNING (${tuning(h.shippedTuning)}); "chosen" = the parameters this run's search picked on the choose half (${h.searched} candidates): ${tuning(h.chosenTuning)}; "stressed" = auto-accept constants lowered by half the score scale (a population that scores higher than the choose half), same rules.`,
    '',
    '| half | config | bare: auto right | bare: wrong punches | bare: review | bare: unknown | masked: auto right | masked: wrong | masked: review | masked: unknown | strangers bare: punched | strangers bare: review | strangers masked: punched | strangers masked: review |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...[c, r].flatMap((x) => [
      gateRow(x.half, 'constants', x.constants),
      gateRow(x.half, '**shipped**', x.shipped),
      gateRow(x.half, 'chosen', x.chosen),
      gateRow(x.half, 'constants, stressed', x.stressedConstants),
      gateRow(x.half, 'shipped, stressed', x.stressedShipped),
    ]),
    '',
    pointsLine(c),
    pointsLine(r),
  ].join('\n');
}

const FOLD_TEXT =
  '5 folds per half (each fold leaves a fifth of the identities out of the gallery; they walk through as strangers with 3 photos per pass); enrolled people pass with 3 of their non-enrolled photos per pass (bare, or each photo with a drawn mask); an LFW stranger\'s single photo is repeated 3 times (identical frames: the worst case for a false punch); every stranger pass is counted once per fold';

/** Replaces (or inserts after the last face section) this engine's held-out subsection of bench/RESULTS.md. */
export function writeHeldOut(run: HeldOutRun): string {
  const file = path.resolve('bench/RESULTS.md');
  const begin = `<!-- faces-heldout:${run.meta.engine} -->`;
  const end = `<!-- /faces-heldout:${run.meta.engine} -->`;
  const block = `${begin}\n${renderHeldOut(run)}\n${end}`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i >= 0 && j > i) text = text.slice(0, i) + block + text.slice(j + end.length);
  else {
    const last = Math.max(text.lastIndexOf('<!-- /faces:'), text.lastIndexOf('<!-- /faces-heldout:'));
    const after = last >= 0 ? text.indexOf('-->', last) + 3 : text.length;
    text = `${text.slice(0, after)}\n\n${block}${text.slice(after)}`;
  }
  writeFileSync(file, text);
  return file;
}
