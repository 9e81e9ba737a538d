-- Public-service inspections (kiểm tra công vụ, domain.md §6–§7): plans with target units, versioned checklists whose
-- items carry their legal basis, inspections formed by a decision (Đoàn/Tổ kiểm tra), item verdicts, findings (per
-- person ones open violations), photos, camera evidence, minutes and conclusion documents, recommendations and
-- remediations. Units are stored as the ids valid at the inspection date; statistics roll them up through org's
-- successions.

CREATE TABLE inspection_plans (
  id             uuid PRIMARY KEY,
  issuer_unit_id uuid NOT NULL REFERENCES org_units(id),
  year           integer NOT NULL,
  -- Free label of the period: "Năm 2026", "Quý I/2026", "6 tháng đầu năm 2026".
  period_label   text NOT NULL,
  title          text NOT NULL,
  note           text NOT NULL DEFAULT '',
  created_by     uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspection_plans_issuer ON inspection_plans (issuer_unit_id, year);

CREATE TABLE inspection_plan_targets (
  plan_id      uuid NOT NULL REFERENCES inspection_plans(id),
  unit_id      uuid NOT NULL REFERENCES org_units(id),
  planned_from date NOT NULL,
  planned_to   date NOT NULL,
  PRIMARY KEY (plan_id, unit_id),
  CHECK (planned_to >= planned_from)
);

-- A checklist version is immutable once an inspection uses it; editing = a new version with the same code.
CREATE TABLE inspection_checklists (
  id         uuid PRIMARY KEY,
  code       text NOT NULL,
  version    integer NOT NULL,
  title      text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (code, version)
);

CREATE TABLE inspection_checklist_items (
  id             uuid PRIMARY KEY,
  checklist_id   uuid NOT NULL REFERENCES inspection_checklists(id),
  ord            integer NOT NULL,
  code           text NOT NULL,
  title_vi       text NOT NULL,
  title_en       text NOT NULL,
  legal_basis    text NOT NULL DEFAULT '',
  per_person     boolean NOT NULL DEFAULT false,
  -- The violations kind a per-person finding on this item opens (NULL = none).
  violation_kind text,
  UNIQUE (checklist_id, code)
);
CREATE INDEX inspection_checklist_items_list ON inspection_checklist_items (checklist_id, ord);

CREATE TABLE inspections (
  id                      uuid PRIMARY KEY,
  plan_id                 uuid REFERENCES inspection_plans(id),
  kind                    text NOT NULL CHECK (kind IN ('PLANNED', 'SURPRISE', 'INTER_AGENCY', 'ON_COMPLAINT')),
  issuer_unit_id          uuid NOT NULL REFERENCES org_units(id),
  target_unit_id          uuid NOT NULL REFERENCES org_units(id),
  title                   text NOT NULL,
  scope                   text NOT NULL DEFAULT '',
  planned_from            timestamptz NOT NULL,
  planned_to              timestamptz NOT NULL,
  place                   text NOT NULL DEFAULT '',
  checklist_id            uuid NOT NULL REFERENCES inspection_checklists(id),
  decision_no             text,
  decision_date           date,
  decision_signer         text,
  state                   text NOT NULL CHECK (state IN ('DRAFT', 'DECIDED', 'IN_PROGRESS', 'MINUTES_ISSUED', 'CONCLUDED', 'REMEDIATING', 'CLOSED')),
  started_at              timestamptz,
  ended_at                timestamptz,
  representative_name     text,
  representative_title    text,
  representative_opinion  text,
  disagreement            text,
  closing_note            text,
  closed_at               timestamptz,
  created_by              uuid,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  CHECK (planned_to > planned_from)
);
CREATE INDEX inspections_target ON inspections (target_unit_id, planned_from);
CREATE INDEX inspections_issuer ON inspections (issuer_unit_id, planned_from);
CREATE INDEX inspections_plan ON inspections (plan_id);

CREATE TABLE inspection_members (
  inspection_id uuid NOT NULL REFERENCES inspections(id),
  user_id       uuid NOT NULL,
  person_id     uuid,
  role          text NOT NULL CHECK (role IN ('HEAD', 'MEMBER', 'SECRETARY')),
  name          text NOT NULL,
  title         text NOT NULL DEFAULT '',
  PRIMARY KEY (inspection_id, user_id)
);
CREATE INDEX inspection_members_user ON inspection_members (user_id);

CREATE TABLE inspection_item_results (
  inspection_id uuid NOT NULL REFERENCES inspections(id),
  item_id       uuid NOT NULL REFERENCES inspection_checklist_items(id),
  -- NULL = not judged yet.
  verdict       text CHECK (verdict IN ('PASS', 'FAIL', 'NA')),
  note          text NOT NULL DEFAULT '',
  updated_by    uuid,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (inspection_id, item_id)
);

CREATE TABLE inspection_findings (
  id            uuid PRIMARY KEY,
  inspection_id uuid NOT NULL REFERENCES inspections(id),
  item_id       uuid NOT NULL REFERENCES inspection_checklist_items(id),
  person_id     uuid,
  description   text NOT NULL,
  observed_at   timestamptz NOT NULL,
  violation_id  uuid,
  -- Idempotency key from the device's offline queue: the same key returns the same finding.
  client_id     text NOT NULL,
  created_by    uuid,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (inspection_id, client_id)
);
CREATE INDEX inspection_findings_inspection ON inspection_findings (inspection_id, observed_at);

CREATE TABLE inspection_photos (
  id            uuid PRIMARY KEY,
  inspection_id uuid NOT NULL REFERENCES inspections(id),
  finding_id    uuid REFERENCES inspection_findings(id),
  item_id       uuid REFERENCES inspection_checklist_items(id),
  blob_key      text NOT NULL,
  sha256        text NOT NULL,
  content_type  text NOT NULL,
  bytes         bigint NOT NULL,
  taken_at      timestamptz,
  lat           double precision,
  lon           double precision,
  client_id     text NOT NULL,
  created_by    uuid,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (inspection_id, client_id)
);
CREATE INDEX inspection_photos_inspection ON inspection_photos (inspection_id);

-- Camera-backed evidence: recording's hashed, audited evidence export, attached to the inspection (and a finding).
CREATE TABLE inspection_evidence (
  id            uuid PRIMARY KEY,
  inspection_id uuid NOT NULL REFERENCES inspections(id),
  finding_id    uuid REFERENCES inspection_findings(id),
  export_id     uuid NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('SNAPSHOT', 'CLIP')),
  camera_id     uuid NOT NULL,
  sha256        text NOT NULL,
  reason        text NOT NULL,
  created_by    uuid,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspection_evidence_inspection ON inspection_evidence (inspection_id);

CREATE TABLE inspection_documents (
  id             uuid PRIMARY KEY,
  inspection_id  uuid NOT NULL REFERENCES inspections(id),
  kind           text NOT NULL CHECK (kind IN ('MINUTES', 'CONCLUSION')),
  number_text    text NOT NULL,
  year           integer NOT NULL,
  issuer_unit_id uuid NOT NULL REFERENCES org_units(id),
  blob_key       text NOT NULL,
  sha256         text NOT NULL,
  issued_at      timestamptz NOT NULL,
  issued_by      uuid,
  UNIQUE (inspection_id, kind)
);

CREATE TABLE inspection_recommendations (
  id            uuid PRIMARY KEY,
  inspection_id uuid NOT NULL REFERENCES inspections(id),
  kind          text NOT NULL CHECK (kind IN ('REMIND', 'CRITICIZE', 'SELF_REVIEW', 'PROPOSE_DISCIPLINE', 'FIX')),
  text          text NOT NULL,
  person_id     uuid,
  ord           integer NOT NULL DEFAULT 0
);
CREATE INDEX inspection_recommendations_inspection ON inspection_recommendations (inspection_id, ord);

-- OVERDUE is stored by the daily job when the due date passed without a report (and is also computed on reading).
CREATE TABLE inspection_remediations (
  id                    uuid PRIMARY KEY,
  inspection_id         uuid NOT NULL REFERENCES inspections(id),
  description           text NOT NULL,
  owner_unit_id         uuid NOT NULL REFERENCES org_units(id),
  responsible_person_id uuid,
  due_on                date NOT NULL,
  state                 text NOT NULL CHECK (state IN ('OPEN', 'REPORTED', 'DONE', 'OVERDUE')),
  report                text,
  reported_at           timestamptz,
  closed_note           text,
  closed_at             timestamptz,
  -- Reminder bookkeeping: each reminder is sent once.
  reminded_on           date,
  overdue_notified_on   date,
  ord                   integer NOT NULL DEFAULT 0
);
CREATE INDEX inspection_remediations_inspection ON inspection_remediations (inspection_id, ord);
CREATE INDEX inspection_remediations_due ON inspection_remediations (due_on) WHERE state IN ('OPEN', 'OVERDUE');

-- Checklist version 1 (seed 002; legal bases from domain.md §6–§7 — their wording is not verified against the
-- official texts; Chỉ thị 05/2008 content was not found in the corpus).
INSERT INTO inspection_checklists (id, code, version, title) VALUES
  ('0950a000-0000-4000-8000-000000000001', 'KTCV', 1, 'Bảng kiểm tra công vụ (kỷ luật, kỷ cương hành chính)');
INSERT INTO inspection_checklist_items (id, checklist_id, ord, code, title_vi, title_en, legal_basis, per_person, violation_kind) VALUES
  ('0950a000-0000-4000-8000-000000000101', '0950a000-0000-4000-8000-000000000001', 1, 'WORK_RULES',
   'Ban hành và thực hiện quy chế làm việc', 'Issuing and following the work regulation',
   'Chỉ thị 26/CT-TTg ngày 05/9/2016 (chưa đối chiếu văn bản gốc)', false, NULL),
  ('0950a000-0000-4000-8000-000000000102', '0950a000-0000-4000-8000-000000000001', 2, 'WORKING_HOURS',
   'Chấp hành thời giờ làm việc (đúng giờ, có mặt tại vị trí)', 'Working hours (on time, present at post)',
   'Chỉ thị 05/2008/CT-TTg; Chỉ thị 26/CT-TTg ngày 05/9/2016 (nội dung chưa đối chiếu)', true, 'OTHER'),
  ('0950a000-0000-4000-8000-000000000103', '0950a000-0000-4000-8000-000000000001', 3, 'ALCOHOL',
   'Không uống rượu, bia trước và trong giờ làm việc', 'No alcohol before or during working hours',
   'Luật Phòng, chống tác hại của rượu, bia 2019, Điều 5 khoản 5; Chỉ thị 26/CT-TTg (chưa đối chiếu văn bản gốc)', true, 'OTHER'),
  ('0950a000-0000-4000-8000-000000000104', '0950a000-0000-4000-8000-000000000001', 4, 'ID_CARD',
   'Đeo thẻ công chức, viên chức khi thi hành nhiệm vụ', 'Wearing the civil-servant ID card on duty',
   'Quyết định 129/2007/QĐ-TTg; Chỉ thị 26/CT-TTg (chưa đối chiếu văn bản gốc)', true, 'OTHER'),
  ('0950a000-0000-4000-8000-000000000105', '0950a000-0000-4000-8000-000000000001', 5, 'DRESS',
   'Trang phục gọn gàng, lịch sự', 'Neat and polite dress',
   'Quyết định 129/2007/QĐ-TTg, Điều 5 (chưa đối chiếu văn bản gốc)', true, 'OTHER'),
  ('0950a000-0000-4000-8000-000000000106', '0950a000-0000-4000-8000-000000000001', 6, 'ATTITUDE',
   'Thái độ, giao tiếp, ứng xử với người dân và đồng nghiệp', 'Attitude and communication with citizens and colleagues',
   'Quyết định 129/2007/QĐ-TTg; Quyết định 1847/QĐ-TTg (chưa đối chiếu văn bản gốc)', true, 'OTHER'),
  ('0950a000-0000-4000-8000-000000000107', '0950a000-0000-4000-8000-000000000001', 7, 'WORKPLACE_HYGIENE',
   'Vệ sinh, bài trí công sở', 'Workplace hygiene and layout',
   'Quyết định 129/2007/QĐ-TTg (chưa đối chiếu văn bản gốc)', false, NULL),
  ('0950a000-0000-4000-8000-000000000108', '0950a000-0000-4000-8000-000000000001', 8, 'E_OFFICE_DOCS',
   'Xử lý văn bản trên hệ thống văn phòng điện tử (văn bản quá hạn)', 'Handling documents on the e-office system (overdue items)',
   'Chỉ thị 26/CT-TTg (chưa đối chiếu văn bản gốc)', false, NULL),
  ('0950a000-0000-4000-8000-000000000109', '0950a000-0000-4000-8000-000000000001', 9, 'ADMIN_PROCEDURES',
   'Giải quyết thủ tục hành chính cho người dân, doanh nghiệp (hồ sơ quá hạn, thư xin lỗi)', 'Handling administrative procedures for citizens and businesses (overdue dossiers, apology letters)',
   'Nghị định 118/2025/NĐ-CP; Chỉ thị 26/CT-TTg (chưa đối chiếu văn bản gốc)', false, NULL);
