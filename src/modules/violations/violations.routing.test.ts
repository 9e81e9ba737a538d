import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { forEachDb } from '../../../test/helpers/db';
import type { Db } from '../../platform/ports/db';
import { competentDeciders, competentLevel } from '../competence';
import { adoptRuleSet } from '../rules/rules.service';
import { DEFAULT_RULES, type RuleConfig } from '../rules/domain/rule-config';
import { lateDay, makeWorld, person, role, type World } from './test/fixtures';
import { applyAttendanceDay } from './violations.service';
import { sweepOverdueExplanations } from './workflow.service';

/**
 * Audit D6, CONTRACT C2: the report to leaders and the overdue notice about a person's violation go to the leaders
 * competent for that person — never the person, never a subordinate of theirs. A division head's own report goes to
 * the commune's leaders, not to himself; the Chủ tịch UBND xã's violations belong to the provincial level, so the
 * commune's deciders (here the Nội vụ lead) are told, with a line naming the competent level (competentLevel).
 */
const REPORT_EVERY_TIME: RuleConfig = { ...DEFAULT_RULES, steps: [{ fromCount: 1, action: 'REMINDER', notifyUnitHead: true, requestExplanation: true }] };

forEachDb('violations: reports go to the competent leaders (D6)', (getDb) => {
  let db: Db;
  let w: World;
  let noivu: { personId: string; userId: string; email: string };
  const evening = (d: string) => new Date(`${d}T18:00:00+07:00`);
  const reportsOf = (id: string) =>
    db.query<{ to_address: string; body_text: string }>(`SELECT to_address, body_text FROM email_outbox WHERE template = 'unit_head_report' AND entity_id = $1`, [id]);
  before(async () => {
    db = await getDb();
    w = await makeWorld(db);
    noivu = await person(db, w.communeId, 'Phạm Thu Trang', 'CONG_CHUC', `trang.${w.communeId.slice(0, 6)}@example.vn`);
    await role(db, noivu.userId, 'home_affairs_head', w.communeId);
    await adoptRuleSet(db, { unitId: w.communeId, validFrom: '2026-01-01', name: 'Quy chế làm việc 2026', config: REPORT_EVERY_TIME }, { id: w.chairman.userId, name: 'Lê Quang Minh' });
  });

  it('a staff member’s report reaches exactly the leaders the competence table names, never the staff member', async () => {
    const id = (await applyAttendanceDay(db, lateDay(w, '2026-11-02', 20), evening('2026-11-02'))).opened[0] as string;
    const to = (await reportsOf(id)).map((r) => r.to_address).sort();
    const competent = (await competentDeciders(db, { matter: 'VIOLATION_HANDLING', subjectPersonId: w.staff.personId, date: '2026-11-02' })).map((d) => d.email).sort();
    assert.ok(competent.length > 0);
    assert.deepEqual(to, competent);
    assert.ok(to.includes(w.chairman.email), `to ${to.join(', ')}`);
    assert.ok(!to.includes(w.staff.email));
  });

  it('a division head’s own report reaches the commune leaders, not himself', async () => {
    const day = { ...lateDay(w, '2026-11-03', 20), personId: w.head.personId };
    const id = (await applyAttendanceDay(db, day, evening('2026-11-03'))).opened[0] as string;
    const to = (await reportsOf(id)).map((r) => r.to_address);
    assert.ok(to.includes(w.chairman.email), `to ${to.join(', ')}`);
    assert.ok(!to.includes(w.head.email), 'never to the subject');
    assert.ok(!to.includes(w.staff.email), 'never to a subordinate');
  });

  it('the chairman’s report and overdue notice go to the commune’s deciders with a line naming the provincial level', async () => {
    const day = { ...lateDay(w, '2026-11-04', 20), personId: w.chairman.personId, unitId: w.communeId };
    const id = (await applyAttendanceDay(db, day, evening('2026-11-04'))).opened[0] as string;
    const reports = await reportsOf(id);
    assert.deepEqual(reports.map((r) => r.to_address), [noivu.email]);
    const level = await competentLevel(db, { matter: 'VIOLATION_HANDLING', subjectPersonId: w.chairman.personId, date: '2026-11-04' });
    assert.equal(level.external, true);
    assert.ok(reports[0]?.body_text.includes(`thuộc thẩm quyền của cấp có thẩm quyền (${level.competentUnitName}`), reports[0]?.body_text);
    assert.doesNotMatch(reports[0]?.body_text ?? '', /Đề nghị đồng chí xem xét, cho ý kiến xử lý/);

    await sweepOverdueExplanations(db, new Date('2026-11-20T09:00:00+07:00'));
    const overdue = await db.query<{ to_address: string; body_text: string }>(`SELECT to_address, body_text FROM email_outbox WHERE template = 'explanation_overdue' AND entity_id = $1`, [id]);
    assert.deepEqual(overdue.map((r) => r.to_address), [noivu.email]);
    assert.ok(overdue[0]?.body_text.includes(`(${level.competentUnitName}`));
  });
});
