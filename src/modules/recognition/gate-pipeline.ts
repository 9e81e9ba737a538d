import { randomUUID } from 'node:crypto';
import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';
import type { FaceEngine, RgbImage } from '../../platform/ports/face-engine';
import { DEFAULT_PASS_POLICY, decidePass, type PassPolicy, type PassVerdict, autoBar } from './domain/decide-pass';
import { earlyCheck, earlyOptionsFor } from './domain/early-decision';
import { assessLiveness, DEFAULT_LIVENESS_PARAMS, LIVENESS_MODEL, type LivenessResult } from './domain/liveness';
import { applyLivenessPolicy, DEFAULT_LIVENESS_POLICY, type LivenessPolicy } from './domain/liveness-policy';
import { rankPersons, type Template } from './domain/match';
import type { Zone } from './domain/motion';
import { deriveOperatingPoints, type OperatingPoints } from './domain/operating-points';
import { findFoldTarget, type MergeOptions, pruneRecent, upgrades } from './domain/pass-merge';
import { FaceTracker, type Track } from './domain/tracker';
import { activeEnrollmentPeriod, collectPass } from './gate-enrollment.collect';
import { FrameIntake } from './gate-pipeline.intake';
import { cpuUs, type DecisionHow, type DecisionTrace, type FramePayload, PassState, type WrittenPass } from './gate-pipeline.pass';
import { GateStatsKeeper } from './gate-pipeline.stats';
import { insertSighting, kindOf, type PunchSink, recordPunch, refineSighting, upgradeSighting } from './gate-pipeline.write';
import type { GateStats } from './gate-stats-types';
import { effectiveLivenessPolicy } from './liveness.repo';
import { loadGallery } from './templates.repo';

export type { PunchSink } from './gate-pipeline.write';

export interface GateCamera {
  id: string;
  unitId: string;
  direction: 'IN' | 'OUT' | null;
  /** The gate zone (fractions of the frame) watched for motion; the whole frame when absent. */
  zone?: Zone;
}

export interface GateOptions {
  minFaceWidth: number;
  galleryRefreshMs: number;
  /** Frames older than this many ms behind the newest are skipped (drop under load rather than fall behind). */
  maxLagMs: number;
  /** A track unseen for this long (frame time) has ended: tolerates a 1 fps stream and short gaps. */
  trackGapMs: number;
  /** A new track starting within this long after a pass of the same face is a fragment of it. */
  mergeWindowMs: number;
  /** A pass not confident enough for an early punch is decided after this long at the latest. */
  maxPassMs: number;
  /** With no motion and no pass open, the detector still runs once per this long (someone standing still). */
  keepAliveMs: number;
  /** Frames in a pass before liveness (policy REVIEW) is trusted for an early punch. */
  livenessEarlyFrames: number;
  /** Timestamps going back further than this (or this many frames in a row) restart the timeline. */
  resyncBackMs: number;
  resyncFrames: number;
}

export const DEFAULT_GATE_OPTIONS: GateOptions = {
  minFaceWidth: 40,
  galleryRefreshMs: 30_000,
  maxLagMs: 2_000,
  trackGapMs: 2_500,
  mergeWindowMs: 5_000,
  maxPassMs: 8_000,
  keepAliveMs: 10_000,
  livenessEarlyFrames: 5,
  resyncBackMs: 30_000,
  resyncFrames: 25,
};

/** attendance's built-in debounce (DEFAULT_RULES.debounceSeconds), used when no per-unit reader is injected. */
export const DEFAULT_DEBOUNCE_SECONDS = 120;

export interface GateDeps {
  db: Db;
  blobs: BlobStore;
  engine: FaceEngine;
  punch: PunchSink;
  now: () => Date;
  /** The unit's attendance debounce (rules.debounceSeconds); reloaded with the gallery. */
  debounceSeconds?: (db: Db, unitId: string) => Promise<number>;
}

export interface SightingRecord {
  id: string;
  verdict: PassVerdict;
  seenAt: Date;
  punchId?: string;
  /** Heuristic liveness score of the pass (null with a single frame); see domain/liveness.ts. */
  liveness: number | null;
  /** The gate-enrollment group this pass was added to, when an enrollment period was collecting. */
  enrollmentGroupId?: string;
  /** How and when it was decided, frame by frame (bench/gate.bench.ts reports it; kept for the last 100 passes). */
  decision?: DecisionTrace;
}

