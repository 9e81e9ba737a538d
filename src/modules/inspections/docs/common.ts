/**
 * Wording shared by the minutes and the conclusion: the "căn cứ" line naming the decision that formed the team, the
 * kind of inspection in running text, times in Vietnam time ("08 giờ 30 phút, ngày 05/02/2026"), the item table and
 * the findings grouped by item with the persons named. Labels come from the glossary, never a second copy.
 */
import { INSPECTION_KIND_LABELS, INSPECTION_MEMBER_ROLE_LABELS, INSPECTION_VERDICT_LABELS } from '../../../platform/glossary';
import type { BodyBlock, OfficialDocument } from '../../../platform/official-docs';
import { formatDateVi, localDateOf, localMinuteOf } from '../../../platform/time';
import type { FindingLine, FormingDecision, InspectionDocumentBase, InspectionKindCode, ItemResultLine, TeamMemberLine } from './types';

export const asDate = (x: string | Date): Date => (x instanceof Date ? x : new Date(x));

/** "08 giờ 30 phút" in Vietnam time. */
export function clock(at: string | Date): string {
  const m = Math.floor(localMinuteOf(asDate(at)));
  return `${String(Math.floor(m / 60)).padStart(2, '0')} giờ ${String(m % 60).padStart(2, '0')} phút`;
}

/** "08 giờ 30 phút, ngày 05/02/2026". */
export function clockAndDay(at: string | Date): string {
  return `${clock(at)}, ngày ${formatDateVi(localDateOf(asDate(at)))}`;
}

/** The kind in running text, lower-case: "theo kế hoạch", "đột xuất", "liên ngành", "theo phản ánh, khiếu nại". */
export function kindPhrase(kind: InspectionKindCode): string {
  const vi: string = INSPECTION_KIND_LABELS[kind].vi;
  return vi.charAt(0).toLowerCase() + vi.slice(1);
}

/** "Quyết định số 12/QĐ-SNV ngày 02/02/2026 của Giám đốc Sở Nội vụ"; null when the team has no numbered decision. */
export function decisionPhrase(d: FormingDecision): string | null {
  if (!d.number) return null;
  return `Quyết định số ${d.number}${d.date ? ` ngày ${formatDateVi(d.date)}` : ''}${d.signer ? ` của ${d.signer}` : ''} về việc thành lập Đoàn kiểm tra công vụ`;
}

/** "Nguyễn Văn A, Chuyên viên Phòng Tư pháp". */
export function personPhrase(p: { name: string; title: string | null }): string {
  return p.title ? `${p.name}, ${p.title}` : p.name;
}

const ROLE_ORDER = { HEAD: 0, MEMBER: 1, SECRETARY: 2 } as const;

/** Team lines, head first, secretary last: "Nguyễn Văn Đức, Phó Giám đốc Sở Nội vụ — Trưởng đoàn". */
export function teamLines(team: TeamMemberLine[]): string[] {
  return [...team].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]).map((m) => `${personPhrase(m)} — ${INSPECTION_MEMBER_ROLE_LABELS[m.role].vi}`);
}

export function verdictLabel(v: ItemResultLine['verdict']): string {
  return INSPECTION_VERDICT_LABELS[v].vi;
}

/** The checklist table: STT, item (with its legal basis), verdict, note. */
export function itemTable(items: ItemResultLine[]): BodyBlock {
  const sorted = [...items].sort((a, b) => a.ord - b.ord);
  return {
    table: {
      columns: [
        { title: 'STT', widthPct: 7, center: true },
        { title: 'Nội dung kiểm tra', widthPct: 50 },
        { title: 'Kết quả', widthPct: 15, center: true },
        { title: 'Ghi chú', widthPct: 28 },
      ],
      rows: sorted.map((it, i) => [String(i + 1), it.legalBasis ? `${it.title}\n(${it.legalBasis})` : it.title, verdictLabel(it.verdict), it.note ?? '']),
    },
  };
}

/** One line per finding: "Nguyễn Văn A, Chuyên viên: không đeo thẻ công chức (lúc 08 giờ 15 phút, ngày 05/02/2026)". */
export function findingText(f: FindingLine): string {
  const when = f.observedAt ? ` (lúc ${clockAndDay(f.observedAt)})` : '';
  return f.person ? `${personPhrase(f.person)}: ${f.description}${when}` : `${f.description}${when}`;
}

/**
 * The findings under each item, in checklist order ("1. Đeo thẻ công chức:" then "- …" lines); findings whose item
 * is not in the list come last under "Nội dung khác". Empty when nothing was found.
 */
export function findingsByItem(items: ItemResultLine[], findings: FindingLine[]): BodyBlock[] {
  const sorted = [...items].sort((a, b) => a.ord - b.ord);
  const known = new Set(sorted.map((i) => i.code));
  const groups: Array<[string, FindingLine[]]> = sorted.map((it) => [it.title, findings.filter((f) => f.itemCode === it.code)]);
  groups.push(['Nội dung khác', findings.filter((f) => !known.has(f.itemCode))]);
  const out: BodyBlock[] = [];
  let n = 0;
  for (const [title, list] of groups) {
    if (!list.length) continue;
    out.push(`${++n}. ${title}:`);
    out.push({ list: list.map(findingText) });
  }
  return out;
}

/** Distinct persons named in the findings, in order of first mention. */
export function namedPersons(findings: FindingLine[]): Array<{ name: string; title: string | null }> {
  const seen = new Map<string, { name: string; title: string | null }>();
  for (const f of findings) if (f.person && !seen.has(`${f.person.name}|${f.person.title ?? ''}`)) seen.set(`${f.person.name}|${f.person.title ?? ''}`, f.person);
  return [...seen.values()];
}

/** Two digits below 10, as numbers in administrative text are written ("02 bản"). */
export const two = (n: number) => String(n).padStart(2, '0');

/** The NĐ 30 head of either document: issuing body, number and place-date line. */
export function documentHead(input: InspectionDocumentBase): Pick<OfficialDocument, 'superiorBody' | 'issuer' | 'number' | 'numberSymbol' | 'place' | 'date'> {
  return { superiorBody: input.issuer.superiorBody, issuer: input.issuer.name, number: input.number, numberSymbol: input.numberSymbol, place: input.issuer.place, date: input.date };
}
