-- Grants carry the leader's reason (the audit log has it too, but the grants panel shows it next to the grant) and
-- who revoked them, and why. At most one open (not revoked) grant per camera and user: a new grant replaces the old.
ALTER TABLE camera_grants ADD COLUMN reason text NOT NULL DEFAULT '';
ALTER TABLE camera_grants ADD COLUMN revoked_by uuid REFERENCES users(id);
ALTER TABLE camera_grants ADD COLUMN revoke_reason text;
-- The old API allowed several open grants for one camera and user: keep the newest open, close the others, so the
-- unique index below can be built on an existing database.
UPDATE camera_grants g SET revoked_at = now(), revoke_reason = 'replaced'
 WHERE g.revoked_at IS NULL
   AND EXISTS (SELECT 1 FROM camera_grants n
                WHERE n.camera_id = g.camera_id AND n.user_id = g.user_id AND n.revoked_at IS NULL
                  AND (n.created_at, n.id) > (g.created_at, g.id));
CREATE UNIQUE INDEX camera_grants_open ON camera_grants (camera_id, user_id) WHERE revoked_at IS NULL;
