-- Issue 14: one gate pass = one sighting, decided early and refined afterwards.

-- first_seen_at: the face was first seen in this pass (= the punch time; for new rows = seen_at);
-- last_seen_at: last frame of the pass so far (refined after an early decision);
-- decided_at: when the verdict was stored; decision_latency_ms = decided_at − first_seen_at, for every verdict;
-- fragments: tracks merged into this pass (a pass that split is merged back rather than written twice).
ALTER TABLE face_sightings ADD COLUMN first_seen_at timestamptz;
ALTER TABLE face_sightings ADD COLUMN last_seen_at timestamptz;
ALTER TABLE face_sightings ADD COLUMN decided_at timestamptz;
ALTER TABLE face_sightings ADD COLUMN fragments integer NOT NULL DEFAULT 1;
-- The pass' mean description (domain/described-bytes.ts), written only for AUTO and REVIEW verdicts for the learning
-- gallery, cleared once used, refused, rejected or older than 7 days. A stranger's (UNKNOWN) embedding is never kept
-- outside a gate-enrollment period (Luật 91/2025 Điều 9; audit D11).
ALTER TABLE face_sightings ADD COLUMN probe_embedding bytea;

-- Older rows: the pass was known only by its snapshot time, decided when the row was written.
UPDATE face_sightings SET first_seen_at = seen_at, last_seen_at = seen_at WHERE first_seen_at IS NULL;
UPDATE face_sightings
   SET decided_at = COALESCE(seen_at + decision_latency_ms * interval '1 millisecond', created_at)
 WHERE decided_at IS NULL;
UPDATE face_sightings
   SET decision_latency_ms = GREATEST(0, ROUND(EXTRACT(EPOCH FROM (decided_at - first_seen_at)) * 1000))::integer
 WHERE decision_latency_ms IS NULL;
ALTER TABLE face_sightings ALTER COLUMN first_seen_at SET NOT NULL;
ALTER TABLE face_sightings ALTER COLUMN last_seen_at SET NOT NULL;
CREATE INDEX face_sightings_camera_time ON face_sightings (camera_id, first_seen_at DESC);

-- Strangers are no longer grouped by embedding outside gate-enrollment periods (audit D11): the stored embeddings of
-- such groups are discarded now, the rows (counts, dates) stay for the pass records that point to them.
ALTER TABLE face_unknown_clusters ALTER COLUMN embedding DROP NOT NULL;
UPDATE face_unknown_clusters SET embedding = NULL WHERE enrollment_period_id IS NULL;
