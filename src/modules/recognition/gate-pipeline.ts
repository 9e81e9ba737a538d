import { randomUUID } from 'node:crypto';
import { encodeJpeg } from '../../platform/image/codec';
import { BLOB_KINDS, recordBlobOwner } from '../../platform/blob-owners/blob-owners';
import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';
import { type DetectedFace, type FaceBox, type FaceEngine, type RgbImage } from '../../platform/ports/face-engine';
import { DEFAULT_PASS_POLICY, decidePass, type FrameCandidates, type PassVerdict } from './domain/decide-pass';
import { assessLiveness, DEFAULT_LIVENESS_PARAMS, LIVENESS_MODEL } from './domain/liveness';
import { applyLivenessPolicy, DEFAULT_LIVENESS_POLICY, type LivenessPolicy } from './domain/liveness-policy';
import { type Described, rankPersons, type Template } from './domain/match';
import { FaceTracker, type Track } from './domain/tracker';
import { activeEnrollmentPeriod, collectPass } from './gate-enrollment.collect';
import { effectiveLivenessPolicy } from './liveness.repo';
import { assignUnknownCluster } from './unknowns.repo';
import { loadGallery } from './templates.repo';
import type { GateStats } from './gate-stats-types';
import { cropRgb } from '../../platform/image/pixels';
import { meanEmbedding } from '../../platform/image/embedding';

/** What a punch needs from the attendance module (its `ingestPunch`, injected so tests and modules stay decoupled). */
export type PunchSink = (
  db: Db,
  punch: {
    source: string;
    sourceEventId: string;
    personId: string;
    at: Date;
    direction?: 'IN' | 'OUT' | null;
    confidence?: number | null;
    sourceKind?: 'CAMERA';
    evidence?: { snapshotKey?: string; sightingId?: string };
  },
) => Promise<{ status: string; punchId: string }>;

export interface GateCamera {
  id: string;
  unitId: string;
  direction: 'IN' | 'OUT' | null;
}

export interface GateOptions {
  minFaceWidth: number;
  galleryRefreshMs: number;
  /** Frames older than this many ms behind the newest are skipped (drop under load rather than fall behind). */
  maxLagMs: number;
}

export const DEFAULT_GATE_OPTIONS: GateOptions = { minFaceWidth: 40, galleryRefreshMs: 30_000, maxLagMs: 2_000 };

interface FramePayload {
  candidates: FrameCandidates;
  described: Described;
  frame: RgbImage;
  box: FaceBox;
  face: DetectedFace;
  atMs: number;
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
}

/**
 * Gate recognition for one camera: detect → track → describe → match 1:N against the unit's gallery → one decision
 * per pass → sighting with snapshot and engine metadata → punch (auto), review queue (ambiguous) or unknown group.
 * Frames are handled one at a time; the caller's bounded queue (cameras.onFrames) drops frames when this is slow.
 */
export class GatePipeline {
  private readonly tracker = new FaceTracker<FramePayload>({ minIou: 0.2, maxGapMs: 1500 });
  private gallery: Template[] = [];
  private galleryLoadedAt = Number.NEGATIVE_INFINITY;
  private livenessPolicy: LivenessPolicy = DEFAULT_LIVENESS_POLICY;
  readonly stats: GateStats = {
    frames: 0,
    analysed: 0,
    skippedNoMotion: 0,
    dropped: 0,
    outOfOrder: 0,
    duplicates: 0,
    faces: 0,
    passes: 0,
    merged: 0,
    debounced: 0,
    sightings: { AUTO: 0, REVIEW: 0, UNKNOWN: 0 },
    latencyMs: { p50: null, p95: null, samples: 0 },
    lastFrameAt: null,
    observedFps: null,
    since: new Date().toISOString(),
  };
  readonly recent: SightingRecord[] = [];

