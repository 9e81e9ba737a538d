-- Grants carry the leader's reason (the audit log has it too, but the grants panel shows it next to the grant) and
-- who revoked them, and why. At most one open (not revoked) grant per camera and user: a new grant replaces the old.
ALTER TABLE camera_grants ADD COLUMN reason text NOT NULL DEFAULT '';
ALTER TABLE camera_grants ADD COLUMN revoked_by uuid REFERENCES users(id);
ALTER TABLE camera_grants ADD COLUMN revoke_reason text;
CREATE UNIQUE INDEX camera_grants_open ON camera_grants (camera_id, user_id) WHERE revoked_at IS NULL;
