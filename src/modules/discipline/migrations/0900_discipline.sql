-- Discipline cases (hồ sơ xử lý kỷ luật): from one or more proposed violations of one person to the decision taken by
-- the competent person (NĐ 172/2025 for cán bộ, công chức; NĐ 112/2020 for viên chức; BLLĐ 2019 for contract
-- workers). The regime and its forms are a snapshot at opening; the forms allowed are re-derived at the decision date.
CREATE TABLE discipline_cases (
  id               uuid PRIMARY KEY,
  person_id        uuid NOT NULL,
  unit_id          uuid NOT NULL,
  category         text NOT NULL CHECK (category IN ('CAN_BO', 'CONG_CHUC', 'VIEN_CHUC', 'HOP_DONG')),
  regime_code      text NOT NULL,
  state            text NOT NULL,
  council_required boolean NOT NULL,
  -- Detection = the discipline proposal (the processing period of 90/150 days runs from it).
  detected_on      date NOT NULL,
  extended         boolean NOT NULL DEFAULT false,
  extension_reason text,
  note             text,
  opened_by        uuid,
  opened_at        timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  closed_at        timestamptz,
  version          integer NOT NULL DEFAULT 1
);
CREATE INDEX discipline_cases_person ON discipline_cases (person_id);
CREATE INDEX discipline_cases_unit_state ON discipline_cases (unit_id, state);

-- Several violations considered together lead to one decision (NĐ 172/2025 Điều 2); a violation is in one case only.
CREATE TABLE discipline_case_violations (
  case_id      uuid NOT NULL REFERENCES discipline_cases(id),
  violation_id uuid NOT NULL UNIQUE,
  occurred_on  date NOT NULL,
  kind         text NOT NULL,
  proposed_on  date NOT NULL,
  PRIMARY KEY (case_id, violation_id)
);

-- Every step, dated, with who did it (the case history; nothing is updated in place here).
CREATE TABLE discipline_steps (
  id          uuid PRIMARY KEY,
  seq         bigserial,
  case_id     uuid NOT NULL REFERENCES discipline_cases(id),
  action      text NOT NULL,
  from_state  text,
  to_state    text NOT NULL,
  on_date     date NOT NULL,
  actor_id    uuid,
  actor_name  text NOT NULL,
  details     jsonb NOT NULL DEFAULT '{}',
  at          timestamptz NOT NULL
);
CREATE INDEX discipline_steps_case ON discipline_steps (case_id, seq);

-- The review meeting (họp kiểm điểm) and the disciplinary council meeting (họp Hội đồng kỷ luật).
CREATE TABLE discipline_meetings (
  id                      uuid PRIMARY KEY,
  case_id                 uuid NOT NULL REFERENCES discipline_cases(id),
  kind                    text NOT NULL CHECK (kind IN ('REVIEW', 'COUNCIL')),
  invitation_no           text,
  invitation_delivered_on date NOT NULL,
  meeting_on              date NOT NULL,
  meeting_time            text NOT NULL,
  place                   text NOT NULL,
  chair_name              text,
  held_on                 date,
  person_present          boolean,
  attendees               jsonb NOT NULL DEFAULT '[]',
  opinions                jsonb NOT NULL DEFAULT '[]',
  conclusion              text,
  ballot                  jsonb,
  recommendation          text,
  created_at              timestamptz NOT NULL
);
CREATE INDEX discipline_meetings_case ON discipline_meetings (case_id, kind);

-- Members of the disciplinary council; never the person concerned (nor a relative: declared by whoever forms it).
CREATE TABLE discipline_council_members (
  case_id    uuid NOT NULL REFERENCES discipline_cases(id),
  seq        integer NOT NULL,
  person_id  uuid,
  full_name  text NOT NULL,
  role       text NOT NULL CHECK (role IN ('CHAIR', 'MEMBER', 'SECRETARY')),
  title      text,
  formed_on  date NOT NULL,
  PRIMARY KEY (case_id, seq)
);

-- The decision, entered by the competent person; the form is the one they chose among those the regime allows.
CREATE TABLE discipline_decisions (
  case_id          uuid PRIMARY KEY REFERENCES discipline_cases(id),
  issuer_unit_id   uuid NOT NULL,
  issuer_name      text NOT NULL,
  number_text      text NOT NULL,
  year             integer NOT NULL,
  signed_on        date NOT NULL,
  effective_on     date NOT NULL,
  form_code        text NOT NULL,
  form_label       text NOT NULL,
  reasons          text NOT NULL,
  signer_name      text NOT NULL,
  signer_title     text NOT NULL,
  authority_line   text,
  delivered_on     date,
  consequences     jsonb NOT NULL,
  decided_by       uuid,
  decided_at       timestamptz NOT NULL,
  UNIQUE (issuer_unit_id, year, number_text)
);

-- "Chưa xem xét xử lý" entered by hand (illness, detention, maternity/child under 12 months with a document); the
-- ones that follow from approved leave are derived from attendance on every read, not copied here.
CREATE TABLE discipline_suspensions (
  id           uuid PRIMARY KEY,
  case_id      uuid NOT NULL REFERENCES discipline_cases(id),
  kind         text NOT NULL CHECK (kind IN ('ILLNESS', 'MATERNITY', 'DETENTION')),
  from_date    date NOT NULL,
  to_date      date,
  document_ref text NOT NULL,
  note         text,
  created_by   uuid,
  created_at   timestamptz NOT NULL,
  CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX discipline_suspensions_case ON discipline_suspensions (case_id);

-- Documents of the case: generated (giấy mời, biên bản, quyết định) and uploaded (bản tự kiểm điểm, evidence).
CREATE TABLE discipline_documents (
  id           uuid PRIMARY KEY,
  case_id      uuid NOT NULL REFERENCES discipline_cases(id),
  kind         text NOT NULL,
  file_name    text NOT NULL,
  content_type text NOT NULL,
  size_bytes   integer NOT NULL,
  sha256       text NOT NULL,
  blob_key     text NOT NULL UNIQUE,
  generated    boolean NOT NULL,
  created_by   uuid,
  created_at   timestamptz NOT NULL
);
CREATE INDEX discipline_documents_case ON discipline_documents (case_id, created_at);

-- Deadline warnings already sent (the periodic job sends each one once).
CREATE TABLE discipline_warnings (
  case_id  uuid NOT NULL REFERENCES discipline_cases(id),
  kind     text NOT NULL,
  due_on   date NOT NULL,
  sent_at  timestamptz NOT NULL,
  PRIMARY KEY (case_id, kind, due_on)
);
