-- One fact, one violation (issue 13, audit D2–D4, CONTRACT C5).
--
-- 1. The key of an automatic violation names the fact, not its kind:
--      att:{personId}:{date}:{MORNING|AFTERNOON|FULL|DAY}:{ABSENCE|ARRIVAL|DEPARTURE}
--    so an absence whose computed status changes (absent → not reported → awaiting justification → …) stays one row
--    whose kind changes in place. Old keys were att:{personId}:{date}:{KIND}:{session|DAY}; retracted rows keep their
--    '#retracted:{id}' suffix. Should two active rows of an old database name the same fact, the younger keeps its
--    row under a '#superseded:{id}' suffix (it stays visible; nothing is deleted).
WITH k AS (
  SELECT id, created_at, m[5] AS suffix,
         'att:' || m[1] || ':' || m[2] || ':' || m[4] || ':' ||
         CASE m[3] WHEN 'LATE' THEN 'ARRIVAL' WHEN 'EARLY_LEAVE' THEN 'DEPARTURE' ELSE 'ABSENCE' END AS fact
    FROM (SELECT id, created_at,
                 regexp_match(source_key, '^att:([^:]+):([^:]+):(LATE|EARLY_LEAVE|ABSENT_NO_REASON|LEAVE_NOT_REPORTED):([A-Z]+)(#.*)?$') AS m
            FROM violations WHERE source_key LIKE 'att:%') x
   WHERE m IS NOT NULL
), r AS (
  SELECT id, fact, suffix, row_number() OVER (PARTITION BY fact ORDER BY suffix IS NOT NULL, created_at, id) AS n FROM k
)
UPDATE violations v
   SET source_key = r.fact || coalesce(r.suffix, '') || CASE WHEN r.suffix IS NULL AND r.n > 1 THEN '#superseded:' || v.id ELSE '' END
  FROM r
 WHERE r.id = v.id;

-- 2. "Chờ hợp thức hóa": a day or a late arrival a pending request covers. Never counted, notified or decided.
ALTER TABLE violations DROP CONSTRAINT IF EXISTS violations_kind_check;
ALTER TABLE violations ADD CONSTRAINT violations_kind_check
  CHECK (kind IN ('LATE', 'EARLY_LEAVE', 'ABSENT_NO_REASON', 'LEAVE_NOT_REPORTED', 'AWAITING_JUSTIFICATION', 'OTHER'));

-- 3. Fair counting: the violations the ordinal was counted from (upheld ones only: not retracted, not dismissed, not
--    awaiting justification). NULL on rows judged before this was kept. judged_at: when the ordinal and the
--    escalation step were fixed; NULL while a fact only awaits justification (it is judged when it becomes a
--    violation, once). rule_basis: the regulation the judgement used, or the system default when the unit had none.
ALTER TABLE violations ADD COLUMN repeat_of uuid[];
ALTER TABLE violations ADD COLUMN judged_at timestamptz;
ALTER TABLE violations ADD COLUMN rule_basis jsonb;
UPDATE violations SET judged_at = created_at;

-- 4. The visible history of a fact's kind: each change, why, from which attendance revision, and whether the person
--    was told (a change that matters to them is notified once; one they caused — filing a leave — is not).
CREATE TABLE violation_kind_changes (
  id                  uuid PRIMARY KEY,
  seq                 bigint GENERATED ALWAYS AS IDENTITY,
  violation_id        uuid NOT NULL REFERENCES violations(id),
  from_kind           text NOT NULL,
  to_kind             text NOT NULL,
  cause               text NOT NULL,
  attendance_revision integer,
  details             jsonb NOT NULL DEFAULT '{}'::jsonb,
  notified            boolean NOT NULL DEFAULT false,
  at                  timestamptz NOT NULL
);
CREATE INDEX violation_kind_changes_violation ON violation_kind_changes (violation_id, seq);
