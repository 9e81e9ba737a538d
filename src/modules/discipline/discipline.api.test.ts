import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import { addDays, localDateOf } from '../../platform/time';
import { ATTENDEES, daysAgo, docxText, OPINIONS, personByCode, proposedViolation, SIGNER } from './test/fixtures';

/**
 * The procedure to a decision through the HTTP API, on PGlite and PostgreSQL (issue 13, acceptance 4 and 5): a
 * công chức's case goes review meeting → council → decision; bad decisions are refused with code and both messages
 * and leave every table as it was; the decision DOCX, converted to PDF by LibreOffice, reads as an NĐ 30/2020
 * decision; a contract worker's limitation has run out; an approved maternity leave suspends a case.
 */
for (const kind of dbKinds()) {
  describe(`discipline procedure [${kind}]`, () => {
    let t: TestApp;
    let noivu: Session;
    let chutich: Session;
    let canbo: Session;
    const count = async (sql: string, params: unknown[]) => (await t.ctx.db.query<{ n: number }>(sql, params))[0]?.n ?? 0;

    before(async () => {
      t = await startTestApp(kind, { env: { KC_DEMO_HISTORY: 'off' } });
      noivu = await loginAs(t.app, 'noivu');
      chutich = await loginAs(t.app, 'chutich');
      canbo = await loginAs(t.app, 'canbo');
    });
    after(async () => t.close());

    it('takes a công chức from the proposal through review and council to the decision the chairman chose', async () => {
      const lan = await personByCode(t.ctx.db, 'TT005');
      const v1 = await proposedViolation(t.ctx.db, lan.id, daysAgo(62), daysAgo(50));
      const v2 = await proposedViolation(t.ctx.db, lan.id, daysAgo(60), daysAgo(50));
      const proposals = (await noivu.get('/api/discipline/proposals')).json() as Array<{ id: string }>;
      assert.ok(proposals.some((p) => p.id === v1) && proposals.some((p) => p.id === v2));
      const opened = await noivu.send('POST', '/api/discipline/cases', { violationIds: [v1, v2], note: 'Hai lần vắng mặt xem xét cùng lúc.' });
      assert.equal(opened.statusCode, 201, opened.body);
      const id = opened.json().id as string;
      const base = `/api/discipline/cases/${id}`;

      const tooLate = await noivu.send('POST', `${base}/review-invitation`, { invitationNo: '05/GM-UBND', deliveredOn: daysAgo(45), meetingOn: daysAgo(43), meetingTime: '08:00', place: 'Hội trường UBND xã', signer: SIGNER });
      assert.equal(tooLate.statusCode, 400);
      assert.equal(tooLate.json().code, 'INVITATION_TOO_LATE');
      const invited = await noivu.send('POST', `${base}/review-invitation`, { invitationNo: '05/GM-UBND', deliveredOn: daysAgo(45), meetingOn: daysAgo(30), meetingTime: '08:00', place: 'Hội trường UBND xã', signer: SIGNER });
      assert.equal(invited.statusCode, 204, invited.body);
      const held = await noivu.send('POST', `${base}/review-minutes`, { heldOn: daysAgo(30), personPresent: true, attendees: ATTENDEES, opinions: OPINIONS, conclusion: 'Đề nghị Hội đồng kỷ luật xem xét.', secretaryName: 'Nguyễn Thị Hằng' });
      assert.equal(held.statusCode, 204, held.body);

      const members = [
        { personId: null, name: 'Lê Văn Thành', role: 'CHAIR', title: 'Chủ tịch UBND xã', declaredNotRelated: true },
        { personId: null, name: 'Trần Đức Minh', role: 'MEMBER', title: 'Lãnh đạo phụ trách nội vụ', declaredNotRelated: true },
        { personId: null, name: 'Nguyễn Thị Hằng', role: 'SECRETARY', title: 'Chánh Văn phòng', declaredNotRelated: true },
      ];
      const withSubject = await noivu.send('POST', `${base}/council`, { formedOn: daysAgo(28), decisionRef: '20/QĐ-UBND', members: [...members, { personId: lan.id, name: 'Vũ Thị Lan', role: 'MEMBER', title: null, declaredNotRelated: true }] });
      assert.equal(withSubject.statusCode, 400);
      assert.equal(withSubject.json().code, 'COUNCIL_MEMBER_IS_SUBJECT');
      assert.equal((await noivu.send('POST', `${base}/council`, { formedOn: daysAgo(28), decisionRef: '20/QĐ-UBND', members })).statusCode, 204);
      const council = await noivu.send('POST', `${base}/council-meeting`, {
        invitationDeliveredOn: daysAgo(27), heldOn: daysAgo(14), meetingTime: '14:00', place: 'Phòng họp UBND xã', personPresent: true, attendees: ATTENDEES, opinions: OPINIONS,
        conclusion: 'Hội đồng đã bỏ phiếu kín.', secretaryName: 'Nguyễn Thị Hằng', ballot: [{ formCode: 'KHIEN_TRACH', votes: 2 }, { formCode: 'CANH_CAO', votes: 1 }], recommendation: 'Hội đồng kiến nghị hình thức khiển trách.',
      });
      assert.equal(council.statusCode, 204, council.body);

      const good = { number: '15/QĐ-UBND', signedOn: daysAgo(2), effectiveOn: daysAgo(1), formCode: 'KHIEN_TRACH', reasons: 'Vắng mặt không có lý do chính đáng 02 ngày.', signer: SIGNER };
      const snapshot = async () => ({
        decisions: await count('SELECT count(*)::int AS n FROM discipline_decisions WHERE case_id = $1', [id]),
        documents: await count(`SELECT count(*)::int AS n FROM discipline_documents WHERE case_id = $1 AND kind = 'DECISION'`, [id]),
        steps: await count('SELECT count(*)::int AS n FROM discipline_steps WHERE case_id = $1', [id]),
        closed: await count(`SELECT count(*)::int AS n FROM violation_cases WHERE violation_id = ANY($1::uuid[]) AND state = 'CLOSED'`, [[v1, v2]]),
        state: (await t.ctx.db.query<{ state: string }>('SELECT state FROM discipline_cases WHERE id = $1', [id]))[0]?.state,
      });
      const before = await snapshot();
      assert.deepEqual({ ...before, steps: 0 }, { decisions: 0, documents: 0, steps: 0, closed: 0, state: 'COUNCIL_HELD' });
      const refusals: Array<[Record<string, unknown>, number, string]> = [
        [{ ...good, number: '' }, 400, 'DECISION_NUMBER_REQUIRED'],
        [{ ...good, number: 'mười lăm' }, 400, 'DECISION_NUMBER_FORMAT'],
        [{ ...good, effectiveOn: daysAgo(5) }, 400, 'DISCIPLINE_DATES_OUT_OF_ORDER'],
        [{ ...good, signedOn: daysAgo(20) }, 400, 'DISCIPLINE_DATES_OUT_OF_ORDER'],
        // Not a leader: cách chức is for leaders only; hạ bậc lương was abolished for công chức on 1/7/2025.
        [{ ...good, formCode: 'CACH_CHUC' }, 400, 'DISCIPLINE_FORM_NOT_ALLOWED'],
        [{ ...good, formCode: 'HA_BAC_LUONG' }, 400, 'DISCIPLINE_FORM_NOT_ALLOWED'],
      ];
      for (const [body, status, code] of refusals) {
        const r = await chutich.send('POST', `${base}/decision`, body);
        assert.equal(r.statusCode, status, `${code}: ${r.body}`);
        const e = r.json();
        assert.equal(e.code, code);
        assert.ok(e.message_vi.length > 10 && e.message_en.length > 10, code);
      }
      const own = await canbo.send('POST', `${base}/decision`, good);
      assert.equal(own.statusCode, 403);
      assert.equal(own.json().code, 'COMPETENCE_OWN_CASE');
      assert.deepEqual(await snapshot(), before, 'a refused decision writes nothing');

      const decided = await chutich.send('POST', `${base}/decision`, good);
      assert.equal(decided.statusCode, 204, decided.body);
      const again = await chutich.send('POST', `${base}/decision`, good);
      assert.equal(again.statusCode, 409);
      assert.equal((await noivu.send('POST', `${base}/delivery`, { deliveredOn: daysAgo(1) })).statusCode, 204);

      const detail = (await noivu.get(base)).json();
      assert.equal(detail.state, 'DELIVERED');
      assert.equal(detail.decision.number, '15/QĐ-UBND');
      assert.equal(detail.decision.formCode, 'KHIEN_TRACH');
      assert.equal(detail.decision.effectiveOn, daysAgo(1));
      assert.equal(detail.decision.complaintUntil, addDays(daysAgo(1), 15));
      const bar = detail.decision.consequences.find((c: { code: string }) => c.code === 'BAR');
      assert.equal(bar.months, 6);
      assert.equal(bar.confidence, 'K-M');
      const khtnv = detail.decision.consequences.find((c: { code: string }) => c.code === 'EVALUATION_KHTNV');
      assert.equal(khtnv.year, Number(daysAgo(1).slice(0, 4)));
      assert.deepEqual(detail.steps.map((s: { action: string }) => s.action), ['open', 'invite_review', 'hold_review', 'form_council', 'hold_council', 'decide', 'deliver']);
      assert.deepEqual(detail.documents.map((d: { kind: string }) => d.kind).sort(), ['COUNCIL_MINUTES', 'DECISION', 'REVIEW_INVITATION', 'REVIEW_MINUTES']);
      // The violations close with the decision, their own history saying so.
      const closed = await t.ctx.db.query<{ reason: string }>(`SELECT reason FROM violation_case_transitions WHERE violation_id = $1 AND to_state = 'CLOSED'`, [v1]);
      assert.match(closed[0]?.reason ?? '', /15\/QĐ-UBND/);
      assert.equal(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'discipline.decide' AND entity_id = $1`, [id]), 1);

      const record = (await noivu.get(`/api/discipline/persons/${lan.id}/record`)).json();
      assert.equal(record.decisions[0].effectiveOn, daysAgo(1));
      assert.equal(record.decisions[0].inForce, true);

      const doc = detail.documents.find((d: { kind: string }) => d.kind === 'DECISION');
      const file = await chutich.get(`${base}/documents/${doc.id}`);
      assert.equal(file.statusCode, 200);
      assert.equal(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'discipline.document_view' AND entity_id = $1`, [doc.id]), 1);
      const text = docxText(file.rawPayload).replace(/\s+/g, ' ');
      const [y, m, d] = daysAgo(2).split('-').map(Number) as [number, number, number];
      for (const expected of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 15/QĐ-UBND',
        `Thông Thụ, ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? String(m).padStart(2, '0') : m} năm ${y}`,
        'QUYẾT ĐỊNH',
        'KHIỂN TRÁCH',
        'bà Vũ Thị Lan',
        'TM. ỦY BAN NHÂN DÂN',
        'CHỦ TỊCH',
        'Lê Văn Thành',
        'Nơi nhận:',
      ])
        assert.ok(text.includes(expected), `"${expected}" in the decision PDF:\n${text}`);
    });

    it("refuses a contract worker's decision after the 6-month limitation, with the dates, and writes nothing", async () => {
      const worker = await personByCode(t.ctx.db, 'TT103');
      const occurred = daysAgo(220);
      const v = await proposedViolation(t.ctx.db, worker.id, occurred, daysAgo(40));
      const id = (await noivu.send('POST', '/api/discipline/cases', { violationIds: [v], note: null })).json().id as string;
      const base = `/api/discipline/cases/${id}`;
      assert.equal((await noivu.send('POST', `${base}/review-invitation`, { invitationNo: null, deliveredOn: daysAgo(35), meetingOn: daysAgo(20), meetingTime: '08:00', place: 'Phòng họp', signer: SIGNER })).statusCode, 204);
      assert.equal((await noivu.send('POST', `${base}/review-minutes`, { heldOn: daysAgo(20), personPresent: false, attendees: ATTENDEES, opinions: [], conclusion: 'Đề nghị xử lý kỷ luật lao động.', secretaryName: 'Nguyễn Thị Hằng' })).statusCode, 204);
      const detail = (await noivu.get(base)).json();
      assert.equal(detail.councilRequired, false);
      assert.ok(detail.deadlines.warnings.some((w: { kind: string }) => w.kind === 'LIMITATION_PASSED'));
      const r = await chutich.send('POST', `${base}/decision`, { number: '16/QĐ-UBND', signedOn: daysAgo(3), effectiveOn: daysAgo(3), formCode: 'KHIEN_TRACH', reasons: 'Vắng mặt không có lý do.', signer: SIGNER });
      assert.equal(r.statusCode, 409, r.body);
      const e = r.json();
      assert.equal(e.code, 'LIMITATION_EXPIRED');
      assert.equal(e.details.occurredOn, occurred);
      const [oy, om, od] = occurred.split('-').map(Number) as [number, number, number];
      assert.equal(e.details.limitationUntil.slice(0, 7), `${om + 6 > 12 ? oy + 1 : oy}-${String(((om + 5) % 12) + 1).padStart(2, '0')}`);
      assert.ok(od > 0);
      assert.match(e.message_vi, /hết thời hiệu/);
      assert.match(e.message_vi, /\d{2}\/\d{2}\/\d{4}/);
      assert.equal(await count('SELECT count(*)::int AS n FROM discipline_decisions WHERE case_id = $1', [id]), 0);
      assert.equal((await t.ctx.db.query<{ state: string }>('SELECT state FROM violation_cases WHERE violation_id = $1', [v]))[0]?.state, 'DISCIPLINE_PROPOSED');
    });

    it('stops the processing clock during an approved maternity leave, says why and refuses steps', async () => {
      const p = await personByCode(t.ctx.db, 'TT101');
      const today = localDateOf(new Date());
      await t.ctx.db.query(
        `INSERT INTO justifications (id, person_id, unit_id, type, start_date, start_half, end_date, end_half, status, reason, document_ref, requested_at, decided_at)
         VALUES ($1,$2,$3,'MATERNITY',$4,'MORNING',$5,'AFTERNOON','APPROVED','Nghỉ thai sản','GCN 123/BV', now(), now())`,
        [randomUUID(), p.id, p.unit_id, daysAgo(10), addDays(today, 170)],
      );
      const detected = daysAgo(30);
      const v = await proposedViolation(t.ctx.db, p.id, daysAgo(40), detected);
      const id = (await noivu.send('POST', '/api/discipline/cases', { violationIds: [v], note: null })).json().id as string;
      const detail = (await noivu.get(`/api/discipline/cases/${id}`)).json();
      assert.equal(detail.suspendedNow.kind, 'MATERNITY');
      assert.equal(detail.suspendedNow.source, 'LEAVE');
      assert.match(detail.suspendedNow.reason.vi, /thai sản/);
      assert.equal(detail.deadlines.processing.suspendedDays, 181);
      assert.equal(detail.deadlines.processing.dueOn, addDays(detected, 90 + 181));
      const r = await noivu.send('POST', `/api/discipline/cases/${id}/review-invitation`, { invitationNo: null, deliveredOn: today, meetingOn: addDays(today, 14), meetingTime: '08:00', place: 'Phòng họp', signer: SIGNER });
      assert.equal(r.statusCode, 409);
      assert.equal(r.json().code, 'CASE_SUSPENDED');
      assert.match(r.json().message_vi, /thai sản/);
      assert.equal(await count('SELECT count(*)::int AS n FROM discipline_meetings WHERE case_id = $1', [id]), 0);
    });
  });
}
