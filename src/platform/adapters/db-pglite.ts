import fs from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { toDatabaseError } from '../db/unavailable';
import type { Db } from '../ports/db';

const parsers = {
  [types.INT8]: (v: string) => Number(v),
  [types.NUMERIC]: (v: string) => Number(v),
  [types.DATE]: (v: string) => v,
};

interface Queryable {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
}

class PgliteDb implements Db {
  constructor(
    private readonly q: Queryable,
    private readonly root: PGlite,
    readonly description: string,
    private readonly inTx: boolean,
  ) {}

  // The embedded database has no connection to lose; the one "unavailable" case is a call after close (work still
  // running during shutdown), which answers 503 like a PostgreSQL outage instead of a 500.
  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    try {
      const res = await this.q.query<T>(sql, params as unknown[]);
      return res.rows;
    } catch (err) {
      throw toDatabaseError(err);
    }
  }

  async exec(sql: string): Promise<void> {
    try {
      await this.q.exec(sql);
    } catch (err) {
      throw toDatabaseError(err);
    }
  }

  async transaction<R>(fn: (tx: Db) => Promise<R>): Promise<R> {
    if (this.inTx) return fn(this);
    try {
      return await this.root.transaction((tx) => fn(new PgliteDb(tx, this.root, this.description, true)));
    } catch (err) {
      throw toDatabaseError(err);
    }
  }

  async close(): Promise<void> {
    if (!this.inTx && !this.root.closed) await this.root.close();
  }
}

/** Opens (creating if needed) an embedded PostgreSQL in `dir`; `dir` undefined → in memory (tests). */
export async function openPglite(dir?: string): Promise<Db> {
  if (dir) fs.mkdirSync(dir, { recursive: true });
  const pg = await PGlite.create(dir ? { dataDir: dir, parsers } : { parsers });
  await pg.exec(`SET TIME ZONE 'UTC'`);
  return new PgliteDb(pg, pg, dir ? `PGlite ${dir}` : 'PGlite (memory)', false);
}
