/** Unit types after the 2025 reform plus the historical district level (domain.md §10.2 item 3). Extensible data. */
export const UNIT_TYPES = [
  { code: 'UBND_TINH', vi: 'UBND tỉnh / thành phố', en: 'Provincial People’s Committee', adminLevel: 'TINH' },
  { code: 'VAN_PHONG_UBND_TINH', vi: 'Văn phòng UBND tỉnh', en: 'Provincial PC Office', adminLevel: 'TINH' },
  { code: 'SO', vi: 'Sở', en: 'Provincial department', adminLevel: 'TINH' },
  { code: 'THANH_TRA_TINH', vi: 'Thanh tra tỉnh', en: 'Provincial inspectorate', adminLevel: 'TINH' },
  { code: 'TTPVHCC_TINH', vi: 'Trung tâm Phục vụ hành chính công tỉnh', en: 'Provincial public service centre', adminLevel: 'TINH' },
  { code: 'UBND_HUYEN', vi: 'UBND huyện (cũ)', en: 'District People’s Committee (former)', adminLevel: 'HUYEN' },
  { code: 'VAN_PHONG_HDND_UBND_HUYEN', vi: 'Văn phòng HĐND và UBND huyện (cũ)', en: 'District office (former)', adminLevel: 'HUYEN' },
  { code: 'PHONG_HUYEN', vi: 'Phòng chuyên môn cấp huyện (cũ)', en: 'District division (former)', adminLevel: 'HUYEN' },
  { code: 'UBND_XA', vi: 'UBND xã', en: 'Commune People’s Committee', adminLevel: 'XA' },
  { code: 'UBND_PHUONG', vi: 'UBND phường', en: 'Ward People’s Committee', adminLevel: 'XA' },
  { code: 'UBND_DAC_KHU', vi: 'UBND đặc khu', en: 'Special-zone People’s Committee', adminLevel: 'XA' },
  { code: 'UBND_THI_TRAN', vi: 'UBND thị trấn (cũ)', en: 'Township People’s Committee (former)', adminLevel: 'XA' },
  { code: 'VAN_PHONG_HDND_UBND_XA', vi: 'Văn phòng HĐND và UBND xã', en: 'Commune PC Office', adminLevel: 'XA' },
  { code: 'PHONG_KINH_TE', vi: 'Phòng Kinh tế', en: 'Economic division', adminLevel: 'XA' },
  { code: 'PHONG_KT_HT_DT', vi: 'Phòng Kinh tế, Hạ tầng và Đô thị', en: 'Economy, Infrastructure & Urban division', adminLevel: 'XA' },
  { code: 'PHONG_VH_XH', vi: 'Phòng Văn hóa - Xã hội', en: 'Culture-Social division', adminLevel: 'XA' },
  { code: 'TTPVHCC_XA', vi: 'Trung tâm Phục vụ hành chính công xã', en: 'Commune public service centre', adminLevel: 'XA' },
  { code: 'BO_PHAN_MOT_CUA', vi: 'Bộ phận Một cửa', en: 'One-stop desk', adminLevel: 'KHAC' },
  { code: 'DON_VI_SU_NGHIEP', vi: 'Đơn vị sự nghiệp', en: 'Public service unit', adminLevel: 'KHAC' },
  { code: 'KHAC', vi: 'Đơn vị khác', en: 'Other unit', adminLevel: 'KHAC' },
] as const;

export type UnitTypeCode = (typeof UNIT_TYPES)[number]['code'];
export const UNIT_TYPE_CODES = UNIT_TYPES.map((t) => t.code) as [UnitTypeCode, ...UnitTypeCode[]];
