import { loadOrgTree } from '../../src/modules/org';
import type { TestApp } from '../helpers/app';

/**
 * The records the authorization matrix looks for in responses, and each demo account's scope computed independently
 * of the routes: from its role assignments and the org tree (a role covers its unit, the sub-units and the former
 * units merged into them). `staff` gives no unit scope: such an account sees its own records only.
 */
export const ACCOUNTS = ['admin', 'chutich', 'chanhvp', 'noivu', 'kiemtra', 'truongphong', 'canbo', 'chutichtp'] as const;
export type Account = (typeof ACCOUNTS)[number];

export interface RecordRef {
  kind: 'person' | 'unit' | 'camera' | 'violation' | 'punch source' | 'user account';
  id: string;
  /** Matched in the body as well, when the name is distinctive (not shared with a record in scope). */
  name?: string;
  unitId: string | null;
  personId?: string | null;
  label: string;
}

export interface Universe {
  records: RecordRef[];
  unitParent: Map<string, string | null>;
  /** to-unit → the former units merged or transferred into it. */
  unitPredecessors: Map<string, string[]>;
  personUnit: Map<string, string>;
  personName: Map<string, string>;
}

export interface Scope {
  account: Account;
  personId: string | null;
  /** Units whose records the account may see. */
  units: Set<string>;
  /**
   * Units the account may see named as context: its scope, its own unit, their ancestors, and the former units merged
   * into any of those (a person's unit history). Cameras and punch sources of these units may be mentioned (the gate
   * that recorded one's own punch), but a route serving such a camera still needs the camera in scope.
   */
  namedUnits: Set<string>;
  /** The communes (units just below the province) the account works in: accounts of other communes are out of scope. */
  communes: Set<string>;
  cameraGrants: Set<string>;
}

export async function loadUniverse(t: TestApp): Promise<Universe> {
  const db = t.ctx.db;
  const units = await db.query<{ id: string; name: string; code: string; parent_id: string | null }>('SELECT id, name, code, parent_id FROM org_units');
  const persons = await db.query<{ id: string; full_name: string; employee_code: string; unit_id: string }>(
    'SELECT id, full_name, employee_code, unit_id FROM persons',
  );
  const cameras = await db.query<{ id: string; name: string; unit_id: string }>('SELECT id, name, unit_id FROM cameras');
  const violations = await db.query<{ id: string; person_id: string; unit_id: string; kind: string }>('SELECT id, person_id, unit_id, kind FROM violations');
  const sources = await db.query<{ id: string; name: string; unit_id: string | null }>('SELECT id, name, unit_id FROM punch_sources');
  // An account belongs where its person works, or (technical accounts) where its first role is.
  const users = await db.query<{ id: string; username: string; person_id: string | null; unit_id: string | null }>(
    `SELECT u.id, u.username, u.person_id,
            COALESCE(p.unit_id, (SELECT r.unit_id FROM role_assignments r WHERE r.user_id = u.id ORDER BY r.created_at LIMIT 1)) AS unit_id
       FROM users u LEFT JOIN persons p ON p.id = u.person_id`,
  );
  const successions = await db.query<{ from_ids: string[]; to_ids: string[] }>('SELECT from_ids, to_ids FROM org_successions');
  const unitPredecessors = new Map<string, string[]>();
  for (const sc of successions) for (const to of sc.to_ids) unitPredecessors.set(to, [...(unitPredecessors.get(to) ?? []), ...sc.from_ids]);
  const records: RecordRef[] = [
    ...persons.map((p) => ({ kind: 'person' as const, id: p.id, name: p.full_name, unitId: p.unit_id, personId: p.id, label: `${p.employee_code} ${p.full_name}` })),
    ...units.map((u) => ({ kind: 'unit' as const, id: u.id, name: u.name, unitId: u.id, label: `${u.code} ${u.name}` })),
    ...cameras.map((c) => ({ kind: 'camera' as const, id: c.id, unitId: c.unit_id, label: c.name })),
    ...violations.map((v) => ({ kind: 'violation' as const, id: v.id, unitId: v.unit_id, personId: v.person_id, label: `${v.kind} of ${persons.find((p) => p.id === v.person_id)?.employee_code}` })),
    ...sources.map((s) => ({ kind: 'punch source' as const, id: s.id, unitId: s.unit_id, label: s.name })),
    ...users.map((x) => ({ kind: 'user account' as const, id: x.id, unitId: x.unit_id, personId: x.person_id, label: x.username })),
  ];
  return {
    records,
    unitParent: new Map(units.map((u) => [u.id, u.parent_id])),
    unitPredecessors,
    personUnit: new Map(persons.map((p) => [p.id, p.unit_id])),
    personName: new Map(persons.map((p) => [p.id, p.full_name])),
  };
}

