-- Competence as data (domain.md §3.5 R3.11, §4.6, §10.2 item 6; audit D5, D6): who decides whose matters, dated,
-- with the legal basis. A rule names the subject (post, unit types, category) and the decider by relation to the
-- subject's unit, resolved on the date of the act; never "the district chairman" as a literal.
CREATE TABLE competence_rules (
  id                 uuid PRIMARY KEY,
  matter             text NOT NULL CHECK (matter IN ('LEAVE_APPROVAL', 'ATTENDANCE_CORRECTION', 'VIOLATION_HANDLING', 'DISCIPLINE_DECISION')),
  subject_post       text NOT NULL CHECK (subject_post IN ('STAFF', 'DEPUTY', 'HEAD')),
  -- NULL = any unit type; otherwise the rule applies only when the subject's unit has one of these types.
  subject_unit_types text[],
  -- NULL = any category (CAN_BO, CONG_CHUC, VIEN_CHUC, HOP_DONG).
  subject_category   text CHECK (subject_category IS NULL OR subject_category IN ('CAN_BO', 'CONG_CHUC', 'VIEN_CHUC', 'HOP_DONG')),
  decider            text NOT NULL CHECK (decider IN ('OWN_UNIT_LEADERS', 'PARENT_UNIT_LEADERS', 'EMPLOYING_AUTHORITY_LEADERS', 'EXTERNAL')),
  -- For EXTERNAL: who decides outside this installation (e.g. "Chủ tịch UBND tỉnh") and at which level.
  external_name      text,
  external_level     text CHECK (external_level IS NULL OR external_level IN ('TRUNG_UONG', 'TINH', 'XA', 'KHAC')),
  valid_from         date NOT NULL,
  -- Exclusive, as everywhere in this schema: the first day the rule no longer applies. NULL = in force.
  valid_to           date,
  legal_basis        text NOT NULL,
  note               text,
  adopted_by         text NOT NULL DEFAULT 'system',
  created_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  CHECK (decider <> 'EXTERNAL' OR (external_name IS NOT NULL AND external_level IS NOT NULL))
);
CREATE INDEX competence_rules_matter ON competence_rules (matter, valid_from);

