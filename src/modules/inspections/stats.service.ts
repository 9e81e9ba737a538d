import type { z } from 'zod';
import type { Access } from '../../platform/access';
import { errors } from '../../platform/errors';
import { INSPECTION_KIND_LABELS } from '../../platform/glossary';
import type { Db } from '../../platform/ports/db';
import { addDays, localDateOf, localToInstant } from '../../platform/time';
import { listSuccessions, loadOrgTree, loadUnitTypes, UNIT_TYPES } from '../org';
import { INSPECTION_KINDS } from './domain/states';
import type { ZStatsQuery } from './followup.dto';
import { findingsByItem, inspectionsIn } from './stats.repo';

/**
 * Statistics of inspections in a period (domain.md §7 "21 cuộc: 8 xã, 13 sở/phòng"): counts by kind; by the target's
 * unit type on the org tree as of a date, a unit that no longer exists then being counted as its successor (former
 * communes merged into a new one count as that commune, once per inspection); findings by checklist item and by unit
 * (rolled up the same way); inspections and findings by month.
 */
export async function inspectionStats(db: Db, access: Access, q: z.infer<typeof ZStatsQuery>) {
  if (!access.has('reports.read') && !access.has('inspections.manage')) throw errors.forbidden({ permission: 'reports.read' });
  if (q.to < q.from) throw errors.badRequest('STATS_RANGE', 'Ngày kết thúc phải sau ngày bắt đầu.', 'The end date must not be before the start date.');
  const asOf = q.asOf ?? q.to;
  const allowed = new Set([...access.unitsFor('reports.read'), ...access.unitsFor('inspections.manage')]);
  if (q.unitId && !allowed.has(q.unitId)) throw errors.outOfScope();
  const [tree, types, successions] = await Promise.all([loadOrgTree(db), loadUnitTypes(db), listSuccessions(db)]);
  const within = q.unitId ? tree.scopeOf(q.unitId) : null;
  const edges = successions.map((s) => ({ fromIds: s.from_ids, toIds: s.to_ids }));
  const rows = (await inspectionsIn(db, localToInstant(q.from, 0), localToInstant(addDays(q.to, 1), 0))).filter(
    (r) => (allowed.has(r.target_unit_id) || allowed.has(r.issuer_unit_id)) && (!within || within.has(r.target_unit_id)),
  );

  /** The unit as of asOf: itself while it exists then (or did not exist yet), else its successor(s) then. */
  const asOfUnit = (id: string): string => {
    const n = tree.byId.get(id);
    if (!n || n.validTo === null || n.validTo > asOf) return id;
    return tree.currentSuccessors(id, edges, asOf).sort()[0] ?? id;
  };
  const label = (code: string) => {
    const t = UNIT_TYPES.find((u) => u.code === code);
    return { vi: t?.vi ?? code, en: t?.en ?? code };
  };

  const byType = new Map<string, number>();
  const byUnit = new Map<string, { inspections: number; findings: number; violations: number }>();
  const byMonth = new Map<string, { inspections: number; findings: number }>();
  for (const r of rows) {
    const unit = asOfUnit(r.target_unit_id);
    const type = types.get(unit) ?? 'KHAC';
    byType.set(type, (byType.get(type) ?? 0) + 1);
    const u = byUnit.get(unit) ?? { inspections: 0, findings: 0, violations: 0 };
    u.inspections++;
    u.findings += r.findings;
    u.violations += r.violations;
    byUnit.set(unit, u);
    const month = localDateOf(r.started_at ?? r.planned_from).slice(0, 7);
    const m = byMonth.get(month) ?? { inspections: 0, findings: 0 };
    m.inspections++;
    m.findings += r.findings;
    byMonth.set(month, m);
  }
  const items = await findingsByItem(db, rows.map((r) => r.id));
  return {
    from: q.from,
    to: q.to,
    asOf,
    total: rows.length,
    byKind: INSPECTION_KINDS.map((k) => ({ key: k, label: INSPECTION_KIND_LABELS[k], count: rows.filter((r) => r.kind === k).length })).filter((c) => c.count > 0),
    byTargetType: [...byType].map(([key, count]) => ({ key, label: label(key), count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    findingsByItem: items.map((i) => ({ code: i.code, titleVi: i.title_vi, titleEn: i.title_en, findings: i.findings, failed: i.failed })),
    findingsByUnit: [...byUnit]
      .map(([unitId, v]) => ({ unitId, unitName: tree.byId.get(unitId)?.name ?? '', ...v }))
      .sort((a, b) => b.findings - a.findings || a.unitName.localeCompare(b.unitName, 'vi')),
    byMonth: [...byMonth].map(([month, v]) => ({ month, ...v })).sort((a, b) => a.month.localeCompare(b.month)),
  };
}
