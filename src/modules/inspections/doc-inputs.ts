import type { Db } from '../../platform/ports/db';
import { localDateOf } from '../../platform/time';
import { getUnit, loadOrgTree } from '../org';
import { getPerson } from '../people';
import type { DocIssuer, FindingLine, ItemResultLine, TeamMemberLine } from './docs';
import { checklistItems, findings, type InspectionRow, members, results } from './inspections.repo';

/**
 * What both documents print, resolved from the inspection: the issuer (its superior body on the date), the team, the
 * items with their verdicts and the findings with the persons named (name and post). The builders are pure; every
 * name is looked up here.
 */
export interface DocContext {
  issuer: DocIssuer;
  issuerShortName: string;
  targetUnit: { name: string };
  team: TeamMemberLine[];
  items: ItemResultLine[];
  findings: FindingLine[];
  unjudged: string[];
  personName: (id: string | null) => Promise<{ name: string; title: string | null } | null>;
}

export async function docContext(db: Db, i: InspectionRow, place: string | undefined): Promise<DocContext> {
  const tree = await loadOrgTree(db);
  const issuerUnit = await getUnit(db, i.issuer_unit_id);
  const parent = issuerUnit.parent_id ? tree.byId.get(issuerUnit.parent_id) : undefined;
  const people = new Map<string, { name: string; title: string | null } | null>();
  const personName = async (id: string | null) => {
    if (!id) return null;
    if (!people.has(id)) {
      const p = await getPerson(db, id);
      people.set(id, p ? { name: p.full_name, title: p.position_title } : null);
    }
    return people.get(id) ?? null;
  };
  const [items, res, found, team] = await Promise.all([checklistItems(db, i.checklist_id), results(db, i.id), findings(db, i.id), members(db, i.id)]);
  const verdictOf = new Map(res.map((r) => [r.item_id, r]));
  const codeOf = new Map(items.map((it) => [it.id, it.code]));
  const findingLines: FindingLine[] = [];
  for (const f of found)
    findingLines.push({ itemCode: codeOf.get(f.item_id) ?? '', description: f.description, person: await personName(f.person_id), observedAt: f.observed_at });
  return {
    issuer: { superiorBody: parent?.name ?? null, name: issuerUnit.name, place: place ?? (i.place || issuerUnit.name) },
    issuerShortName: issuerUnit.short_name ?? 'ĐKT',
    targetUnit: { name: tree.byId.get(i.target_unit_id)?.name ?? '' },
    team: team.map((m) => ({ role: m.role, name: m.name, title: m.title })),
    items: items.map((it) => ({
      ord: it.ord,
      code: it.code,
      title: it.title_vi,
      legalBasis: it.legal_basis || null,
      verdict: verdictOf.get(it.id)?.verdict ?? 'NA',
      note: verdictOf.get(it.id)?.note || null,
    })),
    findings: findingLines,
    unjudged: items.filter((it) => !verdictOf.get(it.id)?.verdict).map((it) => it.code),
    personName,
  };
}

export function decisionOf(i: InspectionRow) {
  return { number: i.decision_no, date: i.decision_date, signer: i.decision_signer };
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export const todayOf = (now: Date) => localDateOf(now);
