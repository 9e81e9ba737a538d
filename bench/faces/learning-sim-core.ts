/**
 * Weeks of gate passes with a learning gallery (issue 14), over the bench's extracted features. Every decision is the
 * product's code: rankPersons per frame, deriveOperatingPoints per weekly gallery (H2's rule, shipped tuning, through
 * gate-sim.ts policyFor), decidePass per pass, and the learning gallery's admit/prune (domain/gallery-learning.ts).
 *
 * Leakage guard: each enrolled person's probe photos are split in two pools. Passes made of "learn" photos feed the
 * gallery (automatic punches and simulated confirmed reviews); passes made of "measure" photos never do, and the auto
 * rate is measured on them only, so no measured pass is ever matched against a template learned from its own photo.
 * Pessimistic on purpose: a wrong automatic punch is never annulled, so its face is learned into the wrong person
 * whenever the rules admit it (the job's settle time and the annul check are not credited).
 */
import { decidePass, type FrameCandidates } from '../../src/modules/recognition/domain/decide-pass';
import { admit, type LearningPolicy, type PersonTemplate, prune, type RefusalReason } from '../../src/modules/recognition/domain/gallery-learning';
import type { OperatingPointTuning } from '../../src/modules/recognition/domain/operating-points';
import { meanEmbedding } from '../../src/platform/image/embedding';
import type { FaceThresholds } from '../../src/platform/ports/face-engine';
import { gallery } from './evaluate';
import type { PhotoFeatures } from './extract';
import { policyFor } from './gate-sim';
import { type Described, rankPersons, seededRandom, type Template } from './metrics';

const FACE_WIDTH = 100;

export interface SimPerson {
  id: string;
  enrollment: Template[];
  learnPool: PhotoFeatures[];
  measurePool: PhotoFeatures[];
}

export interface SimSetup {
  persons: SimPerson[];
  /** Identities of the half left out of the gallery: multi-photo strangers. */
  celebaStrangers: { id: string; photos: PhotoFeatures[] }[];
  /** One photo each: their pass repeats it (identical frames agree perfectly, the worst case). */
  lfwStrangers: PhotoFeatures[];
}

export interface SimOptions {
  base: FaceThresholds;
  weeks: number;
  /** Passes per enrolled person per week from each pool (learn and measure), and per celeba stranger. */
  passesPerWeek: number;
  maskedShare: number;
  framesPerPass: number;
  seed: number;
  /** null = no learning (the baseline). */
  learning: LearningPolicy | null;
  tuning: Partial<OperatingPointTuning>;
  /** Share of review items where the reviewer confirms the top candidate although it is wrong (default 0). */
  reviewerError?: number;
}

export interface Counts {
  passes: number;
  autoRight: number;
  autoWrong: number;
  review: number;
  unknown: number;
}

export interface WeekFigures {
  week: number;
  measuredBare: Counts;
  measuredMasked: Counts;
  /** Learn-pool passes (counted for wrong punches only: they are matched against their own learned photos). */
  learnPasses: Counts;
  strangers: Counts;
  /** Wrong automatic punches / every pass of the week (enrolled, both pools, and strangers). */
  wrongRate: number;
  learnedTemplates: number;
  /** Learned templates whose face is not the person they were learned into (a wrong punch or review learned). */
  learnedWrong: number;
  admitted: number;
  admittedMasked: number;
  refused: Partial<Record<RefusalReason, number>>;
  refusedMasked: Partial<Record<RefusalReason, number>>;
}

const zero = (): Counts => ({ passes: 0, autoRight: 0, autoWrong: 0, review: 0, unknown: 0 });

/** Enrolled persons (2 photos + synthetic masked copies, as the product enrolls) and strangers for one fold of a half. */
export function buildSetup(photos: PhotoFeatures[], strangers: PhotoFeatures[], fold: number, folds: number): SimSetup {
  const identities = [...new Set(photos.map((p) => p.photo.identity))].sort();
  const out = new Set(identities.filter((_, i) => i % folds === fold));
  const inGallery = photos.filter((p) => !out.has(p.photo.identity));
  const { templates, enrolledKeys } = gallery(inGallery, 2, true);
  const usable = (p: PhotoFeatures) => p.bare !== undefined && p.masked !== undefined && !enrolledKeys.has(p.photo.key);
  const persons = identities
    .filter((id) => !out.has(id))
    .map((id) => {
      const probes = photos.filter((p) => p.photo.identity === id && usable(p));
      return {
        id,
        enrollment: templates.filter((t) => t.personId === id),
        learnPool: probes.filter((_, i) => i % 2 === 0),
        measurePool: probes.filter((_, i) => i % 2 === 1),
      };
    })
    .filter((p) => p.enrollment.length > 0 && p.learnPool.length >= 2 && p.measurePool.length >= 2);
  const celebaStrangers = [...out].map((id) => ({ id, photos: photos.filter((p) => p.photo.identity === id && p.bare && p.masked) })).filter((s) => s.photos.length >= 2);
  return { persons, celebaStrangers, lfwStrangers: strangers.filter((s) => s.bare && s.masked) };
}

