/**
 * The database port. Domain modules speak plain, portable PostgreSQL through it; the adapter behind it is PGlite
 * (embedded) or a PostgreSQL server, chosen once at start-up. Both adapters parse values identically:
 * int8/numeric → number, date → 'YYYY-MM-DD' string, timestamptz → Date, json/jsonb → objects.
 */
export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs fn inside one transaction; nested calls join the outer transaction. */
  transaction<R>(fn: (tx: Db) => Promise<R>): Promise<R>;
  close(): Promise<void>;
  /** Human-readable description for logs and /api/health, e.g. "PGlite ./data/pg" or "PostgreSQL 127.0.0.1/test". */
  readonly description: string;
}

/** Convenience: first row or undefined. */
export async function one<T>(db: Db, sql: string, params?: readonly unknown[]): Promise<T | undefined> {
  const rows = await db.query<T>(sql, params);
  return rows[0];
}
