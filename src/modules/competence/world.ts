import { type Access, type Permission, ROLE_PERMISSIONS } from '../../platform/access';
import type { Db } from '../../platform/ports/db';
import { roleHoldersOn } from '../auth';
import { loadOrgTree, loadUnitTypes } from '../org';
import { personOnDate } from '../people';
import { delegationsOn, loadRules, postsOn } from './competence.repo';
import type { Matter } from './competence.types';
import type { Leadership, World } from './domain/model';
import type { Actor } from './domain/verdict';

/** The permission that also makes an office competent for a matter at a unit (besides its leaders). */
export const MATTER_PERMISSION: Record<Matter, Permission | null> = {
  LEAVE_APPROVAL: null,
  ATTENDANCE_CORRECTION: 'attendance.manage',
  VIOLATION_HANDLING: 'violations.decide',
  DISCIPLINE_DECISION: null,
};

/** Roles that make their holder a leader of the unit they are held at (besides leadership posts). */
const LEADER_ROLES = ['chairman', 'unit_head'] as const;

export interface LoadedWorld extends World {
  scopeOf(unitId: string): Set<string>;
}

/** Everything a verdict on `date` depends on: org, leaders (posts and leader roles), rules and delegations in force. */
export async function loadWorld(db: Db, date: string): Promise<LoadedWorld> {
  const [tree, types, posts, roles, rules, delegations] = await Promise.all([
    loadOrgTree(db),
    loadUnitTypes(db),
    postsOn(db, date),
    roleHoldersOn(db, date, LEADER_ROLES),
    loadRules(db, { date }),
    delegationsOn(db, date),
  ]);
  const leaders: Leadership[] = posts.map((p) => ({ personId: p.person_id, unitId: p.unit_id, rank: p.post }));
  // A leader role does not say head or deputy ("Chủ tịch / Phó Chủ tịch"): it counts as a deputy unless a post says more.
  for (const r of roles) if (r.personId) leaders.push({ personId: r.personId, unitId: r.unitId, rank: 'DEPUTY' });
  return {
    date,
    org: {
      parentOf: (id) => tree.byId.get(id)?.parentId ?? null,
      nameOf: (id) => tree.byId.get(id)?.name ?? id,
      typeOf: (id) => types.get(id) ?? null,
    },
    leaders,
    rules,
    delegations: delegations.map((d) => ({ fromPersonId: d.from_person_id, toPersonId: d.to_person_id, matter: d.matter })),
    scopeOf: (id) => tree.scopeOf(id),
  };
}

/**
 * The units a person belongs to on the date: the unit of their record, the units of their roles and of their posts.
 * Technical accounts (sysadmin) hold permissions but are no one's superior or judge: their role is skipped for the
 * matters a person must decide (all but attendance corrections, which are data fixes).
 */
export async function actorOf(db: Db, world: LoadedWorld, access: Access, matter: Matter): Promise<Actor> {
  const { personId, roles } = access.principal;
  const units = new Set<string>(roles.map((r) => r.unitId));
  if (personId) {
    const me = await personOnDate(db, personId, world.date);
    if (me) units.add(me.unitId);
    for (const l of world.leaders) if (l.personId === personId) units.add(l.unitId);
  }
  const perm = MATTER_PERMISSION[matter];
  const permUnits = roles.filter((r) => perm && (r.role !== 'sysadmin' || matter === 'ATTENDANCE_CORRECTION') && (ROLE_PERMISSIONS[r.role] ?? []).includes(perm));
  return {
    personId,
    units: [...units],
    holdsPermissionOver: (unitId) => permUnits.some((r) => world.scopeOf(r.unitId).has(unitId)),
  };
}
