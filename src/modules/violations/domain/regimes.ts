/**
 * Discipline regimes by staff category and date (domain.md §4.1–§4.5). The system shows the forms a competent
 * leader may consider and the time limits; it never picks one (§4.4: no automatic mapping from counts to forms).
 */
import { addDays } from '../../../platform/time';

export type StaffCategory = 'CAN_BO' | 'CONG_CHUC' | 'VIEN_CHUC' | 'HOP_DONG';

export interface DisciplineForm {
  code: string;
  vi: string;
  en: string;
  /** Only for people holding a leadership/management post (lãnh đạo, quản lý). */
  leadersOnly?: boolean;
  /** Only for people without a leadership post (hạ bậc lương under 112/2020). */
  nonLeadersOnly?: boolean;
  /** Only for cán bộ in elected office. */
  electedOnly?: boolean;
}

export interface Regime {
  code: 'ND172_2025' | 'ND112_2020_ND71_2023' | 'ND112_2020' | 'BLLD_2019';
  nameVi: string;
  nameEn: string;
  legalBasis: string;
  forms: DisciplineForm[];
  /** Thời hiệu (R4.4): years from the violation, by the level of the form it would warrant; null = labour law. */
  limitationYears: { reprimandLevel: number; warningOrHeavier: number } | null;
  /**
   * Thời hạn xử lý (R4.6): days from detection to decision, and the extended limit for complex cases. The decrees say
   * "90 ngày" / "150 ngày" — calendar days, unlike the working-day deadlines of the procedure (giải trình).
   */
  processingDays: { normal: number; extended: number; dayKind: 'CALENDAR' } | null;
  note: { vi: string; en: string };
}

const F = {
  KHIEN_TRACH: { code: 'KHIEN_TRACH', vi: 'Khiển trách', en: 'Reprimand' },
  CANH_CAO: { code: 'CANH_CAO', vi: 'Cảnh cáo', en: 'Warning' },
  HA_BAC_LUONG: { code: 'HA_BAC_LUONG', vi: 'Hạ bậc lương', en: 'Salary-step demotion', nonLeadersOnly: true },
  GIANG_CHUC: { code: 'GIANG_CHUC', vi: 'Giáng chức', en: 'Demotion', leadersOnly: true },
  CACH_CHUC: { code: 'CACH_CHUC', vi: 'Cách chức', en: 'Dismissal from post', leadersOnly: true },
  BAI_NHIEM: { code: 'BAI_NHIEM', vi: 'Bãi nhiệm', en: 'Removal from elected office', electedOnly: true },
  BUOC_THOI_VIEC: { code: 'BUOC_THOI_VIEC', vi: 'Buộc thôi việc', en: 'Forced dismissal' },
} satisfies Record<string, DisciplineForm>;

/** 1/7/2025: Luật CBCC 2025 and NĐ 172/2025 take effect for cán bộ, công chức. */
export const ND172_EFFECTIVE = '2025-07-01';
/** NĐ 71/2023 (amending 112/2020) effective date. [K-M] in domain.md — verify against the gazette. */
export const ND71_EFFECTIVE = '2023-09-20';

const LIMITS = { reprimandLevel: 5, warningOrHeavier: 10 };
const PROCESSING = { normal: 90, extended: 150, dayKind: 'CALENDAR' as const };
const NOT_AUTOMATIC = {
  vi: 'Hệ thống chỉ liệt kê các hình thức theo quy định; việc lựa chọn hình thức do cấp có thẩm quyền quyết định theo trình tự kiểm điểm, Hội đồng kỷ luật.',
  en: 'The system only lists the forms the law provides; the competent authority chooses, after the review meeting and the disciplinary council.',
};

/**
 * The regime for a person of `category` at `date` (the date the case is decided; domain.md §4.1 keys the
 * cán bộ/công chức switch on decisions from 1/7/2025).
 */
