import type { SessionUser } from '../../platform/access';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../platform/ports/db';
import type { Role } from '../../platform/access';

/** Session tokens are random 32 bytes; only their SHA-256 is stored, so a database leak yields no usable session. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function createSession(
  db: Db,
  userId: string,
  hours: number,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrf: string; expiresAt: Date }> {
  const token = newToken();
  const csrf = newToken();
  const expiresAt = new Date(Date.now() + hours * 3600_000);
  await db.query(
    'INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, ip, user_agent) VALUES ($1,$2,$3,$4,$5,$6)',
    [tokenHash(token), userId, csrf, expiresAt.toISOString(), meta.ip, meta.userAgent?.slice(0, 300) ?? null],
  );
  return { token, csrf, expiresAt };
}

export type { SessionUser };

export async function loadSession(db: Db, token: string, now: Date): Promise<SessionUser | undefined> {
  const rows = await db.query<{
    user_id: string;
    username: string;
    display_name: string;
    person_id: string | null;
    locale: 'vi' | 'en';
    csrf_token: string;
    must_change_password: boolean;
  }>(
    `SELECT s.user_id, u.username, u.display_name, u.person_id, u.locale, s.csrf_token, u.must_change_password
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.is_active`,
    [tokenHash(token), now.toISOString()],
  );
  const s = rows[0];
  if (!s) return undefined;
  const today = now.toISOString().slice(0, 10);
  const roles = await db.query<{ role: Role; unit_id: string }>(
    `SELECT role, unit_id FROM role_assignments
      WHERE user_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)`,
    [s.user_id, today],
  );
  return {
    userId: s.user_id,
    username: s.username,
    displayName: s.display_name,
    personId: s.person_id,
    locale: s.locale,
    csrf: s.csrf_token,
    mustChangePassword: s.must_change_password,
    roles: roles.map((r) => ({ role: r.role, unitId: r.unit_id })),
  };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash(token)]);
}
