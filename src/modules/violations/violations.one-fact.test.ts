import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, it } from 'node:test';
import { DiskBlobStore } from '../../../test/helpers/adapters';
import { forEachDb } from '../../../test/helpers/db';
import type { Db } from '../../platform/ports/db';
import { adoptRuleSet } from '../rules/rules.service';
import { DEFAULT_RULES } from '../rules/domain/rule-config';
import { submitExplanation } from './explanations.service';
import { awayDay, leaveRequest, makeWorld, type World } from './test/fixtures';
import { applyAttendanceDay } from './violations.service';
import { decide } from './workflow.service';

/**
 * Acceptance 1 of issue 13, audit D2 and D3: one absence is one fact and keeps one violation for its whole life.
 * Absent Monday 02/03/2026 → explanation filed Tuesday → "nghỉ không báo cáo" once the working-day threshold passed
 * (Thursday) → a leave request filed Friday, pending ("chờ hợp thức hóa") → rejected Monday 09/03. Throughout: one
 * violation row, the explanation and its file attached, the state EXPLAINED kept; the person is told at opening, at
 * "not reported" and at the rejection (with the approver's note) — not when she files her own request.
 */
const leader = (w: World) => ({ id: w.chairman.userId, name: 'Lê Quang Minh' });
const at = (local: string) => new Date(`${local}+07:00`);

