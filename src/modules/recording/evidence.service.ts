import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { BLOB_KINDS, blobCreator, recordBlobOwner } from '../../platform/blob-owners/blob-owners';
import { AppError, errors } from '../../platform/errors';
import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';
import type { SegmentRef, VideoEngine } from '../../platform/ports/video';
import { type AuditActor, recordAudit } from '../audit';
import { type CameraRow, getCamera } from '../cameras';
import { segmentFile, segmentsInRange } from './segment-index';

export interface EvidenceDeps {
  db: Db;
  blobs: BlobStore;
  engine: VideoEngine;
  recordingsRoot: string;
  now: () => Date;
}

export interface EvidenceRow {
  id: string;
  kind: 'CLIP' | 'SNAPSHOT';
  camera_id: string;
  unit_id: string;
  requested_from: Date;
  requested_to: Date;
  actual_from: Date;
  actual_to: Date;
  requested_by: string | null;
  requested_by_name: string;
  reason: string;
  masked: boolean;
  blob_key: string;
  manifest_key: string;
  content_type: string;
  bytes: number;
  sha256: string;
  manifest: EvidenceManifest;
  legal_hold: boolean;
  created_at: Date;
}

export interface EvidenceManifest {
  format: 'kycuong-evidence/1';
  exportId: string;
  kind: 'CLIP' | 'SNAPSHOT';
  camera: { id: string; name: string; unitId: string; locationType: string };
  requested: { from: string; to: string };
  actual: { from: string; to: string };
  requester: { id: string | null; name: string; ip: string | null };
  reason: string;
  createdAt: string;
  masked: boolean;
  file: { name: string; contentType: string; bytes: number; sha256: string };
  video?: { durationSeconds: number; frames: number; reencoded: boolean; segments: number };
}

/** Longest clip one export may cover. */
export const MAX_CLIP_SECONDS = 2 * 3600;

const rangeError = {
  reversed: () =>
    errors.badRequest('REVERSED_RANGE', 'Thời điểm kết thúc phải sau thời điểm bắt đầu.', 'The end must be after the start.'),
  tooLong: () =>
    errors.badRequest('RANGE_TOO_LONG', 'Mỗi lần trích xuất tối đa 2 giờ.', 'One export may cover at most 2 hours.', { maxSeconds: MAX_CLIP_SECONDS }),
  future: () => errors.badRequest('RANGE_IN_FUTURE', 'Không thể trích xuất đoạn phim chưa ghi.', 'Footage in the future cannot be exported.'),
  noFootage: (details?: unknown) =>
    new AppError(404, 'NO_FOOTAGE', 'Không có đoạn ghi hình nào trong khoảng thời gian này.', 'There is no recorded footage in this range.', details),
};

export function checkRange(from: Date, to: Date, now: Date): void {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()))
    throw errors.badRequest('INVALID_TIME', 'Thời điểm không hợp lệ.', 'Invalid time.');
  if (to <= from) throw rangeError.reversed();
  if ((to.getTime() - from.getTime()) / 1000 > MAX_CLIP_SECONDS) throw rangeError.tooLong();
  if (from > now) throw rangeError.future();
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

async function loadCamera(db: Db, id: string): Promise<CameraRow> {
  const cam = await getCamera(db, id);
  if (!cam) throw errors.notFound('Camera', 'camera');
  return cam;
}

function toRefs(root: string, rows: Awaited<ReturnType<typeof segmentsInRange>>): SegmentRef[] {
  return rows.map((r) => ({ file: segmentFile(root, r), startedAt: r.started_at, endedAt: r.ended_at }));
}

/** Blob keys by month, so the evidence store can be browsed and backed up by period. */
function keysFor(id: string, at: Date, ext: string): { file: string; manifest: string } {
  const month = at.toISOString().slice(0, 7).replace('-', '/');
  return { file: `evidence/${month}/${id}.${ext}`, manifest: `evidence/${month}/${id}.manifest.json` };
}

interface StoreArgs {
  id: string;
  kind: 'CLIP' | 'SNAPSHOT';
  camera: CameraRow;
  file: string;
  ext: string;
  contentType: string;
  requested: { from: Date; to: Date };
  actual: { from: Date; to: Date };
  actor: AuditActor;
  reason: string;
  masked: boolean;
  video?: EvidenceManifest['video'];
}

