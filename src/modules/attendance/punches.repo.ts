import type { Db } from '../../platform/ports/db';

/** Reads of single punches for the punch routes (the writes live in punches.service.ts, with their audit rows). */

/** The punch's evidence key (null: none); undefined when no such punch. */
export async function findPunchEvidenceKey(db: Db, punchId: string): Promise<{ evidence_snapshot_key: string | null } | undefined> {
  const [p] = await db.query<{ evidence_snapshot_key: string | null }>('SELECT evidence_snapshot_key FROM punches WHERE id = $1', [punchId]);
  return p;
}

/** Whose punch it is; undefined when no such punch. */
export async function findPunchPerson(db: Db, punchId: string): Promise<{ person_id: string } | undefined> {
  const [p] = await db.query<{ person_id: string }>('SELECT person_id FROM punches WHERE id = $1', [punchId]);
  return p;
}
