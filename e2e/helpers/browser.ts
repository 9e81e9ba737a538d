import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type RunningApp, runApp } from '../../src/app/run';
import { loadConfig } from '../../src/config/config';

export const DEMO_PASSWORD = 'KyCuong@2026';
/** The build the server will serve (KC_WEB_DIST, or web/dist). */
const WEB_DIST = loadConfig().webDist;
const ROOT = path.resolve(path.dirname(WEB_DIST), '..');

/** The built web app is what the server serves; build it once when a plain test run finds none. */
export function ensureWebBuilt(): void {
  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) return;
  const vite = path.join(ROOT, 'node_modules', '.bin', 'vite');
  const built = spawnSync(vite, ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('vite build failed');
}

export interface E2eServer {
  app: RunningApp;
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/** The real server (embedded PGlite, demo agency) on a random port with a throw-away data directory. */
export async function startServer(env: Record<string, string> = {}): Promise<E2eServer> {
  ensureWebBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-e2e-'));
  const app = await runApp(loadConfig({ KC_DATA_DIR: dataDir, KC_PORT: '0', KC_LOG_LEVEL: 'silent', ...env }), { seedDemo: true });
  return {
    app,
    url: app.url,
    dataDir,
    async close() {
      await app.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `extraArgs` e.g. Chromium's fake camera flags for webcam tests. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.KC_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', ...extraArgs],
  });
}

export interface UserSession {
  context: BrowserContext;
  page: Page;
  /** Console errors other than the expected 401 of the first /api/auth/me (CSP violations would show here). */
  consoleErrors: string[];
  api(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<{ status: number; json: unknown }>;
}

export async function newSession(browser: Browser, baseURL: string): Promise<UserSession> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
  // Generous waits: the suite shares two cores with other suites; nothing here asserts on time.
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('401 (Unauthorized)')) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  return {
    context,
    page,
    consoleErrors,
    // Same cookie jar as the page: these are calls "from the browser" of this user, CSRF header included.
    async api(method, url, body) {
      const cookies = await context.cookies();
      const csrf = cookies.find((c) => c.name === 'kc_csrf')?.value ?? '';
      const res = await context.request.fetch(url, {
        method,
        headers: method === 'GET' ? {} : { 'x-csrf-token': csrf },
        data: body === undefined ? undefined : body,
      });
      const text = await res.text();
      return { status: res.status(), json: text ? JSON.parse(text) : null };
    },
  };
}

/** Signs in through the login form and waits for the shell. */
export async function loginUi(s: UserSession, username: string, password = DEMO_PASSWORD): Promise<void> {
  await s.page.goto('/login');
  await s.page.getByTestId('login-username').fill(username);
  await s.page.getByTestId('login-password').fill(password);
  await s.page.getByTestId('login-submit').click();
  // The header, not the side menu: on a phone the menu takes no width until opened.
  await s.page.getByTestId('current-user').waitFor();
}

/** The module keys the sider shows, in order. */
export async function menuKeys(page: Page): Promise<string[]> {
  const ids = await page.locator('[data-testid=side-menu] [data-testid^="menu-"]').evaluateAll((els) =>
    els.map((e) => e.getAttribute('data-testid') ?? ''),
  );
  return ids.map((id) => id.replace(/^menu-/, ''));
}

/** Optional screenshots for a human to look at: KC_E2E_SHOTS=/some/dir. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.KC_E2E_SHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}