  constructor(
    private readonly deps: { db: Db; blobs: BlobStore; engine: FaceEngine; punch: PunchSink; now: () => Date },
    private readonly camera: GateCamera,
    private readonly options: GateOptions = DEFAULT_GATE_OPTIONS,
  ) {}

  async handleFrame(frame: { at: Date; width: number; height: number; rgb: Uint8Array }): Promise<void> {
    const atMs = frame.at.getTime();
    if (this.deps.now().getTime() - atMs > this.options.maxLagMs) {
      this.stats.dropped++;
      return;
    }
    this.stats.frames++;
    await this.refreshGallery();
    const image: RgbImage = { width: frame.width, height: frame.height, data: frame.rgb };
    const { engine } = this.deps;
    const faces = await engine.detect(image, { minFaceWidth: this.options.minFaceWidth });
    const detections: { box: FaceBox; payload: FramePayload }[] = [];
    for (const face of faces) {
      const d = await engine.describe(image, face);
      const described = { full: d.embedding, upper: d.upperEmbedding, maskedness: d.maskedness };
      const scores = rankPersons(described, this.gallery, engine.meta.thresholds.masked);
      detections.push({
        box: face.box,
        payload: { candidates: { faceWidth: face.box.width, maskedness: d.maskedness, scores }, described, frame: image, box: face.box, face, atMs },
      });
    }
    this.stats.faces += faces.length;
    for (const track of this.tracker.push(atMs, detections)) await this.finish(track);
  }

  /** Ends passes that have gone quiet by `now` (call periodically and at shutdown). */
  async flush(now = Number.POSITIVE_INFINITY): Promise<void> {
    for (const track of this.tracker.expire(now)) await this.finish(track);
  }

  private async refreshGallery(): Promise<void> {
    const now = this.deps.now().getTime();
    if (now - this.galleryLoadedAt < this.options.galleryRefreshMs) return;
    this.gallery = await loadGallery(this.deps.db, this.camera.unitId, this.deps.engine.meta.engine);
    // The liveness policy changes rarely; it is reloaded with the gallery (and on invalidateGallery).
    this.livenessPolicy = await effectiveLivenessPolicy(this.deps.db, this.camera.unitId);
    this.galleryLoadedAt = now;
  }

  /** Forces the next frame to reload the gallery (after enrollment or consent changes). */
  invalidateGallery(): void {
    this.galleryLoadedAt = Number.NEGATIVE_INFINITY;
  }

