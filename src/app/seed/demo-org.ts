/**
 * The demo agency: xã Thông Thụ (Nghệ An), formed on 01/07/2025 by merging the former communes Đồng Văn and
 * Thông Thụ of the former district Quế Phong (NQ 1678/NQ-UBTVQH15), plus a neighbouring commune to show that unit
 * scope is enforced. Names are invented; places follow domain.md §10.
 */
export interface DemoUnit {
  code: string;
  name: string;
  shortName?: string;
  unitType: string;
  adminLevel: string;
  parent?: string;
  validFrom: string;
  validTo?: string;
  legalBasis?: string;
}

export const DEMO_UNITS: DemoUnit[] = [
  { code: 'NA-UBND', name: 'UBND tỉnh Nghệ An', shortName: 'UBND', unitType: 'UBND_TINH', adminLevel: 'TINH', validFrom: '1991-08-16' },
  { code: 'NA-SNV', name: 'Sở Nội vụ tỉnh Nghệ An', shortName: 'SNV', unitType: 'SO', adminLevel: 'TINH', parent: 'NA-UBND', validFrom: '1991-08-16' },
  { code: 'QP-UBND', name: 'UBND huyện Quế Phong (cũ)', shortName: 'UBND', unitType: 'UBND_HUYEN', adminLevel: 'HUYEN', parent: 'NA-UBND', validFrom: '1963-04-19', validTo: '2025-07-01' },
  { code: 'QP-PNV', name: 'Phòng Nội vụ huyện Quế Phong (cũ)', shortName: 'PNV', unitType: 'PHONG_HUYEN', adminLevel: 'HUYEN', parent: 'QP-UBND', validFrom: '2008-04-01', validTo: '2025-07-01' },
  { code: 'DV-UBND', name: 'UBND xã Đồng Văn (cũ)', shortName: 'UBND', unitType: 'UBND_XA', adminLevel: 'XA', parent: 'QP-UBND', validFrom: '1963-04-19', validTo: '2025-07-01' },
  { code: 'TTC-UBND', name: 'UBND xã Thông Thụ (cũ)', shortName: 'UBND', unitType: 'UBND_XA', adminLevel: 'XA', parent: 'QP-UBND', validFrom: '1963-04-19', validTo: '2025-07-01' },
  { code: 'TT-UBND', name: 'UBND xã Thông Thụ', shortName: 'UBND', unitType: 'UBND_XA', adminLevel: 'XA', parent: 'NA-UBND', validFrom: '2025-07-01', legalBasis: 'NQ 1678/NQ-UBTVQH15' },
  { code: 'TT-VP', name: 'Văn phòng HĐND và UBND xã Thông Thụ', shortName: 'VP', unitType: 'VAN_PHONG_HDND_UBND_XA', adminLevel: 'XA', parent: 'TT-UBND', validFrom: '2025-07-01', legalBasis: 'NĐ 150/2025/NĐ-CP' },
  { code: 'TT-PKT', name: 'Phòng Kinh tế xã Thông Thụ', shortName: 'PKT', unitType: 'PHONG_KINH_TE', adminLevel: 'XA', parent: 'TT-UBND', validFrom: '2025-07-01', legalBasis: 'NĐ 150/2025/NĐ-CP' },
  { code: 'TT-VHXH', name: 'Phòng Văn hóa - Xã hội xã Thông Thụ', shortName: 'VHXH', unitType: 'PHONG_VH_XH', adminLevel: 'XA', parent: 'TT-UBND', validFrom: '2025-07-01', legalBasis: 'NĐ 150/2025/NĐ-CP' },
  { code: 'TT-TTPVHCC', name: 'Trung tâm Phục vụ hành chính công xã Thông Thụ', shortName: 'TTPVHCC', unitType: 'TTPVHCC_XA', adminLevel: 'XA', parent: 'TT-UBND', validFrom: '2025-07-01', legalBasis: 'NĐ 150/2025/NĐ-CP' },
  { code: 'TT-MOTCUA', name: 'Bộ phận Một cửa xã Thông Thụ', shortName: 'BPMC', unitType: 'BO_PHAN_MOT_CUA', adminLevel: 'KHAC', parent: 'TT-TTPVHCC', validFrom: '2025-07-01', legalBasis: 'NĐ 118/2025/NĐ-CP' },
  { code: 'TP-UBND', name: 'UBND xã Tiền Phong', shortName: 'UBND', unitType: 'UBND_XA', adminLevel: 'XA', parent: 'NA-UBND', validFrom: '2025-07-01', legalBasis: 'NQ 1678/NQ-UBTVQH15' },
  { code: 'TP-VP', name: 'Văn phòng HĐND và UBND xã Tiền Phong', shortName: 'VP', unitType: 'VAN_PHONG_HDND_UBND_XA', adminLevel: 'XA', parent: 'TP-UBND', validFrom: '2025-07-01' },
];

export const DEMO_SUCCESSIONS = [
  { kind: 'MERGE' as const, from: ['DV-UBND', 'TTC-UBND'], to: ['TT-UBND'], effectiveDate: '2025-07-01', legalBasis: 'NQ 1678/NQ-UBTVQH15' },
];

