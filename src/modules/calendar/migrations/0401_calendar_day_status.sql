-- Confirmed or only proposed (audit D1, D9). A PROPOSED day is expected but not announced (the PM's Tết window or
-- second Quốc khánh day before the Bộ Nội vụ notice): it counts as a day off and is flagged wherever it shows, and
-- it never carries a legal basis — confirming it means entering the notice (calendar.service confirmCalendarDay).
ALTER TABLE calendar_days ADD COLUMN status text NOT NULL DEFAULT 'CONFIRMED' CHECK (status IN ('CONFIRMED', 'PROPOSED'));
ALTER TABLE calendar_days ADD COLUMN note text;
ALTER TABLE calendar_days ADD CONSTRAINT calendar_days_guess_has_no_basis CHECK (status = 'CONFIRMED' OR legal_basis IS NULL);
ALTER TABLE calendar_days ADD COLUMN confirmed_by uuid;
ALTER TABLE calendar_days ADD COLUMN confirmed_at timestamptz;

-- The official schedules 2025, 2026 and 2027 for cán bộ, công chức, viên chức, on every database (not only the
-- demo). Same rows as SHIPPED_SCHEDULES in src/modules/calendar/domain/official-schedules.ts (sources cited there;
-- calendar-shipped.db.test.ts keeps the two equal). A date already entered by an administrator is left as it is.
INSERT INTO calendar_days (id, date, kind, name, unit_id, legal_basis, status, note)
SELECT gen_random_uuid(), x.date::date, x.kind, x.name, NULL, x.legal_basis, x.status, x.note
  FROM (VALUES
  ('2025-01-01', 'HOLIDAY', 'Tết Dương lịch', 'Bộ luật Lao động 2019, Điều 112', 'CONFIRMED', NULL),
  ('2025-01-27', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (28 tháng Chạp)', 'Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-BLĐTBXH năm 2024', 'CONFIRMED', NULL),
  ('2025-01-28', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (29 tháng Chạp)', 'Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-BLĐTBXH năm 2024', 'CONFIRMED', NULL),
  ('2025-01-29', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (mùng 1)', 'Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-BLĐTBXH năm 2024', 'CONFIRMED', NULL),
  ('2025-01-30', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (mùng 2)', 'Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-BLĐTBXH năm 2024', 'CONFIRMED', NULL),
  ('2025-01-31', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (mùng 3)', 'Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-BLĐTBXH năm 2024', 'CONFIRMED', NULL),
  ('2025-04-07', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Bộ luật Lao động 2019, Điều 112', 'CONFIRMED', NULL),
  ('2025-04-26', 'MAKEUP_WORKDAY', 'Làm bù cho ngày 02/5/2025', 'Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-BLĐTBXH năm 2024', 'CONFIRMED', NULL),
  ('2025-04-30', 'HOLIDAY', 'Ngày Chiến thắng', 'Bộ luật Lao động 2019, Điều 112', 'CONFIRMED', NULL),
  ('2025-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động', 'Bộ luật Lao động 2019, Điều 112', 'CONFIRMED', NULL),
  ('2025-05-02', 'SWAPPED_OFF', 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 26/4/2025)', 'Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-BLĐTBXH năm 2024', 'CONFIRMED', NULL),
  ('2025-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề)', 'Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-BLĐTBXH năm 2024', 'CONFIRMED', NULL),
  ('2025-09-02', 'HOLIDAY', 'Quốc khánh', 'Bộ luật Lao động 2019, Điều 112', 'CONFIRMED', NULL),
  ('2026-01-01', 'HOLIDAY', 'Tết Dương lịch', 'Bộ luật Lao động 2019, Điều 112', 'CONFIRMED', NULL),
  ('2026-01-02', 'SWAPPED_OFF', 'Nghỉ hoán đổi Tết Dương lịch (làm bù thứ Bảy 10/01/2026)', 'Công văn 12729/VPCP-KGVX ngày 25/12/2025', 'CONFIRMED', NULL),
  ('2026-01-10', 'MAKEUP_WORKDAY', 'Làm bù cho ngày 02/01/2026', 'Công văn 12729/VPCP-KGVX ngày 25/12/2025', 'CONFIRMED', NULL),
  ('2026-02-16', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (29 tháng Chạp)', 'Thông báo 9441/TB-BNV ngày 16/10/2025', 'CONFIRMED', NULL),
  ('2026-02-17', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 1)', 'Thông báo 9441/TB-BNV ngày 16/10/2025', 'CONFIRMED', NULL),
  ('2026-02-18', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 2)', 'Thông báo 9441/TB-BNV ngày 16/10/2025', 'CONFIRMED', NULL),
  ('2026-02-19', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 3)', 'Thông báo 9441/TB-BNV ngày 16/10/2025', 'CONFIRMED', NULL),
  ('2026-02-20', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 4)', 'Thông báo 9441/TB-BNV ngày 16/10/2025', 'CONFIRMED', NULL),
  ('2026-04-26', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Bộ luật Lao động 2019, Điều 112', 'CONFIRMED', NULL),
  ('2026-04-27', 'COMPENSATORY', 'Nghỉ bù Giỗ Tổ Hùng Vương (trùng Chủ nhật 26/4)', 'Bộ luật Lao động 2019, Điều 112; Điều 111 khoản 3', 'CONFIRMED', NULL),
  ('2026-04-30', 'HOLIDAY', 'Ngày Chiến thắng', 'Bộ luật Lao động 2019, Điều 112', 'CONFIRMED', NULL),
  ('2026-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động', 'Bộ luật Lao động 2019, Điều 112', 'CONFIRMED', NULL),
  ('2026-08-22', 'MAKEUP_WORKDAY', 'Làm bù cho ngày 31/8/2026', 'Thông báo 9441/TB-BNV ngày 16/10/2025', 'CONFIRMED', NULL),
  ('2026-08-31', 'SWAPPED_OFF', 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8/2026)', 'Thông báo 9441/TB-BNV ngày 16/10/2025', 'CONFIRMED', NULL),
  ('2026-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề)', 'Thông báo 9441/TB-BNV ngày 16/10/2025', 'CONFIRMED', NULL),
  ('2026-09-02', 'HOLIDAY', 'Quốc khánh', 'Bộ luật Lao động 2019, Điều 112', 'CONFIRMED', NULL),
  ('2027-01-01', 'HOLIDAY', 'Tết Dương lịch', 'Bộ luật Lao động 2019, Điều 112', 'CONFIRMED', NULL),
  ('2027-02-05', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (29 tháng Chạp, dự kiến)', NULL, 'PROPOSED', 'Dự kiến — chờ thông báo của Bộ Nội vụ (Thủ tướng Chính phủ quyết định, Điều 112 khoản 3)'),
  ('2027-02-06', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 1, dự kiến)', NULL, 'PROPOSED', 'Dự kiến — chờ thông báo của Bộ Nội vụ (Thủ tướng Chính phủ quyết định, Điều 112 khoản 3)'),
  ('2027-02-07', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 2, dự kiến)', NULL, 'PROPOSED', 'Dự kiến — chờ thông báo của Bộ Nội vụ (Thủ tướng Chính phủ quyết định, Điều 112 khoản 3)'),
  ('2027-02-08', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 3, dự kiến)', NULL, 'PROPOSED', 'Dự kiến — chờ thông báo của Bộ Nội vụ (Thủ tướng Chính phủ quyết định, Điều 112 khoản 3)'),
  ('2027-02-09', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 4, dự kiến)', NULL, 'PROPOSED', 'Dự kiến — chờ thông báo của Bộ Nội vụ (Thủ tướng Chính phủ quyết định, Điều 112 khoản 3)'),
  ('2027-02-10', 'COMPENSATORY', 'Nghỉ bù mùng 1 Tết (trùng thứ Bảy 06/02, dự kiến)', NULL, 'PROPOSED', 'Dự kiến — chờ thông báo của Bộ Nội vụ (Thủ tướng Chính phủ quyết định, Điều 112 khoản 3)'),
  ('2027-02-11', 'COMPENSATORY', 'Nghỉ bù mùng 2 Tết (trùng Chủ nhật 07/02, dự kiến)', NULL, 'PROPOSED', 'Dự kiến — chờ thông báo của Bộ Nội vụ (Thủ tướng Chính phủ quyết định, Điều 112 khoản 3)'),
  ('2027-04-16', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Bộ luật Lao động 2019, Điều 112', 'CONFIRMED', NULL),
  ('2027-04-30', 'HOLIDAY', 'Ngày Chiến thắng', 'Bộ luật Lao động 2019, Điều 112', 'CONFIRMED', NULL),
  ('2027-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động', 'Bộ luật Lao động 2019, Điều 112', 'CONFIRMED', NULL),
  ('2027-05-03', 'COMPENSATORY', 'Nghỉ bù Ngày Quốc tế lao động (trùng thứ Bảy 01/5)', 'Bộ luật Lao động 2019, Điều 112; Điều 111 khoản 3', 'CONFIRMED', NULL),
  ('2027-09-02', 'HOLIDAY', 'Quốc khánh', 'Bộ luật Lao động 2019, Điều 112', 'CONFIRMED', NULL),
  ('2027-09-03', 'HOLIDAY', 'Quốc khánh (ngày liền kề, dự kiến)', NULL, 'PROPOSED', 'Dự kiến — chờ thông báo của Bộ Nội vụ (Thủ tướng Chính phủ quyết định, Điều 112 khoản 3)')
  ) AS x(date, kind, name, legal_basis, status, note)
ON CONFLICT DO NOTHING;
