-- Owners of the files stored before blob_owners existed (0060), taken from the records the server itself wrote when
-- it stored each file, and only for keys under that record's own folder. Numbered after every module's tables.
-- Punch evidence keys are deliberately NOT taken from punches: those keys came from clients (security probe F1), so
-- a punch naming a key proves nothing about who owns it; a sighting snapshot a punch points to is owned through its
-- sighting below, and any other key a punch names stays without owner (served as 404).

-- Giải trình attachments: the violation's unit and person.
INSERT INTO blob_owners (key, kind, unit_id, person_id, created_by, created_at)
SELECT f.blob_key, 'explanation_attachment', v.unit_id, v.person_id, COALESCE('user:' || e.submitted_by::text, 'system'), e.submitted_at
  FROM violation_explanation_files f
  JOIN violation_explanations e ON e.id = f.explanation_id
  JOIN violations v ON v.id = e.violation_id
 WHERE f.blob_key LIKE 'explanations/' || v.id::text || '/%'
ON CONFLICT (key) DO NOTHING;

-- Evidence exports (file and manifest): the camera's unit when the export was made.
INSERT INTO blob_owners (key, kind, unit_id, person_id, created_by, created_at)
SELECT x.blob_key, 'recording_evidence', x.unit_id, NULL, COALESCE('user:' || x.requested_by::text, 'system'), x.created_at
  FROM evidence_exports x
 WHERE x.blob_key LIKE 'evidence/%'
ON CONFLICT (key) DO NOTHING;
INSERT INTO blob_owners (key, kind, unit_id, person_id, created_by, created_at)
SELECT x.manifest_key, 'recording_evidence_manifest', x.unit_id, NULL, COALESCE('user:' || x.requested_by::text, 'system'), x.created_at
  FROM evidence_exports x
 WHERE x.manifest_key LIKE 'evidence/%'
ON CONFLICT (key) DO NOTHING;

-- Gate pass snapshots: the camera's unit, and the person the pass was matched or confirmed to.
INSERT INTO blob_owners (key, kind, unit_id, person_id, created_by, created_at)
SELECT s.snapshot_key, 'sighting', s.unit_id, s.person_id, 'camera:' || s.camera_id::text, s.created_at
  FROM face_sightings s
 WHERE s.snapshot_key LIKE 'faces/sightings/%'
ON CONFLICT (key) DO NOTHING;

-- Face crops collected by a gate enrollment period: the period's unit.
INSERT INTO blob_owners (key, kind, unit_id, person_id, created_by, created_at)
SELECT m.image_key, 'face_enrollment_sample', p.unit_id, NULL, 'camera:' || p.camera_id::text, m.created_at
  FROM face_enrollment_samples m
  JOIN face_enrollment_periods p ON p.id = m.period_id
 WHERE m.image_key LIKE 'faces/enrollment/' || p.id::text || '/%'
ON CONFLICT (key) DO NOTHING;

-- Staff imports: the workbook and its error report belong to the user who ran the import (an import spans units).
INSERT INTO blob_owners (key, kind, unit_id, person_id, created_by, created_at)
SELECT i.report_key, 'staff_import_report', NULL, NULL, COALESCE('user:' || i.requested_by::text, 'system'), i.started_at
  FROM staff_imports i
 WHERE i.report_key = 'imports/' || i.id::text || '/errors.xlsx'
ON CONFLICT (key) DO NOTHING;
INSERT INTO blob_owners (key, kind, unit_id, person_id, created_by, created_at)
SELECT 'imports/' || i.id::text || '/source.xlsx', 'staff_import_source', NULL, NULL, COALESCE('user:' || i.requested_by::text, 'system'), i.started_at
  FROM staff_imports i
 WHERE i.status = 'DONE'
ON CONFLICT (key) DO NOTHING;
