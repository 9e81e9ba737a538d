import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import { addDays, localDateOf } from '../../platform/time';
import { competentDeciders, competentLevel } from './competence.service';

/**
 * Competence on the demo commune (audit D5, D6; domain.md §3.5 R3.11, §4.6): the Chủ tịch UBND xã Thông Thụ
 * (TT001) heads TT-UBND, the Chánh Văn phòng (TT002) heads TT-VP, the leader in charge of nội vụ (TT003) heads
 * TT-VHXH, the Trưởng phòng Kinh tế (TT004) heads TT-PKT, where Vũ Thị Lan (TT005) is a staff member.
 */
for (const kind of dbKinds()) {
  describe(`competence: who decides whose matters [${kind}]`, () => {
    let t: TestApp;
    const s: Record<string, Session> = {};
    const today = localDateOf(new Date());
    const person = (code: string) => t.demo.persons[code] as string;
    const check = async (as: string, matter: string, code: string, date?: string) => {
      const res = await s[as]!.get(`/api/competence/check?matter=${matter}&subjectPersonId=${person(code)}${date ? `&date=${date}` : ''}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { allowed: boolean; code: string | null; message_vi: string | null; message_en: string | null; competentUnitName: string | null; external: boolean; legalBasis: string | null };
    };
    const fileLeave = async (code: string, offset: number) => {
      const res = await s.chanhvp!.send('POST', '/api/attendance/requests', {
        personId: person(code),
        type: 'PERSONAL_PAID',
        startDate: addDays(today, offset),
        endDate: addDays(today, offset),
        reason: 'Việc riêng có hưởng lương (kiểm thử thẩm quyền)',
      });
      assert.equal(res.statusCode, 201, res.body);
      return (res.json() as { id: string }).id;
    };
    const assertRefused = (res: { statusCode: number; body: string; json(): unknown }, code: string) => {
      assert.equal(res.statusCode, 403, res.body);
      const b = res.json() as { code: string; message_vi: string; message_en: string; details: { external: boolean; competentUnitName: string | null } };
      assert.equal(b.code, code);
      assert.ok(b.message_vi.length > 20 && b.message_en.length > 20, res.body);
      return b;
    };

    before(async () => {
      t = await startTestApp(kind, { env: { KC_DEMO_HISTORY: 'off' } });
      for (const u of ['chutich', 'chanhvp', 'noivu', 'truongphong', 'canbo', 'admin', 'chutichtp']) s[u] = await loginAs(t.app, u);
    });
    after(async () => t.close());

    it("the Chủ tịch cannot dismiss his own violation; the Nội vụ lead cannot decide it (it belongs to the provincial level)", async () => {
      const opened = await s.noivu!.send('POST', '/api/violations', {
        personId: person('TT001'),
        kind: 'OTHER',
        source: 'LEADER',
        occurredOn: addDays(today, -1),
        title: 'Không dự họp giao ban',
        description: 'Vắng họp giao ban sáng thứ Hai không báo trước.',
      });
      assert.equal(opened.statusCode, 201, opened.body);
      const id = (opened.json() as { id: string }).id;
      const own = assertRefused(await s.chutich!.send('POST', `/api/violations/${id}/decision`, { decision: 'DISMISSED', reason: 'Lý do khách quan, có xác nhận' }), 'COMPETENCE_OWN_CASE');
      assert.equal(own.details.external, true);
      const sub = assertRefused(await s.noivu!.send('POST', `/api/violations/${id}/decision`, { decision: 'REMINDED', reason: 'Nhắc nhở rút kinh nghiệm' }), 'COMPETENCE_SUPERIOR_CASE');
      assert.equal(sub.details.external, true);
      assert.match(sub.message_vi, /cấp tỉnh/);
      assert.match(sub.message_en, /provincial/);
      assertRefused(await s.noivu!.send('POST', `/api/violations/${id}/request-explanation`, { workingDays: 3 }), 'COMPETENCE_SUPERIOR_CASE');
      // The detail offers neither of them a leader's action (the UI never shows what the API refuses).
      for (const who of [s.chutich!, s.noivu!]) {
        const detail = (await who.get(`/api/violations/${id}`)).json() as { allowedActions: string[] };
        assert.deepEqual(detail.allowedActions.filter((a) => a !== 'explain'), []);
      }
      // Nobody in this installation receives his case as its decider.
      assert.deepEqual(await competentDeciders(t.ctx.db, { matter: 'VIOLATION_HANDLING', subjectPersonId: person('TT001'), date: today }), []);
      const level = await competentLevel(t.ctx.db, { matter: 'VIOLATION_HANDLING', subjectPersonId: person('TT001'), date: today });
      assert.deepEqual([level.external, level.competentUnitName, level.competentUnitId], [true, 'Chủ tịch UBND tỉnh', null]);
      assert.match(level.legalBasis ?? '', /172\/2025/);
      // Recording a violation against oneself is refused too.
      const self = await s.noivu!.send('POST', '/api/violations', {
        personId: person('TT003'), kind: 'OTHER', source: 'LEADER', occurredOn: addDays(today, -1), title: 'Tự ghi', description: 'Tự ghi vi phạm của mình.',
      });
      assertRefused(self, 'COMPETENCE_OWN_CASE');
    });

    it("the Chánh Văn phòng cannot approve the Chủ tịch's leave (superior, provincial level)", async () => {
      const id = await fileLeave('TT001', 40);
      const b = assertRefused(await s.chanhvp!.send('POST', `/api/attendance/requests/${id}/approve`, {}), 'COMPETENCE_SUPERIOR_CASE');
      assert.equal(b.details.external, true);
      assert.equal(b.details.competentUnitName, 'Chủ tịch UBND tỉnh');
      assertRefused(await s.chutich!.send('POST', `/api/attendance/requests/${id}/approve`, {}), 'COMPETENCE_OWN_CASE');
      const v = await check('chanhvp', 'LEAVE_APPROVAL', 'TT001');
      assert.deepEqual([v.allowed, v.code, v.external], [false, 'COMPETENCE_SUPERIOR_CASE', true]);
    });

    it("a unit head's leave is approved by the Chủ tịch, not by himself nor by the Chánh Văn phòng", async () => {
      const id = await fileLeave('TT004', 41);
      assertRefused(await s.truongphong!.send('POST', `/api/attendance/requests/${id}/approve`, {}), 'COMPETENCE_OWN_CASE');
      const office = assertRefused(await s.chanhvp!.send('POST', `/api/attendance/requests/${id}/approve`, {}), 'COMPETENCE_NOT_COMPETENT');
      assert.equal(office.details.competentUnitName, 'UBND xã Thông Thụ');
      assert.equal(office.details.external, false);
      const ok = await s.chutich!.send('POST', `/api/attendance/requests/${id}/approve`, {});
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal((ok.json() as { status: string }).status, 'APPROVED');
    });

    it("a staff member's leave is approved by her unit head; not by herself, not by a technical account", async () => {
      const id = await fileLeave('TT005', 42);
      assert.equal((await check('canbo', 'LEAVE_APPROVAL', 'TT005')).code, 'COMPETENCE_OWN_CASE');
      assert.equal((await check('admin', 'LEAVE_APPROVAL', 'TT005')).code, 'COMPETENCE_NOT_COMPETENT');
      assert.equal((await check('chanhvp', 'LEAVE_APPROVAL', 'TT005')).code, 'COMPETENCE_NOT_COMPETENT');
      assert.equal((await check('chutich', 'LEAVE_APPROVAL', 'TT005')).allowed, true, 'a leader above the unit may too');
      const ok = await s.truongphong!.send('POST', `/api/attendance/requests/${id}/approve`, {});
      assert.equal(ok.statusCode, 200, ok.body);
      const deciders = await competentDeciders(t.ctx.db, { matter: 'LEAVE_APPROVAL', subjectPersonId: person('TT005'), date: today });
      assert.deepEqual(deciders.map((d) => d.personId), [person('TT004')]);
      // Her violations are handled by the holders of violations.decide over her unit, not by the Trưởng phòng.
      assert.equal((await check('noivu', 'VIOLATION_HANDLING', 'TT005')).allowed, true);
      assert.equal((await check('truongphong', 'VIOLATION_HANDLING', 'TT005')).code, 'COMPETENCE_NOT_COMPETENT');
      const handlers = await competentDeciders(t.ctx.db, { matter: 'VIOLATION_HANDLING', subjectPersonId: person('TT005'), date: today });
      assert.deepEqual(new Set(handlers.map((d) => d.personId)), new Set([person('TT001'), person('TT003')]));
      // A division head's violations: the same holders, over the parent unit; never himself.
      const headHandlers = await competentDeciders(t.ctx.db, { matter: 'VIOLATION_HANDLING', subjectPersonId: person('TT003'), date: today });
      assert.deepEqual(headHandlers.map((d) => d.personId), [person('TT001')]);
    });

    it('a delegation in force lets the delegate act, and stops after its end date', async () => {
      assert.equal((await check('chanhvp', 'LEAVE_APPROVAL', 'TT004')).allowed, false);
      const created = await s.chutich!.send('POST', '/api/competence/delegations', {
        fromPersonId: person('TT001'),
        toPersonId: person('TT002'),
        matter: 'LEAVE_APPROVAL',
        validFrom: today,
        validTo: addDays(today, 3),
        documentRef: 'Giấy ủy quyền số 07/GUQ-UBND',
        reason: 'Chủ tịch đi công tác tỉnh',
      });
      assert.equal(created.statusCode, 201, created.body);
      const delegation = created.json() as { id: string };
      assert.equal((await check('chanhvp', 'LEAVE_APPROVAL', 'TT004')).allowed, true);
      assert.equal((await check('chanhvp', 'LEAVE_APPROVAL', 'TT004', addDays(today, 2))).allowed, true);
      assert.equal((await check('chanhvp', 'LEAVE_APPROVAL', 'TT004', addDays(today, 3))).allowed, false, 'validTo is the first day it no longer applies');
      // Never on the delegating leader's own matters, nor for another matter.
      assert.equal((await check('chanhvp', 'LEAVE_APPROVAL', 'TT001')).allowed, false);
      assert.equal((await check('chanhvp', 'DISCIPLINE_DECISION', 'TT004')).allowed, false);
      const id = await fileLeave('TT004', 43);
      assert.equal((await s.chanhvp!.send('POST', `/api/attendance/requests/${id}/approve`, {})).statusCode, 200);
      // Only the delegating leader (or org.manage) ends it; then it no longer applies.
      assert.equal((await s.canbo!.send('POST', `/api/competence/delegations/${delegation.id}/end`, {})).statusCode, 403);
      const ended = await s.chutich!.send('POST', `/api/competence/delegations/${delegation.id}/end`, { endOn: today });
      assert.equal(ended.statusCode, 200, ended.body);
      assert.equal((await check('chanhvp', 'LEAVE_APPROVAL', 'TT004')).allowed, false);
      // The demo's past delegation applied in its own week only.
      const past = (await (await s.chutich!.get(`/api/competence/delegations?personId=${person('TT001')}`)).json()) as { items: Array<{ id: string; validFrom: string; validTo: string }> };
      const old = past.items.find((d) => d.validTo < today);
      assert.ok(old, 'the demo delegation is there');
      assert.equal((await check('chanhvp', 'LEAVE_APPROVAL', 'TT005', old.validFrom)).allowed, true);
      assert.equal((await check('chanhvp', 'LEAVE_APPROVAL', 'TT005', old.validTo)).allowed, false);
    });

    it('rules are dated: a rule valid from a later date does not apply before it', async () => {
      const later = addDays(today, 10);
      assert.equal((await check('truongphong', 'LEAVE_APPROVAL', 'TT005', later)).allowed, true);
      const adopted = await s.noivu!.send('POST', '/api/competence/rules', {
        matter: 'LEAVE_APPROVAL',
        subjectPost: 'STAFF',
        decider: 'PARENT_UNIT_LEADERS',
        validFrom: later,
        legalBasis: 'Quy chế làm việc của UBND xã (kiểm thử)',
        note: 'Mọi đơn nghỉ của công chức do Chủ tịch duyệt',
      });
      assert.equal(adopted.statusCode, 201, adopted.body);
      assert.equal((adopted.json() as { closedRuleIds: string[] }).closedRuleIds.length, 1, 'the default version closes');
      assert.equal((await check('truongphong', 'LEAVE_APPROVAL', 'TT005', addDays(later, -1))).allowed, true);
      const after = await check('truongphong', 'LEAVE_APPROVAL', 'TT005', later);
      assert.deepEqual([after.allowed, after.code, after.competentUnitName, after.legalBasis], [false, 'COMPETENCE_NOT_COMPETENT', 'UBND xã Thông Thụ', 'Quy chế làm việc của UBND xã (kiểm thử)']);
      assert.equal((await check('chutich', 'LEAVE_APPROVAL', 'TT005', later)).allowed, true);
      // Only rules.manage / org.manage adopt.
      assert.equal((await s.truongphong!.send('POST', '/api/competence/rules', { matter: 'LEAVE_APPROVAL', subjectPost: 'STAFF', decider: 'OWN_UNIT_LEADERS', validFrom: later, legalBasis: 'x y z' })).statusCode, 403);
    });

    it('another commune is not competent; the table lists legal bases', async () => {
      // Not even the verdict: it names a person of another commune.
      const res = await s.chutichtp!.get(`/api/competence/check?matter=LEAVE_APPROVAL&subjectPersonId=${person('TT005')}`);
      assert.equal(res.statusCode, 403);
      assert.equal((res.json() as { code: string }).code, 'OUT_OF_SCOPE');
      const posts = (await (await s.chutichtp!.get('/api/competence/posts')).json()) as { items: Array<{ personId: string }> };
      assert.deepEqual(posts.items.map((p) => p.personId), [person('TP001')]);
      const mine = (await (await s.canbo!.get('/api/competence/delegations')).json()) as { items: unknown[] };
      assert.deepEqual(mine.items, [], 'a staff member sees no delegation of others');
      const rules = (await (await s.chutich!.get(`/api/competence/rules?asOf=${today}`)).json()) as { items: Array<{ legalBasis: string; note: string | null }> };
      assert.ok(rules.items.length >= 16);
      assert.ok(rules.items.every((r) => r.legalBasis.length > 5));
    });
  });
}
