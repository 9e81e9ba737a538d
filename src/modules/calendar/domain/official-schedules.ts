import type { CalendarDay, CalendarDayKind, CalendarDayStatus } from './schedule';

/**
 * The official calendars for cán bộ, công chức, viên chức shipped as data (migration 0401 writes the same rows into
 * every database; a test keeps the two equal). Fixed and lunar-determined days cite BLLĐ 2019 Điều 112; the days the
 * Prime Minister chooses (Tết window, second Quốc khánh day) and the swaps cite the notice that announced them — or,
 * while no notice exists, are PROPOSED with no legal basis at all (a guess is never labelled with one).
 */
export const LC_112 = 'Bộ luật Lao động 2019, Điều 112';
export const LC_111_3 = 'Bộ luật Lao động 2019, Điều 112; Điều 111 khoản 3';
/** The note of a day the PM has not chosen yet. */
export const AWAITING_NOTICE = 'Dự kiến — chờ thông báo của Bộ Nội vụ (Thủ tướng Chính phủ quyết định, Điều 112 khoản 3)';

const day = (date: string, kind: CalendarDayKind, name: string, legalBasis: string | null, status: CalendarDayStatus = 'CONFIRMED'): CalendarDay => ({
  date,
  kind,
  name,
  unitId: null,
  legalBasis,
  status,
  note: status === 'PROPOSED' ? AWAITING_NOTICE : null,
});

/**
 * 2025 (Tết Ất Tỵ, mùng 1 = Wed 29/1/2025). Công văn 8726/VPCP-KGVX of 26/11/2024 carries the PM's decision on Tết,
 * Quốc khánh and 30/4–1/5 of 2025 (pld.net.vn, tag "nghỉ Tết Nguyên đán"); Thông báo 6150/TB-BLĐTBXH (2024) announced
 * it (baodanang.vn, "Chi tiết lịch nghỉ lễ Quốc khánh 2/9 năm nay…"). Checked against the press: Tết 25/1 (26 Chạp) →
 * 2/2 (mùng 5), 9 days = 5 Tết days + 4 weekend days (licham.prices.vn; baomoi.net.vn); 30/4 → 4/5 with Fri 2/5
 * swapped to Sat 26/4 (VietnamPlus via tracuuquyhoach.com); Quốc khánh Sat 30/8 → Tue 2/9, 2 holiday days + 2 weekend
 * days (baodanang.vn). The exact date of Thông báo 6150 was not found, so it is cited by year only.
 */
