import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../platform/ports/db';
import { type AuditActor, recordAudit } from '../audit';
import { DEFAULT_LIVENESS_POLICY, type LivenessPolicy } from './domain/liveness-policy';

export const livenessPolicyInputSchema = z.strictObject({
  /** null = the global policy (every unit without a policy of its own or of an ancestor). */
  unitId: z.uuid().nullable(),
  mode: z.enum(['OFF', 'REVIEW']),
  threshold: z.number().gt(0).max(1).default(DEFAULT_LIVENESS_POLICY.threshold),
});
export type LivenessPolicyInput = z.infer<typeof livenessPolicyInputSchema>;

/** The policy in force for a camera of `unitId`: its own row, else the nearest ancestor's, else the global row, else OFF. */
export async function effectiveLivenessPolicy(db: Db, unitId: string): Promise<LivenessPolicy> {
  const rows = await db.query<{ unit_id: string | null; mode: 'OFF' | 'REVIEW'; threshold: number }>(
    `WITH RECURSIVE up(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM org_units WHERE id = $1
       UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM org_units u JOIN up ON u.id = up.parent_id WHERE up.depth < 50
     )
     SELECT p.unit_id, p.mode, p.threshold FROM face_liveness_policies p LEFT JOIN up ON up.id = p.unit_id
      WHERE p.unit_id IS NULL OR up.id IS NOT NULL
      ORDER BY up.depth ASC NULLS LAST LIMIT 1`,
    [unitId],
  );
  const r = rows[0];
  if (!r) return DEFAULT_LIVENESS_POLICY;
  return { mode: r.mode, threshold: Number(r.threshold), source: r.unit_id ? 'UNIT' : 'GLOBAL', unitId: r.unit_id };
}

export interface LivenessPolicyRow {
  unitId: string | null;
  unitName: string | null;
  mode: 'OFF' | 'REVIEW';
  threshold: number;
  updatedBy: string;
  updatedAt: Date;
}

/** The global row and the rows of the given units. */
export async function listLivenessPolicies(db: Db, unitIds: string[]): Promise<LivenessPolicyRow[]> {
  const rows = await db.query<{ unit_id: string | null; unit_name: string | null; mode: 'OFF' | 'REVIEW'; threshold: number; updated_by_name: string; updated_at: Date }>(
    `SELECT p.unit_id, u.name AS unit_name, p.mode, p.threshold, p.updated_by_name, p.updated_at
       FROM face_liveness_policies p LEFT JOIN org_units u ON u.id = p.unit_id
      WHERE p.unit_id IS NULL OR p.unit_id = ANY($1::uuid[])
      ORDER BY p.unit_id IS NOT NULL, u.name`,
    [unitIds],
  );
  return rows.map((r) => ({ unitId: r.unit_id, unitName: r.unit_name, mode: r.mode, threshold: Number(r.threshold), updatedBy: r.updated_by_name, updatedAt: r.updated_at }));
}

/** Sets (replaces) the policy of one unit or the global one; audited with the previous value. */
export async function setLivenessPolicy(db: Db, actor: AuditActor, input: LivenessPolicyInput, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const where = input.unitId ? 'unit_id = $1' : 'unit_id IS NULL';
    const args = input.unitId ? [input.unitId] : [];
    const previous = (await tx.query<{ mode: string; threshold: number }>(`SELECT mode, threshold FROM face_liveness_policies WHERE ${where}`, args))[0];
    await tx.query(`DELETE FROM face_liveness_policies WHERE ${where}`, args);
    await tx.query(
      `INSERT INTO face_liveness_policies (id, unit_id, mode, threshold, updated_by, updated_by_name, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [randomUUID(), input.unitId, input.mode, input.threshold, actor.id ?? null, actor.name, now],
    );
    await recordAudit(
      tx,
      {
        actor,
        action: 'faces.liveness_policy_set',
        entityType: 'face_liveness_policy',
        entityId: input.unitId,
        unitId: input.unitId,
        details: { mode: input.mode, threshold: input.threshold, previous: previous ?? null, scope: input.unitId ? 'UNIT' : 'GLOBAL' },
      },
      now,
    );
  });
}
