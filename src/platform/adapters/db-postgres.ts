import pg from 'pg';
import { isDatabaseUnavailable, toDatabaseError } from '../db/unavailable';
import type { Db } from '../ports/db';

const { Pool, types } = pg;
// Same value mapping as the PGlite adapter (see ports/db.ts).
types.setTypeParser(types.builtins.INT8, (v) => Number(v));
types.setTypeParser(types.builtins.NUMERIC, (v) => Number(v));
types.setTypeParser(types.builtins.DATE, (v) => v);

type Client = pg.Pool | pg.PoolClient;

/**
 * Every call goes through here: a lost connection, a refused one or a server-side timeout becomes a 503
 * `DatabaseUnavailableError`; SQL errors (constraints, bad values) pass unchanged.
 */
async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toDatabaseError(err);
  }
}

class PostgresDb implements Db {
  constructor(
    private readonly client: Client,
    private readonly pool: pg.Pool,
    readonly description: string,
    private readonly inTx: boolean,
  ) {}

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const res = await mapped(() => this.client.query(sql, params as unknown[]));
    return res.rows as T[];
  }

  async exec(sql: string): Promise<void> {
    // Scripts are migrations: inside their transaction they run without the statement timeout (a long index build
    // must not be cancelled). Outside a transaction a SET would stick to a pooled connection, so it is not done.
    await mapped(() => this.client.query(this.inTx ? `SET LOCAL statement_timeout = 0;\n${sql}` : sql));
  }

  async transaction<R>(fn: (tx: Db) => Promise<R>): Promise<R> {
    if (this.inTx) return fn(this);
    const conn = await mapped(() => this.pool.connect());
    // A checked-out client has no listener of the pool's: without this one, the server terminating the backend
    // while the transaction waits between statements (57P01, failover, idle-in-transaction timeout) is an
    // unhandled 'error' event that kills the process. Remember it; the next statement fails and the client is
    // destroyed instead of going back to the pool.
    let broken: Error | undefined;
    const onError = (err: Error) => {
      broken ??= err;
    };
    conn.on('error', onError);
    try {
      await mapped(() => conn.query('BEGIN'));
      const result = await fn(new PostgresDb(conn, this.pool, this.description, true));
      await mapped(() => conn.query('COMMIT'));
      return result;
    } catch (err) {
      // A dead connection cannot roll back (the server already did); a live one must, before it is reused.
      if (isDatabaseUnavailable(err)) broken ??= err instanceof Error ? err : new Error(String(err));
      else if (!broken)
        await conn.query('ROLLBACK').catch((rollbackErr: Error) => {
          broken = rollbackErr;
        });
      // When the connection broke, its own error (e.g. 25P03, idle-in-transaction timeout) says more than the
      // "not queryable" the next statement got.
      throw toDatabaseError(broken && isDatabaseUnavailable(err) ? broken : err);
    } finally {
      conn.removeListener('error', onError);
      // release(err) destroys the client: a connection that failed once is never handed to another request.
      conn.release(broken);
    }
  }

  async close(): Promise<void> {
    if (!this.inTx) await this.pool.end();
  }
}

export interface PostgresOptions {
  /** Created if missing and used as the search path (test isolation). */
  schema?: string;
  /** Largest number of connections. */
  max?: number;
  /** How long a request waits for a connection (new or from the pool) before it fails with 503. */
  connectTimeoutMs?: number;
  /** statement_timeout of every session; 0 = none. Migrations run without it. */
  statementTimeoutMs?: number;
  /** idle_in_transaction_session_timeout: a transaction left waiting this long is ended by the server; 0 = none. */
  idleInTransactionTimeoutMs?: number;
}

export const POSTGRES_DEFAULTS = {
  max: 10,
  connectTimeoutMs: 10_000,
  statementTimeoutMs: 300_000,
  idleInTransactionTimeoutMs: 60_000,
} as const;

/**
 * Session options for the server. An `options` parameter in the URL (e.g. `?options=-c search_path=x`) is kept and
 * comes first, so ours (time zone, timeouts) are added to it rather than replaced.
 */
function sessionOptions(url: URL, opts: PostgresOptions): string {
  const parts: string[] = [];
  const fromUrl = url.searchParams.get('options');
  if (fromUrl) parts.push(fromUrl);
  parts.push('-c TimeZone=UTC');
  if (opts.schema) parts.push(`-c search_path=${opts.schema}`);
  parts.push(`-c statement_timeout=${Math.max(0, Math.round(opts.statementTimeoutMs ?? POSTGRES_DEFAULTS.statementTimeoutMs))}`);
  parts.push(
    `-c idle_in_transaction_session_timeout=${Math.max(0, Math.round(opts.idleInTransactionTimeoutMs ?? POSTGRES_DEFAULTS.idleInTransactionTimeoutMs))}`,
  );
  return parts.join(' ');
}

/** Connects to a PostgreSQL server. */
export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<Db> {
  const where = new URL(url);
  const options = sessionOptions(where, opts);
  // pg lets the connection string override explicit settings: our merged options must be the only ones.
  const connectionString = new URL(url);
  connectionString.searchParams.delete('options');
  if (opts.schema) {
    const admin = new pg.Client({ connectionString: connectionString.toString() });
    admin.on('error', () => undefined);
    await mapped(() => admin.connect());
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS "${opts.schema}"`);
    } finally {
      await admin.end().catch(() => undefined);
    }
  }
  const pool = new Pool({
    connectionString: connectionString.toString(),
    max: opts.max ?? POSTGRES_DEFAULTS.max,
    options,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? POSTGRES_DEFAULTS.connectTimeoutMs,
    // TCP keepalive notices a server that vanished (failover, cable) instead of waiting for the OS default.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    // Shown in pg_stat_activity; a `application_name` in the URL wins.
    fallback_application_name: 'kycuong',
  } as pg.PoolConfig);
  // A server restart must not crash the process: idle clients report errors here (the pool drops them)...
  pool.on('error', () => undefined);
  // ...and every client gets a listener of its own for the whole of its life, so an 'error' event while it is
  // checked out (between statements of a transaction) is never unhandled. The failing statement reports it.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  await mapped(() => pool.query('SELECT 1'));
  return new PostgresDb(
    pool,
    pool,
    `PostgreSQL ${where.host}${where.pathname}${opts.schema ? ` (${opts.schema})` : ''}`,
    false,
  );
}
