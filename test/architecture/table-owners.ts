import fs from 'node:fs';
import path from 'node:path';

/**
 * Which module owns which table (from `CREATE TABLE` in its migrations), and which production files of a module
 * name another module's table in SQL. `reports` may read across owners; platform tables (outbox, blob owners) are
 * shared infrastructure.
 */
/** SQL keywords are written in upper case in this code base, so prose ("comes from person_unit_history") is not SQL. */
const TABLE_IN_SQL = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+([a-z_][a-z0-9_]*)\b/g;

export function tableOwners(modulesDir: string): Map<string, string> {
  const owners = new Map<string, string>();
  for (const mod of fs.readdirSync(modulesDir)) {
    const dir = path.join(modulesDir, mod, 'migrations');
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.sql')))
      for (const m of fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?([a-z_][a-z0-9_]*)/gi))
        owners.set((m[1] as string).toLowerCase(), mod);
  }
  return owners;
}

function productionFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'test' && e.name !== 'migrations') out.push(...productionFiles(p));
    } else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

/** `<file> → <table> (<owner>)` for every other-owner table a module's production file names in SQL. */
export function crossOwnerSql(repo: string): string[] {
  const modulesDir = path.join(repo, 'src/modules');
  const owners = tableOwners(modulesDir);
  const found = new Set<string>();
  for (const mod of fs.readdirSync(modulesDir)) {
    if (mod === 'reports') continue;
    for (const file of productionFiles(path.join(modulesDir, mod))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(TABLE_IN_SQL)) {
        const owner = owners.get((m[1] as string).toLowerCase());
        if (owner && owner !== mod) found.add(`${path.relative(repo, file)} → ${m[1]} (${owner})`);
      }
    }
  }
  return [...found].sort();
}