/**
 * Gate recognition for one camera (issue 14: one pass, one sighting, one punch, in about a second):
 * frames in camera-time order (backwards and repeated frames dropped and counted) → motion gate → detect → track →
 * describe → match 1:N against the unit's gallery under operating points derived from it → an automatic punch as soon
 * as the evidence suffices (the row written then, refined while the face stays) or, for review and unknown, one
 * decision when the track ends → fragments and repeat sightings folded into the earlier pass.
 * Frames are handled one at a time; the caller's bounded queue (cameras.onFrames) drops frames when this is slow.
 */
export class GatePipeline {
  private readonly tracker: FaceTracker<FramePayload>;
  private readonly states = new Map<number, PassState>();
  private gallery: Template[] = [];
  private points: OperatingPoints | undefined;
  private galleryLoadedAt = Number.NEGATIVE_INFINITY;
  private livenessPolicy: LivenessPolicy = DEFAULT_LIVENESS_POLICY;
  private debounceMs = DEFAULT_DEBOUNCE_SECONDS * 1000;
  private written: WrittenPass[] = [];
  /** Process CPU time when the frame (or flush) being handled began: the trace's CPU cost of a decision. */
  private handlingCpuUs = 0;
  private readonly keeper: GateStatsKeeper;
  private readonly intake: FrameIntake;
  private readonly options: GateOptions;
  readonly recent: SightingRecord[] = [];

  constructor(
    private readonly deps: GateDeps,
    private readonly camera: GateCamera,
    options: Partial<GateOptions> = {},
  ) {
    this.options = { ...DEFAULT_GATE_OPTIONS, ...options };
    const t = deps.engine.meta.thresholds;
    // Without overlap (1 fps, a gap) a face continues a track only when it is close by (3 face widths) and at least as
    // similar as the review floor (two photos of one person usually are; the position rules out most others).
    this.tracker = new FaceTracker({ minIou: 0.2, maxGapMs: this.options.trackGapMs, minSimilarity: Math.min(t.review, t.match), maxJumpWidths: 3 });
    this.keeper = new GateStatsKeeper(deps.now());
    this.intake = new FrameIntake(this.keeper, this.options, camera.zone);
  }

  get stats(): GateStats {
    return this.keeper.snapshot();
  }

  async handleFrame(frame: { at: Date; width: number; height: number; rgb: Uint8Array }): Promise<void> {
    const atMs = frame.at.getTime();
    const arrivedMs = this.deps.now().getTime();
    this.handlingCpuUs = cpuUs();
    const checked = this.intake.timestamp(atMs, this.deps.now().getTime());
    if (checked.kind === 'drop') return;
    if (checked.kind === 'reset') await this.resetTimeline();
    const image: RgbImage = { width: frame.width, height: frame.height, data: frame.rgb };
    const { repeated, motion } = this.intake.content(image, atMs, this.deps.now().getTime());
    if (repeated) return;
    for (const track of this.tracker.expire(atMs)) await this.endTrack(track, atMs, arrivedMs);
    if (!this.intake.gate(atMs, motion, this.tracker.openTracks > 0)) return;
    await this.analyse(image, atMs, arrivedMs);
    await this.decideOverdue(atMs, arrivedMs);
  }

  private async analyse(image: RgbImage, atMs: number, arrivedMs: number): Promise<void> {
    await this.refreshGallery();
    const { engine } = this.deps;
    const faces = await engine.detect(image, { minFaceWidth: this.options.minFaceWidth });
    const detections = [];
    for (const face of faces) {
      const d = await engine.describe(image, face);
      const described = { full: d.embedding, upper: d.upperEmbedding, maskedness: d.maskedness };
      const scores = rankPersons(described, this.gallery, engine.meta.thresholds.masked);
      const payload: FramePayload = { candidates: { faceWidth: face.box.width, maskedness: d.maskedness, scores }, described, frame: image, box: face.box, face, atMs };
      detections.push({ box: face.box, payload, embedding: d.embedding });
    }
    this.keeper.counters.faces += faces.length;
    for (const track of this.tracker.push(atMs, detections)) await this.endTrack(track, atMs, arrivedMs);
    for (const track of this.tracker.tracks) {
      if (track.lastAtMs !== atMs) continue;
      const payload = (track.observations[track.observations.length - 1] as { payload: FramePayload }).payload;
      // The pass state keeps what the decision needs; the tracker needs only the last box, so its list is emptied.
      track.observations.length = 0;
      const state = this.states.get(track.id);
      if (!state) this.states.set(track.id, new PassState(payload));
      else state.add(payload);
    }
    for (const track of this.tracker.tracks) {
      const state = this.states.get(track.id);
      if (state && !state.pass) await this.tryEarly(state, atMs, arrivedMs);
    }
  }

