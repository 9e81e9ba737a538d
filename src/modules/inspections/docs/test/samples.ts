import type { ConclusionInput, ItemResultLine, MinutesInput } from '../types';

/** A surprise inspection of a commune People's Committee by the provincial Department of Home Affairs' team. */
export const ITEMS: ItemResultLine[] = [
  { ord: 1, code: 'WORK_RULES', title: 'Ban hành và thực hiện quy chế làm việc', legalBasis: 'CT 26/CT-TTg', verdict: 'PASS', note: null },
  { ord: 2, code: 'WORKING_HOURS', title: 'Chấp hành thời giờ làm việc', legalBasis: 'CT 05/2008/CT-TTg', verdict: 'FAIL', note: '02 người đến muộn' },
  { ord: 3, code: 'ALCOHOL', title: 'Không uống rượu, bia trước và trong giờ làm việc', legalBasis: 'Luật PCTH rượu, bia Đ5 k5', verdict: 'PASS', note: null },
  { ord: 4, code: 'ID_CARD', title: 'Đeo thẻ công chức, viên chức', legalBasis: 'QĐ 129/2007/QĐ-TTg', verdict: 'FAIL', note: '01 người không đeo thẻ' },
  { ord: 5, code: 'E_OFFICE_DOCS', title: 'Xử lý văn bản trên hệ thống văn phòng điện tử', legalBasis: null, verdict: 'NA', note: 'Đơn vị chưa triển khai' },
];

export const MINUTES: MinutesInput = {
  issuer: { superiorBody: 'UBND tỉnh Nghệ An', name: 'Sở Nội vụ', place: 'Thông Thụ' },
  number: '03/BB-ĐKT',
  numberSymbol: 'BB-ĐKT',
  date: '2026-02-05',
  kind: 'SURPRISE',
  title: 'Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính',
  scope: 'Bộ phận Một cửa và các phòng chuyên môn',
  decision: { number: '07/QĐ-SNV', date: '2026-02-02', signer: 'Giám đốc Sở Nội vụ' },
  startedAt: '2026-02-05T01:30:00Z',
  endedAt: '2026-02-05T04:45:00Z',
  place: 'trụ sở Ủy ban nhân dân xã Thông Thụ',
  team: [
    { role: 'MEMBER', name: 'Phạm Thị Hồng', title: 'Chuyên viên Thanh tra tỉnh' },
    { role: 'SECRETARY', name: 'Lê Thị Hương', title: 'Chuyên viên Sở Nội vụ' },
    { role: 'HEAD', name: 'Nguyễn Văn Đức', title: 'Phó Giám đốc Sở Nội vụ' },
  ],
  targetUnit: { name: 'Ủy ban nhân dân xã Thông Thụ' },
  representative: { name: 'Trần Văn Bình', title: 'Phó Chủ tịch UBND xã' },
  items: ITEMS,
  findings: [
    { itemCode: 'WORKING_HOURS', description: 'đến cơ quan muộn 25 phút', person: { name: 'Vi Văn Khánh', title: 'Công chức Văn phòng - Thống kê' }, observedAt: '2026-02-05T01:55:00Z' },
    { itemCode: 'WORKING_HOURS', description: 'đến cơ quan muộn 40 phút', person: { name: 'Lô Thị Mai', title: 'Công chức Tư pháp - Hộ tịch' }, observedAt: '2026-02-05T02:10:00Z' },
    { itemCode: 'ID_CARD', description: 'không đeo thẻ công chức khi tiếp công dân', person: { name: 'Vi Văn Khánh', title: 'Công chức Văn phòng - Thống kê' }, observedAt: null },
  ],
  representativeOpinion: 'Đơn vị tiếp thu ý kiến của Đoàn kiểm tra và sẽ chấn chỉnh ngay.',
  disagreement: 'Ông Vi Văn Khánh cho rằng việc đến muộn do đi công tác cơ sở theo phân công.',
  closingNote: null,
};

export const CONCLUSION: ConclusionInput = {
  issuer: { superiorBody: 'UBND tỉnh Nghệ An', name: 'Sở Nội vụ', place: 'Thông Thụ' },
  number: '05/TB-SNV',
  numberSymbol: 'TB-SNV',
  date: '2026-02-09',
  kind: 'SURPRISE',
  title: 'Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính',
  decision: MINUTES.decision,
  minutes: { number: '03/BB-ĐKT', date: '2026-02-05' },
  startedAt: MINUTES.startedAt,
  endedAt: MINUTES.endedAt,
  targetUnit: MINUTES.targetUnit,
  summary: 'Nhìn chung, cán bộ, công chức của đơn vị chấp hành tốt nội quy, quy chế làm việc.',
  items: ITEMS,
  findings: MINUTES.findings,
  shortcomings: [],
  recommendations: [
    { kind: 'CRITICIZE', text: 'phê bình vì đến muộn và không đeo thẻ công chức', person: { name: 'Vi Văn Khánh', title: 'Công chức Văn phòng - Thống kê' } },
    { kind: 'REMIND', text: 'nhắc nhở về việc chấp hành thời giờ làm việc', person: { name: 'Lô Thị Mai', title: 'Công chức Tư pháp - Hộ tịch' } },
    { kind: 'SELF_REVIEW', text: 'tổ chức kiểm điểm trách nhiệm tập thể về việc quản lý giờ giấc', person: null },
    { kind: 'PROPOSE_DISCIPLINE', text: 'vi phạm nhiều lần về thời giờ làm việc', person: { name: 'Vi Văn Khánh', title: 'Công chức Văn phòng - Thống kê' } },
  ],
  remediations: [
    { description: 'Chấn chỉnh việc chấp hành thời giờ làm việc', ownerUnitName: 'Ủy ban nhân dân xã Thông Thụ', responsiblePersonName: 'Trần Văn Bình', dueOn: '2026-03-05' },
    { description: 'Cấp lại thẻ công chức bị hỏng', ownerUnitName: 'Văn phòng HĐND và UBND xã', responsiblePersonName: null, dueOn: '2026-02-27' },
  ],
  reportDueOn: '2026-03-09',
  signer: { authorityLine: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn Đức' },
  recipients: ['UBND xã Thông Thụ', 'Giám đốc Sở (để b/c)', 'Lưu: VT, TTr'],
};