/** Demo accounts: username → role at unit, linked staff code. One shared demo password, printed at seed time. */
export const DEMO_PASSWORD = 'KyCuong@2026';
export const DEMO_USERS = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'sysadmin', unit: 'NA-UBND', person: null },
  { username: 'chutich', displayName: 'Lê Văn Thành — Chủ tịch UBND xã', role: 'chairman', unit: 'TT-UBND', person: 'TT001' },
  { username: 'chanhvp', displayName: 'Nguyễn Thị Hằng — Chánh Văn phòng', role: 'office_chief', unit: 'TT-UBND', person: 'TT002' },
  { username: 'noivu', displayName: 'Trần Đức Minh — phụ trách Nội vụ', role: 'home_affairs_head', unit: 'TT-UBND', person: 'TT003' },
  { username: 'kiemtra', displayName: 'Phạm Quốc Huy — Tổ kiểm tra công vụ', role: 'inspector', unit: 'NA-UBND', person: null },
  { username: 'truongphong', displayName: 'Hoàng Văn Nam — Trưởng phòng Kinh tế', role: 'unit_head', unit: 'TT-PKT', person: 'TT004' },
  { username: 'canbo', displayName: 'Vũ Thị Lan — Chuyên viên', role: 'staff', unit: 'TT-PKT', person: 'TT005' },
  { username: 'chutichtp', displayName: 'Đặng Văn Lực — Chủ tịch UBND xã Tiền Phong', role: 'chairman', unit: 'TP-UBND', person: 'TP001' },
] as const;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lò', 'Lương', 'Vi'];
const MIDDLE_M = ['Văn', 'Đức', 'Quốc', 'Minh', 'Hữu', 'Công'];
const MIDDLE_F = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Kim', 'Mỹ'];
const GIVEN_M = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khánh', 'Long', 'Phúc', 'Quang', 'Sơn', 'Tuấn', 'Việt'];
const GIVEN_F = ['Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hương', 'Linh', 'Mai', 'Nga', 'Oanh', 'Phương', 'Thảo', 'Yến'];

export interface DemoPerson {
  code: string;
  name: string;
  gender: 'NAM' | 'NU';
  unit: string;
  category: 'CAN_BO' | 'CONG_CHUC' | 'VIEN_CHUC' | 'HOP_DONG';
  position: string;
  birthDate: string;
}

/** Named leaders first, then a deterministic crowd of staff spread over the units. */
export function demoPeople(): DemoPerson[] {
  const people: DemoPerson[] = [
    { code: 'TT001', name: 'Lê Văn Thành', gender: 'NAM', unit: 'TT-UBND', category: 'CAN_BO', position: 'Chủ tịch UBND xã', birthDate: '1975-05-12' },
    { code: 'TT002', name: 'Nguyễn Thị Hằng', gender: 'NU', unit: 'TT-VP', category: 'CONG_CHUC', position: 'Chánh Văn phòng', birthDate: '1982-09-03' },
    { code: 'TT003', name: 'Trần Đức Minh', gender: 'NAM', unit: 'TT-VHXH', category: 'CONG_CHUC', position: 'Trưởng phòng Văn hóa - Xã hội', birthDate: '1980-01-20' },
    { code: 'TT004', name: 'Hoàng Văn Nam', gender: 'NAM', unit: 'TT-PKT', category: 'CONG_CHUC', position: 'Trưởng phòng Kinh tế', birthDate: '1979-11-30' },
    { code: 'TT005', name: 'Vũ Thị Lan', gender: 'NU', unit: 'TT-PKT', category: 'CONG_CHUC', position: 'Chuyên viên', birthDate: '1992-07-14' },
    { code: 'TP001', name: 'Đặng Văn Lực', gender: 'NAM', unit: 'TP-UBND', category: 'CAN_BO', position: 'Chủ tịch UBND xã', birthDate: '1974-03-08' },
  ];
  const units = ['TT-VP', 'TT-VP', 'TT-PKT', 'TT-VHXH', 'TT-MOTCUA', 'TT-MOTCUA', 'TT-TTPVHCC', 'TP-VP'];
  const categories = ['CONG_CHUC', 'CONG_CHUC', 'VIEN_CHUC', 'HOP_DONG'] as const;
  for (let i = 0; i < 34; i++) {
    const female = i % 2 === 1;
    const name = `${FAMILY[(i * 7) % FAMILY.length]} ${(female ? MIDDLE_F : MIDDLE_M)[i % 6]} ${(female ? GIVEN_F : GIVEN_M)[(i * 5) % 13]}`;
    const unit = units[i % units.length] as string;
    people.push({
      code: `${unit.startsWith('TP') ? 'TP' : 'TT'}${String(100 + i)}`,
      name,
      gender: female ? 'NU' : 'NAM',
      unit,
      category: categories[i % categories.length] as DemoPerson['category'],
      position: unit === 'TT-MOTCUA' ? 'Công chức tiếp nhận hồ sơ' : 'Chuyên viên',
      birthDate: `${1975 + (i % 25)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
    });
  }
  return people;
}
