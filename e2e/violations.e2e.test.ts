import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { ATTENDANCE_DAY_UPDATED } from '../src/modules/attendance/attendance.events';
import { listCameras } from '../src/modules/cameras';
import { resolvePendingEvidence } from '../src/modules/violations';
import { type E2eServer, launchBrowser, loginUi, newSession, shot, startServer, type UserSession } from './helpers/browser';
import { morningDay } from '../test/helpers/attendance-day';
import { waitFor } from '../test/helpers/wait';

/**
 * Acceptance 3 of issue 6 in Debian Chromium against the real server (PGlite, demo agency, demo cameras recorded
 * from the GStreamer RTSP server): the attendance module reports Vũ Thị Lan (canbo) late; the violation opens with
 * the gate clip exported from the real recording; she sends an explanation with a PDF; the chairman sees it, plays
 * the clip inline and decides; she finds the decision in her notification centre.
 */

/** Signs in, giving the first page load more time than the shared helper does (the box may be busy recording). */
async function signIn(s: UserSession, username: string): Promise<void> {
  await s.page.goto('/login');
  await s.page.getByTestId('login-username').waitFor({ timeout: 90_000 });
  await loginUi(s, username);
}

describe('violations: explanation, evidence clip and decision (browser)', () => {
  let server: E2eServer;
  let browser: Browser;
  let staff: UserSession;
  let chairman: UserSession;
  let violationId: string;

  before(async () => {
    // The staff member's and the chairman's notification centres must hold only this story: no replayed history.
    server = await startServer({ KC_DEMO_HISTORY: 'off' });
    browser = await launchBrowser();
    const ctx = server.app.ctx;
    const gate = (await listCameras(ctx.db, { enabledOnly: true })).find((c) => c.location_type === 'GATE');
    assert.ok(gate, 'demo gate camera');
    const covered = await waitFor(
      'recorded gate footage',
      async () => {
        const r = (await ctx.db.query<{ first: Date; last: Date }>('SELECT min(started_at) AS first, max(ended_at) AS last FROM recording_segments WHERE camera_id = $1', [gate.id]))[0];
        return r?.first && r.last.getTime() - r.first.getTime() >= 25_000 ? r : undefined;
      },
      150_000,
    );
    const staffRes = (await ctx.db.query<{ id: string; unit_id: string }>(`SELECT id, unit_id FROM persons WHERE employee_code = 'TT005'`))[0];
    assert.ok(staffRes);
    const checkIn = new Date(covered.last.getTime() - 15_000);
    const start = new Date(checkIn.getTime() - 17 * 60_000);
    const day = morningDay(staffRes.id, staffRes.unit_id, 'LATE', start, checkIn);
    await ctx.bus.publish(ATTENDANCE_DAY_UPDATED, day);
    violationId = await waitFor(
      'the violation',
      async () => (await ctx.db.query<{ id: string }>(`SELECT id FROM violations WHERE person_id = $1 AND kind = 'LATE' AND retracted_at IS NULL`, [staffRes.id]))[0]?.id,
      30_000,
    );
    const r = await resolvePendingEvidence(ctx, { settleMs: 0 });
    assert.ok(r.ready >= 2, `clip and snapshot exported (${JSON.stringify(r)})`);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the staff member finds the violation and sends an explanation with a PDF', async () => {
    staff = await newSession(browser, server.url);
    await signIn(staff, 'canbo');
    const p = staff.page;
    await p.getByTestId('menu-violations').click();
    await p.getByTestId('violations-table').waitFor();
    await p.getByTestId(`violation-row-${violationId}`).click();
    await p.waitForURL(new RegExp(`/violations/${violationId}$`));
    assert.equal(await p.getByTestId('case-state').getAttribute('data-state'), 'EXPLANATION_REQUESTED');
    assert.match(await p.getByTestId('page-title').innerText(), /^Đi muộn ngày \d{2}\/\d{2}\/\d{4} \(buổi sáng\), 17 phút$/);
    await p.getByTestId('explanation-body').fill('Sáng nay xe của tôi bị hỏng trên đường, tôi đã gọi điện báo Trưởng phòng. Kèm giấy xác nhận sửa xe.');
    await p.locator('[data-testid=explain-form] input[type=file]').setInputFiles({
      name: 'giay-xac-nhan-sua-xe.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await p.getByTestId('explanation-submit').click();
    await p.locator('[data-testid=case-state][data-state=EXPLAINED]').waitFor();
    assert.match(await p.getByTestId('explanation-text').innerText(), /xe của tôi bị hỏng/);
    assert.equal(await p.getByTestId('explanation-file').innerText(), 'giay-xac-nhan-sua-xe.pdf');
    assert.equal(await p.getByTestId('explain-form').count(), 0, 'no second explanation form');
    await shot(p, 'violation-explained');
    assert.deepEqual(staff.consoleErrors, []);
  });

  it('the chairman sees the explanation, plays the evidence clip inline and decides', async () => {
    chairman = await newSession(browser, server.url);
    await signIn(chairman, 'chutich');
    const p = chairman.page;
    // The explanation arrived in the notification centre with a link to the case.
    await p.getByTestId('menu-notifications').click();
    const notice = p.getByTestId('notification').filter({ hasText: 'đã gửi giải trình' }).first();
    await notice.waitFor();
    await notice.getByRole('button').click();
    await p.waitForURL(new RegExp(`/violations/${violationId}$`));
    assert.match(await p.getByTestId('explanation-text').innerText(), /xe của tôi bị hỏng/);
    assert.equal(await p.getByTestId('discipline-panel').getAttribute('data-regime'), 'ND172_2025');

    const clip = p.getByTestId('evidence-clip');
    await clip.waitFor();
    await clip.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    await p.waitForFunction(() => {
      const v = document.querySelector('[data-testid=evidence-clip]') as HTMLVideoElement | null;
      return !!v && v.readyState >= 2 && v.currentTime > 1 && !v.error;
    }, undefined, { timeout: 30_000 });
    const played = await clip.evaluate((v: HTMLVideoElement) => ({ t: v.currentTime, w: v.videoWidth, d: v.duration }));
    assert.ok(played.w > 0 && played.d >= 20, `a real clip plays (${JSON.stringify(played)})`);
    await shot(p, 'violation-leader-clip');

    await p.getByTestId('decision-REMINDED').click();
    await p.getByTestId('decision-reason').fill('Lý do khách quan nhưng cần chủ động báo trước; nhắc nhở lần đầu.');
    await p.getByTestId('decision-submit').click();
    await p.locator('[data-testid=case-state][data-state=CLOSED]').waitFor();
    assert.match(await p.getByTestId('decision').innerText(), /Nhắc nhở/);
    assert.deepEqual(chairman.consoleErrors, []);
  });

  it('the staff member reads the decision in the notification centre', async () => {
    const p = staff.page;
    await p.getByTestId('menu-notifications').click();
    const notice = p.getByTestId('notification').filter({ hasText: 'Ý kiến xử lý: Nhắc nhở' }).first();
    await notice.waitFor();
    assert.equal(await notice.getAttribute('data-read'), 'false');
    const audit = await server.app.ctx.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = $1 OR details->>'violationId' = $1 ORDER BY seq`,
      [violationId],
    );
    const actions = audit.map((a) => a.action);
    for (const a of ['violations.open', 'workflow.explain', 'footage.view', 'workflow.decide', 'workflow.close']) assert.ok(actions.includes(a), `${a} audited`);
  });
});
