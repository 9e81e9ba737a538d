import type { z } from 'zod';
import type { Access } from '../../platform/access';
import {
  INSPECTION_KIND_LABELS,
  INSPECTION_RECOMMENDATION_LABELS,
  INSPECTION_STATE_LABELS,
  INSPECTION_VERDICT_LABELS,
  REMEDIATION_STATE_LABELS,
} from '../../platform/glossary';
import type { Db } from '../../platform/ports/db';
import { localDateOf } from '../../platform/time';
import { recordAudit } from '../audit';
import { loadOrgTree } from '../org';
import { getPerson } from '../people';
import { attendanceAtVisit, evidenceDto } from './camera-evidence.service';
import { documentDto } from './documents.service';
import { isOverdue } from './domain/states';
import { canSee, type Standing, unitNamer, visibleInspection } from './guards';
import type { ZInspectionListQuery } from './inspections.dto';
import * as repo from './inspections.repo';
import { photoDto } from './photos.service';
import { itemDto } from './plans.service';

/** Read models of the inspection: the list (filtered by who may see what) and the full view. */

export function findingDto(f: repo.FindingRow, itemCode: string, personName: string | null) {
  return { id: f.id, clientId: f.client_id, itemId: f.item_id, itemCode, personId: f.person_id, personName, description: f.description, observedAt: f.observed_at, violationId: f.violation_id, createdAt: f.created_at };
}

export async function findingView(db: Db, f: repo.FindingRow) {
  const item = await repo.getItem(db, f.item_id);
  return findingDto(f, item?.code ?? '', f.person_id ? ((await getPerson(db, f.person_id))?.full_name ?? null) : null);
}

