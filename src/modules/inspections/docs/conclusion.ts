/**
 * Thông báo kết luận kiểm tra (domain.md §7): căn cứ (the decision forming the team and the minutes), the results per
 * item, tồn tại and hạn chế, kiến nghị grouped by kind (nhắc nhở, phê bình, yêu cầu kiểm điểm, đề nghị xem xét xử lý
 * kỷ luật, yêu cầu khắc phục), the remediation items with owners and deadlines (dd/MM/yyyy), the remediation report
 * deadline, the signer and Nơi nhận (NĐ 30/2020). A discipline proposal only asks the competent authority to consider
 * the case: the notice never names a disciplinary form nobody chose.
 */
import { INSPECTION_RECOMMENDATION_LABELS } from '../../../platform/glossary';
import { type BodyBlock, type OfficialDocument, renderOfficialDocx } from '../../../platform/official-docs';
import { formatDateVi, localDateOf } from '../../../platform/time';
import { asDate, documentHead, decisionPhrase, findingsByItem, itemTable, kindPhrase, personPhrase } from './common';
import type { ConclusionInput, RecommendationKindCode, RecommendationLine } from './types';

const KIND_ORDER: RecommendationKindCode[] = ['REMIND', 'CRITICIZE', 'SELF_REVIEW', 'PROPOSE_DISCIPLINE', 'FIX'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/** "ngày 05/02/2026" or "từ ngày 05/02/2026 đến ngày 06/02/2026". */
function period(from: string | Date, to: string | Date): string {
  const a = localDateOf(asDate(from));
  const b = localDateOf(asDate(to));
  return a === b ? `ngày ${formatDateVi(a)}` : `từ ngày ${formatDateVi(a)} đến ngày ${formatDateVi(b)}`;
}

function recommendationLine(r: RecommendationLine, unitName: string): string {
  return `${r.person ? personPhrase(r.person) : unitName}: ${r.text.trim()}`;
}

/** Kiến nghị grouped by kind, in the order of their weight; a discipline proposal says who decides. */
function recommendations(input: ConclusionInput): BodyBlock[] {
  const out: BodyBlock[] = [];
  let n = 0;
  for (const kind of KIND_ORDER) {
    const list = input.recommendations.filter((r) => r.kind === kind);
    if (!list.length) continue;
    out.push(`${++n}. ${INSPECTION_RECOMMENDATION_LABELS[kind].vi}:`);
    if (kind === 'PROPOSE_DISCIPLINE')
      out.push({ text: 'Đề nghị cấp có thẩm quyền xem xét, quyết định việc xử lý kỷ luật theo quy định của pháp luật đối với:', italic: true });
    out.push({ list: list.map((r) => recommendationLine(r, input.targetUnit.name)) });
  }
  return out.length ? out : ['Không có kiến nghị.'];
}

function remediations(input: ConclusionInput): BodyBlock[] {
  const out: BodyBlock[] = [];
  if (input.remediations.length)
    out.push(`Đề nghị ${input.targetUnit.name} tổ chức khắc phục các tồn tại, hạn chế nêu trên theo nội dung và thời hạn sau:`, {
      table: {
        columns: [
          { title: 'STT', widthPct: 7, center: true },
          { title: 'Nội dung khắc phục', widthPct: 45 },
          { title: 'Đơn vị, người thực hiện', widthPct: 30 },
          { title: 'Thời hạn', widthPct: 18, center: true },
        ],
        rows: input.remediations.map((r, i) => [String(i + 1), r.description, r.responsiblePersonName ? `${r.ownerUnitName}\n(${r.responsiblePersonName})` : r.ownerUnitName, formatDateVi(r.dueOn)]),
      },
    });
  else out.push('Không có nội dung phải khắc phục.');
  if (input.reportDueOn)
    out.push(`${input.targetUnit.name} báo cáo kết quả khắc phục bằng văn bản về ${input.issuer.name} trước ngày ${formatDateVi(input.reportDueOn)}.`);
  return out;
}

/** Tồn tại, hạn chế: as written by the issuer, else the failed items with their notes, then the findings. */
function shortcomings(input: ConclusionInput): BodyBlock[] {
  const written = input.shortcomings.map((s) => s.trim()).filter(Boolean);
  const failed = [...input.items].sort((a, b) => a.ord - b.ord).filter((i) => i.verdict === 'FAIL');
  const out: BodyBlock[] = [];
  if (written.length) out.push({ list: written });
  else if (failed.length) out.push({ list: failed.map((i) => (i.note ? `${i.title}: ${i.note}` : i.title)) });
  const found = findingsByItem(input.items, input.findings);
  if (found.length) out.push('Vi phạm cụ thể đã được ghi nhận tại biên bản kiểm tra:', ...found);
  return out.length ? out : ['Qua kiểm tra, chưa phát hiện tồn tại, hạn chế.'];
}

export function conclusionDocument(input: ConclusionInput): OfficialDocument {
  const decision = decisionPhrase(input.decision);
  const minutes = `Biên bản kiểm tra${input.minutes.number ? ` số ${input.minutes.number}` : ''} ngày ${formatDateVi(input.minutes.date)} của Đoàn kiểm tra công vụ`;
  const body: BodyBlock[] = [];
  if (decision) body.push({ text: `Căn cứ ${decision};`, italic: true });
  body.push(
    { text: `Căn cứ ${minutes};`, italic: true },
    `${period(input.startedAt, input.endedAt).replace(/^./, (c) => c.toUpperCase())}, Đoàn kiểm tra công vụ đã tiến hành kiểm tra ${kindPhrase(input.kind)} đối với ${input.targetUnit.name}.`,
    `Nội dung: ${input.title}.`,
    `${input.issuer.name} thông báo kết luận kiểm tra như sau:`,
  );
  const sections: Array<[string, BodyBlock[]]> = [
    ['KẾT QUẢ KIỂM TRA', [...(input.summary?.trim() ? [input.summary.trim()] : []), itemTable(input.items)]],
    ['TỒN TẠI, HẠN CHẾ', shortcomings(input)],
    ['KIẾN NGHỊ', recommendations(input)],
    ['TỔ CHỨC KHẮC PHỤC', remediations(input)],
  ];
  sections.forEach(([title, blocks], i) => body.push({ text: `${ROMAN[i]}. ${title}`, bold: true }, ...blocks));
  body.push(`Trên đây là Thông báo kết luận kiểm tra công vụ tại ${input.targetUnit.name}. Đề nghị ${input.targetUnit.name} và các cơ quan, đơn vị có liên quan nghiêm túc thực hiện./.`);
  return {
    ...documentHead(input),
    type: 'THÔNG BÁO',
    summary: `Kết luận kiểm tra công vụ tại ${input.targetUnit.name}`,
    body,
    recipients: input.recipients,
    signature: input.signer,
  };
}

/** The conclusion notice as DOCX bytes; the same input gives the same bytes (dated `input.date`). */
export async function conclusionDocx(input: ConclusionInput): Promise<Uint8Array> {
  return renderOfficialDocx(conclusionDocument(input));
}
