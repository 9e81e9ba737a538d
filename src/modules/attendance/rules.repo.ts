import type { Db } from '../../platform/ports/db';
import { loadOrgTree } from '../org';
import { ancestryOf } from './staff.repo';
import { type AttendanceRules, DEFAULT_RULES, type RegulationRef, SYSTEM_DEFAULT_REGULATION } from './domain/types';

interface RulesRow {
  unit_id: string | null;
  late_grace_minutes: number;
  early_grace_minutes: number;
  debounce_seconds: number;
  check_in_opens_minutes: number;
  check_out_closes_minutes: number;
  lunch_punches_required: boolean;
  leave_not_reported_after_days: number;
  approved_permission_counts_as_late: boolean;
  legal_basis: string | null;
}

export interface RulesEntry {
  unitId: string | null;
  rules: AttendanceRules;
  legalBasis: string | null;
}

export async function loadRules(db: Db): Promise<RulesEntry[]> {
  const rows = await db.query<RulesRow>('SELECT * FROM attendance_rules');
  return rows.map((r) => ({
    unitId: r.unit_id,
    legalBasis: r.legal_basis,
    rules: {
      lateGraceMinutes: r.late_grace_minutes,
      earlyGraceMinutes: r.early_grace_minutes,
      debounceSeconds: r.debounce_seconds,
      checkInOpensMinutes: r.check_in_opens_minutes,
      checkOutClosesMinutes: r.check_out_closes_minutes,
      lunchPunchesRequired: r.lunch_punches_required,
      leaveNotReportedAfterDays: r.leave_not_reported_after_days,
      approvedPermissionCountsAsLate: r.approved_permission_counts_as_late,
    },
  }));
}

/**
 * The work regulation in force for a unit — nearest unit up the tree, then the installation-wide (national) entry,
 * then the built-in defaults — and which of them it was, so the day (and every notice built on it) can say whether
 * the unit's own quy chế or a system default applied (audit D7, D14).
 */
export function rulesFor(entries: readonly RulesEntry[], ancestry: readonly string[]): { rules: AttendanceRules; regulation: RegulationRef } {
  for (const u of ancestry) {
    const e = entries.find((x) => x.unitId === u);
    if (e) return { rules: e.rules, regulation: { source: 'UNIT', unitId: u, legalBasis: e.legalBasis } };
  }
  const national = entries.find((x) => x.unitId === null);
  if (national) return { rules: national.rules, regulation: { source: 'NATIONAL', unitId: null, legalBasis: national.legalBasis } };
  return { rules: DEFAULT_RULES, regulation: { ...SYSTEM_DEFAULT_REGULATION } };
}

/** Sets the work-regulation thresholds of a unit (null = national default). */
export async function upsertRules(db: Db, unitId: string | null, rules: AttendanceRules, legalBasis: string | null): Promise<void> {
  const params = [
    unitId,
    rules.lateGraceMinutes,
    rules.earlyGraceMinutes,
    rules.debounceSeconds,
    rules.checkInOpensMinutes,
    rules.checkOutClosesMinutes,
    rules.lunchPunchesRequired,
    rules.leaveNotReportedAfterDays,
    legalBasis,
    rules.approvedPermissionCountsAsLate,
  ];
  const updated = await db.query(
    `UPDATE attendance_rules SET late_grace_minutes = $2, early_grace_minutes = $3, debounce_seconds = $4, check_in_opens_minutes = $5,
            check_out_closes_minutes = $6, lunch_punches_required = $7, leave_not_reported_after_days = $8, legal_basis = $9,
            approved_permission_counts_as_late = $10, updated_at = now()
      WHERE unit_id IS NOT DISTINCT FROM $1 RETURNING id`,
    params,
  );
  if (updated.length === 0)
    await db.query(
      `INSERT INTO attendance_rules (id, unit_id, late_grace_minutes, early_grace_minutes, debounce_seconds, check_in_opens_minutes,
                                     check_out_closes_minutes, lunch_punches_required, leave_not_reported_after_days, legal_basis,
                                     approved_permission_counts_as_late)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      params,
    );
}

/**
 * The punch debounce (seconds) in force for a unit — its regulation or the nearest one up the tree — so a gate camera
 * folds a person's repeat pass within the same window the day computation uses.
 */
export async function debounceSecondsFor(db: Db, unitId: string): Promise<number> {
  const [entries, tree] = await Promise.all([loadRules(db), loadOrgTree(db)]);
  const parents = new Map([...tree.byId.values()].map((u) => [u.id, u.parentId]));
  return rulesFor(entries, ancestryOf(unitId, parents)).rules.debounceSeconds;
}
