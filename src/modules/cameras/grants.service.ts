import { randomUUID } from 'node:crypto';
import { AppError, errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { searchKey } from '../../platform/text/search-key';
import { formatTimestampVi } from '../../platform/time';
import type { Access } from '../../platform/access';
import { recordAudit } from '../audit';
import { notify } from '../notifications';
import type { CameraRow } from './cameras.repo';

/**
 * View grants: a leader of the camera's unit (camera.live by role there, never by a grant) lets one more person watch
 * live and/or recorded footage, for a reason and optionally until a date. Grants never carry footage.raw, so the
 * grantee always sees the privacy-masked picture. The grantee must belong to the leader's own scope (a role or a
 * staff record in a unit the leader watches): a commune chairman cannot hand his cameras to another commune.
 */
export interface GrantInput {
  userId: string;
  canLive: boolean;
  canPlayback: boolean;
  validUntil?: string | null;
  reason: string;
}

export interface GrantView {
  id: string;
  userId: string;
  username: string;
  displayName: string;
  canLive: boolean;
  canPlayback: boolean;
  validUntil: string | null;
  /** Later start of the window (system grants); null: in force since it was made. */
  validFrom: string | null;
  reason: string;
  grantedBy: string | null;
  createdAt: string;
  /** A system grant's purpose, e.g. "Cấp theo cuộc kiểm tra …"; null for a leader's grant. */
  grantedFor: { type: string; id: string; label: string } | null;
}

type Row = {
  id: string;
  user_id: string;
  username: string;
  display_name: string;
  can_live: boolean;
  can_playback: boolean;
  valid_until: Date | null;
  valid_from: Date | null;
  reason: string;
  granted_by_name: string | null;
  created_at: Date;
  granted_for_type: string | null;
  granted_for_id: string | null;
  granted_for_label: string | null;
};

/** How the grants panel names a system grant's purpose (Vietnamese first: the panel shows this line as is). */
export function grantedForLabel(type: string, label: string | null): string {
  const what = type === 'INSPECTION' ? 'cuộc kiểm tra' : type;
  return `Cấp theo ${what}${label ? ` ${label}` : ''}`;
}

/** Only a leader by role may grant: a grantee cannot pass the camera on. */
export function requireGrantor(access: Access, camera: Pick<CameraRow, 'unit_id'>): void {
  access.requireInUnit('camera.live', camera.unit_id);
}

export async function listGrants(db: Db, cameraId: string, now: Date): Promise<GrantView[]> {
  const rows = await db.query<Row>(
    `SELECT g.id, g.user_id, u.username, u.display_name, g.can_live, g.can_playback, g.valid_until, g.valid_from, g.reason,
            b.display_name AS granted_by_name, g.created_at, g.granted_for_type, g.granted_for_id, g.granted_for_label
       FROM camera_grants g JOIN users u ON u.id = g.user_id LEFT JOIN users b ON b.id = g.granted_by
      WHERE g.camera_id = $1 AND g.revoked_at IS NULL AND (g.valid_until IS NULL OR g.valid_until > $2)
      ORDER BY g.created_at, g.id`,
    [cameraId, now.toISOString()],
  );
  return rows.map((g) => ({
    id: g.id,
    userId: g.user_id,
    username: g.username,
    displayName: g.display_name,
    canLive: g.can_live,
    canPlayback: g.can_playback,
    validUntil: g.valid_until?.toISOString() ?? null,
    validFrom: g.valid_from?.toISOString() ?? null,
    reason: g.reason,
    grantedBy: g.granted_by_name,
    createdAt: g.created_at.toISOString(),
    grantedFor:
      g.granted_for_type && g.granted_for_id
        ? { type: g.granted_for_type, id: g.granted_for_id, label: grantedForLabel(g.granted_for_type, g.granted_for_label) }
        : null,
  }));
}

/** SQL condition "user $n belongs to one of the units in $m" (a role there, or a staff record there). */
const IN_UNITS = (user: string, units: string) => `(
  EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = ${user} AND r.unit_id = ANY(${units}::uuid[])
          AND (r.valid_to IS NULL OR r.valid_to >= CURRENT_DATE))
  OR EXISTS (SELECT 1 FROM persons p WHERE p.id = (SELECT person_id FROM users x WHERE x.id = ${user}) AND p.unit_id = ANY(${units}::uuid[])))`;

// Accent-insensitive search that runs the same on PGlite and PostgreSQL (no unaccent extension, and lower() of a C
// locale leaves "Đ" alone): translate() maps every Vietnamese letter, either case, to its plain lower-case base.
const VN_LETTERS = 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ';
const FROM = VN_LETTERS + VN_LETTERS.toUpperCase();
const TO = [...FROM].map((c) => searchKey(c)).join('');
const plain = (col: string) => `translate(lower(${col}), $4, $5)`;

/** People the leader may grant to, for the search box: active accounts in the leader's scope, not the leader. */
export async function grantCandidates(db: Db, access: Access, q: string, limit = 20) {
  const like = `%${searchKey(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db.query<{ id: string; username: string; display_name: string; person_name: string | null; unit_name: string | null }>(
    `SELECT u.id, u.username, u.display_name, p.full_name AS person_name, o.name AS unit_name
       FROM users u LEFT JOIN persons p ON p.id = u.person_id LEFT JOIN org_units o ON o.id = p.unit_id
      WHERE u.is_active AND u.id <> $3 AND ${IN_UNITS('u.id', '$2')}
        AND (${plain('u.username')} LIKE $1 OR ${plain('u.display_name')} LIKE $1 OR coalesce(p.search_text, '') LIKE $1)
      ORDER BY u.username LIMIT ${Math.min(Math.max(Math.trunc(limit), 1), 50)}`,
    [like, access.unitsFor('camera.live'), access.principal.userId, FROM, TO],
  );
  return rows.map((u) => ({ id: u.id, username: u.username, displayName: u.display_name, personName: u.person_name, unitName: u.unit_name }));
}

function bad(code: string, vi: string, en: string, details?: unknown) {
  return errors.badRequest(code, vi, en, details);
}

export async function createGrant(
  db: Db,
  access: Access,
  camera: Pick<CameraRow, 'id' | 'unit_id' | 'name'>,
  input: GrantInput,
  now: Date,
): Promise<{ id: string; replaced: string[] }> {
  requireGrantor(access, camera);
  if (input.canPlayback) access.requireInUnit('camera.playback', camera.unit_id);
  if (!input.canLive && !input.canPlayback)
    throw bad('NOTHING_GRANTED', 'Hãy chọn ít nhất một quyền: xem trực tiếp hoặc xem lại.', 'Choose at least one right: live or playback.');
  if (input.validUntil && new Date(input.validUntil).getTime() <= now.getTime())
    throw bad('EXPIRY_IN_PAST', 'Thời hạn phải ở sau thời điểm hiện tại.', 'The expiry must be in the future.', { validUntil: input.validUntil });
  if (input.userId === access.principal.userId)
    throw bad('GRANT_TO_SELF', 'Không thể tự cấp quyền cho chính mình.', 'You cannot grant access to yourself.');
  const user = (
    await db.query<{ id: string; is_active: boolean; username: string; display_name: string; email: string | null }>(
      'SELECT u.id, u.is_active, u.username, u.display_name, p.email FROM users u LEFT JOIN persons p ON p.id = u.person_id WHERE u.id = $1',
      [input.userId],
    )
  )[0];
  if (!user) throw errors.notFound('User', 'người dùng');
  if (!user.is_active) throw bad('USER_INACTIVE', 'Tài khoản này đã bị khóa hoặc ngừng sử dụng.', 'This account is disabled.');
  const inScope = await db.query(`SELECT 1 WHERE ${IN_UNITS('$1::uuid', '$2')}`, [user.id, access.unitsFor('camera.live')]);
  if (inScope.length === 0)
    throw new AppError(
      403,
      'GRANTEE_OUT_OF_SCOPE',
      'Chỉ cấp quyền xem cho người thuộc đơn vị bạn phụ trách.',
      'You can only grant access to people of the units you lead.',
    );

  const id = randomUUID();
  return db.transaction(async (tx) => {
    // A new grant replaces the leader's open one (e.g. to extend it); the replaced one is closed in the same
    // transaction. System grants (an inspection's) are not the leader's to replace: they stay beside it.
    const replaced = await tx.query<{ id: string }>(
      `UPDATE camera_grants SET revoked_at = $3, revoked_by = $4, revoke_reason = 'replaced'
        WHERE camera_id = $1 AND user_id = $2 AND revoked_at IS NULL AND granted_for_type IS NULL RETURNING id`,
      [camera.id, user.id, now.toISOString(), access.principal.userId],
    );
    await tx.query(
      `INSERT INTO camera_grants (id, camera_id, user_id, can_live, can_playback, valid_until, granted_by, reason, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [id, camera.id, user.id, input.canLive, input.canPlayback, input.validUntil ?? null, access.principal.userId, input.reason, now.toISOString()],
    );
    await recordAudit(tx, {
      actor: access.actor(),
      action: 'cameras.grant',
      entityType: 'camera',
      entityId: camera.id,
      unitId: camera.unit_id,
      reason: input.reason,
      details: {
        grantId: id,
        userId: user.id,
        username: user.username,
        canLive: input.canLive,
        canPlayback: input.canPlayback,
        validUntil: input.validUntil ?? null,
        replaced: replaced.map((r) => r.id),
      },
    });
    // The grantee has no camera role, so no menu leads to the live wall: the notice carries the link.
    const rights = [input.canLive ? 'xem trực tiếp' : null, input.canPlayback ? 'xem lại' : null].filter(Boolean).join(' và ');
    const until = input.validUntil ? ` đến ${formatTimestampVi(new Date(input.validUntil))}` : '';
    await notify(
      tx,
      {
        template: 'cameras.grant',
        rendered: {
          subject: `[Kỷ Cương] Bạn được cấp quyền ${rights} camera “${camera.name}”`,
          title: `Được cấp quyền ${rights} camera “${camera.name}”${until}`,
          paragraphs: [
            `Kính gửi ${user.display_name},`,
            `${access.principal.displayName} đã cấp cho bạn quyền ${rights} camera “${camera.name}”${until}. Lý do: ${input.reason}.`,
            'Hình ảnh bạn xem đã được che vùng riêng tư; mỗi lần xem đều được ghi nhật ký.',
          ],
          link: `/live/shared?camera=${camera.id}`,
        },
        recipients: [{ userId: user.id, name: user.display_name, email: user.email }],
        entityType: 'camera',
        entityId: camera.id,
        dedupKey: `camera-grant:${id}`,
      },
      now,
    );
    return { id, replaced: replaced.map((r) => r.id) };
  });
}