forEachDb('violations: one fact, one violation (acceptance 1)', (getDb) => {
  let db: Db;
  let w: World;
  let id: string;
  const date = '2026-03-02';
  before(async () => {
    db = await getDb();
    w = await makeWorld(db);
    await adoptRuleSet(db, { unitId: w.communeId, validFrom: '2026-01-01', name: 'Quy chế làm việc 2026', legalBasis: 'Quyết định 12/QĐ-UBND', config: DEFAULT_RULES }, leader(w));
  });

  const violationsOfDay = () =>
    db.query<{ id: string; kind: string; retracted_at: Date | null; source_key: string }>('SELECT id, kind, retracted_at, source_key FROM violations WHERE person_id = $1 AND occurred_on = $2', [w.staff.personId, date]);
  const stateOf = async () => (await db.query<{ state: string }>('SELECT state FROM violation_cases WHERE violation_id = $1', [id]))[0]?.state;
  const mailsToStaff = () =>
    db.query<{ template: string; subject: string; body_text: string }>('SELECT template, subject, body_text FROM email_outbox WHERE to_address = $1 ORDER BY created_at, template', [w.staff.email]);
  const inAppToStaff = () => db.query<{ kind: string }>('SELECT kind FROM notifications WHERE user_id = $1 ORDER BY created_at', [w.staff.userId]);

  it('Monday: the absence opens one violation keyed by the fact, with one notice and an explanation request', async () => {
    const out = await applyAttendanceDay(db, awayDay(w, date, 1, 'ABSENT_NO_REASON'), at('2026-03-02T18:00:00'));
    assert.equal(out.opened.length, 1);
    id = out.opened[0] as string;
    const [v] = await violationsOfDay();
    assert.equal(v?.source_key, `att:${w.staff.personId}:${date}:DAY:ABSENCE`);
    assert.equal(await stateOf(), 'EXPLANATION_REQUESTED');
    assert.deepEqual((await mailsToStaff()).map((m) => m.template), ['violation_opened']);
  });

  it('Tuesday: she explains with a file', async () => {
    const blobs = new DiskBlobStore(mkdtempSync(path.join(tmpdir(), 'kc-one-fact-')));
    await submitExplanation(
      db,
      blobs,
      { violationId: id, personId: w.staff.personId, body: 'Con tôi ốm đột xuất, tôi đã gọi điện báo Trưởng phòng.', files: [{ fileName: 'giay-kham.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4 giấy khám bệnh') }] },
      { id: w.staff.userId, name: 'Nguyễn Văn Đức' },
      at('2026-03-03T09:00:00'),
    );
    assert.equal(await stateOf(), 'EXPLAINED');
  });

  it('Thursday: "not reported" after the working-day threshold changes the same violation in place, told once', async () => {
    const out = await applyAttendanceDay(db, awayDay(w, date, 2, 'LEAVE_NOT_REPORTED'), at('2026-03-05T00:30:00'));
    assert.deepEqual([out.opened, out.retracted, out.changed], [[], [], [id]]);
    // The same revision again, and a later recompute with the same kind, tell her nothing new.
    await applyAttendanceDay(db, awayDay(w, date, 2, 'LEAVE_NOT_REPORTED'), at('2026-03-05T00:31:00'));
    const again = await applyAttendanceDay(db, awayDay(w, date, 3, 'LEAVE_NOT_REPORTED'), at('2026-03-05T18:00:00'));
    assert.deepEqual([again.opened, again.changed, again.refreshed], [[], [], [id]]);
    assert.equal(await stateOf(), 'EXPLAINED');
    assert.deepEqual((await mailsToStaff()).map((m) => m.template), ['violation_opened', 'violation_kind_changed']);
    const [changed] = (await mailsToStaff()).filter((m) => m.template === 'violation_kind_changed');
    assert.match(changed?.body_text ?? '', /chuyển từ «Vắng mặt không có lý do chính đáng» sang «Nghỉ không báo cáo»/);
    assert.match(changed?.body_text ?? '', /Giải trình và tài liệu ông\/bà đã gửi vẫn được giữ/);
  });

  it('Friday: a leave request filed (pending) makes it "chờ hợp thức hóa" — no notice, no decision possible', async () => {
    const requestId = await leaveRequest(db, w, date, 'PENDING');
    const out = await applyAttendanceDay(db, awayDay(w, date, 4, 'AWAITING_JUSTIFICATION', { requestId }), at('2026-03-06T10:00:00'));
    assert.deepEqual(out.changed, [id]);
    assert.equal((await violationsOfDay())[0]?.kind, 'AWAITING_JUSTIFICATION');
    assert.equal((await mailsToStaff()).length, 2, 'filing her own request is not news to her');
    await assert.rejects(decide(db, id, 'REMINDED', 'Nhắc nhở', leader(w), at('2026-03-06T11:00:00')), (e: { code?: string; statusCode?: number }) => e.code === 'AWAITING_JUSTIFICATION');
    // The leave is rejected on Monday.
    await db.query(`UPDATE justifications SET status = 'REJECTED', decided_at = $2, decision_note = 'Không có giấy tờ chứng minh' WHERE id = $1`, [requestId, at('2026-03-09T08:00:00').toISOString()]);
  });

  it('Monday 09/03: rejected — the same violation again, her explanation still attached, told with the reason', async () => {
    const out = await applyAttendanceDay(db, awayDay(w, date, 5, 'LEAVE_NOT_REPORTED'), at('2026-03-09T08:05:00'));
    assert.deepEqual([out.opened, out.retracted, out.changed], [[], [], [id]]);
    const rows = await violationsOfDay();
    assert.equal(rows.length, 1, 'exactly one violation for the day, ever');
    assert.deepEqual([rows[0]?.id, rows[0]?.kind, rows[0]?.retracted_at], [id, 'LEAVE_NOT_REPORTED', null]);
    assert.equal(await stateOf(), 'EXPLAINED');
    const explanations = await db.query<{ n: number }>(
      `SELECT count(f.id)::int AS n FROM violation_explanations e JOIN violation_explanation_files f ON f.explanation_id = e.id WHERE e.violation_id = $1`,
      [id],
    );
    assert.equal(explanations[0]?.n, 1);

    const mails = await mailsToStaff();
    assert.deepEqual(mails.map((m) => m.template), ['violation_opened', 'violation_kind_changed', 'violation_kind_changed']);
    assert.match(mails[2]?.body_text ?? '', /Đơn nghỉ việc riêng \(hưởng lương\) của ông\/bà đã không được phê duyệt \(ý kiến: Không có giấy tờ chứng minh\)/);
    assert.deepEqual((await inAppToStaff()).map((n) => n.kind), ['violation_opened', 'violation_kind_changed', 'violation_kind_changed']);
    const leaders = await db.query<{ template: string }>(`SELECT DISTINCT template FROM email_outbox WHERE to_address <> $1`, [w.staff.email]);
    assert.deepEqual(leaders.map((l) => l.template), ['explanation_submitted']);

    const history = await db.query<{ from_kind: string; to_kind: string; cause: string; notified: boolean; details: { requestStatus: string | null } }>(
      'SELECT from_kind, to_kind, cause, notified, details FROM violation_kind_changes WHERE violation_id = $1 ORDER BY seq',
      [id],
    );
    assert.deepEqual(
      history.map((h) => [h.from_kind, h.to_kind, h.cause, h.notified]),
      [
        ['ABSENT_NO_REASON', 'LEAVE_NOT_REPORTED', 'NOT_REPORTED_IN_TIME', true],
        ['LEAVE_NOT_REPORTED', 'AWAITING_JUSTIFICATION', 'REQUEST_PENDING', false],
        ['AWAITING_JUSTIFICATION', 'LEAVE_NOT_REPORTED', 'REQUEST_NOT_APPROVED', true],
      ],
    );
    assert.equal(history[2]?.details.requestStatus, 'REJECTED');
    // The judgement made on Monday stands (the fact was judged once, when it first became a violation).
    const [v] = await db.query<{ repeat_ordinal: number; repeat_of: string[]; judged_at: Date }>('SELECT repeat_ordinal, repeat_of, judged_at FROM violations WHERE id = $1', [id]);
    assert.deepEqual([v?.repeat_ordinal, v?.repeat_of], [1, []]);
    assert.equal(v?.judged_at.toISOString(), at('2026-03-02T18:00:00').toISOString());
    // Now the leader may decide.
    const decided = await decide(db, id, 'REMINDED', 'Nhắc nhở, lần đầu', leader(w), at('2026-03-09T09:00:00'));
    assert.equal(decided.state, 'CLOSED');
  });
});
