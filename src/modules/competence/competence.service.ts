import { type Access, ROLE_PERMISSIONS } from '../../platform/access';
import { AppError, errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { accountsOfPersons, roleHoldersOn } from '../auth';
import { personOnDate, personsOnDate } from '../people';
import type { CompetenceCode, CompetenceQuery, CompetenceVerdict, CompetentDecider } from './competence.types';
import { upFrom } from './domain/model';
import { isSuperior, LEADERS_QUALIFY, levelFields, resolve, type Subject, verdict } from './domain/verdict';
import { actorOf, type LoadedWorld, loadWorld, MATTER_PERMISSION } from './world';

async function subjectOf(db: Db, q: CompetenceQuery): Promise<Subject> {
  const p = await personOnDate(db, q.subjectPersonId, q.date);
  if (!p) throw errors.notFound('Person', 'hồ sơ cán bộ');
  return { personId: p.personId, name: p.fullName, category: p.category, unitId: p.unitId };
}

/** For UIs: may this signed-in user act on this subject's matter? (never throws for a refusal) */
export async function competenceOf(db: Db, access: Access, q: CompetenceQuery): Promise<CompetenceVerdict> {
  const world = await loadWorld(db, q.date);
  const subject = await subjectOf(db, q);
  return verdict(world, await actorOf(db, world, access, q.matter), q.matter, subject);
}

/** For routes/services: throws 403 with the verdict's code, message_vi, message_en and details when refused. */
export async function assertCompetent(db: Db, access: Access, q: CompetenceQuery): Promise<void> {
  const v = await competenceOf(db, access, q);
  if (v.allowed) return;
  const details = {
    matter: q.matter,
    subjectPersonId: q.subjectPersonId,
    competentUnitId: v.competentUnitId,
    competentUnitName: v.competentUnitName,
    external: v.external,
    legalBasis: v.legalBasis,
  };
  throw REFUSALS[v.code ?? 'COMPETENCE_NOT_COMPETENT'](v.message_vi ?? '', v.message_en ?? '', details);
}

// One literal per code, so the error catalogue's source scan sees each code where it is raised.
const REFUSALS: Record<CompetenceCode, (vi: string, en: string, details: unknown) => AppError> = {
  COMPETENCE_OWN_CASE: (vi, en, details) => new AppError(403, 'COMPETENCE_OWN_CASE', vi, en, details),
  COMPETENCE_SUPERIOR_CASE: (vi, en, details) => new AppError(403, 'COMPETENCE_SUPERIOR_CASE', vi, en, details),
  COMPETENCE_NOT_COMPETENT: (vi, en, details) => new AppError(403, 'COMPETENCE_NOT_COMPETENT', vi, en, details),
};

/** The units each candidate belongs to on the date (record unit, role units, post units), for the superior check. */
async function candidateUnits(db: Db, world: LoadedWorld, personIds: string[], roleUnits: Map<string, string[]>): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const p of await personsOnDate(db, personIds, world.date)) out.set(p.personId, [p.unitId]);
  for (const l of world.leaders) out.get(l.personId)?.push(l.unitId);
  for (const [personId, units] of roleUnits) out.get(personId)?.push(...units);
  return out;
}

/**
 * Who should receive a subject's matter (reports, overdue notices): the leaders of the competent unit, the holders
 * of the matter's permission over it and the delegates of its leaders in force; never the subject, never one of the
 * subject's subordinates. Empty when the competent level is outside this organisation.
 */
export async function competentDeciders(db: Db, q: CompetenceQuery): Promise<CompetentDecider[]> {
  const world = await loadWorld(db, q.date);
  const subject = await subjectOf(db, q);
  const { level } = resolve(world, q.matter, subject);
  if (!level || level.kind === 'EXTERNAL') return [];
  const unitId = level.unitId;
  const chain = upFrom(world.org, unitId);
  const leadersHere = LEADERS_QUALIFY[q.matter] ? world.leaders.filter((l) => l.unitId === unitId).map((l) => l.personId) : [];
  const delegates = world.delegations
    .filter((d) => d.matter === q.matter && world.leaders.some((l) => l.personId === d.fromPersonId && chain.includes(l.unitId)))
    .map((d) => d.toPersonId);
  const perm = MATTER_PERMISSION[q.matter];
  const holders = await roleHoldersOn(db, q.date);
  const permHolders = perm
    ? holders.filter((h) => h.role !== 'sysadmin' && ROLE_PERMISSIONS[h.role]?.includes(perm) && world.scopeOf(h.unitId).has(unitId))
    : [];
  const accounts = await accountsOfPersons(db, [...new Set([...leadersHere, ...delegates])]);
  const candidates = new Map<string, { userId: string; personId: string | null; name: string }>();
  for (const a of accounts) candidates.set(a.userId, { userId: a.userId, personId: a.personId, name: a.displayName });
  for (const h of permHolders) candidates.set(h.userId, { userId: h.userId, personId: h.personId, name: h.displayName });

  const roleUnits = new Map<string, string[]>();
  for (const h of holders) if (h.personId) roleUnits.set(h.personId, [...(roleUnits.get(h.personId) ?? []), h.unitId]);
  const personIds = [...candidates.values()].flatMap((c) => (c.personId ? [c.personId] : []));
  const units = await candidateUnits(db, world, personIds, roleUnits);
  const emails = new Map((await personsOnDate(db, personIds, q.date)).map((p) => [p.personId, p.email]));
  return [...candidates.values()]
    .filter((c) => c.personId !== subject.personId && !isSuperior(world, subject.personId, c.personId, c.personId ? (units.get(c.personId) ?? []) : []))
    .map((c) => ({ userId: c.userId, personId: c.personId, name: c.name, email: c.personId ? (emails.get(c.personId) ?? null) : null }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** The competent level for a subject's matter, as in a verdict (no actor: allowed/code are not meaningful). */
export async function competentLevel(
  db: Db,
  q: CompetenceQuery,
): Promise<Pick<CompetenceVerdict, 'competentUnitId' | 'competentUnitName' | 'external' | 'legalBasis'>> {
  const world = await loadWorld(db, q.date);
  return levelFields(world, resolve(world, q.matter, await subjectOf(db, q)));
}
