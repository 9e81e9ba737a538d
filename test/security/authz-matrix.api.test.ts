import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { loginAs, type Session, startTestApp, type TestApp } from '../helpers/app';
import { dbKinds } from '../helpers/db';
import { buildRequests, loadSamples, type MatrixRequest, type Samples } from './authz-requests';
import { demoInspection, type InspectionFiles, inspectionFiles, startInspection } from './inspection-files';
import { ACCOUNTS, type Account, isInScope, loadUniverse, outOfScope, type RecordRef, type Scope, scopeOf, type Universe } from './authz-scope';

/**
 * Acceptance item 1 of issue 11, the probe's authorization matrix as a test: every GET operation of the app's own
 * OpenAPI document (plus the hidden live route and /metrics), with ids of records in Thông Thụ and Tiền Phong, called
 * as every demo account and without a session. It fails on any 200 that carries a record outside the caller's scope
 * (ids or distinctive names of persons, units, cameras, violations, punch sources), on any 200 for a route whose
 * path names an out-of-scope record, on any 5xx, and on anything but 401 without a session (health and the API
 * document are public; /metrics only from loopback).
 */

/** Answer to anyone: liveness and the API description. */
const PUBLIC_ROUTES = new Set(['/api/health']);
/** The org chart is public inside the agency by design (org.routes.ts): unit names and ids there are not a leak. */
const ORG_CHART = /^\/api\/org\//;

interface Answer {
  status: number;
  contentType: string;
  body: Buffer;
}

function httpGet(base: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${path}`, { headers, timeout: 15_000 }, (res) => {
      const contentType = String(res.headers['content-type'] ?? '');
      // A live stream never ends: its status and type are the answer.
      if (contentType.startsWith('video/')) {
        res.destroy();
        return resolve({ status: res.statusCode ?? 0, contentType, body: Buffer.alloc(0) });
      }
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path} timed out`)));
    req.on('error', reject);
  });
}

/** The text a response carries: JSON and text as they are, spreadsheets cell by cell; other binaries carry none. */
async function textOf(a: Answer): Promise<string | undefined> {
  if (/json|text|xml|csv/.test(a.contentType)) return a.body.toString('utf8').normalize('NFC');
  if (a.contentType.includes('spreadsheetml')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(a.body as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.text ?? '')))));
    return cells.join('\n').normalize('NFC');
  }
  return undefined;
}

/** Out-of-scope records this body names: by id, or by a name no in-scope record shares. */
function leaksIn(text: string, forbidden: RecordRef[], route: string): RecordRef[] {
  return forbidden.filter((r) => {
    if (r.kind === 'unit' && ORG_CHART.test(route)) return false;
    return text.includes(r.id) || (r.name !== undefined && text.includes(r.name.normalize('NFC')));
  });
}

/** The records a request's path names (e.g. /api/violations/<id>): a 200 for one outside the scope is a leak whatever the body. */
function pathRecords(url: string, u: Universe, samples: Samples): Array<{ label: string; inScope: (s: Scope) => boolean }> {
  if (ORG_CHART.test(url)) return [];
  const ids = url.split('?')[0]?.split('/') ?? [];
  const out: Array<{ label: string; inScope: (s: Scope) => boolean }> = [];
  for (const id of ids) {
    const rec = u.records.find((r) => r.id === id);
    if (rec) out.push({ label: `${rec.kind} ${rec.label}`, inScope: (s) => isInScope(s, rec, u) });
    const owner = samples.owners.get(id);
    if (!rec && owner && (owner.unitId || owner.personId))
      out.push({
        label: `record ${id} of ${owner.personId ? (u.personName.get(owner.personId) ?? owner.personId) : owner.unitId}`,
        inScope: (s) => owner.personId === s.personId || s.units.has(owner.unitId ?? ''),
      });
  }
  return out;
}

function report(problems: string[]): string {
  const shown = problems.slice(0, 80);
  return `${problems.length} problem(s):\n  ${shown.join('\n  ')}${problems.length > shown.length ? `\n  … ${problems.length - shown.length} more` : ''}`;
}

