import type { FaceThresholds } from '../../../platform/ports/face-engine';
import { meanEmbedding } from '../../../platform/image/embedding';
import { quantileSorted } from '../../../platform/math/quantile';
import { CENTROID_WEIGHT, type Described, fusedScore, type Template } from './match';

/**
 * Operating points derived from the site's own gallery (issue 14): constants tuned on one data set did not hold on
 * people never seen (0.9 % of unseen people's bare probes auto-punched as another person with the shipped 0.949), so
 * the gate measures how close its own enrolled people are to each other and raises the bars where they crowd.
 *
 * Each enrolled person stands in for a stranger to everybody else (leave one out): their enrollment templates are
 * scored against every other person exactly as rankPersons scores a gate probe. That gives
 * - per person, the nearest look-alike's score into them → their own auto-accept bar, raised above it by a lead;
 * - over the gallery, the distribution of "a stranger's best score" → the global auto-accept bar, and the review floor
 *   (a pass under it is unknown: its embedding is discarded and nobody has to look at it);
 * - a top-1/top-2 margin on the engine's own score scale.
 * Never below the engine's base thresholds: a gallery too small to say anything keeps the engine's constants.
 * Held-out figures (both halves of celeba-dev, both engines) and the cost for 2,000 persons: bench/RESULTS.md.
 */
export interface OperatingPoints {
  /** Engine thresholds, autoAccept/autoAcceptMasked/review adjusted for this gallery (never lowered). */
  thresholds: FaceThresholds;
  /** Auto-accept bar per person (≥ thresholds), raised near a look-alike. */
  perPerson: ReadonlyMap<string, { bare: number; masked: number }>;
  /** Top-1 − top-2 lead needed for an automatic punch. */
  minMargin: number;
  /** Stored in engine_meta beside each decision. */
  basis: { persons: number; impostorPairs: number; impostorHigh: number | null };
}

/**
 * The rule's parameters, as fractions of the engine's own score scale (scaleOf: base autoAccept − the floor under
 * which a pass is unknown, min(review, match) as decidePass applies it), so one set
 * serves engines whose cosines live in different ranges. Chosen on the 'choose' half of celeba-dev only (bench/faces).
 */
export interface OperatingPointTuning {
  /** A person's bar sits this far (× scale) above their nearest look-alike's score into them. */
  lookalikeLead: number;
  /** The same for masked passes (look-alikes' masked templates scored the masked way). */
  lookalikeLeadMasked: number;
  /** Global auto-accept: this quantile of the pseudo-strangers' best scores … */
  globalQuantile: number;
  /** … plus this lead (× scale). */
  globalLead: number;
  /** Review floor: this quantile of the pseudo-strangers' best scores (bounded reviewer work); ≤ 0 keeps base. */
  reviewQuantile: number;
  /** Top-1 − top-2 margin for an automatic punch (× scale). */
  marginFraction: number;
  /** Candidate look-alikes per person kept by the centroid prefilter before exact scoring. */
  neighbours: number;
}

/**
 * Chosen on the 'choose' identity half of celeba-dev only (bench/faces/heldout.ts coordinate search, 2026-12-07; the
 * figures on both halves are in bench/RESULTS.md): yunet+intel's search gave look-alike leads 0 / 0, global quantile
 * 0.95 + 0.25, margin 0.5; the review quantile, which cannot move yunet+intel (its review floor sits above `match`),
 * is yunet+dlib's choice (0.5: half of the bare strangers' passes no longer queue for review). At these values the
 * per-person bars rarely rise above the engine constants on 40-person galleries: the rule guards larger or more
 * crowded galleries than the bench has, and the margin is what changes decisions here.
 */
export const DEFAULT_TUNING: OperatingPointTuning = {
  lookalikeLead: 0,
  lookalikeLeadMasked: 0,
  globalQuantile: 0.95,
  globalLead: 0.25,
  reviewQuantile: 0.5,
  marginFraction: 0.5,
  neighbours: 8,
};

interface Person {
  personId: string;
  all: Described[];
  allCentroid: Described;
  bare: Described[];
  bareCentroid: Described;
  /** This person's faces used as impostor probes: bare ones, and masked ones (real copies or bare ones scored masked). */
  bareProbes: Described[];
  maskedProbes: Described[];
}

function centroid(templates: readonly Described[]): Described {
  return {
    full: meanEmbedding(templates.map((t) => t.full)),
    upper: meanEmbedding(templates.map((t) => t.upper)),
    maskedness: templates.reduce((s, t) => s + t.maskedness, 0) / templates.length,
  };
}

