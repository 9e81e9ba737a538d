import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, type BrowserContext, devices, type Page } from 'playwright-core';
import { withExifDate } from '../web/src/offline/exif';
import { type E2eServer, launchBrowser, loginUi, newSession, shot, startServer, type UserSession } from './helpers/browser';
import { until } from '../test/helpers/wait';

/**
 * Field use of an inspection on a phone (issue 15, acceptance 3), in Debian Chromium against the real server (PGlite,
 * demo agency with its inspection of xã Thông Thụ under way; the tổ kiểm tra account is its head). Pixel 5 viewport:
 * fill the checklist online, go offline (browser context offline), attach a photo and record a per-person finding,
 * change a verdict, come back online: everything arrives exactly once (checked through the API), the photo keeps its
 * EXIF capture time. Then a camera snapshot attached as evidence verifies against its recording manifest.
 */

const PHOTO = path.resolve(import.meta.dirname, '../../shared/faces/strangers-lfw/Tara_Reid/Tara_Reid_0001.jpg');
// The capture time written into the photo's EXIF (Vietnam time, no offset tag: the reader assumes UTC+7).
const EXIF_TIME = '2026:12:07 08:05:30';
const EXIF_ISO = '2026-12-07T01:05:30.000Z';

interface Item { id: string; code: string; verdict: string | null; note: string }
interface View {
  inspection: { id: string; state: string; startedAt: string | null; targetUnitId: string };
  items: Item[];
  findings: Array<{ id: string; clientId: string; itemId: string; personId: string | null; personName: string | null; violationId: string | null }>;
  photos: Array<{ id: string; clientId: string; itemId: string | null; takenAt: string | null; sha256: string }>;
  evidence: Array<{ id: string; exportId: string; kind: string; cameraId: string; sha256: string }>;
}

const writes: string[] = [];

