/**
 * Staff XLSX import benchmark (issue 2, acceptance 4; issue 11, F7).
 * Generates a 150,000-row workbook (2% bad rows), imports it through the real service (zip check → streamed parse →
 * validate → set-based writes in 1,000-row transactions with event-loop yields → error report), and compares with a
 * baseline measured in the same run on the same database kind: a plain unnest() bulk insert of the already-parsed
 * rows (no parsing, no validation). Prints rows/s, RSS before / peak / after, the longest event-loop stall during
 * the import, and the ratio. Usage: npm run bench:import [-- --rows 150000] (DATABASE_URL adds PostgreSQL).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { freshDb, dbKinds, type DbKind } from '../test/helpers/db';
import { DiskBlobStore } from '../src/platform/adapters/blobs-disk';
import { importStaff } from '../src/modules/people/staff-import';
import { createUnit } from '../src/modules/org/org.service';

const ROWS = Number(process.argv[process.argv.indexOf('--rows') + 1]) || 150_000;
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Hương', 'Linh', 'Mai', 'Sơn', 'Yến'];

async function makeWorkbook(file: string, units: string[]) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('Danh sách cán bộ');
  ws.addRow(['Mã cán bộ', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Loại cán bộ', 'Chức vụ', 'Mã đơn vị', 'Trạng thái', 'Email']).commit();
  for (let i = 0; i < ROWS; i++) {
    const bad = i % 50 === 49; // 2% bad rows: impossible birth date
    ws.addRow([
      `B${String(i).padStart(6, '0')}`,
      `${FAMILY[i % 8]} Văn ${GIVEN[i % 10]}`,
      i % 2 ? 'Nữ' : 'Nam',
      bad ? '31/02/1990' : `${(i % 28) + 1}/${(i % 12) + 1}/${1970 + (i % 30)}`,
      ['Công chức', 'Viên chức', 'Cán bộ', 'Hợp đồng lao động'][i % 4],
      'Chuyên viên',
      units[i % units.length],
      'Đang làm việc',
      `cb${i}@example.gov.vn`,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

function peakSampler() {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return () => {
    clearInterval(t);
    return Math.max(peak, process.memoryUsage().rss);
  };
}

async function run(kind: DbKind, file: string) {
  const db = await freshDb(kind);
  const unitIds: string[] = [];
  const codes: string[] = [];
  for (let u = 0; u < 20; u++) {
    const code = `U${u}`;
    const row = await createUnit(db, { code, name: `Đơn vị ${u}`, unitType: 'KHAC', adminLevel: 'KHAC', validFrom: '2020-01-01' }, { name: 'bench' });
    unitIds.push(row.id);
    codes.push(code);
  }
  const blobs = new DiskBlobStore(fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-blobs-')));
  const buf = fs.readFileSync(file);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const stopPeak = peakSampler();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const t0 = performance.now();
  const r = await importStaff(db, blobs, buf, { fileName: 'bench.xlsx', actor: { name: 'bench' }, scopeUnitIds: unitIds, today: '2026-11-23' });
  const ours = (performance.now() - t0) / 1000;
  loop.disable();
  const peak = stopPeak();
  global.gc?.();
  const rssAfter = process.memoryUsage().rss;
  const stallMs = loop.max / 1e6;
  // Fidelity check: not one Vietnamese character may be damaged on the way in.
  const damaged = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM persons WHERE full_name LIKE '%\uFFFD%' OR position_title LIKE '%\uFFFD%'`);
  if ((damaged[0]?.n ?? 0) > 0 || r.insertedRows !== ROWS - Math.floor(ROWS / 50)) throw new Error(`import fidelity failed: ${JSON.stringify({ damaged, inserted: r.insertedRows })}`);

  // Baseline: the same good rows, already in memory, inserted with plain unnest() in 1000-row statements.
  const base = await freshDb(kind);
  await base.exec(`INSERT INTO org_units (id, code, name, unit_type, admin_level, valid_from) VALUES ('${unitIds[0]}', 'U0', 'x', 'KHAC', 'KHAC', '2020-01-01')`);
  const n = r.insertedRows;
  const t1 = performance.now();
  for (let i = 0; i < n; i += 1000) {
    const m = Math.min(1000, n - i);
    const ids = Array.from({ length: m }, () => randomUUID());
    await base.query(
      `INSERT INTO persons (id, employee_code, full_name, category, unit_id, search_text)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[])`,
      [ids, ids.map((_, k) => `P${i + k}`), ids.map(() => 'Nguyễn Văn An'), ids.map(() => 'CONG_CHUC'), ids.map(() => unitIds[0]), ids.map(() => 'nguyen van an')],
    );
  }
  const baseline = (performance.now() - t1) / 1000;
  await base.dropAndClose();
  await db.dropAndClose();
  return { kind, rows: r.totalRows, inserted: r.insertedRows, rejected: r.rejected.length, ours, baseline, peakMb: peak / 2 ** 20, beforeMb: rssBefore / 2 ** 20, afterMb: rssAfter / 2 ** 20, stallMs };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-'));
const file = path.join(dir, 'staff.xlsx');
const tg = performance.now();
await makeWorkbook(file, Array.from({ length: 20 }, (_, u) => `U${u}`));
console.log(`workbook: ${ROWS} rows, ${(fs.statSync(file).size / 2 ** 20).toFixed(1)} MB, generated in ${((performance.now() - tg) / 1000).toFixed(1)} s`);
const lines: string[] = [];
for (const kind of dbKinds()) {
  const r = await run(kind, file);
  const line = `| ${r.kind} | ${r.rows} | ${r.inserted} | ${r.rejected} | ${r.ours.toFixed(2)} s | ${Math.round(r.rows / r.ours)} | ${r.beforeMb.toFixed(0)} / ${r.peakMb.toFixed(0)} / ${r.afterMb.toFixed(0)} MB | ${r.stallMs.toFixed(0)} ms | ${r.baseline.toFixed(2)} s | ${(r.ours / r.baseline).toFixed(2)}× |`;
  console.log(line);
  lines.push(line);
}
const header = '| db | rows | inserted | rejected | import time | rows/s | RSS before / peak / after | longest event-loop stall | baseline (plain unnest insert) | ratio ours/baseline |';
console.log(header);
console.log(lines.join('\n'));
const stamp = new Date().toISOString().slice(0, 16).replace('T', ' ');
const load = (os.loadavg()[0] ?? 0).toFixed(1);
fs.appendFileSync(
  path.join(path.dirname(new URL(import.meta.url).pathname), 'RESULTS.md'),
  `\n## Staff XLSX import (bench/staff-import.bench.ts) — ${stamp} UTC\n\n` +
    `Machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; 1-minute load average at the end ${load}. ` +
    `${ROWS} rows (2 % bad: impossible birth dates) through the real import (zip check → streamed parse → validate → set-based writes in 1,000-row transactions with event-loop yields → error report). ` +
    'Baseline: the same good rows, already parsed, inserted with plain unnest() in 1000-row statements, same run, same database kind.\n\n' +
    `${header}\n|---|---|---|---|---|---|---|---|---|---|\n${lines.join('\n')}\n`,
);
fs.rmSync(dir, { recursive: true, force: true });
