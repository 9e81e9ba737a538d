import type { Label } from './label';

/**
 * Why a day differs from the weekly pattern (domain.md §2, §11: ngày nghỉ lễ, Tết; nghỉ bù; hoán đổi ngày làm việc;
 * làm bù). WEEKLY_REST appears only as the reason of a day off in the attendance day (contract C3).
 */
export const CALENDAR_DAY_KIND_LABELS = {
  HOLIDAY: { vi: 'Ngày lễ, Tết', en: 'Public holiday' },
  COMPENSATORY: { vi: 'Nghỉ bù', en: 'Compensatory day off' },
  SWAPPED_OFF: { vi: 'Nghỉ hoán đổi', en: 'Swapped day off' },
  MAKEUP_WORKDAY: { vi: 'Làm bù', en: 'Make-up working day' },
  WEEKLY_REST: { vi: 'Nghỉ hằng tuần', en: 'Weekly rest day' },
} as const satisfies Record<string, Label>;

/** The Tết window and the second Quốc khánh day are chosen each year by the Prime Minister (domain.md §2.5). */
export const CALENDAR_DAY_STATUS_LABELS = {
  CONFIRMED: { vi: 'Đã có thông báo chính thức', en: 'Officially announced' },
  PROPOSED: { vi: 'Dự kiến — chờ thông báo chính thức', en: 'Expected — awaiting the official announcement' },
} as const satisfies Record<string, Label>;

/** Why the calendar proposes a date for a year (GET /api/calendar/proposals `basis`; audit D9: never shown raw). */
export const HOLIDAY_PROPOSAL_BASIS_LABELS = {
  FIXED_DATE: { vi: 'Ngày cố định theo Điều 112 BLLĐ 2019', en: 'Fixed date, Labour Code 2019 Art. 112' },
  LUNAR: { vi: 'Theo âm lịch (Điều 112 BLLĐ 2019)', en: 'Lunar date (Labour Code 2019 Art. 112)' },
  WEEKEND_COMPENSATION: { vi: 'Nghỉ bù do trùng ngày nghỉ hằng tuần (Điều 111 khoản 3)', en: 'Compensatory day: holiday on a weekly rest day (Art. 111 cl. 3)' },
  PM_CHOICE_GUESS: { vi: 'Dự đoán — Thủ tướng quyết định hằng năm, chưa có căn cứ', en: 'Guess — chosen yearly by the Prime Minister, no legal basis yet' },
} as const satisfies Record<string, Label>;

/** Where a calendar day comes from: a stored row, or generated from the Labour Code for the year. */
export const CALENDAR_DAY_SOURCE_LABELS = {
  STORED: { vi: 'Đã nhập / văn bản', en: 'Entered / notice' },
  RULE: { vi: 'Tự động theo Bộ luật Lao động', en: 'Automatic, by the Labour Code' },
} as const satisfies Record<string, Label>;
