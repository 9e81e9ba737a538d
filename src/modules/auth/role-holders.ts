import type { Role } from '../../platform/access';
import type { Db } from '../../platform/ports/db';

/** An active account's role assignment valid on a date, with the account's staff record. */
export interface RoleHolder {
  userId: string;
  personId: string | null;
  displayName: string;
  role: Role;
  unitId: string;
}

/**
 * Every role assignment of an active account valid on `date` (optionally only some roles). Read by competence, which
 * counts a `chairman` or `unit_head` at a unit as a leader of it; the table is small (one row per account and role).
 */
export async function roleHoldersOn(db: Db, date: string, roles?: readonly Role[]): Promise<RoleHolder[]> {
  const rows = await db.query<{ user_id: string; person_id: string | null; display_name: string; role: Role; unit_id: string }>(
    `SELECT r.user_id, u.person_id, u.display_name, r.role, r.unit_id
       FROM role_assignments r JOIN users u ON u.id = r.user_id
      WHERE u.is_active AND r.valid_from <= $1 AND (r.valid_to IS NULL OR r.valid_to > $1)
        AND ($2::text[] IS NULL OR r.role = ANY($2::text[]))`,
    [date, roles ? [...roles] : null],
  );
  return rows.map((r) => ({ userId: r.user_id, personId: r.person_id, displayName: r.display_name, role: r.role, unitId: r.unit_id }));
}

/** The active accounts of these staff records (a person may have none). */
export async function accountsOfPersons(db: Db, personIds: readonly string[]): Promise<Array<{ userId: string; personId: string; displayName: string }>> {
  if (personIds.length === 0) return [];
  const rows = await db.query<{ id: string; person_id: string; display_name: string }>(
    'SELECT id, person_id, display_name FROM users WHERE is_active AND person_id = ANY($1::uuid[])',
    [[...personIds]],
  );
  return rows.map((r) => ({ userId: r.id, personId: r.person_id, displayName: r.display_name }));
}

/**
 * Display names of these accounts, active or not: whoever did something (confirmed a pass, a punch) stays named on it
 * after their account is closed. Read by recognition and attendance instead of joining `users` themselves.
 */
export async function userDisplayNames(db: Db, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.query<{ id: string; display_name: string }>('SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])', [[...new Set(userIds)]]);
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** One account's id, username and whether it may still sign in (other modules check a grantee without auth's tables). */
export async function accountOf(db: Db, userId: string): Promise<{ id: string; username: string; isActive: boolean } | undefined> {
  const [row] = await db.query<{ id: string; username: string; is_active: boolean }>('SELECT id, username, is_active FROM users WHERE id = $1', [userId]);
  return row ? { id: row.id, username: row.username, isActive: row.is_active } : undefined;
}
