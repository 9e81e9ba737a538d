-- The day from which a unit's attendance is judged (issue 11, F4). Days before it are never computed into
-- attendance days, violations or notifications, whatever recomputation is asked for. Sub-units without a row
-- inherit the nearest ancestor's date; a unit with none in its ancestry is judged from its own valid_from.
CREATE TABLE org_attendance_go_live (
  unit_id    uuid PRIMARY KEY REFERENCES org_units(id),
  go_live_on date NOT NULL,
  reason     text NOT NULL,
  set_by     uuid,
  set_at     timestamptz NOT NULL DEFAULT now()
);