export function regimeFor(category: StaffCategory, date: string): Regime {
  if (category === 'HOP_DONG')
    return {
      code: 'BLLD_2019',
      nameVi: 'Bộ luật Lao động 2019 (kỷ luật lao động)',
      nameEn: 'Labour Code 2019 (labour discipline)',
      legalBasis: 'Bộ luật Lao động 2019, Điều 124–125; Nghị định 111/2022/NĐ-CP',
      forms: [
        F.KHIEN_TRACH,
        { code: 'KEO_DAI_NANG_LUONG', vi: 'Kéo dài thời hạn nâng lương không quá 06 tháng', en: 'Salary-raise delay ≤ 6 months' },
        { ...F.CACH_CHUC },
        { code: 'SA_THAI', vi: 'Sa thải', en: 'Dismissal' },
      ],
      limitationYears: null,
      processingDays: null,
      note: NOT_AUTOMATIC,
    };
  const cbcc = category === 'CAN_BO' || category === 'CONG_CHUC';
  if (cbcc && date >= ND172_EFFECTIVE)
    return {
      code: 'ND172_2025',
      nameVi: 'Nghị định 172/2025/NĐ-CP',
      nameEn: 'Decree 172/2025/ND-CP',
      legalBasis: 'Luật Cán bộ, công chức 2025 (số 80/2025/QH15); Nghị định 172/2025/NĐ-CP',
      forms:
        category === 'CAN_BO'
          ? [F.KHIEN_TRACH, F.CANH_CAO, F.CACH_CHUC, F.BAI_NHIEM]
          : [F.KHIEN_TRACH, F.CANH_CAO, F.CACH_CHUC, F.BUOC_THOI_VIEC],
      limitationYears: LIMITS,
      processingDays: PROCESSING,
      note: NOT_AUTOMATIC,
    };
  const amended = date >= ND71_EFFECTIVE;
  const name = amended ? 'Nghị định 112/2020/NĐ-CP (sửa đổi bởi Nghị định 71/2023/NĐ-CP)' : 'Nghị định 112/2020/NĐ-CP';
  const base = {
    code: amended ? ('ND112_2020_ND71_2023' as const) : ('ND112_2020' as const),
    nameVi: name,
    nameEn: amended ? 'Decree 112/2020/ND-CP as amended by 71/2023/ND-CP' : 'Decree 112/2020/ND-CP',
    limitationYears: LIMITS,
    processingDays: PROCESSING,
    note: NOT_AUTOMATIC,
  };
  if (category === 'VIEN_CHUC')
    return {
      ...base,
      legalBasis: `Luật Viên chức 2010 (sửa đổi 2019); ${name}`,
      forms: [F.KHIEN_TRACH, F.CANH_CAO, F.CACH_CHUC, F.BUOC_THOI_VIEC],
    };
  if (category === 'CAN_BO')
    return { ...base, legalBasis: `Luật Cán bộ, công chức 2008 (sửa đổi 2019); ${name}`, forms: [F.KHIEN_TRACH, F.CANH_CAO, F.CACH_CHUC, F.BAI_NHIEM] };
  return {
    ...base,
    legalBasis: `Luật Cán bộ, công chức 2008 (sửa đổi 2019); ${name}`,
    forms: [F.KHIEN_TRACH, F.CANH_CAO, { ...F.HA_BAC_LUONG }, F.GIANG_CHUC, F.CACH_CHUC, F.BUOC_THOI_VIEC],
  };
}

function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // 29/02 + n years on a non-leap year → 28/02 (the last day that exists).
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface CaseDeadlines {
  /** Last day to decide when the violation only warrants a reprimand-level form (5 years from the violation). */
  limitationReprimandUntil: string | null;
  /** Last day for cảnh cáo or heavier (10 years). */
  limitationHeavierUntil: string | null;
  /** Processing time limit from detection (90 days; 150 for complex cases). */
  processingDueOn: string | null;
  processingExtendedDueOn: string | null;
}

export function deadlinesFor(regime: Regime, violationDate: string, detectedOn: string): CaseDeadlines {
  return {
    limitationReprimandUntil: regime.limitationYears ? addYears(violationDate, regime.limitationYears.reprimandLevel) : null,
    limitationHeavierUntil: regime.limitationYears ? addYears(violationDate, regime.limitationYears.warningOrHeavier) : null,
    processingDueOn: regime.processingDays ? addDays(detectedOn, regime.processingDays.normal) : null,
    processingExtendedDueOn: regime.processingDays ? addDays(detectedOn, regime.processingDays.extended) : null,
  };
}
