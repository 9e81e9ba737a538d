import { AppError, errors } from '../../platform/errors';
import { decodeImage } from '../../platform/image/codec';
import { drawSyntheticMask } from '../../platform/image/mask';
import { forgetBlobOwners, forgetBlobOwnersUnder } from '../../platform/blob-owners/blob-owners';
import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';
import type { FaceDescription, FaceEngine, FiveLandmarks } from '../../platform/ports/face-engine';
import { type AuditActor, recordAudit } from '../audit';
import { currentConsent } from './consent.service';
import type { QualityReport } from './domain/quality';
import { keepingPhotos, MASK_VARIANTS } from './enrollment-photo';
import { consentRequired } from './enrollment.service';
import { fromBytes, insertTemplate } from './templates.repo';

/** Templates made from one group: the best faces, one per pass first, so the templates cover several days and angles. */
export const MAX_TEMPLATES_PER_GROUP = 5;

export interface GroupSampleDto {
  id: string;
  quality: number;
  /** Passes the enrollment quality checks, so it can become a template. */
  usable: boolean;
  liveness: number | null;
  seenAt: Date;
}

export interface GroupDto {
  id: string;
  periodId: string;
  passes: number;
  firstSeen: Date;
  lastSeen: Date;
  samples: GroupSampleDto[];
  usableSamples: number;
  /** Lowest liveness score among the group's samples (heuristic signal): a reviewer should look twice when low. */
  minLiveness: number | null;
  /** The enrolled person these faces came closest to (below the automatic threshold): a hint against double enrollment. */
  resembles: { personId: string; fullName: string; employeeCode: string; score: number } | null;
}

interface SampleRow {
  id: string;
  cluster_id: string;
  sighting_id: string;
  engine: string;
  embedding: Uint8Array;
  upper_embedding: Uint8Array;
  maskedness: number;
  quality: number;
  quality_report: QualityReport;
  liveness: number | null;
  image_key: string;
  landmarks: { x: number; y: number }[];
  box: { x: number; y: number; width: number; height: number };
  seen_at: Date;
}

export async function listGroups(db: Db, periodId: string): Promise<GroupDto[]> {
  const groups = await db.query<{ id: string; sightings: number; first_seen: Date; last_seen: Date }>(
    'SELECT id, sightings, first_seen, last_seen FROM face_unknown_clusters WHERE enrollment_period_id = $1 ORDER BY sightings DESC, last_seen DESC LIMIT 500',
    [periodId],
  );
  if (groups.length === 0) return [];
  const ids = groups.map((g) => g.id);
  const samples = await db.query<Omit<SampleRow, 'embedding' | 'upper_embedding'>>(
    `SELECT id, cluster_id, quality, quality_report, liveness, seen_at FROM face_enrollment_samples
      WHERE cluster_id = ANY($1::uuid[]) ORDER BY quality DESC, seen_at DESC`,
    [ids],
  );
  const sightings = await db.query<{ unknown_cluster_id: string; candidates: { personId: string; score: number }[]; review_floor: number | null }>(
    `SELECT unknown_cluster_id, candidates, (engine_meta->'thresholds'->>'review')::float8 AS review_floor
       FROM face_sightings WHERE unknown_cluster_id = ANY($1::uuid[])`,
    [ids],
  );
  // Only candidates a reviewer would have been shown (at or above the engine's review threshold) count: below it every
  // stranger "resembles" somebody, and a warning on every group would be ignored.
  const nearest = new Map<string, { personId: string; score: number }>();
  for (const s of sightings) {
    const top = s.candidates[0];
    const cur = nearest.get(s.unknown_cluster_id);
    if (top && s.review_floor !== null && top.score >= s.review_floor && (!cur || top.score > cur.score)) nearest.set(s.unknown_cluster_id, top);
  }
  const personIds = [...new Set([...nearest.values()].map((n) => n.personId))];
  const people = personIds.length
    ? await db.query<{ id: string; full_name: string; employee_code: string }>('SELECT id, full_name, employee_code FROM persons WHERE id = ANY($1::uuid[])', [personIds])
    : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  return groups.map((g) => {
    const own = samples.filter((s) => s.cluster_id === g.id);
    const liv = own.map((s) => s.liveness).filter((v): v is number => v !== null);
    const near = nearest.get(g.id);
    const person = near ? byId.get(near.personId) : undefined;
    return {
      id: g.id,
      periodId,
      passes: g.sightings,
      firstSeen: g.first_seen,
      lastSeen: g.last_seen,
      samples: own.slice(0, 8).map((s) => ({ id: s.id, quality: s.quality, usable: s.quality_report.ok, liveness: s.liveness, seenAt: s.seen_at })),
      usableSamples: own.filter((s) => s.quality_report.ok).length,
      minLiveness: liv.length ? Math.min(...liv) : null,
      resembles: near && person ? { personId: near.personId, fullName: person.full_name, employeeCode: person.employee_code, score: near.score } : null,
    };
  });
}

