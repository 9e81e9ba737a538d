import type { Db } from '../../platform/ports/db';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../audit';
import { hashPassword, verifyPassword } from './password';
import { createSession } from './sessions';
import type { UserRow } from './users.service';

export interface LoginPolicy {
  maxFailures: number;
  lockMinutes: number;
  sessionHours: number;
}

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * Failures of a username without an account are forgotten after this long without a new failure (the table would
 * otherwise grow with every typo). A real account's count lasts until its next successful sign-in.
 */
const UNKNOWN_NAME_MEMORY_MS = 24 * 3600_000;

const invalidCredentials = () =>
  new AppError(401, 'INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.', 'Wrong username or password.');

/** The same answer for a real account and for a username without one: it must not reveal which names exist. */
function accountLocked(lockedUntil: Date, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return new AppError(
    423,
    'ACCOUNT_LOCKED',
    `Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau ${minutes} phút hoặc liên hệ quản trị viên.`,
    `The account is locked after repeated failures. Try again in ${minutes} minutes or ask an administrator.`,
    { lockedUntil: lockedUntil.toISOString() },
  );
}

const lockedAt = (lockedUntil: Date | string | null, now: Date): Date | undefined => {
  if (!lockedUntil) return undefined;
  const until = new Date(lockedUntil);
  return until > now ? until : undefined;
};

/** A fixed hash to verify against when the user does not exist, so the argon2 work (and its time) is the same. */
let dummyHash: Promise<string> | undefined;

/**
 * Signs a user in. Failed attempts are counted by one atomic UPDATE … RETURNING (never read-then-write), so wrong
 * passwords sent in parallel cannot slip past the limit: the attempt that reaches it sets `locked_until` in the same
 * statement. A successful sign-in only clears the count if no concurrent failure locked the account meanwhile.
 */
export async function login(db: Db, input: LoginInput, policy: LoginPolicy, now: Date) {
  const username = input.username.trim().toLowerCase();
  const user = (await db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]))[0];
  if (!user) return refuseUnknownName(db, username, input, policy, now);

  const locked = lockedAt(user.locked_until, now);
  if (locked) throw accountLocked(locked, now);
  // Always do the hash work, also for a deactivated account, so its timing says nothing either.
  const passwordOk = await verifyPassword(input.password, user.password_hash);
  if (!passwordOk || !user.is_active) {
    await countFailure(db, user, input, policy, now);
    throw invalidCredentials();
  }
  return db.transaction(async (tx) => {
    const cleared = await tx.query(
      `UPDATE users SET failed_attempts = 0, locked_until = NULL, last_login_at = $2
        WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $2) RETURNING id`,
      [user.id, now.toISOString()],
    );
    if (!cleared.length) {
      // Locked by a concurrent failure between our read and now: the lock wins.
      const row = await tx.query<{ locked_until: Date | string | null }>('SELECT locked_until FROM users WHERE id = $1', [user.id]);
      throw accountLocked(lockedAt(row[0]?.locked_until ?? null, now) ?? now, now);
    }
    const session = await createSession(tx, user.id, policy.sessionHours, { ip: input.ip, userAgent: input.userAgent });
    await recordAudit(tx, { actor: { id: user.id, name: user.username, ip: input.ip }, action: 'auth.login', entityType: 'user', entityId: user.id });
    return { user, session };
  });
}

/**
 * One more failure, counted in the database: the statement that brings the count to the limit locks the account
 * and restarts the count (so after the lock ends the user has the full number of attempts again).
 */
async function countFailure(db: Db, user: UserRow, input: LoginInput, policy: LoginPolicy, now: Date): Promise<void> {
  const lockUntil = new Date(now.getTime() + policy.lockMinutes * 60_000);
  await db.transaction(async (tx) => {
    const rows = await tx.query<{ failed_attempts: number }>(
      `UPDATE users SET
          failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END,
          locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
        WHERE id = $1 RETURNING failed_attempts`,
      [user.id, policy.maxFailures, lockUntil.toISOString()],
    );
    // The count goes back to 0 only in the statement that locked.
    const lockedNow = rows[0]?.failed_attempts === 0;
    await recordAudit(tx, {
      actor: { id: user.id, name: user.username, ip: input.ip },
      action: lockedNow ? 'auth.account_locked' : 'auth.login_failed',
      entityType: 'user',
      entityId: user.id,
      details: { failures: lockedNow ? policy.maxFailures : rows[0]?.failed_attempts },
    });
  });
}

/** A username without an account: the same hash work, the same counting and the same 423 as a real account. */
async function refuseUnknownName(db: Db, username: string, input: LoginInput, policy: LoginPolicy, now: Date): Promise<never> {
  const known = await db.query<{ locked_until: Date | string | null }>('SELECT locked_until FROM login_failures WHERE username = $1', [username]);
  const locked = lockedAt(known[0]?.locked_until ?? null, now);
  if (locked) throw accountLocked(locked, now);
  dummyHash ??= hashPassword('not-a-real-password-0');
  await verifyPassword(input.password, await dummyHash);
  const lockUntil = new Date(now.getTime() + policy.lockMinutes * 60_000);
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM login_failures WHERE last_failed_at < $1 AND (locked_until IS NULL OR locked_until < $2)', [
      new Date(now.getTime() - UNKNOWN_NAME_MEMORY_MS).toISOString(),
      now.toISOString(),
    ]);
    const rows = await tx.query<{ failed_attempts: number }>(
      `INSERT INTO login_failures AS f (username, failed_attempts, locked_until, last_failed_at)
       VALUES ($1, CASE WHEN 1 >= $2 THEN 0 ELSE 1 END, CASE WHEN 1 >= $2 THEN $3::timestamptz END, $4)
       ON CONFLICT (username) DO UPDATE SET
         failed_attempts = CASE WHEN f.failed_attempts + 1 >= $2 THEN 0 ELSE f.failed_attempts + 1 END,
         locked_until = CASE WHEN f.failed_attempts + 1 >= $2 THEN $3::timestamptz ELSE f.locked_until END,
         last_failed_at = $4
       RETURNING failed_attempts`,
      [username, policy.maxFailures, lockUntil.toISOString(), now.toISOString()],
    );
    const lockedNow = rows[0]?.failed_attempts === 0;
    await recordAudit(tx, {
      actor: { name: username, ip: input.ip },
      action: lockedNow ? 'auth.account_locked' : 'auth.login_failed',
      entityType: 'user',
      details: { reason: 'unknown_user', failures: lockedNow ? policy.maxFailures : rows[0]?.failed_attempts },
    });
  });
  throw invalidCredentials();
}
