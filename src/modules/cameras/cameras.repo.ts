import type { Db } from '../../platform/ports/db';
import type { MaskPolygon } from '../../platform/ports/video';
import type { LocationType } from './domain/camera-rules';

export interface CameraRow {
  id: string;
  name: string;
  location_type: LocationType;
  unit_id: string;
  main_url: string;
  sub_url: string | null;
  credentials_enc: string | null;
  direction: 'IN' | 'OUT' | null;
  recognition_allowed: boolean;
  enabled: boolean;
  segment_seconds: number;
  retention_days: number;
  quota_bytes: number | null;
  privacy_masks: MaskPolygon[];
  codec: string | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  health: string;
  health_since: Date;
  health_detail: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export async function getCameraRow(db: Db, id: string): Promise<CameraRow | undefined> {
  return (await db.query<CameraRow>('SELECT * FROM cameras WHERE id = $1', [id]))[0];
}

export async function listCameraRows(db: Db, filter: { unitIds?: string[]; enabledOnly?: boolean } = {}): Promise<CameraRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.unitIds) {
    params.push(filter.unitIds);
    where.push(`unit_id = ANY($${params.length}::uuid[])`);
  }
  if (filter.enabledOnly) where.push('enabled');
  return db.query<CameraRow>(
    `SELECT * FROM cameras ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY name, id`,
    params,
  );
}

export interface CameraWrite {
  name: string;
  location_type: LocationType;
  unit_id: string;
  main_url: string;
  sub_url: string | null;
  credentials_enc: string | null;
  direction: 'IN' | 'OUT' | null;
  recognition_allowed: boolean;
  enabled: boolean;
  segment_seconds: number;
  retention_days: number;
  quota_bytes: number | null;
  privacy_masks: MaskPolygon[];
}

const COLUMNS = [
  'name',
  'location_type',
  'unit_id',
  'main_url',
  'sub_url',
  'credentials_enc',
  'direction',
  'recognition_allowed',
  'enabled',
  'segment_seconds',
  'retention_days',
  'quota_bytes',
  'privacy_masks',
] as const;

function values(w: CameraWrite): unknown[] {
  return COLUMNS.map((c) => (c === 'privacy_masks' ? JSON.stringify(w[c]) : w[c]));
}

export async function insertCamera(db: Db, id: string, w: CameraWrite): Promise<CameraRow> {
  const cols = ['id', ...COLUMNS];
  const rows = await db.query<CameraRow>(
    `INSERT INTO cameras (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
    [id, ...values(w)],
  );
  return rows[0] as CameraRow;
}

export async function updateCamera(db: Db, id: string, w: CameraWrite): Promise<CameraRow> {
  const sets = COLUMNS.map((c, i) => `${c} = $${i + 2}`).join(', ');
  const rows = await db.query<CameraRow>(
    `UPDATE cameras SET ${sets}, version = version + 1, updated_at = now() WHERE id = $1 RETURNING *`,
    [id, ...values(w)],
  );
  return rows[0] as CameraRow;
}

export async function saveHealth(
  db: Db,
  id: string,
  h: { health: string; since: Date; detail: string | null; info?: { codec: string; width: number; height: number; fps: number } },
): Promise<void> {
  if (h.info)
    await db.query(
      `UPDATE cameras SET health = $2, health_since = $3, health_detail = $4, codec = $5, width = $6, height = $7, fps = $8
        WHERE id = $1`,
      [id, h.health, h.since.toISOString(), h.detail, h.info.codec, h.info.width || null, h.info.height || null, h.info.fps || null],
    );
  else
    await db.query('UPDATE cameras SET health = $2, health_since = $3, health_detail = $4 WHERE id = $1', [
      id,
      h.health,
      h.since.toISOString(),
      h.detail,
    ]);
}

export interface GrantRow {
  id: string;
  camera_id: string;
  user_id: string;
  can_live: boolean;
  can_playback: boolean;
  valid_until: Date | null;
  /** A window that starts later than the grant was written (system grants); null: from the start. */
  valid_from: Date | null;
  granted_by: string | null;
  created_at: Date;
  /** Set on system grants: the purpose (e.g. an inspection) they were made for, revoked together when it ends. */
  granted_for_type: string | null;
  granted_for_id: string | null;
}

export async function activeGrants(db: Db, userId: string, now: Date): Promise<GrantRow[]> {
  return db.query<GrantRow>(
    `SELECT * FROM camera_grants WHERE user_id = $1 AND revoked_at IS NULL AND (valid_until IS NULL OR valid_until > $2)
        AND (valid_from IS NULL OR valid_from <= $2)`,
    [userId, now.toISOString()],
  );
}
