import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDb } from '../../../test/helpers/db';
import type { Db } from '../../platform/ports/db';
import { applyAttendanceDay } from '../violations';
import { lateDay, makeWorld, type World } from '../violations/test/fixtures';
import { createSmtpTransport, deliverDueEmails, type MailTransport } from './mailer';
import { enqueueEmail } from './notifications.repo';
import { parseMail } from './test/mime';
import { type Received, startSmtp } from './test/smtp';

forEachDb('notifications: e-mail through a real SMTP server', (getDb) => {
  let db: Db;
  let w: World;
  let transport: MailTransport;
  const smtp = startSmtp(2);
  const FROM = 'Kỷ Cương <kycuong@ubnd.example.vn>';

  before(async () => {
    db = await getDb();
    w = await makeWorld(db);
    const port = await smtp.listen();
    transport = createSmtpTransport({ host: '127.0.0.1', port, secure: false, auth: undefined });
  });
  after(async () => {
    transport.close();
    await smtp.close();
  });

  it('delivers the violation notice to the person in Vietnamese after two temporary failures, with backoff and a delivery log', async () => {
    const t0 = new Date('2026-11-02T03:00:00Z');
    await applyAttendanceDay(db, lateDay(w, '2026-11-02', 14), t0);
    const [queued] = await db.query<{ id: string }>(`SELECT id FROM email_outbox WHERE template = 'violation_opened'`);
    const id = (queued as { id: string }).id;

    assert.deepEqual(await deliverDueEmails(db, transport, { from: FROM, now: t0 }), { sent: 0, retried: 1, failed: 0 });
    // Not due again before the first backoff (1 minute) has passed.
    assert.deepEqual(await deliverDueEmails(db, transport, { from: FROM, now: new Date(t0.getTime() + 30_000) }), { sent: 0, retried: 0, failed: 0 });
    assert.deepEqual(await deliverDueEmails(db, transport, { from: FROM, now: new Date(t0.getTime() + 61_000) }), { sent: 0, retried: 1, failed: 0 });
    const [row] = await db.query<{ next_attempt_at: Date; attempts: number }>('SELECT next_attempt_at, attempts FROM email_outbox WHERE id = $1', [id]);
    assert.equal(row?.attempts, 2);
    assert.equal(row?.next_attempt_at.getTime(), t0.getTime() + 61_000 + 120_000, 'second retry waits 2 minutes');
    assert.deepEqual(await deliverDueEmails(db, transport, { from: FROM, now: new Date(t0.getTime() + 200_000) }), { sent: 1, retried: 0, failed: 0 });

    const log = await db.query<{ attempt: number; ok: boolean; error: string | null }>('SELECT attempt, ok, error FROM email_delivery_log WHERE outbox_id = $1 ORDER BY attempt', [id]);
    assert.deepEqual(log.map((l) => [l.attempt, l.ok]), [[1, false], [2, false], [3, true]]);
    assert.match(log[0]?.error ?? '', /451|Try again later/);

    assert.equal(smtp.received.length, 1);
    const mail = smtp.received[0] as Received;
    assert.deepEqual(mail.to, [w.staff.email]);
    assert.equal(mail.from, 'kycuong@ubnd.example.vn');
    const parsed = parseMail(mail.raw);
    assert.equal(parsed.headers.get('subject'), '[Kỷ Cương] Thông báo vi phạm: Đi muộn ngày 02/11/2026');
    assert.equal(parsed.headers.get('to'), `Nguyễn Văn Đức <${w.staff.email}>`);
    assert.match(parsed.text, /Kính gửi ông\/bà Nguyễn Văn Đức,/);
    assert.match(parsed.text, /Giờ vào: 07:44 \(buổi sáng, muộn 14 phút\)\./);
    // No regulation is adopted in this world: the notice says the system default applies (audit D7); it used to
    // claim "theo quy chế của đơn vị".
    assert.match(parsed.text, /Đây là lần thứ 1 trong kỳ 11\/2026\. Biện pháp đề xuất theo mặc định của hệ thống \(đơn vị chưa ban hành quy chế\): Nhắc nhở\./);
    assert.match(parsed.text, /nhắc nhở, kiểm điểm là biện pháp quản lý, không phải hình thức kỷ luật/);
    assert.match(parsed.html, /<p>Kính gửi ông\/bà Nguyễn Văn Đức,<\/p>/);
  });

  it('gives up after max attempts on a permanent rejection and keeps the failure in the log', async () => {
    const t0 = new Date('2026-11-03T03:00:00Z');
    await enqueueEmail(db, { to: 'noone@blocked.example', subject: 'Thử nghiệm', text: 'Nội dung', template: 'test', maxAttempts: 2 }, t0);
    assert.deepEqual(await deliverDueEmails(db, transport, { from: FROM, now: t0 }), { sent: 0, retried: 1, failed: 0 });
    assert.deepEqual(await deliverDueEmails(db, transport, { from: FROM, now: new Date(t0.getTime() + 60_000) }), { sent: 0, retried: 0, failed: 1 });
    const [row] = await db.query<{ status: string; attempts: number; last_error: string }>(`SELECT status, attempts, last_error FROM email_outbox WHERE to_address = 'noone@blocked.example'`);
    assert.equal(row?.status, 'FAILED');
    assert.equal(row?.attempts, 2);
    assert.match(row?.last_error ?? '', /550|Mailbox unavailable|recipients/i);
    assert.deepEqual(await deliverDueEmails(db, transport, { from: FROM, now: new Date(t0.getTime() + 86_400_000) }), { sent: 0, retried: 0, failed: 0 });
  });
});
