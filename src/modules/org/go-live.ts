import { errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { type AuditActor, recordAudit } from '../audit';

/**
 * Attendance go-live of a unit (issue 11, F4): the first day whose attendance may be judged. A day before it is
 * never computed into an attendance day, so it can give no violation and no notification, whatever recomputation
 * is asked for. The date belongs to the unit (set by a manager in scope, audited) and is inherited by sub-units
 * that have none. A unit with no date of its own nor on any parent is judged from the day it came into existence
 * (org_units.valid_from): nothing before a unit existed can be judged against it, and tests and imports that
 * create units with a past valid_from keep working. Operators set the date on the agency's root unit when
 * recording starts (the demo agency gets the first day of its seeded history).
 */
export interface GoLiveIndex {
  /** The first judged day of a unit: its own go-live, else the nearest ancestor's, else its valid_from. */
  judgedFrom(unitId: string): string;
  /** The explicit go-live set on the unit itself, if any. */
  own(unitId: string): string | null;
  /** The earliest first-judged day over the given units (the whole tree when omitted). */
  earliest(unitIds?: Iterable<string>): string;
}

const NEVER = '9999-12-31';

export async function loadGoLiveIndex(db: Db): Promise<GoLiveIndex> {
  const [units, dates] = await Promise.all([
    db.query<{ id: string; parent_id: string | null; valid_from: string }>('SELECT id, parent_id, valid_from FROM org_units'),
    db.query<{ unit_id: string; go_live_on: string }>('SELECT unit_id, go_live_on FROM org_attendance_go_live'),
  ]);
  return goLiveIndex(units, dates);
}

export function goLiveIndex(
  units: ReadonlyArray<{ id: string; parent_id: string | null; valid_from: string }>,
  dates: ReadonlyArray<{ unit_id: string; go_live_on: string }>,
): GoLiveIndex {
  const byId = new Map(units.map((u) => [u.id, u]));
  const explicit = new Map(dates.map((d) => [d.unit_id, d.go_live_on]));
  const memo = new Map<string, string>();
  const judgedFrom = (unitId: string): string => {
    const hit = memo.get(unitId);
    if (hit) return hit;
    let found: string | undefined;
    let cur: string | null | undefined = unitId;
    for (let depth = 0; cur && depth < 64 && !found; depth++) {
      found = explicit.get(cur);
      cur = byId.get(cur)?.parent_id;
    }
    // An unknown unit cannot be judged at all.
    const result = found ?? byId.get(unitId)?.valid_from ?? NEVER;
    memo.set(unitId, result);
    return result;
  };
  return {
    judgedFrom,
    own: (unitId) => explicit.get(unitId) ?? null,
    earliest(unitIds) {
      let min = NEVER;
      for (const id of unitIds ?? byId.keys()) {
        const d = judgedFrom(id);
        if (d < min) min = d;
      }
      return min;
    },
  };
}

/** Sets (or moves) a unit's go-live date; audited with the previous value in the writer's transaction. */
export async function setAttendanceGoLive(
  db: Db,
  actor: AuditActor,
  input: { unitId: string; goLiveOn: string; reason: string },
): Promise<{ unitId: string; goLiveOn: string; previous: string | null }> {
  return db.transaction(async (tx) => {
    const [unit] = await tx.query<{ id: string }>('SELECT id FROM org_units WHERE id = $1', [input.unitId]);
    if (!unit) throw errors.notFound('Unit', 'đơn vị');
    const [before] = await tx.query<{ go_live_on: string }>('SELECT go_live_on FROM org_attendance_go_live WHERE unit_id = $1', [input.unitId]);
    await tx.query(
      `INSERT INTO org_attendance_go_live (unit_id, go_live_on, reason, set_by, set_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (unit_id) DO UPDATE SET go_live_on = EXCLUDED.go_live_on, reason = EXCLUDED.reason, set_by = EXCLUDED.set_by, set_at = now()`,
      [input.unitId, input.goLiveOn, input.reason, actor.id ?? null],
    );
    await recordAudit(tx, {
      actor,
      action: 'org.attendance_go_live_set',
      entityType: 'org_unit',
      entityId: input.unitId,
      unitId: input.unitId,
      reason: input.reason,
      details: { before: before?.go_live_on ?? null, after: input.goLiveOn },
    });
    return { unitId: input.unitId, goLiveOn: input.goLiveOn, previous: before?.go_live_on ?? null };
  });
}
