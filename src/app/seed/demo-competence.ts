import { roleHoldersOn } from '../../modules/auth';
import { competenceOf, type Matter } from '../../modules/competence';
import { loadOrgTree } from '../../modules/org';
import { Access } from '../../platform/access';
import type { AppContext } from '../../platform/module';

/**
 * The demo follows the law: of the accounts the script names, the first the competence table allows on that day
 * (never one's own case, never a superior's; the Chủ tịch's own matters belong to the province, so nobody here).
 */
export async function firstCompetent<A extends { id: string; name: string; personId: string | null }>(
  ctx: AppContext,
  candidates: ReadonlyArray<A | undefined>,
  q: { matter: Matter; subjectPersonId: string; date: string },
): Promise<A | undefined> {
  const tree = await loadOrgTree(ctx.db);
  const roles = await roleHoldersOn(ctx.db, q.date);
  for (const a of candidates) {
    if (!a) continue;
    const access = new Access(
      { userId: a.id, username: a.name, displayName: a.name, personId: a.personId, ip: null, roles: roles.filter((r) => r.userId === a.id).map((r) => ({ role: r.role, unitId: r.unitId })) },
      tree,
    );
    if ((await competenceOf(ctx.db, access, q)).allowed) return a;
  }
  return undefined;
}