/** A signed-in user on a phone (Pixel 5: 393×851 CSS pixels, touch, mobile user agent). */
async function phoneSession(browser: Browser, baseURL: string): Promise<UserSession> {
  const context: BrowserContext = await browser.newContext({ ...devices['Pixel 5'], baseURL, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  // The phone's writes and their answers: shown when a wait gives up (what the queue sent and what the server said).
  page.on('response', (r) => {
    if (r.request().method() !== 'GET') writes.push(`${r.request().method()} ${new URL(r.url()).pathname} → ${r.status()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') writes.push(`console.${m.type()}: ${m.text().slice(0, 200)}`);
  });
  page.on('requestfailed', (r) => writes.push(`${r.method()} ${new URL(r.url()).pathname} ✗ ${r.failure()?.errorText ?? ''}`));
  return {
    context,
    page,
    consoleErrors,
    async api(method, url, body) {
      const csrf = (await context.cookies()).find((c) => c.name === 'kc_csrf')?.value ?? '';
      const res = await context.request.fetch(url, { method, headers: method === 'GET' ? {} : { 'x-csrf-token': csrf }, data: body });
      const text = await res.text();
      return { status: res.status(), json: text ? JSON.parse(text) : null };
    },
  };
}

async function view(s: UserSession, id: string): Promise<View> {
  const r = await s.api('GET', `/api/inspections/${id}`);
  assert.equal(r.status, 200, JSON.stringify(r.json));
  return r.json as View;
}

/** Waits until the page's queue bar shows `n` items waiting. */
async function queueIs(page: Page, n: number): Promise<void> {
  await page.locator(`[data-testid=queue-count][data-count="${n}"]`).waitFor();
}

/** Polls the server until `check` holds (the phone sends on its own once online), showing the phone's writes on failure. */
function untilSent<T>(read: () => Promise<T>, check: (v: T) => boolean, what = 'condition'): Promise<T> {
  return until(read, check, what, { timeoutMs: 240_000, everyMs: 500, detail: () => `phone writes:\n${writes.slice(-30).join('\n')}` });
}

describe('inspection field work on a phone (offline queue, camera evidence)', () => {
  let server: E2eServer;
  let browser: Browser;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fills the checklist, works offline, and everything arrives exactly once; a snapshot verifies against its manifest', async () => {
    const s = await phoneSession(browser, server.url);
    await loginUi(s, 'kiemtra');
    // A second, always-online session of the same inspector watches the server while the phone is offline.
    const watcher = await phoneSession(browser, server.url);
    await loginUi(watcher, 'kiemtra');

    const list = await s.api('GET', '/api/inspections?state=IN_PROGRESS');
    assert.equal(list.status, 200, JSON.stringify(list.json));
    const mine = (list.json as { items: Array<{ id: string; member: boolean; targetUnitName: string }> }).items.find((i) => i.member);
    assert.ok(mine, 'the demo inspection under way, with the inspector on its team');
    const id = mine.id;
    const initial = await view(s, id);
    const perPerson = initial.items.find((i) => i.code === 'ID_CARD') as Item;

    // ── Online: the whole checklist from the phone ──────────────────────────────────────────────────────────────
    await s.page.goto(`/inspections/${id}`);
    await s.page.getByTestId('checklist').waitFor();
    const viewport = s.page.viewportSize();
    assert.ok(viewport && viewport.width < 500, 'phone viewport');
    for (const item of initial.items) await s.page.getByTestId(`verdict-${item.code}-${item.code === 'ID_CARD' ? 'FAIL' : 'PASS'}`).click();
    await s.page.getByTestId('note-ID_CARD').fill('Một công chức không đeo thẻ tại Bộ phận Một cửa.');
    await queueIs(s.page, 0);
    const judged = await untilSent(
      () => view(watcher, id),
      (v) => v.items.every((i) => i.verdict !== null) && (v.items.find((i) => i.code === 'ID_CARD')?.note ?? '').includes('không đeo thẻ'),
      'the checklist on the server',
    );
    assert.equal(judged.items.find((i) => i.code === 'ID_CARD')?.verdict, 'FAIL');
    assert.equal(judged.items.filter((i) => i.verdict === 'PASS').length, initial.items.length - 1);
    await shot(s.page, 'inspection-checklist-phone');

    // ── Offline: a photo, a per-person finding, a changed verdict — all kept on the phone ──────────────────────────
    await s.context.setOffline(true);
    await s.page.locator('[data-testid=outbox-bar][data-online="false"]').waitFor();
    const jpeg = withExifDate(new Uint8Array(fs.readFileSync(PHOTO)), EXIF_TIME);
    await s.page.getByTestId('photo-input-ID_CARD').setInputFiles({ name: 'the.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpeg) });
    await queueIs(s.page, 1);

    await s.page.getByTestId('add-finding-ID_CARD').click();
    await s.page.getByTestId('finding-drawer').waitFor();
    await s.page.locator('[data-testid=finding-person]').click();
    await s.page.keyboard.type('Vũ Thị Lan');
    await s.page.locator('.ant-select-item-option', { hasText: 'Vũ Thị Lan' }).first().click();
    await s.page.getByTestId('finding-description').fill('Không đeo thẻ công chức khi tiếp công dân.');
    await s.page.getByTestId('finding-save').click();
    await queueIs(s.page, 2);

    await s.page.getByTestId('verdict-DRESS-FAIL').click();
    await queueIs(s.page, 3);
    assert.match((await s.page.getByTestId('queue-count').textContent()) ?? '', /3 mục chờ gửi/);
    await shot(s.page, 'inspection-offline-queue');

    // Nothing has reached the server while the phone is offline.
    const during = await view(watcher, id);
    assert.equal(during.findings.length, initial.findings.length);
    assert.equal(during.photos.length, initial.photos.length);
    assert.equal(during.items.find((i) => i.code === 'DRESS')?.verdict, 'PASS');

    // ── Back online: the queue empties by itself ─────────────────────────────────────────────────────────────────
    await s.context.setOffline(false);
    await queueIs(s.page, 0);
    const after1 = await untilSent(
      () => view(watcher, id),
      (v) => v.findings.length > initial.findings.length && v.photos.length > initial.photos.length && v.items.find((i) => i.code === 'DRESS')?.verdict === 'FAIL',
    );
    const newFindings = after1.findings.filter((f) => !initial.findings.some((g) => g.id === f.id));
    const newPhotos = after1.photos.filter((p) => !initial.photos.some((g) => g.id === p.id));
    assert.equal(newFindings.length, 1, 'the finding arrived once');
    assert.equal(newPhotos.length, 1, 'the photo arrived once');
    const finding = newFindings[0] as View['findings'][number];
    assert.equal(finding.itemId, perPerson.id);
    assert.match(finding.personName ?? '', /Vũ Thị Lan/);
    const photo = newPhotos[0] as View['photos'][number];
    assert.equal(photo.itemId, perPerson.id);
    assert.equal(photo.takenAt && new Date(photo.takenAt).toISOString(), EXIF_ISO, 'EXIF capture time kept');

    // Exactly once also after a reload (the queue is empty, nothing is resent) and when the device resends a
    // finding whose answer it never got (same clientId → the same record, no second one).
    await s.page.reload();
    await s.page.getByTestId('checklist').waitFor();
    const csrf = (await s.context.cookies()).find((c) => c.name === 'kc_csrf')?.value ?? '';
    const again = await s.context.request.post(`/api/inspections/${id}/findings`, {
      headers: { 'x-csrf-token': csrf },
      data: { clientId: finding.clientId, itemId: finding.itemId, personId: finding.personId, description: 'resent', observedAt: new Date().toISOString() },
    });
    assert.ok(again.status() === 200 || again.status() === 201, `resend answered ${again.status()}`);
    assert.equal(((await again.json()) as { id: string }).id, finding.id);
    const settled = await view(watcher, id);
    assert.equal(settled.findings.filter((f) => f.clientId === finding.clientId).length, 1);
    assert.equal(settled.photos.filter((p) => p.clientId === photo.clientId).length, 1);
    assert.equal(settled.findings.length, initial.findings.length + 1);
    assert.equal(settled.photos.length, initial.photos.length + 1);

    // ── Camera evidence: a snapshot of recorded footage inside the inspection window ───────────────────────────────
    await s.page.goto(`/inspections/${id}?tab=cameras`);
    await s.page.getByTestId('inspection-cameras').waitFor();
    const cams = await s.api('GET', `/api/inspections/${id}/cameras`);
    assert.equal(cams.status, 200, JSON.stringify(cams.json));
    const camList = (Array.isArray(cams.json) ? cams.json : (cams.json as { items: unknown[] }).items) as Array<{ id: string; name: string }>;
    assert.ok(camList.length > 0, 'the team may view the target unit’s cameras now');
    const camera = camList[0] as { id: string };
    const windowFrom = new Date(settled.inspection.startedAt ?? 0).getTime();
    // An instant that is recorded (a closed segment covers it) and inside the window.
    const covered = await untilSent(
      async () => {
        const now = Date.now();
        const r = await s.api('GET', `/api/cameras/${camera.id}/timeline?from=${new Date(now - 600_000).toISOString()}&to=${new Date(now).toISOString()}`);
        const cov = r.status === 200 ? (r.json as { coverage: Array<{ from: string; to: string }> }).coverage : [];
        const last = cov[cov.length - 1];
        return last ? { from: new Date(last.from).getTime(), to: new Date(last.to).getTime() } : null;
      },
      (c) => c !== null && c.to - 3000 > Math.max(c.from, windowFrom) + 1000,
    );
    const at = new Date((covered as { to: number }).to - 3000);
    at.setMilliseconds(0);
    const atText = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .format(at)
      .replace(',', '');
    const row = s.page.getByTestId(`camera-${camera.id}`);
    const picker = row.locator('[data-testid=snapshot-at] input, input[data-testid=snapshot-at]').first();
    await picker.click();
    await picker.fill(atText);
    await picker.press('Enter');
    await s.page.getByTestId(`snapshot-${camera.id}`).click();
    await s.page.getByTestId('evidence-row').first().waitFor();
    const shown = ((await s.page.getByTestId('evidence-sha').first().textContent()) ?? '').replace(/^.*?:\s*/, '').trim();
    const exportId = await s.page.getByTestId('evidence-row').first().getAttribute('data-export-id');
    assert.ok(exportId);
    await shot(s.page, 'inspection-camera-evidence');

    const evidence = (await view(watcher, id)).evidence.find((e) => e.exportId === exportId);
    assert.ok(evidence, 'the snapshot is attached to the inspection');
    assert.equal(evidence.kind, 'SNAPSHOT');
    assert.equal(evidence.sha256, shown, 'the page shows the SHA-256 of the export');
    const detail = await s.api('GET', `/api/evidence/${exportId}`);
    assert.equal(detail.status, 200, JSON.stringify(detail.json));
    const manifest = (detail.json as { manifest: { file: { sha256: string }; requested?: { from: string } } }).manifest;
    assert.equal(manifest.file.sha256, evidence.sha256);
    const file = await s.context.request.get(`/api/evidence/${exportId}/file`);
    assert.equal(file.status(), 200);
    assert.equal(createHash('sha256').update(await file.body()).digest('hex'), manifest.file.sha256, 'the file hashes to its manifest');
    const verified = await s.api('POST', `/api/evidence/${exportId}/verify`);
    assert.equal(verified.status, 200, JSON.stringify(verified.json));
    assert.equal((verified.json as { ok: boolean }).ok, true);

    assert.deepEqual(s.consoleErrors, []);
  });

  it('on a desk: list filters, minutes and conclusion as DOCX, overdue remediation, statistics with XLSX, English', async () => {
    const s = await newSession(browser, server.url);
    s.page.on('response', (r) => {
      if (r.request().method() !== 'GET') writes.push(`${r.request().method()} ${new URL(r.url()).pathname} → ${r.status()}`);
    });
    await loginUi(s, 'kiemtra');
    const list = (await s.api('GET', '/api/inspections?state=IN_PROGRESS')).json as { items: Array<{ id: string; member: boolean }> };
    const id = (list.items.find((i) => i.member) as { id: string }).id;
    // Every item judged (the phone test did it; judge the rest when this test runs alone).
    const csrf = (await s.context.cookies()).find((c) => c.name === 'kc_csrf')?.value ?? '';
    for (const item of (await view(s, id)).items.filter((i) => i.verdict === null))
      await s.context.request.put(`/api/inspections/${id}/results/${item.id}`, { headers: { 'x-csrf-token': csrf }, data: { verdict: 'PASS', note: '' } });

    // The list, filtered by state in the address bar; every row shows that state.
    await s.page.goto('/inspections?state=IN_PROGRESS');
    await s.page.getByTestId(`inspection-row-${id}`).waitFor();
    const states = await s.page.locator('[data-testid=inspections-table] [data-testid=inspection-state]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    assert.ok(states.length > 0 && states.every((x) => x === 'IN_PROGRESS'), states.join());
    await s.page.getByTestId(`inspection-row-${id}`).click();
    await s.page.getByTestId('inspection-page').waitFor();

    // Minutes, then the conclusion with one remediation already past due; both download as DOCX.
    await s.page.goto(`/inspections/${id}?tab=documents`);
    await s.page.getByTestId('minutes-rep-name').fill('Lê Văn Thành');
    await s.page.getByTestId('minutes-rep-title').fill('Chủ tịch UBND xã');
    await s.page.getByTestId('issue-minutes').click();
    await s.page.getByTestId('download-MINUTES').waitFor();
    const minutes = await Promise.all([s.page.waitForEvent('download'), s.page.getByTestId('download-MINUTES').click()]).then(([d]) => d);
    assert.match(minutes.suggestedFilename(), /\.docx$/);
    assert.equal(fs.readFileSync(await minutes.path()).subarray(0, 2).toString(), 'PK');

    await s.page.getByTestId('add-recommendation').click();
    await s.page.getByTestId('rec-text-0').fill('Chấn chỉnh việc đeo thẻ công chức khi thi hành nhiệm vụ.');
    await s.page.getByTestId('add-remediation').click();
    await s.page.getByTestId('rem-description-0').fill('Phổ biến lại quy định đeo thẻ cho toàn thể công chức.');
    const due = s.page.locator('[data-testid=rem-due-0] input, input[data-testid=rem-due-0]').first();
    await due.click();
    // A week from today (the server refuses a deadline before the conclusion date).
    const week = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(Date.now() + 7 * 86_400_000));
    await due.fill(week);
    await due.press('Enter');
    await s.page.getByTestId('signer-title').fill('Chủ tịch UBND tỉnh');
    await s.page.getByTestId('signer-name').fill('Nguyễn Văn A');
    await s.page.getByTestId('issue-conclusion').click();
    await s.page
      .getByTestId('download-CONCLUSION')
      .waitFor()
      .catch(async (e: Error) => {
        await shot(s.page, 'inspection-conclusion-failed');
        throw new Error(`${e.message}\n${writes.slice(-5).join('\n')}\n${await s.page.locator('.ant-form-item-explain-error, .ant-message').allTextContents()}`);
      });
    const concluded = await view(s, id);
    assert.ok(['REMEDIATING', 'CONCLUDED'].includes(concluded.inspection.state), concluded.inspection.state);
    await s.page.goto(`/inspections/${id}?tab=remediation`);
    await s.page.locator('[data-testid^=remediation-][data-overdue=false]').first().waitFor();
    assert.equal(await s.page.getByTestId('overdue-flag').count(), 0);
    // The deadline passes (moved back in the database, as the calendar would): the item is flagged past due.
    await server.app.ctx.db.query(`UPDATE inspection_remediations SET due_on = '2026-01-02' WHERE inspection_id = $1`, [id]);
    await s.page.reload();
    await s.page.locator('[data-testid^=remediation-][data-overdue=true]').first().waitFor();
    assert.equal(await s.page.getByTestId('overdue-flag').count(), 1);
    await shot(s.page, 'inspection-remediation');

    // Statistics: the chart and the XLSX export.
    await s.page.goto('/inspections?tab=stats');
    await s.page.getByTestId('inspection-stats').waitFor();
    await s.page.locator('[data-testid=inspection-stats] .recharts-surface').first().waitFor();
    const xlsx = await Promise.all([s.page.waitForEvent('download'), s.page.getByTestId('stats-xlsx').click()]).then(([d]) => d);
    assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
    assert.equal(fs.readFileSync(await xlsx.path()).subarray(0, 2).toString(), 'PK');
    await shot(s.page, 'inspection-stats');

    // English through the switch: the same page in English, dates still dd/MM/yyyy.
    await s.page.goto('/inspections');
    await s.page.locator('[data-testid=lang-switch]').getByText('EN').click();
    await s.page.getByRole('tab', { name: 'Statistics' }).waitFor();
    assert.match((await s.page.getByTestId('page-title').textContent()) ?? '', /Public-service inspections/);
    assert.match((await s.page.getByTestId('inspections-table').textContent()) ?? '', /\d{2}\/\d{2}\/\d{4}/);
  });
});