interface Pass {
  truth: string | null;
  masked: boolean;
  frames: Described[];
  kind: 'learn' | 'measure' | 'stranger';
  /** The photo keys of the frames (to tell which face a learned template really is). */
  identity: string;
}

function pickFrames(pool: PhotoFeatures[], n: number, masked: boolean, rnd: () => number): Described[] {
  const order = pool.map((p) => ({ p, r: rnd() })).sort((a, b) => a.r - b.r).slice(0, Math.min(n, pool.length));
  return order.map(({ p }) => (masked ? p.masked : p.bare) as Described);
}

function meanDescribed(frames: Described[]): Described {
  return {
    full: meanEmbedding(frames.map((f) => f.full)),
    upper: meanEmbedding(frames.map((f) => f.upper)),
    maskedness: frames.reduce((s, f) => s + f.maskedness, 0) / frames.length,
  };
}

interface Learned extends PersonTemplate {
  personId: string;
  /** Whose face it really is. */
  faceOf: string;
}

export function simulateWeeks(setup: SimSetup, o: SimOptions): WeekFigures[] {
  const rnd = seededRandom(o.seed);
  const learned: Learned[] = [];
  let nextId = 0;
  const enrollmentOwn = new Map<string, PersonTemplate[]>(
    setup.persons.map((p) => [p.id, p.enrollment.map((t) => ({ ...t, id: `e${nextId++}`, learned: false, at: new Date(0) }))]),
  );
  const weeks: WeekFigures[] = [];
  for (let week = 1; week <= o.weeks; week++) {
    const galleryTemplates: Template[] = [...setup.persons.flatMap((p) => p.enrollment), ...learned.map((l) => ({ personId: l.personId, full: l.full, upper: l.upper, maskedness: l.maskedness }))];
    const { policy } = policyFor({ kind: 'points', tuning: o.tuning }, galleryTemplates, o.base);
    const passes: Pass[] = [];
    const masked = () => rnd() < o.maskedShare;
    for (const p of setup.persons) {
      for (let i = 0; i < o.passesPerWeek; i++) {
        for (const kind of ['learn', 'measure'] as const) {
          const m = masked();
          passes.push({ truth: p.id, masked: m, kind, identity: p.id, frames: pickFrames(kind === 'learn' ? p.learnPool : p.measurePool, o.framesPerPass, m, rnd) });
        }
      }
    }
    for (const s of setup.celebaStrangers) {
      for (let i = 0; i < o.passesPerWeek; i++) {
        const m = masked();
        passes.push({ truth: null, masked: m, kind: 'stranger', identity: `celeba:${s.id}`, frames: pickFrames(s.photos, o.framesPerPass, m, rnd) });
      }
    }
    for (const s of setup.lfwStrangers) {
      const m = masked();
      const face = (m ? s.masked : s.bare) as Described;
      passes.push({ truth: null, masked: m, kind: 'stranger', identity: s.photo.identity, frames: Array.from({ length: o.framesPerPass }, () => face) });
    }
    const fig: WeekFigures = {
      week,
      measuredBare: zero(),
      measuredMasked: zero(),
      learnPasses: zero(),
      strangers: zero(),
      wrongRate: 0,
      learnedTemplates: 0,
      learnedWrong: 0,
      admitted: 0,
      admittedMasked: 0,
      refused: {},
      refusedMasked: {},
    };
    const offers: { personId: string; kind: 'AUTO' | 'REVIEW'; pass: Pass; candidates: { personId: string; score: number }[] }[] = [];
    for (const pass of passes) {
      const frames: FrameCandidates[] = pass.frames.map((d) => ({ faceWidth: FACE_WIDTH, maskedness: d.maskedness, scores: rankPersons(d, galleryTemplates, o.base.masked) }));
      const verdict = decidePass(frames, policy);
      const c = pass.kind === 'stranger' ? fig.strangers : pass.kind === 'learn' ? fig.learnPasses : pass.masked ? fig.measuredMasked : fig.measuredBare;
      c.passes++;
      if (verdict.kind === 'auto') {
        if (verdict.personId === pass.truth) c.autoRight++;
        else c.autoWrong++;
        if (pass.kind !== 'measure') offers.push({ personId: verdict.personId, kind: 'AUTO', pass, candidates: verdict.candidates });
      } else if (verdict.kind === 'review') {
        c.review++;
        if (pass.kind === 'measure') continue;
        const top = verdict.candidates[0]?.personId;
        const wrongConfirm = o.reviewerError !== undefined && rnd() < o.reviewerError;
        const confirmed = wrongConfirm ? top : pass.truth && verdict.candidates.some((x) => x.personId === pass.truth) ? pass.truth : undefined;
        if (confirmed) offers.push({ personId: confirmed, kind: 'REVIEW', pass, candidates: verdict.candidates });
      } else c.unknown++;
    }
    const all = [fig.measuredBare, fig.measuredMasked, fig.learnPasses, fig.strangers];
    fig.wrongRate = all.reduce((s, x) => s + x.autoWrong, 0) / Math.max(1, all.reduce((s, x) => s + x.passes, 0));
    if (o.learning) {
      // The job runs after the settle time: this week's passes are learned before next week's gallery reload.
      for (const offer of offers) {
        const own = [...(enrollmentOwn.get(offer.personId) ?? []), ...learned.filter((l) => l.personId === offer.personId)];
        const probe = meanDescribed(offer.pass.frames);
        const a = admit(
          { kind: offer.kind, personId: offer.personId, probe, frames: offer.pass.frames.length, reviewReason: null, candidates: offer.candidates, consentCoversLearning: true },
          own,
          o.base,
          o.learning,
        );
        if (!a.admit) {
          fig.refused[a.reason] = (fig.refused[a.reason] ?? 0) + 1;
          if (offer.pass.masked) fig.refusedMasked[a.reason] = (fig.refusedMasked[a.reason] ?? 0) + 1;
          continue;
        }
        fig.admitted++;
        if (a.masked) fig.admittedMasked++;
        const t: Learned = { ...probe, id: `l${nextId++}`, learned: true, at: new Date(week * 7 * 86_400_000 + nextId), personId: offer.personId, faceOf: offer.pass.identity };
        learned.push(t);
        const drop = new Set(prune([...own, t], o.base, o.learning));
        for (let i = learned.length - 1; i >= 0; i--) if (drop.has((learned[i] as Learned).id)) learned.splice(i, 1);
      }
    }
    fig.learnedTemplates = learned.length;
    fig.learnedWrong = learned.filter((l) => l.faceOf !== l.personId).length;
    weeks.push(fig);
  }
  return weeks;
}

