import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { type E2eServer, launchBrowser, loginUi, newSession, shot, startServer, type UserSession } from './helpers/browser';

/**
 * Acceptance 3 of issue 3 in Debian Chromium against the real server (PGlite, demo agency with three weeks of
 * computed attendance): Vũ Thị Lan (TT005) was absent on her last working day and filed an annual-leave request
 * afterwards. Her unit leader (truongphong) sees the cell "absent" in the month timesheet, approves the request in
 * the inbox, and the same cell turns into "on leave".
 */
describe('attendance: approving a leave request turns an absence into leave (browser)', () => {
  let server: E2eServer;
  let browser: Browser;
  let leader: UserSession;
  let date: string;
  let unitId: string;

  before(async () => {
    server = await startServer({ KC_ATTENDANCE_TICK_SECONDS: '0' });
    browser = await launchBrowser();
    const rows = await server.app.ctx.db.query<{ start_date: string; unit_id: string }>(
      `SELECT j.start_date, j.unit_id FROM justifications j JOIN persons p ON p.id = j.person_id
        WHERE p.employee_code = 'TT005' AND j.status = 'PENDING' AND j.type = 'ANNUAL_LEAVE'`,
    );
    assert.equal(rows.length, 1, 'the demo seeds one pending leave request for TT005');
    date = rows[0]?.start_date as string;
    unitId = rows[0]?.unit_id as string;
    leader = await newSession(browser, server.url);
    await loginUi(leader, 'truongphong');
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const cell = () => leader.page.getByTestId(`ts-cell-TT005-${date}`);
  const openTimesheet = async () => {
    await leader.page.goto(`/attendance?unitId=${unitId}&month=${date.slice(0, 7)}`);
    await leader.page.getByTestId('ts-table').waitFor();
    await cell().waitFor();
  };

  // Audit D3: this used to expect ABSENT_NO_REASON ('V') while the leave waited for the leader; a day a pending
  // request covers is "Chờ hợp thức hóa" (AWAITING_JUSTIFICATION, grid code 'CH').
  it('shows the day as awaiting justification in the month timesheet', async () => {
    await openTimesheet();
    assert.equal(await cell().getAttribute('data-status'), 'AWAITING_JUSTIFICATION');
    assert.equal((await cell().innerText()).trim(), 'CH');
    await shot(leader.page, 'attendance-1-absent');
  });

  it('the leader approves the request in the inbox', async () => {
    await leader.page.goto('/leave');
    const approve = leader.page.getByTestId('rq-approve-TT005');
    await approve.waitFor();
    await approve.click();
    await leader.page.getByTestId('rq-approve-confirm').click();
    await leader.page.getByText('Đã duyệt đơn.').waitFor();
    await shot(leader.page, 'attendance-2-approved');
  });

  it('the same cell now reads "on leave"', async () => {
    await openTimesheet();
    await leader.page.waitForFunction(
      (testId) => document.querySelector(`[data-testid="${testId}"]`)?.getAttribute('data-status') === 'ON_LEAVE',
      `ts-cell-TT005-${date}`,
    );
    assert.equal((await cell().innerText()).trim(), 'P');
    assert.deepEqual(leader.consoleErrors, []);
    await shot(leader.page, 'attendance-3-on-leave');
  });
});
