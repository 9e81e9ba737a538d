import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDb } from '../../../test/helpers/db';
import type { Db } from '../../platform/ports/db';
import { createSmtpTransport, deliverDueEmails, type MailTransport } from '../notifications';
import { parseMail } from '../notifications/test/mime';
import { startSmtp } from '../notifications/test/smtp';
import { applyAttendanceDay } from '../violations';
import { lateDay, makeWorld, type World } from '../violations/test/fixtures';
import { sendDailyDigest } from './digest';

forEachDb('reports: the leaders’ daily digest by e-mail through a real SMTP server', (getDb) => {
  let db: Db;
  let w: World;
  let transport: MailTransport;
  const smtp = startSmtp(0);
  const FROM = 'Kỷ Cương <kycuong@ubnd.example.vn>';

  before(async () => {
    db = await getDb();
    w = await makeWorld(db);
    const port = await smtp.listen();
    transport = createSmtpTransport({ host: '127.0.0.1', port, secure: false, auth: undefined });
    // The day the digest reports on: the staff member came in 14 minutes late.
    await applyAttendanceDay(db, lateDay(w, '2026-11-02', 14), new Date('2026-11-02T03:00:00Z'));
  });
  after(async () => {
    transport.close();
    await smtp.close();
  });

  it('sends the daily digest to the leaders of the unit once, in Vietnamese', async () => {
    const now = new Date('2026-11-02T10:00:00Z');
    assert.equal((await sendDailyDigest(db, '2026-11-02', now)).leaders, 2);
    assert.equal((await sendDailyDigest(db, '2026-11-02', now)).leaders, 2, 'a rerun finds the same leaders');
    await deliverDueEmails(db, transport, { from: FROM, now });
    const digests = smtp.received.filter((m) => parseMail(m.raw).headers.get('subject')?.includes('Tổng hợp'));
    assert.deepEqual(digests.map((d) => d.to[0]).sort(), [w.chairman.email, w.head.email].sort(), 'one digest per leader despite the rerun');
    const parsed = parseMail(digests[0]?.raw ?? '');
    assert.equal(parsed.headers.get('subject'), '[Kỷ Cương] Tổng hợp kỷ luật, kỷ cương ngày 02/11/2026');
    assert.match(parsed.text, /Ngày 02\/11\/2026 có 1 vi phạm mới: Đi muộn 1\./);
    const inApp = await db.query(`SELECT 1 FROM notifications WHERE kind = 'daily_digest' AND user_id = $1`, [w.chairman.userId]);
    assert.equal(inApp.length, 1);
  });
});
