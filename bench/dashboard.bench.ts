/**
 * Leader dashboard benchmark (issue 6, acceptance 4): 50,000 staff in 600 units and a year of violations, then the
 * dashboard's queries (today by unit, weekly and monthly trends over a year, repeat offenders, overdue explanations)
 * for a provincial leader (every unit) and for one commune, compared with a plain sequential scan of the violations
 * table in the same run and on the same database. Runs on PGlite, and also on PostgreSQL when DATABASE_URL is set.
 *
 *   npm run bench:dashboard            # PGlite (+ PostgreSQL if DATABASE_URL is set)
 *   BENCH_STAFF=5000 npm run bench:dashboard   # smaller, for a quick look
 * Appends a section to bench/RESULTS.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dbKinds, freshDb } from '../test/helpers/db';
import { localDateOf } from '../src/platform/time';
import type { Db } from '../src/platform/ports/db';
import { dashboard } from '../src/modules/reports/dashboard.repo';

const STAFF = Number(process.env.BENCH_STAFF ?? 50_000);
const COMMUNES = 100;
const DIVISIONS = 5;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const here = path.dirname(fileURLToPath(import.meta.url));

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Everything is generated in SQL with a fixed seed, so both back ends get the same shape of data. */
export async function populate(db: Db, today: string): Promise<{ units: string[]; communeUnits: string[]; violations: number }> {
  await db.exec(`
    INSERT INTO org_units (id, code, name, unit_type, admin_level, valid_from)
      VALUES ('00000000-0000-4000-8000-000000000001', 'BENCH-TINH', 'UBND tỉnh (bench)', 'UBND_TINH', 'TINH', '2025-07-01');
    INSERT INTO org_units (id, code, name, unit_type, admin_level, parent_id, valid_from)
      SELECT ('00000000-0000-4000-8001-' || lpad(c::text, 12, '0'))::uuid, 'BENCH-X' || c, 'UBND xã số ' || c, 'UBND_XA', 'XA',
             '00000000-0000-4000-8000-000000000001', '2025-07-01'
        FROM generate_series(1, ${COMMUNES}) c;
    INSERT INTO org_units (id, code, name, unit_type, admin_level, parent_id, valid_from)
      SELECT ('00000000-0000-4000-8002-' || lpad((c * 10 + d)::text, 12, '0'))::uuid, 'BENCH-X' || c || '-P' || d,
             'Phòng ' || d || ' xã số ' || c, 'PHONG', 'XA', ('00000000-0000-4000-8001-' || lpad(c::text, 12, '0'))::uuid, '2025-07-01'
        FROM generate_series(1, ${COMMUNES}) c, generate_series(1, ${DIVISIONS}) d;
    INSERT INTO persons (id, employee_code, full_name, category, unit_id, search_text, joined_on)
      SELECT ('00000000-0000-4000-9000-' || lpad(i::text, 12, '0'))::uuid, 'B' || i, 'Cán bộ số ' || i,
             (ARRAY['CAN_BO','CONG_CHUC','CONG_CHUC','VIEN_CHUC','HOP_DONG'])[1 + i % 5],
             ('00000000-0000-4000-8002-' || lpad(((1 + i % ${COMMUNES}) * 10 + 1 + (i / ${COMMUNES}) % ${DIVISIONS})::text, 12, '0'))::uuid,
             'can bo so ' || i, '2020-01-01'
        FROM generate_series(1, ${STAFF}) i;
  `);
  // A year of violations, ≈6.5 per person on average (≈330,000 for 50,000 staff), spread over the last 365 days.
  await db.query('SELECT setseed(0.42)');
  await db.exec(`
    INSERT INTO violations (id, person_id, unit_id, kind, source, occurred_on, session, minutes, title, facts,
                            repeat_ordinal, repeat_window, proposed_action, created_at, updated_at)
      SELECT gen_random_uuid(), p.id, p.unit_id,
             (ARRAY['LATE','LATE','LATE','EARLY_LEAVE','ABSENT_NO_REASON','LEAVE_NOT_REPORTED'])[1 + floor(random() * 6)::int],
             'ATTENDANCE', d, 'MORNING', 5 + floor(random() * 40)::int, 'bench', '{}'::jsonb, 1, 'bench', 'REMINDER',
             d::timestamptz, d::timestamptz
        FROM persons p,
             -- 95 % of staff have 0–8 a year, 5 % are habitual offenders with 40–70 (the dashboard's repeat list).
             LATERAL (SELECT CASE WHEN random() < 0.05 + 0 * length(p.employee_code) THEN 40 + floor(random() * 31)::int
                                  ELSE floor(random() * 9)::int END AS k) kk,
             LATERAL generate_series(1, kk.k) g,
             LATERAL (SELECT ('${today}'::date - floor(random() * 365 + 0 * g)::int) AS d) dd
       WHERE p.employee_code LIKE 'B%';
    INSERT INTO violation_cases (violation_id, state, explanation_due_at, opened_at, updated_at)
      SELECT id,
             CASE WHEN occurred_on > '${today}'::date - 10 THEN 'EXPLANATION_REQUESTED' ELSE 'CLOSED' END,
             occurred_on::timestamptz + interval '3 days', created_at, created_at
        FROM violations;
  `);
  // As autovacuum would after a bulk load: statistics, and the visibility map that index-only scans rely on.
  for (const t of ['org_units', 'persons', 'violations', 'violation_cases']) await db.query(`VACUUM ANALYZE ${t}`);
  const units = (await db.query<{ id: string }>(`SELECT id FROM org_units WHERE code LIKE 'BENCH-%'`)).map((r) => r.id);
  const communeUnits = (await db.query<{ id: string }>(`SELECT id FROM org_units WHERE code = 'BENCH-X7' OR code LIKE 'BENCH-X7-P%'`)).map((r) => r.id);
  const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM violations')) as [{ n: number }];
  return { units, communeUnits, violations: n };
}

