import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../platform/observability/logger';
import type { Db } from '../../platform/ports/db';

/** A segment is held when any active legal hold on its camera overlaps it. */
const NOT_HELD = `NOT EXISTS (
  SELECT 1 FROM legal_holds h
   WHERE h.camera_id = s.camera_id AND h.released_at IS NULL AND h.starts_at < s.ended_at AND h.ends_at > s.started_at)`;

interface Victim {
  id: number;
  camera_id: string;
  path: string;
  bytes: number;
}

export interface RetentionResult {
  deletedSegments: number;
  deletedBytes: number;
  byReason: { age: number; quota: number; disk: number };
}

async function remove(db: Db, root: string, victims: Victim[]): Promise<number> {
  if (victims.length === 0) return 0;
  // Rows first (in one statement), then files: a crash in between leaves only an orphan file, never a row without footage.
  await db.query('DELETE FROM recording_segments WHERE id = ANY($1::bigint[])', [victims.map((v) => v.id)]);
  for (const v of victims) await fs.promises.rm(path.join(root, v.path), { force: true });
  return victims.reduce((n, v) => n + v.bytes, 0);
}

/** Deletes segments older than the camera's retention days, never held ones. */
export async function pruneByAge(db: Db, root: string, camera: { id: string; retention_days: number }, now: Date): Promise<Victim[]> {
  const cutoff = new Date(now.getTime() - camera.retention_days * 86_400_000);
  const victims = await db.query<Victim>(
    `SELECT s.id, s.camera_id, s.path, s.bytes FROM recording_segments s
      WHERE s.camera_id = $1 AND s.ended_at < $2 AND ${NOT_HELD} ORDER BY s.started_at LIMIT 10000`,
    [camera.id, cutoff.toISOString()],
  );
  await remove(db, root, victims);
  return victims;
}

/** Deletes the oldest unheld segments until the camera's footage fits its quota (held footage still counts). */
export async function pruneByQuota(db: Db, root: string, camera: { id: string; quota_bytes: number | null }): Promise<Victim[]> {
  if (!camera.quota_bytes) return [];
  const total = (await db.query<{ total: number | null }>('SELECT sum(bytes)::bigint AS total FROM recording_segments WHERE camera_id = $1', [camera.id]))[0]?.total ?? 0;
  const excess = total - camera.quota_bytes;
  if (excess <= 0) return [];
  const victims = await db.query<Victim>(
    `SELECT id, camera_id, path, bytes FROM (
       SELECT s.id, s.camera_id, s.path, s.bytes, s.started_at,
              sum(s.bytes) OVER (ORDER BY s.started_at, s.id) AS running
         FROM recording_segments s WHERE s.camera_id = $1 AND ${NOT_HELD}) t
      WHERE running - bytes < $2 ORDER BY started_at`,
    [camera.id, excess],
  );
  await remove(db, root, victims);
  return victims;
}

export interface DiskSpace {
  free: number;
  total: number;
}

export async function diskSpace(dir: string): Promise<DiskSpace> {
  fs.mkdirSync(dir, { recursive: true });
  const s = await fs.promises.statfs(dir);
  return { free: s.bavail * s.bsize, total: s.blocks * s.bsize };
}

/**
 * The disk-full guard: when free space falls under the floor (the larger of `minFreeBytes` and `minFreeRatio` of
 * the disk), deletes the oldest unheld segments of any camera, in batches, until it is back above the floor.
 */
export async function pruneForDisk(
  db: Db,
  root: string,
  opts: { minFreeBytes: number; minFreeRatio: number; space?: (dir: string) => Promise<DiskSpace> },
): Promise<Victim[]> {
  const measure = opts.space ?? diskSpace;
  const deleted: Victim[] = [];
  for (let round = 0; round < 1000; round++) {
    const space = await measure(root);
    const floor = Math.max(opts.minFreeBytes, space.total * opts.minFreeRatio);
    if (space.free >= floor) break;
    const victims = await db.query<Victim>(
      `SELECT s.id, s.camera_id, s.path, s.bytes FROM recording_segments s WHERE ${NOT_HELD} ORDER BY s.started_at LIMIT 50`,
    );
    if (victims.length === 0) break;
    await remove(db, root, victims);
    deleted.push(...victims);
  }
  return deleted;
}

export interface RetentionPolicy {
  minFreeBytes: number;
  minFreeRatio: number;
  space?: (dir: string) => Promise<DiskSpace>;
}

/** One pass over every camera: days, then quota, then the disk guard. */
export async function applyRetention(db: Db, root: string, now: Date, policy: RetentionPolicy, log?: Logger): Promise<RetentionResult> {
  const cams = await db.query<{ id: string; retention_days: number; quota_bytes: number | null }>(
    'SELECT id, retention_days, quota_bytes FROM cameras',
  );
  const result: RetentionResult = { deletedSegments: 0, deletedBytes: 0, byReason: { age: 0, quota: 0, disk: 0 } };
  const add = (victims: Victim[], reason: keyof RetentionResult['byReason']) => {
    result.deletedSegments += victims.length;
    result.deletedBytes += victims.reduce((n, v) => n + v.bytes, 0);
    result.byReason[reason] += victims.length;
  };
  for (const cam of cams) {
    add(await pruneByAge(db, root, cam, now), 'age');
    add(await pruneByQuota(db, root, cam), 'quota');
  }
  add(await pruneForDisk(db, root, policy), 'disk');
  if (result.deletedSegments > 0) log?.info(result, 'retention pass');
  return result;
}