export async function listInspections(db: Db, access: Access, q: z.infer<typeof ZInspectionListQuery>) {
  const units = [...new Set([...access.unitsFor('inspections.manage'), ...access.unitsFor('reports.read')])];
  const tree = await loadOrgTree(db);
  const rows = await repo.listInspectionRows(db, {
    unitIds: units,
    memberOf: access.principal.userId,
    kind: q.kind,
    state: q.state,
    targetUnitIds: q.unitId ? [...tree.scopeOf(q.unitId)] : undefined,
    planId: q.planId,
    from: q.from,
    to: q.to,
  });
  const name = (id: string) => tree.byId.get(id)?.name ?? '';
  const visible = rows.filter((r) => {
    const s: Standing = {
      issuer: access.canInUnit('inspections.manage', r.issuer_unit_id),
      member: r.member,
      leader: access.canInUnit('reports.read', r.target_unit_id) || access.canInUnit('reports.read', r.issuer_unit_id),
    };
    return canSee(s, r);
  });
  const cmp: Record<typeof q.sort, (a: repo.InspectionRow, b: repo.InspectionRow) => number> = {
    plannedFrom: (a, b) => a.planned_from.getTime() - b.planned_from.getTime(),
    '-plannedFrom': (a, b) => b.planned_from.getTime() - a.planned_from.getTime(),
    state: (a, b) => a.state.localeCompare(b.state) || b.planned_from.getTime() - a.planned_from.getTime(),
    target: (a, b) => name(a.target_unit_id).localeCompare(name(b.target_unit_id), 'vi'),
  };
  visible.sort(cmp[q.sort]);
  const page = visible.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  return {
    items: page.map((r) => ({
      id: r.id,
      planId: r.plan_id,
      kind: r.kind,
      kindLabel: INSPECTION_KIND_LABELS[r.kind],
      state: r.state,
      stateLabel: INSPECTION_STATE_LABELS[r.state],
      title: r.title,
      issuerUnitId: r.issuer_unit_id,
      issuerUnitName: name(r.issuer_unit_id),
      targetUnitId: r.target_unit_id,
      targetUnitName: name(r.target_unit_id),
      plannedFrom: r.planned_from,
      plannedTo: r.planned_to,
      decisionNo: r.decision_no,
      startedAt: r.started_at,
      findings: r.findings,
      member: r.member,
    })),
    total: visible.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The full view; reading it is audited (it names persons and their findings). */
export async function inspectionView(db: Db, access: Access, id: string, now: Date) {
  const { i, s } = await visibleInspection(db, access, id);
  const name = await unitNamer(db);
  const [checklist, items, results, team, found, pics, ev, docs, recs, rems] = await Promise.all([
    repo.getChecklist(db, i.checklist_id),
    repo.checklistItems(db, i.checklist_id),
    repo.results(db, id),
    repo.members(db, id),
    repo.findings(db, id),
    repo.photos(db, id),
    repo.evidenceOf(db, id),
    repo.documents(db, id),
    repo.recommendations(db, id),
    repo.remediations(db, id),
  ]);
  const personNames = new Map<string, string>();
  for (const pid of new Set([...found, ...recs].map((x) => x.person_id).filter((p): p is string => !!p)))
    personNames.set(pid, (await getPerson(db, pid))?.full_name ?? '');
  const codeOf = new Map(items.map((it) => [it.id, it.code]));
  const today = localDateOf(now);
  const fieldWork = s.member && i.state === 'IN_PROGRESS';
  await recordAudit(db, { actor: access.actor(), action: 'inspections.view', entityType: 'inspection', entityId: id, unitId: i.target_unit_id }, now);
  return {
    inspection: {
      id: i.id,
      planId: i.plan_id,
      kind: i.kind,
      kindLabel: INSPECTION_KIND_LABELS[i.kind],
      state: i.state,
      stateLabel: INSPECTION_STATE_LABELS[i.state],
      issuerUnitId: i.issuer_unit_id,
      issuerUnitName: name(i.issuer_unit_id),
      targetUnitId: i.target_unit_id,
      targetUnitName: name(i.target_unit_id),
      title: i.title,
      scope: i.scope,
      plannedFrom: i.planned_from,
      plannedTo: i.planned_to,
      place: i.place,
      checklistId: i.checklist_id,
      checklistVersion: checklist?.version ?? 1,
      decisionNo: i.decision_no,
      decisionDate: i.decision_date,
      decisionSigner: i.decision_signer,
      startedAt: i.started_at,
      endedAt: i.ended_at,
      representativeName: i.representative_name,
      representativeTitle: i.representative_title,
      representativeOpinion: i.representative_opinion,
      disagreement: i.disagreement,
      closingNote: i.closing_note,
      closedAt: i.closed_at,
      createdAt: i.created_at,
    },
    members: team.map((m) => ({ userId: m.user_id, personId: m.person_id, role: m.role, name: m.name, title: m.title })),
    items: items.map((it) => {
      const r = results.find((x) => x.item_id === it.id);
      return { ...itemDto(it), verdict: r?.verdict ?? null, verdictLabel: r?.verdict ? INSPECTION_VERDICT_LABELS[r.verdict] : null, note: r?.note ?? '', updatedAt: r?.updated_at ?? null };
    }),
    findings: found.map((f) => findingDto(f, codeOf.get(f.item_id) ?? '', f.person_id ? (personNames.get(f.person_id) ?? null) : null)),
    photos: pics.map(photoDto),
    evidence: ev.map(evidenceDto),
    documents: docs.map(documentDto),
    recommendations: recs.map((r) => ({ id: r.id, kind: r.kind, kindLabel: INSPECTION_RECOMMENDATION_LABELS[r.kind], text: r.text, personId: r.person_id, personName: r.person_id ? (personNames.get(r.person_id) ?? null) : null })),
    remediations: rems.map((r) => ({
      id: r.id,
      description: r.description,
      ownerUnitId: r.owner_unit_id,
      ownerUnitName: name(r.owner_unit_id),
      responsiblePersonId: r.responsible_person_id,
      dueOn: r.due_on,
      state: r.state,
      stateLabel: REMEDIATION_STATE_LABELS[r.state],
      overdue: isOverdue(r, today),
      report: r.report,
      reportedAt: r.reported_at,
      closedNote: r.closed_note,
      closedAt: r.closed_at,
    })),
    attendanceAtVisit: s.member || s.issuer || s.leader ? await attendanceAtVisit(db, i, now) : null,
    can: {
      manage: s.issuer && (i.state === 'DRAFT' || i.state === 'DECIDED'),
      fieldWork,
      minutes: (s.member || s.issuer) && i.state === 'IN_PROGRESS',
      conclude: s.issuer && i.state === 'MINUTES_ISSUED',
      report: (s.issuer || rems.some((r) => access.canInUnit('reports.read', r.owner_unit_id))) && i.state === 'REMEDIATING',
      close: s.issuer && (i.state === 'REMEDIATING' || i.state === 'CONCLUDED'),
    },
  };
}