async function store(deps: EvidenceDeps, args: StoreArgs): Promise<EvidenceRow> {
  const createdAt = deps.now();
  const sha256 = await sha256File(args.file);
  const bytes = (await fs.promises.stat(args.file)).size;
  const keys = keysFor(args.id, createdAt, args.ext);
  const manifest: EvidenceManifest = {
    format: 'kycuong-evidence/1',
    exportId: args.id,
    kind: args.kind,
    camera: { id: args.camera.id, name: args.camera.name, unitId: args.camera.unit_id, locationType: args.camera.location_type },
    requested: { from: args.requested.from.toISOString(), to: args.requested.to.toISOString() },
    actual: { from: args.actual.from.toISOString(), to: args.actual.to.toISOString() },
    requester: { id: args.actor.id ?? null, name: args.actor.name, ip: args.actor.ip ?? null },
    reason: args.reason,
    createdAt: createdAt.toISOString(),
    masked: args.masked,
    file: { name: path.basename(keys.file), contentType: args.contentType, bytes, sha256 },
    ...(args.video ? { video: args.video } : {}),
  };
  // Files first (the blob store is not transactional), then the row, the files' owner (the camera's unit) and the
  // audit entry in one transaction; if that fails, the files go too.
  try {
    await deps.blobs.put(keys.file, fs.createReadStream(args.file), args.contentType);
    await deps.blobs.put(keys.manifest, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'application/json');
    return await insertExport(deps.db, args, keys, { manifest, sha256, bytes, createdAt });
  } catch (err) {
    for (const key of [keys.file, keys.manifest]) await deps.blobs.delete(key).catch(() => undefined);
    throw err;
  }
}

async function insertExport(
  db: Db,
  args: StoreArgs,
  keys: { file: string; manifest: string },
  made: { manifest: EvidenceManifest; sha256: string; bytes: number; createdAt: Date },
): Promise<EvidenceRow> {
  const { manifest, sha256, bytes, createdAt } = made;
  return db.transaction(async (tx) => {
    const rows = await tx.query<EvidenceRow>(
      `INSERT INTO evidence_exports (id, kind, camera_id, unit_id, requested_from, requested_to, actual_from, actual_to,
          requested_by, requested_by_name, reason, masked, blob_key, manifest_key, content_type, bytes, sha256, manifest, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19) RETURNING *`,
      [
        args.id, args.kind, args.camera.id, args.camera.unit_id, args.requested.from.toISOString(), args.requested.to.toISOString(),
        args.actual.from.toISOString(), args.actual.to.toISOString(), args.actor.id ?? null, args.actor.name, args.reason, args.masked,
        keys.file, keys.manifest, args.contentType, bytes, sha256, JSON.stringify(manifest), createdAt.toISOString(),
      ],
    );
    await recordAudit(tx, {
      actor: args.actor,
      action: args.kind === 'CLIP' ? 'evidence.export_clip' : 'evidence.export_snapshot',
      entityType: 'evidence',
      entityId: args.id,
      unitId: args.camera.unit_id,
      reason: args.reason,
      details: { cameraId: args.camera.id, from: manifest.actual.from, to: manifest.actual.to, sha256, masked: args.masked },
    });
    const owner = { unitId: args.camera.unit_id, personId: null, createdBy: blobCreator(args.actor) };
    await recordBlobOwner(tx, { key: keys.file, kind: BLOB_KINDS.recordingEvidence, ...owner });
    await recordBlobOwner(tx, { key: keys.manifest, kind: BLOB_KINDS.recordingEvidenceManifest, ...owner });
    return rows[0] as EvidenceRow;
  });
}

/**
 * Cuts [from, to] out of the recording by stream copy (starting at the keyframe at or before `from`, across
 * segment boundaries), or re-encodes with the camera's privacy masks when `masked`. Stores the file and its
 * manifest as blobs and indexes the export; the export is audited in the same transaction.
 */
