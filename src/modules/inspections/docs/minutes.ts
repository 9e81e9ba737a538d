/**
 * Biên bản kiểm tra công vụ (domain.md §7): when and where, the team with their posts, the inspected unit and its
 * representative, each checklist item with its verdict (Đạt / Không đạt / Không áp dụng) and note, the findings with
 * the persons named, the representative's opinion and any disagreement, the closing line on the originals, and the
 * signatures of the unit's representative and the team head side by side with the secretary below (NĐ 30/2020).
 * The minutes record what the team found; they propose nothing about anyone.
 */
import { type BodyBlock, type OfficialDocument, renderOfficialDocx, type SignatureSlot } from '../../../platform/official-docs';
import { localDateOf } from '../../../platform/time';
import { asDate, documentHead, clock, clockAndDay, decisionPhrase, findingsByItem, itemTable, kindPhrase, namedPersons, personPhrase, teamLines, two } from './common';
import type { MinutesInput } from './types';

/** "Biên bản kết thúc vào hồi 11 giờ 30 phút cùng ngày, được lập thành 02 bản…". */
function closingLine(input: MinutesInput): string {
  const copies = Math.max(2, input.copies ?? 2);
  const end = asDate(input.endedAt);
  const sameDay = localDateOf(end) === localDateOf(asDate(input.startedAt));
  const when = sameDay ? `${clock(end)} cùng ngày` : clockAndDay(end);
  const agreed = input.disagreement ? 'cùng nghe và ký tên dưới đây' : 'cùng nghe, thống nhất và ký tên dưới đây';
  return `Biên bản kết thúc vào hồi ${when}, được lập thành ${two(copies)} bản có giá trị như nhau, Đoàn kiểm tra giữ ${two(copies - 1)} bản, ${input.targetUnit.name} giữ 01 bản; biên bản đã được đọc lại cho những người có tên trên ${agreed}.`;
}

export function minutesDocument(input: MinutesInput): OfficialDocument {
  const decision = decisionPhrase(input.decision);
  const head = input.team.find((m) => m.role === 'HEAD');
  const secretary = input.team.find((m) => m.role === 'SECRETARY');
  const persons = namedPersons(input.findings);
  const body: BodyBlock[] = [
    { text: decision ? `Thực hiện ${decision};` : `Thực hiện nhiệm vụ kiểm tra công vụ ${kindPhrase(input.kind)};`, italic: true },
    `Hôm nay, vào hồi ${clockAndDay(input.startedAt)}, tại ${input.place}, Đoàn kiểm tra công vụ tiến hành kiểm tra ${kindPhrase(input.kind)} đối với ${input.targetUnit.name}.`,
    `Nội dung: ${input.title}.`,
  ];
  if (input.scope) body.push(`Phạm vi kiểm tra: ${input.scope}.`);
  body.push(
    { text: 'I. THÀNH PHẦN', bold: true },
    '1. Đoàn kiểm tra:',
    { list: teamLines(input.team) },
    `2. Đơn vị được kiểm tra: ${input.targetUnit.name}.`,
    `Đại diện đơn vị: ${personPhrase(input.representative)}.`,
    { text: 'II. NỘI DUNG VÀ KẾT QUẢ KIỂM TRA', bold: true },
    '1. Kết quả kiểm tra theo từng nội dung:',
    itemTable(input.items),
    '2. Những vi phạm, tồn tại phát hiện qua kiểm tra:',
  );
  const found = findingsByItem(input.items, input.findings);
  body.push(...(found.length ? found : ['Qua kiểm tra, Đoàn kiểm tra không phát hiện vi phạm.']));
  if (persons.length) body.push('3. Cá nhân có vi phạm được nêu tên trong biên bản:', { list: persons.map(personPhrase) });
  body.push(
    { text: 'III. Ý KIẾN CỦA ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA', bold: true },
    input.representativeOpinion?.trim() ? input.representativeOpinion.trim() : 'Đại diện đơn vị không có ý kiến khác.',
  );
  if (input.disagreement?.trim()) body.push({ text: 'Ý kiến chưa thống nhất với nội dung biên bản:', italic: true }, input.disagreement.trim());
  if (input.closingNote?.trim()) body.push(input.closingNote.trim());
  body.push(closingLine(input));
  const rows: SignatureSlot[][] = [
    [
      { authorityLine: 'Đại diện đơn vị được kiểm tra', title: input.representative.title, name: input.representative.name },
      { authorityLine: 'TM. Đoàn kiểm tra', title: 'Trưởng đoàn', name: head?.name ?? '' },
    ],
  ];
  if (secretary) rows.push([{ title: 'Thư ký', name: secretary.name }]);
  return {
    ...documentHead(input),
    type: 'BIÊN BẢN',
    summary: `Kiểm tra công vụ tại ${input.targetUnit.name}`,
    body,
    recipients: [],
    signature: { title: 'Trưởng đoàn', name: head?.name ?? '' },
    signatureRows: rows,
  };
}

/** The minutes as DOCX bytes; the same input gives the same bytes (dated `input.date`). */
export async function minutesDocx(input: MinutesInput): Promise<Uint8Array> {
  return renderOfficialDocx(minutesDocument(input));
}

