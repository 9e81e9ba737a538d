/**
 * The three documents of the procedure, worded from the case data in the usual practice of commune People's
 * Committees: giấy mời họp kiểm điểm, biên bản (review meeting / disciplinary council) and quyết định kỷ luật. The
 * software writes down what people decided and entered; it never words a form nobody chose.
 */
import { formatDateVi } from '../../../platform/time';
import type { OfficialDocument } from '../../../platform/official-docs';

export interface Issuer {
  name: string;
  superior: string | null;
  place: string;
  abbr: string;
}

export interface Subject {
  fullName: string;
  gender: string | null;
  position: string | null;
  unitName: string;
  categoryLabel: string;
}

export interface Signer {
  authorityLine: string | null;
  title: string;
  name: string;
}

/** "UBND xã Thông Thụ" → "Ủy ban nhân dân xã Thông Thụ", place "Thông Thụ", abbreviation "UBND". */
export function issuerOf(unitName: string, superior: string | null): Issuer {
  const name = unitName.replace(/^UBND\b/, 'Ủy ban nhân dân');
  const place = /(?:xã|phường|thị trấn|đặc khu|tỉnh|thành phố|huyện)\s+(.+)$/i.exec(unitName)?.[1]?.trim() ?? unitName;
  const abbr = /^(UBND|Ủy ban nhân dân)/i.test(unitName)
    ? 'UBND'
    : unitName
        .split(/\s+/)
        .filter((w) => /^[A-ZĐÂĂÊÔƠƯ]/.test(w))
        .map((w) => w[0])
        .join('')
        .toUpperCase() || 'CQ';
  return { name, superior, place, abbr };
}

const honorific = (s: Subject) => (s.gender === 'NU' ? 'bà' : s.gender === 'NAM' ? 'ông' : 'ông/bà');
const describe = (s: Subject) => `${honorific(s)} ${s.fullName}${s.position ? `, ${s.position}` : ''}, ${s.unitName}`;

export function reviewInvitation(
  i: Issuer,
  s: Subject,
  m: { number: string | null; date: string; meetingOn: string; meetingTime: string; place: string; violations: string[]; signer: Signer },
): OfficialDocument {
  return {
    superiorBody: i.superior,
    issuer: i.name,
    number: m.number,
    numberSymbol: `GM-${i.abbr}`,
    place: i.place,
    date: m.date,
    type: 'GIẤY MỜI',
    summary: 'Họp kiểm điểm',
    body: [
      `${i.name} trân trọng kính mời ${describe(s)} tham dự cuộc họp kiểm điểm.`,
      `Nội dung: kiểm điểm đối với ${describe(s)} về các vi phạm sau: ${m.violations.join('; ')}.`,
      `Thời gian: ${m.meetingTime}, ngày ${formatDateVi(m.meetingOn)}.`,
      `Địa điểm: ${m.place}.`,
      `Đề nghị ${honorific(s)} ${s.fullName} chuẩn bị bản tự kiểm điểm và tham dự đúng thời gian, địa điểm nêu trên; có quyền trình bày ý kiến, giải trình và cung cấp chứng cứ tại cuộc họp.`,
    ],
    recipients: ['Như trên', `Lưu: VT, ${i.abbr}`],
    signature: m.signer,
  };
}

