-- The handling of one violation (1:1): state machine, deadlines, the leader's decision. Every transition is a row in
-- violation_case_transitions and an audit entry.
CREATE TABLE violation_cases (
  violation_id        uuid PRIMARY KEY REFERENCES violations(id),
  state               text NOT NULL CHECK (state IN ('OPENED', 'NOTIFIED', 'EXPLANATION_REQUESTED', 'EXPLAINED',
                        'NO_ANSWER', 'DECIDED', 'DISCIPLINE_PROPOSED', 'CLOSED', 'RETRACTED')),
  explanation_due_at  timestamptz,
  decision            text CHECK (decision IN ('DISMISSED', 'REMINDED', 'ESCALATED')),
  decision_reason     text,
  decided_by          uuid,
  decided_at          timestamptz,
  -- Discipline proposal: regime and forms shown to the leader at the time (the system never picks a form).
  proposal            jsonb,
  processing_due_on   date,
  limitation_until    date,
  version             integer NOT NULL DEFAULT 1,
  opened_at           timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  closed_at           timestamptz
);
CREATE INDEX violation_cases_state_due ON violation_cases (state, explanation_due_at);

CREATE TABLE violation_case_transitions (
  id            uuid PRIMARY KEY,
  -- Insertion order: several transitions share one instant when the system chains them (notify → request).
  seq           bigint GENERATED ALWAYS AS IDENTITY,
  violation_id  uuid NOT NULL REFERENCES violations(id),
  from_state    text,
  to_state      text NOT NULL,
  actor_id      uuid,
  actor_name    text NOT NULL,
  reason        text,
  details       jsonb NOT NULL DEFAULT '{}'::jsonb,
  at            timestamptz NOT NULL
);
CREATE INDEX violation_case_transitions_violation ON violation_case_transitions (violation_id, seq);

-- Giải trình: the person's explanation with attachments (stored as blobs), submitted within the deadline.
CREATE TABLE violation_explanations (
  id            uuid PRIMARY KEY,
  violation_id  uuid NOT NULL REFERENCES violations(id),
  person_id     uuid NOT NULL REFERENCES persons(id),
  body          text NOT NULL,
  submitted_by  uuid,
  submitted_at  timestamptz NOT NULL
);
CREATE INDEX violation_explanations_violation ON violation_explanations (violation_id);

CREATE TABLE violation_explanation_files (
  id              uuid PRIMARY KEY,
  explanation_id  uuid NOT NULL REFERENCES violation_explanations(id),
  file_name       text NOT NULL,
  content_type    text NOT NULL,
  size_bytes      integer NOT NULL,
  sha256          text NOT NULL,
  blob_key        text NOT NULL
);
CREATE INDEX violation_explanation_files_expl ON violation_explanation_files (explanation_id);