  private async finish(track: Track<FramePayload>): Promise<void> {
    const { db, blobs, engine } = this.deps;
    const frames = track.observations.map((o) => o.payload);
    const matched = decidePass(frames.map((f) => f.candidates), { ...DEFAULT_PASS_POLICY, thresholds: engine.meta.thresholds });
    // Heuristic liveness signal (not certified anti-spoofing): recorded for every pass, acted on only under policy REVIEW.
    const liveness = assessLiveness(frames.map((f) => ({ image: f.frame, face: f.face })));
    const verdict = applyLivenessPolicy(matched, liveness.score, this.livenessPolicy);
    // The snapshot is the frame with the largest face: the best evidence a reviewer can look at.
    const best = frames.reduce((a, b) => (b.box.width > a.box.width ? b : a));
    const seenAt = new Date(best.atMs);
    const id = randomUUID();
    const snapshotKey = `faces/sightings/${seenAt.toISOString().slice(0, 10)}/${id}.jpg`;
    const pad = best.box.width;
    await blobs.put(
      snapshotKey,
      await encodeJpeg(cropRgb(best.frame, best.box.x - pad, best.box.y - pad, best.box.width + 2 * pad, best.box.height + 2 * pad)),
      'image/jpeg',
    );
    const topPerson = verdict.kind === 'auto' ? verdict.personId : null;
    // During a gate enrollment period, a pass the matcher was not sure of (unknown or review, never one that matched
    // confidently) with at least one face good enough to enroll is grouped per person for enrollment; otherwise
    // strangers are grouped as before.
    const period = matched.kind !== 'auto' ? await activeEnrollmentPeriod(db, this.camera.id, seenAt) : undefined;
    const passFrames = frames.map((f) => ({ image: f.frame, face: f.face, described: f.described, atMs: f.atMs }));
    const collected = period ? await collectPass({ db, blobs, engine }, period, this.camera.id, id, passFrames, liveness.score, this.deps.now()) : undefined;
    const unknownCluster =
      collected ??
      (verdict.kind === 'unknown'
        ? await assignUnknownCluster(db, this.camera.unitId, engine.meta.engine, meanEmbedding(frames.map((f) => f.described.full)), seenAt, engine.meta.thresholds.match)
        : null);
    const livenessMeta = { ...LIVENESS_MODEL, params: DEFAULT_LIVENESS_PARAMS, policy: this.livenessPolicy };
    // The sighting and its snapshot's owner (the camera's unit, and the person when matched) in one transaction; if
    // it fails, the snapshot goes too.
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO face_sightings (id, camera_id, unit_id, seen_at, frames, verdict, review_reason, person_id, score, masked,
           liveness, candidates, engine_meta, snapshot_key, unknown_cluster_id, review_status, created_at, liveness_detail,
           first_seen_at, last_seen_at, decided_at, decision_latency_ms)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$17,$11,$12,$13,$14,$15,$16,$18,$19,$20,$16,$21)`,
        [
          id,
          this.camera.id,
          this.camera.unitId,
          seenAt,
          frames.length,
          verdict.kind.toUpperCase(),
          verdict.kind === 'review' ? verdict.reason : null,
          topPerson,
          verdict.candidates[0]?.score ?? null,
          verdict.masked,
          JSON.stringify(verdict.candidates),
          // The liveness method, its version, thresholds and the policy in force sit with the engine's models and thresholds.
          JSON.stringify({ ...engine.meta, liveness: livenessMeta }),
          snapshotKey,
          unknownCluster,
          verdict.kind === 'review' ? 'PENDING' : null,
          this.deps.now(),
          liveness.score,
          JSON.stringify({ components: liveness.components, raw: liveness.raw, frames: liveness.frames }),
          new Date(frames[0]?.atMs ?? best.atMs),
          new Date(frames[frames.length - 1]?.atMs ?? best.atMs),
          Math.max(0, Math.round(this.deps.now().getTime() - (frames[0]?.atMs ?? best.atMs))),
        ],
      );
      await recordBlobOwner(tx, { key: snapshotKey, kind: BLOB_KINDS.sighting, unitId: this.camera.unitId, personId: topPerson, createdBy: `camera:${this.camera.id}` });
    }).catch(async (err: unknown) => {
      await blobs.delete(snapshotKey).catch(() => undefined);
      throw err;
    });
    const record: SightingRecord = { id, verdict, seenAt, liveness: liveness.score, ...(collected ? { enrollmentGroupId: collected } : {}) };
    if (verdict.kind === 'auto') {
      const punch = await this.deps.punch(db, {
        source: `camera:${this.camera.id}`,
        sourceEventId: id,
        personId: verdict.personId,
        at: seenAt,
        direction: this.camera.direction,
        confidence: Math.max(0, Math.min(1, verdict.score)),
        sourceKind: 'CAMERA',
        evidence: { snapshotKey, sightingId: id },
      });
      record.punchId = punch.punchId;
      await db.query('UPDATE face_sightings SET punch_id = $2, decision_latency_ms = $3 WHERE id = $1', [
        id,
        punch.punchId,
        Math.round(this.deps.now().getTime() - seenAt.getTime()),
      ]);
    }
    this.stats.sightings[verdict.kind === 'auto' ? 'AUTO' : verdict.kind === 'review' ? 'REVIEW' : 'UNKNOWN']++;
    this.recent.push(record);
    if (this.recent.length > 100) this.recent.shift();
  }
}
