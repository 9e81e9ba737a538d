-- Recomputations run as bounded background jobs in small slices (issue 11, F4): the request answers at once with
-- the job id, progress is done/total person-days, and a job interrupted by a stop resumes from next_person.
CREATE TABLE attendance_recompute_jobs (
  id                     uuid PRIMARY KEY,
  unit_id                uuid NOT NULL REFERENCES org_units(id),
  requested_by           uuid,
  from_date              date NOT NULL,
  to_date                date NOT NULL,
  -- The persons are frozen at request time, so progress and resumption are stable.
  person_ids             uuid[] NOT NULL,
  next_person            integer NOT NULL DEFAULT 0,
  total_person_days      integer NOT NULL,
  done_person_days       integer NOT NULL DEFAULT 0,
  changed                integer NOT NULL DEFAULT 0,
  skipped_before_go_live integer NOT NULL DEFAULT 0,
  status                 text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
  error                  text,
  created_at             timestamptz NOT NULL DEFAULT now(),
  started_at             timestamptz,
  finished_at            timestamptz,
  CHECK (to_date >= from_date)
);
CREATE INDEX attendance_recompute_jobs_active ON attendance_recompute_jobs (created_at) WHERE status IN ('QUEUED', 'RUNNING');
