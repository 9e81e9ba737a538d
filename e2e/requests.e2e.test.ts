import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { personPlans } from '../src/modules/attendance/plans';
import { addDays, formatDateVi, localDateOf } from '../src/platform/time';
import { type E2eServer, launchBrowser, loginUi, newSession, shot, startServer, type UserSession } from './helpers/browser';

/**
 * The requests people make every day (issue 13) in Debian Chromium against the real server: Vũ Thị Lan (canbo,
 * TT005) asks in advance for permission to arrive late (date and a from–to time range), and asks to void a punch of
 * a past day picked from that day's punches; her head of unit (truongphong) approves both from his inbox, where the
 * buttons appear because the server says he may decide.
 */
describe('requests: late-arrival permission and punch correction through the forms (browser)', () => {
  let server: E2eServer;
  let browser: Browser;
  let staff: UserSession;
  let leader: UserSession;
  let ahead: string;
  let past: string;

  before(async () => {
    server = await startServer({ KC_ATTENDANCE_TICK_SECONDS: '0' });
    browser = await launchBrowser();
    const db = server.app.ctx.db;
    const [p] = await db.query<{ id: string }>("SELECT id FROM persons WHERE employee_code = 'TT005'");
    const today = localDateOf(new Date());
    const plans = await personPlans(db, p?.id as string, addDays(today, 1), addDays(today, 14));
    ahead = plans.find((d) => d.sessions.length === 2)?.date as string;
    assert.ok(ahead, 'a working day ahead');
    const [last] = await db.query<{ d: string }>(
      `SELECT to_char(max(at AT TIME ZONE 'Asia/Ho_Chi_Minh'), 'YYYY-MM-DD') AS d FROM punches WHERE person_id = $1 AND at < now() - interval '1 day'`,
      [p?.id],
    );
    past = last?.d as string;
    assert.ok(past, 'the demo has punches of hers');
    staff = await newSession(browser, server.url);
    leader = await newSession(browser, server.url);
    await loginUi(staff, 'canbo');
    await loginUi(leader, 'truongphong');
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const typeDate = async (s: UserSession, testId: string, date: string) => {
    const input = s.page.getByTestId(testId);
    await input.click();
    await input.fill(formatDateVi(date));
    await input.press('Enter');
  };

  it('she files a late-arrival permission with a time range', async () => {
    await staff.page.goto('/leave?box=mine&kind=permission');
    await staff.page.getByTestId('rq-new').hover();
    await staff.page.getByText('Đơn xin đi muộn, về sớm').click();
    await typeDate(staff, 'perm-date', ahead);
    const range = staff.page.locator('.ant-modal .ant-picker-range input');
    await range.nth(0).click();
    await range.nth(0).fill('07:30');
    await range.nth(0).press('Enter');
    await range.nth(1).fill('08:30');
    await range.nth(1).press('Enter');
    await staff.page.getByTestId('perm-reason').fill('Đưa con đi tiêm chủng theo lịch của trạm y tế');
    await shot(staff.page, 'requests-0-permission-form');
    await staff.page.getByRole('button', { name: 'Gửi đơn' }).click();
    await staff.page.getByText('Đã gửi đơn, chờ duyệt.').waitFor();
    await staff.page.getByText('07:30–08:30').waitFor();
    await shot(staff.page, 'requests-1-permission-filed');
    // Her own request offers no approval to her.
    assert.equal(await staff.page.getByTestId('rq-approve-TT005').count(), 0);
  });

  it('she asks to void a punch picked from the day', async () => {
    await staff.page.goto('/leave?box=mine&kind=correction');
    await staff.page.getByTestId('rq-new').hover();
    await staff.page.getByText('Đơn điều chỉnh chấm công').click();
    await staff.page.getByText('Hủy lượt chấm công sai').click();
    await typeDate(staff, 'corr-date', past);
    const first = staff.page.locator('[data-testid=corr-punches] input[type=radio]:not([disabled])').first();
    await first.waitFor({ state: 'attached' });
    await first.check({ force: true });
    await staff.page.getByTestId('corr-reason').fill('Lượt này là của người khác, tôi đang đi công tác');
    await shot(staff.page, 'requests-1-correction-form');
    await staff.page.getByRole('button', { name: 'Gửi đơn' }).click();
    await staff.page.getByText('Đã gửi đơn, chờ duyệt.').waitFor();
    await staff.page.getByTestId('corr-table').getByText('Vũ Thị Lan').first().waitFor();
    await shot(staff.page, 'requests-2-correction-filed');
  });

  it('the head of unit approves both from his inbox', async () => {
    await leader.page.goto('/leave?box=inbox&kind=permission');
    await leader.page.getByTestId('rq-approve-TT005').click();
    await leader.page.getByTestId('rq-approve-confirm').click();
    await leader.page.getByText('Đã duyệt đơn.').waitFor();
    await leader.page.goto('/leave?box=inbox&kind=correction');
    await leader.page.getByTestId('corr-approve-TT005').click();
    await leader.page.locator('.ant-popconfirm .ant-btn-primary').click();
    await leader.page.getByText('Đã duyệt đơn.').waitFor();
    const rows = await server.app.ctx.db.query<{ status: string }>(
      `SELECT c.status FROM punch_corrections c JOIN persons p ON p.id = c.person_id WHERE p.employee_code = 'TT005'`,
    );
    assert.deepEqual(rows.map((r) => r.status), ['APPROVED']);
    assert.deepEqual(staff.consoleErrors, []);
    assert.deepEqual(leader.consoleErrors, []);
    await shot(leader.page, 'requests-3-approved');
  });
});
