import { formatDateVi } from '../../../platform/time';
import type { CompetenceVerdict, Matter } from '../competence.types';
import { type CompetentLevel, competentLevel } from './level';
import { noRuleMessage, notCompetentMessage, ownCaseMessage, superiorCaseMessage, whoDecides } from './messages';
import { leadsAny, outranksOrEquals, rankAt, subjectPosition, upFrom, type World } from './model';
import { pickRule } from './pick-rule';

export interface Actor {
  /** null for technical accounts. */
  personId: string | null;
  /** Units the actor belongs to on the date: their staff record's unit, their role units, their post units. */
  units: readonly string[];
  /** Holds the matter's permission (without technical accounts) over this unit. */
  holdsPermissionOver(unitId: string): boolean;
}

export interface Subject {
  personId: string;
  name: string;
  category: string | null;
  /** The unit of the subject's record on the date. */
  unitId: string;
}

/**
 * Superior: the subject leads one of the actor's units at the actor's rank or above there, or leads a unit above
 * one of them (the Chánh Văn phòng and the Chủ tịch of the commune; a deputy and their head).
 */
export function isSuperior(world: World, subjectPersonId: string, actorPersonId: string | null, actorUnits: readonly string[]): boolean {
  for (const l of world.leaders) {
    if (l.personId !== subjectPersonId) continue;
    for (const a of actorUnits) {
      if (l.unitId === a && (!actorPersonId || outranksOrEquals(l.rank, rankAt(world, actorPersonId, a)))) return true;
      if (upFrom(world.org, a).slice(1).includes(l.unitId)) return true;
    }
  }
  return false;
}

/**
 * Whether leading the competent unit (or a unit above it) is enough. Violations are handled by the holders of
 * violations.decide over the unit (a Trưởng phòng without it reads and is told, but does not decide).
 */
export const LEADERS_QUALIFY: Record<Matter, boolean> = {
  LEAVE_APPROVAL: true,
  ATTENDANCE_CORRECTION: true,
  VIOLATION_HANDLING: false,
  DISCIPLINE_DECISION: true,
};

/** Whether the actor may act at the competent unit: leads it (or a unit above it), holds the permission, or is a delegate. */
function actsAt(world: World, actor: Actor, matter: Matter, unitId: string, subjectPersonId: string): boolean {
  const chain = upFrom(world.org, unitId);
  if (LEADERS_QUALIFY[matter] && actor.personId && leadsAny(world, actor.personId, chain)) return true;
  if (actor.holdsPermissionOver(unitId)) return true;
  return world.delegations.some(
    (d) => d.matter === matter && d.toPersonId === actor.personId && d.fromPersonId !== subjectPersonId && leadsAny(world, d.fromPersonId, chain),
  );
}

export interface Resolution {
  level: CompetentLevel | null;
  legalBasis: string | null;
}

/** The rule and competent level for a subject's matter on the world's date. */
export function resolve(world: World, matter: Matter, subject: Subject): Resolution {
  const pos = subjectPosition(world, subject.personId, subject.unitId);
  const rule = pickRule(world.rules, { matter, post: pos.post, unitType: world.org.typeOf(pos.unitId), category: subject.category, date: world.date });
  if (!rule) return { level: null, legalBasis: null };
  return { level: competentLevel(world, rule, pos.unitId, subject.personId), legalBasis: rule.legalBasis };
}

/** The level part of a verdict: the competent unit (or outside decider), whether it is external, the legal basis. */
export function levelFields(world: World, { level, legalBasis }: Resolution): Pick<CompetenceVerdict, 'competentUnitId' | 'competentUnitName' | 'external' | 'legalBasis'> {
  return {
    competentUnitId: level?.kind === 'UNIT' ? level.unitId : null,
    competentUnitName: level ? (level.kind === 'UNIT' ? world.org.nameOf(level.unitId) : level.name) : null,
    external: level?.kind === 'EXTERNAL',
    legalBasis,
  };
}

export function verdict(world: World, actor: Actor, matter: Matter, subject: Subject): CompetenceVerdict {
  const resolution = resolve(world, matter, subject);
  const { level } = resolution;
  const base = levelFields(world, resolution);
  const refuse = (code: NonNullable<CompetenceVerdict['code']>, msg: { vi: string; en: string }): CompetenceVerdict => ({
    allowed: false,
    code,
    message_vi: msg.vi,
    message_en: msg.en,
    ...base,
  });
  const who = level ? whoDecides(level, world.org) : { vi: 'của cấp có thẩm quyền', en: 'to the competent authority' };
  if (actor.personId && actor.personId === subject.personId) return refuse('COMPETENCE_OWN_CASE', ownCaseMessage(matter, who));
  if (!level) return refuse('COMPETENCE_NOT_COMPETENT', noRuleMessage(matter, subject.name, formatDateVi(world.date)));
  if (isSuperior(world, subject.personId, actor.personId, actor.units))
    return refuse('COMPETENCE_SUPERIOR_CASE', superiorCaseMessage(matter, subject.name, who));
  if (level.kind === 'EXTERNAL' || !actsAt(world, actor, matter, level.unitId, subject.personId))
    return refuse('COMPETENCE_NOT_COMPETENT', notCompetentMessage(matter, subject.name, who));
  return { allowed: true, code: null, message_vi: null, message_en: null, ...base };
}
