import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { FakeOnvifDevice } from '../test/onvif/fake-onvif-device';
import { type E2eServer, launchBrowser, loginUi, newSession, shot, startServer, type UserSession } from './helpers/browser';

/**
 * Camera administration in Debian Chromium against the real server (PGlite, demo agency, demo cameras): a manager
 * draws a privacy mask on the camera picture and saves it, and a viewer without footage.raw sees that area black on
 * the live wall; a leader grants a staff member live viewing, who then watches through the notice's link, and a
 * revocation stops the open view and the stream answers 403; ONVIF discovery (a fake device answering on 127.0.0.1,
 * the probe target set by KC_ONVIF_PROBE_ADDRESS) fills in the add-camera form.
 */
interface CameraItem {
  id: string;
  locationType: string;
  privacyMasks: number[][][];
  health: { state: string };
}

async function cameras(s: UserSession): Promise<CameraItem[]> {
  const r = await s.api('GET', '/api/cameras');
  assert.equal(r.status, 200);
  return (r.json as { items: CameraItem[] }).items;
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Waits until the camera's <video> plays and returns currentTime twice, 2.5 s apart. */
async function playing(page: Page, cameraId: string): Promise<{ first: number; second: number }> {
  const video = page.locator(`[data-testid=live-video][data-camera="${cameraId}"]`).first();
  await video.waitFor();
  await page.waitForFunction(
    (id) => {
      const v = document.querySelector(`[data-testid=live-video][data-camera="${id}"]`) as HTMLVideoElement | null;
      return !!v && v.readyState >= 2 && v.currentTime > 0;
    },
    cameraId,
    { timeout: 60_000 },
  );
  const first = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
  await page.waitForTimeout(2500);
  return { first, second: await video.evaluate((v: HTMLVideoElement) => v.currentTime) };
}

/**
 * Brightest pixel (mean of R, G, B) in a 40×40 patch of the decoded frame at each normalised spot. The parking demo
 * feed is sparse bright cells on a near-black ground, so "not masked" means "some bright pixel", not a bright mean.
 */
async function brightest(page: Page, cameraId: string, spots: Array<[number, number]>): Promise<number[]> {
  const video = page.locator(`[data-testid=live-video][data-camera="${cameraId}"]`).first();
  return video.evaluate((v: HTMLVideoElement, at: Array<[number, number]>) => {
    const c = document.createElement('canvas');
    c.width = v.videoWidth;
    c.height = v.videoHeight;
    const g = c.getContext('2d') as CanvasRenderingContext2D;
    g.drawImage(v, 0, 0);
    return at.map(([x, y]) => {
      const d = g.getImageData(Math.round(c.width * x), Math.round(c.height * y), 40, 40).data;
      let max = 0;
      for (let i = 0; i < d.length; i += 4) max = Math.max(max, ((d[i] as number) + (d[i + 1] as number) + (d[i + 2] as number)) / 3);
      return max;
    });
  }, spots);
}

const unexpected = (errors: string[]) => errors.filter((e) => !/favicon|Failed to load resource/.test(e));

describe('camera administration (browser)', () => {
  let server: E2eServer;
  let browser: Browser;
  let dev: FakeOnvifDevice;

  before(async () => {
    dev = await FakeOnvifDevice.start();
    server = await startServer({ KC_ONVIF_PROBE_ADDRESS: '127.0.0.1', KC_ONVIF_PROBE_PORT: String(dev.udpPort) });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await dev?.stop();
  });

  it('a manager draws a mask on the camera picture and saves it; a viewer without footage.raw sees it black', async () => {
    const s = await newSession(browser, server.url);
    await loginUi(s, 'chanhvp');
    const park = (await cameras(s)).find((c) => c.locationType === 'PARKING') as CameraItem;
    assert.deepEqual(park.privacyMasks, []);
    await until('parking camera online', async () => ((await cameras(s)).find((c) => c.id === park.id)?.health.state === 'ONLINE' ? true : undefined));
    const { page } = s;
    await page.goto('/cameras');
    await page.getByTestId(`camera-masks-${park.id}`).click();
    await page.getByTestId('mask-editor').waitFor();
    await page.getByTestId('mask-snapshot-load').click();
    await page.getByTestId('mask-snapshot').waitFor({ timeout: 60_000 });

    const canvas = page.getByTestId('mask-canvas');
    const box = (await canvas.boundingBox()) as { x: number; y: number; width: number; height: number };
    const at = ([fx, fy]: [number, number]) => page.mouse.click(box.x + fx * box.width, box.y + fy * box.height);
    const corners: Array<[number, number]> = [[0.1, 0.15], [0.5, 0.15], [0.5, 0.6], [0.1, 0.6]];
    for (const c of corners) await at(c);
    await at([0.9, 0.9]); // a stray click, taken back
    assert.equal(await page.locator('[data-testid^=mask-draft-point-]').count(), 5);
    await page.getByTestId('mask-undo').click();
    assert.equal(await page.locator('[data-testid^=mask-draft-point-]').count(), 4);
    await page.getByTestId('mask-close').click();
    assert.equal(await page.getByTestId('mask-count').getAttribute('data-count'), '1');
    // The preview paints the polygon as a masked viewer will see it: opaque black.
    await page.getByTestId('mask-preview').click();
    assert.equal(await page.getByTestId('mask-polygon-0').getAttribute('fill'), '#000');
    await shot(page, 'mask-editor-preview');
    await page.getByTestId('camera-save').click();
    await page.getByTestId('camera-drawer').waitFor({ state: 'hidden' });
    await page.locator(`[data-testid=camera-mask-count-${park.id}][data-count="1"]`).waitFor();

    const saved = (await cameras(s)).find((c) => c.id === park.id) as CameraItem;
    assert.equal(saved.privacyMasks.length, 1);
    const poly = saved.privacyMasks[0] as number[][];
    assert.equal(poly.length, 4);
    poly.forEach(([x, y], i) => {
      const [ex, ey] = corners[i] as [number, number];
      assert.ok(Math.abs((x as number) - ex) < 0.01 && Math.abs((y as number) - ey) < 0.01, `corner ${i}: ${x},${y}`);
    });
    assert.deepEqual(unexpected(s.consoleErrors), []);

    // noivu watches live but lacks footage.raw: the masked relay, black inside the polygon.
    const viewer = await newSession(browser, server.url);
    await loginUi(viewer, 'noivu');
    await viewer.page.goto('/live');
    const t = await playing(viewer.page, park.id);
    assert.ok(t.second > t.first, `currentTime advanced from ${t.first} to ${t.second}`);
    assert.equal(await viewer.page.locator(`[data-testid=live-video][data-camera="${park.id}"]`).first().getAttribute('data-masked'), 'true');
    // Inside the polygon (x 0.1–0.5, y 0.15–0.6) nothing lights up; beside it the cells of the picture do.
    const [inside, outside] = (await brightest(viewer.page, park.id, [[0.25, 0.3], [0.7, 0.3]])) as [number, number];
    assert.ok(inside < 30, `masked area is black (brightest ${inside})`);
    assert.ok(outside > 80, `the rest shows the picture (brightest ${outside})`);
    await shot(viewer.page, 'live-masked-by-editor');
  });

  it('a leader grants live viewing; the grantee watches; a revocation stops the view and the stream answers 403', async () => {
    const leader = await newSession(browser, server.url);
    await loginUi(leader, 'chutich');
    const gate = (await cameras(leader)).find((c) => c.locationType === 'GATE') as CameraItem;
    const grantee = await newSession(browser, server.url);
    await loginUi(grantee, 'truongphong');
    assert.equal((await grantee.context.request.get(`/api/cameras/${gate.id}/live`)).status(), 403);
    assert.equal(await grantee.page.getByTestId('menu-live').count(), 0);

    const { page } = leader;
    await page.goto('/cameras');
    await page.getByTestId(`camera-grants-${gate.id}`).click();
    await page.getByTestId('grants-drawer').waitFor();
    await page.getByTestId('grant-user').click();
    await page.keyboard.type('Hoàng');
    await page.locator('.ant-select-item-option', { hasText: 'Hoàng Văn Nam' }).first().click();
    await page.getByTestId('grant-reason').fill('Trực cổng thay lãnh đạo trong tuần');
    await page.getByTestId('grant-submit').click();
    await page.getByTestId('grant-row-truongphong').waitFor();
    await shot(page, 'grants-panel');

    // The grantee follows the link of the grant notice.
    const notes = await grantee.api('GET', '/api/notifications');
    assert.ok(JSON.stringify(notes.json).includes(`/live/shared?camera=${gate.id}`), 'the notice links to the camera');
    await grantee.page.goto(`/live/shared?camera=${gate.id}`);
    const t = await playing(grantee.page, gate.id);
    assert.ok(t.second > t.first, `grantee video plays (${t.first} → ${t.second})`);

    await page.getByTestId('grant-revoke-truongphong').click();
    await page.getByTestId('revoke-reason').fill('Lãnh đạo đã về cơ quan');
    await page.getByTestId('revoke-confirm').click();
    await page.getByTestId('grant-row-truongphong').waitFor({ state: 'detached' });

    await grantee.page.locator(`[data-testid=live-video][data-camera="${gate.id}"][data-status=revoked]`).waitFor({ timeout: 15_000 });
    assert.match((await grantee.page.getByTestId('live-status').first().textContent()) ?? '', /thu hồi/);
    const res = await grantee.context.request.get(`/api/cameras/${gate.id}/live`);
    assert.equal(res.status(), 403);
    assert.equal(((await res.json()) as { code: string }).code, 'FORBIDDEN');
    await shot(grantee.page, 'live-revoked');
    assert.deepEqual(unexpected(leader.consoleErrors), []);
  });

  it('ONVIF discovery lists the device and fills in the add-camera form', async () => {
    const s = await newSession(browser, server.url);
    await loginUi(s, 'chanhvp');
    const { page } = s;
    await page.goto('/cameras');
    await page.getByTestId('camera-discover').click();
    const row = page.getByTestId('discovery-row-127.0.0.1');
    await row.waitFor({ timeout: 30_000 });
    assert.match((await row.textContent()) ?? '', /Camera cổng phụ.*DS-2CD2143G2-I.*Thông Thụ, cổng phụ/);
    await row.getByTestId('discovery-pick').click();
    await page.getByTestId('onvif-username').fill('admin');
    await page.getByTestId('onvif-password').fill('sai-mat-khau');
    await page.getByTestId('onvif-fetch').click();
    await page.getByTestId('onvif-error').waitFor();
    assert.match((await page.getByTestId('onvif-error').textContent()) ?? '', /từ chối/);
    await page.getByTestId('onvif-password').fill('Cam@2026');
    await page.getByTestId('onvif-fetch').click();
    await page.getByTestId('onvif-profiles').waitFor();
    await shot(page, 'onvif-discovery');
    await page.getByTestId('onvif-use').click();
    await page.getByTestId('camera-drawer').waitFor();
    assert.equal(await page.getByTestId('camera-name').inputValue(), 'Camera cổng phụ');
    assert.equal(await page.getByTestId('camera-url').inputValue(), 'rtsp://127.0.0.1:8554/Streaming/Channels/101');
    assert.equal(await page.getByTestId('camera-sub-url').inputValue(), 'rtsp://127.0.0.1:8554/Streaming/Channels/102');
    assert.equal(await page.getByTestId('camera-username').inputValue(), 'admin');
    assert.deepEqual(unexpected(s.consoleErrors), []);
  });
});
