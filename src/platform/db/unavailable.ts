import { AppError } from '../errors';

/**
 * The database could not answer: the connection dropped (server restart, failover, a terminated backend), no
 * connection could be made in time, or the server cancelled a statement or an idle transaction on a timeout. The
 * request fails with 503 and may be retried; the process goes on. SQL errors (constraints, bad values) are not
 * this: they keep their own codes and meaning.
 *
 * When the connection drops during COMMIT the outcome is unknown to us; every write that clients retry is
 * idempotent (punches on source + event id), so a retry after a 503 is safe.
 */
export class DatabaseUnavailableError extends AppError {
  constructor(
    readonly reason: 'CONNECTION' | 'TIMEOUT',
    override readonly cause: unknown,
  ) {
    super(
      503,
      reason === 'TIMEOUT' ? 'DATABASE_TIMEOUT' : 'DATABASE_UNAVAILABLE',
      reason === 'TIMEOUT'
        ? 'Cơ sở dữ liệu không trả lời kịp (quá thời gian chờ). Hãy thử lại sau ít phút.'
        : 'Tạm thời không kết nối được cơ sở dữ liệu. Hãy thử lại sau ít phút.',
      reason === 'TIMEOUT'
        ? 'The database did not answer in time (timeout). Try again in a few minutes.'
        : 'The database is temporarily unreachable. Try again in a few minutes.',
    );
  }
}

/** SQLSTATEs of a lost or refused connection: admin/crash shutdown, cannot connect now, too many connections, class 08. */
const CONNECTION_STATES = new Set(['57P01', '57P02', '57P03', '57P05', '53300', '3D000']);
/** SQLSTATEs of a server-side timeout: statement_timeout/cancel (57014), idle-in-transaction and idle-session timeouts. */
const TIMEOUT_STATES = new Set(['57014', '25P03', '57P05']);
/** Node socket errors on the way to the server. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);
/** pg and pg-pool report these without a code. */
const MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /connection (?:is )?closed/i,
  /cannot use a pool after calling end/i,
  /^PGlite is closed/i,
];

/** Classifies an error from a database driver: 'CONNECTION', 'TIMEOUT', or undefined for everything else. */
export function databaseFailureKind(err: unknown): 'CONNECTION' | 'TIMEOUT' | undefined {
  if (err instanceof DatabaseUnavailableError) return err.reason;
  if (!err || typeof err !== 'object') return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (TIMEOUT_STATES.has(code)) return 'TIMEOUT';
    if (CONNECTION_STATES.has(code) || code.startsWith('08') || SOCKET_CODES.has(code)) return 'CONNECTION';
  }
  const message = (err as { message?: unknown }).message;
  if (typeof message === 'string' && MESSAGES.some((m) => m.test(message))) return 'CONNECTION';
  return undefined;
}

/** True for errors that mean "the database is not there right now" (retry later), false for SQL errors. */
export function isDatabaseUnavailable(err: unknown): boolean {
  return databaseFailureKind(err) !== undefined;
}

/** Connection-class errors become a 503 `DatabaseUnavailableError`; anything else is returned unchanged. */
export function toDatabaseError(err: unknown): unknown {
  if (err instanceof DatabaseUnavailableError) return err;
  const kind = databaseFailureKind(err);
  return kind ? new DatabaseUnavailableError(kind, err) : err;
}