/** The group with its period's unit and camera (404 for an unknown id or an ordinary stranger group). */
export async function groupScope(db: Db, groupId: string): Promise<{ id: string; periodId: string; unitId: string; cameraId: string }> {
  const r = (
    await db.query<{ id: string; period_id: string; unit_id: string; camera_id: string }>(
      `SELECT k.id, p.id AS period_id, p.unit_id, p.camera_id FROM face_unknown_clusters k JOIN face_enrollment_periods p ON p.id = k.enrollment_period_id WHERE k.id = $1`,
      [groupId],
    )
  )[0];
  if (!r) throw errors.notFound('Enrollment group', 'nhóm khuôn mặt');
  return { id: r.id, periodId: r.period_id, unitId: r.unit_id, cameraId: r.camera_id };
}

/** A sample's image key with its period's unit, for the scope check of the image route. */
export async function sampleImage(db: Db, sampleId: string): Promise<{ key: string; unitId: string }> {
  const r = (
    await db.query<{ image_key: string; unit_id: string }>(
      'SELECT s.image_key, p.unit_id FROM face_enrollment_samples s JOIN face_enrollment_periods p ON p.id = s.period_id WHERE s.id = $1',
      [sampleId],
    )
  )[0];
  if (!r) throw errors.notFound('Sample', 'ảnh mẫu');
  return { key: r.image_key, unitId: r.unit_id };
}

/** One sample per pass first (best first), then the next best, up to `max`. */
function pickSamples(usable: SampleRow[], max: number): SampleRow[] {
  const chosen: SampleRow[] = [];
  const passes = new Set<string>();
  for (const s of usable) {
    if (chosen.length < max && !passes.has(s.sighting_id)) {
      chosen.push(s);
      passes.add(s.sighting_id);
    }
  }
  for (const s of usable) if (chosen.length < max && !chosen.includes(s)) chosen.push(s);
  return chosen;
}

const groupDecided = () =>
  new AppError(409, 'GROUP_ALREADY_DECIDED', 'Nhóm khuôn mặt này đã được xử lý.', 'This face group has already been decided.');

async function requireConsentingPerson(db: Db, personId: string): Promise<{ unit_id: string }> {
  const person = (await db.query<{ unit_id: string; status: string }>('SELECT unit_id, status FROM persons WHERE id = $1', [personId]))[0];
  if (!person) throw errors.notFound('Person', 'cán bộ');
  if (person.status === 'LEFT') {
    throw new AppError(409, 'PERSON_LEFT', 'Người này đã nghỉ việc, không thể đăng ký khuôn mặt.', 'This person has left; faces cannot be enrolled.');
  }
  if ((await currentConsent(db, personId)).decision !== 'GIVEN') throw consentRequired();
  return person;
}

/**
 * The reviewer says whose faces these are: the group's best usable faces become that person's templates (source GATE,
 * with the camera), plus synthetic masked copies drawn on the stored crops; the group and its crops are then deleted.
 * Refused (409 CONSENT_REQUIRED) unless the person's latest consent decision is GIVEN.
 */
