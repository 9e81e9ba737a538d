import type { Db } from '../../platform/ports/db';
import { ROLE_PERMISSIONS, type Role } from '../../platform/access';
import { loadOrgTree } from '../org/org-tree';
import { KIND_LABELS } from '../violations/domain/labels';
import type { ViolationKind } from '../rules/domain/rule-config';
import { formatDateVi } from '../../platform/time';
import { templates } from './domain/templates';
import { notify } from './notify';

/** Roles that receive the leaders' daily digest: those who decide on violations, and unit heads. */
function getsDigest(role: Role): boolean {
  return role === 'unit_head' || (role !== 'sysadmin' && (ROLE_PERMISSIONS[role] ?? []).includes('violations.decide'));
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Sends each leader one digest for `date` over the units in their scope: the day's new violations by kind,
 * explanations past their deadline, and people with 3 or more violations in the last 30 days. Idempotent per
 * leader and date (e-mail dedup key, and the in-app notice is looked up first), so it can be rerun after a crash.
 */
export async function sendDailyDigest(db: Db, date: string, now: Date): Promise<{ leaders: number }> {
  const tree = await loadOrgTree(db, { fresh: true });
  const assignments = await db.query<{ user_id: string; role: Role; unit_id: string; display_name: string; email: string | null }>(
    `SELECT ra.user_id, ra.role, ra.unit_id, u.display_name, p.email
       FROM role_assignments ra JOIN users u ON u.id = ra.user_id LEFT JOIN persons p ON p.id = u.person_id
      WHERE u.is_active AND ra.valid_from <= $1 AND (ra.valid_to IS NULL OR ra.valid_to > $1)`,
    [date],
  );
  const leaders = new Map<string, { name: string; email: string | null; units: Set<string> }>();
  for (const a of assignments) {
    if (!getsDigest(a.role)) continue;
    const entry = leaders.get(a.user_id) ?? { name: a.display_name, email: a.email, units: new Set<string>() };
    for (const u of tree.scopeOf(a.unit_id)) entry.units.add(u);
    leaders.set(a.user_id, entry);
  }
  let sent = 0;
  for (const [userId, leader] of leaders) {
    const units = [...leader.units];
    const byKind = await db.query<{ kind: ViolationKind; n: number }>(
      `SELECT kind, count(*)::int AS n FROM violations
        WHERE unit_id = ANY($1::uuid[]) AND occurred_on = $2 AND retracted_at IS NULL GROUP BY kind ORDER BY kind`,
      [units, date],
    );
    const overdue = await db.query<{ full_name: string; kind: ViolationKind; occurred_on: string }>(
      `SELECT p.full_name, v.kind, v.occurred_on FROM violation_cases c JOIN violations v ON v.id = c.violation_id
         JOIN persons p ON p.id = v.person_id
        WHERE v.unit_id = ANY($1::uuid[]) AND c.state IN ('EXPLANATION_REQUESTED', 'NO_ANSWER') AND c.explanation_due_at < $2
        ORDER BY c.explanation_due_at LIMIT 20`,
      [units, now.toISOString()],
    );
    const repeat = await db.query<{ full_name: string; n: number }>(
      `SELECT p.full_name, count(*)::int AS n FROM violations v JOIN persons p ON p.id = v.person_id
        WHERE v.unit_id = ANY($1::uuid[]) AND v.occurred_on BETWEEN $2 AND $3 AND v.retracted_at IS NULL
        GROUP BY p.id, p.full_name HAVING count(*) >= 3 ORDER BY n DESC, p.full_name LIMIT 10`,
      [units, addDays(date, -29), date],
    );
    const newCount = byKind.reduce((s, k) => s + k.n, 0);
    if (newCount === 0 && overdue.length === 0 && repeat.length === 0) continue;
    const already = await db.query(`SELECT 1 FROM notifications WHERE user_id = $1 AND kind = 'daily_digest' AND entity_id = $2`, [userId, date]);
    await notify(
      db,
      {
        template: 'daily_digest',
        rendered: templates.daily_digest({
          leaderName: leader.name,
          dateLabel: formatDateVi(date),
          newCount,
          byKind: byKind.map((k) => ({ label: KIND_LABELS[k.kind].vi, count: k.n })),
          overdue: overdue.map((o) => ({ personName: o.full_name, kindLabel: KIND_LABELS[o.kind].vi, dateLabel: formatDateVi(o.occurred_on) })),
          repeatOffenders: repeat.map((r) => ({ personName: r.full_name, count: r.n })),
          link: '/violations/dashboard',
        }),
        recipients: [{ userId, name: leader.name, email: leader.email }],
        entityType: 'digest',
        entityId: date,
        dedupKey: `digest:${userId}:${date}`,
        inApp: already.length === 0,
      },
      now,
    );
    sent++;
  }
  return { leaders: sent };
}
