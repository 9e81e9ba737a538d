import type { Db } from '../../platform/ports/db';
import { type AttendanceRules, DEFAULT_RULES } from './domain/types';

interface RulesRow {
  unit_id: string | null;
  late_grace_minutes: number;
  early_grace_minutes: number;
  debounce_seconds: number;
  check_in_opens_minutes: number;
  check_out_closes_minutes: number;
  lunch_punches_required: boolean;
  leave_not_reported_after_days: number;
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
    },
  }));
}

/** The work regulation in force for a unit: nearest unit up the tree, then national, then the built-in defaults. */
export function rulesFor(entries: readonly RulesEntry[], ancestry: readonly string[]): AttendanceRules {
  for (const u of ancestry) {
    const e = entries.find((x) => x.unitId === u);
    if (e) return e.rules;
  }
  return entries.find((x) => x.unitId === null)?.rules ?? DEFAULT_RULES;
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
  ];
  const updated = await db.query(
    `UPDATE attendance_rules SET late_grace_minutes = $2, early_grace_minutes = $3, debounce_seconds = $4, check_in_opens_minutes = $5,
            check_out_closes_minutes = $6, lunch_punches_required = $7, leave_not_reported_after_days = $8, legal_basis = $9, updated_at = now()
      WHERE unit_id IS NOT DISTINCT FROM $1 RETURNING id`,
    params,
  );
  if (updated.length === 0)
    await db.query(
      `INSERT INTO attendance_rules (id, unit_id, late_grace_minutes, early_grace_minutes, debounce_seconds, check_in_opens_minutes,
                                     check_out_closes_minutes, lunch_punches_required, leave_not_reported_after_days, legal_basis)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      params,
    );
}