  private policy(): PassPolicy {
    return { ...DEFAULT_PASS_POLICY, thresholds: this.deps.engine.meta.thresholds, ...(this.points ? { points: this.points } : {}) };
  }

  /** An automatic punch as soon as the evidence suffices (domain/early-decision.ts), liveness permitting. */
  private async tryEarly(state: PassState, atMs: number, arrivedMs: number): Promise<void> {
    const check = earlyCheck(state.candidates, this.policy(), earlyOptionsFor(this.deps.engine.meta.engine));
    // Traced only for a new frame of this track (a track missing from this frame has nothing new to say).
    if (state.lastMs === atMs) state.note(arrivedMs, check);
    const { verdict, rule } = check;
    if (!verdict || !rule) return;
    // Under liveness policy REVIEW a punch needs positive liveness evidence, which a few frames cannot give yet.
    if (this.livenessPolicy.mode === 'REVIEW' && state.frames < this.options.livenessEarlyFrames) return;
    const liveness = this.liveness(state);
    const final = applyLivenessPolicy(verdict, liveness.score, this.livenessPolicy);
    if (final.kind !== 'auto') return;
    await this.settle(state, final, liveness, { path: rule, triggerMs: atMs, triggerArrivedMs: arrivedMs });
  }

  /** Passes open longer than maxPassMs without a confident match are decided now (REVIEW or UNKNOWN, or AUTO). */
  private async decideOverdue(atMs: number, arrivedMs: number): Promise<void> {
    for (const track of this.tracker.tracks) {
      const state = this.states.get(track.id);
      if (state && !state.pass && atMs - state.firstMs >= this.options.maxPassMs) await this.decideNow(state, { path: 'longest-pass', triggerMs: atMs, triggerArrivedMs: arrivedMs });
    }
  }

  private liveness(state: PassState): LivenessResult {
    return assessLiveness(state.kept.map((f) => ({ image: f.frame, face: f.face })));
  }

  private async decideNow(state: PassState, how: DecisionHow): Promise<void> {
    const liveness = this.liveness(state);
    const verdict = applyLivenessPolicy(decidePass(state.candidates, this.policy()), liveness.score, this.livenessPolicy);
    await this.settle(state, verdict, liveness, how);
  }

  /** `triggerMs`: the frame time that ended it (+∞ at shutdown or a timeline reset: its last frame is used). */
  private async endTrack(track: Track<FramePayload>, triggerMs: number, arrivedMs: number): Promise<void> {
    const state = this.states.get(track.id);
    this.states.delete(track.id);
    if (!state) return;
    if (!state.pass) {
      await this.decideNow(state, { path: 'track-end', triggerMs: Number.isFinite(triggerMs) ? triggerMs : state.lastMs, triggerArrivedMs: arrivedMs });
      return;
    }
    // A repeat within the debounce window leaves the earlier pass as it was (it is another moment, not more evidence).
    if (state.debounced) return;
    // Decided early (or merged): the row takes the whole pass's evidence, never a second verdict.
    const pass = state.pass;
    pass.frames += state.takeUncounted();
    pass.lastMs = Math.max(pass.lastMs, state.lastMs);
    const own = state.owner
      ? { verdict: decidePass(state.candidates, this.policy()), liveness: this.liveness(state), probe: state.mean() }
      : undefined;
    await refineSighting(this.deps.db, pass.sightingId, { lastSeen: new Date(pass.lastMs), frames: pass.frames, fragments: pass.fragments, ...(own ? { own } : {}) });
  }

  private mergeOptions(): MergeOptions {
    return { mergeWindowMs: this.options.mergeWindowMs, debounceMs: this.debounceMs, sameFace: this.deps.engine.meta.thresholds.match };
  }

