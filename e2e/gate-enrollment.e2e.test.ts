import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { celebaIdentities, facesAvailable, MODELS, photosWithFaces, walkingFrames } from '../test/helpers/gate-frames';
import { GatePipeline, recognitionRuntime } from '../src/modules/recognition';
import { type E2eServer, launchBrowser, loginUi, newSession, shot, startServer } from './helpers/browser';

const skip = facesAvailable ? false : 'needs ../shared/faces and ../shared/models';

/**
 * Browser (Debian Chromium) against the real server: the Chief of Office opens an enrollment period for the gate
 * camera on the page, a staff member passes the gate twice (frames fed to a gate pipeline in the server process),
 * the page shows the person's group with face thumbnails; assigning it to someone without consent is refused in the
 * dialog (Vietnamese message), assigning it to the consenting person creates her gate templates.
 */
describe('gate-camera enrollment page in the browser', { skip }, () => {
  let server: E2eServer;
  let browser: Browser;

  before(async () => {
    // Without the installed models the server would run the npm-shipped engine, whose detector finds "faces" in the
    // demo test pattern.
    server = await startServer({ KC_FACE_MODELS_DIR: MODELS, KC_FACE_THREADS: '1' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens a period, shows a group with thumbnails and assigns it to a consenting staff member', async () => {
    const s = await newSession(browser, server.url);
    await loginUi(s, 'chanhvp');
    const { page } = s;
    const ctx = server.app.ctx;
    const lan = (await ctx.db.query<{ id: string }>('SELECT id FROM persons WHERE full_name = $1', ['Vũ Thị Lan']))[0]?.id as string;
    const consent = await s.api('POST', '/api/recognition/consents', { personId: lan, decision: 'GIVEN', noticeVersion: 'TB-2026-01', method: 'SIGNED_FORM' });
    assert.equal(consent.status, 201);

    // From the faces page to gate enrollment, then open a period for the gate camera in the dialog.
    await page.goto('/faces');
    await page.getByTestId('faces-gate-link').click();
    await page.getByTestId('gate-open').click();
    await page.getByTestId('gate-open-camera').click();
    await page.locator('.ant-select-item-option', { hasText: 'Cổng chính' }).first().click();
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('[data-testid=gate-periods] [data-state=COLLECTING]').waitFor();
    const period = (await ctx.db.query<{ id: string; camera_id: string; unit_id: string }>('SELECT id, camera_id, unit_id FROM face_enrollment_periods'))[0];
    assert.ok(period, 'the period is stored');

    // Vũ Thị Lan passes the gate twice; nobody is enrolled, so both passes go to one enrollment group.
    const engine = await recognitionRuntime(ctx).engine();
    // Camera time: frames 200 ms apart, the two passes 10 minutes apart (the gate merges a pass that follows within
    // seconds, and folds a repeat within the unit's debounce window, into the first one).
    const clock = { ms: Date.now() - 30 * 60_000 };
    const gate = new GatePipeline(
      { db: ctx.db, blobs: ctx.blobs, engine, punch: recognitionRuntime(ctx).punch, now: () => new Date(clock.ms) },
      { id: period.camera_id, unitId: period.unit_id, direction: 'IN' },
    );
    const photos = await photosWithFaces(engine, celebaIdentities()[40] as string[], 5);
    for (const set of [photos.slice(0, 4), photos.slice(1, 5)]) {
      for (const frame of walkingFrames(set)) {
        clock.ms += 200;
        await gate.handleFrame({ at: new Date(clock.ms), width: frame.width, height: frame.height, rgb: frame.data });
      }
      clock.ms += 5000;
      await gate.flush(clock.ms);
      clock.ms += 10 * 60_000;
    }
    const groupIds = new Set(gate.recent.map((r) => r.enrollmentGroupId));
    assert.equal(groupIds.size, 1, JSON.stringify(gate.recent.map((r) => [r.verdict.kind, r.enrollmentGroupId])));
    const groupId = [...groupIds][0] as string;

    await page.getByTestId('gate-view').first().click();
    const group = page.locator(`[data-testid=gate-group][data-group="${groupId}"]`);
    await group.waitFor();
    const thumbs = group.getByTestId('gate-thumb');
    assert.ok((await thumbs.count()) >= 3, 'several faces per group');
    await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await thumbs.first().elementHandle());
    await shot(page, 'gate-enrollment-group');

    // Someone without recorded consent is refused, in the dialog, in Vietnamese.
    await group.getByTestId('gate-assign').click();
    const pick = async (name: string) => {
      await page.getByTestId('gate-assign-person').click();
      await page.keyboard.type(name);
      await page.locator('.ant-select-item-option', { hasText: name }).first().click();
    };
    await pick('Trần Đức Minh');
    await page.getByTestId('gate-assign-ok').click();
    const refusal = page.getByTestId('gate-assign-error');
    await refusal.waitFor();
    assert.equal(await refusal.getAttribute('data-code'), 'CONSENT_REQUIRED');
    assert.match(await refusal.innerText(), /Chưa có sự đồng ý/);

    await page.getByTestId('gate-assign-person').locator('.ant-select-clear').click({ force: true }).catch(() => undefined);
    await pick('Vũ Thị Lan');
    await page.getByTestId('gate-assign-ok').click();
    await page.getByText(/Đã tạo \d+ mẫu khuôn mặt/).waitFor();
    await shot(page, 'gate-enrollment-after-assign');
    await group.waitFor({ state: 'detached' });
    await shot(page, 'gate-enrollment-assigned');

    const templates = await ctx.db.query<{ source: string; source_camera_id: string | null }>('SELECT source, source_camera_id FROM face_templates WHERE person_id = $1', [lan]);
    assert.ok(templates.some((t) => t.source === 'GATE' && t.source_camera_id === period.camera_id), JSON.stringify(templates));
    assert.ok(templates.some((t) => t.source === 'SYNTHETIC_MASK'));
    // The refused request is the only console error (the browser logs every 4xx response).
    assert.deepEqual(s.consoleErrors.filter((e) => !e.includes('409')), []);
  });
});
