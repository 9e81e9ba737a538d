-- System grants: another module (an inspection) lets its people watch a camera for a stated purpose and window.
-- granted_for_* names that purpose, so it can be revoked as a whole when the purpose ends and shown in the grants
-- panel ("cấp theo cuộc kiểm tra …"); valid_from lets a window begin later than the grant is written.
ALTER TABLE camera_grants ADD COLUMN valid_from timestamptz;
ALTER TABLE camera_grants ADD COLUMN granted_for_type text;
ALTER TABLE camera_grants ADD COLUMN granted_for_id uuid;
ALTER TABLE camera_grants ADD COLUMN granted_for_label text;
ALTER TABLE camera_grants ADD CONSTRAINT camera_grants_for_kind
  CHECK ((granted_for_type IS NULL AND granted_for_id IS NULL) OR (granted_for_type IN ('INSPECTION') AND granted_for_id IS NOT NULL));
-- A leader's grant and a system grant live side by side (rights are the union of the grants in force): a system grant
-- never replaces or shortens the leader's, and the leader's never ends the inspection's. One open grant per camera
-- and user for each purpose.
DROP INDEX camera_grants_open;
CREATE UNIQUE INDEX camera_grants_open ON camera_grants (camera_id, user_id) WHERE revoked_at IS NULL AND granted_for_type IS NULL;
CREATE UNIQUE INDEX camera_grants_open_for ON camera_grants (camera_id, user_id, granted_for_type, granted_for_id)
  WHERE revoked_at IS NULL AND granted_for_type IS NOT NULL;
CREATE INDEX camera_grants_for ON camera_grants (granted_for_type, granted_for_id) WHERE granted_for_type IS NOT NULL;
