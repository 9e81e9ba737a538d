import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/ports/db';
import { errors } from '../../platform/errors';
import { type AuditActor, recordAudit } from '../audit';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import type { Role } from '../../platform/access';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  person_id: string | null;
  is_active: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  locale: 'vi' | 'en';
  last_login_at: Date | null;
}

export async function changePassword(db: Db, userId: string, current: string, next: string, actor: AuditActor) {
  const rows = await db.query<UserRow>('SELECT * FROM users WHERE id = $1', [userId]);
  const user = rows[0];
  if (!user || !(await verifyPassword(current, user.password_hash)))
    throw errors.badRequest('WRONG_PASSWORD', 'Mật khẩu hiện tại không đúng.', 'The current password is wrong.');
  await setPassword(db, userId, next, actor, false);
}

export async function setPassword(db: Db, userId: string, password: string, actor: AuditActor, mustChange: boolean) {
  const user = (await db.query<{ username: string }>('SELECT username FROM users WHERE id = $1', [userId]))[0];
  if (!user) throw errors.notFound('User', 'người dùng');
  const problem = passwordProblem(password, user.username);
  if (problem) throw errors.badRequest('WEAK_PASSWORD', problem.vi, problem.en);
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const r = await tx.query('UPDATE users SET password_hash = $2, must_change_password = $3, updated_at = now() WHERE id = $1 RETURNING id', [
      userId,
      hash,
      mustChange,
    ]);
    if (!r.length) throw errors.notFound('User', 'người dùng');
    // Changing a password ends every other session of the account.
    await tx.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
    await recordAudit(tx, { actor, action: mustChange ? 'users.password_reset' : 'auth.password_change', entityType: 'user', entityId: userId });
  });
}

export async function createUser(
  db: Db,
  input: { username: string; displayName: string; password: string; personId?: string | null; roles: Array<{ role: Role; unitId: string }> },
  actor: AuditActor,
  /** An administrator-chosen first password must be replaced by its owner at first sign-in. */
  opts: { mustChangePassword: boolean } = { mustChangePassword: true },
): Promise<string> {
  const username = input.username.trim().toLowerCase();
  const problem = passwordProblem(input.password, username);
  if (problem) throw errors.badRequest('WEAK_PASSWORD', problem.vi, problem.en);
  const hash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if ((await tx.query('SELECT 1 FROM users WHERE username = $1', [username])).length)
      throw errors.conflict('USERNAME_TAKEN', `Tên đăng nhập ${username} đã được dùng.`, `Username ${username} is taken.`);
    if (input.personId && !(await tx.query('SELECT 1 FROM persons WHERE id = $1', [input.personId])).length)
      throw errors.badRequest('PERSON_UNKNOWN', 'Cán bộ không tồn tại.', 'The staff member does not exist.');
    const id = randomUUID();
    await tx.query(
      'INSERT INTO users (id, username, display_name, password_hash, person_id, must_change_password) VALUES ($1,$2,$3,$4,$5,$6)',
      [id, username, input.displayName, hash, input.personId ?? null, opts.mustChangePassword],
    );
    // Failures counted while the name had no account (see login.service) do not carry over to the new account.
    await tx.query('DELETE FROM login_failures WHERE username = $1', [username]);
    for (const r of input.roles) await addRole(tx, id, r, actor);
    await recordAudit(tx, { actor, action: 'users.create', entityType: 'user', entityId: id, details: { username, displayName: input.displayName, personId: input.personId ?? null } });
    return id;
  });
}

export async function addRole(
  db: Db,
  userId: string,
  r: { role: Role; unitId: string; validFrom?: string; validTo?: string | null },
  actor: AuditActor,
): Promise<string> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    if (!(await tx.query('SELECT 1 FROM org_units WHERE id = $1', [r.unitId])).length)
      throw errors.badRequest('UNIT_UNKNOWN', 'Đơn vị không tồn tại.', 'The unit does not exist.');
    const same = await tx.query(
      `SELECT 1 FROM role_assignments WHERE user_id = $1 AND role = $2 AND unit_id = $3 AND (valid_to IS NULL OR valid_to > CURRENT_DATE)`,
      [userId, r.role, r.unitId],
    );
    if (same.length)
      throw errors.conflict('ROLE_EXISTS', 'Người dùng đã có vai trò này tại đơn vị này.', 'The user already holds this role in this unit.');
    await tx.query(
      `INSERT INTO role_assignments (id, user_id, role, unit_id, valid_from, valid_to, granted_by)
       VALUES ($1,$2,$3,$4,COALESCE($5::date, CURRENT_DATE),$6,$7)`,
      [id, userId, r.role, r.unitId, r.validFrom ?? null, r.validTo ?? null, actor.id ?? null],
    );
    await recordAudit(tx, { actor, action: 'users.role_grant', entityType: 'user', entityId: userId, unitId: r.unitId, details: { assignmentId: id, ...r } });
  });
  return id;
}

export async function removeRole(db: Db, userId: string, assignmentId: string, actor: AuditActor) {
  await db.transaction(async (tx) => {
    const rows = await tx.query<{ role: string; unit_id: string }>(
      'DELETE FROM role_assignments WHERE id = $1 AND user_id = $2 RETURNING role, unit_id',
      [assignmentId, userId],
    );
    if (!rows[0]) throw errors.notFound('Role assignment', 'phân quyền');
    await recordAudit(tx, { actor, action: 'users.role_revoke', entityType: 'user', entityId: userId, unitId: rows[0].unit_id, details: { assignmentId, role: rows[0].role } });
  });
}