  /** Stores a verdict for a track: folded into an earlier pass of the same person, or a new sighting (and punch). */
  private async settle(state: PassState, verdict: PassVerdict, liveness: LivenessResult, how: DecisionHow): Promise<void> {
    const c = this.keeper.counters;
    const kind = kindOf(verdict);
    const personId = verdict.kind === 'auto' ? verdict.personId : verdict.kind === 'review' ? (verdict.candidates[0]?.personId ?? null) : null;
    const probe = state.mean();
    this.written = pruneRecent(this.written, state.firstMs, this.mergeOptions());
    const fold = findFoldTarget(this.written, { kind, personId, embedding: probe.full, firstMs: state.firstMs }, this.mergeOptions());
    if (fold) {
      const target = fold.target;
      state.pass = target;
      state.debounced = fold.reason === 'debounced';
      c[fold.reason]++;
      if (upgrades(target, kind) && (await upgradeSighting(this.deps.db, target.sightingId, { verdict, probe, now: this.deps.now() }))) {
        // The pass is counted once, under its current verdict.
        c.sightings[target.kind]--;
        c.sightings[kind]++;
        target.kind = kind;
        target.personId = personId;
        target.locked = verdict.kind === 'review' && verdict.reason === 'LOW_LIVENESS';
        const record = this.recent.find((r) => r.id === target.sightingId);
        if (record) Object.assign(record, { verdict, decision: state.decision(how) });
        if (verdict.kind === 'auto') await this.punch(target, verdict, record);
      }
      if (fold.reason === 'merged') {
        target.fragments++;
        target.frames += state.takeUncounted();
        target.lastMs = Math.max(target.lastMs, state.lastMs);
        await refineSighting(this.deps.db, target.sightingId, { lastSeen: new Date(target.lastMs), frames: target.frames, fragments: target.fragments });
      } else state.takeUncounted();
      return;
    }
    await this.write(state, verdict, liveness, probe, how);
  }

  private async write(state: PassState, verdict: PassVerdict, liveness: LivenessResult, probe: ReturnType<PassState['mean']>, how: DecisionHow): Promise<void> {
    const { db, blobs, engine } = this.deps;
    const id = randomUUID();
    const firstSeen = new Date(state.firstMs);
    const kind = kindOf(verdict);
    // During a gate enrollment period a pass the matcher was not sure of is grouped per person for enrollment;
    // outside one, a stranger's embedding is discarded at once (Luật 91/2025 Điều 9, audit D11): no group, no probe.
    const period = verdict.kind !== 'auto' ? await activeEnrollmentPeriod(db, this.camera.id, firstSeen) : undefined;
    const passFrames = state.kept.map((f) => ({ image: f.frame, face: f.face, described: f.described, atMs: f.atMs }));
    const collected = period ? await collectPass({ db, blobs, engine }, period, this.camera.id, id, passFrames, liveness.score, this.deps.now()) : undefined;
    const top = verdict.candidates[0];
    const bar = top ? autoBar(this.policy(), top.personId, verdict.masked) : undefined;
    const livenessMeta = { ...LIVENESS_MODEL, params: DEFAULT_LIVENESS_PARAMS, policy: this.livenessPolicy };
    const best = state.best();
    const pass: WrittenPass = {
      sightingId: id,
      kind,
      personId: verdict.kind === 'auto' ? verdict.personId : verdict.kind === 'review' ? (top?.personId ?? null) : null,
      embedding: probe.full,
      firstMs: state.firstMs,
      lastMs: state.lastMs,
      frames: state.takeUncounted(),
      fragments: 1,
      locked: verdict.kind === 'review' && verdict.reason === 'LOW_LIVENESS',
    };
    pass.snapshotKey = await insertSighting(db, blobs, {
      id,
      camera: this.camera,
      verdict,
      firstSeen,
      lastSeen: new Date(state.lastMs),
      frames: pass.frames,
      liveness,
      // The operating points in force (their basis and this candidate's bar) sit with the engine's models and thresholds.
      engineMeta: { ...engine.meta, liveness: livenessMeta, operatingPoints: this.points ? { basis: this.points.basis, thresholds: this.points.thresholds, minMargin: this.points.minMargin, bar: bar?.bar ?? null } : null },
      snapshot: { image: best.frame, box: best.box },
      unknownClusterId: collected ?? null,
      probe,
      now: this.deps.now(),
    });
    state.pass = pass;
    state.owner = true;
    this.written.push(pass);
    const c = this.keeper.counters;
    c.passes++;
    c.sightings[kind]++;
    const record: SightingRecord = { id, verdict, seenAt: firstSeen, liveness: liveness.score, ...(collected ? { enrollmentGroupId: collected } : {}), decision: state.decision(how) };
    this.recent.push(record);
    if (this.recent.length > 100) this.recent.shift();
    if (verdict.kind === 'auto') await this.punch(pass, verdict, record);
    else {
      const now = this.deps.now().getTime();
      this.keeper.latency(Math.max(0, now - state.firstMs));
      Object.assign(record.decision as DecisionTrace, { storedMs: now, cpuMs: (cpuUs() - this.handlingCpuUs) / 1000 });
    }
  }