const PM_2025 = 'Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-BLĐTBXH năm 2024';
export const OFFICIAL_2025: readonly CalendarDay[] = [
  day('2025-01-01', 'HOLIDAY', 'Tết Dương lịch', LC_112),
  day('2025-01-27', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (28 tháng Chạp)', PM_2025),
  day('2025-01-28', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (29 tháng Chạp)', PM_2025),
  day('2025-01-29', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (mùng 1)', PM_2025),
  day('2025-01-30', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (mùng 2)', PM_2025),
  day('2025-01-31', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (mùng 3)', PM_2025),
  day('2025-04-07', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', LC_112),
  day('2025-04-26', 'MAKEUP_WORKDAY', 'Làm bù cho ngày 02/5/2025', PM_2025),
  day('2025-04-30', 'HOLIDAY', 'Ngày Chiến thắng', LC_112),
  day('2025-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động', LC_112),
  day('2025-05-02', 'SWAPPED_OFF', 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 26/4/2025)', PM_2025),
  day('2025-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề)', PM_2025),
  day('2025-09-02', 'HOLIDAY', 'Quốc khánh', LC_112),
];

/** 2026 (domain.md §2.2): New Year by Công văn 12729/VPCP-KGVX, Tết and Quốc khánh by Thông báo 9441/TB-BNV. */
const VPCP_12729 = 'Công văn 12729/VPCP-KGVX ngày 25/12/2025';
const TB_9441 = 'Thông báo 9441/TB-BNV ngày 16/10/2025';
export const OFFICIAL_2026: readonly CalendarDay[] = [
  day('2026-01-01', 'HOLIDAY', 'Tết Dương lịch', LC_112),
  day('2026-01-02', 'SWAPPED_OFF', 'Nghỉ hoán đổi Tết Dương lịch (làm bù thứ Bảy 10/01/2026)', VPCP_12729),
  day('2026-01-10', 'MAKEUP_WORKDAY', 'Làm bù cho ngày 02/01/2026', VPCP_12729),
  day('2026-02-16', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (29 tháng Chạp)', TB_9441),
  day('2026-02-17', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 1)', TB_9441),
  day('2026-02-18', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 2)', TB_9441),
  day('2026-02-19', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 3)', TB_9441),
  day('2026-02-20', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 4)', TB_9441),
  day('2026-04-26', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', LC_112),
  day('2026-04-27', 'COMPENSATORY', 'Nghỉ bù Giỗ Tổ Hùng Vương (trùng Chủ nhật 26/4)', LC_111_3),
  day('2026-04-30', 'HOLIDAY', 'Ngày Chiến thắng', LC_112),
  day('2026-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động', LC_112),
  day('2026-08-22', 'MAKEUP_WORKDAY', 'Làm bù cho ngày 31/8/2026', TB_9441),
  day('2026-08-31', 'SWAPPED_OFF', 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8/2026)', TB_9441),
  day('2026-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề)', TB_9441),
  day('2026-09-02', 'HOLIDAY', 'Quốc khánh', LC_112),
];

/**
 * 2027 (domain.md §2.3): the dates Điều 112 fixes are CONFIRMED — 1/1 (Fri), Giỗ Tổ 10/3 âm lịch = Fri 16/4, 30/4
 * (Fri), 1/5 (Sat → nghỉ bù Mon 3/5, Điều 111 khoản 3), 2/9 (Thu). The Tết window and the second Quốc khánh day are
 * the PM's choice and no notice exists yet: PROPOSED, no legal basis. The Tết guess is giao thừa (29 Chạp, Fri 5/2)
 * + mùng 1–4; mùng 1 and 2 fall on Sat/Sun, so their nghỉ bù (Wed 10/2, Thu 11/2) is proposed with them. The second
 * Quốc khánh day follows the weekday heuristic of `extraNationalDay` (2/9 Thursday → Fri 3/9).
 */
export const SCHEDULE_2027: readonly CalendarDay[] = [
  day('2027-01-01', 'HOLIDAY', 'Tết Dương lịch', LC_112),
  day('2027-02-05', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (29 tháng Chạp, dự kiến)', null, 'PROPOSED'),
  day('2027-02-06', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 1, dự kiến)', null, 'PROPOSED'),
  day('2027-02-07', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 2, dự kiến)', null, 'PROPOSED'),
  day('2027-02-08', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 3, dự kiến)', null, 'PROPOSED'),
  day('2027-02-09', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 4, dự kiến)', null, 'PROPOSED'),
  day('2027-02-10', 'COMPENSATORY', 'Nghỉ bù mùng 1 Tết (trùng thứ Bảy 06/02, dự kiến)', null, 'PROPOSED'),
  day('2027-02-11', 'COMPENSATORY', 'Nghỉ bù mùng 2 Tết (trùng Chủ nhật 07/02, dự kiến)', null, 'PROPOSED'),
  day('2027-04-16', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', LC_112),
  day('2027-04-30', 'HOLIDAY', 'Ngày Chiến thắng', LC_112),
  day('2027-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động', LC_112),
  day('2027-05-03', 'COMPENSATORY', 'Nghỉ bù Ngày Quốc tế lao động (trùng thứ Bảy 01/5)', LC_111_3),
  day('2027-09-02', 'HOLIDAY', 'Quốc khánh', LC_112),
  day('2027-09-03', 'HOLIDAY', 'Quốc khánh (ngày liền kề, dự kiến)', null, 'PROPOSED'),
];

/** Every shipped row, in date order. */
export const SHIPPED_SCHEDULES: readonly CalendarDay[] = [...OFFICIAL_2025, ...OFFICIAL_2026, ...SCHEDULE_2027];