/** Closes a grant now; returns the user whose open live views must be cut. */
export async function revokeGrant(
  db: Db,
  access: Access,
  camera: Pick<CameraRow, 'id' | 'unit_id' | 'name'>,
  grantId: string,
  reason: string | null,
  now: Date,
): Promise<{ userId: string }> {
  requireGrantor(access, camera);
  return db.transaction(async (tx) => {
    // An inspection's grant ends with the inspection (its minutes or its closing), not at the inspected unit's word.
    const [sys] = await tx.query<{ granted_for_type: string }>(
      'SELECT granted_for_type FROM camera_grants WHERE id = $1 AND camera_id = $2 AND revoked_at IS NULL AND granted_for_type IS NOT NULL',
      [grantId, camera.id],
    );
    if (sys)
      throw errors.conflict(
        'GRANT_SYSTEM_MANAGED',
        'Quyền này được cấp theo cuộc kiểm tra và tự hết khi cuộc kiểm tra kết thúc; không thu hồi riêng được.',
        'This grant was made for an inspection and ends with it; it cannot be revoked on its own.',
        { grantId, grantedFor: sys.granted_for_type },
      );
    const r = await tx.query<{ user_id: string }>(
      `UPDATE camera_grants SET revoked_at = $3, revoked_by = $4, revoke_reason = $5
        WHERE id = $1 AND camera_id = $2 AND revoked_at IS NULL RETURNING user_id`,
      [grantId, camera.id, now.toISOString(), access.principal.userId, reason],
    );
    const row = r[0];
    if (!row) throw errors.notFound('Grant', 'quyền được cấp');
    await recordAudit(tx, {
      actor: access.actor(),
      action: 'cameras.revoke_grant',
      entityType: 'camera',
      entityId: camera.id,
      unitId: camera.unit_id,
      reason,
      details: { grantId, userId: row.user_id },
    });
    await notify(
      tx,
      {
        template: 'cameras.revoke_grant',
        rendered: {
          subject: `[Kỷ Cương] Quyền xem camera “${camera.name}” đã được thu hồi`,
          title: `Quyền xem camera “${camera.name}” đã được thu hồi`,
          paragraphs: [`${access.principal.displayName} đã thu hồi quyền xem camera “${camera.name}” của bạn.${reason ? ` Lý do: ${reason}.` : ''}`],
        },
        recipients: [{ userId: row.user_id, name: '', email: null }],
        entityType: 'camera',
        entityId: camera.id,
        email: false,
      },
      now,
    );
    return { userId: row.user_id };
  });
}
