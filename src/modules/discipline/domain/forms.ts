/**
 * Which forms the competent person may choose from, and what the chosen one entails by law (domain.md §4.2, §4.7,
 * §5.2, §5.3). The software lists; a human chooses (§4.4: no automatic mapping from facts to a form).
 */
import type { DisciplineForm, Regime } from '../../violations';
import { addMonths } from './dates';

export type StaffCategory = 'CAN_BO' | 'CONG_CHUC' | 'VIEN_CHUC' | 'HOP_DONG';
export type Confidence = 'S' | 'K-H' | 'K-M' | 'K-L';

/**
 * The forms of `regime` open to this person: leader-only forms (giáng chức, cách chức) only for a holder of a
 * leadership post, hạ bậc lương only for a non-leader (112/2020 as amended by 71/2023). Bãi nhiệm stays listed for
 * cán bộ: whether the post is elective is for the competent person to check (no such flag in the staff record).
 */
export function allowedForms(regime: Regime, isLeader: boolean): DisciplineForm[] {
  return regime.forms.filter((f) => (f.leadersOnly ? isLeader : true) && (f.nonLeadersOnly ? !isLeader : true));
}

/**
 * Cán bộ are decided by the competent body after the review meeting, without a council; contract workers follow the
 * labour-law meeting (BLLĐ 2019 Điều 122) — no council either. Công chức and viên chức go through a council.
 * [K-M: NĐ 172/2025 Điều 16 steps; the exceptions (e.g. Party discipline already taken, 71/2023) are not modelled.]
 */
export function councilRequired(category: StaffCategory): boolean {
  return category === 'CONG_CHUC' || category === 'VIEN_CHUC';
}

/** Reprimand-level forms fall under the 5-year limitation; everything heavier under 10 years (R4.4). */
export function isReprimandLevel(formCode: string): boolean {
  return formCode === 'KHIEN_TRACH' || formCode === 'KEO_DAI_NANG_LUONG';
}

export interface ConsequenceFact {
  code: 'BAR' | 'SALARY_STEP_DELAY' | 'EVALUATION_KHTNV' | 'EMPLOYMENT_ENDS' | 'NO_EMULATION_TITLE';
  vi: string;
  en: string;
  /** From the effective date, inclusive; until the day before `until` (null = no end date). */
  from: string;
  until: string | null;
  months: number | null;
  /** The evaluation year the fact applies to (KHTNV, emulation). */
  year: number | null;
  legalBasis: string;
  confidence: Confidence;
}


/** Time bars (no rank upgrade, planning, training, appointment) by form, from the effective date (§4.7). */
const BARS: Record<string, { months: number; confidence: Confidence }> = {
  KHIEN_TRACH: { months: 6, confidence: 'K-M' },
  CANH_CAO: { months: 12, confidence: 'S' },
  HA_BAC_LUONG: { months: 12, confidence: 'K-M' },
  GIANG_CHUC: { months: 24, confidence: 'S' },
  CACH_CHUC: { months: 24, confidence: 'S' },
  BAI_NHIEM: { months: 24, confidence: 'K-L' },
};
/** Delay of the regular salary-step raise (§4.7 [K-M]). */
const SALARY_DELAY: Record<string, { months: number; confidence: Confidence }> = {
  KHIEN_TRACH: { months: 6, confidence: 'K-M' },
  CANH_CAO: { months: 6, confidence: 'K-M' },
  GIANG_CHUC: { months: 12, confidence: 'K-L' },
  CACH_CHUC: { months: 12, confidence: 'K-M' },
  KEO_DAI_NANG_LUONG: { months: 6, confidence: 'K-H' },
};

/**
 * The consequences that follow by law from a decision, as dated facts for the person's record. Under 2025 law the
 * periods for the remaining forms are assumed identical to the 2019 rules [K-L], which the confidence shows.
 */
export function consequencesOf(category: StaffCategory, formCode: string, effectiveOn: string, newLaw: boolean): ConsequenceFact[] {
  const out: ConsequenceFact[] = [];
  const year = Number(effectiveOn.slice(0, 4));
  const weaker = (c: Confidence): Confidence => (newLaw && c !== 'K-L' && c !== 'K-H' ? 'K-M' : c);
  if (formCode === 'BUOC_THOI_VIEC' || formCode === 'SA_THAI') {
    out.push({
      code: 'EMPLOYMENT_ENDS',
      vi: 'Chấm dứt quan hệ công tác/lao động từ ngày quyết định có hiệu lực',
      en: 'Employment ends on the effective date',
      from: effectiveOn,
      until: null,
      months: null,
      year: null,
      legalBasis: category === 'HOP_DONG' ? 'Bộ luật Lao động 2019, Điều 125' : 'Luật CBCC 2025; Luật Viên chức 2010 (sửa đổi 2019)',
      confidence: 'K-H',
    });
    return out;
  }
  const bar = BARS[formCode];
  if (bar && category !== 'HOP_DONG')
    out.push({
      code: 'BAR',
      vi: `Không nâng ngạch, quy hoạch, đào tạo, bổ nhiệm trong ${bar.months} tháng`,
      en: `No rank upgrade, planning, training or appointment for ${bar.months} months`,
      from: effectiveOn,
      until: addMonths(effectiveOn, bar.months),
      months: bar.months,
      year: null,
      legalBasis: 'Luật CBCC 2019 (sửa đổi) Điều 82; Luật Viên chức (sửa đổi 2019) Điều 56',
      confidence: weaker(bar.confidence),
    });
  const delay = SALARY_DELAY[formCode];
  if (delay)
    out.push({
      code: 'SALARY_STEP_DELAY',
      vi: `Kéo dài thời gian nâng bậc lương thường xuyên thêm ${delay.months} tháng`,
      en: `Regular salary-step raise delayed by ${delay.months} months`,
      from: effectiveOn,
      until: null,
      months: delay.months,
      year: null,
      legalBasis: category === 'HOP_DONG' ? 'Bộ luật Lao động 2019, Điều 124' : 'Thông tư 08/2013/TT-BNV (nâng bậc lương thường xuyên)',
      confidence: weaker(delay.confidence),
    });
  if (category !== 'HOP_DONG') {
    const nd335 = category === 'CONG_CHUC' && year >= 2026;
    out.push({
      code: 'EVALUATION_KHTNV',
      vi: `Xếp loại "Không hoàn thành nhiệm vụ" năm ${year} (bị kỷ luật từ khiển trách trở lên trong năm đánh giá)`,
      en: `Rated "Did not complete tasks" for ${year} (disciplined, reprimand or heavier, in the evaluation year)`,
      from: effectiveOn,
      until: null,
      months: null,
      year,
      legalBasis: nd335 ? 'Nghị định 335/2025/NĐ-CP' : 'Nghị định 90/2020/NĐ-CP (sửa đổi bởi Nghị định 48/2023/NĐ-CP), Điều 2 khoản 5',
      confidence: 'S',
    });
    out.push({
      code: 'NO_EMULATION_TITLE',
      vi: `Không xét danh hiệu thi đua năm ${year}`,
      en: `No emulation title for ${year}`,
      from: effectiveOn,
      until: null,
      months: null,
      year,
      legalBasis: 'Luật Thi đua, khen thưởng 2022; Nghị định 152/2025/NĐ-CP',
      confidence: 'K-M',
    });
  }
  return out;
}