export async function exportClip(
  deps: EvidenceDeps,
  req: { cameraId: string; from: Date; to: Date; reason: string; actor: AuditActor; masked?: boolean },
): Promise<EvidenceRow> {
  checkRange(req.from, req.to, deps.now());
  const camera = await loadCamera(deps.db, req.cameraId);
  const rows = await segmentsInRange(deps.db, camera.id, req.from, req.to);
  if (rows.length === 0) throw rangeError.noFootage({ cameraId: camera.id, from: req.from.toISOString(), to: req.to.toISOString() });
  const masked = (req.masked ?? true) && camera.privacy_masks.length > 0;
  const id = randomUUID();
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'kc-export-'));
  try {
    const outFile = path.join(dir, `${id}.mp4`);
    const clip = await deps.engine.cutClip({
      segments: toRefs(deps.recordingsRoot, rows),
      from: req.from,
      to: req.to,
      outFile,
      masks: masked ? camera.privacy_masks : undefined,
    });
    return await store(deps, {
      id,
      kind: 'CLIP',
      camera,
      file: outFile,
      ext: 'mp4',
      contentType: 'video/mp4',
      requested: { from: req.from, to: req.to },
      actual: { from: clip.actualFrom, to: clip.actualTo },
      actor: req.actor,
      reason: req.reason,
      masked,
      video: { durationSeconds: clip.durationSeconds, frames: clip.frames, reencoded: clip.reencoded, segments: rows.length },
    });
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/** The picture at one instant (the first frame at or after it), as evidence. */
export async function exportSnapshot(
  deps: EvidenceDeps,
  req: { cameraId: string; at: Date; reason: string; actor: AuditActor; masked?: boolean; format?: 'jpeg' | 'png' },
): Promise<EvidenceRow> {
  if (Number.isNaN(req.at.getTime())) throw errors.badRequest('INVALID_TIME', 'Thời điểm không hợp lệ.', 'Invalid time.');
  if (req.at > deps.now()) throw rangeError.future();
  const camera = await loadCamera(deps.db, req.cameraId);
  const rows = await segmentsInRange(deps.db, camera.id, req.at, new Date(req.at.getTime() + 1));
  const seg = rows.find((r) => r.started_at <= req.at && r.ended_at > req.at);
  if (!seg)
    throw new AppError(404, 'NO_FOOTAGE', 'Không có hình ảnh ghi lại tại thời điểm này.', 'There is no recorded picture at this instant.', {
      cameraId: camera.id,
      at: req.at.toISOString(),
    });
  const masked = (req.masked ?? true) && camera.privacy_masks.length > 0;
  const format = req.format ?? 'jpeg';
  const picture = await deps.engine.snapshot({
    segment: { file: segmentFile(deps.recordingsRoot, seg), startedAt: seg.started_at, endedAt: seg.ended_at },
    at: req.at,
    format,
    masks: masked ? camera.privacy_masks : undefined,
  });
  const id = randomUUID();
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'kc-export-'));
  try {
    const ext = format === 'png' ? 'png' : 'jpg';
    const file = path.join(dir, `${id}.${ext}`);
    await fs.promises.writeFile(file, picture);
    return await store(deps, {
      id,
      kind: 'SNAPSHOT',
      camera,
      file,
      ext,
      contentType: format === 'png' ? 'image/png' : 'image/jpeg',
      requested: { from: req.at, to: req.at },
      actual: { from: req.at, to: req.at },
      actor: req.actor,
      reason: req.reason,
      masked,
    });
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

export async function getEvidenceRow(db: Db, id: string): Promise<EvidenceRow> {
  const row = (await db.query<EvidenceRow>('SELECT * FROM evidence_exports WHERE id = $1', [id]))[0];
  if (!row) throw errors.notFound('Evidence export', 'bản trích xuất');
  return row;
}

export interface VerifyResult {
  ok: boolean;
  expectedSha256: string;
  fileSha256: string;
  manifestMatchesRecord: boolean;
  bytes: number;
}

/** Re-hashes the stored file and checks it against the stored manifest (and the manifest against the record). */
export async function verifyEvidence(deps: Pick<EvidenceDeps, 'db' | 'blobs'>, id: string): Promise<VerifyResult> {
  const row = await getEvidenceRow(deps.db, id);
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = await deps.blobs.get(row.blob_key);
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  const fileSha256 = hash.digest('hex');
  const manifest = JSON.parse((await deps.blobs.getBuffer(row.manifest_key)).toString('utf8')) as EvidenceManifest;
  const manifestMatchesRecord = manifest.file.sha256 === row.sha256 && manifest.exportId === row.id;
  return { ok: fileSha256 === manifest.file.sha256 && manifestMatchesRecord, expectedSha256: manifest.file.sha256, fileSha256, manifestMatchesRecord, bytes };
}

/** Attaches an export to a violation or an incident (idempotent). */
export async function linkEvidence(
  db: Db,
  req: { exportId: string; targetType: 'VIOLATION' | 'INCIDENT'; targetId: string; actor: AuditActor },
): Promise<void> {
  const row = await getEvidenceRow(db, req.exportId);
  await db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO evidence_links (id, export_id, target_type, target_id, linked_by) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (export_id, target_type, target_id) DO NOTHING RETURNING id`,
      [randomUUID(), row.id, req.targetType, req.targetId, req.actor.id ?? null],
    );
    if (inserted.length === 0) return;
    await recordAudit(tx, {
      actor: req.actor,
      action: 'evidence.link',
      entityType: 'evidence',
      entityId: row.id,
      unitId: row.unit_id,
      details: { targetType: req.targetType, targetId: req.targetId },
    });
  });
}

export function evidenceDto(r: EvidenceRow) {
  return {
    id: r.id,
    kind: r.kind,
    cameraId: r.camera_id,
    cameraName: r.manifest.camera.name,
    unitId: r.unit_id,
    requestedFrom: r.requested_from.toISOString(),
    requestedTo: r.requested_to.toISOString(),
    actualFrom: r.actual_from.toISOString(),
    actualTo: r.actual_to.toISOString(),
    requestedBy: r.requested_by_name,
    reason: r.reason,
    masked: r.masked,
    contentType: r.content_type,
    bytes: r.bytes,
    sha256: r.sha256,
    legalHold: r.legal_hold,
    durationSeconds: r.manifest.video?.durationSeconds ?? null,
    createdAt: r.created_at.toISOString(),
  };
}
