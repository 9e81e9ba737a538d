import fs from 'node:fs';
import path from 'node:path';
import { buildContext } from '../app/container';
import { runApp, STOP_BUDGET_MS } from '../app/run';
import { installProcessGuards } from './process-guards';
import { seedDemoStandalone } from '../app/seed/pipeline';
import { isEmpty } from '../app/seed/seed';
import { loadConfig } from '../config/config';
import { verifyAuditLog } from '../modules/audit';
import { importStaff } from '../modules/people';
import { migrate } from '../platform/db/migrate';
import { runModelsCommand } from '../platform/adapters/face-models/cli';
import { localDateOf } from '../platform/time';

/** Exit codes: 0 done, 1 failed at run time, 2 wrong usage, 3 audit chain broken. */
const USAGE = `kycuong <command>

  start              migrate, seed the demo agency on an empty database, serve http://KC_HOST:KC_PORT
                     (--no-demo: do not seed); run it under systemd: docs/kycuong.service, docs/operations.md
  migrate            apply database migrations and exit
  seed               seed the demo agency into an empty database
  audit-verify       verify the audit hash chain against its signed anchors; exit 3 with one line per problem
                     (changed row, gap, cut-off tail, emptied log, rewritten chain, bad anchor)
  import-staff FILE  import staff from an .xlsx file as the system (all units); prints the report location
  models list        list the face models Kỷ Cương can use, with licence and size
  models install NAME [--from FILE | --url URL] [--dir DIR]
                     install a face model (yunet, sface) into ./data/models, checking its sha256
  models install intel-reid --from DIR [--dir DIR]
                     Intel face-reidentification-retail-0095 (.xml + .bin an operator copied): checks the .bin
                     sha256, converts to ONNX; it becomes the default recognizer

Configuration comes from the environment (see README): KC_DATA_DIR, DATABASE_URL, KC_BUS, KC_BLOBS, ...`;

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === 'help') {
    console.log(USAGE);
    return cmd ? 0 : 2;
  }
  const config = loadConfig();
  if (cmd === 'models') return runModelsCommand(rest, config.face.modelsDir);
  switch (cmd) {
    case 'start': {
      const running = await runApp(config, { seedDemo: !rest.includes('--no-demo') });
      installProcessGuards(running.ctx.log);
      console.log(`Kỷ Cương đang chạy tại ${running.url} (Ctrl+C để dừng) / running at ${running.url}`);
      let stopping = false;
      const shutdown = async (sig: string) => {
        if (stopping) {
          // A second Ctrl+C or SIGTERM: do not wait any longer.
          running.ctx.log.warn({ sig }, 'second signal: exiting now');
          process.exit(1);
        }
        stopping = true;
        running.ctx.log.info({ sig }, 'stopping');
        // Whatever happens inside stop, the process is gone shortly after its budget; children die with it
        // (they are tied to this process, see video-ffmpeg/tied-spawn.ts).
        setTimeout(() => {
          running.ctx.log.error('stop took too long; exiting');
          process.exit(1);
        }, STOP_BUDGET_MS + 2000).unref();
        await running.stop(STOP_BUDGET_MS);
        process.exit(0);
      };
      process.on('SIGINT', () => void shutdown('SIGINT'));
      process.on('SIGTERM', () => void shutdown('SIGTERM'));
      return -1; // keep running
    }
    case 'migrate': {
      const ctx = await buildContext(config);
      const applied = await migrate(ctx.db);
      console.log(`Đã áp dụng ${applied.length} migration / applied ${applied.length} migrations`);
      await ctx.db.close();
      return 0;
    }
    case 'seed': {
      const ctx = await buildContext(config);
      await migrate(ctx.db);
      if (!(await isEmpty(ctx))) {
        console.error('Cơ sở dữ liệu đã có dữ liệu, không tạo dữ liệu mẫu. / The database is not empty; demo not seeded.');
        await ctx.db.close();
        return 1;
      }
      await seedDemoStandalone(ctx);
      console.log('Đã tạo đơn vị mẫu / demo agency seeded');
      await ctx.db.close();
      return 0;
    }
    case 'audit-verify': {
      const ctx = await buildContext(config);
      let v: Awaited<ReturnType<typeof verifyAuditLog>>;
      try {
        v = await verifyAuditLog(ctx);
      } finally {
        await ctx.db.close();
      }
      if (v.ok) {
        console.log(
          `Nhật ký toàn vẹn: ${v.checked} bản ghi, ${v.anchors} mốc neo đã ký / audit log intact: ${v.checked} entries, ${v.anchors} signed anchors, head ${v.lastHash}`,
        );
        if (v.anchors === 0 && v.checked > 0)
          console.log('Chưa có mốc neo nào: không phát hiện được việc xóa phần cuối nhật ký. / No anchor yet: a cut-off tail cannot be detected.');
        return 0;
      }
      // One reason line per problem: "#<seq> (<kind>) vi / en".
      console.error(`Nhật ký kiểm toán bị can thiệp (${v.problems.length + v.moreProblems} vấn đề) / audit log tampered with (${v.problems.length + v.moreProblems} problems):`);
      for (const p of v.problems) console.error(`  ${p.seq !== undefined ? `#${p.seq} ` : ''}(${p.kind}) ${p.messageVi} / ${p.messageEn}`);
      if (v.moreProblems) console.error(`  … và ${v.moreProblems} vấn đề khác / and ${v.moreProblems} more`);
      return 3;
    }
    case 'import-staff': {
      const file = rest[0];
      if (!file || !fs.existsSync(file)) {
        console.error(`Không tìm thấy tệp / file not found: ${file ?? '(none)'}`);
        return 2;
      }
      const ctx = await buildContext(config);
      await migrate(ctx.db);
      const units = await ctx.db.query<{ id: string }>('SELECT id FROM org_units');
      try {
        const r = await importStaff(ctx.db, ctx.blobs, fs.readFileSync(file), {
          fileName: path.basename(file),
          actor: { name: 'system:cli' },
          scopeUnitIds: units.map((u) => u.id),
          today: localDateOf(new Date()),
        });
        console.log(`Thêm ${r.insertedRows}, cập nhật ${r.updatedRows}, từ chối ${r.rejected.length} / inserted ${r.insertedRows}, updated ${r.updatedRows}, rejected ${r.rejected.length}`);
        if (r.rejected.length) console.log(`Báo cáo lỗi / error report: ${path.join(config.dataDir, 'blobs', 'imports', r.id, 'errors.xlsx')}`);
        return r.rejected.length ? 1 : 0;
      } catch (err) {
        const e = err as { messageVi?: string; message: string };
        console.error(e.messageVi ? `${e.messageVi} / ${e.message}` : e.message);
        return 1;
      } finally {
        await ctx.db.close();
      }
    }
    default:
      console.error(`Lệnh không hợp lệ / unknown command: ${cmd}\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