export async function assignGroup(
  deps: { db: Db; blobs: BlobStore; engine: FaceEngine },
  actor: AuditActor,
  groupId: string,
  personId: string,
  now: Date,
): Promise<{ templateIds: string[]; samplesUsed: number }> {
  const { db, blobs, engine } = deps;
  const group = await groupScope(db, groupId);
  await requireConsentingPerson(db, personId);
  const samples = await db.query<SampleRow>('SELECT * FROM face_enrollment_samples WHERE cluster_id = $1 ORDER BY quality DESC, seen_at DESC', [groupId]);
  const usable = samples.filter((s) => s.quality_report.ok && s.engine === engine.meta.engine);
  if (usable.length === 0) {
    throw new AppError(
      409,
      'GROUP_NO_USABLE_FACE',
      'Nhóm này không có ảnh khuôn mặt đủ chất lượng để đăng ký (quá nhỏ, mờ hoặc quay nghiêng).',
      'This group has no face good enough to enroll (too small, blurry or turned).',
      { samples: samples.length },
    );
  }
  const chosen = pickSamples(usable, MAX_TEMPLATES_PER_GROUP);
  // Inference happens before the transaction: a worker round trip must not hold the database (PGlite has one connection).
  const maskedOf = new Map<string, FaceDescription[]>();
  const cropBytes: Uint8Array[] = [];
  for (const s of chosen) {
    const bytes = await blobs.getBuffer(s.image_key);
    cropBytes.push(bytes);
    const crop = await decodeImage(bytes);
    const face = { box: s.box, landmarks: s.landmarks as FiveLandmarks, score: 1 };
    const masked: FaceDescription[] = [];
    for (const colour of MASK_VARIANTS) masked.push(await engine.describe(drawSyntheticMask(crop, face.landmarks, colour), face));
    maskedOf.set(s.id, masked);
  }
  // Each chosen face crop is also kept as an enrollment photo of the person (as an uploaded photo is), so a new face
  // engine can re-make these templates (re-embed.service.ts); the group's own copies are deleted below as before.
  const { templateIds, keys } = await keepingPhotos(blobs, personId, cropBytes, (kept) => db.transaction(async (tx) => {
    if (!(await tx.query('SELECT id FROM face_unknown_clusters WHERE id = $1 FOR UPDATE', [groupId])).length) throw groupDecided();
    const person = await requireConsentingPerson(tx, personId); // again inside: consent may have been withdrawn meanwhile
    const ids: string[] = [];
    for (const [i, s] of chosen.entries()) {
      const common = { personId, engine: engine.meta.engine, createdBy: actor.id ?? null, at: now };
      const made = await kept.record(tx, i, { ...common, unitId: person.unit_id, fileName: null, source: 'GATE' }, async (photoId) => {
        const tpl = { ...common, sourceCameraId: group.cameraId, photoId };
        const id = await insertTemplate(tx, {
          ...tpl,
          source: 'GATE',
          embedding: fromBytes(s.embedding),
          upperEmbedding: fromBytes(s.upper_embedding),
          maskedness: s.maskedness,
          quality: s.quality_report,
        });
        const made = [id];
        for (const m of maskedOf.get(s.id) ?? []) {
          made.push(
            await insertTemplate(tx, { ...tpl, source: 'SYNTHETIC_MASK', derivedFrom: id, embedding: m.embedding, upperEmbedding: m.upperEmbedding, maskedness: m.maskedness }),
          );
        }
        return made;
      });
      ids.push(...made);
    }
    const keys = (await tx.query<{ image_key: string }>('SELECT image_key FROM face_enrollment_samples WHERE cluster_id = $1', [groupId])).map((r) => r.image_key);
    await tx.query('DELETE FROM face_unknown_clusters WHERE id = $1', [groupId]);
    await forgetBlobOwners(tx, keys);
    await tx.query('UPDATE face_enrollment_periods SET groups_assigned = groups_assigned + 1, templates_created = templates_created + $2 WHERE id = $1', [
      group.periodId,
      ids.length,
    ]);
    await recordAudit(
      tx,
      {
        actor,
        action: 'faces.gate_enroll_assign',
        entityType: 'person',
        entityId: personId,
        unitId: person.unit_id,
        details: { groupId, periodId: group.periodId, cameraId: group.cameraId, samplesUsed: chosen.length, templates: ids.length, engine: engine.meta.engine },
      },
      now,
    );
    return { templateIds: ids, keys };
  }));
  // Crops are deleted after the commit (a failed commit must not lose them); a failed delete leaves an orphan file
  // under faces/enrollment/<period>/ that the period purge removes.
  for (const key of keys) await blobs.delete(key).catch(() => undefined);
  return { templateIds, samplesUsed: chosen.length };
}