-- Who heads (HEAD) or deputises (DEPUTY) which unit, when (bổ nhiệm, kiêm nhiệm). A role `chairman` or `unit_head`
-- at a unit also counts as leading it (auth's role assignments).
CREATE TABLE leadership_posts (
  id          uuid PRIMARY KEY,
  person_id   uuid NOT NULL REFERENCES persons(id),
  unit_id     uuid NOT NULL REFERENCES org_units(id),
  post        text NOT NULL CHECK (post IN ('HEAD', 'DEPUTY')),
  title       text NOT NULL,
  valid_from  date NOT NULL,
  valid_to    date,
  legal_basis text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX leadership_posts_unit ON leadership_posts (unit_id, valid_from);
CREATE INDEX leadership_posts_person ON leadership_posts (person_id);

-- Ủy quyền: a leader lets another person decide a matter in their place for a period (document reference required).
CREATE TABLE delegations (
  id             uuid PRIMARY KEY,
  from_person_id uuid NOT NULL REFERENCES persons(id),
  to_person_id   uuid NOT NULL REFERENCES persons(id),
  matter         text NOT NULL CHECK (matter IN ('LEAVE_APPROVAL', 'ATTENDANCE_CORRECTION', 'VIOLATION_HANDLING', 'DISCIPLINE_DECISION')),
  valid_from     date NOT NULL,
  -- Exclusive: the first day the delegation no longer applies.
  valid_to       date NOT NULL,
  document_ref   text NOT NULL,
  reason         text NOT NULL,
  created_by     text NOT NULL,
  ended_by       text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  -- valid_to = valid_from: ended before it began (kept for the record, never applied).
  CHECK (valid_to >= valid_from),
  CHECK (from_person_id <> to_person_id)
);
CREATE INDEX delegations_to ON delegations (to_person_id, matter);

-- The default national table, in force from the two-level local government (01/07/2025). Only bases that the
-- domain specification states are cited; the rest say "theo quy chế làm việc của cơ quan" and are marked
-- [cần xác minh] in the note. A unit that adopts its own rule closes the matching default (a new version).
INSERT INTO competence_rules (id, matter, subject_post, subject_unit_types, subject_category, decider, external_name, external_level, valid_from, legal_basis, note) VALUES
  ('00000000-0000-4000-8000-000000025001', 'LEAVE_APPROVAL', 'STAFF', NULL, NULL, 'OWN_UNIT_LEADERS', NULL, NULL, '2025-07-01',
   'Theo quy chế làm việc của cơ quan', 'Thủ trưởng đơn vị sử dụng duyệt nghỉ của công chức, viên chức (thông lệ). Quy chế làm việc mẫu của UBND xã: NĐ 315/2025/NĐ-CP — điều khoản về nghỉ phép [cần xác minh].'),
  ('00000000-0000-4000-8000-000000025002', 'LEAVE_APPROVAL', 'DEPUTY', NULL, NULL, 'PARENT_UNIT_LEADERS', NULL, NULL, '2025-07-01',
   'Theo quy chế làm việc của cơ quan', 'Lãnh đạo cấp trên duyệt nghỉ của cấp phó, cấp trưởng đơn vị (thông lệ) [cần xác minh].'),
  ('00000000-0000-4000-8000-000000025003', 'LEAVE_APPROVAL', 'HEAD', NULL, NULL, 'PARENT_UNIT_LEADERS', NULL, NULL, '2025-07-01',
   'Theo quy chế làm việc của cơ quan', 'Lãnh đạo cấp trên duyệt nghỉ của người đứng đầu đơn vị (thông lệ) [cần xác minh].'),
  ('00000000-0000-4000-8000-000000025004', 'LEAVE_APPROVAL', 'DEPUTY', ARRAY['UBND_XA', 'UBND_PHUONG', 'UBND_DAC_KHU'], NULL, 'OWN_UNIT_LEADERS', NULL, NULL, '2025-07-01',
   'Theo quy chế làm việc của cơ quan', 'Phó Chủ tịch UBND xã: Chủ tịch UBND xã duyệt (thông lệ) [cần xác minh].'),
  ('00000000-0000-4000-8000-000000025005', 'LEAVE_APPROVAL', 'HEAD', ARRAY['UBND_XA', 'UBND_PHUONG', 'UBND_DAC_KHU'], NULL, 'EXTERNAL', 'Chủ tịch UBND tỉnh', 'TINH', '2025-07-01',
   'Theo quy chế làm việc của cơ quan', 'Chủ tịch UBND xã báo cáo, xin phép cấp tỉnh; quy chế mẫu NĐ 315/2025/NĐ-CP chưa được đối chiếu [cần xác minh].'),
  ('00000000-0000-4000-8000-000000025011', 'ATTENDANCE_CORRECTION', 'STAFF', NULL, NULL, 'OWN_UNIT_LEADERS', NULL, NULL, '2025-07-01',
   'Theo quy chế làm việc của cơ quan', 'Lãnh đạo đơn vị hoặc người được giao quản lý chấm công của đơn vị xác nhận [cần xác minh].'),
  ('00000000-0000-4000-8000-000000025012', 'ATTENDANCE_CORRECTION', 'DEPUTY', NULL, NULL, 'PARENT_UNIT_LEADERS', NULL, NULL, '2025-07-01',
   'Theo quy chế làm việc của cơ quan', 'Chấm công của lãnh đạo đơn vị do cấp trên xác nhận [cần xác minh].'),
  ('00000000-0000-4000-8000-000000025013', 'ATTENDANCE_CORRECTION', 'HEAD', NULL, NULL, 'PARENT_UNIT_LEADERS', NULL, NULL, '2025-07-01',
   'Theo quy chế làm việc của cơ quan', 'Chấm công của lãnh đạo đơn vị do cấp trên xác nhận [cần xác minh].'),
  ('00000000-0000-4000-8000-000000025014', 'ATTENDANCE_CORRECTION', 'DEPUTY', ARRAY['UBND_XA', 'UBND_PHUONG', 'UBND_DAC_KHU'], NULL, 'OWN_UNIT_LEADERS', NULL, NULL, '2025-07-01',
   'Theo quy chế làm việc của cơ quan', 'Phó Chủ tịch UBND xã: Chủ tịch UBND xã xác nhận [cần xác minh].'),
  ('00000000-0000-4000-8000-000000025015', 'ATTENDANCE_CORRECTION', 'HEAD', ARRAY['UBND_XA', 'UBND_PHUONG', 'UBND_DAC_KHU'], NULL, 'EXTERNAL', 'Chủ tịch UBND tỉnh', 'TINH', '2025-07-01',
   'Theo quy chế làm việc của cơ quan', 'Không cấp dưới nào xác nhận chấm công của Chủ tịch UBND xã [cần xác minh].'),
  ('00000000-0000-4000-8000-000000025021', 'VIOLATION_HANDLING', 'STAFF', NULL, NULL, 'OWN_UNIT_LEADERS', NULL, NULL, '2025-07-01',
   'NĐ 172/2025/NĐ-CP, Điều 2 (khách quan, công bằng, đúng thẩm quyền)', 'Người có quyền xử lý vi phạm đối với đơn vị của người vi phạm; phân công cụ thể theo quy chế làm việc của cơ quan [cần xác minh].'),
  ('00000000-0000-4000-8000-000000025022', 'VIOLATION_HANDLING', 'DEPUTY', NULL, NULL, 'PARENT_UNIT_LEADERS', NULL, NULL, '2025-07-01',
   'NĐ 172/2025/NĐ-CP, Điều 2 (khách quan, công bằng, đúng thẩm quyền)', 'Vi phạm của lãnh đạo đơn vị do cấp trên xử lý [cần xác minh].'),
  ('00000000-0000-4000-8000-000000025023', 'VIOLATION_HANDLING', 'HEAD', NULL, NULL, 'PARENT_UNIT_LEADERS', NULL, NULL, '2025-07-01',
   'NĐ 172/2025/NĐ-CP, Điều 2 (khách quan, công bằng, đúng thẩm quyền)', 'Vi phạm của lãnh đạo đơn vị do cấp trên xử lý [cần xác minh].'),
  ('00000000-0000-4000-8000-000000025024', 'VIOLATION_HANDLING', 'DEPUTY', ARRAY['UBND_XA', 'UBND_PHUONG', 'UBND_DAC_KHU'], NULL, 'OWN_UNIT_LEADERS', NULL, NULL, '2025-07-01',
   'NĐ 172/2025/NĐ-CP, Điều 2 (khách quan, công bằng, đúng thẩm quyền)', 'Vi phạm của Phó Chủ tịch UBND xã: Chủ tịch UBND xã xem xét [cần xác minh].'),
  ('00000000-0000-4000-8000-000000025025', 'VIOLATION_HANDLING', 'HEAD', ARRAY['UBND_XA', 'UBND_PHUONG', 'UBND_DAC_KHU'], NULL, 'EXTERNAL', 'Chủ tịch UBND tỉnh', 'TINH', '2025-07-01',
   'NĐ 172/2025/NĐ-CP, Điều 2 (khách quan, công bằng, đúng thẩm quyền)', 'Chủ tịch UBND xã là cán bộ do cấp tỉnh quản lý; thẩm quyền theo phân cấp năm 2025 (domain.md §4.6) [cần xác minh].'),
  ('00000000-0000-4000-8000-000000025031', 'DISCIPLINE_DECISION', 'STAFF', NULL, NULL, 'EMPLOYING_AUTHORITY_LEADERS', NULL, NULL, '2025-07-01',
   'NĐ 172/2025/NĐ-CP (thẩm quyền theo phân cấp quản lý)', 'Người đứng đầu cơ quan có thẩm quyền bổ nhiệm, quản lý quyết định kỷ luật (domain.md §4.6); điều khoản cụ thể [cần xác minh].'),
  ('00000000-0000-4000-8000-000000025032', 'DISCIPLINE_DECISION', 'DEPUTY', NULL, NULL, 'EMPLOYING_AUTHORITY_LEADERS', NULL, NULL, '2025-07-01',
   'NĐ 172/2025/NĐ-CP (thẩm quyền theo phân cấp quản lý)', 'Người đứng đầu cơ quan có thẩm quyền bổ nhiệm, quản lý quyết định kỷ luật (domain.md §4.6); điều khoản cụ thể [cần xác minh].'),
  ('00000000-0000-4000-8000-000000025033', 'DISCIPLINE_DECISION', 'HEAD', NULL, NULL, 'EMPLOYING_AUTHORITY_LEADERS', NULL, NULL, '2025-07-01',
   'NĐ 172/2025/NĐ-CP (thẩm quyền theo phân cấp quản lý)', 'Người đứng đầu cơ quan có thẩm quyền bổ nhiệm, quản lý quyết định kỷ luật (domain.md §4.6); điều khoản cụ thể [cần xác minh].'),
  ('00000000-0000-4000-8000-000000025034', 'DISCIPLINE_DECISION', 'DEPUTY', ARRAY['UBND_XA', 'UBND_PHUONG', 'UBND_DAC_KHU'], NULL, 'EXTERNAL', 'Chủ tịch UBND tỉnh', 'TINH', '2025-07-01',
   'NĐ 172/2025/NĐ-CP (thẩm quyền theo phân cấp quản lý)', 'Phó Chủ tịch UBND xã là cán bộ; thẩm quyền kỷ luật theo phân cấp năm 2025 (domain.md §4.6) [cần xác minh].'),
  ('00000000-0000-4000-8000-000000025035', 'DISCIPLINE_DECISION', 'HEAD', ARRAY['UBND_XA', 'UBND_PHUONG', 'UBND_DAC_KHU'], NULL, 'EXTERNAL', 'Chủ tịch UBND tỉnh', 'TINH', '2025-07-01',
   'NĐ 172/2025/NĐ-CP (thẩm quyền theo phân cấp quản lý)', 'Chủ tịch UBND xã là cán bộ; thẩm quyền kỷ luật thuộc cấp tỉnh theo phân cấp năm 2025 (domain.md §4.6) [cần xác minh].');
