-- Issue 13 (C3, C4; audit D3, D8, D14).
-- The unit's work regulation decides whether the minutes of an APPROVED late-arrival / early-leave permission still
-- count as late / early on the timesheet (an approved permission never makes a violation either way).
ALTER TABLE attendance_rules ADD COLUMN approved_permission_counts_as_late boolean NOT NULL DEFAULT false;

-- Which regulation's thresholds applied to the day ({source: UNIT | NATIONAL | SYSTEM_DEFAULT, unitId, legalBasis})
-- and why the day is not a working day ({kind, name, legalBasis, status}; null on working days). Days computed
-- before this migration keep null until they are recomputed.
ALTER TABLE attendance_days ADD COLUMN regulation jsonb;
ALTER TABLE attendance_days ADD COLUMN day_off jsonb;
