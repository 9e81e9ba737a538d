/**
 * Attendance recompute benchmark (issue 3, acceptance 2): one month for 50,000 staff from 5,000,000 punches.
 * Measures, on the same database in the same run:
 *   - baseline: a plain SQL group-by of first/last punch per person-day, materialised into a table;
 *   - full recompute of the month (calendar resolution, the pure day function for every person-day, upsert of
 *     attendance_days, one event per changed day on an in-process bus);
 *   - incremental recompute after 1,000 late punches ingested through ingestPunches (the real path).
 * Prints time, peak memory (RSS and JS heap of this process; PostgreSQL's own server memory is not included) and
 * the ratios to the baseline. Runs on PGlite (on-disk data dir), and also on PostgreSQL when DATABASE_URL is set.
 *
 *   npm run bench:attendance
 *   BENCH_STAFF=5000 BENCH_PUNCHES=500000 npm run bench:attendance     # a quick look
 * Appends a section to bench/RESULTS.md.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dbKinds, freshDb } from '../test/helpers/db';
import { MemoryBus } from '../src/platform/adapters/bus-memory';
import { openPglite } from '../src/platform/adapters/db-pglite';
import { migrate } from '../src/platform/db/migrate';
import type { Db } from '../src/platform/ports/db';
import { createSchedule, seedOfficial2026 } from '../src/modules/calendar/calendar.service';
import { ATTENDANCE_DAY_UPDATED } from '../src/modules/attendance/attendance.events';
import { ingestPunches, type PunchInput } from '../src/modules/attendance/punches.service';
import { processDirty, recomputeRange } from '../src/modules/attendance';

const STAFF = Number(process.env.BENCH_STAFF ?? 50_000);
const PUNCHES = Number(process.env.BENCH_PUNCHES ?? 5_000_000);
const LATE = Number(process.env.BENCH_LATE ?? 1_000);
const UNITS = 100;
const MONTH_FROM = '2026-03-01';
const MONTH_TO = '2026-03-31';
const AS_OF = new Date('2026-04-03T01:00:00Z'); // 08:00 on 3 April, local
const here = path.dirname(fileURLToPath(import.meta.url));

/** Peak RSS / heap while a phase runs (sampled every 25 ms). */
class MemoryPeak {
  rss = 0;
  heap = 0;
  private timer: NodeJS.Timeout;
  constructor() {
    this.sample();
    this.timer = setInterval(() => this.sample(), 25);
  }
  private sample() {
    const m = process.memoryUsage();
    this.rss = Math.max(this.rss, m.rss);
    this.heap = Math.max(this.heap, m.heapUsed);
  }
  stop() {
    this.sample();
    clearInterval(this.timer);
    return { rssMb: Math.round(this.rss / 2 ** 20), heapMb: Math.round(this.heap / 2 ** 20) };
  }
}

async function phase<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T; rssMb: number; heapMb: number }> {
  const peak = new MemoryPeak();
  const t0 = process.hrtime.bigint();
  const value = await fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, value, ...peak.stop() };
}

const pid = (i: string | number) => `'00000000-0000-4000-9000-' || lpad((${i})::text, 12, '0')`;

