import { randomBytes } from 'node:crypto';
import { after, describe } from 'node:test';
import pg from 'pg';
import { openPglite } from '../../src/platform/adapters/db-pglite';
import { openPostgres } from '../../src/platform/adapters/db-postgres';
import { migrate } from '../../src/platform/db/migrate';
import type { Db } from '../../src/platform/ports/db';

export type DbKind = 'pglite' | 'postgres';

/** The back ends every database test runs against: PGlite always, PostgreSQL when DATABASE_URL is set (CI sets it). */
export function dbKinds(): DbKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A fresh, fully migrated database. On PostgreSQL each call gets its own schema (dropped by `close`), so test files
 * can run in parallel against one server without seeing each other's rows.
 */
export async function freshDb(kind: DbKind): Promise<Db & { dropAndClose(): Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openPglite();
    await migrate(db);
    return Object.assign(db, { dropAndClose: () => db.close() });
  }
  const url = process.env.DATABASE_URL as string;
  const schema = `kc_test_${randomBytes(6).toString('hex')}`;
  const db = await openPostgres(url, { schema, max: 4 });
  await migrate(db);
  return Object.assign(db, {
    dropAndClose: async () => {
      await db.close();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    },
  });
}

/**
 * Declares the same suite once per back end: `forEachDb('staff import', (getDb) => { it(...) })`.
 * The database is created lazily on first use and dropped after the suite.
 */
export function forEachDb(name: string, body: (getDb: () => Promise<Db>, kind: DbKind) => void): void {
  for (const kind of dbKinds()) {
    describe(`${name} [${kind}]`, () => {
      let db: Promise<Db & { dropAndClose(): Promise<void> }> | undefined;
      const getDb = () => {
        db ??= freshDb(kind);
        return db;
      };
      after(async () => {
        if (db) await (await db).dropAndClose();
      });
      body(getDb, kind);
    });
  }
}
