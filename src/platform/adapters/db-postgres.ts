import pg from 'pg';
import type { Db } from '../ports/db';

const { Pool, types } = pg;
// Same value mapping as the PGlite adapter (see ports/db.ts).
types.setTypeParser(types.builtins.INT8, (v) => Number(v));
types.setTypeParser(types.builtins.NUMERIC, (v) => Number(v));
types.setTypeParser(types.builtins.DATE, (v) => v);

type Client = pg.Pool | pg.PoolClient;

class PostgresDb implements Db {
  constructor(
    private readonly client: Client,
    private readonly pool: pg.Pool,
    readonly description: string,
    private readonly inTx: boolean,
  ) {}

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const res = await this.client.query(sql, params as unknown[]);
    return res.rows as T[];
  }

  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  async transaction<R>(fn: (tx: Db) => Promise<R>): Promise<R> {
    if (this.inTx) return fn(this);
    const conn = await this.pool.connect();
    try {
      await conn.query('BEGIN');
      const result = await fn(new PostgresDb(conn, this.pool, this.description, true));
      await conn.query('COMMIT');
      return result;
    } catch (err) {
      await conn.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      conn.release();
    }
  }

  async close(): Promise<void> {
    if (!this.inTx) await this.pool.end();
  }
}

/** Connects to a PostgreSQL server. `schema`, when given, is created and used as the search path (test isolation). */
export async function openPostgres(url: string, opts: { schema?: string; max?: number } = {}): Promise<Db> {
  const options = ['-c TimeZone=UTC'];
  if (opts.schema) options.push(`-c search_path=${opts.schema}`);
  if (opts.schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA IF NOT EXISTS "${opts.schema}"`);
    await admin.end();
  }
  const pool = new Pool({ connectionString: url, max: opts.max ?? 10, options: options.join(' ') });
  // A server restart must not crash the process: idle clients report errors here.
  pool.on('error', () => undefined);
  await pool.query('SELECT 1');
  const where = new URL(url);
  return new PostgresDb(pool, pool, `PostgreSQL ${where.host}${where.pathname}${opts.schema ? ` (${opts.schema})` : ''}`, false);
}
