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