export async function scopeOf(t: TestApp, u: Universe, account: Account): Promise<Scope> {
  const db = t.ctx.db;
  const tree = await loadOrgTree(db, { fresh: true });
  const [user] = await db.query<{ id: string; person_id: string | null }>('SELECT id, person_id FROM users WHERE username = $1', [account]);
  if (!user) throw new Error(`no demo user ${account}`);
  const roles = await db.query<{ role: string; unit_id: string }>(
    `SELECT role, unit_id FROM role_assignments WHERE user_id = $1 AND (valid_to IS NULL OR valid_to > now())`,
    [user.id],
  );
  const units = new Set<string>();
  for (const r of roles) if (r.role !== 'staff') for (const id of tree.scopeOf(r.unit_id)) units.add(id);
  const namedUnits = new Set<string>(units);
  const own = user.person_id ? u.personUnit.get(user.person_id) : undefined;
  const addWithAncestors = (start: string) => {
    for (let cur: string | null | undefined = start; cur; cur = u.unitParent.get(cur)) namedUnits.add(cur);
  };
  for (const start of [...units, ...(own ? [own] : []), ...roles.map((r) => r.unit_id)]) addWithAncestors(start);
  for (const id of [...namedUnits]) {
    const stack = [...(u.unitPredecessors.get(id) ?? [])];
    for (let cur = stack.pop(); cur; cur = stack.pop()) {
      if (namedUnits.has(cur)) continue;
      addWithAncestors(cur);
      stack.push(...(u.unitPredecessors.get(cur) ?? []));
    }
  }
  const communes = new Set([...units, ...(own ? [own] : []), ...roles.map((r) => r.unit_id)].map((id) => communeOf(u, id)));
  const grants = await db.query<{ camera_id: string }>(
    `SELECT camera_id FROM camera_grants WHERE user_id = $1 AND revoked_at IS NULL AND (valid_until IS NULL OR valid_until > now())`,
    [user.id],
  );
  return { account, personId: user.person_id, units, namedUnits, communes, cameraGrants: new Set(grants.map((g) => g.camera_id)) };
}

/** The unit just below the root (a commune, or the province's own department); the root for the root itself. */
function communeOf(u: Universe, unitId: string): string {
  let cur = unitId;
  for (let parent = u.unitParent.get(cur); parent && u.unitParent.get(parent); parent = u.unitParent.get(cur)) cur = parent;
  return cur;
}

/**
 * Whether the account may be served this record: persons and violations its own or in its units, cameras in its
 * units or granted to it, punch sources in its units. User accounts: those of its own commune (their names appear as
 * the actors on one's own records) and the province-level technical accounts.
 */
export function isInScope(s: Scope, r: Pick<RecordRef, 'kind' | 'id' | 'unitId' | 'personId'>, u?: Universe): boolean {
  switch (r.kind) {
    case 'person':
      return r.id === s.personId || s.units.has(r.unitId ?? '');
    case 'unit':
      return s.namedUnits.has(r.id);
    case 'camera':
      return s.units.has(r.unitId ?? '') || s.cameraGrants.has(r.id);
    case 'violation':
      return r.personId === s.personId || s.units.has(r.unitId ?? '');
    case 'punch source':
      return r.unitId !== null && s.units.has(r.unitId);
    case 'user account':
      if (!r.personId || !r.unitId || !u) return true;
      return s.units.has(r.unitId) || s.communes.has(communeOf(u, r.unitId));
  }
}

/** Whether the record may be named in a response: in scope, or a camera or source of a unit the account may see named. */
function mayBeMentioned(s: Scope, r: RecordRef, u: Universe): boolean {
  if (isInScope(s, r, u)) return true;
  return (r.kind === 'camera' || r.kind === 'punch source') && r.unitId !== null && s.namedUnits.has(r.unitId);
}

/** Records the account must never receive, with the name matched only when no record it may see has the same name. */
export function outOfScope(u: Universe, s: Scope): RecordRef[] {
  const visibleNames = u.records.filter((r) => mayBeMentioned(s, r, u)).flatMap((r) => (r.name ? [r.name] : []));
  return u.records
    .filter((r) => !mayBeMentioned(s, r, u))
    .map((r) => (r.name && visibleNames.some((n) => n.includes(r.name as string)) ? { ...r, name: undefined } : r));
}