/** Sums the same week over several folds. */
export function sumWeeks(runs: WeekFigures[][]): WeekFigures[] {
  const first = runs[0] ?? [];
  return first.map((_, w) => {
    const ws = runs.map((r) => r[w] as WeekFigures);
    const add = (k: 'measuredBare' | 'measuredMasked' | 'learnPasses' | 'strangers'): Counts => {
      const out = zero();
      for (const x of ws) for (const f of Object.keys(out) as (keyof Counts)[]) out[f] += x[k][f];
      return out;
    };
    const sum: WeekFigures = {
      week: w + 1,
      measuredBare: add('measuredBare'),
      measuredMasked: add('measuredMasked'),
      learnPasses: add('learnPasses'),
      strangers: add('strangers'),
      wrongRate: 0,
      learnedTemplates: ws.reduce((s, x) => s + x.learnedTemplates, 0),
      learnedWrong: ws.reduce((s, x) => s + x.learnedWrong, 0),
      admitted: ws.reduce((s, x) => s + x.admitted, 0),
      admittedMasked: ws.reduce((s, x) => s + x.admittedMasked, 0),
      refused: {},
      refusedMasked: {},
    };
    for (const x of ws) {
      for (const [k, v] of Object.entries(x.refused)) sum.refused[k as RefusalReason] = (sum.refused[k as RefusalReason] ?? 0) + (v as number);
      for (const [k, v] of Object.entries(x.refusedMasked)) sum.refusedMasked[k as RefusalReason] = (sum.refusedMasked[k as RefusalReason] ?? 0) + (v as number);
    }
    const all = [sum.measuredBare, sum.measuredMasked, sum.learnPasses, sum.strangers];
    sum.wrongRate = all.reduce((s, x) => s + x.autoWrong, 0) / Math.max(1, all.reduce((s, x) => s + x.passes, 0));
    return sum;
  });
}

export const autoRate = (c: Counts) => c.autoRight / Math.max(1, c.passes);