/** "Not staff / not usable": the group, its embeddings and crops are deleted at once. */
export async function discardGroup(deps: { db: Db; blobs: BlobStore }, actor: AuditActor, groupId: string, reason: string | null, now: Date): Promise<void> {
  const group = await groupScope(deps.db, groupId);
  const keys = await deps.db.transaction(async (tx) => {
    if (!(await tx.query('SELECT id FROM face_unknown_clusters WHERE id = $1 FOR UPDATE', [groupId])).length) throw groupDecided();
    const keys = (await tx.query<{ image_key: string }>('SELECT image_key FROM face_enrollment_samples WHERE cluster_id = $1', [groupId])).map((r) => r.image_key);
    await tx.query('DELETE FROM face_unknown_clusters WHERE id = $1', [groupId]);
    await forgetBlobOwners(tx, keys);
    await tx.query('UPDATE face_enrollment_periods SET groups_discarded = groups_discarded + 1 WHERE id = $1', [group.periodId]);
    await recordAudit(tx, { actor, action: 'faces.gate_enroll_discard', entityType: 'face_enrollment_group', entityId: groupId, unitId: group.unitId, reason, details: { periodId: group.periodId, samples: keys.length } }, now);
    return keys;
  });
  for (const key of keys) await deps.blobs.delete(key).catch(() => undefined);
}

export const PURGE_ACTOR: AuditActor = { id: null, name: 'system:gate-enrollment-retention' };

/**
 * Deletes every unassigned group (embeddings and face crops) of the periods whose retention has run out
 * (purge_after ≤ now), once per period, audited. Called hourly by the recognition runtime.
 */
export async function purgeExpiredGateGroups(db: Db, blobs: BlobStore, now: Date): Promise<{ periods: number; groups: number }> {
  const due = await db.query<{ id: string; unit_id: string }>('SELECT id, unit_id FROM face_enrollment_periods WHERE purge_after <= $1 AND purged_at IS NULL', [now]);
  let groups = 0;
  for (const p of due) {
    const { keys, n } = await db.transaction(async (tx) => {
      const keys = (await tx.query<{ image_key: string }>('SELECT image_key FROM face_enrollment_samples WHERE period_id = $1', [p.id])).map((r) => r.image_key);
      const n = (await tx.query('DELETE FROM face_unknown_clusters WHERE enrollment_period_id = $1 RETURNING id', [p.id])).length;
      // Every crop of the period is going (also any left by an interrupted delete): so are their owners.
      await forgetBlobOwnersUnder(tx, `faces/enrollment/${p.id}/`);
      await tx.query('UPDATE face_enrollment_periods SET groups_purged = groups_purged + $2, purged_at = $3 WHERE id = $1', [p.id, n, now]);
      await recordAudit(tx, { actor: PURGE_ACTOR, action: 'faces.gate_enroll_purged', entityType: 'face_enrollment_period', entityId: p.id, unitId: p.unit_id, reason: 'RETENTION', details: { groups: n, samples: keys.length } }, now);
      return { keys, n };
    });
    groups += n;
    for (const key of keys) await blobs.delete(key).catch(() => undefined);
    // Also anything left under the period's prefix by an interrupted delete.
    for await (const b of blobs.list(`faces/enrollment/${p.id}/`)) await blobs.delete(b.key).catch(() => undefined);
  }
  return { periods: due.length, groups };
}