for (const kind of dbKinds()) {
  describe(`authorization matrix [${kind}]`, () => {
    let t: TestApp;
    let base: string;
    let universe: Universe;
    let samples: Samples;
    let requests: MatrixRequest[];
    const sessions = new Map<Account, Session>();
    /** The demo inspections with files on both sides of the commune border (see the inspections case below). */
    const insp = {} as { tt: string; tp: string; surprise: string; plan: string; ttFiles: InspectionFiles; tpFiles: InspectionFiles };

    before(async () => {
      t = await startTestApp(kind);
      // Tiền Phong has no camera, violation or punch source in the demo: add one of each so Thông Thụ accounts have
      // something across the commune border to (not) see.
      const admin = await loginAs(t.app, 'admin');
      const cam = await admin.send('POST', '/api/cameras', {
        name: 'Cổng UBND xã Tiền Phong (ma trận quyền)',
        locationType: 'GATE',
        unitId: t.demo.units['TP-UBND'],
        mainUrl: 'rtsp://127.0.0.1:9/none',
        enabled: false,
      });
      assert.equal(cam.statusCode, 201, cam.body);
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      const v = await admin.send('POST', '/api/violations', {
        personId: t.demo.persons.TP001,
        kind: 'OTHER',
        source: 'LEADER',
        occurredOn: yesterday,
        title: 'Vi phạm mẫu của xã Tiền Phong',
        description: 'Tạo cho ma trận phân quyền.',
      });
      assert.equal(v.statusCode, 201, v.body);
      // And a punch source of its own (the demo's sources are all Thông Thụ's).
      await t.ctx.db.query(
        `INSERT INTO punch_sources (id, kind, name, unit_id, heartbeat_interval_seconds) VALUES ('gate-tp-matrix', 'CAMERA', 'Camera cổng UBND xã Tiền Phong', $1, 60)`,
        [t.demo.units['TP-UBND']],
      );
      // Inspections: the demo's Thông Thụ inspection under way gets a photo and its minutes; Tiền Phong's is started
      // and gets a photo; the surprise check of Thông Thụ's one-stop desk stays decided, not started (hidden).
      const kiemtra = await loginAs(t.app, 'kiemtra');
      insp.tt = await demoInspection(t, 'TT-UBND');
      insp.tp = await demoInspection(t, 'TP-UBND');
      insp.surprise = await demoInspection(t, 'TT-MOTCUA', 'SURPRISE');
      insp.plan = ((await t.ctx.db.query<{ id: string }>('SELECT id FROM inspection_plans LIMIT 1'))[0] as { id: string }).id;
      insp.ttFiles = await inspectionFiles(t, kiemtra, insp.tt, { minutes: true, clientId: 'matrix-tt-1' });
      await startInspection(kiemtra, insp.tp);
      insp.tpFiles = await inspectionFiles(t, kiemtra, insp.tp, { minutes: false, clientId: 'matrix-tp-1' });
      await t.settle();
      await t.app.listen({ host: '127.0.0.1', port: 0 });
      const addr = t.app.server.address();
      base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
      universe = await loadUniverse(t);
      samples = await loadSamples(t);
      requests = await buildRequests(t, samples);
      // Every account signs in before any is checked, so each sees the others' login rows if they leak (F12).
      for (const account of ACCOUNTS) sessions.set(account, await loginAs(t.app, account));
      // The hidden live route (plain-HTTP variant) for every camera.
      for (const id of samples.cameras) requests.push({ route: '/api/cameras/{id}/live', url: `/api/cameras/${id}/live` });
    });
    after(async () => t?.close());

    it('covers every GET operation of the API document', () => {
      const routes = new Set(requests.map((r) => r.route));
      assert.ok(routes.size >= 60, `only ${routes.size} routes`);
      assert.ok(requests.length > routes.size, 'path and query parameters are varied');
    });

    it('without a session: 401 everywhere but health, the API document and /metrics from loopback', async () => {
      const problems: string[] = [];
      for (const r of requests) {
        const res = r.route.endsWith('/live') ? await httpGet(base, r.url) : await t.app.inject({ method: 'GET', url: r.url });
        const status = 'statusCode' in res ? res.statusCode : res.status;
        const expected = PUBLIC_ROUTES.has(r.route) ? 200 : 401;
        if (status !== expected) problems.push(`GET ${r.url} → ${status}, expected ${expected}`);
      }
      const docs = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
      if (docs.statusCode !== 200) problems.push(`GET /api/docs/json → ${docs.statusCode}`);
      const local = await httpGet(base, '/metrics');
      if (local.status !== 200) problems.push(`GET /metrics from loopback → ${local.status}, expected 200`);
      const remote = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '198.51.100.7' });
      if (remote.statusCode !== 401 && remote.statusCode !== 403)
        problems.push(`GET /metrics from 198.51.100.7 without a token → ${remote.statusCode}, expected 401 or 403`);
      assert.deepEqual(problems, [], report(problems));
    });

    it('inspections: the team and the inspected side are served, the other commune and a surprise not yet started are not', async () => {
      const tt = [`/api/inspections/${insp.tt}`, `/api/inspections/${insp.tt}/cameras`, insp.ttFiles.photoUrl, insp.ttFiles.minutesUrl as string];
      const tp = [`/api/inspections/${insp.tp}`, `/api/inspections/${insp.tp}/cameras`, insp.tpFiles.photoUrl];
      const hidden = [`/api/inspections/${insp.surprise}`, `/api/inspections/${insp.surprise}/cameras`];
      const plan = [`/api/inspections/plans/${insp.plan}`];
      // account → [served, refused (403/404)]; the hidden surprise answers exactly 404 to anyone outside.
      const expected: Record<string, [string[], string[]]> = {
        kiemtra: [[...tt, ...tp, ...hidden, ...plan], []],
        chutich: [tt.filter((u) => !u.endsWith('/cameras')), [...tp, ...hidden, ...plan]],
        chutichtp: [[`/api/inspections/${insp.tp}`, insp.tpFiles.photoUrl], [...tt, ...hidden, ...plan]],
        truongphong: [[], [...tt, ...tp, ...hidden, ...plan]],
        canbo: [[], [...tt, ...tp, ...hidden, ...plan]],
      };
      const problems: string[] = [];
      for (const [account, [served, refused]] of Object.entries(expected)) {
        const session = sessions.get(account as Account) as Session;
        for (const url of served) {
          const res = await session.get(url);
          if (res.statusCode !== 200) problems.push(`${account} GET ${url} → ${res.statusCode}, expected 200`);
        }
        for (const url of refused) {
          const res = await session.get(url);
          const ok = hidden.includes(url) ? res.statusCode === 404 : res.statusCode === 403 || res.statusCode === 404;
          if (!ok) problems.push(`${account} GET ${url} → ${res.statusCode}, expected ${hidden.includes(url) ? '404' : '403/404'}`);
        }
        // Nor does the list or the statistics name the hidden surprise inspection to those outside.
        if (account !== 'kiemtra')
          for (const url of ['/api/inspections', '/api/inspections?kind=SURPRISE']) {
            const res = await session.get(url);
            if (res.body.includes(insp.surprise)) problems.push(`${account} GET ${url} lists the surprise inspection before it starts`);
          }
      }
      assert.deepEqual(problems, [], report(problems));
    });

    for (const account of ACCOUNTS)
      it(`${account}: no 200 carries a record outside its scope, and nothing fails with 5xx`, async () => {
        const scope = await scopeOf(t, universe, account as Account);
        const forbidden = outOfScope(universe, scope);
        const session = sessions.get(account) as Session;
        const problems: string[] = [];
        let ok = 0;
        for (const r of requests) {
          const a: Answer = r.route.endsWith('/live')
            ? await httpGet(base, r.url, { cookie: session.cookie })
            : await session.get(r.url).then((res) => ({ status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: res.rawPayload }));
          if (a.status >= 500) problems.push(`GET ${r.url} → ${a.status} ${a.body.toString('utf8').slice(0, 200)}`);
          if (a.status === 401) problems.push(`GET ${r.url} → 401 with a valid session`);
          if (a.status !== 200) continue;
          ok++;
          for (const rec of pathRecords(r.url, universe, samples))
            if (!rec.inScope(scope)) problems.push(`GET ${r.url} → 200 for ${rec.label}, outside the scope`);
          const text = await textOf(a);
          if (text === undefined) continue;
          const leaks = leaksIn(text, forbidden, r.route);
          if (leaks.length)
            problems.push(
              `GET ${r.url} → 200 with ${leaks.length} out-of-scope record(s): ${leaks
                .slice(0, 4)
                .map((l) => `${l.kind} ${l.label}${text.includes(l.id) ? '' : ' (by name)'}`)
                .join('; ')}${leaks.length > 4 ? '; …' : ''}`,
            );
        }
        assert.ok(ok > 5, `${account} got only ${ok} successful answers: the matrix would prove nothing`);
        assert.deepEqual(problems, [], report(problems));
      });
  });
}
