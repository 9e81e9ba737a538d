import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../ports/db';

/**
 * Every module owns its tables and keeps its SQL migrations in `src/modules/<module>/migrations/NNNN_name.sql`.
 * Files are applied in the order of their names across all modules (the four-digit prefix is global: org 01xx,
 * people 02xx, …), once each, each in its own transaction. The same files run on PGlite and on PostgreSQL, so
 * they use only portable PostgreSQL 15 syntax.
 */
const modulesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../modules');
/** Platform-owned tables (the event outbox) live beside the platform code, numbered before every module. */
const platformDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface MigrationFile {
  name: string;
  file: string;
}

export function listMigrations(dirs = [modulesDir, platformDir]): MigrationFile[] {
  const out: MigrationFile[] = [];
  for (const dir of dirs)
    for (const mod of fs.readdirSync(dir)) {
      const mdir = path.join(dir, mod, 'migrations');
      if (!fs.existsSync(mdir)) continue;
      for (const f of fs.readdirSync(mdir)) if (f.endsWith('.sql')) out.push({ name: f, file: path.join(mdir, f) });
    }
  out.sort((a, b) => a.name.localeCompare(b.name));
  const seen = new Set<string>();
  for (const m of out) {
    if (seen.has(m.name)) throw new Error(`Duplicate migration name ${m.name}`);
    seen.add(m.name);
  }
  return out;
}

export async function migrate(db: Db, log: (msg: string) => void = () => undefined): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied = new Set((await db.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
  const done: string[] = [];
  for (const m of listMigrations()) {
    if (applied.has(m.name)) continue;
    const sql = fs.readFileSync(m.file, 'utf8');
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations(name) VALUES ($1)', [m.name]);
    });
    log(`migrated ${m.name}`);
    done.push(m.name);
  }
  return done;
}
