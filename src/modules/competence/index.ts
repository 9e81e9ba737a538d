/**
 * competence — who is competent to act on whose matters (leave approval, attendance corrections, violation handling,
 * discipline decisions), dated, as data (domain.md §3.5 R3.11, §4.6, §10.2 item 6; audit D5, D6). Owns
 * competence_rules (the dated table: subject post/unit type/category → decider relation, with its legal basis),
 * leadership_posts (who heads or deputises which unit, when) and delegations (ủy quyền for a period). Offers the
 * verdict for UIs (`competenceOf`), the guard for routes (`assertCompetent`: 403 COMPETENCE_OWN_CASE /
 * COMPETENCE_SUPERIOR_CASE / COMPETENCE_NOT_COMPETENT) and the recipients of a subject's matter
 * (`competentDeciders`). Emits and consumes no events.
 */
export type { Matter, CompetenceQuery, CompetenceVerdict, CompetentDecider, CompetenceCode } from './competence.types';
export { MATTERS } from './competence.types';
export { competenceOf, assertCompetent, competentDeciders, competentLevel } from './competence.service';
