import type { Access } from '../../platform/access';
import type { Db } from '../../platform/ports/db';
import { localDateOf } from '../../platform/time';
import { roleHoldersOn } from '../auth';
import { loadOrgTree } from '../org';
import { personsOnDate } from '../people';
import { requireIssuer, visibleInspection } from './guards';
import { members } from './inspections.repo';

export interface MemberCandidate {
  userId: string;
  personId: string | null;
  name: string;
  /** The unit the account works in (its person's unit today, else its role's unit), for telling namesakes apart. */
  unitName: string;
  onTeam: boolean;
}

const LIMIT = 20;
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/**
 * Who the issuer side may put on the team, without users.manage: accounts active today holding a role in the issuer
 * unit's scope (or whose person works there), plus those already named on the team. Anyone who belonged to the
 * target unit (or its sub-units) on the inspection date is left out — the rule PUT /:id/members enforces — so the
 * editor never offers a choice the server refuses. Search ignores diacritics ("nguyen" finds "Nguyễn").
 */
export async function memberCandidates(db: Db, access: Access, id: string, q: string, now: Date): Promise<MemberCandidate[]> {
  const { i, s } = await visibleInspection(db, access, id);
  requireIssuer(access, s);
  const tree = await loadOrgTree(db);
  const issuerScope = tree.scopeOf(i.issuer_unit_id);
  const targetScope = tree.scopeOf(i.target_unit_id);
  const team = new Set((await members(db, id)).map((m) => m.user_id));
  const byUser = new Map<string, { personId: string | null; displayName: string; roleUnitIds: string[] }>();
  for (const h of await roleHoldersOn(db, localDateOf(now))) {
    const e = byUser.get(h.userId) ?? { personId: h.personId, displayName: h.displayName, roleUnitIds: [] };
    e.roleUnitIds.push(h.unitId);
    byUser.set(h.userId, e);
  }
  const personIds = [...byUser.values()].flatMap((e) => (e.personId ? [e.personId] : []));
  const onDate = new Map((await personsOnDate(db, personIds, localDateOf(i.planned_from))).map((p) => [p.personId, p]));
  const today = new Map((await personsOnDate(db, personIds, localDateOf(now))).map((p) => [p.personId, p]));
  const needle = fold(q.trim());
  const out: MemberCandidate[] = [];
  for (const [userId, e] of byUser) {
    const then = e.personId ? onDate.get(e.personId) : undefined;
    if (then && targetScope.has(then.unitId)) continue;
    const now_ = e.personId ? today.get(e.personId) : undefined;
    const inScope = e.roleUnitIds.some((u) => issuerScope.has(u)) || (now_ !== undefined && issuerScope.has(now_.unitId));
    if (!inScope && !team.has(userId)) continue;
    const name = now_?.fullName ?? e.displayName.split(' — ')[0] ?? e.displayName;
    if (needle && !fold(name).includes(needle) && !fold(e.displayName).includes(needle)) continue;
    const unitId = now_?.unitId ?? e.roleUnitIds[0] ?? '';
    out.push({ userId, personId: e.personId, name, unitName: tree.byId.get(unitId)?.name ?? '', onTeam: team.has(userId) });
  }
  // Those on the team first (the editor shows them), then by name in Vietnamese order.
  out.sort((a, b) => Number(b.onTeam) - Number(a.onTeam) || a.name.localeCompare(b.name, 'vi'));
  return out.slice(0, LIMIT);
}