function groupPersons(gallery: readonly Template[], maskedThreshold: number): Person[] {
  const byPerson = new Map<string, Template[]>();
  for (const t of gallery) {
    const list = byPerson.get(t.personId);
    if (list) list.push(t);
    else byPerson.set(t.personId, [t]);
  }
  return [...byPerson].map(([personId, all]) => {
    const bareOnly = all.filter((t) => t.maskedness < maskedThreshold);
    const maskedOnly = all.filter((t) => t.maskedness >= maskedThreshold);
    const bare = bareOnly.length ? bareOnly : all;
    return {
      personId,
      all,
      allCentroid: centroid(all),
      bare,
      bareCentroid: centroid(bare),
      bareProbes: bareOnly.length ? bareOnly : all.map((t) => ({ ...t, maskedness: 0 })),
      // A person with no masked copy still has an upper-face embedding: scored the masked way it stands in for one.
      maskedProbes: maskedOnly.length ? maskedOnly : all.map((t) => ({ ...t, maskedness: 1 })),
    };
  });
}

/** A probe's score for one person, exactly as rankPersons computes it (match.test-style check in the unit test). */
export function personScore(probe: Described, person: Pick<Person, 'all' | 'allCentroid' | 'bare' | 'bareCentroid'>, maskedThreshold: number): number {
  const masked = probe.maskedness >= maskedThreshold;
  const templates = masked ? person.all : person.bare;
  let best = Number.NEGATIVE_INFINITY;
  for (const t of templates) best = Math.max(best, fusedScore(probe, t, maskedThreshold));
  const toCentroid = fusedScore(probe, masked ? person.allCentroid : person.bareCentroid, maskedThreshold);
  return CENTROID_WEIGHT * toCentroid + (1 - CENTROID_WEIGHT) * best;
}

/**
 * Value at quantile q (0..1) of a sorted ascending list: the kernel's one quantile (linear between ranks, as
 * PostgreSQL's percentile_cont), which is exactly the definition the held-out figures in bench/RESULTS.md were made
 * with. Re-exported under its old name for the benches and tests that import it from here.
 */
export const quantile = quantileSorted;

/**
 * Nearest candidates per person by cosine of bare centroids: O(P² · d) but only one dot product per pair, so 2,000
 * persons take a fraction of a second; the exact (template-level) scoring then runs on these few pairs only.
 */
function nearestByCentroid(persons: readonly Person[], k: number): number[][] {
  const n = persons.length;
  const d = (persons[0] as Person).bareCentroid.full.length;
  // One contiguous matrix: the P² inner loop then walks memory in order (2× faster than per-person arrays in V8).
  const m = new Float32Array(n * d);
  persons.forEach((p, i) => {
    m.set(p.bareCentroid.full, i * d);
  });
  const idx = persons.map(() => new Int32Array(k).fill(-1));
  const score = persons.map(() => new Float64Array(k).fill(Number.NEGATIVE_INFINITY));
  const push = (i: number, j: number, s: number) => {
    const sc = score[i] as Float64Array;
    const ix = idx[i] as Int32Array;
    if (s <= (sc[k - 1] as number)) return;
    let pos = k - 1;
    while (pos > 0 && (sc[pos - 1] as number) < s) {
      sc[pos] = sc[pos - 1] as number;
      ix[pos] = ix[pos - 1] as number;
      pos--;
    }
    sc[pos] = s;
    ix[pos] = j;
  };
  for (let i = 0; i < n; i++) {
    const a = i * d;
    for (let j = i + 1; j < n; j++) {
      const b = j * d;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let x = 0;
      for (; x + 3 < d; x += 4) {
        s0 += (m[a + x] as number) * (m[b + x] as number);
        s1 += (m[a + x + 1] as number) * (m[b + x + 1] as number);
        s2 += (m[a + x + 2] as number) * (m[b + x + 2] as number);
        s3 += (m[a + x + 3] as number) * (m[b + x + 3] as number);
      }
      for (; x < d; x++) s0 += (m[a + x] as number) * (m[b + x] as number);
      const s = s0 + s1 + s2 + s3;
      push(i, j, s);
      push(j, i, s);
    }
  }
  return idx.map((ix) => [...ix].filter((j) => j >= 0));
}

/**
 * 32-bit FNV-1a over person ids, maskedness and the raw bits of every embedding: the gate reloads its gallery every
 * 30 s as a new array, nearly always with the same content, and hashing costs a few ms where deriving costs up to a
 * second for thousands of people (bench/faces/operating-points.bench.ts).
 */
