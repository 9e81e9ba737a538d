import type { Db } from '../../platform/ports/db';
import { type Permission, ROLE_PERMISSIONS, type Role } from '../../platform/access';
import { loadOrgTree } from '../org';

/**
 * Who a notice reaches. Callers name people (a person, the holders of a permission over a unit, a unit's heads);
 * this module resolves them to accounts and addresses from the role assignments in force, and knows nothing of why.
 */
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

/** Technical accounts (sysadmin) are never reached through a permission: they run the system, not the agency. */
function grants(role: Role, permission: Permission): boolean {
  return role !== 'sysadmin' && (ROLE_PERMISSIONS[role] ?? []).includes(permission);
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

/** Accounts holding `permission` through a role whose scope covers `unitId` on `today`. */
export async function holdersOf(db: Db, permission: Permission, unitId: string, today: string): Promise<Recipient[]> {
  // Loaded through the caller's handle: on PGlite a second handle would wait for the open transaction forever.
  const tree = await loadOrgTree(db);
  const out: Recipient[] = [];
  for (const a of await activeAssignments(db, today)) {
    if (!grants(a.role, permission)) continue;
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

/** One account of an audience with the units its assignments cover (each assignment's unit and its sub-units). */
export interface ScopedRecipient extends Recipient {
  userId: string;
  units: string[];
}

/**
 * Everyone holding `permission` or one of `roles` on `date`, each once, with the union of the units their
 * assignments cover — the audience of a per-scope digest. Accounts come in the order of their first assignment.
 */
export async function audienceOf(db: Db, date: string, who: { permission: Permission; roles?: Role[] }): Promise<ScopedRecipient[]> {
  const tree = await loadOrgTree(db, { fresh: true });
  const byUser = new Map<string, { name: string; email: string | null; units: Set<string> }>();
  for (const a of await activeAssignments(db, date)) {
    if (!(who.roles?.includes(a.role) || grants(a.role, who.permission))) continue;
    const entry = byUser.get(a.user_id) ?? { name: a.display_name, email: a.email, units: new Set<string>() };
    for (const u of tree.scopeOf(a.unit_id)) entry.units.add(u);
    byUser.set(a.user_id, entry);
  }
  return [...byUser].map(([userId, e]) => ({ userId, name: e.name, email: e.email, units: [...e.units] }));
}
