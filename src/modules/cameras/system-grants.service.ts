import { randomUUID } from 'node:crypto';
import { errors } from '../../platform/errors';
import type { AppContext } from '../../platform/module';
import type { Db } from '../../platform/ports/db';
import { type AuditActor, recordAudit } from '../audit';
import { accountOf } from '../auth';
import { getCameraRow } from './cameras.repo';
import { cameraServices } from './services';

/**
 * System grants: a later module (inspections) lets its people watch a camera for a purpose and a window, inside its
 * own transaction, without a leader of the camera's unit doing it by hand. Same table and same checks on viewing as a
 * leader's grant (`rightsFor` reads every grant in force), with these rules:
 * - never footage.raw: the table has no such right, the picture stays privacy-masked;
 * - never touches another grant: a leader's open grant (longer, or with other rights) stays as it is, and a second
 *   call for the same purpose only widens (later end, more rights), never shortens;
 * - revoked as a whole when the purpose ends (`revokeGrantsFor`), then `cutRevokedViews` ends the open live views
 *   that rested on them; a leader cannot revoke them one by one (GRANT_SYSTEM_MANAGED);
 * - every write is in the audit log.
 */
export interface GrantedFor {
  type: 'INSPECTION';
  id: string;
  /** Shown after "Cấp theo cuộc kiểm tra" in the grants panel: the decision number and title, for instance. */
  label?: string;
}

export interface SystemGrantInput {
  cameraId: string;
  userId: string;
  rights: { live: boolean; playback: boolean };
  validFrom?: Date | null;
  validUntil: Date;
  reason: string;
  grantedFor: GrantedFor;
  actor: AuditActor;
  now?: Date;
}

interface OpenRow {
  id: string;
  can_live: boolean;
  can_playback: boolean;
  valid_from: Date | null;
  valid_until: Date | null;
}

const later = (a: Date | null, b: Date): Date | null => (a === null ? null : a > b ? a : b);
const earlier = (a: Date | null, b: Date | null): Date | null => (a === null || b === null ? null : a < b ? a : b);