export function meetingMinutes(
  i: Issuer,
  s: Subject,
  m: {
    kind: 'REVIEW' | 'COUNCIL';
    heldOn: string;
    place: string;
    meetingTime: string;
    attendees: Array<{ name: string; role: string }>;
    opinions: Array<{ name: string; opinion: string }>;
    personPresent: boolean;
    conclusion: string;
    ballot?: Array<{ label: string; votes: number }>;
    recommendation?: string | null;
    chair: string;
    secretary: string;
  },
): OfficialDocument {
  const council = m.kind === 'COUNCIL';
  const body: OfficialDocument['body'] = [
    `Vào hồi ${m.meetingTime}, ngày ${formatDateVi(m.heldOn)}, tại ${m.place}, ${council ? 'Hội đồng kỷ luật' : i.name} tổ chức họp ${council ? 'xem xét xử lý kỷ luật' : 'kiểm điểm'} đối với ${describe(s)}.`,
    { text: 'I. THÀNH PHẦN THAM DỰ', bold: true },
    ...m.attendees.map((a) => `- ${a.name}: ${a.role}.`),
    `Người được kiểm điểm: ${s.fullName} — ${m.personPresent ? 'có mặt' : 'vắng mặt'}.`,
    { text: 'II. NỘI DUNG', bold: true },
    ...m.opinions.map((o) => `- Ý kiến của ${o.name}: ${o.opinion}`),
  ];
  if (council && m.ballot) {
    body.push({ text: 'III. KẾT QUẢ BỎ PHIẾU KÍN', bold: true });
    for (const b of m.ballot) body.push(`- Hình thức ${b.label}: ${b.votes} phiếu.`);
    if (m.recommendation) body.push(`Kiến nghị của Hội đồng kỷ luật: ${m.recommendation}`);
  }
  body.push({ text: council ? 'IV. KẾT LUẬN' : 'III. KẾT LUẬN', bold: true }, m.conclusion, 'Biên bản được lập xong vào cùng ngày, đã đọc lại cho những người tham dự cùng nghe và nhất trí.');
  return {
    superiorBody: council ? i.name : i.superior,
    issuer: council ? 'Hội đồng kỷ luật' : i.name,
    number: null,
    numberSymbol: `BB-${council ? 'HĐKL' : i.abbr}`,
    place: i.place,
    date: m.heldOn,
    type: 'BIÊN BẢN',
    summary: council ? `Họp Hội đồng kỷ luật xem xét xử lý kỷ luật đối với ${honorific(s)} ${s.fullName}` : `Họp kiểm điểm đối với ${honorific(s)} ${s.fullName}`,
    body,
    recipients: [],
    signature: { authorityLine: null, title: council ? 'Chủ tịch Hội đồng' : 'Chủ trì', name: m.chair },
    leftSignature: { title: 'Thư ký', name: m.secretary },
  };
}

export function decisionDocument(
  i: Issuer,
  s: Subject,
  d: {
    number: string;
    signedOn: string;
    effectiveOn: string;
    formLabel: string;
    reasons: string;
    legalBasis: string;
    councilNote: string | null;
    signer: Signer;
    deciderTitle: string;
  },
): OfficialDocument {
  return {
    superiorBody: i.superior,
    issuer: i.name,
    number: d.number,
    numberSymbol: `QĐ-${i.abbr}`,
    place: i.place,
    date: d.signedOn,
    type: 'QUYẾT ĐỊNH',
    summary: `Về việc thi hành kỷ luật đối với ${honorific(s)} ${s.fullName}`,
    preamble: [`${d.deciderTitle.toUpperCase()} ${i.name.toUpperCase()}`],
    body: [
      { text: `Căn cứ ${d.legalBasis};`, italic: true },
      ...(d.councilNote ? [{ text: `Căn cứ ${d.councilNote};`, italic: true }] : []),
      { text: `Xét đề nghị của cơ quan, đơn vị quản lý ${s.categoryLabel.toLowerCase()}.`, italic: true },
      { text: 'QUYẾT ĐỊNH:', bold: true, center: true },
      `Điều 1. Thi hành kỷ luật bằng hình thức ${d.formLabel.toUpperCase()} đối với ${describe(s)}.`,
      `Lý do: ${d.reasons}`,
      `Điều 2. Quyết định này có hiệu lực kể từ ngày ${formatDateVi(d.effectiveOn)}. ${honorific(s).replace(/^./, (c) => c.toUpperCase())} ${s.fullName} có quyền khiếu nại quyết định này theo quy định của pháp luật về khiếu nại.`,
      `Điều 3. Thủ trưởng các cơ quan, đơn vị có liên quan và ${honorific(s)} ${s.fullName} chịu trách nhiệm thi hành Quyết định này.`,
    ],
    recipients: ['Như Điều 3', 'Lưu: VT, hồ sơ cá nhân'],
    signature: d.signer,
  };
}
