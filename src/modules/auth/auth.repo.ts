import type { Role } from '../../platform/access';
import type { Db } from '../../platform/ports/db';

/** An account as the user administration lists it, with the name of its staff record. */
export interface UserAccountRow {
  id: string;
  username: string;
  display_name: string;
  person_id: string | null;
  person_name: string | null;
  is_active: boolean;
  locked_until: Date | null;
  last_login_at: Date | null;
}

export interface UserRoleRow {
  id: string;
  user_id: string;
  role: Role;
  unit_id: string;
  unit_name: string;
  valid_from: string;
  valid_to: string | null;
}

export async function setUserLocale(db: Db, userId: string, locale: 'vi' | 'en'): Promise<void> {
  await db.query('UPDATE users SET locale = $2 WHERE id = $1', [userId, locale]);
}

/**
 * One page of the accounts whose name matches `q` and that are in scope: one of their roles, or their staff record,
 * is in a unit of `scopeUnitIds`. With the role assignments of the accounts on the page.
 */
export async function listUserAccounts(
  db: Db,
  q: { q?: string | undefined; scopeUnitIds: string[]; page: number; pageSize: number },
): Promise<{ total: number; users: UserAccountRow[]; roles: UserRoleRow[] }> {
  const like = `%${(q.q ?? '').toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const scope = q.scopeUnitIds;
  const where = `(lower(u.username) LIKE $1 OR lower(u.display_name) LIKE $1)
        AND (EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = u.id AND r.unit_id = ANY($2::uuid[]))
             OR EXISTS (SELECT 1 FROM persons p WHERE p.id = u.person_id AND p.unit_id = ANY($2::uuid[])))`;
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users u WHERE ${where}`, [like, scope]);
  const users = await db.query<UserAccountRow>(
    `SELECT u.id, u.username, u.display_name, u.person_id, p.full_name AS person_name, u.is_active, u.locked_until, u.last_login_at
           FROM users u LEFT JOIN persons p ON p.id = u.person_id WHERE ${where}
          ORDER BY u.username LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    [like, scope],
  );
  const roles = await db.query<UserRoleRow>(
    `SELECT r.id, r.user_id, r.role, r.unit_id, o.name AS unit_name, r.valid_from, r.valid_to
           FROM role_assignments r JOIN org_units o ON o.id = r.unit_id WHERE r.user_id = ANY($1::uuid[]) ORDER BY r.created_at`,
    [users.map((u) => u.id)],
  );
  return { total: total[0]?.n ?? 0, users, roles };
}

export async function userExists(db: Db, userId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM users WHERE id = $1', [userId])).length > 0;
}

/** The units an account belongs to: those of its roles and the unit of its staff record. */
export async function unitsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db.query<{ unit_id: string }>(
    `SELECT unit_id FROM role_assignments WHERE user_id = $1
       UNION SELECT p.unit_id FROM users u JOIN persons p ON p.id = u.person_id WHERE u.id = $1`,
    [userId],
  );
  return rows.map((r) => r.unit_id);
}

/** The fields an administrator may change, as they are before the change (for the audit entry). */
export async function userBeforeUpdate(db: Db, userId: string): Promise<Record<string, unknown> | undefined> {
  return (await db.query<Record<string, unknown>>('SELECT display_name, is_active, person_id FROM users WHERE id = $1', [userId]))[0];
}

/** `personId` undefined keeps the link to the staff record; null removes it. */
export async function updateUserAccount(
  db: Db,
  userId: string,
  patch: { displayName?: string | undefined; isActive?: boolean | undefined; personId?: string | null | undefined },
): Promise<void> {
  await db.query(
    `UPDATE users SET display_name = COALESCE($2, display_name), is_active = COALESCE($3, is_active),
                  person_id = CASE WHEN $4::boolean THEN $5::uuid ELSE person_id END, updated_at = now() WHERE id = $1`,
    [userId, patch.displayName ?? null, patch.isActive ?? null, patch.personId !== undefined, patch.personId ?? null],
  );
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

export async function findRoleAssignment(db: Db, userId: string, assignmentId: string): Promise<{ unit_id: string; role: string } | undefined> {
  const rows = await db.query<{ unit_id: string; role: string }>('SELECT unit_id, role FROM role_assignments WHERE id = $1 AND user_id = $2', [
    assignmentId,
    userId,
  ]);
  return rows[0];
}

export async function unlockUser(db: Db, userId: string): Promise<void> {
  await db.query('UPDATE users SET locked_until = NULL, failed_attempts = 0 WHERE id = $1', [userId]);
}