export function galleryFingerprint(gallery: readonly Template[]): string {
  let h = 0x811c9dc5;
  const mix = (x: number) => {
    h ^= x;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (const t of gallery) {
    for (let i = 0; i < t.personId.length; i++) mix(t.personId.charCodeAt(i));
    mix(Math.round(t.maskedness * 1e9));
    for (const v of [t.full, t.upper]) {
      const bits = new Uint32Array(v.buffer, v.byteOffset, v.length);
      for (let i = 0; i < bits.length; i++) mix(bits[i] as number);
    }
  }
  return `${gallery.length}:${h.toString(16)}`;
}

/** The last derivation, reused while the gallery, the engine thresholds and the tuning are the same. */
let last: { key: string; points: OperatingPoints } | undefined;

/**
 * Operating points for this gallery (see the interface). Same input → the same object as last time, without
 * recomputing (the gate calls this at every gallery reload).
 */
export function deriveOperatingPoints(gallery: readonly Template[], base: FaceThresholds, tuning: Partial<OperatingPointTuning> = {}): OperatingPoints {
  const t = { ...DEFAULT_TUNING, ...tuning };
  const key = `${galleryFingerprint(gallery)}|${JSON.stringify(base)}|${JSON.stringify(t)}`;
  if (last?.key === key) return last.points;
  const points = derive(gallery, base, t);
  last = { key, points };
  return points;
}

/**
 * The engine's score scale: from the unknown floor (decidePass: below min(review, match) a pass is unknown) to the
 * auto-accept bar. yunet+dlib 0.949 − 0.9 = 0.049; yunet+intel 0.43 − 0.33 = 0.10 (its review sits above match).
 */
export function scaleOf(base: FaceThresholds): number {
  return Math.max(base.autoAccept - Math.min(base.review, base.match), 0);
}

function derive(gallery: readonly Template[], base: FaceThresholds, t: OperatingPointTuning): OperatingPoints {
  const scale = scaleOf(base);
  const persons = groupPersons(gallery, base.masked);
  const minMargin = t.marginFraction * scale;
  if (persons.length < 2) {
    return {
      thresholds: { ...base },
      perPerson: new Map(persons.map((p) => [p.personId, { bare: base.autoAccept, masked: base.autoAcceptMasked }])),
      minMargin,
      basis: { persons: persons.length, impostorPairs: 0, impostorHigh: null },
    };
  }
  const neighbours = nearestByCentroid(persons, Math.max(1, Math.min(t.neighbours, persons.length - 1)));
  // lookalike[p] = highest score any other person's face reaches as p; strangerTop[q] = q's best score into anybody.
  const lookalike = persons.map(() => ({ bare: Number.NEGATIVE_INFINITY, masked: Number.NEGATIVE_INFINITY }));
  const strangerTop = persons.map(() => ({ bare: Number.NEGATIVE_INFINITY, masked: Number.NEGATIVE_INFINITY }));
  const scored = new Set<number>();
  let impostorPairs = 0;
  const n = persons.length;
  const scorePair = (q: number, p: number) => {
    // q's faces probing person p (directed): pairs are taken from both persons' neighbour lists, once each.
    if (scored.has(q * n + p)) return;
    scored.add(q * n + p);
    impostorPairs++;
    const target = persons[p] as Person;
    const from = persons[q] as Person;
    let bare = Number.NEGATIVE_INFINITY;
    for (const probe of from.bareProbes) bare = Math.max(bare, personScore(probe, target, base.masked));
    let masked = Number.NEGATIVE_INFINITY;
    for (const probe of from.maskedProbes) masked = Math.max(masked, personScore(probe, target, base.masked));
    const l = lookalike[p] as { bare: number; masked: number };
    l.bare = Math.max(l.bare, bare);
    l.masked = Math.max(l.masked, masked);
    const s = strangerTop[q] as { bare: number; masked: number };
    s.bare = Math.max(s.bare, bare);
    s.masked = Math.max(s.masked, masked);
  };
  neighbours.forEach((list, p) => {
    for (const q of list) {
      scorePair(q, p);
      scorePair(p, q);
    }
  });

  const sortedBare = strangerTop.map((s) => s.bare).sort((a, b) => a - b);
  const sortedMasked = strangerTop.map((s) => s.masked).sort((a, b) => a - b);
  const globalBare = (quantile(sortedBare, t.globalQuantile) as number) + t.globalLead * scale;
  const globalMasked = (quantile(sortedMasked, t.globalQuantile) as number) + t.globalLead * scale;
  const autoAccept = Math.max(base.autoAccept, globalBare);
  const autoAcceptMasked = Math.max(base.autoAcceptMasked, globalMasked);
  const reviewFromGallery = t.reviewQuantile > 0 ? (quantile(sortedBare, t.reviewQuantile) as number) : Number.NEGATIVE_INFINITY;
  // The review floor never climbs to the auto-accept bar: something must stay between "unknown" and "punch".
  const review = Math.max(base.review, Math.min(reviewFromGallery, autoAccept - 0.25 * scale));
  const perPerson = new Map<string, { bare: number; masked: number }>();
  persons.forEach((person, i) => {
    const l = lookalike[i] as { bare: number; masked: number };
    perPerson.set(person.personId, {
      bare: Math.max(autoAccept, l.bare + t.lookalikeLead * scale),
      masked: Math.max(autoAcceptMasked, l.masked + t.lookalikeLeadMasked * scale),
    });
  });
  return {
    thresholds: { ...base, autoAccept, autoAcceptMasked, review },
    perPerson,
    minMargin,
    basis: { persons: n, impostorPairs, impostorHigh: sortedBare[sortedBare.length - 1] ?? null },
  };
}
