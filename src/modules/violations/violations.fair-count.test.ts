import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { before, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { forEachDb } from '../../../test/helpers/db';
import type { Db } from '../../platform/ports/db';
import type { AttendanceDayUpdated } from '../attendance';
import { adoptRuleSet } from '../rules/rules.service';
import { DEFAULT_RULES } from '../rules/domain/rule-config';
import { awayDay, dayOffDay, lateDay, makeWorld, type World } from './test/fixtures';
import { detailDto } from './violations.dto';
import { countedViolations, getViolation } from './violations.repo';
import { applyAttendanceDay } from './violations.service';
import { decide } from './workflow.service';

/**
 * Fair counting (audit D4, CONTRACT C5), facts awaiting justification (D3), days off (D1 consequence) and the
 * system-default wording (D7): a dismissed explanation was accepted, so the violation is no repeat; the ids counted
 * are stored and shown; a fact a pending permission covers is opened silently; a holiday added afterwards retracts
 * with the holiday's name and legal basis; without an adopted regulation the notice says the system default applies.
 */
const leader = (w: World) => ({ id: w.chairman.userId, name: 'Lê Quang Minh' });
const at = (local: string) => new Date(`${local}+07:00`);
const withArrivalPermission = (day: AttendanceDayUpdated, requestId: string, status: 'APPROVED' | 'PENDING'): AttendanceDayUpdated => ({
  ...day,
  sessions: day.sessions.map((s) => (s.session === 'MORNING' ? { ...s, arrivalPermission: { requestId, status } } : s)),
});

async function row(db: Db, id: string) {
  return (await db.query<{ repeat_ordinal: number; repeat_of: string[] | null; kind: string; judged_at: Date | null }>('SELECT repeat_ordinal, repeat_of, kind, judged_at FROM violations WHERE id = $1', [id]))[0];
}

forEachDb('violations: fair counting and facts awaiting justification', (getDb) => {
  let db: Db;
  let w: World;
  const ids: Record<string, string> = {};
  before(async () => {
    db = await getDb();
    w = await makeWorld(db);
  });

  it('without an adopted regulation, the notice says plainly that the system default applies', async () => {
    const out = await applyAttendanceDay(db, awayDay(w, '2026-10-05', 1, 'ABSENT_NO_REASON', { regulation: { source: 'SYSTEM_DEFAULT', unitId: null, legalBasis: null } }), at('2026-10-05T18:00:00'));
    const [mail] = await db.query<{ body_text: string }>(`SELECT body_text FROM email_outbox WHERE template = 'violation_opened' AND entity_id = $1`, [out.opened[0]]);
    assert.match(mail?.body_text ?? '', /Biện pháp đề xuất theo mặc định của hệ thống \(đơn vị chưa ban hành quy chế\): Nhắc nhở\./);
    assert.match(mail?.body_text ?? '', /thời hạn báo nghỉ được áp dụng theo mặc định của hệ thống \(đơn vị chưa ban hành quy chế\)/);
    assert.doesNotMatch(mail?.body_text ?? '', /theo quy chế của đơn vị/);
  });

  it('with one, the notice cites its name and legal basis', async () => {
    await adoptRuleSet(db, { unitId: w.communeId, validFrom: '2026-11-01', name: 'Quy chế làm việc của UBND xã', legalBasis: 'Quyết định 12/QĐ-UBND', config: DEFAULT_RULES }, leader(w));
    const out = await applyAttendanceDay(db, lateDay(w, '2026-11-02', 20), at('2026-11-02T18:00:00'));
    ids.first = out.opened[0] as string;
    const [mail] = await db.query<{ body_text: string }>(`SELECT body_text FROM email_outbox WHERE template = 'violation_opened' AND entity_id = $1`, [ids.first]);
    assert.match(mail?.body_text ?? '', /Biện pháp đề xuất theo Quy chế làm việc của UBND xã \(căn cứ: Quyết định 12\/QĐ-UBND\): Nhắc nhở\./);
  });

  it('a late arrival under a pending permission opens silently, awaiting justification, and counts for nothing', async () => {
    const requestId = randomUUID();
    const out = await applyAttendanceDay(db, withArrivalPermission(lateDay(w, '2026-11-03', 25), requestId, 'PENDING'), at('2026-11-03T18:00:00'));
    ids.awaiting = out.opened[0] as string;
    const v = await row(db, ids.awaiting);
    assert.deepEqual([v?.kind, v?.repeat_ordinal, v?.judged_at], ['AWAITING_JUSTIFICATION', 0, null]);
    const trail = await db.query<{ to_state: string }>('SELECT to_state FROM violation_case_transitions WHERE violation_id = $1 ORDER BY seq', [ids.awaiting]);
    assert.deepEqual(trail.map((t) => t.to_state), ['OPENED'], 'no notice, no explanation request');
    assert.equal((await db.query('SELECT 1 FROM notifications WHERE entity_id = $1', [ids.awaiting])).length, 0);
    // Approved: it derives nothing and is retracted with the permission's id; she was never told of it, so no notice.
    const done = await applyAttendanceDay(db, withArrivalPermission(lateDay(w, '2026-11-03', 25, 2), requestId, 'APPROVED'), at('2026-11-04T08:00:00'));
    assert.deepEqual(done.retracted, [ids.awaiting]);
    const [r] = await db.query<{ retraction_reason: string; retraction_details: { requestId: string } }>('SELECT retraction_reason, retraction_details FROM violations WHERE id = $1', [ids.awaiting]);
    assert.deepEqual([r?.retraction_reason, r?.retraction_details.requestId], ['PERMISSION_APPROVED', requestId]);
    assert.equal((await db.query('SELECT 1 FROM notifications WHERE entity_id = $1', [ids.awaiting])).length, 0);
  });

  it('a dismissed violation is no repeat; the ids counted are stored; a later dismissal never re-judges silently', async () => {
    await decide(db, ids.first as string, 'DISMISSED', 'Lý do khách quan, có xác nhận', leader(w), at('2026-11-20T09:00:00'));
    const second = (await applyAttendanceDay(db, lateDay(w, '2026-11-05', 15), at('2026-11-20T18:00:00'))).opened[0] as string;
    assert.deepEqual([(await row(db, second))?.repeat_ordinal, (await row(db, second))?.repeat_of], [1, []], 'the dismissed 02/11 does not count');
    const third = (await applyAttendanceDay(db, lateDay(w, '2026-11-06', 15), at('2026-11-20T18:05:00'))).opened[0] as string;
    assert.deepEqual([(await row(db, third))?.repeat_ordinal, (await row(db, third))?.repeat_of], [2, [second]]);
    const [mail] = await db.query<{ body_text: string }>(`SELECT body_text FROM email_outbox WHERE template = 'violation_opened' AND entity_id = $1`, [third]);
    assert.match(mail?.body_text ?? '', /lần thứ 2 trong kỳ 11\/2026 \(đã tính các vi phạm ngày 05\/11\/2026\)/);

    // The 05/11 one is dismissed afterwards: the 06/11 judgement stays (ordinal 2), and its page says what happened.
    await decide(db, second, 'DISMISSED', 'Có giấy xác nhận của bệnh viện', leader(w), at('2026-11-27T09:00:00'));
    const v = await getViolation(db, third);
    assert.equal(v?.repeat_ordinal, 2);
    const counted = await countedViolations(db, v?.repeat_of ?? []);
    const dto = detailDto({ v: v!, c: undefined, person: undefined, unitName: '', evidence: [], transitions: [], explanations: [], actions: [], discipline: null, counted, kindChanges: [] });
    assert.deepEqual(dto.judgement.countedFrom.map((c) => [c.id, c.occurredOn, c.since, c.stillUpheld]), [[second, '2026-11-05', 'DISMISSED', false]]);
    assert.equal(dto.judgement.countedRecorded, true);
    assert.match(dto.judgement.rulesBasis.vi, /Quyết định 12\/QĐ-UBND/);
  });

  it('a holiday added afterwards retracts the absence with the holiday and its legal basis in the trace and the notice', async () => {
    const absent = (await applyAttendanceDay(db, awayDay(w, '2026-11-24', 1, 'ABSENT_NO_REASON'), at('2026-11-24T18:00:00'))).opened[0] as string;
    const dayOff = { kind: 'HOLIDAY' as const, name: 'Ngày Văn hóa Việt Nam', legalBasis: 'Bộ luật Lao động 2019 (sửa đổi), Điều 112', status: 'CONFIRMED' as const };
    const out = await applyAttendanceDay(db, dayOffDay(w, '2026-11-24', 2, dayOff), at('2026-11-25T08:00:00'));
    assert.deepEqual(out.retracted, [absent]);
    const [r] = await db.query<{ retraction_reason: string; retraction_details: { dayOff: typeof dayOff; revision: number } }>('SELECT retraction_reason, retraction_details FROM violations WHERE id = $1', [absent]);
    assert.equal(r?.retraction_reason, 'CALENDAR_CHANGED');
    assert.deepEqual([r?.retraction_details.dayOff.name, r?.retraction_details.dayOff.legalBasis, r?.retraction_details.revision], [dayOff.name, dayOff.legalBasis, 2]);
    const [t] = await db.query<{ reason: string; details: { dayOff: typeof dayOff } }>(`SELECT reason, details FROM violation_case_transitions WHERE violation_id = $1 AND to_state = 'RETRACTED'`, [absent]);
    assert.deepEqual([t?.reason, t?.details.dayOff.name], ['CALENDAR_CHANGED', dayOff.name]);
    const [mail] = await db.query<{ body_text: string }>(`SELECT body_text FROM email_outbox WHERE template = 'violation_retracted' AND entity_id = $1`, [absent]);
    assert.match(mail?.body_text ?? '', /Lý do: Ngày nghỉ theo lịch/);
    assert.match(mail?.body_text ?? '', /Ngày 24\/11\/2026 là ngày nghỉ: Ngày Văn hóa Việt Nam \(căn cứ: Bộ luật Lao động 2019 \(sửa đổi\), Điều 112\)\./);
    assert.doesNotMatch(mail?.body_text ?? '', /Lý do: Có lý do chính đáng/, 'a day off is no "lý do chính đáng" (audit D12)');
  });
});

forEachDb('violations: migration 0830 rewrites the keys of existing violations to the fact', (getDb) => {
  it('kind-keyed keys become fact keys; retracted ones keep their suffix; a duplicate active fact keeps its row under a suffix', async () => {
    const db = await getDb();
    const w = await makeWorld(db);
    const p = w.staff.personId;
    const insert = async (key: string, kind: string, created: string) => {
      const id = randomUUID();
      await db.query(
        `INSERT INTO violations (id, person_id, unit_id, kind, source, occurred_on, title, source_key, proposed_action, created_at)
         VALUES ($1,$2,$3,$4,'ATTENDANCE','2026-01-05','t',$5,'REMINDER',$6)`,
        [id, p, w.divisionId, kind, key.replace('{id}', id), created],
      );
      return id;
    };
    const late = await insert(`att:${p}:2026-01-05:LATE:MORNING`, 'LATE', '2026-01-05T11:00:00Z');
    const old = await insert(`att:${p}:2026-01-05:ABSENT_NO_REASON:AFTERNOON#retracted:{id}`, 'ABSENT_NO_REASON', '2026-01-05T11:00:00Z');
    const a = await insert(`att:${p}:2026-01-06:ABSENT_NO_REASON:DAY`, 'ABSENT_NO_REASON', '2026-01-06T11:00:00Z');
    const b = await insert(`att:${p}:2026-01-06:LEAVE_NOT_REPORTED:DAY`, 'LEAVE_NOT_REPORTED', '2026-01-08T11:00:00Z');
    const sql = readFileSync(fileURLToPath(new URL('./migrations/0830_violation_one_fact.sql', import.meta.url)), 'utf8');
    await db.exec(sql.slice(0, sql.indexOf('-- 2.')));
    const keys = new Map((await db.query<{ id: string; source_key: string }>('SELECT id, source_key FROM violations WHERE person_id = $1', [p])).map((r) => [r.id, r.source_key]));
    assert.equal(keys.get(late), `att:${p}:2026-01-05:MORNING:ARRIVAL`);
    assert.equal(keys.get(old), `att:${p}:2026-01-05:AFTERNOON:ABSENCE#retracted:${old}`);
    assert.equal(keys.get(a), `att:${p}:2026-01-06:DAY:ABSENCE`);
    assert.equal(keys.get(b), `att:${p}:2026-01-06:DAY:ABSENCE#superseded:${b}`);
  });
});
