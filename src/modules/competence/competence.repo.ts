import type { Db } from '../../platform/ports/db';
import type { Matter } from './competence.types';
import type { CompetenceRule, Decider, ExternalLevel, Post, Rank } from './domain/model';

interface RuleRow {
  id: string;
  matter: Matter;
  subject_post: Post;
  subject_unit_types: string[] | null;
  subject_category: string | null;
  decider: Decider;
  external_name: string | null;
  external_level: ExternalLevel | null;
  valid_from: string;
  valid_to: string | null;
  legal_basis: string;
  note: string | null;
}

const toRule = (r: RuleRow): CompetenceRule => ({
  id: r.id,
  matter: r.matter,
  subjectPost: r.subject_post,
  subjectUnitTypes: r.subject_unit_types,
  subjectCategory: r.subject_category,
  decider: r.decider,
  externalName: r.external_name,
  externalLevel: r.external_level,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  legalBasis: r.legal_basis,
  note: r.note,
});

/** Rules of one matter (all, or only those in force on a date). The table holds a few dozen rows. */
export async function loadRules(db: Db, q: { matter?: Matter; date?: string } = {}): Promise<CompetenceRule[]> {
  const rows = await db.query<RuleRow>(
    `SELECT * FROM competence_rules
      WHERE ($1::text IS NULL OR matter = $1) AND ($2::date IS NULL OR (valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)))
      ORDER BY matter, subject_post, valid_from, id`,
    [q.matter ?? null, q.date ?? null],
  );
  return rows.map(toRule);
}

/** A new rule version closes the open rule for the same subject (matter, post, unit types, category) on its first day. */
export async function insertRuleClosingPrevious(db: Db, rule: CompetenceRule, adoptedBy: string): Promise<string[]> {
  const types = rule.subjectUnitTypes ? [...rule.subjectUnitTypes].sort() : null;
  const same = await db.query<{ id: string; valid_from: string; subject_unit_types: string[] | null }>(
    `SELECT id, valid_from, subject_unit_types FROM competence_rules
      WHERE matter = $1 AND subject_post = $2 AND subject_category IS NOT DISTINCT FROM $3
        AND (valid_to IS NULL OR valid_to > $4)`,
    [rule.matter, rule.subjectPost, rule.subjectCategory, rule.validFrom],
  );
  const closed = same.filter((r) => JSON.stringify(r.subject_unit_types ? [...r.subject_unit_types].sort() : null) === JSON.stringify(types));
  for (const r of closed) await db.query('UPDATE competence_rules SET valid_to = $2 WHERE id = $1', [r.id, rule.validFrom]);
  await db.query(
    `INSERT INTO competence_rules (id, matter, subject_post, subject_unit_types, subject_category, decider, external_name, external_level,
                                   valid_from, valid_to, legal_basis, note, adopted_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [rule.id, rule.matter, rule.subjectPost, types, rule.subjectCategory, rule.decider, rule.externalName, rule.externalLevel,
     rule.validFrom, rule.validTo, rule.legalBasis, rule.note, adoptedBy],
  );
  return closed.map((r) => r.id);
}

export interface PostRow {
  id: string;
  person_id: string;
  unit_id: string;
  post: Rank;
  title: string;
  valid_from: string;
  valid_to: string | null;
  legal_basis: string | null;
}

export async function postsOn(db: Db, date: string): Promise<PostRow[]> {
  return db.query<PostRow>(
    `SELECT id, person_id, unit_id, post, title, valid_from, valid_to, legal_basis FROM leadership_posts
      WHERE valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1)`,
    [date],
  );
}

export async function listPosts(db: Db, q: { unitIds?: string[]; personId?: string }): Promise<PostRow[]> {
  return db.query<PostRow>(
    `SELECT id, person_id, unit_id, post, title, valid_from, valid_to, legal_basis FROM leadership_posts
      WHERE ($1::uuid[] IS NULL OR unit_id = ANY($1::uuid[])) AND ($2::uuid IS NULL OR person_id = $2)
      ORDER BY valid_from DESC, id`,
    [q.unitIds ?? null, q.personId ?? null],
  );
}

export async function getPost(db: Db, id: string): Promise<PostRow | undefined> {
  return (await db.query<PostRow>('SELECT id, person_id, unit_id, post, title, valid_from, valid_to, legal_basis FROM leadership_posts WHERE id = $1', [id]))[0];
}

export async function insertPost(db: Db, p: PostRow): Promise<void> {
  await db.query(
    `INSERT INTO leadership_posts (id, person_id, unit_id, post, title, valid_from, valid_to, legal_basis) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [p.id, p.person_id, p.unit_id, p.post, p.title, p.valid_from, p.valid_to, p.legal_basis],
  );
}

export async function updatePost(db: Db, p: PostRow): Promise<void> {
  await db.query(
    'UPDATE leadership_posts SET post = $2, title = $3, valid_from = $4, valid_to = $5, legal_basis = $6 WHERE id = $1',
    [p.id, p.post, p.title, p.valid_from, p.valid_to, p.legal_basis],
  );
}

export async function deletePost(db: Db, id: string): Promise<void> {
  await db.query('DELETE FROM leadership_posts WHERE id = $1', [id]);
}

export interface DelegationRow {
  id: string;
  from_person_id: string;
  to_person_id: string;
  matter: Matter;
  valid_from: string;
  valid_to: string;
  document_ref: string;
  reason: string;
  created_by: string;
  ended_by: string | null;
}

export async function delegationsOn(db: Db, date: string): Promise<DelegationRow[]> {
  return db.query<DelegationRow>('SELECT * FROM delegations WHERE valid_from <= $1 AND valid_to > $1', [date]);
}

export async function listDelegations(db: Db, q: { personIds?: string[] }): Promise<DelegationRow[]> {
  return db.query<DelegationRow>(
    `SELECT * FROM delegations
      WHERE ($1::uuid[] IS NULL OR from_person_id = ANY($1::uuid[]) OR to_person_id = ANY($1::uuid[]))
      ORDER BY valid_from DESC, id`,
    [q.personIds ?? null],
  );
}

export async function getDelegation(db: Db, id: string): Promise<DelegationRow | undefined> {
  return (await db.query<DelegationRow>('SELECT * FROM delegations WHERE id = $1', [id]))[0];
}

export async function insertDelegation(db: Db, d: DelegationRow): Promise<void> {
  await db.query(
    `INSERT INTO delegations (id, from_person_id, to_person_id, matter, valid_from, valid_to, document_ref, reason, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [d.id, d.from_person_id, d.to_person_id, d.matter, d.valid_from, d.valid_to, d.document_ref, d.reason, d.created_by],
  );
}

/** Ends a delegation early: from `endOn` on it no longer applies. */
export async function endDelegation(db: Db, id: string, endOn: string, endedBy: string): Promise<void> {
  await db.query('UPDATE delegations SET valid_to = $2, ended_by = $3 WHERE id = $1', [id, endOn, endedBy]);
}
