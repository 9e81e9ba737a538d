/**
 * The periodic check of time limits: for every open case, a warning ahead of the end of the processing period and of
 * the limitation, and one when the processing period has passed, each sent once to the competent deciders (never the
 * person concerned, never a subordinate of theirs — competence's `competentDeciders`).
 */
import type { Db } from '../../platform/ports/db';
import { formatDateVi, localDateOf } from '../../platform/time';
import { competentDeciders } from '../competence';
import { notify, SUBJECT_PREFIX } from '../notifications';
import { deadlinesOf, loadCaseContext } from './case-context';
import { claimWarning, listCases } from './cases.repo';

export async function sendDeadlineWarnings(db: Db, now: Date): Promise<number> {
  const today = localDateOf(now);
  let sent = 0;
  for (const c of await listCases(db, { unitIds: null, activeOnly: true })) {
    await db.transaction(async (tx) => {
      const ctx = await loadCaseContext(tx, c.id);
      const { warnings } = deadlinesOf(ctx, today);
      for (const w of warnings) {
        if (w.kind === 'LIMITATION_PASSED') continue; // shown on the case page; the decision is refused with the dates
        if (!(await claimWarning(tx, c.id, w.kind, w.dueOn, now))) continue;
        const recipients = await competentDeciders(tx, { matter: 'DISCIPLINE_DECISION', subjectPersonId: c.person_id, date: today });
        const title = `${w.vi}: ${ctx.person.full_name}`;
        await notify(
          tx,
          {
            template: `discipline_${w.kind.toLowerCase()}`,
            rendered: {
              subject: `${SUBJECT_PREFIX} ${title}`,
              title,
              paragraphs: [`Hồ sơ xử lý kỷ luật đối với ${ctx.person.full_name} (${ctx.person.unit_name ?? ''}): ${w.vi.toLowerCase()}, hạn ngày ${formatDateVi(w.dueOn)}.`],
              link: `/discipline/${c.id}`,
            },
            recipients: recipients.map((r) => ({ userId: r.userId, name: r.name, email: r.email })),
            entityType: 'discipline_case',
            entityId: c.id,
            dedupKey: `discipline:${c.id}:${w.kind}:${w.dueOn}`,
          },
          now,
        );
        sent++;
      }
    });
  }
  return sent;
}
