import { randomUUID } from 'node:crypto';
import type { AppContext, DemoAgency } from '../../platform/module';
import { addDays, localDateOf, localToInstant } from '../../platform/time';
import { grantTeamCameras } from './camera-evidence.service';
import { type InspectionRow, latestChecklist } from './inspections.repo';

/**
 * The demo agency's inspections: the province's plan for the year with both communes as targets; a planned inspection
 * of xã Tiền Phong decided for next week, one of xã Thông Thụ under way today (the tổ kiểm tra account is its head),
 * and a surprise check of Thông Thụ's one-stop desk decided but not started — hidden from the commune until then.
 */
export async function seedInspectionsDemo(ctx: AppContext, demo: DemoAgency): Promise<void> {
  const issuer = demo.units['NA-UBND'];
  const tt = demo.units['TT-UBND'];
  const tp = demo.units['TP-UBND'];
  const desk = demo.units['TT-MOTCUA'] ?? tt;
  const head = demo.users.kiemtra;
  const checklist = await latestChecklist(ctx.db);
  if (!issuer || !tt || !tp || !desk || !head || !checklist) return;
  const today = localDateOf(ctx.now());
  const year = Number(today.slice(0, 4));
  const planId = randomUUID();
  const at = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO inspection_plans (id, issuer_unit_id, year, period_label, title, note, created_by, created_at, updated_at) VALUES ($1,$2,$3,$4,$5,'',$6,$7,$7)`,
      [planId, issuer, year, `Năm ${year}`, `Kế hoạch kiểm tra công vụ năm ${year}`, head, at],
    );
    for (const [unit, from] of [
      [tt, addDays(today, -1)],
      [tp, addDays(today, 7)],
    ] as const)
      await tx.query('INSERT INTO inspection_plan_targets (plan_id, unit_id, planned_from, planned_to) VALUES ($1,$2,$3,$4)', [planId, unit, from, addDays(from, 2)]);
    let n = 0;
    const add = async (o: { kind: string; target: string; title: string; fromDay: string; state: string; started: boolean; plan: boolean }) => {
      const id = randomUUID();
      const from = localToInstant(o.fromDay, 7 * 60 + 30);
      const to = localToInstant(addDays(o.fromDay, 1), 17 * 60);
      await tx.query(
        `INSERT INTO inspections (id, plan_id, kind, issuer_unit_id, target_unit_id, title, scope, planned_from, planned_to, place, checklist_id,
                                 decision_no, decision_date, decision_signer, state, started_at, created_by, created_at, updated_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$18)`,
        [
          id,
          o.plan ? planId : null,
          o.kind,
          issuer,
          o.target,
          o.title,
          'Việc chấp hành kỷ luật, kỷ cương hành chính; văn hóa công vụ (Chỉ thị 26/CT-TTg).',
          from.toISOString(),
          to.toISOString(),
          'Trụ sở đơn vị được kiểm tra',
          checklist.id,
          `${String(12 + n++)}/QĐ-UBND`,
          addDays(today, -3),
          'Chủ tịch UBND tỉnh',
          o.state,
          o.started ? (from < ctx.now() ? from : ctx.now()).toISOString() : null,
          head,
          at,
        ],
      );
      await tx.query(`INSERT INTO inspection_members (inspection_id, user_id, person_id, role, name, title) VALUES ($1,$2,NULL,'HEAD','Phạm Quốc Huy','Tổ trưởng Tổ kiểm tra công vụ')`, [id, head]);
      // The one under way has its team's camera grants, as the start would have made them.
      const [row] = await tx.query<InspectionRow>('SELECT * FROM inspections WHERE id = $1', [id]);
      if (o.started && row) await grantTeamCameras(tx, row, { id: head, name: 'Phạm Quốc Huy — Tổ kiểm tra công vụ' }, ctx.now());
    };
    await add({ kind: 'PLANNED', target: tt, title: 'Kiểm tra công vụ tại UBND xã Thông Thụ', fromDay: today, state: 'IN_PROGRESS', started: true, plan: true });
    await add({ kind: 'PLANNED', target: tp, title: 'Kiểm tra công vụ tại UBND xã Tiền Phong', fromDay: addDays(today, 7), state: 'DECIDED', started: false, plan: true });
    await add({ kind: 'SURPRISE', target: desk, title: 'Kiểm tra đột xuất Bộ phận Một cửa xã Thông Thụ', fromDay: addDays(today, 2), state: 'DECIDED', started: false, plan: false });
  });
}