/** Grants (or widens) one person's view of one camera for a purpose. Returns the grant and whether anything changed. */
export async function grantForInspection(tx: Db, input: SystemGrantInput): Promise<{ id: string; changed: boolean }> {
  const now = input.now ?? new Date();
  const { live, playback } = input.rights;
  if (!live && !playback)
    throw errors.badRequest('NOTHING_GRANTED', 'Hãy chọn ít nhất một quyền: xem trực tiếp hoặc xem lại.', 'Choose at least one right: live or playback.');
  const from = input.validFrom ?? null;
  if (input.validUntil.getTime() <= Math.max(now.getTime(), from?.getTime() ?? 0))
    throw errors.badRequest('EXPIRY_IN_PAST', 'Thời hạn phải ở sau thời điểm hiện tại.', 'The expiry must be in the future.', { validUntil: input.validUntil });
  const camera = await getCameraRow(tx, input.cameraId);
  if (!camera) throw errors.notFound('Camera', 'camera');
  const user = await accountOf(tx, input.userId);
  if (!user) throw errors.notFound('User', 'người dùng');
  if (!user.isActive) throw errors.badRequest('USER_INACTIVE', 'Tài khoản này đã bị khóa hoặc ngừng sử dụng.', 'This account is disabled.');
  const forType = input.grantedFor.type;
  const forId = input.grantedFor.id;
  const audit = (grantId: string, extra: Record<string, unknown>) =>
    recordAudit(
      tx,
      {
        actor: input.actor,
        action: 'cameras.grant',
        entityType: 'camera',
        entityId: camera.id,
        unitId: camera.unit_id,
        reason: input.reason,
        details: { grantId, userId: user.id, username: user.username, grantedFor: { type: forType, id: forId }, ...extra },
      },
      now,
    );

  const [open] = await tx.query<OpenRow>(
    `SELECT id, can_live, can_playback, valid_from, valid_until FROM camera_grants
      WHERE camera_id = $1 AND user_id = $2 AND granted_for_type = $3 AND granted_for_id = $4 AND revoked_at IS NULL FOR UPDATE`,
    [camera.id, user.id, forType, forId],
  );
  if (open) {
    // Widen only: the later end, the earlier start, the union of the rights.
    const until = later(open.valid_until, input.validUntil);
    const start = earlier(open.valid_from, from);
    const canLive = open.can_live || live;
    const canPlayback = open.can_playback || playback;
    const same =
      until?.getTime() === open.valid_until?.getTime() &&
      start?.getTime() === open.valid_from?.getTime() &&
      canLive === open.can_live &&
      canPlayback === open.can_playback;
    if (same) return { id: open.id, changed: false };
    await tx.query('UPDATE camera_grants SET can_live = $2, can_playback = $3, valid_from = $4, valid_until = $5 WHERE id = $1', [
      open.id,
      canLive,
      canPlayback,
      start?.toISOString() ?? null,
      until?.toISOString() ?? null,
    ]);
    await audit(open.id, { canLive, canPlayback, validFrom: start, validUntil: until, widened: true });
    return { id: open.id, changed: true };
  }
  const id = randomUUID();
  await tx.query(
    `INSERT INTO camera_grants (id, camera_id, user_id, can_live, can_playback, valid_from, valid_until, granted_by, reason, created_at,
                                granted_for_type, granted_for_id, granted_for_label)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
    [
      id,
      camera.id,
      user.id,
      live,
      playback,
      from?.toISOString() ?? null,
      input.validUntil.toISOString(),
      input.actor.id ?? null,
      input.reason,
      now.toISOString(),
      forType,
      forId,
      input.grantedFor.label ?? null,
    ],
  );
  await audit(id, { canLive: live, canPlayback: playback, validFrom: from, validUntil: input.validUntil });
  return { id, changed: true };
}

/** Revokes every open grant made for this purpose (one audit entry per camera). Returns who lost which camera. */
export async function revokeGrantsFor(
  tx: Db,
  grantedFor: Pick<GrantedFor, 'type' | 'id'>,
  actor: AuditActor,
  opts: { reason?: string; now?: Date } = {},
): Promise<Array<{ cameraId: string; userId: string }>> {
  const now = opts.now ?? new Date();
  const reason = opts.reason ?? (grantedFor.type === 'INSPECTION' ? 'Cuộc kiểm tra đã kết thúc làm việc tại đơn vị' : null);
  const rows = await tx.query<{ id: string; camera_id: string; user_id: string }>(
    `UPDATE camera_grants SET revoked_at = $3, revoked_by = $4, revoke_reason = $5
      WHERE granted_for_type = $1 AND granted_for_id = $2 AND revoked_at IS NULL RETURNING id, camera_id, user_id`,
    [grantedFor.type, grantedFor.id, now.toISOString(), actor.id ?? null, reason],
  );
  const byCamera = new Map<string, typeof rows>();
  for (const r of rows) byCamera.set(r.camera_id, [...(byCamera.get(r.camera_id) ?? []), r]);
  for (const [cameraId, list] of byCamera) {
    const camera = await getCameraRow(tx, cameraId);
    await recordAudit(
      tx,
      {
        actor,
        action: 'cameras.revoke_grant',
        entityType: 'camera',
        entityId: cameraId,
        unitId: camera?.unit_id ?? null,
        reason,
        details: { grantedFor: { type: grantedFor.type, id: grantedFor.id }, grants: list.map((r) => ({ grantId: r.id, userId: r.user_id })) },
      },
      now,
    );
  }
  return rows.map((r) => ({ cameraId: r.camera_id, userId: r.user_id }));
}

/**
 * After the revoking transaction commits: ends the open live views of the people who lost a purpose's grants, unless
 * another grant in force still lets them watch live (the route's periodic re-check would otherwise end them within
 * seconds anyway). A viewer who also watches by role is cut too and simply reconnects.
 */
export async function cutRevokedViews(ctx: AppContext, grantedFor: Pick<GrantedFor, 'type' | 'id'>): Promise<number> {
  const now = ctx.now();
  const rows = await ctx.db.query<{ camera_id: string; user_id: string }>(
    `SELECT DISTINCT g.camera_id, g.user_id FROM camera_grants g
      WHERE g.granted_for_type = $1 AND g.granted_for_id = $2 AND g.revoked_at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM camera_grants o WHERE o.camera_id = g.camera_id AND o.user_id = g.user_id AND o.can_live
                          AND o.revoked_at IS NULL AND (o.valid_until IS NULL OR o.valid_until > $3)
                          AND (o.valid_from IS NULL OR o.valid_from <= $3))`,
    [grantedFor.type, grantedFor.id, now.toISOString()],
  );
  const { liveSessions } = cameraServices(ctx);
  let n = 0;
  for (const r of rows) n += liveSessions.closeFor(r.camera_id, r.user_id, 'revoked');
  return n;
}