async function populate(db: Db): Promise<{ punches: number; workingDays: string[] }> {
  await db.exec(`
    INSERT INTO org_units (id, code, name, unit_type, admin_level, valid_from)
      VALUES ('00000000-0000-4000-8000-000000000001', 'BENCH-TINH', 'UBND tỉnh (bench)', 'UBND_TINH', 'TINH', '2025-07-01');
    INSERT INTO org_units (id, code, name, unit_type, admin_level, parent_id, valid_from)
      SELECT ('00000000-0000-4000-8001-' || lpad(c::text, 12, '0'))::uuid, 'BENCH-X' || c, 'Đơn vị số ' || c, 'UBND_XA', 'XA',
             '00000000-0000-4000-8000-000000000001', '2025-07-01'
        FROM generate_series(1, ${UNITS}) c;
    INSERT INTO persons (id, employee_code, full_name, category, unit_id, search_text, joined_on)
      SELECT (${pid('i')})::uuid, 'B' || i, 'Cán bộ số ' || i, 'CONG_CHUC',
             ('00000000-0000-4000-8001-' || lpad((1 + i % ${UNITS})::text, 12, '0'))::uuid, 'can bo so ' || i, '2020-01-01'
        FROM generate_series(1, ${STAFF}) i;
    INSERT INTO person_unit_history (id, person_id, unit_id, valid_from)
      SELECT gen_random_uuid(), id, unit_id, '2020-01-01' FROM persons;
    INSERT INTO punch_sources (id, kind, name, unit_id) VALUES ('bench-gate', 'CAMERA', 'Cổng (bench)', '00000000-0000-4000-8000-000000000001');
  `);
  await createSchedule(db, null, {
    unitId: '00000000-0000-4000-8000-000000000001',
    name: 'Giờ làm việc (bench)',
    validFrom: '2020-01-01',
    weekdays: [1, 2, 3, 4, 5],
    periods: [
      { startsOn: '04-16', morning: { start: '07:00', end: '11:30' }, afternoon: { start: '13:30', end: '17:00' } },
      { startsOn: '10-16', morning: { start: '07:30', end: '12:00' }, afternoon: { start: '13:30', end: '17:00' } },
    ],
    docNumber: '248/TB-UBND',
    docDate: '2024-04-01',
  });
  await seedOfficial2026(db);
  const workingDays: string[] = [];
  for (let d = new Date(`${MONTH_FROM}T00:00:00Z`); d <= new Date(`${MONTH_TO}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000))
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) workingDays.push(d.toISOString().slice(0, 10));
  await db.query('SELECT setseed(0.3)');
  // Four punches per present person-day (≈2.7 % absent), times spread around the session bounds (some late/early).
  for (const [k, day] of workingDays.entries()) {
    await db.exec(`
      INSERT INTO punches (id, source_id, source_event_id, person_id, at, received_at, direction)
      SELECT gen_random_uuid(), 'bench-gate', 'b${k}-' || i || '-' || s, (${pid('i')})::uuid, t, t + interval '2 seconds', NULL
        FROM generate_series(1, ${STAFF}) i, generate_series(1, 4) s,
             LATERAL (SELECT ('${day} 00:00:00+07'::timestamptz + CASE s
                 WHEN 1 THEN interval '07:12' + random() * interval '26 minutes'
                 WHEN 2 THEN interval '11:58' + random() * interval '12 minutes'
                 WHEN 3 THEN interval '13:18' + random() * interval '16 minutes'
                 ELSE interval '16:50' + random() * interval '25 minutes' END) AS t) tt
       WHERE (i * 7 + ${k}) % 37 <> 0;`);
  }
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM punches');
  // The rest: people walking in and out during the day, on random working days.
  const extra = Math.max(0, PUNCHES - n);
  await db.exec(`
    INSERT INTO punches (id, source_id, source_event_id, person_id, at, received_at)
    SELECT gen_random_uuid(), 'bench-gate', 'x' || g, (${pid(`1 + floor(random() * ${STAFF})::int`)})::uuid, t, t + interval '2 seconds'
      FROM generate_series(1, ${extra}) g,
           LATERAL (SELECT ((ARRAY['${workingDays.join("','")}'])[1 + floor(random() * ${workingDays.length} + 0 * g)::int] || ' 08:00:00+07')::timestamptz
                           + random() * interval '8 hours' AS t) tt;
    ANALYZE punches; ANALYZE persons; ANALYZE person_unit_history;`);
  return { punches: n + extra, workingDays };
}

async function runOne(kind: 'pglite' | 'postgres') {
  const loadAtStart = os.loadavg()[0] as number;
  let db: Db & { dropAndClose?: () => Promise<void> };
  let dir: string | null = null;
  if (kind === 'pglite' && process.env.BENCH_PGLITE_DIR === '1') {
    // Optional on-disk data dir (emscripten NODEFS: every page goes through a syscall shim, markedly slower).
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-att-'));
    db = await openPglite(dir);
    await migrate(db);
  } else db = await freshDb(kind);
  try {
    const load = await phase(() => populate(db));
    console.log(`[${kind}] loaded ${load.value.punches.toLocaleString('en')} punches for ${STAFF.toLocaleString('en')} staff in ${(load.ms / 1000).toFixed(1)} s`);
    const baseline = await phase(async () => {
      await db.exec(`CREATE TABLE bench_first_last AS
        SELECT person_id, (at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day, min(at) AS first_at, max(at) AS last_at, count(*) AS n
          FROM punches WHERE at >= '${MONTH_FROM} 00:00:00+07' AND at < '2026-04-01 00:00:00+07' GROUP BY 1, 2`);
      return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_first_last'))[0]?.n ?? 0;
    });
    console.log(`[${kind}] baseline group-by: ${baseline.value.toLocaleString('en')} person-days in ${(baseline.ms / 1000).toFixed(2)} s`);
    const bus = new MemoryBus();
    let events = 0;
    await bus.subscribe(ATTENDANCE_DAY_UPDATED, 'bench-counter', async () => {
      events++;
    });
    const deps = { db, bus, now: () => AS_OF };
    const full = await phase(() => recomputeRange(deps, { from: MONTH_FROM, to: MONTH_TO }));
    await bus.idle();
    console.log(`[${kind}] full recompute: ${full.value.personDays.toLocaleString('en')} person-days, ${full.value.changed.toLocaleString('en')} written, ${events.toLocaleString('en')} events in ${(full.ms / 1000).toFixed(1)} s ${JSON.stringify(full.value.ms)}`);

    // 1,000 punches uploaded late by an offline device: earlier check-ins for random person-days.
    const late: PunchInput[] = [];
    for (let k = 0; k < LATE; k++) {
      const person = 1 + ((k * 7919) % STAFF);
      const day = load.value.workingDays[(k * 31) % load.value.workingDays.length] as string;
      late.push({
        source: 'bench-device',
        sourceEventId: `late-${k}`,
        personId: `00000000-0000-4000-9000-${String(person).padStart(12, '0')}`,
        at: `${day}T07:0${k % 10}:00+07:00`,
        receivedAt: AS_OF.toISOString(),
        sourceKind: 'DEVICE',
      });
    }
    const ingest = await phase(() => ingestPunches(db, late, { now: AS_OF }));
    const accepted = ingest.value.filter((r) => r.status === 'ACCEPTED').length;
    const eventsBefore = events;
    const incremental = await phase(() => processDirty(deps));
    await bus.idle();
    console.log(`[${kind}] ${accepted} late punches ingested in ${(ingest.ms / 1000).toFixed(2)} s; incremental recompute of ${incremental.value.personDays} person-days (${incremental.value.changed} changed, ${events - eventsBefore} events) in ${(incremental.ms / 1000).toFixed(2)} s`);
    const again = await phase(() => processDirty(deps));
    return { kind, load, baseline, full, ingest, accepted, incremental, idempotentRerun: again.value.changed, loadAvg: [loadAtStart, os.loadavg()[0] as number] };
  } finally {
    if (db.dropAndClose) await db.dropAndClose();
    else await db.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Result = Awaited<ReturnType<typeof runOne>>;

/** Each back end runs in its own child process, so one's memory (PGlite's WASM heap) never inflates the other's peak. */
function runInChild(kind: 'pglite' | 'postgres'): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
      env: { ...process.env, BENCH_CHILD: kind },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      const text = b.toString();
      out += text;
      for (const line of text.split('\n')) if (line.startsWith('[')) console.log(line);
    });
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) reject(new Error(`bench child for ${kind} failed (${code})`));
      else resolve(JSON.parse(line.slice(7)) as Result);
    });
  });
}

async function main() {
  const child = process.env.BENCH_CHILD as 'pglite' | 'postgres' | undefined;
  if (child) {
    const r = await runOne(child);
    console.log(`RESULT ${JSON.stringify(r)}`);
    return;
  }
  const kinds = process.env.BENCH_DB ? [process.env.BENCH_DB as 'pglite' | 'postgres'] : dbKinds();
  const rows: string[] = [];
  for (const kind of kinds) {
    const r = await runInChild(kind);
    const ratio = (ms: number) => (ms / r.baseline.ms).toFixed(2);
    rows.push(
      `| ${kind} | ${r.load.value.punches.toLocaleString('en')} | ${r.baseline.value.toLocaleString('en')} | ${(r.baseline.ms / 1000).toFixed(2)} | ` +
        `${(r.full.ms / 1000).toFixed(1)} | ${ratio(r.full.ms)} | ${r.full.rssMb} / ${r.full.heapMb} | ` +
        `${r.accepted} in ${(r.ingest.ms / 1000).toFixed(2)} | ${(r.incremental.ms / 1000).toFixed(2)} | ${ratio(r.incremental.ms)} | ${r.incremental.rssMb} / ${r.incremental.heapMb} | ${r.idempotentRerun} | ` +
        `${['load', 'compute', 'write', 'publish'].map((k) => ((r.full.value.ms?.[k as 'load'] ?? 0) / 1000).toFixed(0)).join(' / ')} | ${r.loadAvg.map((x) => x.toFixed(1)).join(' → ')} |`,
    );
    console.log(rows[rows.length - 1]);
  }
  const stamp = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const section = [
    '',
    `## Attendance recompute (bench/attendance.bench.ts) — ${stamp} UTC`,
    '',
    `Machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. ${STAFF.toLocaleString('en')} staff, one month (March 2026, 31 days = ${(STAFF * 31).toLocaleString('en')} person-days, weekends included), punches generated in SQL.`,
    'Baseline = `CREATE TABLE … AS SELECT person_id, local date, min(at), max(at), count(*) … GROUP BY 1, 2` over the month, in the same run on the same database.',
    'Full = `recomputeRange` for everyone (schedules, holidays, rules, justifications, outages, the pure day function, upsert of changed days, one event per changed day on an in-process bus).',
    `Incremental = ${LATE.toLocaleString('en')} late punches through \`ingestPunches\`, then \`processDirty\`. Memory = peak RSS / JS heap of the bench process in MB, one process per back end (PGlite's in-memory database is inside RSS; the PostgreSQL server is not). Times are wall-clock on a shared machine (other jobs were running; see the load note below). Last column: rows changed by a second \`processDirty\` (idempotence, expect 0).`,
    '',
    '| back end | punches | person-days (baseline) | baseline (s) | full recompute (s) | full ÷ baseline | full peak MB (RSS / heap) | late punches ingested (s) | incremental (s) | incremental ÷ baseline | incr. peak MB | re-run changes | full: load / compute / write / publish (s) | machine load avg (start → end) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  fs.appendFileSync(path.join(here, 'RESULTS.md'), section);
  console.log(section);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
