import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { forEachDb } from '../../../test/helpers/db';
import type { Db } from '../../platform/ports/db';
import { seedOfficial2026 } from '../calendar';
import { DEFAULT_RULES, type RuleConfig } from '../rules/domain/rule-config';
import { adoptRuleSet } from '../rules/rules.service';
import { requestExplanation, sweepOverdueExplanations } from './workflow.service';
import { lateDay, makeWorld, type World } from './test/fixtures';
import { applyAttendanceDay } from './violations.service';

/**
 * Explanation deadlines are counted in working days of the person's unit (domain.md §2, §4.6): the 2026 calendar's
 * Tết, 30/4–1/5 and Quốc khánh breaks are skipped, the làm bù Saturdays count, and a unit whose regulation states
 * calendar days gets calendar days. The deadline is the end of the last day, shown as dd/MM/yyyy.
 */
const leader = (w: World) => ({ id: w.chairman.userId, name: 'Lê Quang Minh' });
// Grace minutes are the attendance rules' (audit D14); this regulation only states the repeat window.
const RULES: RuleConfig = { ...DEFAULT_RULES, repeatWindow: { kind: 'ROLLING_DAYS', days: 1 } };
/** 18:00 in Việt Nam on `date`: the evening the day is computed. */
const evening = (date: string) => new Date(`${date}T18:00:00+07:00`);

forEachDb('violations: explanation deadlines in working days', (getDb) => {
  let db: Db;
  let w: World;
  const opened = new Map<string, string>();
  before(async () => {
    db = await getDb();
    w = await makeWorld(db);
    await seedOfficial2026(db);
    await adoptRuleSet(db, { unitId: w.communeId, validFrom: '2026-01-01', name: 'Quy chế làm việc 2026', legalBasis: 'giải trình trong 3 ngày làm việc', config: RULES }, leader(w));
    for (const date of ['2026-01-08', '2026-02-12', '2026-04-29', '2026-08-25']) {
      const out = await applyAttendanceDay(db, lateDay(w, date, 20), evening(date));
      assert.equal(out.opened.length, 1, date);
      opened.set(date, out.opened[0] as string);
    }
  });

  const caseOf = async (id: string) =>
    (await db.query<{ state: string; explanation_due_at: Date }>('SELECT state, explanation_due_at FROM violation_cases WHERE violation_id = $1', [id]))[0];

  it('a late arrival just before Tết 2026 is due after the nine days off, at the end of Tue 24/02/2026', async () => {
    const id = opened.get('2026-02-12') as string;
    const c = await caseOf(id);
    assert.equal(c?.state, 'EXPLANATION_REQUESTED');
    assert.equal(c?.explanation_due_at.toISOString(), '2026-02-24T16:59:59.999Z');
    const [mail] = await db.query<{ body_text: string }>(`SELECT body_text FROM email_outbox WHERE template = 'violation_opened' AND entity_id = $1`, [id]);
    assert.match(mail?.body_text ?? '', /chậm nhất trong ngày 24\/02\/2026 \(3 ngày làm việc\)/);
    const [t] = await db.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM violation_case_transitions WHERE violation_id = $1 AND to_state = 'EXPLANATION_REQUESTED'`,
      [id],
    );
    assert.deepEqual({ dueOn: t?.details.dueOn, days: t?.details.days, dayKind: t?.details.dayKind }, { dueOn: '2026-02-24', days: 3, dayKind: 'WORKING' });
  });

  it('30/4–1/5 are skipped, and the làm bù Saturday 10/01/2026 counts as a working day', async () => {
    assert.equal((await caseOf(opened.get('2026-04-29') as string))?.explanation_due_at.toISOString(), '2026-05-06T16:59:59.999Z');
    // Fri 09/01 (1), Sat 10/01 làm bù (2), Mon 12/01 (3) — not Tue 13/01.
    assert.equal((await caseOf(opened.get('2026-01-08') as string))?.explanation_due_at.toISOString(), '2026-01-12T16:59:59.999Z');
  });

  it('the person may explain until 23:59 of the last day; the sweep acts after it', async () => {
    const id = opened.get('2026-02-12') as string;
    await sweepOverdueExplanations(db, new Date('2026-02-24T23:30:00+07:00'));
    assert.equal((await caseOf(id))?.state, 'EXPLANATION_REQUESTED');
    await sweepOverdueExplanations(db, new Date('2026-02-25T00:01:00+07:00'));
    assert.equal((await caseOf(id))?.state, 'NO_ANSWER');
  });

  it('a leader asking again during the Quốc khánh break gets working days after it', async () => {
    const id = opened.get('2026-08-25') as string;
    assert.equal((await caseOf(id))?.explanation_due_at.toISOString(), '2026-08-28T16:59:59.999Z');
    await sweepOverdueExplanations(db, new Date('2026-08-29T00:05:00+07:00'));
    assert.equal((await caseOf(id))?.state, 'NO_ANSWER');
    const row = await requestExplanation(db, id, 2, leader(w), new Date('2026-08-29T09:00:00+07:00'));
    assert.equal(row.state, 'EXPLANATION_REQUESTED');
    // Sat 29/8 → Wed 2/9 off (Mon 31/8 swapped, 1–2/9 Quốc khánh): Thu 03/09 (1), Fri 04/09 (2).
    assert.equal(row.explanation_due_at?.toISOString(), '2026-09-04T16:59:59.999Z');
    const [mail] = await db.query<{ body_text: string }>(`SELECT body_text FROM email_outbox WHERE template = 'explanation_requested' AND entity_id = $1`, [id]);
    assert.match(mail?.body_text ?? '', /chậm nhất trong ngày 04\/09\/2026 \(2 ngày làm việc\)/);
  });

  it('a unit whose regulation states calendar days gets calendar days', async () => {
    await adoptRuleSet(
      db,
      { unitId: w.divisionId, validFrom: '2026-10-01', name: 'Quy chế của Phòng', legalBasis: 'giải trình trong 3 ngày', config: { ...RULES, explanationDaysKind: 'CALENDAR' } },
      leader(w),
    );
    const out = await applyAttendanceDay(db, lateDay(w, '2026-10-02', 20), evening('2026-10-02'));
    const c = await caseOf(out.opened[0] as string);
    // Fri 02/10 + 3 calendar days = Mon 05/10 (3 working days would be Wed 07/10).
    assert.equal(c?.explanation_due_at.toISOString(), '2026-10-05T16:59:59.999Z');
  });
});
