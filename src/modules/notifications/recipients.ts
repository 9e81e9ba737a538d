import type { Db } from '../../platform/ports/db';
import { loadOrgTree } from '../org/org-tree';
import { ROLE_PERMISSIONS, type Role } from '../../platform/access';

export interface Recipient {
  userId: string | null;
  name: string;
  email: string | null;
}

/** The person's own account (for the in-app centre) and e-mail address. */
export async function personRecipient(db: Db, personId: string): Promise<Recipient | undefined> {
  const rows = await db.query<{ full_name: string; email: string | null; user_id: string | null }>(
    `SELECT p.full_name, p.email, (SELECT u.id FROM users u WHERE u.person_id = p.id AND u.is_active LIMIT 1) AS user_id
       FROM persons p WHERE p.id = $1`,
    [personId],
  );
  const r = rows[0];
  return r ? { userId: r.user_id, name: r.full_name, email: r.email } : undefined;
}

interface Assignment {
  user_id: string;
  role: Role;
  unit_id: string;
  display_name: string;
  email: string | null;
}

async function activeAssignments(db: Db, today: string): Promise<Assignment[]> {
  return db.query<Assignment>(
    `SELECT ra.user_id, ra.role, ra.unit_id, u.display_name, p.email
       FROM role_assignments ra JOIN users u ON u.id = ra.user_id LEFT JOIN persons p ON p.id = u.person_id
      WHERE u.is_active AND ra.valid_from <= $1 AND (ra.valid_to IS NULL OR ra.valid_to > $1)`,
    [today],
  );
}

function dedupe(list: Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return list.filter((r) => {
    const key = r.userId ?? r.email ?? r.name;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Leaders who may decide on violations of `unitId` (role with violations.decide whose scope covers the unit). */
export async function deciders(db: Db, unitId: string, today: string): Promise<Recipient[]> {
  // Loaded through the caller's handle: on PGlite a second handle would wait for the open transaction forever.
  const tree = await loadOrgTree(db);
  const out: Recipient[] = [];
  for (const a of await activeAssignments(db, today)) {
    if (a.role === 'sysadmin') continue; // technical accounts are not discipline leaders
    if (!(ROLE_PERMISSIONS[a.role] ?? []).includes('violations.decide')) continue;
    if (tree.scopeOf(a.unit_id).has(unitId)) out.push({ userId: a.user_id, name: a.display_name, email: a.email });
  }
  return dedupe(out);
}

/** The head(s) of the unit, or of the nearest ancestor unit that has one. */
export async function unitHeads(db: Db, unitId: string, today: string): Promise<Recipient[]> {
  const tree = await loadOrgTree(db);
  const heads = (await activeAssignments(db, today)).filter((a) => a.role === 'unit_head');
  const chain = tree.ancestry(unitId).reverse();
  for (const unit of chain) {
    const here = heads.filter((h) => h.unit_id === unit.id);
    if (here.length) return dedupe(here.map((h) => ({ userId: h.user_id, name: h.display_name, email: h.email })));
  }
  return [];
}
