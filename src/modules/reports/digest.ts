import type { Db } from '../../platform/ports/db';
import { formatDateVi } from '../../platform/time';
import { audienceOf, notify } from '../notifications';
import { KIND_LABELS } from '../violations';
import { dailyDigestNotice } from './digest-notice';
import { newViolationsByKind, overdueExplanations, repeatOffenders } from './digest.repo';

/**
 * Sends each leader (unit heads, and whoever may decide on violations) one digest for `date` over the units in their
 * scope: the day's new violations by kind, explanations past their deadline, and people with 3 or more violations in
 * the last 30 days. Idempotent per leader and date (e-mail dedup key, in-app notice at most once), so it can be rerun
 * after a crash.
 */
export async function sendDailyDigest(db: Db, date: string, now: Date): Promise<{ leaders: number }> {
  const leaders = await audienceOf(db, date, { permission: 'violations.decide', roles: ['unit_head'] });
  let sent = 0;
  for (const leader of leaders) {
    const byKind = await newViolationsByKind(db, leader.units, date);
    const overdue = await overdueExplanations(db, leader.units, now);
    const repeat = await repeatOffenders(db, leader.units, date);
    const newCount = byKind.reduce((s, k) => s + k.n, 0);
    if (newCount === 0 && overdue.length === 0 && repeat.length === 0) continue;
    await notify(
      db,
      {
        template: 'daily_digest',
        rendered: dailyDigestNotice({
          leaderName: leader.name,
          dateLabel: formatDateVi(date),
          newCount,
          byKind: byKind.map((k) => ({ label: KIND_LABELS[k.kind].vi, count: k.n })),
          overdue: overdue.map((o) => ({ personName: o.full_name, kindLabel: KIND_LABELS[o.kind].vi, dateLabel: formatDateVi(o.occurred_on) })),
          repeatOffenders: repeat.map((r) => ({ personName: r.full_name, count: r.n })),
          link: '/violations/dashboard',
        }),
        recipients: [{ userId: leader.userId, name: leader.name, email: leader.email }],
        entityType: 'digest',
        entityId: date,
        dedupKey: `digest:${leader.userId}:${date}`,
        inAppOnce: true,
      },
      now,
    );
    sent++;
  }
  return { leaders: sent };
}
