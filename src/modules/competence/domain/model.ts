import type { Matter } from '../competence.types';

export type Post = 'STAFF' | 'DEPUTY' | 'HEAD';
export type Rank = 'DEPUTY' | 'HEAD';
export const DECIDERS = ['OWN_UNIT_LEADERS', 'PARENT_UNIT_LEADERS', 'EMPLOYING_AUTHORITY_LEADERS', 'EXTERNAL'] as const;
export type Decider = (typeof DECIDERS)[number];
export const EXTERNAL_LEVELS = ['TRUNG_UONG', 'TINH', 'XA', 'KHAC'] as const;
export type ExternalLevel = (typeof EXTERNAL_LEVELS)[number];

/** One row of the dated competence table. */
export interface CompetenceRule {
  id: string;
  matter: Matter;
  subjectPost: Post;
  subjectUnitTypes: string[] | null;
  subjectCategory: string | null;
  decider: Decider;
  externalName: string | null;
  externalLevel: ExternalLevel | null;
  validFrom: string;
  validTo: string | null;
  legalBasis: string;
  note: string | null;
}

/** A person leading a unit on the date (a leadership post, or a `chairman`/`unit_head` role there). */
export interface Leadership {
  personId: string;
  unitId: string;
  rank: Rank;
}

/** The organisation as competence reads it: parents, names, unit types. */
export interface OrgView {
  parentOf(unitId: string): string | null;
  nameOf(unitId: string): string;
  typeOf(unitId: string): string | null;
}

/** Everything the verdict depends on, loaded for one date. */
export interface World {
  date: string;
  org: OrgView;
  leaders: readonly Leadership[];
  rules: readonly CompetenceRule[];
  /** Delegations in force on the date: from (the leader) → to (the delegate), for a matter. */
  delegations: ReadonlyArray<{ fromPersonId: string; toPersonId: string; matter: Matter }>;
}

/** The unit and its ancestors, nearest first. */
export function upFrom(org: OrgView, unitId: string): string[] {
  const out: string[] = [];
  let cur: string | null = unitId;
  while (cur && !out.includes(cur) && out.length < 64) {
    out.push(cur);
    cur = org.parentOf(cur);
  }
  return out;
}

const RANK_ORDER: Record<Post, number> = { STAFF: 0, DEPUTY: 1, HEAD: 2 };

export function rankAt(world: World, personId: string, unitId: string): Post {
  let best: Post = 'STAFF';
  for (const l of world.leaders) if (l.personId === personId && l.unitId === unitId && RANK_ORDER[l.rank] > RANK_ORDER[best]) best = l.rank;
  return best;
}

export function outranksOrEquals(a: Post, b: Post): boolean {
  return RANK_ORDER[a] >= RANK_ORDER[b];
}

export function leadsAny(world: World, personId: string, unitIds: readonly string[]): boolean {
  return world.leaders.some((l) => l.personId === personId && unitIds.includes(l.unitId));
}

/**
 * The subject's post for choosing a rule: the highest leadership they hold on the date (a tie goes to the unit higher
 * in the tree), else STAFF of the unit their record names on that date.
 */
export function subjectPosition(world: World, personId: string, personUnitId: string): { post: Post; unitId: string } {
  let best: { post: Post; unitId: string; depth: number } = { post: 'STAFF', unitId: personUnitId, depth: Number.POSITIVE_INFINITY };
  for (const l of world.leaders) {
    if (l.personId !== personId) continue;
    const depth = upFrom(world.org, l.unitId).length;
    if (RANK_ORDER[l.rank] > RANK_ORDER[best.post] || (l.rank === best.post && depth < best.depth)) best = { post: l.rank, unitId: l.unitId, depth };
  }
  return { post: best.post, unitId: best.unitId };
}
