import type { CompetenceRule, ExternalLevel, World } from './model';
import { upFrom } from './model';

/** Where a subject's matter is decided: a unit of this organisation, or a level outside it. */
export type CompetentLevel =
  | { kind: 'UNIT'; unitId: string }
  | { kind: 'EXTERNAL'; name: string; level: ExternalLevel };

const OUTSIDE = { kind: 'EXTERNAL', name: 'Cơ quan quản lý cấp trên', level: 'KHAC' } as const satisfies CompetentLevel;

/** The nearest unit from `start` upwards that has a leader other than the subject on the date. */
function nearestLed(world: World, start: string | null, subjectPersonId: string): CompetentLevel {
  if (!start) return OUTSIDE;
  for (const u of upFrom(world.org, start))
    if (world.leaders.some((l) => l.unitId === u && l.personId !== subjectPersonId)) return { kind: 'UNIT', unitId: u };
  return OUTSIDE;
}

function isPeoplesCommittee(world: World, unitId: string): boolean {
  return (world.org.typeOf(unitId) ?? '').startsWith('UBND_');
}

/**
 * Resolves the rule's relation against the subject's unit on the date. A unit without a leader passes the matter up
 * (a desk without its own head is led by the unit above it); nothing above = outside this organisation.
 */
export function competentLevel(world: World, rule: CompetenceRule, subjectUnitId: string, subjectPersonId: string): CompetentLevel {
  switch (rule.decider) {
    case 'EXTERNAL':
      return { kind: 'EXTERNAL', name: rule.externalName ?? OUTSIDE.name, level: rule.externalLevel ?? 'KHAC' };
    case 'OWN_UNIT_LEADERS':
      return nearestLed(world, subjectUnitId, subjectPersonId);
    case 'PARENT_UNIT_LEADERS':
      return nearestLed(world, world.org.parentOf(subjectUnitId), subjectPersonId);
    case 'EMPLOYING_AUTHORITY_LEADERS': {
      // The nearest People's Committee (UBND_*) the subject works under; one the subject leads is not their own judge.
      const chain = upFrom(world.org, subjectUnitId).filter((u) => isPeoplesCommittee(world, u));
      const authority = chain.find((u) => !world.leaders.some((l) => l.unitId === u && l.personId === subjectPersonId));
      return authority ? nearestLed(world, authority, subjectPersonId) : OUTSIDE;
    }
  }
}