interface Result {
  kind: string;
  staff: number;
  violations: number;
  loadMs: number;
  scanMs: number;
  provinceMs: number;
  communeMs: number;
}

async function runOn(kind: 'pglite' | 'postgres'): Promise<Result> {
  const db = await freshDb(kind);
  try {
    const now = new Date();
    const today = localDateOf(now);
    const load = await timed(() => populate(db, today));
    const { units, communeUnits, violations } = load.value;
    // Plain scan: every row of the violations table read once, the floor any year-long aggregate has to pay.
    const scan = async () => db.query('SELECT count(*), sum(minutes), max(occurred_on) FROM violations');
    const province = async () => dashboard(db, units, today, now, { weeks: 52 });
    const commune = async () => dashboard(db, communeUnits, today, now, { weeks: 52 });
    await scan();
    const check = await province();
    if (check.trends.monthly.length === 0 || check.repeatOffenders.length === 0) throw new Error('dashboard returned no data — generator broken');
    await commune();
    const scans: number[] = [];
    const provinces: number[] = [];
    const communes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      scans.push((await timed(scan)).ms);
      provinces.push((await timed(province)).ms);
      communes.push((await timed(commune)).ms);
    }
    return { kind, staff: STAFF, violations, loadMs: load.ms, scanMs: median(scans), provinceMs: median(provinces), communeMs: median(communes) };
  } finally {
    await db.dropAndClose();
  }
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
const results: Result[] = [];
for (const kind of isMain ? dbKinds() : []) {
  console.log(`[${kind}] generating ${STAFF} staff and a year of violations…`);
  const r = await runOn(kind);
  console.log(
    `[${kind}] ${r.violations} violations (load ${(r.loadMs / 1000).toFixed(1)} s): plain scan ${r.scanMs.toFixed(1)} ms, ` +
      `dashboard province ${r.provinceMs.toFixed(1)} ms (×${(r.provinceMs / r.scanMs).toFixed(2)}), commune ${r.communeMs.toFixed(1)} ms (×${(r.communeMs / r.scanMs).toFixed(2)})`,
  );
  results.push(r);
}

const lines = [
  '',
  `## Leader dashboard (bench/dashboard.bench.ts) — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  '',
  `Machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. ${STAFF.toLocaleString('en')} staff in ${1 + COMMUNES + COMMUNES * DIVISIONS} units, a year of violations. Median of ${RUNS} runs after one warm-up.`,
  'Dashboard = 5 queries: today by unit/kind with names, weekly trend (52 weeks), monthly trend (12 months), repeat offenders (30 days), overdue explanations.',
  'Plain scan = `SELECT count(*), sum(minutes), max(occurred_on) FROM violations` in the same run.',
  '',
  '| back end | violations | plain scan (ms) | dashboard, whole province (ms) | ratio | dashboard, one commune (ms) | ratio |',
  '|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.kind} | ${r.violations.toLocaleString('en')} | ${r.scanMs.toFixed(1)} | ${r.provinceMs.toFixed(1)} | ${(r.provinceMs / r.scanMs).toFixed(2)} | ${r.communeMs.toFixed(1)} | ${(r.communeMs / r.scanMs).toFixed(2)} |`,
  ),
  '',
];
if (isMain) {
  fs.appendFileSync(path.join(here, 'RESULTS.md'), lines.join('\n'));
  console.log(`appended to ${path.join(here, 'RESULTS.md')}`);
}
