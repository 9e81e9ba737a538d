import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { type AppProcess, startKycuong } from '../../../test/resilience/processes';
import { freePort } from '../../../test/rtsp/rtsp-server';
import { dbKinds } from '../../../test/helpers/db';
import { waitFor } from '../../../test/helpers/wait';
import { openPglite } from '../../platform/adapters/db-pglite';
import { openPostgres } from '../../platform/adapters/db-postgres';
import type { Db } from '../../platform/ports/db';
import { addRole, createUser } from '../auth';

/**
 * Acceptance 2 of issue 13 (audit D1), as an operator meets it: `kycuong start --no-demo` on an empty database (a
 * new PGlite data directory, or a new PostgreSQL database). Nobody types a holiday in; through the API, 30/4/2026,
 * 2/9/2026, 1/1/2027 and Giỗ Tổ 2027 (Fri 16/4/2027) are not working days, and the 2027 Tết window is proposed and
 * flagged for confirmation. An empty database has no account, so the first start is stopped, one calendar admin
 * (and its unit) is written into the database, and the server is started again — no calendar row is touched.
 */
const PASSWORD = 'Lich-nghi-le-2026!';

for (const kind of dbKinds()) {
  describe(`start --no-demo has the holidays by law [${kind}]`, () => {
    let dir: string;
    let port: number;
    let env: Record<string, string>;
    let app: AppProcess | undefined;
    let dbName: string | undefined;
    let cookie = '';
    const base = () => `http://127.0.0.1:${port}`;

    const start = async () => {
      app = startKycuong(env);
      const running = app;
      await waitFor(
        'the server to answer /api/health',
        async () => {
          if (running.child.exitCode !== null) throw new Error(`kycuong exited: ${running.output()}`);
          const res = await fetch(`${base()}/api/health`).catch(() => undefined);
          return res?.status === 200 ? true : undefined;
        },
        120_000,
      );
    };
    const stop = async () => {
      if (!app) return;
      app.child.kill('SIGTERM');
      await app.exited;
      app = undefined;
    };
    const openDb = (): Promise<Db> => (kind === 'pglite' ? openPglite(path.join(dir, 'pg')) : openPostgres(env.DATABASE_URL as string));
    const get = async (url: string) => {
      const res = await fetch(`${base()}${url}`, { headers: { cookie } });
      assert.equal(res.status, 200, `${url}: ${res.status} ${await res.clone().text()}`);
      return res.json() as Promise<Record<string, unknown>>;
    };

    before(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-nodemo-'));
      port = await freePort();
      env = { KC_DATA_DIR: dir, KC_PORT: String(port), KC_LOG_LEVEL: 'warn', KC_ATTENDANCE_TICK_SECONDS: '3600' };
      if (kind === 'postgres') {
        dbName = `kc_nodemo_${randomBytes(5).toString('hex')}`;
        const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${dbName}`);
        await admin.end();
        const url = new URL(process.env.DATABASE_URL as string);
        url.pathname = `/${dbName}`;
        env.DATABASE_URL = url.toString();
      }
      // First start: migrations only, nothing seeded.
      await start();
      await stop();
      const db = await openDb();
      const days = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM calendar_days');
      assert.ok((days[0]?.n ?? 0) > 0, 'the shipped schedules are in after the first start alone');
      const unitId = randomUUID();
      await db.query(
        `INSERT INTO org_units (id, code, name, unit_type, admin_level, valid_from) VALUES ($1, 'XA-THU', 'UBND xã Thử', 'UBND_XA', 'XA', '2025-07-01')`,
        [unitId],
      );
      const actor = { id: null, name: 'Kiểm thử' };
      const user = await createUser(db, { username: 'chanhvp', displayName: 'Chánh Văn phòng', password: PASSWORD, roles: [] }, actor, { mustChangePassword: false });
      await addRole(db, user, { role: 'office_chief', unitId, validFrom: '2025-07-01' }, actor);
      await db.close();
      await start();
      const login = await fetch(`${base()}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'chanhvp', password: PASSWORD }),
      });
      assert.equal(login.status, 200, await login.clone().text());
      cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    });

    after(async () => {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
      if (dbName) {
        const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
        await admin.end();
      }
    });

    it('30/4/2026, 2/9/2026, 1/1/2027 and Giỗ Tổ 2027 (16/4) are not working days; the days around them are', async () => {
      const dayOf = async (date: string) => {
        const r = (await get(`/api/calendar/dates?from=${date}&to=${date}`)) as { items: Array<{ date: string; working: boolean; dayOff: { kind: string; name: string; legalBasis: string | null; status: string } | null }> };
        return r.items[0];
      };
      for (const [date, name] of [
        ['2026-04-30', 'Ngày Chiến thắng'],
        ['2026-09-02', 'Quốc khánh'],
        ['2027-01-01', 'Tết Dương lịch'],
        ['2027-04-16', 'Giỗ Tổ Hùng Vương'],
      ] as const) {
        const d = await dayOf(date);
        assert.equal(d?.working, false, `${date} is not a working day`);
        assert.equal(d?.dayOff?.kind, 'HOLIDAY', date);
        assert.ok(d?.dayOff?.name.startsWith(name), `${date}: ${d?.dayOff?.name}`);
        assert.equal(d?.dayOff?.status, 'CONFIRMED', date);
        assert.match(d?.dayOff?.legalBasis ?? '', /Bộ luật Lao động 2019, Điều 112/);
      }
      assert.equal((await dayOf('2027-04-15'))?.working, true, 'Thu 15/4/2027 is an ordinary working day');
      assert.equal((await dayOf('2027-05-03'))?.dayOff?.kind, 'COMPENSATORY', 'nghỉ bù of 1/5/2027 (a Saturday)');
      // A year nobody will ever type in.
      assert.equal((await dayOf('2061-09-02'))?.working, false);
    });

    it('the 2027 Tết window is PROPOSED with no legal basis, and the year is flagged for confirmation', async () => {
      const { items } = (await get('/api/calendar/days?year=2027')) as { items: Array<{ date: string; status: string; legalBasis: string | null; note: string | null }> };
      const tet = items.filter((d) => d.date >= '2027-02-05' && d.date <= '2027-02-11');
      assert.ok(tet.length >= 5);
      for (const d of tet) {
        assert.equal(d.status, 'PROPOSED', d.date);
        assert.equal(d.legalBasis, null, d.date);
        assert.match(d.note ?? '', /chờ thông báo của Bộ Nội vụ/);
      }
      const r = (await get('/api/calendar/readiness?year=2027')) as { confirmed: boolean; tetConfirmed: boolean; proposed: Array<{ date: string }> };
      assert.equal(r.confirmed, false);
      assert.equal(r.tetConfirmed, false);
      assert.ok(r.proposed.some((d) => d.date === '2027-02-06'));
      assert.equal(((await get('/api/calendar/readiness?year=2026')) as { confirmed: boolean }).confirmed, true);
    });
  });
}