  /** The punch is at the moment the face was first seen (the arrival), not when the decision was made. */
  private async punch(pass: WrittenPass, verdict: Extract<PassVerdict, { kind: 'auto' }>, record: SightingRecord | undefined): Promise<void> {
    const { db } = this.deps;
    const sightingId = pass.sightingId;
    const at = new Date(pass.firstMs);
    const punch = await this.deps.punch(db, {
      source: `camera:${this.camera.id}`,
      sourceEventId: sightingId,
      personId: verdict.personId,
      at,
      direction: this.camera.direction,
      confidence: Math.max(0, Math.min(1, verdict.score)),
      sourceKind: 'CAMERA',
      evidence: { sightingId, ...(pass.snapshotKey ? { snapshotKey: pass.snapshotKey } : {}) },
    });
    const now = this.deps.now();
    await recordPunch(db, sightingId, punch.punchId, now);
    this.keeper.latency(Math.max(0, now.getTime() - at.getTime()));
    if (record) record.punchId = punch.punchId;
    if (record?.decision) Object.assign(record.decision, { storedMs: now.getTime(), cpuMs: (cpuUs() - this.handlingCpuUs) / 1000 });
  }

  /** Ends passes that have gone quiet by `now` (wall clock; call periodically and at shutdown). */
  async flush(now = Number.POSITIVE_INFINITY): Promise<void> {
    // Tracks live on frame time: wall time since the last frame arrived is added to that frame's timestamp, so a
    // camera whose clock differs from the server's is not cut short (or kept open) by the difference.
    const { lastTs, lastArrival } = this.intake;
    const frameNow = lastTs === null || !Number.isFinite(now) ? now : lastTs + Math.max(0, now - lastArrival);
    const wall = this.deps.now().getTime();
    this.handlingCpuUs = cpuUs();
    for (const track of this.tracker.expire(frameNow)) await this.endTrack(track, frameNow, wall);
    if (!Number.isFinite(frameNow)) return;
    await this.decideOverdue(frameNow, wall);
    // A stranger's embedding is held in memory only while a fragment could still merge with it.
    this.written = pruneRecent(this.written, frameNow, this.mergeOptions());
  }

  private async resetTimeline(): Promise<void> {
    for (const track of this.tracker.expire(Number.POSITIVE_INFINITY)) await this.endTrack(track, Number.POSITIVE_INFINITY, this.deps.now().getTime());
    // Times before and after the jump cannot be compared: nothing folds across it.
    this.written = [];
    this.intake.restart();
  }

  private async refreshGallery(): Promise<void> {
    const now = this.deps.now().getTime();
    if (now - this.galleryLoadedAt < this.options.galleryRefreshMs) return;
    const { db, engine } = this.deps;
    this.gallery = await loadGallery(db, this.camera.unitId, engine.meta.engine);
    // Operating points follow the gallery: who is enrolled decides how close the nearest look-alikes are.
    this.points = this.gallery.length ? deriveOperatingPoints(this.gallery, engine.meta.thresholds) : undefined;
    // The liveness policy and the debounce change rarely; they are reloaded with the gallery (and on invalidateGallery).
    this.livenessPolicy = await effectiveLivenessPolicy(db, this.camera.unitId);
    if (this.deps.debounceSeconds) this.debounceMs = (await this.deps.debounceSeconds(db, this.camera.unitId)) * 1000;
    this.galleryLoadedAt = now;
  }

  /** Forces the next frame to reload the gallery (after enrollment or consent changes). */
  invalidateGallery(): void {
    this.galleryLoadedAt = Number.NEGATIVE_INFINITY;
  }
}
