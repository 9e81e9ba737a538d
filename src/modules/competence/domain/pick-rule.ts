import type { Matter } from '../competence.types';
import type { CompetenceRule, Post } from './model';

export function inForce(r: { validFrom: string; validTo: string | null }, date: string): boolean {
  return r.validFrom <= date && (r.validTo === null || r.validTo > date);
}

/**
 * The rule that governs this subject's matter on the date: in force then, matching post, unit type and category;
 * the most specific wins (a named unit type outweighs a named category), then the most recently adopted.
 */
export function pickRule(
  rules: readonly CompetenceRule[],
  s: { matter: Matter; post: Post; unitType: string | null; category: string | null; date: string },
): CompetenceRule | null {
  let best: { rule: CompetenceRule; score: number } | null = null;
  for (const r of rules) {
    if (r.matter !== s.matter || r.subjectPost !== s.post || !inForce(r, s.date)) continue;
    if (r.subjectUnitTypes && !(s.unitType && r.subjectUnitTypes.includes(s.unitType))) continue;
    if (r.subjectCategory && r.subjectCategory !== s.category) continue;
    const score = (r.subjectUnitTypes ? 2 : 0) + (r.subjectCategory ? 1 : 0);
    if (!best || score > best.score || (score === best.score && r.validFrom > best.rule.validFrom)) best = { rule: r, score };
  }
  return best?.rule ?? null;
}
